import MotCuaCore
import MotCuaDocuments
import TerminalUI

/// A report as it is read on the screen (F7), made from the document that prints it: its tables become
/// screen tables (one line per row; the columns that say which case a row is — STT, mã hồ sơ, người nộp —
/// first and fixed, the others scrolling a column at a time), the text around them wraps to the width, and
/// what only paper needs (the letterhead, signatures, page breaks and page numbers) is left out. F8 still
/// prints the page layout from the same document.
struct ReportOnScreen {
    /// The report's title, its form number ("Biểu số 06/VPCP/KSTT") and the line under it (the period and
    /// when it was made), kept above the tables.
    var title: String
    var number: String
    var subtitle: String
    var viewer: TableViewer

    init(_ document: Document, unitCode: String) {
        var title = ""
        var number: [String] = []
        var subtitle: [String] = []
        /// Centred lines right after the title belong to it ("Lập lúc 08:00 ngày 02/11/2026").
        var afterTitle = false
        /// Tables are converted once their last printed page is read (a ledger's thousands of pages): their
        /// template and rows are kept aside, items refer to them by index.
        enum Item {
            case part(TableViewer.Part)
            case table(Int)
        }
        var items: [Item] = []
        var tables: [(template: DocumentTable, rows: [[String]])] = []
        /// True while only page furniture followed the last table: a table continued on the next page (same
        /// headers) is joined to it.
        var continuing = false
        func blank() {
            if case .part(let last) = items.last, last == .blank { return }
            if !items.isEmpty { items.append(.part(.blank)) }
        }
        func text(_ s: String, _ style: Style = .normal, indent: Int = 0, right: Bool = false) {
            items.append(.part(.text(s, style, indent: indent, rightAligned: right)))
            continuing = false
        }
        for block in document.blocks {
            if case .line(let s, .center) = block, afterTitle {
                subtitle.append(s)
                continue
            }
            afterTitle = false
            switch block {
            case .header, .signatures, .closing, .pageBreak, .qrCode, .textPagination:
                continue
            case let .numberAndDate(number, placeAndDate):
                text(number)
                text(placeAndDate, .normal, right: true)
            case .line(let s, _) where title.isEmpty:
                number.append(s)
            case let .title(t, subtitles):
                if title.isEmpty {
                    title = t
                    subtitle = subtitles
                    afterTitle = true
                } else {
                    text(t, .heading)
                }
            case let .field(label, value): text("\(label): \(value)")
            case .paragraph(let p): text(p)
            case let .listItem(number, item):
                text("\(number). \(item)", indent: String(number).count + 2)
            case let .line(s, alignment): text(s, .normal, right: alignment == .right)
            case .space:
                blank()
                continuing = false
            case .table(let t):
                if continuing, case .table(let index) = items.last, tables[index].template.headers == t.headers {
                    tables[index].rows += t.rows
                } else {
                    items.append(.table(tables.count))
                    tables.append((t, t.rows))
                }
                continuing = true
            }
        }
        var parts: [TableViewer.Part] = items.map { item in
            switch item {
            case .part(let p): p
            case .table(let index):
                .table(ReportOnScreen.table(tables[index].template, rows: tables[index].rows, unitCode: unitCode))
            }
        }
        while parts.last == .blank { parts.removeLast() }
        self.title = title.isEmpty ? document.caption : title
        self.number = number.joined(separator: " ")
        self.subtitle = subtitle.joined(separator: " — ")
        viewer = TableViewer(parts: parts)
    }

    /// Folded headings of the columns that identify a row: its number, the case code, the applicant; in the
    /// statistics the field, in the evaluations the officer.
    static let identifyingHeadings: Set<String> = [
        "stt", "so", "so tt", "so thu tu", "so vao so", "ma ho so", "ma", "nguoi nop", "nguoi nop ho so",
        "ho ten nguoi nop", "ten nguoi nop", "linh vuc", "linh vuc giai quyet", "can bo", "can bo tiep nhan"
    ]

    /// A document table as a screen table: identifying columns first and frozen (the first column when none
    /// is), each cell on one line, case codes without the unit's part (the same for every case of the file).
    static func table(_ t: DocumentTable, rows: [[String]]? = nil, unitCode: String) -> ScreenTable {
        let n = t.headers.count
        let identifying = (0..<n).filter {
            identifyingHeadings.contains(VietnameseText.fold(t.headers[$0]).trimmingSpaces)
        }
        let frozen = identifying.isEmpty ? [0] : identifying
        let order = frozen + (0..<n).filter { !frozen.contains($0) }
        // Groups: each column's title over it; a title over a single column joins that column's heading.
        var groupOf: [Int?] = Array(repeating: nil, count: n)
        var titles: [String] = []
        var headers = t.headers
        var column = 0
        for g in t.groups {
            if g.span == 1 && !g.title.isEmpty && column < n {
                headers[column] = "\(g.title) \(headers[column])"
            } else if g.span > 1 {
                for c in column..<min(n, column + g.span) { groupOf[c] = titles.count }
                titles.append(g.title)
            }
            column += g.span
        }
        let prefix = unitCode + "-"
        let convert = { (row: [String]) -> [String] in
            order.map { c -> String in
                guard c < row.count else { return "" }
                let cell = oneLine(row[c])
                return cell.hasPrefix(prefix) ? String(cell.dropFirst(prefix.count)) : cell
            }
        }
        // A long list read as it is shown (the ledger): its rows are converted a page at a time.
        let rows =
            t.rowSource.map { source in
                ScreenRows(RowSource(count: source.count) { source.fetch($0).map(convert) })
            } ?? ScreenRows((rows ?? t.rows).map(convert))
        return ScreenTable(
            headers: order.map { oneLine(headers[$0]) },
            rightAligned: order.map { $0 < t.alignments.count && t.alignments[$0] == .right }, rows: rows,
            frozen: frozen.count, groups: order.map { groupOf[$0] }, groupTitles: titles)
    }

    /// A cell's lines on one line: a code broken after its dash joins again ("…H42-" + "261119-0001"), lines
    /// ending in a word are a list ("Công an xã; Công chức Tư pháp"), the others follow with a space
    /// ("02/11 08:15").
    static func oneLine(_ cell: String) -> String {
        guard cell.contains("\n") else { return cell }
        var out = ""
        for line in cell.split(separator: "\n", omittingEmptySubsequences: true) {
            let piece = String(line).trimmingSpaces
            guard !piece.isEmpty else { continue }
            if let last = out.last {
                if last == "-" {
                } else if last.isLetter || last == ")" {
                    out += "; "
                } else {
                    out += " "
                }
            }
            out += piece
        }
        return out
    }
}
