/// Why a font file cannot be used.
public enum TrueTypeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shorter than its table directory, or empty.
    case truncated
    /// A TrueType collection (.ttc): several fonts in one file; give one font file instead.
    case fontCollection
    /// An OpenType font with CFF (PostScript) outlines: only TrueType (`glyf`) outlines are supported.
    case cffOutlines
    /// Not a font at all (the first four bytes are no known signature).
    case notAFont(signature: UInt32)
    /// A table every usable font has is absent.
    case missingTable(String)
    /// A table lies (partly) outside the file.
    case tableOutOfBounds(String)
    /// A table's content is inconsistent (`reason` says how).
    case invalidTable(String, reason: String)
    /// No Unicode character map of format 4 or 12.
    case noUnicodeCmap
    /// The font's licence forbids embedding it (OS/2 `fsType` says "restricted license").
    case embeddingRestricted

    public var description: String {
        switch self {
        case .truncated: "the file is too short to be a font"
        case .fontCollection: "a TrueType collection (.ttc), not a single font"
        case .cffOutlines: "an OpenType font with CFF outlines (only TrueType outlines are supported)"
        case .notAFont(let s): "not a TrueType font (signature 0x\(String(s, radix: 16)))"
        case .missingTable(let t): "the '\(t)' table is missing"
        case .tableOutOfBounds(let t): "the '\(t)' table lies outside the file"
        case let .invalidTable(t, reason): "the '\(t)' table is invalid: \(reason)"
        case .noUnicodeCmap: "no Unicode character map (cmap format 4 or 12)"
        case .embeddingRestricted: "the font's licence does not allow embedding"
        }
    }
}

/// A font's bounding box in font units.
public struct FontBox: Sendable, Equatable {
    public var xMin: Int
    public var yMin: Int
    public var xMax: Int
    public var yMax: Int
}

/// A TrueType font read from its bytes: the metrics a PDF font descriptor needs, the character map, the
/// advance widths and the glyph outlines (for subsetting).
///
/// Glyph ids are `UInt16`, as in the file. The parsed form keeps the original bytes (copy-on-write, shared
/// between copies of the value) and flat lookup arrays, so lookups cost an array access.
public struct TrueTypeFont: Sendable {
    struct TableRecord: Sendable {
        var tag: UInt32
        var checksum: UInt32
        var offset: Int
        var length: Int
    }

    /// The file's bytes.
    public let bytes: [UInt8]
    let tables: [UInt32: TableRecord]

    /// Font units per em (2048 for Liberation and DejaVu).
    public let unitsPerEm: Int
    /// The number of glyphs (`maxp`).
    public let glyphCount: Int
    /// The PostScript name (`name` id 6), e.g. "LiberationSerif-Bold"; made from the family name when absent.
    public let postScriptName: String
    /// The family name (`name` id 1), e.g. "Liberation Serif".
    public let familyName: String
    /// Typographic ascender and descender (`hhea`, font units; the descender is negative).
    public let ascent: Int
    public let descent: Int
    public let lineGap: Int
    /// Height of capital letters (OS/2 version 2+, else the top of "H"), font units.
    public let capHeight: Int
    /// Italic angle in degrees, counter-clockwise from vertical (negative for a right-leaning italic).
    public let italicAngle: Double
    /// The bounding box of all glyphs (`head`).
    public let boundingBox: FontBox
    /// OS/2 weight class (400 regular, 700 bold); 400 when there is no OS/2 table.
    public let weightClass: Int
    public let isFixedPitch: Bool
    /// True when the OS/2 family class or PANOSE says the design has serifs.
    public let isSerif: Bool
    /// True when `head.macStyle` or the OS/2 selection flags say italic, or the italic angle is not zero.
    public let isItalic: Bool
    public let isBold: Bool
    /// OS/2 `fsType` (embedding permissions); 0 when there is no OS/2 table.
    public let embeddingFlags: UInt16

    let indexToLocFormat: Int
    let horizontalMetricCount: Int
    let advances: [UInt16]
    /// Advance widths in PDF glyph space (1/1000 em), rounded: the values of the `/W` array, which layout
    /// uses too so that measured and drawn widths agree exactly.
    let pdfAdvances: [Int32]
    let leftSideBearings: [Int16]
    /// Offsets of each glyph's data from the start of `glyf`, `glyphCount + 1` entries.
    let glyphOffsets: [Int]
    let glyfOffset: Int
    /// Glyph per BMP code point (0 = not mapped).
    let bmpGlyphs: [UInt16]
    /// Glyph per supplementary-plane code point.
    let supplementaryGlyphs: [UInt32: UInt16]

    /// Parses a font file. Throws for collections, CFF fonts, truncated or inconsistent tables, fonts
    /// without a Unicode character map (unless `requiringCharacterMap` is false, as for a subset made for a
    /// PDF, which has none) and fonts whose licence forbids embedding.
    public init(bytes: [UInt8], requiringCharacterMap: Bool = true) throws(TrueTypeError) {
        self.bytes = bytes
        guard bytes.count >= 12 else { throw .truncated }
        let signature = BigEndian.u32(bytes, 0)
        switch signature {
        case 0x0001_0000, tagValue("true"): break
        case tagValue("ttcf"): throw .fontCollection
        case tagValue("OTTO"): throw .cffOutlines
        default: throw .notAFont(signature: signature)
        }
        let tableCount = Int(BigEndian.u16(bytes, 4))
        guard bytes.count >= 12 + 16 * tableCount else { throw .truncated }
        var tables: [UInt32: TableRecord] = [:]
        for i in 0..<tableCount {
            let at = 12 + 16 * i
            let record = TableRecord(
                tag: BigEndian.u32(bytes, at), checksum: BigEndian.u32(bytes, at + 4),
                offset: Int(BigEndian.u32(bytes, at + 8)), length: Int(BigEndian.u32(bytes, at + 12)))
            tables[record.tag] = record
        }
        self.tables = tables

        func table(_ tag: String, minimum: Int = 0, required: Bool = true) throws(TrueTypeError) -> Range<Int>? {
            guard let r = tables[tagValue(tag)] else {
                if required { throw .missingTable(tag) }
                return nil
            }
            guard r.offset >= 0, r.length >= 0, r.offset + r.length <= bytes.count else { throw .tableOutOfBounds(tag) }
            guard r.length >= minimum else {
                throw .invalidTable(tag, reason: "\(r.length) bytes, at least \(minimum) needed")
            }
            return r.offset..<(r.offset + r.length)
        }

        if tables[tagValue("glyf")] == nil && (tables[tagValue("CFF ")] != nil || tables[tagValue("CFF2")] != nil) {
            throw .cffOutlines
        }
        let head = try table("head", minimum: 54)!.lowerBound
        let hhea = try table("hhea", minimum: 36)!.lowerBound
        let maxp = try table("maxp", minimum: 6)!.lowerBound
        let hmtx = try table("hmtx")!
        let loca = try table("loca")!
        let glyf = try table("glyf")!
        let cmap = try table("cmap", minimum: 4, required: requiringCharacterMap)

        guard BigEndian.u32(bytes, head + 12) == 0x5F0F_3CF5 else {
            throw .invalidTable("head", reason: "bad magic number")
        }
        let unitsPerEm = Int(BigEndian.u16(bytes, head + 18))
        guard (16...16384).contains(unitsPerEm) else { throw .invalidTable("head", reason: "unitsPerEm \(unitsPerEm)") }
        self.unitsPerEm = unitsPerEm
        boundingBox = FontBox(
            xMin: Int(BigEndian.i16(bytes, head + 36)), yMin: Int(BigEndian.i16(bytes, head + 38)),
            xMax: Int(BigEndian.i16(bytes, head + 40)), yMax: Int(BigEndian.i16(bytes, head + 42)))
        let macStyle = BigEndian.u16(bytes, head + 44)
        indexToLocFormat = Int(BigEndian.i16(bytes, head + 50))
        guard indexToLocFormat == 0 || indexToLocFormat == 1 else {
            throw .invalidTable("head", reason: "indexToLocFormat \(indexToLocFormat)")
        }

        let glyphCount = Int(BigEndian.u16(bytes, maxp + 4))
        guard glyphCount > 0 else { throw .invalidTable("maxp", reason: "no glyphs") }
        self.glyphCount = glyphCount

        ascent = Int(BigEndian.i16(bytes, hhea + 4))
        descent = Int(BigEndian.i16(bytes, hhea + 6))
        lineGap = Int(BigEndian.i16(bytes, hhea + 8))
        let metricCount = Int(BigEndian.u16(bytes, hhea + 34))
        guard metricCount >= 1, metricCount <= glyphCount else {
            throw .invalidTable("hhea", reason: "numberOfHMetrics \(metricCount) for \(glyphCount) glyphs")
        }
        horizontalMetricCount = metricCount
        guard hmtx.count >= 4 * metricCount + 2 * (glyphCount - metricCount) else {
            throw .invalidTable("hmtx", reason: "too short for \(glyphCount) glyphs")
        }
        var advances = [UInt16](repeating: 0, count: glyphCount)
        var bearings = [Int16](repeating: 0, count: glyphCount)
        for g in 0..<glyphCount {
            if g < metricCount {
                advances[g] = BigEndian.u16(bytes, hmtx.lowerBound + 4 * g)
                bearings[g] = BigEndian.i16(bytes, hmtx.lowerBound + 4 * g + 2)
            } else {
                advances[g] = advances[metricCount - 1]
                bearings[g] = BigEndian.i16(bytes, hmtx.lowerBound + 4 * metricCount + 2 * (g - metricCount))
            }
        }
        self.advances = advances
        pdfAdvances = advances.map { Int32((Double($0) * 1000 / Double(unitsPerEm)).rounded()) }
        leftSideBearings = bearings

        let locaEntry = indexToLocFormat == 0 ? 2 : 4
        guard loca.count >= locaEntry * (glyphCount + 1) else {
            throw .invalidTable("loca", reason: "too short for \(glyphCount) glyphs")
        }
        var offsets = [Int](repeating: 0, count: glyphCount + 1)
        for g in 0...glyphCount {
            let o =
                indexToLocFormat == 0
                ? 2 * Int(BigEndian.u16(bytes, loca.lowerBound + 2 * g))
                : Int(BigEndian.u32(bytes, loca.lowerBound + 4 * g))
            offsets[g] = o
            if o > glyf.count { throw .invalidTable("loca", reason: "glyph \(g) starts past the end of 'glyf'") }
            if g > 0 && o < offsets[g - 1] { throw .invalidTable("loca", reason: "offsets decrease at glyph \(g)") }
        }
        glyphOffsets = offsets
        glyfOffset = glyf.lowerBound

        let maps =
            try cmap.map { r throws(TrueTypeError) in try Self.readCmap(bytes, r, glyphCount: glyphCount) }
            ?? (bmp: [UInt16](repeating: 0, count: 0x10000), supplementary: [:])
        bmpGlyphs = maps.bmp
        supplementaryGlyphs = maps.supplementary

        // post: italic angle (16.16 fixed) and fixed pitch.
        if let post = try table("post", minimum: 16, required: false) {
            let fixed = Int32(bitPattern: BigEndian.u32(bytes, post.lowerBound + 4))
            italicAngle = Double(fixed) / 65536
            isFixedPitch = BigEndian.u32(bytes, post.lowerBound + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }

        // OS/2: weight, embedding, family class, PANOSE, selection flags, cap height.
        var capHeight: Int?
        var serif = false
        var italic = macStyle & 2 != 0
        var bold = macStyle & 1 != 0
        if let os2 = try table("OS/2", minimum: 78, required: false) {
            let o = os2.lowerBound
            weightClass = Int(BigEndian.u16(bytes, o + 4))
            embeddingFlags = BigEndian.u16(bytes, o + 8)
            let familyClass = Int(BigEndian.u16(bytes, o + 30)) >> 8
            let panoseFamily = bytes[o + 32], panoseSerif = bytes[o + 33]
            serif = (1...7).contains(familyClass) || (panoseFamily == 2 && (2...10).contains(panoseSerif))
            let selection = BigEndian.u16(bytes, o + 62)
            italic = italic || selection & 1 != 0
            bold = bold || selection & 0x20 != 0
            if BigEndian.u16(bytes, o) >= 2 && os2.count >= 90 {
                let h = Int(BigEndian.i16(bytes, o + 88))
                if h > 0 { capHeight = h }
            }
        } else {
            weightClass = bold ? 700 : 400
            embeddingFlags = 0
        }
        // Bit 1 alone (value 2) is "restricted license embedding": the font must not be embedded.
        if embeddingFlags & 0x000F == 0x0002 { throw .embeddingRestricted }
        isSerif = serif
        isItalic = italic || italicAngle != 0
        isBold = bold || weightClass >= 600

        let names = try Self.readNames(bytes, try table("name", minimum: 6, required: false))
        familyName = names.family ?? "Font"
        postScriptName = names.postScript ?? String(familyName.unicodeScalars.filter { $0.isASCII && $0 != " " })

        // Cap height from the letter H when OS/2 does not give it.
        if capHeight == nil, let h = Self.lookup(bmpGlyphs, supplementaryGlyphs, 0x48) {
            let g = Int(h)
            if offsets[g + 1] - offsets[g] >= 10 {
                capHeight = Int(BigEndian.i16(bytes, glyf.lowerBound + offsets[g] + 8))
            }
        }
        self.capHeight = capHeight ?? Int(Double(ascent) * 0.7)
    }

    static func lookup(_ bmp: [UInt16], _ supplementary: [UInt32: UInt16], _ code: UInt32) -> UInt16? {
        let g = code < 0x10000 ? bmp[Int(code)] : (supplementary[code] ?? 0)
        return g == 0 ? nil : g
    }

    // MARK: Lookups

    /// The glyph that draws `scalar`, or nil when the font does not map it.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16? {
        let code = scalar.value
        let g = code < 0x10000 ? bmpGlyphs[Int(code)] : (supplementaryGlyphs[code] ?? 0)
        return g == 0 ? nil : g
    }

    /// The advance width of `glyph` in font units (`hmtx`); 0 for a glyph id past the end.
    public func advanceWidth(of glyph: UInt16) -> Int {
        Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
    }

    /// The left side bearing of `glyph` in font units (`hmtx`).
    public func leftSideBearing(of glyph: UInt16) -> Int {
        Int(glyph) < leftSideBearings.count ? Int(leftSideBearings[Int(glyph)]) : 0
    }

    /// The bytes of `glyph` in `glyf` (empty for a glyph without outline, such as the space).
    public func glyphData(_ glyph: UInt16) -> ArraySlice<UInt8> {
        let g = Int(glyph)
        guard g < glyphCount else { return [] }
        return bytes[(glyfOffset + glyphOffsets[g])..<(glyfOffset + glyphOffsets[g + 1])]
    }

    /// The raw bytes of a table ("cvt ", "fpgm"…), or nil when the font has none.
    public func table(_ tag: String) -> ArraySlice<UInt8>? {
        guard let r = tables[tagValue(tag)] else { return nil }
        return bytes[r.offset..<(r.offset + r.length)]
    }

    /// The tags of the font's tables, sorted.
    public var tableTags: [String] { tables.keys.sorted().map(tagText) }

    /// Whether `glyph` is a composite (built from other glyphs).
    public func isComposite(_ glyph: UInt16) -> Bool {
        let d = glyphData(glyph)
        return d.count >= 10 && BigEndian.i16(bytes, d.startIndex) < 0
    }

    /// The glyphs a composite glyph is built from (direct components only; empty for a simple glyph).
    public func components(of glyph: UInt16) throws(TrueTypeError) -> [UInt16] {
        try Self.compositeComponents(glyphData(glyph), glyphCount: glyphCount).map(\.glyph)
    }

    /// Parses the component records of a composite glyph: each component's glyph id and the offset of that id
    /// within the glyph data.
    static func compositeComponents(_ data: ArraySlice<UInt8>, glyphCount: Int) throws(TrueTypeError) -> [(
        glyph: UInt16, at: Int
    )] {
        guard data.count >= 10 else { return [] }
        let base = data.startIndex
        let bytes = Array(data)
        guard BigEndian.i16(bytes, 0) < 0 else { return [] }
        var result: [(glyph: UInt16, at: Int)] = []
        var p = 10
        while true {
            guard p + 4 <= bytes.count else { throw .invalidTable("glyf", reason: "composite glyph truncated") }
            let flags = BigEndian.u16(bytes, p)
            let glyph = BigEndian.u16(bytes, p + 2)
            guard Int(glyph) < glyphCount else {
                throw .invalidTable("glyf", reason: "component glyph \(glyph) out of range")
            }
            result.append((glyph, base + p + 2))
            p += 4
            p += flags & 0x0001 != 0 ? 4 : 2  // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 {
                p += 2
            }  // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 {
                p += 4
            }  // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 {
                p += 8
            }  // WE_HAVE_A_TWO_BY_TWO
            if flags & 0x0020 == 0 { break }  // MORE_COMPONENTS
        }
        guard p <= bytes.count else { throw .invalidTable("glyf", reason: "composite glyph truncated") }
        return result
    }

    // MARK: cmap

    /// Reads the best Unicode subtable: format 12 (full repertoire) before format 4 (BMP).
    static func readCmap(_ b: [UInt8], _ range: Range<Int>, glyphCount: Int) throws(TrueTypeError) -> (
        bmp: [UInt16], supplementary: [UInt32: UInt16]
    ) {
        let start = range.lowerBound
        let count = Int(BigEndian.u16(b, start + 2))
        guard range.count >= 4 + 8 * count else { throw .invalidTable("cmap", reason: "encoding records truncated") }
        var best: (rank: Int, offset: Int)?
        for i in 0..<count {
            let rec = start + 4 + 8 * i
            let platform = BigEndian.u16(b, rec), encoding = BigEndian.u16(b, rec + 2)
            let offset = Int(BigEndian.u32(b, rec + 4))
            guard offset + 4 <= range.count else { continue }
            let format = BigEndian.u16(b, start + offset)
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard unicode else { continue }
            let rank: Int
            switch format {
            case 12: rank = 3
            case 4: rank = platform == 3 ? 2 : 1
            default: continue
            }
            if best == nil || rank > best!.rank { best = (rank, offset) }
        }
        guard let chosen = best else { throw .noUnicodeCmap }
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [UInt32: UInt16] = [:]
        let t = start + chosen.offset
        let format = BigEndian.u16(b, t)
        if format == 4 {
            let length = Int(BigEndian.u16(b, t + 2))
            guard t + 14 <= range.upperBound else { throw .invalidTable("cmap", reason: "format 4 truncated") }
            let segCount = Int(BigEndian.u16(b, t + 6)) / 2
            let ends = t + 14, starts = ends + 2 * segCount + 2
            let deltas = starts + 2 * segCount, rangeOffsets = deltas + 2 * segCount
            // Some fonts state a wrong length; trust the table's extent, not the field.
            let limit = min(range.upperBound, max(t + length, rangeOffsets + 2 * segCount))
            guard rangeOffsets + 2 * segCount <= range.upperBound else {
                throw .invalidTable("cmap", reason: "format 4 segments truncated")
            }
            for s in 0..<segCount {
                let end = Int(BigEndian.u16(b, ends + 2 * s)), first = Int(BigEndian.u16(b, starts + 2 * s))
                let delta = Int(BigEndian.u16(b, deltas + 2 * s))
                let rangeOffsetAt = rangeOffsets + 2 * s
                let rangeOffset = Int(BigEndian.u16(b, rangeOffsetAt))
                guard first <= end else { continue }
                for c in first...end where c != 0xFFFF {
                    var g: Int
                    if rangeOffset == 0 {
                        g = (c + delta) & 0xFFFF
                    } else {
                        let at = rangeOffsetAt + rangeOffset + 2 * (c - first)
                        guard at + 2 <= limit else { continue }
                        g = Int(BigEndian.u16(b, at))
                        if g != 0 { g = (g + delta) & 0xFFFF }
                    }
                    if g < glyphCount { bmp[c] = UInt16(g) }
                }
            }
        } else {
            guard t + 16 <= range.upperBound else { throw .invalidTable("cmap", reason: "format 12 truncated") }
            let groups = Int(BigEndian.u32(b, t + 12))
            guard groups <= (range.upperBound - t - 16) / 12 else {
                throw .invalidTable("cmap", reason: "format 12 groups truncated")
            }
            for i in 0..<groups {
                let g = t + 16 + 12 * i
                let first = BigEndian.u32(b, g), last = BigEndian.u32(b, g + 4), glyph = BigEndian.u32(b, g + 8)
                guard first <= last, last <= 0x10FFFF else { continue }
                for c in first...last {
                    let id = glyph + (c - first)
                    guard id < glyphCount else { break }
                    if c < 0x10000 { bmp[Int(c)] = UInt16(id) } else { supplementary[c] = UInt16(id) }
                }
            }
        }
        return (bmp, supplementary)
    }

    // MARK: name

    static func readNames(_ b: [UInt8], _ range: Range<Int>?) throws(TrueTypeError) -> (
        family: String?, postScript: String?
    ) {
        guard let range else { return (nil, nil) }
        let start = range.lowerBound
        let count = Int(BigEndian.u16(b, start + 2))
        let storage = start + Int(BigEndian.u16(b, start + 4))
        guard 6 + 12 * count <= range.count else { throw .invalidTable("name", reason: "records truncated") }
        var family: (rank: Int, text: String)?
        var postScript: (rank: Int, text: String)?
        for i in 0..<count {
            let r = start + 6 + 12 * i
            let platform = BigEndian.u16(b, r), language = BigEndian.u16(b, r + 4), id = BigEndian.u16(b, r + 6)
            let length = Int(BigEndian.u16(b, r + 8)), offset = Int(BigEndian.u16(b, r + 10))
            guard id == 1 || id == 6, storage + offset + length <= range.upperBound else { continue }
            let raw = Array(b[(storage + offset)..<(storage + offset + length)])
            let text: String
            let rank: Int
            if platform == 3 || platform == 0 {
                var units: [UInt16] = []
                var k = 0
                while k + 1 < raw.count {
                    units.append(BigEndian.u16(raw, k))
                    k += 2
                }
                text = String(decoding: units, as: UTF16.self)
                rank = platform == 3 && language == 0x0409 ? 3 : 2
            } else if platform == 1 {
                text = String(decoding: raw.map { $0 < 0x80 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
                rank = 1
            } else {
                continue
            }
            if id == 1, family == nil || rank > family!.rank { family = (rank, text) }
            if id == 6, postScript == nil || rank > postScript!.rank { postScript = (rank, text) }
        }
        return (family?.text, postScript?.text)
    }

    // MARK: PDF font descriptor values

    /// Scales font units to the PDF glyph space (1000 units per em), rounded.
    public func pdfUnits(_ v: Int) -> Int {
        let scaled = Double(v) * 1000 / Double(unitsPerEm)
        return Int(scaled.rounded())
    }

    /// The `/Flags` of a PDF font descriptor: fixed pitch, serif, symbolic (Vietnamese letters lie outside
    /// the Adobe standard Latin set), italic.
    public var pdfFlags: Int {
        var f = 4  // Symbolic
        if isFixedPitch { f |= 1 }
        if isSerif { f |= 2 }
        if isItalic { f |= 64 }
        return f
    }

    /// An estimate of the dominant vertical stem width from the weight class (fonts do not store it).
    public var stemV: Int {
        let w = Double(weightClass) / 65
        return Int((50 + w * w).rounded())
    }
}
