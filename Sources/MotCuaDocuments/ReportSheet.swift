import MotCuaCore
import MotCuaStore
import MotCuaSpreadsheet

/// A value of a report's table, typed for a spreadsheet: numbers stay numbers and dates stay dates.
public enum SheetValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case date(CivilDate)
    case dateTime(LocalDateTime)
    case empty

    /// As a CSV field: dates as ISO text, numbers as digits.
    public var csvText: String {
        switch self {
        case .text(let s): s
        case .integer(let n): String(n)
        case .decimal(let d): String(d)
        case .date(let d): d.iso
        case .dateTime(let t): t.iso
        case .empty: ""
        }
    }

    var cell: MotCuaSpreadsheet.Cell {
        switch self {
        case .text(let s): .text(s)
        case .integer(let n): .integer(n)
        case .decimal(let d): .number(d)
        case .date(let d):
            .date(year: d.year, month: d.components.month, day: d.components.day)
        case .dateTime(let t):
            .dateTime(
                year: t.date.year, month: t.date.components.month, day: t.date.components.day, hour: t.time.hour,
                minute: t.time.minute)
        case .empty: .empty
        }
    }
}

/// A report's table for a spreadsheet: column titles as printed (with their widths in characters), an
/// optional row of grouped titles above them (merged cells, as on the printed form), and the rows, produced
/// one at a time so that a year's ledger is never held whole.
public struct ReportSheet: Sendable {
    public struct Column: Sendable {
        public let title: String
        public let width: Double
        public init(_ title: String, width: Double) {
            self.title = title
            self.width = width
        }
    }

    public let name: String
    /// Lines above the table (report title, unit, period).
    public let heading: [String]
    public let groups: [(title: String, span: Int)]
    public let columns: [Column]
    /// Calls `emit` with each row, in order.
    public let rows: @Sendable (_ emit: ([SheetValue]) throws -> Void) throws -> Void
    /// Rows written in bold after the data (totals).
    public let totals: [[SheetValue]]

    public init(
        name: String, heading: [String] = [], groups: [(title: String, span: Int)] = [], columns: [Column],
        totals: [[SheetValue]] = [], rows: @escaping @Sendable (_ emit: ([SheetValue]) throws -> Void) throws -> Void
    ) {
        self.name = name
        self.heading = heading
        self.groups = groups
        self.columns = columns
        self.totals = totals
        self.rows = rows
    }

    /// The column titles of a one-row header: each printed title, after its group's title when the group
    /// spans several columns ("Số hồ sơ đã giải quyết: Trước hạn"), so that no two read the same.
    public var csvTitles: [String] {
        var titles = columns.map(\.title)
        guard groups.map(\.span).reduce(0, +) == columns.count else { return titles }
        var column = 0
        for group in groups {
            let name = group.title.trimmingSpaces
            for c in column..<(column + group.span) where !name.isEmpty {
                titles[c] = titles[c].hasPrefix("(") ? "\(name) \(titles[c])" : "\(name): \(titles[c])"
            }
            column += group.span
        }
        return titles
    }

    /// The same table as CSV (UTF-8 with a byte-order mark, CRLF): the printed column titles on the header
    /// row (`csvTitles`), then the rows and the totals; written piece by piece through `write`.
    public func writeCSV(_ write: (String) throws -> Void) throws {
        try write("\u{FEFF}" + CSV.line(csvTitles))
        try rows { try write(CSV.line($0.map(\.csvText))) }
        for total in totals { try write(CSV.line(total.map(\.csvText))) }
    }
}

/// Writes report sheets as an Office Open XML workbook (streamed: rows go to the file as they come).
public enum WorkbookExport {
    static func timestamp(_ now: LocalDateTime) -> DocumentTimestamp {
        let c = now.date.components
        return DocumentTimestamp(
            year: c.year, month: c.month, day: c.day, hour: now.time.hour, minute: now.time.minute, second: 0,
            utcOffsetMinutes: LocalDateTime.vietnamOffsetMinutes)!
    }

    public static func write(_ sheets: [ReportSheet], to path: String, title: String, at now: LocalDateTime) throws {
        let book = try WorkbookWriter(path: path, created: timestamp(now), title: title)
        for sheet in sheets {
            let width = sheet.columns.count
            var merges: [CellRange] = []
            var row = sheet.heading.count
            for i in 0..<sheet.heading.count where width > 1 {
                merges.append(CellRange(row: i, column: 0, columnCount: width))
            }
            // An untitled group over one column: its header cell spans the group row and the header row, as on
            // the printed form ("STT", "Lĩnh vực" beside the grouped columns).
            var spanning = Set<Int>()
            if !sheet.groups.isEmpty {
                var column = 0
                for group in sheet.groups {
                    if group.span > 1 {
                        merges.append(CellRange(row: row, column: column, columnCount: group.span))
                    } else if group.title.trimmingSpaces.isEmpty && column < width {
                        spanning.insert(column)
                        merges.append(
                            CellRange(firstRow: row, firstColumn: column, lastRow: row + 1, lastColumn: column))
                    }
                    column += group.span
                }
                row += 1
            }
            try book.beginSheet(
                name: sheet.name, columnWidths: sheet.columns.map(\.width), frozenRows: row + 1, frozenColumns: 0,
                merges: merges)
            for line in sheet.heading {
                try book.appendRow([.text(line)] + Array(repeating: .empty, count: max(0, width - 1)))
            }
            if !sheet.groups.isEmpty {
                var cells: [MotCuaSpreadsheet.Cell] = []
                for group in sheet.groups {
                    let column = cells.count
                    cells.append(.text(spanning.contains(column) ? sheet.columns[column].title : group.title))
                    cells += Array(repeating: .empty, count: max(0, group.span - 1))
                }
                try book.appendRow(cells, style: .header)
            }
            try book.appendRow(
                sheet.columns.enumerated().map { spanning.contains($0.offset) ? .empty : .text($0.element.title) },
                style: .header)
            try sheet.rows { values in try book.appendRow(values.map(\.cell), style: .bordered) }
            for total in sheet.totals { try book.appendRow(total.map(\.cell), style: .total) }
            try book.endSheet()
        }
        try book.close()
    }
}

/// The case export (`motcua export --format xlsx`) as a workbook: the CSV export's columns and rows
/// (`CaseExport.csvHeader`, one row per event), with numbers as numbers and times as dates, streamed case by
/// case from the store.
public enum CaseExportWorkbook {
    static let integerColumns: Set<String> = ["ledger_year", "ledger_number", "event_seq"]
    static let timeColumns: Set<String> = ["received_at", "due", "appointment", "event_at"]

    /// The typed cell of an exported CSV field under the column `title`.
    static func value(_ text: String, column title: String) -> SheetValue {
        if text.isEmpty { return .empty }
        if integerColumns.contains(title), let n = Int(text) { return .integer(n) }
        if timeColumns.contains(title), let t = LocalDateTime(iso: text) { return .dateTime(t) }
        return .text(text)
    }

    /// Writes the cases received from `from` to `to` (either open) into a workbook at `path`; returns how many
    /// cases were written. `progress` is called after each case with the count so far.
    public static func write(
        _ store: Store, from: CivilDate?, to: CivilDate?, path: String, at now: LocalDateTime,
        progress: (Int) -> Void = { _ in }
    ) throws -> Int {
        let header = CaseExport.csvHeader
        let book = try WorkbookWriter(path: path, created: WorkbookExport.timestamp(now), title: "Hồ sơ xuất")
        let widths: [Double] = header.map { title in
            switch title {
            case "procedure_name", "event_data": 48
            case "applicant_name": 26
            case "code": 26
            default: timeColumns.contains(title) ? 17 : Double(max(10, title.count + 2))
            }
        }
        try book.beginSheet(name: "Hồ sơ", columnWidths: widths, frozenRows: 1, frozenColumns: 1, merges: [])
        try book.appendRow(header.map { .text($0) }, style: .header)
        var count = 0
        try store.forEachExportRow(
            from: from, to: to,
            afterCase: {
                count = $0
                progress($0)
            }
        ) { row in
            try book.appendRow(zip(row, header).map { value($0, column: $1).cell })
        }
        try book.endSheet()
        try book.close()
        return count
    }
}
