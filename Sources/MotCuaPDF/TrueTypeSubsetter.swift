/// A subset of a TrueType font: a valid font file holding only the glyphs a document uses.
public struct TrueTypeSubset: Sendable {
    /// The font file (tables `head`, `hhea`, `maxp`, `loca`, `glyf`, `hmtx`, and `cvt `, `fpgm`, `prep` when
    /// the original has them), checksums and `checkSumAdjustment` set.
    public let bytes: [UInt8]
    /// Every glyph kept, sorted: the glyphs asked for, glyph 0 and the components of composite glyphs.
    public let glyphs: [UInt16]
    /// The six capital letters that mark a subset ("KXQBTA"), derived from the glyph set and the font name.
    public let tag: String
    /// The PDF base font name: tag, "+", PostScript name ("KXQBTA+LiberationSerif").
    public let baseFontName: String
}

extension TrueTypeFont {
    /// The glyphs that must be kept to draw `glyphs`: those, glyph 0 (.notdef) and every component of a
    /// composite glyph, transitively. Ids past the end of the font are ignored.
    public func glyphClosure(_ glyphs: some Sequence<UInt16>) throws(TrueTypeError) -> Set<UInt16> {
        var kept: Set<UInt16> = [0]
        var pending: [UInt16] = [0]
        for g in glyphs where Int(g) < glyphCount && kept.insert(g).inserted { pending.append(g) }
        while let g = pending.popLast() {
            for c in try components(of: g) where kept.insert(c).inserted { pending.append(c) }
        }
        return kept
    }

    /// Builds a subset that keeps the original glyph ids: kept glyphs have their outlines and metrics copied
    /// byte for byte, the others are empty with zero metrics, and the glyph count ends after the highest glyph
    /// kept. `loca` is rewritten (short offsets when they fit); only the tables a PDF viewer needs are written.
    public func subset(keeping glyphs: some Sequence<UInt16>) throws(TrueTypeError) -> TrueTypeSubset {
        let kept = try glyphClosure(glyphs)
        let sorted = kept.sorted()
        let count = Int(sorted.last!) + 1

        // glyf and loca
        var glyf: [UInt8] = []
        var offsets = [Int](repeating: 0, count: count + 1)
        for g in 0..<count {
            offsets[g] = glyf.count
            if kept.contains(UInt16(g)) {
                glyf += glyphData(UInt16(g))
                if glyf.count % 2 == 1 { glyf.append(0) }  // short offsets address even positions
            }
        }
        offsets[count] = glyf.count
        let shortLoca = glyf.count <= 0x1FFFE
        var loca: [UInt8] = []
        loca.reserveCapacity((count + 1) * (shortLoca ? 2 : 4))
        for o in offsets {
            if shortLoca { BigEndian.append16(&loca, UInt16(o / 2)) } else { BigEndian.append32(&loca, UInt32(o)) }
        }

        // hmtx: full metrics for the first glyphs as in the original, bearings only after. Dropped glyphs get
        // zero metrics (they have no outline and are never drawn), which compresses to almost nothing.
        let metricCount = min(horizontalMetricCount, count)
        var hmtx: [UInt8] = []
        for g in 0..<count {
            let keep = kept.contains(UInt16(g))
            if g < metricCount { BigEndian.append16(&hmtx, keep ? advances[g] : 0) }
            BigEndian.append16(&hmtx, keep ? UInt16(bitPattern: leftSideBearings[g]) : 0)
        }

        var head = Array(table("head")!)
        BigEndian.put32(&head, 8, 0)  // checkSumAdjustment, set at the end
        BigEndian.put16(&head, 50, shortLoca ? 0 : 1)  // indexToLocFormat
        var hhea = Array(table("hhea")!)
        BigEndian.put16(&hhea, 34, UInt16(metricCount))
        var maxp = Array(table("maxp")!)
        BigEndian.put16(&maxp, 4, UInt16(count))

        var out: [(tag: String, data: [UInt8])] = [
            ("glyf", glyf), ("head", head), ("hhea", hhea), ("hmtx", hmtx),
            ("loca", loca), ("maxp", maxp)
        ]
        for tag in ["cvt ", "fpgm", "prep"] {
            if let t = table(tag) { out.append((tag, Array(t))) }
        }
        let bytes = Self.assemble(out)

        let tag = Self.subsetTag(sorted, name: postScriptName)
        return TrueTypeSubset(bytes: bytes, glyphs: sorted, tag: tag, baseFontName: tag + "+" + postScriptName)
    }

    /// Writes a font file from its tables: the directory sorted by tag, each table on a 4-byte boundary,
    /// checksums, and `head.checkSumAdjustment` so that the whole file sums to 0xB1B0AFBA.
    static func assemble(_ tables: [(tag: String, data: [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { tagValue($0.tag) < tagValue($1.tag) }
        let n = sorted.count
        var power = 1, log = 0
        while power * 2 <= n {
            power *= 2
            log += 1
        }
        var out: [UInt8] = []
        BigEndian.append32(&out, 0x0001_0000)
        BigEndian.append16(&out, UInt16(n))
        BigEndian.append16(&out, UInt16(power * 16))
        BigEndian.append16(&out, UInt16(log))
        BigEndian.append16(&out, UInt16(n * 16 - power * 16))
        var offset = 12 + 16 * n
        var headOffset: Int?
        for t in sorted {
            BigEndian.append32(&out, tagValue(t.tag))
            BigEndian.append32(&out, BigEndian.checksum(t.data))
            BigEndian.append32(&out, UInt32(offset))
            BigEndian.append32(&out, UInt32(t.data.count))
            if t.tag == "head" { headOffset = offset }
            offset += (t.data.count + 3) & ~3
        }
        for t in sorted {
            out += t.data
            while out.count % 4 != 0 { out.append(0) }
        }
        if let h = headOffset {
            BigEndian.put32(&out, h + 8, 0xB1B0_AFBA &- BigEndian.checksum(out))
        }
        return out
    }

    /// Six capital letters from a hash of the glyph set and the font's name: the same subset always gets the
    /// same tag, two different subsets almost surely different ones.
    static func subsetTag(_ glyphs: [UInt16], name: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        for b in name.utf8 { mix(b) }
        for g in glyphs {
            mix(UInt8(g >> 8))
            mix(UInt8(g & 0xFF))
        }
        var letters: [UInt8] = []
        for _ in 0..<6 {
            letters.append(UInt8(ascii: "A") + UInt8(hash % 26))
            hash /= 26
        }
        return String(decoding: letters, as: UTF8.self)
    }
}
