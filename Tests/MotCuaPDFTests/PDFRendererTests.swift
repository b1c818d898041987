import Foundation
import Testing
@testable import MotCuaDocuments
@testable import MotCuaPDF

@Suite("PDF renderer")
struct PDFRendererTests {
    func renderer() throws -> PDFRenderer {
        PDFRenderer(
            fonts: try #require(Fixtures.family, "no usable font on this machine"),
            creationDate: PDFDate(year: 2026, month: 11, day: 20, hour: 15, minute: 30))
    }

    /// Renders to a temporary file; returns its URL and page count.
    func write(_ document: Document, _ name: String, renderer r: PDFRenderer? = nil) throws -> (URL, Int) {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name + ".pdf")
        let sink = try FileSink(path: url.path)
        let pages = try (r ?? renderer()).render(document, to: sink)
        try sink.close()
        return (url, pages)
    }

    /// Removes a rendered file's temporary directory.
    func remove(_ url: URL) { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    /// `pdfinfo`'s fields ("Pages" → "2").
    func pdfInfo(_ url: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try Tool.run("pdfinfo", [url.path]).output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    func checkWithQPDF(_ url: URL) throws {
        let check = try Tool.run("qpdf", ["--check", url.path])
        #expect(
            check.status == 0 && check.output.contains("No syntax or stream encoding errors found"), "\(check.output)")
    }

    @Test("A receipt in two copies: one A5 page each, the header, title, fields, table, QR caption and signatures")
    func receipt() throws {
        let document = Samples.receipt()
        let (url, pages) = try write(document, "receipt")
        defer { remove(url) }
        #expect(pages == 2)
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        #expect(size < 100_000)
        guard Tool.available(["qpdf", "pdftotext", "pdffonts", "pdfinfo"], for: "receipt") else { return }
        try checkWithQPDF(url)
        let info = try pdfInfo(url)
        #expect(info["Page size"]?.hasPrefix("419.53 x 595.28 pts") == true)
        #expect(info["Title"] == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
        #expect(info["Producer"] == "motcua")
        #expect(info["Pages"] == "2")
        for page in 1...2 {
            let text = try Tool.text(url, first: page, last: page).nfc
            let pieces = text.layoutPieces
            for expected in [
                "Mẫu số 01", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Tân Phú, ngày 20 tháng 11 năm 2026", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                "Mã hồ sơ: 000.00.15.H42-261120-0001", "Ông/Bà: Đặng Văn Đức",
                "Địa chỉ: Thôn 3, xã Tân Phú, tỉnh Đồng Nai",
                "STT", "Tên giấy tờ", "Hình thức", "1 Giấy tờ, văn bản cần chứng thực chữ ký",
                "8. Phí, lệ phí: 20.000 đ; biên lai số 0001234", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
                "(Ký, ghi rõ họ tên)", "Đặng Văn Đức", "Lê Thị Tiếp", "000.00.15.H42-", "261120-0001"
            ] {
                let found = pieces.contains(expected)
                #expect(found, "page \(page): \(expected)")
            }
            #expect(pieces.contains(page == 1 ? "(Liên 1: Lưu)" : "(Liên 2: Giao người nộp)"))
            #expect(!text.contains(page == 1 ? "Liên 2" : "Liên 1"))
            // A copy that fits one page carries no page number (ND 30 numbers from the second page of a copy).
            #expect(!text.trimmedLines.contains { $0.allSatisfy(\.isNumber) })
        }
        let fonts = try Tool.run("pdffonts", [url.path]).output
        #expect(
            fonts.contains("+LiberationSerif ") && fonts.contains("+LiberationSerif-Bold ")
                && fonts.contains("+LiberationSerif-Italic "))
        #expect(!fonts.contains("BoldItalic"))
    }

    @Test("A 300-row landscape ledger: headers on every page, rows whole and in order, Trang n/N")
    func ledger() throws {
        let rows = 300
        let (url, pages) = try write(Samples.ledger(rows: rows), "ledger")
        defer { remove(url) }
        #expect(pages > 10)
        guard Tool.available(["qpdf", "pdftotext", "pdfinfo"], for: "ledger") else { return }
        try checkWithQPDF(url)
        #expect(try pdfInfo(url)["Pages"] == String(pages))
        var seen: [Int] = []
        for page in 1...pages {
            let text = try Tool.text(url, first: page, last: page).nfc
            let pieces = text.layoutPieces
            // The header row: its titles on one line (narrow columns may run together in the layout text).
            let headerLine = text.split(separator: "\n").first { $0.contains("Mã hồ sơ") } ?? ""
            for header in [
                "Số", "Mã hồ sơ", "Thủ tục", "Người nộp", "Nhận", "Hẹn trả", "Chuyển", "Có KQ", "Trả", "Ghi chú"
            ] {
                let found = headerLine.contains(header)
                #expect(found, "page \(page) lacks the header \(header)")
            }
            #expect(pieces.contains("Địa chỉ, điện") && pieces.contains("thoại"))
            #expect(text.trimmedLines.last == "Trang \(page)/\(pages)")
            #expect(page == 1 ? text.contains("SỔ THEO DÕI HỒ SƠ") : !text.contains("SỔ THEO DÕI HỒ SƠ"))
            // Each row's first line: its number, the start of its code and its applicant's family name.
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.count > 2, let n = Int(words[0]), words[1] == "000.00.15.H42-" else { continue }
                seen.append(n)
                let family = Samples.applicantName(n - 1).split(separator: " ")[0]
                #expect(line.contains(family), "row \(n) is cut from its applicant (page \(page))")
            }
        }
        #expect(seen == Array(1...rows))
        #expect(try Tool.text(url, first: pages, last: pages).contains("Tổng số: \(rows) hồ sơ"))
    }

    @Test("A table cut by the text paginator (textPagination) is drawn as one table")
    func textPaginationJoined() throws {
        let whole = Samples.ledger(rows: 60)
        guard case .table(let table)? = whole.blocks.first(where: { if case .table = $0 { true } else { false } })
        else { return }
        var blocks = Array(whole.blocks.prefix { if case .table = $0 { false } else { true } })
        for (i, chunk) in stride(from: 0, to: 60, by: 20).enumerated() {
            if i > 0 {
                blocks.append(
                    .textPagination([
                        .space(1), .line("Trang \(i)/3", .right), .pageBreak,
                        .line("SỔ THEO DÕI HỒ SƠ — Năm 2026 (tiếp theo)", .left), .space(1)
                    ]))
            }
            var part = table
            part.rows = Array(table.rows[chunk..<(chunk + 20)])
            blocks.append(.table(part))
        }
        blocks += [
            .space(1), .line("Tổng số: 60 hồ sơ", .left), .textPagination([.space(1), .line("Trang 3/3", .right)])
        ]
        let cut = Document(kind: whole.kind, caption: whole.caption, pageSize: whole.pageSize, blocks: blocks)
        let r = try renderer()
        #expect(try r.data(cut) == r.data(whole))
        let (url, _) = try write(cut, "cut")
        defer { remove(url) }
        guard Tool.available(["pdftotext"], for: "textPagination") else { return }
        #expect(!(try Tool.text(url)).contains("(tiếp theo)"))
    }

    @Test("A table whose rows are read as they are drawn renders as the same rows held, PDF and text")
    func rowsReadAsDrawn() throws {
        let held = Samples.ledger(rows: 700)
        var reads: [Range<Int>] = []
        let blocks = held.blocks.map { block -> DocumentBlock in
            guard case .table(var t) = block else { return block }
            let rows = t.rows
            t.rows = []
            t.rowSource = DocumentRowSource(count: rows.count) { range in
                reads.append(range)
                return Array(rows[range])
            }
            return .table(t)
        }
        let read = Document(kind: held.kind, caption: held.caption, pageSize: held.pageSize, blocks: blocks)
        let r = try renderer()
        #expect(try r.data(read) == r.data(held))
        #expect(reads.count > 1 && reads.allSatisfy { $0.count <= DocumentRowSource.pageSize }, "a page at a time")
        let text = TextRenderer(pageSize: held.pageSize)
        #expect(text.text(read) == text.text(held))
        #expect(read.rowReadFailure == nil)
        // Rows that cannot be read are kept as the document's failure (a written report is then refused).
        struct Unreadable: Error {}
        let failing = Document(
            kind: held.kind, caption: held.caption, pageSize: held.pageSize,
            blocks: held.blocks.map { block in
                guard case .table(var t) = block else { return block }
                t.rows = []
                t.rowSource = DocumentRowSource(count: 700) { range in
                    if range.lowerBound >= 512 { throw Unreadable() }
                    return range.map { _ in ["x"] }
                }
                return .table(t)
            })
        _ = try r.data(failing)
        #expect(failing.rowReadFailure is Unreadable)
    }

    @Test("A row taller than a page is cut between lines, the header repeated")
    func tallRow() throws {
        let cell = (1...150).map { "Dòng thứ \($0) của ô rất dài" }.joined(separator: "\n")
        let document = Document(
            kind: "test", caption: "Ô dài", pageSize: .a5,
            blocks: [
                .title("BẢNG CÓ Ô DÀI", subtitle: []),
                .table(
                    DocumentTable(
                        headers: ["STT", "Nội dung"], widths: [1, 6], rows: [["1", "Ngắn"], ["2", cell], ["3", "Cuối"]])
                )
            ])
        let (url, pages) = try write(document, "tall")
        defer { remove(url) }
        #expect(pages >= 4)
        guard Tool.available(["pdftotext", "qpdf"], for: "tall row") else { return }
        try checkWithQPDF(url)
        var lines: [String] = []
        for page in 1...pages {
            let pieces = try Tool.text(url, first: page, last: page).nfc.layoutPieces
            #expect(pieces.contains("Nội dung"), "page \(page)")
            lines += pieces.filter { $0.hasPrefix("Dòng thứ ") }
        }
        #expect(lines == (1...150).map { "Dòng thứ \($0) của ô rất dài" })
    }

    @Test("The signatures never stand alone on the last page: the table's last row goes with them")
    func signaturesKeepTheLastRow() throws {
        guard Tool.available(["pdftotext"], for: "signatures with the last row") else { return }
        // Row counts around a page's capacity: for some of them the signatures no longer fit under the rows.
        // Every third row takes two lines, so that the room left under the last row varies finely.
        var moved = 0
        for count in 12...40 {
            let table = DocumentTable(
                headers: ["Số", "Nội dung"], widths: [1, 8],
                rows: (1...count).map { ["\($0)", "Hàng thứ \($0) của sổ" + ($0 % 3 == 0 ? "\nghi chú" : "")] })
            let document = Document(
                kind: "so", caption: "Sổ", pageSize: .a4Landscape,
                blocks: [
                    .title("SỔ THEO DÕI", subtitle: []), .table(table), .space(1),
                    .line("Tổng số: \(count) hồ sơ.", .left),
                    .signatures([Signature(title: "NGƯỜI GHI SỔ"), Signature(title: "THỦ TRƯỞNG ĐƠN VỊ")])
                ])
            let (url, pages) = try write(document, "keep-\(count)")
            defer { remove(url) }
            let last = try Tool.text(url, first: pages, last: pages).nfc.layoutPieces
            #expect(last.contains("NGƯỜI GHI SỔ") && last.contains("Tổng số: \(count) hồ sơ."), "\(count) rows")
            #expect(last.contains("Hàng thứ \(count) của sổ"), "\(count) rows: the last row is on the signatures' page")
            var rows: [String] = []
            for page in 1...pages {
                rows += try Tool.text(url, first: page, last: page).nfc.layoutPieces.filter { $0.hasPrefix("Hàng thứ") }
            }
            #expect(rows == (1...count).map { "Hàng thứ \($0) của sổ" }, "\(count) rows, each once, in order")
            if pages > 1 && !last.contains("Hàng thứ \(count - 1) của sổ") { moved += 1 }
        }
        #expect(moved > 0, "some count put the signatures on a page of their own before")
    }

    @Test("A last row too tall to move whole, or the only row, leaves its last lines to the signatures")
    func tallLastRowKeepsLinesWithTheSignatures() throws {
        guard Tool.available(["pdftotext"], for: "tall last row with the signatures") else { return }
        for before in [0, 3] {
            for lines in stride(from: 8, through: 64, by: 4) {
                let note = (1...lines).map { "dòng \($0) của ghi chú" }.joined(separator: "\n")
                let rows = (0..<before).map { ["\($0 + 1)", "Hàng thứ \($0 + 1)"] } + [["\(before + 1)", note]]
                let document = Document(
                    kind: "so", caption: "Sổ", pageSize: .a4Landscape,
                    blocks: [
                        .title("SỔ THEO DÕI", subtitle: []),
                        .table(DocumentTable(headers: ["Số", "Nội dung"], widths: [1, 8], rows: rows)), .space(1),
                        .line("Tổng số: \(before + 1) hồ sơ.", .left),
                        .signatures([Signature(title: "NGƯỜI GHI SỔ"), Signature(title: "THỦ TRƯỞNG ĐƠN VỊ")])
                    ])
                let (url, pages) = try write(document, "tall-\(before)-\(lines)")
                defer { remove(url) }
                let context = "\(before) rows before a last row of \(lines) lines, \(pages) pages"
                let last = try Tool.text(url, first: pages, last: pages).nfc.layoutPieces
                #expect(last.contains("NGƯỜI GHI SỔ"), "\(context)")
                #expect(last.contains("dòng \(lines) của ghi chú"), "\(context): the signatures stand alone")
                var seen: [String] = []
                for page in 1...pages {
                    seen += try Tool.text(url, first: page, last: page).nfc.layoutPieces.filter {
                        $0.hasPrefix("dòng ")
                    }
                }
                #expect(seen == (1...lines).map { "dòng \($0) của ghi chú" }, "\(context): each line once, in order")
            }
        }
    }

    @Test("A form's signatures take its last field with them to a new page (an A5 receipt for a long route)")
    func signaturesKeepTheLastField() throws {
        guard Tool.available(["pdftotext"], for: "signatures with the last field") else { return }
        var alone = 0
        for count in 28...46 {
            let fields = (1...count).map { DocumentBlock.field(label: "Mục \($0)", value: "nội dung của mục \($0)") }
            let document = Document(
                kind: "giay", caption: "Giấy", pageSize: .a5,
                blocks: [.title("GIẤY TIẾP NHẬN HỒ SƠ", subtitle: [])] + fields + [
                    .space(1),
                    .signatures([Signature(title: "NGƯỜI NỘP HỒ SƠ"), Signature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ")])
                ])
            let (url, pages) = try write(document, "fields-\(count)")
            defer { remove(url) }
            let last = try Tool.text(url, first: pages, last: pages).nfc
            #expect(last.contains("NGƯỜI NỘP HỒ SƠ"), "\(count) fields")
            if !last.contains("Mục \(count): nội dung của mục \(count)") { alone += 1 }
        }
        #expect(alone == 0, "\(alone) counts left the signatures alone on the last page")
    }

    @Test("Only a sign-off ending in signatures holds the last row back; it counts the gap under the table")
    func signOffHeight() throws {
        let writer = try PDFWriter(
            sink: MemorySink(), fonts: try #require(Fixtures.family, "no usable font on this machine"),
            info: PDFDocumentInfo(title: "t", subject: "t", creationDate: nil))
        let layout = PDFLayout(writer: writer, metrics: PDFLayoutMetrics(.a4Landscape), numbering: .pageOfTotal)
        let signatures = DocumentBlock.signatures([Signature(title: "NGƯỜI GHI SỔ")])
        let full = layout.signOffHeight([.space(1), .line("Tổng số: 3 hồ sơ.", .left), signatures])
        let bare = layout.signOffHeight([signatures])
        #expect(bare > layout.tableGapAfter && full > bare)
        #expect(
            layout.signOffHeight([.space(1), .field(label: "Ghi chú", value: "không"), signatures]) == 0,
            "a field between")
        #expect(layout.signOffHeight([.space(1), .line("Tổng số", .left)]) == 0, "no signatures")
        #expect(layout.signOffHeight([]) == 0)
    }

    @Test("A letter the font lacks prints as a replacement mark, read back as such; a joiner prints as nothing")
    func lettersTheFontLacks() throws {
        let document = Document(
            kind: "t", caption: "t", pageSize: .a4,
            blocks: [.paragraph("Lý 王 Lan, Phòng 3 🏠 tầng 2"), .paragraph("Ngọc\u{200D}Anh\u{FE0F} và ส")])
        let (url, _) = try write(document, "missing")
        defer { remove(url) }
        let font = try renderer().fonts[.regular]
        #expect(font.drawn("\u{200D}") == nil && font.drawn("\u{FE0F}") == nil)
        #expect(font.textUnits("王") > 0 && font.textUnits("王") == font.textUnits("🏠"))
        #expect(font.textUnits("a\u{200D}b") == font.textUnits("ab"))
        guard Tool.available(["pdftotext"], for: "missing letters") else { return }
        let text = try Tool.text(url).nfc
        let mark = font.glyph(for: "\u{FFFD}") != nil ? "\u{FFFD}" : "?"
        #expect(text.contains("Lý \(mark) Lan, Phòng 3 \(mark) tầng 2"), "\(text)")
        #expect(text.contains("NgọcAnh và \(mark)"), "\(text)")
    }

    @Test("ND 30 page numbers: centred at the top from the second page; a page break starts a new sequence")
    func administrativeNumbers() throws {
        let paragraph = DocumentBlock.paragraph(
            String(repeating: "Hồ sơ được tiếp nhận và giải quyết theo đúng quy định của pháp luật. ", count: 12))
        let document = Document(
            kind: "test", caption: "Văn bản dài", pageSize: .a4,
            blocks: [.title("VĂN BẢN DÀI", subtitle: [])] + Array(repeating: paragraph, count: 14)
                + [.pageBreak, .title("BẢN THỨ HAI", subtitle: []), paragraph])
        let (url, pages) = try write(document, "numbers")
        defer { remove(url) }
        guard Tool.available(["pdftotext"], for: "page numbers") else { return }
        var firstLines: [String] = []
        for page in 1...pages {
            firstLines.append(try Tool.text(url, first: page, last: page).nfc.trimmedLines.first ?? "")
        }
        #expect(pages >= 4)
        #expect(firstLines[0] == "VĂN BẢN DÀI")
        for page in 2..<pages { #expect(firstLines[page - 1] == String(page), "page \(page)") }
        #expect(firstLines[pages - 1] == "BẢN THỨ HAI")
    }

    @Test("Statistics-like table with a group row: merged cells and grouped titles come out once per page")
    func groupedHeader() throws {
        let headers = [
            "Lĩnh vực", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển sang", "Tổng số", "Trước hạn",
            "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn", "(%)"
        ]
        let table = DocumentTable(
            headers: headers, widths: [24, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8],
            alignments: [.left] + Array(repeating: .right, count: 12),
            rows: (0..<90).map { i in ["Lĩnh vực số \(i + 1)"] + (0..<12).map { String(($0 + 1) * (i + 1)) } },
            groups: [
                ("", 1), ("Số hồ sơ tiếp nhận", 4), ("Số hồ sơ đã giải quyết", 4), ("Số hồ sơ đang giải quyết", 3),
                ("Tỷ lệ đúng hạn", 1)
            ])
        let document = Document(kind: "thong-ke", caption: "Thống kê", pageSize: .a4Landscape, blocks: [.table(table)])
        let (url, pages) = try write(document, "stats")
        defer { remove(url) }
        #expect(pages >= 2)
        guard Tool.available(["pdftotext", "qpdf"], for: "grouped header") else { return }
        try checkWithQPDF(url)
        for page in 1...pages {
            let pieces = try Tool.text(url, first: page, last: page).nfc.layoutPieces
            for title in [
                "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết", "Tỷ lệ", "đúng hạn",
                "Lĩnh vực", "(%)"
            ] {
                let count = pieces.filter { $0 == title }.count
                #expect(count == 1, "page \(page): \(title)")
            }
            let rows = pieces.filter { $0.hasPrefix("Lĩnh vực số ") }
            #expect(!rows.isEmpty)
        }
    }

    @Test("Continued tables are joined only across textPagination blocks and only with the same columns")
    func joining() {
        let a = DocumentTable(headers: ["A", "B"], widths: [1, 1], rows: [["1", "2"]])
        var b = a
        b.rows = [["3", "4"]]
        let other = DocumentTable(headers: ["A", "C"], widths: [1, 1], rows: [["5", "6"]])
        let joined = PDFRenderer.joinContinuedTables([
            .table(a), .textPagination([.pageBreak]), .table(b), .textPagination([]), .table(other)
        ])
        #expect(joined.count == 2)
        if case .table(let t) = joined[0] {
            #expect(t.rows == [["1", "2"], ["3", "4"]])
        } else {
            Issue.record("a table first")
        }
        // Tables next to each other without textPagination stay two tables.
        #expect(PDFRenderer.joinContinuedTables([.table(a), .table(b)]).count == 2)
        #expect(PDFRenderer.joinContinuedTables([.table(a), .space(1), .textPagination([]), .table(b)]).count == 3)
    }

    @Test("Layout is deterministic and the sink receives the document in chunks")
    func streaming() throws {
        final class CountingSink: PDFSink {
            var writes = 0
            var bytes: [UInt8] = []
            func write(_ chunk: [UInt8]) throws {
                writes += 1
                #expect(chunk.count <= 1 << 17)
                bytes += chunk
            }
        }
        let sink = CountingSink()
        let r = try renderer()
        let document = Samples.ledger(rows: 400)
        try r.render(document, to: sink)
        #expect(sink.writes >= 3)
        #expect(sink.bytes == (try r.data(document)))
    }
}
