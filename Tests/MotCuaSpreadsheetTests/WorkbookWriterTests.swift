import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import MotCuaSpreadsheet

@Suite struct WorkbookWriterTests {
    @Test func columnNamesAndReferences() {
        let names = [0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA", 16383: "XFD"]
        for (column, name) in names { #expect(CellRange.columnName(column) == name) }
        #expect(CellRange(row: 0, column: 0, columnCount: 4).reference == "A1:D1")
        #expect(CellRange(firstRow: 9, firstColumn: 26, lastRow: 10, lastColumn: 27).reference == "AA10:AB11")
    }

    @Test func escapingOfText() {
        func escaped(_ text: String, limit: Int = .max) -> String {
            var out: [UInt8] = []
            XMLText.escape(text, into: &out, limit: limit)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(escaped(#"a & b < c > d " e ' f"#) == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
        #expect(escaped("=1+1") == "=1+1")
        #expect(escaped("a\u{0}b\u{1}c\u{8}d\u{B}e\u{C}f\u{1F}g") == "abcdefg")  // forbidden in XML 1.0
        #expect(escaped("tab\there\nnext") == "tab\there\nnext")
        #expect(escaped("a\r\nb\rc") == "a\nb\nc")
        #expect(escaped("x\u{FFFE}y\u{FFFF}z\u{FFFD}") == "xyz\u{FFFD}")
        #expect(escaped("_x0041_ _x00e9_ _xZZZZ_ _x004_ x_") == "_x005F_x0041_ _x005F_x00e9_ _xZZZZ_ _x004_ x_")
        #expect(escaped("Nguyễn Thị Hồng Nhung") == "Nguyễn Thị Hồng Nhung")
        // The limit counts UTF-16 code units and never cuts a character.
        #expect(escaped("ab😀cd", limit: 3) == "ab")
        #expect(escaped("ab😀cd", limit: 4) == "ab😀")
        #expect(escaped(String(repeating: "ệ", count: 40_000), limit: XMLText.cellCharacterLimit).count == 32_767)
        #expect(XMLText.needsPreserve(" a") && XMLText.needsPreserve("a\n") && !XMLText.needsPreserve("a b"))
    }

    @Test func sheetNamesAreSanitised() {
        #expect(WorkbookWriter.sanitizedSheetName("Báo cáo: 01/2026 [tháng]?", index: 1) == "Báo cáo- 01-2026 -tháng--")
        #expect(WorkbookWriter.sanitizedSheetName("a*b\\c", index: 1) == "a-b-c")
        #expect(WorkbookWriter.sanitizedSheetName("'quoted'", index: 1) == "quoted")
        #expect(WorkbookWriter.sanitizedSheetName("", index: 3) == "Sheet3")
        #expect(WorkbookWriter.sanitizedSheetName("\u{1}\u{2}", index: 2) == "Sheet2")
        #expect(WorkbookWriter.sanitizedSheetName("History", index: 1) == "History-")
        let long = WorkbookWriter.sanitizedSheetName("Tổng hợp tình hình giải quyết hồ sơ năm 2026", index: 1)
        #expect(long == "Tổng hợp tình hình giải quyết h" && long.utf16.count == 31)
        #expect(WorkbookWriter.sanitizedSheetName("hồ sơ", index: 2, existing: ["Hồ sơ"]) == "hồ sơ (2)")
        #expect(WorkbookWriter.sanitizedSheetName("Hồ sơ", index: 3, existing: ["Hồ sơ", "Hồ sơ (2)"]) == "Hồ sơ (3)")
        let longTwice = WorkbookWriter.sanitizedSheetName(long, index: 2, existing: [long])
        #expect(longTwice == "Tổng hợp tình hình giải quy (2)" && longTwice.utf16.count == 31)
    }

    @Test func dateSerials() {
        #expect(WorkbookWriter.serial(year: 1900, month: 3, day: 1) == 61)
        #expect(WorkbookWriter.serial(year: 1970, month: 1, day: 1) == 25_569)
        #expect(WorkbookWriter.serial(year: 2024, month: 1, day: 1) == 45_292)
        #expect(WorkbookWriter.serial(year: 2026, month: 11, day: 26) == 46_352)
        #expect(WorkbookWriter.serial(year: 9999, month: 12, day: 31) == 2_958_465)
        #expect(WorkbookWriter.serial(year: 1900, month: 2, day: 28) == nil)  // before the 1900 leap-year quirk ends
        #expect(WorkbookWriter.serial(year: 2023, month: 2, day: 29) == nil)
        #expect(WorkbookWriter.serial(year: 2024, month: 13, day: 1) == nil)
        #expect(WorkbookWriter.serial(year: 2024, month: 4, day: 31) == nil)
        #expect(WorkbookWriter.serialText(days: 46_352, minuteOfDay: 9 * 60 + 30) == "46352.395833333336")
        #expect(WorkbookWriter.serialText(days: 46_352, minuteOfDay: 0) == "46352.0")
        // Days and civil dates convert both ways across four centuries.
        for days in stride(from: -800_000, through: 800_000, by: 97) {
            let (y, m, d) = CivilDays.civil(days: days)
            #expect(CivilDays.days(year: y, month: m, day: d) == days)
        }
    }

    @Test func timestamps() throws {
        #expect(testCreated.w3cUTC == "2026-11-26T02:30:00Z")
        let newYear = try #require(DocumentTimestamp(year: 2026, month: 1, day: 1, hour: 3, utcOffsetMinutes: 420))
        #expect(newYear.w3cUTC == "2025-12-31T20:00:00Z")
        #expect(DocumentTimestamp(year: 2026, month: 2, day: 29, utcOffsetMinutes: 420) == nil)
        #expect(DocumentTimestamp(year: 2026, month: 1, day: 1, hour: 24, utcOffsetMinutes: 420) == nil)
        let old = try #require(DocumentTimestamp(year: 1975, month: 5, day: 1, utcOffsetMinutes: 0))
        #expect(old.dosDateTime.date == 1 << 5 | 1)
    }

    /// The parts of a workbook, each well-formed XML, with the structure the schema requires.
    @Test(.enabled(if: SheetTools.unzip != nil, "unzip is not installed"))
    func partsAreWellFormedAndOrdered() throws {
        let directory = try SheetTools.temporaryDirectory("xlsx-parts")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/parts.xlsx"
        try SampleWorkbook.write(to: path)
        let test = try SheetTools.run(try #require(SheetTools.unzip), ["-t", path])
        #expect(test.status == 0 && test.text.contains("No errors detected"), "\(test.text)")
        if let python = SheetTools.find("python3") {  // a second reader: Python's zipfile checks every CRC
            let check = try SheetTools.run(
                python, ["-c", "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())", path])
            #expect(check.text == "None\n", "\(check.text)")
        }
        let extracted = try SheetTools.extract(path)
        defer { try? FileManager.default.removeItem(atPath: extracted) }

        let parts = [
            "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"
        ]
        let listed = try FileManager.default.subpathsOfDirectory(atPath: extracted).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: extracted + "/" + $0, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }
        #expect(Set(listed) == Set(parts))
        for part in parts {
            let file = extracted + "/" + part
            #expect(try WellFormed.check(file), "\(part) is not well-formed XML")
        }

        func read(_ part: String) throws -> String {
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: extracted + "/" + part)), as: UTF8.self)
        }
        let sheet1 = try read("xl/worksheets/sheet1.xml")
        #expect(sheet1.contains(#"<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>"#))
        #expect(
            sheet1.contains(#"<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="E1:I1"/></mergeCells>"#))
        // CT_Worksheet order: sheetViews, cols, sheetData, mergeCells, pageMargins.
        let order = ["<sheetViews>", "<cols>", "<sheetData>", "</sheetData>", "<mergeCells", "<pageMargins"].map {
            sheet1.range(of: $0)?.lowerBound.utf16Offset(in: sheet1) ?? -1
        }
        #expect(order.allSatisfy { $0 >= 0 } && order == order.sorted())
        #expect(sheet1.contains(#"t="inlineStr"><is><t>=1+1</t></is>"#))
        #expect(!sheet1.contains("<f>") && !sheet1.contains("<f "))  // no formula anywhere
        #expect(sheet1.contains(#"<t xml:space="preserve">  khoảng trắng đầu</t>"#))
        let sheet3 = try read("xl/worksheets/sheet3.xml")
        #expect(
            sheet3.contains(#"<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>"#))

        let workbook = try read("xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="Sổ theo dõi hồ sơ" sheetId="1" r:id="rId1"/>"#))
        #expect(workbook.contains(#"<sheet name="Báo cáo- 01-2026 -tháng--" sheetId="2" r:id="rId2"/>"#))
        let types = try read("[Content_Types].xml")
        for n in 1...3 { #expect(types.contains(#"<Override PartName="/xl/worksheets/sheet\#(n).xml""#)) }
        let relationships = try read("xl/_rels/workbook.xml.rels")
        #expect(
            relationships.contains(
                #"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles""#))
        let styles = try read("xl/styles.xml")
        #expect(styles.contains(#"formatCode="dd/mm/yyyy""#) && styles.contains(#"formatCode="dd/mm/yyyy hh:mm""#))
        #expect(styles.contains(#"<cellXfs count="12">"#))
        let core = try read("docProps/core.xml")
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-26T02:30:00Z</dcterms:created>"#))
        #expect(core.contains("<dc:title>Sổ theo dõi &amp; báo cáo</dc:title>"))
    }

    /// The file appears only on close; a writer dropped without close leaves nothing behind.
    @Test func fileAppearsAtomically() throws {
        let directory = try SheetTools.temporaryDirectory("xlsx-atomic")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.xlsx"
        do {
            let writer = try WorkbookWriter(path: path, created: testCreated)
            try writer.beginSheet(name: "A")
            try writer.appendRow([.text("x")])
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 1)  // the temporary file
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        let writer = try WorkbookWriter(path: path, created: testCreated)
        try writer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["a.xlsx"])
        #expect(writer.sheetNames == ["Sheet1"])  // a workbook needs a sheet
    }

    @Test func errors() throws {
        #expect(
            throws: SpreadsheetError.system(
                operation: "Không tạo được tệp", path: "/nonexistent-motcua/a.xlsx", code: ENOENT)
        ) {
            _ = try WorkbookWriter(path: "/nonexistent-motcua/a.xlsx", created: testCreated)
        }
        #expect(
            SpreadsheetError.system(operation: "Không tạo được tệp", path: "/x/a.xlsx", code: ENOENT).description
                == "Không tạo được tệp /x/a.xlsx: thư mục không tồn tại")

        let directory = try SheetTools.temporaryDirectory("xlsx-errors")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try WorkbookWriter(path: directory + "/e.xlsx", created: testCreated)
        #expect(throws: SpreadsheetError.invalidMerge(sheet: "M", range: "A1:B1")) {
            try writer.beginSheet(
                name: "M",
                merges: [CellRange(row: 0, column: 0, columnCount: 3), CellRange(row: 0, column: 0, columnCount: 2)])
        }
        #expect(throws: SpreadsheetError.invalidMerge(sheet: "M", range: "A1:A1")) {
            try writer.beginSheet(name: "M", merges: [CellRange(row: 0, column: 0, columnCount: 1)])
        }
        #expect(throws: SpreadsheetError.invalidColumnWidth(sheet: "M", column: 2)) {
            try writer.beginSheet(name: "M", columnWidths: [10, 300])
        }
        try writer.beginSheet(name: "Ngày")
        try writer.appendRow([.text("đầu")])
        #expect(throws: SpreadsheetError.invalidDate(sheet: "Ngày", row: 2, column: 3)) {
            try writer.appendRow([.text("a"), .empty, .date(year: 2026, month: 2, day: 30)])
        }
        #expect(throws: SpreadsheetError.invalidDate(sheet: "Ngày", row: 2, column: 1)) {
            try writer.appendRow([.dateTime(year: 2026, month: 2, day: 1, hour: 24, minute: 0)])
        }
        #expect(
            SpreadsheetError.invalidDate(sheet: "Ngày", row: 2, column: 3).description
                == "Ngày giờ không hợp lệ ở ô C2 của trang \"Ngày\"")
        #expect(throws: SpreadsheetError.tooManyColumns(sheet: "Ngày", row: 2)) {
            try writer.appendRow([Cell](repeating: .integer(1), count: WorkbookWriter.maximumColumns + 1))
        }
        // The refused rows were not written: the next row is row 2.
        try writer.appendRow([.text("sau")])
        try writer.close()
        #expect(writer.sheetNames == ["Ngày"])
        if SheetTools.unzip != nil {
            let extracted = try SheetTools.extract(directory + "/e.xlsx")
            defer { try? FileManager.default.removeItem(atPath: extracted) }
            let sheet = String(
                decoding: try Data(contentsOf: URL(fileURLWithPath: extracted + "/xl/worksheets/sheet1.xml")),
                as: UTF8.self)
            #expect(sheet.contains(#"<row r="2"><c r="A2" t="inlineStr"><is><t>sau</t></is></c></row>"#))
        }
    }
}

/// Checks XML well-formedness with xmllint when installed, else with Foundation's parser (libxml2 too).
enum WellFormed {
    static func check(_ file: String) throws -> Bool {
        if let xmllint = SheetTools.xmllint {
            return try SheetTools.run(xmllint, ["--noout", file]).status == 0
        }
        guard let parser = XMLParser(contentsOf: URL(fileURLWithPath: file)) else { return false }
        return parser.parse()
    }
}
