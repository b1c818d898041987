#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The value of one cell.
///
/// Text is written as an inline string, so it is never taken for a formula or a number: "=1+1",
/// "0012" and "1/2" stay text. Dates and times become date serial numbers with a date format
/// (`dd/mm/yyyy`, `dd/mm/yyyy hh:mm`), so that they sort and compute as dates.
public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case date(year: Int, month: Int, day: Int)
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int)
    case empty
}

/// A rectangle of cells, zero-based and inclusive: row 0, column 0 is A1.
public struct CellRange: Sendable, Hashable, CustomStringConvertible {
    public let firstRow: Int, firstColumn: Int
    public let lastRow: Int, lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// `columnCount` columns of one row (a grouped header).
    public init(row: Int, column: Int, columnCount: Int) {
        self.init(firstRow: row, firstColumn: column, lastRow: row, lastColumn: column + columnCount - 1)
    }

    /// "A1:C1".
    public var reference: String {
        "\(CellRange.columnName(firstColumn))\(firstRow + 1):\(CellRange.columnName(lastColumn))\(lastRow + 1)"
    }

    public var description: String { reference }

    func overlaps(_ other: CellRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow && firstColumn <= other.lastColumn
            && other.firstColumn <= lastColumn
    }

    /// The letters of a zero-based column: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
    public static func columnName(_ column: Int) -> String {
        String(decoding: columnLetters(column), as: UTF8.self)
    }

    static func columnLetters(_ column: Int) -> [UInt8] {
        precondition(column >= 0)
        var letters: [UInt8] = []
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(UInt8(ascii: "A") + UInt8(remainder), at: 0)
            n = (n - 1) / 26
        }
        return letters
    }
}

/// The look of a row's cells.
public enum RowStyle: Int, Sendable, CaseIterable {
    /// No border, regular font.
    case normal = 0
    /// Column headings: bold, centred horizontally and vertically, wrapped, thin borders.
    case header = 1
    /// Table body: thin borders, vertically centred.
    case bordered = 2
    /// A totals line: bold with thin borders.
    case total = 3
}

/// Writes an Office Open XML workbook (.xlsx, ECMA-376 SpreadsheetML) as a stream: sheets one after the
/// other, rows one at a time. Memory does not grow with the number of rows: each row is turned into XML in
/// a reused buffer and goes straight into the ZIP archive (see `ZipWriter`).
///
/// The file appears at `path` only when `close()` succeeds: it is written to a temporary file beside it,
/// fsynced and renamed. A writer dropped without `close()` removes its temporary file.
///
/// ```swift
/// let writer = try WorkbookWriter(path: "/tmp/bao-cao.xlsx", created: now)
/// try writer.beginSheet(name: "Hồ sơ", columnWidths: [24, 12, 40], frozenRows: 2,
///                       merges: [CellRange(row: 0, column: 0, columnCount: 3)])
/// try writer.appendRow([.text("Sổ theo dõi hồ sơ"), .empty, .empty], style: .header)
/// try writer.appendRow([.text("Mã hồ sơ"), .text("Ngày nhận"), .text("Thủ tục")], style: .header)
/// try writer.appendRow([.text("000.00.15.H42-261120-0001"), .date(year: 2026, month: 11, day: 20), .text("Khai sinh")])
/// try writer.endSheet()
/// try writer.close()
/// ```
public final class WorkbookWriter {
    /// The most rows and columns a worksheet may have (Excel's limits).
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    /// The path the workbook appears at after `close()`.
    public let path: String
    /// The sheets' names as written (after `sanitizedSheetName`).
    public private(set) var sheetNames: [String] = []

    private let temporaryPath: String
    private let output: ZipFileOutput
    private let zip: ZipWriter
    private let created: DocumentTimestamp
    private let title: String?
    private let creator: String

    private var sheet: OpenSheet? = nil
    private var rowBuffer = XMLBuffer(capacity: 64 * 1024)
    /// Column letters computed so far ("A", "B", …), reused for every row.
    private var columnLetters: [[UInt8]] = []
    private var closed = false

    private struct OpenSheet {
        let name: String
        let merges: [CellRange]
        var rowCount = 0
    }

    /// Creates the temporary file beside `path`. `created` is recorded as the creation and modification
    /// time (docProps/core.xml, and the archive entries' times).
    public init(path: String, created: DocumentTimestamp, title: String? = nil, creator: String = "motcua")
        throws(SpreadsheetError)
    {
        self.path = path
        self.created = created
        self.title = title
        self.creator = creator
        var template = Array("\(path).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(operation: "Không tạo được tệp", path: path, code: errno) }
        temporaryPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Owner only, like every file the program writes: a workbook holds personal data (mkstemp's own mode,
        // said again here so that a half-written or abandoned temporary file is never readable by others).
        _ = fchmod(descriptor, 0o600)
        output = ZipFileOutput(descriptor: descriptor, path: path)
        zip = ZipWriter(output: output, modified: created)
    }

    deinit {
        if !closed { unlink(temporaryPath) }
    }

    /// Starts a sheet. `columnWidths[i]` is the width of column i in characters (Excel's unit), 0…255;
    /// `frozenRows` and `frozenColumns` stay in view when scrolling (the header); `merges` are merged
    /// cells, known before the rows and written after them as the schema requires. The name is
    /// sanitised (see `sanitizedSheetName`).
    public func beginSheet(
        name: String, columnWidths: [Double] = [], frozenRows: Int = 0, frozenColumns: Int = 0,
        merges: [CellRange] = []
    ) throws(SpreadsheetError) {
        precondition(!closed, "beginSheet after close")
        if sheet != nil { try endSheet() }
        let finalName = WorkbookWriter.sanitizedSheetName(name, index: sheetNames.count + 1, existing: sheetNames)
        precondition(frozenRows >= 0 && frozenRows < WorkbookWriter.maximumRows, "frozenRows")
        precondition(frozenColumns >= 0 && frozenColumns < WorkbookWriter.maximumColumns, "frozenColumns")
        for (index, width) in columnWidths.enumerated() where !(width >= 0 && width <= 255) {
            throw .invalidColumnWidth(sheet: finalName, column: index + 1)
        }
        for (index, range) in merges.enumerated() {
            let inside =
                range.firstRow >= 0 && range.firstColumn >= 0 && range.firstRow <= range.lastRow
                && range.firstColumn <= range.lastColumn && range.lastRow < WorkbookWriter.maximumRows
                && range.lastColumn < WorkbookWriter.maximumColumns
            let single = range.firstRow == range.lastRow && range.firstColumn == range.lastColumn
            guard inside, !single, !merges[..<index].contains(where: { $0.overlaps(range) }) else {
                throw .invalidMerge(sheet: finalName, range: inside ? range.reference : "?")
            }
        }

        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count + 1).xml")
        sheetNames.append(finalName)
        sheet = OpenSheet(name: finalName, merges: merges)

        var x = XMLBuffer(capacity: 1024)
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw("\n")
        x.raw(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        x.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        x.raw(#"<sheetViews><sheetView workbookViewId="0""#)
        if sheetNames.count == 1 { x.raw(#" tabSelected="1""#) }
        if frozenRows > 0 || frozenColumns > 0 {
            let topLeft = cellReference(row: frozenRows, column: frozenColumns)
            let pane: StaticString =
                frozenRows > 0 && frozenColumns > 0 ? "bottomRight" : frozenRows > 0 ? "bottomLeft" : "topRight"
            x.raw("><pane")
            if frozenColumns > 0 { x.raw(#" xSplit=""#); x.decimal(frozenColumns); x.raw("\"") }
            if frozenRows > 0 { x.raw(#" ySplit=""#); x.decimal(frozenRows); x.raw("\"") }
            x.raw(#" topLeftCell=""#); x.unescaped(topLeft)
            x.raw(#"" activePane=""#); x.raw(pane); x.raw(#"" state="frozen"/>"#)
            x.raw(#"<selection pane=""#); x.raw(pane)
            x.raw(#"" activeCell=""#); x.unescaped(topLeft); x.raw(#"" sqref=""#); x.unescaped(topLeft); x.raw(#""/>"#)
            x.raw("</sheetView></sheetViews>")
        } else {
            x.raw("/></sheetViews>")
        }
        if !columnWidths.isEmpty {
            x.raw("<cols>")
            for (index, width) in columnWidths.enumerated() {
                x.raw(#"<col min=""#); x.decimal(index + 1)
                x.raw(#"" max=""#); x.decimal(index + 1)
                x.raw(#"" width=""#); x.unescaped(String(width))
                x.raw(#"" customWidth="1"/>"#)
            }
            x.raw("</cols>")
        }
        x.raw("<sheetData>")
        try zip.write(x.bytes)
    }

    /// Appends the next row. `.empty` cells are skipped, except in styled rows, where they keep the style
    /// (the borders of a merged header). `height` is in points.
    public func appendRow(_ cells: [Cell], style: RowStyle = .normal, height: Double? = nil) throws(SpreadsheetError) {
        guard var current = sheet else { preconditionFailure("appendRow outside a sheet") }
        guard current.rowCount < WorkbookWriter.maximumRows else { throw .tooManyRows(sheet: current.name) }
        let rowNumber = current.rowCount + 1
        guard cells.count <= WorkbookWriter.maximumColumns else {
            throw .tooManyColumns(sheet: current.name, row: rowNumber)
        }
        if let height { precondition(height >= 0 && height <= 409, "row height 0…409 points") }

        // The buffer is moved out of the object for the row: appends to a local variable need no dynamic
        // exclusivity check, and the array keeps its capacity from row to row.
        var row = rowBuffer
        rowBuffer = XMLBuffer(capacity: 0)
        defer {
            row.removeAll()
            rowBuffer = row
        }
        while columnLetters.count < cells.count { columnLetters.append(CellRange.columnLetters(columnLetters.count)) }
        let letters = columnLetters
        row.raw(#"<row r=""#)
        row.decimal(rowNumber)
        if let height {
            row.raw(#"" ht=""#); row.unescaped(String(height)); row.raw(#"" customHeight="1"#)
        }
        row.raw("\">")
        let styleBase = style.rawValue * 3
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .empty:
                guard style != .normal else { continue }
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase)
                row.raw("/>")
            case let .text(text):
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase)
                row.raw(#" t="inlineStr"><is><t"#)
                if XMLText.needsPreserve(text) { row.raw(#" xml:space="preserve""#) }
                row.raw(">")
                row.escaped(text, limit: XMLText.cellCharacterLimit)
                row.raw("</t></is></c>")
            case let .number(value):
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase)
                if value.isFinite {
                    row.raw("><v>"); row.unescaped(value.description); row.raw("</v></c>")
                } else {
                    row.raw(#" t="e"><v>#NUM!</v></c>"#)  // no number for NaN or infinity
                }
            case let .integer(value):
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase)
                row.raw("><v>"); row.decimal(value); row.raw("</v></c>")
            case let .date(year, month, day):
                guard let serial = WorkbookWriter.serial(year: year, month: month, day: day) else {
                    throw .invalidDate(sheet: current.name, row: rowNumber, column: column + 1)
                }
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase + 1)
                row.raw("><v>"); row.decimal(serial); row.raw("</v></c>")
            case let .dateTime(year, month, day, hour, minute):
                guard let days = WorkbookWriter.serial(year: year, month: month, day: day),
                    (0..<24).contains(hour), (0..<60).contains(minute)
                else {
                    throw .invalidDate(sheet: current.name, row: rowNumber, column: column + 1)
                }
                WorkbookWriter.openCell(&row, letters: letters[column], row: rowNumber, style: styleBase + 2)
                row.raw("><v>"); row.unescaped(WorkbookWriter.serialText(days: days, minuteOfDay: hour * 60 + minute));
                row.raw("</v></c>")
            }
        }
        row.raw("</row>")
        try zip.write(row.bytes)
        current.rowCount = rowNumber
        sheet = current
    }

    /// Ends the current sheet: closes its data and writes the merged cells.
    public func endSheet() throws(SpreadsheetError) {
        guard let current = sheet else { preconditionFailure("endSheet outside a sheet") }
        var x = XMLBuffer(capacity: 256)
        x.raw("</sheetData>")
        if !current.merges.isEmpty {
            x.raw(#"<mergeCells count=""#); x.decimal(current.merges.count); x.raw("\">")
            for range in current.merges {
                x.raw(#"<mergeCell ref=""#); x.unescaped(range.reference); x.raw(#""/>"#)
            }
            x.raw("</mergeCells>")
        }
        x.raw(#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#)
        x.raw("</worksheet>")
        try zip.write(x.bytes)
        try zip.endEntry()
        sheet = nil
    }

    /// Ends the open sheet if any, writes the workbook's other parts and the archive's directory, and
    /// moves the file to `path`. A workbook needs a sheet: an empty one is added when none was begun.
    public func close() throws(SpreadsheetError) {
        precondition(!closed, "close called twice")
        if sheet != nil { try endSheet() }
        if sheetNames.isEmpty {
            try beginSheet(name: "")
            try endSheet()
        }
        try zip.addEntry("xl/workbook.xml", bytes: workbookXML())
        try zip.addEntry("xl/_rels/workbook.xml.rels", bytes: workbookRelationshipsXML())
        try zip.addEntry("xl/styles.xml", bytes: Array(WorkbookWriter.stylesXML.utf8))
        try zip.addEntry("docProps/core.xml", bytes: corePropertiesXML())
        try zip.addEntry("_rels/.rels", bytes: Array(WorkbookWriter.packageRelationshipsXML.utf8))
        try zip.addEntry("[Content_Types].xml", bytes: contentTypesXML())
        try zip.finish()
        try output.close()
        closed = true
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .system(operation: "Không ghi được", path: path, code: code)
        }
        syncDirectory()
    }

    // MARK: - Sheet names

    /// A name Excel accepts: `[ ] : * ? / \` become "-", control characters are dropped, apostrophes are
    /// trimmed from both ends, at most 31 characters (UTF-16 code units, never cutting a character),
    /// not empty ("Sheet<index>" instead), not "History" (reserved), and different from `existing`
    /// ignoring case (" (2)", " (3)"… appended).
    public static func sanitizedSheetName(_ name: String, index: Int, existing: [String] = []) -> String {
        var cleaned = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "[", "]", ":", "*", "?", "/", "\\": cleaned.unicodeScalars.append("-")
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                continue
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        if cleaned.isEmpty { cleaned = "Sheet\(index)" }
        if cleaned.lowercased() == "history" { cleaned += "-" }
        let taken = Set(existing.map { $0.lowercased() })
        var candidate = truncated(cleaned, toUTF16: 31)
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = truncated(cleaned, toUTF16: 31 - suffix.utf16.count) + suffix
            counter += 1
        }
        return candidate
    }

    private static func truncated(_ text: String, toUTF16 limit: Int) -> String {
        var result = ""
        var units = 0
        for character in text {
            let width = character.utf16.count
            if units + width > limit { break }
            result.append(character)
            units += width
        }
        while result.hasSuffix("'") { result.removeLast() }  // a cut may leave an apostrophe at the end
        return result
    }

    // MARK: - Dates

    /// The date serial number: days since 30 December 1899 (the 1900 date system as spreadsheet programs
    /// count it from 1 March 1900 on). Nil for an invalid date or one before 1 March 1900.
    static func serial(year: Int, month: Int, day: Int) -> Int? {
        guard CivilDays.isValid(year: year, month: month, day: day), (year, month) >= (1900, 3) else { return nil }
        return CivilDays.days(year: year, month: month, day: day) + 25_569  // 1970-01-01 is serial 25569
    }

    /// A date and time serial as text: the day plus the fraction of the day, to the shortest decimal
    /// that reads back as the same double.
    static func serialText(days: Int, minuteOfDay: Int) -> String {
        (Double(days) + Double(minuteOfDay) / 1440).description
    }

    // MARK: - Parts

    private static func openCell(_ row: inout XMLBuffer, letters: [UInt8], row rowNumber: Int, style: Int) {
        row.raw(#"<c r=""#)
        row.bytes.append(contentsOf: letters)
        row.decimal(rowNumber)
        row.raw("\"")
        if style != 0 { row.raw(#" s=""#); row.decimal(style); row.raw("\"") }
    }

    private func cellReference(row: Int, column: Int) -> String {
        "\(CellRange.columnName(column))\(row + 1)"
    }

    private func workbookXML() -> [UInt8] {
        var x = XMLBuffer(capacity: 1024)
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw("\n")
        x.raw(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#)
        x.raw(#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        x.raw(#"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#)
        for (index, name) in sheetNames.enumerated() {
            x.raw(#"<sheet name=""#); x.escaped(name)
            x.raw(#"" sheetId=""#); x.decimal(index + 1)
            x.raw(#"" r:id="rId"#); x.decimal(index + 1); x.raw(#""/>"#)
        }
        x.raw("</sheets></workbook>")
        return x.bytes
    }

    private func workbookRelationshipsXML() -> [UInt8] {
        var x = XMLBuffer(capacity: 1024)
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw("\n")
        x.raw(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#)
        for index in 1...sheetNames.count {
            x.raw(#"<Relationship Id="rId"#); x.decimal(index)
            x.raw(
                #"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet"#
            )
            x.decimal(index); x.raw(#".xml"/>"#)
        }
        x.raw(#"<Relationship Id="rId"#); x.decimal(sheetNames.count + 1)
        x.raw(
            #"" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        )
        x.raw("</Relationships>")
        return x.bytes
    }

    private func contentTypesXML() -> [UInt8] {
        var x = XMLBuffer(capacity: 1024)
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw("\n")
        x.raw(#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#)
        x.raw(#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#)
        x.raw(#"<Default Extension="xml" ContentType="application/xml"/>"#)
        x.raw(
            #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        )
        for index in 1...sheetNames.count {
            x.raw(#"<Override PartName="/xl/worksheets/sheet"#); x.decimal(index)
            x.raw(#".xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#)
        }
        x.raw(
            #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        )
        x.raw(
            #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        )
        x.raw("</Types>")
        return x.bytes
    }

    private func corePropertiesXML() -> [UInt8] {
        var x = XMLBuffer(capacity: 1024)
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw("\n")
        x.raw(
            #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#)
        x.raw(#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#)
        x.raw(#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#)
        if let title { x.raw("<dc:title>"); x.escaped(title); x.raw("</dc:title>") }
        x.raw("<dc:creator>"); x.escaped(creator); x.raw("</dc:creator>")
        let time = created.w3cUTC
        x.raw(#"<dcterms:created xsi:type="dcterms:W3CDTF">"#); x.unescaped(time); x.raw("</dcterms:created>")
        x.raw(#"<dcterms:modified xsi:type="dcterms:W3CDTF">"#); x.unescaped(time); x.raw("</dcterms:modified>")
        x.raw("</cp:coreProperties>")
        return x.bytes
    }

    private static let packageRelationshipsXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    /// Cell formats: index = 3 × RowStyle.rawValue + kind, kind 0 = general, 1 = date, 2 = date and time.
    /// Number formats 164 and 165 are custom (ids below 164 are built in).
    private static let stylesXML: String = {
        let alignments = [
            "",  // normal
            #"<alignment horizontal="center" vertical="center" wrapText="1"/>"#,  // header
            #"<alignment vertical="center"/>"#,  // bordered
            #"<alignment vertical="center"/>"#  // total
        ]
        let fonts = [0, 1, 0, 1], borders = [0, 1, 1, 1]
        var xfs = ""
        for style in 0..<4 {
            for numberFormat in [0, 164, 165] {
                var xf =
                    #"<xf numFmtId="\#(numberFormat)" fontId="\#(fonts[style])" fillId="0" borderId="\#(borders[style])" xfId="0""#
                if numberFormat != 0 { xf += #" applyNumberFormat="1""# }
                if fonts[style] != 0 { xf += #" applyFont="1""# }
                if borders[style] != 0 { xf += #" applyBorder="1""# }
                if alignments[style].isEmpty {
                    xf += "/>"
                } else {
                    xf += #" applyAlignment="1">"# + alignments[style] + "</xf>"
                }
                xfs += xf
            }
        }
        let thin = #"style="thin"><color auto="1"/>"#
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
            <fonts count="2">\
            <font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>\
            <font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font>\
            </fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left \(thin)</left><right \(thin)</right><top \(thin)</top><bottom \(thin)</bottom><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="12">\(xfs)</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }()

    private func syncDirectory() {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            fsync(descriptor)
            _ = closeDirectory(descriptor)
        }
    }
}

/// `close(2)`, under a name that `WorkbookWriter.close()` does not hide.
private func closeDirectory(_ descriptor: Int32) -> Int32 { close(descriptor) }
