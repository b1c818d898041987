/// Paper sizes of the forms (domain.md §5: receipts A5, the ledger A4).
public enum PageSize: String, Sendable, CaseIterable {
    /// Forms handed to the applicant (receipt, slips), 72 characters a line.
    case a5
    /// Reports in portrait, 120 characters a line.
    case a4
    /// Wide tables (the ledger, the statistics), 160 characters a line.
    case a4Landscape = "a4-landscape"

    /// Characters per line of the text rendering.
    public var textColumns: Int {
        switch self {
        case .a5: 72
        case .a4: 120
        case .a4Landscape: 160
        }
    }
    /// Lines per page of the text rendering.
    public var textLines: Int {
        switch self {
        case .a5: 60
        case .a4: 80
        case .a4Landscape: 56
        }
    }
    public var cupsMedia: String { self == .a5 ? "A5" : "A4" }
    public var isLandscape: Bool { self == .a4Landscape }

    /// The monospace size that fits `textColumns` across the paper (through paps, on A4 paper).
    public var fontPoints: Int { self == .a5 ? 10 : 7 }
}

public enum Alignment: Sendable, Equatable { case left, center, right }

/// A table: headers, relative column widths, rows of cells.
public struct DocumentTable: Sendable, Equatable {
    public var headers: [String]
    /// Relative widths (shares of the line), one per column.
    public var widths: [Int]
    public var alignments: [Alignment]
    public var rows: [[String]]
    /// A rule between rows (rows of several lines, such as the control sheet's hand-overs). A cell's "\n"
    /// starts a new line inside it.
    public var ruled: Bool
    /// An optional row above the headers grouping adjacent columns under one title ("Tiếp nhận" over
    /// four columns): titles and how many columns each spans, covering every column.
    public var groups: [(title: String, span: Int)]
    /// An optional row under the headers numbering the columns as statistical forms do ("(1)", "(2)"…), one
    /// per column; part of the header (repeated on every page).
    public var columnNumbers: [String]
    /// The rows read by position when drawn, instead of `rows` (a year's ledger on the screen or in a PDF,
    /// `ReportLayout.oneTable`); every renderer reads them through `forEachRow` or by range.
    public var rowSource: DocumentRowSource?

    public init(
        headers: [String], widths: [Int], alignments: [Alignment]? = nil, rows: [[String]], ruled: Bool = false,
        groups: [(title: String, span: Int)] = [], columnNumbers: [String] = []
    ) {
        self.headers = headers
        self.widths = widths
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.rows = rows
        self.ruled = ruled
        self.groups = groups
        self.columnNumbers = columnNumbers
    }

    /// "(1)", "(2)"… for `count` columns from `first`.
    public static func numbers(_ count: Int, from first: Int = 1) -> [String] {
        (first..<(first + count)).map { "(\($0))" }
    }

    public static func == (a: DocumentTable, b: DocumentTable) -> Bool {
        a.headers == b.headers && a.widths == b.widths && a.alignments == b.alignments && a.rows == b.rows
            && a.ruled == b.ruled && a.columnNumbers == b.columnNumbers
            && a.groups.map(\.title) == b.groups.map(\.title) && a.groups.map(\.span) == b.groups.map(\.span)
            && a.rowSource === b.rowSource
    }
}

extension DocumentTable {
    /// How many rows the table has, held or read.
    public var rowCount: Int { rowSource?.count ?? rows.count }

    /// Each row in order: the rows held, or those of the source read a page at a time (never all at once).
    public func forEachRow(_ body: ([String]) throws -> Void) rethrows {
        guard let source = rowSource else {
            for row in rows { try body(row) }
            return
        }
        var start = 0
        while start < source.count {
            let end = min(source.count, start + DocumentRowSource.pageSize)
            for row in source.fetch(start..<end) { try body(row) }
            start = end
        }
    }

    /// The first row, if any.
    public var firstRow: [String]? { rowSource.map { $0.fetch(0..<min(1, $0.count)).first } ?? rows.first }
}

/// A long table's rows read a range at a time (from the store, as a screen scrolls to them).
public final class DocumentRowSource: @unchecked Sendable {
    /// Rows read at a time by a renderer that walks them all (the PDF).
    public static let pageSize = 256

    public let count: Int
    private let read: (Range<Int>) throws -> [[String]]
    /// The first error met reading rows: a screen shows the rows it could read, a written document is
    /// refused (`Document.rowReadFailure`), never saved with rows missing.
    public private(set) var failure: (any Error)?

    public init(count: Int, read: @escaping (Range<Int>) throws -> [[String]]) {
        self.count = count
        self.read = read
    }

    /// The rows of a range (none when they could not be read; the error is kept).
    public func fetch(_ range: Range<Int>) -> [[String]] {
        do {
            return try read(range)
        } catch {
            if failure == nil { failure = error }
            return []
        }
    }
}

extension Document {
    /// The first error met reading a table's rows as they were drawn, if any.
    public var rowReadFailure: (any Error)? {
        for block in blocks {
            if case .table(let t) = block, let failure = t.rowSource?.failure { return failure }
        }
        return nil
    }
}

/// A signature block: who signs (a "\n" breaks the title into lines, as in "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"),
/// the instruction in brackets, and the name printed under the space.
public struct Signature: Sendable, Equatable {
    public var title: String
    public var note: String
    public var name: String
    public init(title: String, note: String = "(Ký, ghi rõ họ tên)", name: String = "") {
        self.title = title
        self.note = note
        self.name = name
    }
}

/// One block of a document. The blocks say what the content is; renderers decide how it looks (text now,
/// PDF later), so the forms never change when a renderer is added.
public enum DocumentBlock: Sendable, Equatable {
    /// Two columns of centred lines: the issuing body on the left, the national motto on the right.
    case header(left: [String], right: [String])
    /// A centred title in capitals, with an optional line under it (form number, case code…).
    case title(String, subtitle: [String])
    /// "Label: value", the value wrapped under itself.
    case field(label: String, value: String)
    /// A paragraph of running text.
    case paragraph(String)
    /// A numbered item ("1. …"), continuation lines under the text.
    case listItem(number: Int, text: String)
    /// A line aligned left, centred or right (place and date, notes).
    case line(String, Alignment)
    case table(DocumentTable)
    /// Signature blocks side by side.
    case signatures([Signature])
    /// The foot of an administrative letter (Nghị định 30/2020): the "Nơi nhận" list on the left, the
    /// signature on the right.
    case closing(recipients: [String], signature: Signature)
    /// The line under the header of an administrative letter: its number ("Số: …/…") under the issuing body,
    /// place and date under the national motto.
    case numberAndDate(number: String, placeAndDate: String)
    /// Empty lines.
    case space(Int)
    /// Forces a new page (between the two copies of a receipt).
    case pageBreak
    /// A QR code of `payload` (UTF-8 bytes), with `caption` (the case code) printed under it.
    case qrCode(payload: String, caption: String)
    /// Blocks that only the text renderer draws: the page breaks, continuation headings and "Trang i/n" lines
    /// with which a long table is cut into fixed text pages (`ReportForms.paginate`). Renderers that paginate
    /// by themselves (PDF) skip them, and a table continued after them (same columns) is drawn as one table
    /// whose headers repeat on every page.
    case textPagination([DocumentBlock])
}

/// A printable document: its kind, page size and blocks.
public struct Document: Sendable, Equatable {
    /// What it is, for file names and the print log ("giay-tiep-nhan", "phieu-yeu-cau-bo-sung"…).
    public var kind: String
    /// The title shown on screen above the preview.
    public var caption: String
    public var pageSize: PageSize
    public var blocks: [DocumentBlock]

    public init(kind: String, caption: String, pageSize: PageSize, blocks: [DocumentBlock]) {
        self.kind = kind
        self.caption = caption
        self.pageSize = pageSize
        self.blocks = blocks
    }
}
