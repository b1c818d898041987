import Foundation
import Testing
@testable import MotCuaPDF

/// Vietnamese lines covering every letter in both cases, and running text.
let vietnameseLines: [String] = {
    let lower = VietnameseCoverage.lowercaseLetters
    var lines: [String] = []
    for start in stride(from: 0, to: lower.count, by: 24) {
        let chunk = String(lower[start..<min(lower.count, start + 24)])
        lines.append(chunk)
        lines.append(chunk.uppercased())
    }
    return lines + [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Tân Phú, ngày 20 tháng 11 năm 2026",
        "Giấy tờ tùy thân của người nộp hồ sơ (căn cước, hộ chiếu)",
        "Phí, lệ phí: 20.000 đ; biên lai số 0001234 — “trong ngày”…",
        "Nguyễn Thị Ánh Tuyết, Đặng Văn Đức, Lê Thị Tiếp, Huỳnh Ngọc Ửng"
    ]
}()

@Suite("PDF writer")
struct PDFWriterTests {
    func family() throws -> FontFamily { try #require(Fixtures.family, "no usable font on this machine") }

    /// A document with every Vietnamese line, one per baseline, cycling through the four faces.
    func sampleDocument(compress: Bool = true, pages: Int = 1) throws -> [UInt8] {
        let sink = MemorySink()
        let writer = try PDFWriter(
            sink: sink, fonts: try family(),
            info: PDFDocumentInfo(
                title: "Thử nghiệm tiếng Việt",
                creationDate: PDFDate(year: 2026, month: 11, day: 20, hour: 15, minute: 30)),
            options: .init(compressStreams: compress))
        for _ in 0..<pages {
            var c = writer.makeContent()
            var y = 800.0
            for (i, line) in vietnameseLines.enumerated() {
                c.text(line, x: 60, y: y, style: FontStyle(rawValue: i % 4)!, size: 12)
                y -= 20
            }
            c.line(x1: 60, y1: 100, x2: 300, y2: 100, width: 0.6)
            c.strokeRectangle(x: 60, y: 40, width: 50, height: 40)
            c.fillRectangle(x: 120, y: 40, width: 10, height: 10)
            try writer.addPage(size: .a4Portrait, content: c)
        }
        try writer.finish()
        return sink.bytes
    }

    @Test("Structure: header, objects at the offsets the xref table gives, trailer, startxref")
    func structure() throws {
        let pdf = try sampleDocument(compress: false)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.7\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = Int(text[startxref.upperBound...].prefix { $0.isNumber })!
        #expect(Array(pdf[xrefOffset..<(xrefOffset + 5)]) == Array("xref\n".utf8))
        // The xref rows: exactly 20 bytes each, every offset pointing at "n 0 obj".
        let afterXref = Array(pdf[(xrefOffset + 5)...])
        let firstLine = String(decoding: afterXref.prefix { $0 != 0x0A }, as: UTF8.self)
        let count = Int(firstLine.split(separator: " ")[1])!
        let rows = afterXref.dropFirst(firstLine.utf8.count + 1)
        for n in 0..<count {
            let row = String(decoding: rows.dropFirst(20 * n).prefix(20), as: UTF8.self)
            #expect(row.utf8.count == 20 && row.hasSuffix(" \n"))
            if n == 0 { #expect(row == "0000000000 65535 f \n"); continue }
            let offset = Int(row.prefix(10))!
            let head = String(decoding: pdf[offset..<min(pdf.count, offset + 20)], as: UTF8.self)
            #expect(head.hasPrefix("\(n) 0 obj\n"), "object \(n)")
        }
        #expect(text.contains("/Size \(count) /Root 1 0 R /Info 3 0 R /ID [<"))
        #expect(text.contains("/CreationDate (D:20261120153000+07'00')"))
        #expect(text.contains("/Producer <FEFF006D006F00740063007500610029>") == false)
        #expect(text.contains("/Producer \(PDFSyntax.textString("motcua"))"))
        #expect(
            text.contains("/Encoding /Identity-H") && text.contains("/CIDToGIDMap /Identity")
                && text.contains("/Subtype /CIDFontType2"))
        #expect(text.contains("/FontFile2") && text.contains("/ToUnicode") && text.contains("/W ["))
    }

    @Test("The same input gives the same bytes")
    func deterministic() throws {
        #expect(try sampleDocument() == sampleDocument())
    }

    @Test("Errors: no page, a late object never written, use after finish")
    func errors() throws {
        let writer = try PDFWriter(
            sink: MemorySink(), fonts: try family(), info: PDFDocumentInfo(title: "x", creationDate: nil))
        #expect(throws: PDFError.noPages) { try writer.finish() }
        let late = writer.reserveObject()
        try writer.addPage(size: .a5Portrait, content: writer.makeContent(), lateContents: [late])
        #expect(throws: PDFError.unwrittenObject(late.number)) { try writer.finish() }
        try writer.writeLateContent(late, writer.makeContent())
        try writer.finish()
        #expect(throws: PDFError.finished) { try writer.addPage(size: .a5Portrait, content: writer.makeContent()) }
    }

    @Test("Content operators: module runs merged per row, text as Identity-H glyph ids, line widths set once")
    func contentOperators() throws {
        var c = PDFContent(fonts: try family())
        // Row 0: ##.# ; row 1: .... ; row 2: ####
        let rows = ["##.#", "....", "####"]
        c.drawModules(isDark: { x, y in Array(rows[y])[x] == "#" }, count: 3, x: 10, y: 20, moduleSize: 2)
        let ops = String(decoding: c.bytes, as: UTF8.self)
        #expect(ops == "10 24 4 2 re 10 20 6 2 re f\n")
        c = PDFContent(fonts: try family())
        c.text("Aệ", x: 1.5, y: 2, style: .bold, size: 13)
        c.line(x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5)
        c.line(x1: 0, y1: 5, x2: 10, y2: 5, width: 0.5)
        let text = String(decoding: c.bytes, as: UTF8.self)
        let bold = try family()[.bold]
        let glyphs = [bold.glyph(for: "A")!, bold.glyph(for: "ệ")!].map { PDFSyntax.hex16($0) }.joined()
        #expect(text == "BT /F2 13 Tf 1 0 0 1 1.5 2 Tm <\(glyphs)> Tj ET\n2 J\n0.5 w\n0 0 m 10 0 l S\n0 5 m 10 5 l S\n")
        #expect(c.stylesUsed == [.bold])
    }

    @Test("Numbers, names and strings in PDF syntax")
    func syntax() {
        #expect(PDFSyntax.number(12) == "12")
        #expect(PDFSyntax.number(595.28) == "595.28")
        #expect(PDFSyntax.number(-0.125) == "-0.125")
        #expect(PDFSyntax.number(0.0004) == "0")
        #expect(PDFSyntax.number(1.0005) == "1.001")
        #expect(PDFSyntax.number(-3.1) == "-3.1")
        #expect(PDFSyntax.name("ABCDEF+Liberation Serif") == "/ABCDEF+Liberation#20Serif")
        #expect(PDFSyntax.textString("Đ") == "<FEFF0110>")
        #expect(PDFSyntax.literal("a(b)\\") == "(a\\(b\\)\\\\)")
        #expect(
            PDFDate(year: 2026, month: 2, day: 5, hour: 8, minute: 4, second: 9, utcOffsetMinutes: -90).pdfString
                == "D:20260205080409-01'30'")
    }

    @Test("ToUnicode: ranges for consecutive runs, single entries otherwise, 100 at most per section")
    func toUnicode() {
        var pairs: [(glyph: UInt16, scalar: UInt32)] = [(3, 0x20), (36, 0x41), (37, 0x42), (38, 0x43), (1713, 0x1EC7)]
        for g in 2000..<2150 { pairs.append((UInt16(g), UInt32(0x4E00 + 2 * g))) }
        let cmap = PDFWriter.toUnicodeCMap(pairs)
        #expect(cmap.contains("<0024> <0026> <0041>"))
        #expect(cmap.contains("<06B1> <1EC7>"))
        #expect(cmap.contains("<0003> <0020>"))
        #expect(cmap.contains("100 beginbfchar") && cmap.contains("52 beginbfchar"))
        let supplementary = PDFWriter.toUnicodeCMap([(5, 0x1D538)])
        #expect(supplementary.contains("<0005> <D835DD38>"))
    }

    @Test("Deflate: zlib streams that zlib-flate (qpdf) decodes back to the input")
    func deflate() throws {
        let inputs: [[UInt8]] = [
            [], Array("a".utf8),
            Array(String(repeating: "BT /F1 12 Tf 1 0 0 1 60 800 Tm <0024> Tj ET\n", count: 500).utf8),
            (0..<70_000).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: (i &* 2_654_435_761) >> 13) },
            try Fixtures.bytes(Fixtures.liberationRegular),
            [UInt8](repeating: 0, count: 100_000),
            // A period just past the 32 KiB window: matches must not reach back that far.
            (0..<100_000).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: ((i % 32_771) &* 40_503) >> 7) }
        ]
        #expect(Deflate.zlib(inputs[2]).count < inputs[2].count / 10)
        guard Tool.available(["zlib-flate"], for: "deflate round trip") else { return }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (i, input) in inputs.enumerated() {
            let file = dir.appendingPathComponent("\(i).z")
            try Data(Deflate.zlib(input)).write(to: file)
            let result = try Tool.run("sh", ["-c", "zlib-flate -uncompress < '\(file.path)' > '\(file.path).out'"])
            #expect(result.status == 0, "\(result.output)")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: file.path + ".out"))) == input, "input \(i)")
        }
    }

    @Test("Real tools: qpdf --check, pdffonts (embedded subsets, Identity-H), pdftotext (every line, NFC), pdftoppm")
    func realTools() throws {
        guard Tool.available(["qpdf", "pdffonts", "pdftotext", "pdftoppm"], for: "PDF writer real-tool checks") else {
            return
        }
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("vietnamese.pdf")
        try Data(try sampleDocument(pages: 2)).write(to: url)

        let check = try Tool.run("qpdf", ["--check", url.path])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("No syntax or stream encoding errors found"))

        let fonts = try Tool.run("pdffonts", [url.path])
        #expect(fonts.status == 0)
        let rows = fonts.output.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        #expect(rows.count == 4, "\(fonts.output)")
        for row in rows {
            #expect(row[0].range(of: "^[A-Z]{6}\\+LiberationSerif", options: .regularExpression) != nil, "\(row)")
            #expect(Array(row[1...6]) == ["CID", "TrueType", "Identity-H", "yes", "yes", "yes"], "\(row)")
        }

        for page in 1...2 {
            let lines = try Tool.text(url, first: page, last: page).nfc.trimmedLines
            #expect(lines == vietnameseLines.map(\.nfc), "page \(page)")
        }

        let png = dir.appendingPathComponent("page")
        let render = try Tool.run("pdftoppm", ["-png", "-r", "40", url.path, png.path])
        #expect(render.status == 0 && render.output.isEmpty, "\(render.output)")
        let image = try Data(contentsOf: URL(fileURLWithPath: png.path + "-1.png"))
        #expect(Array(image.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }
}
