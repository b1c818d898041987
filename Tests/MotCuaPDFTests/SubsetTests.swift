import Foundation
import Testing
@testable import MotCuaPDF

@Suite("Subsetter")
struct SubsetTests {
    /// Checks a font file's structure with the independent oracle: each table's checksum, and the whole
    /// file summing to 0xB1B0AFBA through head.checkSumAdjustment.
    func checkSums(_ b: [UInt8]) {
        for (tag, t) in Oracle.tables(b) {
            var data = Array(b[t.offset..<(t.offset + t.length)])
            if tag == "head" { data.replaceSubrange(8..<12, with: [0, 0, 0, 0]) }
            #expect(Oracle.checksum(data[...]) == t.checksum, "checksum of \(tag)")
            #expect(t.offset % 4 == 0)
        }
        #expect(Oracle.checksum(b[...]) == 0xB1B0_AFBA)
    }

    @Test("Round trip: kept glyphs byte-identical, dropped glyphs empty, composites complete, ids kept")
    func roundTrip() throws {
        let font = try Fixtures.font(Fixtures.liberationRegular)
        let text = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập"
        let used = Set(text.unicodeScalars.map { font.drawn($0)?.glyph ?? 0 })
        let subset = try font.subset(keeping: used)
        checkSums(subset.bytes)
        #expect(
            Set(Oracle.tables(subset.bytes).keys) == [
                "head", "hhea", "maxp", "loca", "glyf", "hmtx", "cvt ", "fpgm", "prep"
            ])

        let again = try TrueTypeFont(bytes: subset.bytes, requiringCharacterMap: false)
        #expect(again.unitsPerEm == 2048)
        #expect(again.glyphCount == Int(subset.glyphs.last!) + 1)
        let kept = Set(subset.glyphs)
        #expect(kept.isSuperset(of: used))
        #expect(kept.contains(0))
        // ệ's components (e, circumflex, dotbelowcomb) are kept though not drawn on their own.
        #expect(kept.isSuperset(of: [72, 648, 741]))
        for g in 0..<again.glyphCount {
            let id = UInt16(g)
            if kept.contains(id) {
                #expect(Array(again.glyphData(id)) == Array(font.glyphData(id)), "glyph \(g)")
                #expect(again.advanceWidth(of: id) == font.advanceWidth(of: id))
                #expect(again.leftSideBearing(of: id) == font.leftSideBearing(of: id))
            } else {
                #expect(again.glyphData(id).isEmpty, "glyph \(g) must be empty")
            }
        }
        // Every composite's components are in the subset.
        for g in subset.glyphs { #expect(Set(try again.components(of: g)).isSubset(of: kept)) }
        for tag in ["cvt ", "fpgm", "prep"] { #expect(Array(again.table(tag)!) == Array(font.table(tag)!)) }
        // Much smaller than the font.
        #expect(subset.bytes.count < font.bytes.count / 5)
    }

    @Test("Nested composites are followed transitively (DejaVu Ǆ = Zcaron + D, Zcaron = Z + caron)")
    func transitive() throws {
        let font = try Fixtures.font(Fixtures.dejaVuSerif)
        let closure = try font.glyphClosure([390])
        let zcaron = try font.components(of: 319)
        #expect(!zcaron.isEmpty)
        #expect(closure == Set([0, 390, 319, 39] + zcaron))
        let subset = try font.subset(keeping: [390])
        checkSums(subset.bytes)
        let again = try TrueTypeFont(bytes: subset.bytes, requiringCharacterMap: false)
        for g in closure { #expect(Array(again.glyphData(g)) == Array(font.glyphData(g))) }
        #expect(again.glyph(for: "A") == nil)  // no cmap in a PDF subset
    }

    @Test("The subset tag: six capitals, the same for the same glyphs, different for others")
    func tag() throws {
        let font = try Fixtures.font(Fixtures.liberationRegular)
        let a = try font.subset(keeping: [36, 37, 38])
        let b = try font.subset(keeping: [38, 37, 36, 36])
        let c = try font.subset(keeping: [36, 37, 39])
        #expect(a.tag == b.tag)
        #expect(a.bytes == b.bytes)
        #expect(a.tag != c.tag)
        #expect(a.tag.count == 6 && a.tag.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) })
        #expect(a.baseFontName == a.tag + "+LiberationSerif")
    }

    @Test("Short loca when the glyph data is small, glyph ids past the end ignored")
    func shortLoca() throws {
        let font = try Fixtures.font(Fixtures.liberationRegular)
        let subset = try font.subset(keeping: [36, 60_000])
        let head = Oracle.tables(subset.bytes)["head"]!.offset
        #expect(Oracle.u16(subset.bytes, head + 50) == 0)
        #expect(subset.glyphs == [0, 36])
        #expect(
            Array(try TrueTypeFont(bytes: subset.bytes, requiringCharacterMap: false).glyphData(36))
                == Array(font.glyphData(36)))
    }
}

@Suite("Font discovery")
struct DiscoveryTests {
    @Test("Liberation Serif is found first on this machine, with its four faces")
    func liberation() throws {
        guard FileAccess.exists(FontCandidate.liberationSerif.paths[.regular]![0]) else {
            print("SKIPPED (discovery): fonts-liberation2 not installed")
            return
        }
        let result = FontDiscovery.discover()
        let family = try #require(result.family)
        #expect(family.name == "Liberation Serif")
        #expect(family.substitutedStyles.isEmpty)
        #expect(family[.boldItalic].postScriptName == "LiberationSerif-BoldItalic")
        #expect(family.paths[.italic]!.hasSuffix("LiberationSerif-Italic.ttf"))
        #expect(result.vietnameseMessage.isEmpty)
    }

    /// Reads from a fake file system: path → bytes.
    func reader(_ files: [String: [UInt8]]) -> (String) throws(FileAccess.ReadError) -> [UInt8] {
        { path throws(FileAccess.ReadError) in
            guard let b = files[path] else { throw FileAccess.ReadError(path: path, code: ENOENT) }
            return b
        }
    }

    @Test("Falls back to DejaVu Serif, then to the explicit path; says why each was unusable")
    func fallbacks() throws {
        let dejaVu = try Fixtures.bytes(Fixtures.dejaVuSerif)
        let liberation = try Fixtures.bytes(Fixtures.liberationRegular)
        let lib = FontCandidate.liberationSerif.paths[.regular]!
        let dv = FontCandidate.dejaVuSerif.paths

        // Liberation is a font without Vietnamese letters; DejaVu has only its regular face.
        var files = [lib[0]: syntheticFont(), dv[.regular]![0]: dejaVu]
        var result = FontDiscovery.discover(read: reader(files))
        var family = try #require(result.family)
        #expect(family.name == "DejaVu Serif")
        #expect(family.substitutedStyles == [.bold, .italic, .boldItalic])
        guard case let .missingLetters(path, letters)? = result.outcomes[0].problems[.regular] else {
            Issue.record("Liberation must be rejected for missing letters")
            return
        }
        #expect(path == lib[0])
        #expect(letters.contains("ệ"))
        #expect(result.explanation.contains("lacks the Vietnamese letters"))

        // Nothing standard; the explicit file is used.
        files = ["/tmp/my-font.ttf": liberation]
        result = FontDiscovery.discover(explicitPath: "/tmp/my-font.ttf", read: reader(files))
        family = try #require(result.family)
        #expect(family.name == "Liberation Serif")
        #expect(result.outcomes.count == 3)

        // Nothing usable at all: a message in Vietnamese listing every candidate and why.
        files = [
            lib[1]: Array("not a font at all".utf8),
            "/tmp/bad.ttc": Array("ttcf".utf8) + [UInt8](repeating: 0, count: 20)
        ]
        result = FontDiscovery.discover(explicitPath: "/tmp/bad.ttc", read: reader(files))
        #expect(result.family == nil)
        let message = result.vietnameseMessage
        #expect(
            message.contains("Liberation Serif") && message.contains("DejaVu Serif") && message.contains("/tmp/bad.ttc")
        )
        #expect(message.contains("không có tệp"))
        #expect(message.contains(".ttc"))
        #expect(message.contains("fonts-liberation2"))
        if case .invalid(_, .notAFont)? = result.outcomes[0].problems[.regular] {
        } else {
            Issue.record("the non-font must be named invalid")
        }
    }
}
