import Foundation
import Testing
@testable import MotCuaSpreadsheet

/// A real spreadsheet program reads the workbooks: LibreOffice Calc converts them to CSV (every cell
/// compared with the data) and, through its UNO bridge, reports types, styles, merges and frozen panes.
@Suite(
    .enabled(if: SheetTools.soffice != nil, "LibreOffice (soffice) is not installed: spreadsheet round trips skipped"))
struct LibreOfficeTests {
    @Test func everyCellThroughCSV() throws {
        let directory = try SheetTools.temporaryDirectory("xlsx-csv")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/mau.xlsx"
        try SampleWorkbook.write(to: path)
        let sheets = try SheetTools.libreOfficeCSV(path, sheetNames: SampleWorkbook.sheets.map(\.name))
        for (sheet, csv) in zip(SampleWorkbook.sheets, sheets) {
            #expect(csv.count == sheet.rows.count, "\(sheet.name): \(csv.count) rows")
            var mismatches: [String] = []
            for (r, row) in sheet.rows.enumerated() where r < csv.count {
                for (c, cell) in row.cells.enumerated() {
                    let field = c < csv[r].count ? csv[r][c] : ""
                    let reference = "\(CellRange.columnName(c))\(r + 1)"
                    if case let .number(value) = cell {
                        if value.isNaN {
                            if field != "#NUM!" && field != "Err:502" { mismatches.append("\(reference): \(field)") }
                        } else if let read = Double(field), abs(read - value) <= 1e-9 * max(1, abs(value)) {
                            continue
                        } else {
                            mismatches.append("\(reference): \(field) ≠ \(value)")
                        }
                    } else if let expected = SampleWorkbook.shown(cell), Array(field.utf8) != Array(expected.utf8) {
                        // Bytes, not String ==: Swift compares strings up to canonical equivalence, so an
                        // NFD "ễ" would equal an NFC one.
                        mismatches.append("\(reference): \(field.debugDescription) ≠ \(expected.debugDescription)")
                    }
                }
                // Nothing beyond the row's cells.
                for c in row.cells.count..<max(row.cells.count, csv[r].count) where !csv[r][c].isEmpty {
                    mismatches.append("\(CellRange.columnName(c))\(r + 1): unexpected \(csv[r][c])")
                }
            }
            #expect(mismatches.isEmpty, "\(sheet.name): \(mismatches.prefix(20))")
        }
        // Spot checks in plain words.
        let register = sheets[0]
        // The output is NFC where the input was (all but the one NFD sample).
        for row in register {
            for field in row where !field.contains("NFD") {
                #expect(
                    Array(field.utf8) == Array(field.precomposedStringWithCanonicalMapping.utf8), "\(field) is not NFC")
            }
        }
        #expect(register[0][0] == "Hồ sơ" && register[1][3] == "Người nộp")
        let formulaRow = try #require(register.firstIndex { $0.first == "=1+1" })
        #expect(register[formulaRow][0] == "=1+1")  // text, not 2
        #expect(register.contains { $0.first == "Ủy ban nhân dân xã Tân Phú, huyện Định Quán" })
        #expect(register[2][4] == "01/11/2026 07:00" && register[2][5] == "01/12/2026")
    }

    /// A 100,000-row sheet (a few years of a commune's cases) opens whole: LibreOffice reads every row.
    @Test func hundredThousandRows() throws {
        let directory = try SheetTools.temporaryDirectory("xlsx-large")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/lon.xlsx"
        let writer = try WorkbookWriter(path: path, created: testCreated)
        try writer.beginSheet(name: "Hồ sơ", columnWidths: [8, 26, 30, 17, 12], frozenRows: 1)
        try writer.appendRow(["STT", "Mã hồ sơ", "Người nộp", "Ngày nhận", "Lệ phí"].map { .text($0) }, style: .header)
        let rows = 100_000
        for i in 1...rows {
            try writer.appendRow(
                [
                    .integer(i), .text("000.00.15.H42-261120-\(i)"), .text("Nguyễn Thị Hồng Nhung \(i % 97)"),
                    .dateTime(year: 2026, month: i % 12 + 1, day: i % 28 + 1, hour: 7 + i % 10, minute: i % 60),
                    .number(Double(i % 5) * 2500)
                ], style: .bordered)
        }
        try writer.close()
        let csv = try SheetTools.libreOfficeCSV(path, sheetNames: ["Hồ sơ"])[0]
        #expect(csv.count == rows + 1)
        // Row i: day i mod 28 + 1, month i mod 12 + 1, hour 7 + i mod 10, minute i mod 60. Worked out by hand:
        // 100,000 = 28 × 3,571 + 12 = 12 × 8,333 + 4; 50,000 = 28 × 1,785 + 20 = 12 × 4,166 + 8.
        #expect(
            csv.last == ["100000", "000.00.15.H42-261120-100000", "Nguyễn Thị Hồng Nhung 90", "13/05/2026 07:40", "0"])
        #expect(
            csv[50_000] == ["50000", "000.00.15.H42-261120-50000", "Nguyễn Thị Hồng Nhung 45", "21/09/2026 07:20", "0"])
        #expect(csv[3] == ["3", "000.00.15.H42-261120-3", "Nguyễn Thị Hồng Nhung 3", "04/04/2026 10:03", "7500"])
    }

    /// Types, styles, merges, widths and frozen panes as LibreOffice sees them.
    @Test(.enabled(if: SheetTools.unoPython != nil, "python3-uno is not installed: LibreOffice inspection skipped"))
    func whatLibreOfficeSees() throws {
        let directory = try SheetTools.temporaryDirectory("xlsx-uno")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/mau.xlsx"
        try SampleWorkbook.write(to: path)
        let inspection = try LibreOfficeInspection(path: path, rows: 60)
        #expect(inspection.sheets.map(\.name) == SampleWorkbook.sheets.map(\.name))
        try #require(inspection.sheets.count == 3)

        let register = inspection.sheets[0]
        let numbers = inspection.sheets[1]
        #expect(register.frozen && register.splitRow == 2 && register.splitColumn == 0)
        #expect(register.merges == ["A1:D1", "E1:I1"])
        #expect(register.usedRows == SampleWorkbook.sheets[0].rows.count && register.usedColumns == 9)
        // Widths follow the requested characters (6, 26, 40, … in 1/100 mm: about 190 per character).
        let widths = register.columnWidths
        #expect(widths.count == 9 && widths[2] > widths[1] && widths[1] > widths[0] && widths[2] > 6 * widths[0])
        #expect(abs(register.rowHeights[1] - 1129) < 60, "32 pt = 11.29 mm, got \(register.rowHeights[1])")

        let heading = register.cells[1][3]
        #expect(heading.type == "TEXT" && heading.text == "Người nộp")
        #expect(heading.bold && heading.wrap && heading.centred && heading.bordered)
        #expect(register.cells[0][2].bordered && register.cells[0][2].type == "EMPTY")  // inside the merged header
        let body = register.cells[2]
        #expect(body[0].type == "VALUE" && body[0].value == 1 && body[0].bordered && !body[0].bold)
        #expect(body[1].type == "TEXT" && body[1].text == "000.00.15.H42-261120-000")
        #expect(
            body[4].type == "VALUE" && body[4].format.uppercased() == "DD/MM/YYYY HH:MM"
                && body[4].text == "01/11/2026 07:00")
        #expect(body[5].type == "VALUE" && body[5].format.uppercased() == "DD/MM/YYYY" && body[5].value == 46_357)
        let specialStart = 2 + 30
        for (i, text) in SampleWorkbook.specialTexts.enumerated() {
            let cell = register.cells[specialStart + i][0]
            #expect(cell.type == "TEXT", "\(text.debugDescription) is \(cell.type)")
            #expect(
                Array(cell.text.utf8) == Array((SampleWorkbook.shown(.text(text)) ?? "").utf8),
                "\(cell.text.debugDescription)")
            #expect(!cell.bordered && !cell.bold)
        }
        let total = register.cells[specialStart + SampleWorkbook.specialTexts.count]
        #expect(total[0].bold && total[0].bordered && total[7].value == 87)
        // No cell became a formula (but the error cell written for NaN, which LibreOffice holds as one).
        for sheet in inspection.sheets {
            for (r, row) in sheet.cells.enumerated() {
                for (c, cell) in row.enumerated() where cell.type == "FORMULA" {
                    #expect(
                        sheet.name == numbers.name && r == 10 && c == 1,
                        "\(sheet.name) \(CellRange.columnName(c))\(r + 1): \(cell.formula)")
                }
            }
        }

        #expect(
            numbers.cells[10][1].text == "#NUM!" || numbers.cells[10][1].text == "Err:502",
            "NaN shows \(numbers.cells[10][1].text)")
        #expect(!numbers.frozen && numbers.merges.isEmpty)
        #expect(numbers.cells[1][1].value == 0.5 && numbers.cells[9][1].value == 123_456_789_012)

        let times = inspection.sheets[2]
        #expect(times.frozen && times.splitRow == 1 && times.splitColumn == 2)
        #expect(times.usedRows == 1441)
    }
}
