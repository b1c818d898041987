import Testing
@testable import MotCuaSpreadsheet

/// A workbook exercising every feature, and what a spreadsheet program should show for it.
enum SampleWorkbook {
    struct Row {
        let cells: [Cell]
        var style: RowStyle = .normal
        var height: Double? = nil
    }

    struct Sheet {
        let requestedName: String
        let name: String
        let widths: [Double]
        let frozenRows: Int
        let frozenColumns: Int
        let merges: [CellRange]
        let rows: [Row]
    }

    static let specialTexts = [
        "=1+1", "+84 912 345 678", "-5", "@SUM(A1:A2)", "_x0041_", "a\u{1}b\u{1F}c", "tab\tở giữa", "dòng 1\ndòng 2",
        "  khoảng trắng đầu", "cuối  ", #"<&>"'"#, "😀 biểu tượng", "0012", "1/2", "a\r\nb", "TRUE", "1e5", "15/11/2026",
        "09:30", "Ủy ban nhân dân xã Tân Phú, huyện Định Quán",
        "Nguye\u{0302}\u{0303}n (NFD, kept as given)"
    ]

    static let sheets: [Sheet] = {
        let headings = [
            "STT", "Mã hồ sơ", "Thủ tục", "Người nộp", "Ngày nhận", "Hẹn trả", "Ngày trả", "Số ngày", "Lệ phí"
        ]
        let procedures = [
            "Đăng ký khai sinh", "Chứng thực bản sao từ bản chính", "Đăng ký kết hôn", "Xác nhận tình trạng hôn nhân",
            "Cấp bản sao trích lục hộ tịch", "Đăng ký khai tử", "Đăng ký thường trú"
        ]
        let people = [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Hữu Cường", "Phạm Thị Dung", "Hoàng Minh Đức", "Huỳnh Thị Hồng Nhung",
            "Đặng Quốc Huy", "Vũ Ngọc Ánh", "Võ Thị Ỷ", "Bùi Xuân Ước"
        ]
        var register: [Row] = [
            Row(
                cells: [.text("Hồ sơ"), .empty, .empty, .empty, .text("Thời hạn"), .empty, .empty, .empty, .empty],
                style: .header),
            Row(cells: headings.map { .text($0) }, style: .header, height: 32)
        ]
        for i in 0..<30 {
            let day = i % 28 + 1
            register.append(
                Row(
                    cells: [
                        .integer(i + 1),
                        .text("000.00.15.H42-2611\(20 + i % 10)-\(String(1000 + i).dropFirst())"),
                        .text(procedures[i % procedures.count]),
                        .text(people[i % people.count]),
                        .dateTime(year: 2026, month: 11, day: day, hour: 7 + i % 10, minute: (i * 7) % 60),
                        .date(year: 2026, month: 12, day: day),
                        i % 4 == 0 ? .empty : .date(year: 2026, month: 12, day: max(1, day - 1)),
                        .integer(i % 7),
                        .number(i % 3 == 0 ? 8000 : 0)
                    ], style: .bordered))
        }
        for text in specialTexts { register.append(Row(cells: [.text(text)])) }
        register.append(
            Row(
                cells: [
                    .text("Tổng cộng"), .empty, .empty, .empty, .empty, .empty, .empty, .integer(87), .number(80000)
                ], style: .total))

        let numbers = Sheet(
            requestedName: "Báo cáo: 01/2026 [tháng]?", name: "Báo cáo- 01-2026 -tháng--", widths: [30, 14],
            frozenRows: 0, frozenColumns: 0,
            merges: [],
            rows: [Row(cells: [.text("Chỉ tiêu"), .text("Giá trị")], style: .header)]
                + [
                    ("Tỉ lệ đúng hạn", Cell.number(0.5)), ("Một phần mười", .number(0.1)),
                    ("Hai và một phần tư", .number(2.25)),
                    ("Âm", .number(-3.75)), ("Lớn", .number(1_234_567.891)), ("Lệ phí", .number(8000)),
                    ("Số nguyên âm", .integer(-42)),
                    ("Không", .integer(0)), ("Số lớn", .integer(123_456_789_012)), ("Không xác định", .number(.nan))
                ].map { Row(cells: [.text($0.0), $0.1], style: .bordered) })

        var times: [Row] = [Row(cells: [.text("Giờ"), .text("Ngày"), .text("STT")], style: .header)]
        let first = CivilDays.days(year: 1900, month: 3, day: 1)
        for minute in 0..<1440 {
            let (y, m, d) = CivilDays.civil(days: first + minute * 51)  // 1900 … 2101
            times.append(
                Row(cells: [
                    .dateTime(year: 2026, month: 3, day: 15, hour: minute / 60, minute: minute % 60),
                    .date(year: y, month: m, day: d), .integer(minute)
                ]))
        }
        return [
            Sheet(
                requestedName: "Sổ theo dõi hồ sơ", name: "Sổ theo dõi hồ sơ",
                widths: [6, 26, 40, 24, 17, 12, 12, 10, 12],
                frozenRows: 2, frozenColumns: 0,
                merges: [CellRange(row: 0, column: 0, columnCount: 4), CellRange(row: 0, column: 4, columnCount: 5)],
                rows: register),
            numbers,
            Sheet(
                requestedName: "Tổng hợp", name: "Tổng hợp", widths: [18, 12, 8], frozenRows: 1, frozenColumns: 2,
                merges: [], rows: times)
        ]
    }()

    static func write(to path: String) throws {
        let writer = try WorkbookWriter(path: path, created: testCreated, title: "Sổ theo dõi & báo cáo")
        for sheet in sheets {
            try writer.beginSheet(
                name: sheet.requestedName, columnWidths: sheet.widths, frozenRows: sheet.frozenRows,
                frozenColumns: sheet.frozenColumns, merges: sheet.merges)
            for row in sheet.rows { try writer.appendRow(row.cells, style: row.style, height: row.height) }
            try writer.endSheet()
        }
        try writer.close()
        #expect(writer.sheetNames == sheets.map(\.name))
    }

    /// What a cell shows, as LibreOffice exports it "as shown"; nil for numbers (compared by value).
    static func shown(_ cell: Cell) -> String? {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch cell {
        case let .text(text):
            // Control characters other than tab and line feed are dropped; CR LF and CR become LF.
            var result = ""
            var previousCR = false
            for scalar in text.unicodeScalars {
                if scalar == "\r" { result.unicodeScalars.append("\n"); previousCR = true; continue }
                defer { previousCR = false }
                if scalar == "\n" && previousCR { continue }
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { continue }
                result.unicodeScalars.append(scalar)
            }
            return result
        case let .integer(n): return String(n)
        case .number: return nil
        case let .date(y, m, d): return "\(two(d))/\(two(m))/\(y)"
        case let .dateTime(y, m, d, h, mi): return "\(two(d))/\(two(m))/\(y) \(two(h)):\(two(mi))"
        case .empty: return ""
        }
    }
}
