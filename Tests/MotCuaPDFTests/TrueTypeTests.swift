import Foundation
import Testing
@testable import MotCuaPDF

/// A tiny TrueType font built in memory: 30 empty glyphs, a format 4 cmap mapping "A"–"Z" by delta (glyphs
/// 1–26) and "a"–"c" through the glyph id array (glyphs 27–29). It lacks every Vietnamese letter.
func syntheticFont(fsType: UInt16 = 0) -> [UInt8] {
    func be16(_ v: Int) -> [UInt8] { [UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
    func be32(_ v: Int) -> [UInt8] { be16(v >> 16) + be16(v & 0xFFFF) }
    let n = 30
    var head = be32(0x0001_0000) + be32(0x0001_0000) + be32(0) + be32(0x5F0F_3CF5) + be16(0) + be16(1000)
    head +=
        [UInt8](repeating: 0, count: 16) + be16(0) + be16(0) + be16(1000) + be16(1000) + be16(0) + be16(8) + be16(2)
        + be16(0) + be16(0)
    var hhea = be32(0x0001_0000) + be16(800) + be16(0x10000 - 200) + be16(0) + be16(500)
    hhea += [UInt8](repeating: 0, count: 20) + be16(0) + be16(n)
    let maxp = be32(0x0000_5000) + be16(n)
    let hmtx = (0..<n).flatMap { _ in be16(500) + be16(0) }
    let loca = (0...n).flatMap { _ in be16(0) }
    // cmap: one encoding record (3, 1) → format 4 with three segments.
    let segCount = 3
    var sub = be16(4) + be16(0) + be16(0) + be16(2 * segCount) + be16(4) + be16(1) + be16(2)
    sub += be16(0x5A) + be16(0x63) + be16(0xFFFF) + be16(0)  // end codes, pad
    sub += be16(0x41) + be16(0x61) + be16(0xFFFF)  // start codes
    sub += be16((1 - 0x41) & 0xFFFF) + be16(0) + be16(1)  // deltas
    sub += be16(0) + be16(4) + be16(0)  // range offsets
    sub += be16(27) + be16(28) + be16(29)  // glyph id array
    let length = sub.count
    sub[2] = UInt8(length >> 8)
    sub[3] = UInt8(length & 0xFF)
    let cmap = be16(0) + be16(1) + be16(3) + be16(1) + be32(12) + sub
    var os2 = be16(1) + be16(500) + be16(400) + be16(5) + be16(Int(fsType))
    os2 += [UInt8](repeating: 0, count: 78 - os2.count)
    return TrueTypeFont.assemble([
        ("head", head), ("hhea", hhea), ("maxp", maxp), ("hmtx", hmtx), ("loca", loca), ("glyf", []),
        ("cmap", cmap), ("OS/2", os2)
    ])
}

@Suite("TrueType reader")
struct TrueTypeTests {
    @Test("Liberation Serif: unitsPerEm, ệ, hmtx widths, descriptor metrics")
    func liberationSerif() throws {
        let bytes = try Fixtures.bytes(Fixtures.liberationRegular)
        let font = try TrueTypeFont(bytes: bytes)
        #expect(font.unitsPerEm == 2048)
        #expect(font.glyphCount == 2602)
        #expect(font.postScriptName == "LiberationSerif")
        #expect(font.familyName == "Liberation Serif")
        // Oracle values from fontTools: ecircumflexdotbelow is glyph 1713, advance 909, built from e,
        // circumflex and dotbelowcomb.
        let e = try #require(font.glyph(for: "ệ"))
        #expect(e == 1713)
        #expect(font.advanceWidth(of: e) == 909)
        #expect(font.advanceWidth(of: e) == Oracle.advance(bytes, glyph: Int(e)))
        #expect(font.isComposite(e))
        #expect(try font.components(of: e) == [72, 648, 741])
        // Every glyph's advance is the hmtx entry (read by the independent oracle).
        for g in stride(from: 0, to: font.glyphCount, by: 37) {
            #expect(font.advanceWidth(of: UInt16(g)) == Oracle.advance(bytes, glyph: g))
        }
        #expect(font.glyph(for: "A") == 36)
        #expect(font.advanceWidth(of: 36) == 1479)
        #expect(font.pdfAdvance(of: 36) == 722)
        #expect((font.ascent, font.descent, font.capHeight) == (1825, -443, 1341))
        #expect(font.boundingBox == FontBox(xMin: -1114, yMin: -621, xMax: 2618, yMax: 2010))
        #expect(font.italicAngle == 0)
        #expect(font.isSerif && !font.isItalic && !font.isFixedPitch)
        #expect(font.pdfFlags == 2 | 4)
        #expect(font.glyph(for: "\u{E000}") == nil)
        #expect(font.tableTags.contains("glyf") && font.tableTags.contains("cvt "))
    }

    @Test("Liberation Serif Italic: italic angle and flags")
    func liberationItalic() throws {
        let font = try Fixtures.font(Fixtures.liberationItalic)
        #expect(abs(font.italicAngle - (-16.333)) < 0.001)
        #expect(font.isItalic)
        #expect(font.pdfFlags & 64 != 0)
        #expect(font.postScriptName == "LiberationSerif-Italic")
    }

    @Test("DejaVu Serif: format 12 cmap, ệ, nested composites")
    func dejaVuSerif() throws {
        let bytes = try Fixtures.bytes(Fixtures.dejaVuSerif)
        let font = try TrueTypeFont(bytes: bytes)
        #expect(font.unitsPerEm == 2048)
        #expect(font.postScriptName == "DejaVuSerif")
        let e = try #require(font.glyph(for: "ệ"))
        #expect(e == 1617)
        #expect(font.advanceWidth(of: e) == 1212)
        #expect(font.advanceWidth(of: e) == Oracle.advance(bytes, glyph: Int(e)))
        #expect(try font.components(of: e) == [72, 720, 687])
        // Ǆ (U+01C4) is Zcaron (itself composite) + D.
        let dz = try #require(font.glyph(for: "\u{01C4}"))
        #expect(dz == 390)
        #expect(try font.components(of: dz) == [319, 39])
        #expect(font.isComposite(319))
        // A supplementary-plane character through the format 12 map (DejaVu maps some mathematical letters).
        #expect(font.glyph(for: "𝔸") != nil)
    }

    @Test("A synthetic font: format 4 by delta and through the glyph id array")
    func syntheticFormat4() throws {
        let font = try TrueTypeFont(bytes: syntheticFont())
        #expect(font.glyphCount == 30)
        #expect(font.glyph(for: "A") == 1)
        #expect(font.glyph(for: "Z") == 26)
        #expect(font.glyph(for: "a") == 27)
        #expect(font.glyph(for: "c") == 29)
        #expect(font.glyph(for: "d") == nil)
        #expect(font.unitsPerEm == 1000)
        #expect(font.pdfAdvance(of: 5) == 500)
    }

    @Test("Bad or unsupported files are rejected with a clear error")
    func rejected() throws {
        func error(_ bytes: [UInt8]) -> TrueTypeError? {
            do {
                _ = try TrueTypeFont(bytes: bytes)
                return nil
            } catch { return error }
        }
        #expect(error([]) == .truncated)
        #expect(error(Array("ttcf".utf8) + [0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 12]) == .fontCollection)
        #expect(error(Array("OTTO".utf8) + [UInt8](repeating: 0, count: 8)) == .cffOutlines)
        #expect(error(Array("%PDF-1.7\n%%EOF".utf8)) == .notAFont(signature: 0x2550_4446))
        // A table directory announcing more tables than the file holds.
        #expect(error([0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0]) == .truncated)

        var liberation = try Fixtures.bytes(Fixtures.liberationRegular)
        let tables = Oracle.tables(liberation)
        // glyf renamed: the table is missing.
        var renamed = liberation
        for i in 0..<Oracle.u16(renamed, 4) where Array(renamed[(12 + 16 * i)..<(16 + 16 * i)]) == Array("glyf".utf8) {
            renamed.replaceSubrange((12 + 16 * i)..<(16 + 16 * i), with: Array("xxxx".utf8))
        }
        #expect(error(renamed) == .missingTable("glyf"))
        // Cut short: the tables lie outside the file.
        if case .tableOutOfBounds? = error(Array(liberation.prefix(100_000))) {
        } else {
            Issue.record("a cut file must be rejected")
        }
        // Restricted-licence embedding (OS/2 fsType = 2).
        let os2 = tables["OS/2"]!.offset
        liberation[os2 + 8] = 0
        liberation[os2 + 9] = 2
        #expect(error(liberation) == .embeddingRestricted)
        #expect(error(syntheticFont(fsType: 2)) == .embeddingRestricted)
        #expect(TrueTypeError.fontCollection.description.contains(".ttc"))
    }

    @Test("Vietnamese coverage: Liberation and DejaVu cover every letter, the synthetic font none")
    func coverage() throws {
        #expect(VietnameseCoverage.letters.count == 2 * VietnameseCoverage.lowercaseLetters.count)
        #expect(VietnameseCoverage.letters.contains("Ự") && VietnameseCoverage.letters.contains("đ"))
        #expect(VietnameseCoverage.letters.allSatisfy { $0.unicodeScalars.count == 1 })  // precomposed (NFC)
        // 12 vowels × 6 forms + đ + the 26 basic letters, in both cases.
        #expect(Set(VietnameseCoverage.letters).count == 2 * (12 * 6 + 1 + 26 - 6))
        #expect(VietnameseCoverage.missingLetters(in: try Fixtures.font(Fixtures.liberationRegular)).isEmpty)
        #expect(VietnameseCoverage.missingLetters(in: try Fixtures.font(Fixtures.dejaVuSerif)).isEmpty)
        let missing = VietnameseCoverage.missingLetters(in: try TrueTypeFont(bytes: syntheticFont()))
        #expect(missing.contains("ệ") && missing.contains("Đ") && missing.contains("d"))
        #expect(!missing.contains("A") && !missing.contains("a"))
    }
}
