/// A table made for the screen rather than for paper: one line per row, identifying columns that never
/// scroll (`frozen`, first), the others shown as many as fit and scrolled a whole column at a time, headings
/// wrapped over at most three lines, optional group titles above adjacent columns.
public struct ScreenTable: Sendable, Equatable {
    public let headers: [String]
    public let rightAligned: [Bool]
    /// One line per cell: held, or read a page at a time (a year's ledger).
    public let rows: ScreenRows
    /// How many leading columns stay in place.
    public let frozen: Int
    /// For each column, the index of its title in `groupTitles` (columns under one title are adjacent).
    public let groups: [Int?]
    public let groupTitles: [String]
    /// The widest cell of each column and the narrowest width at which its heading takes at most three lines.
    let cellWidths: [Int]
    let headerWidths: [Int]

    public static let maxHeaderLines = 3

    public init(
        headers: [String], rightAligned: [Bool], rows: [[String]], frozen: Int, groups: [Int?] = [],
        groupTitles: [String] = []
    ) {
        self.init(
            headers: headers, rightAligned: rightAligned, rows: ScreenRows(rows), frozen: frozen, groups: groups,
            groupTitles: groupTitles)
    }

    /// A table whose rows are held or read as they are shown. The widths of the columns come from the rows
    /// held, or from the first and last pages of a source (a wider cell between them is cut with "…").
    public init(
        headers: [String], rightAligned: [Bool], rows: ScreenRows, frozen: Int, groups: [Int?] = [],
        groupTitles: [String] = []
    ) {
        self.headers = headers
        self.rightAligned = rightAligned
        self.rows = rows
        self.frozen = min(frozen, headers.count)
        self.groups = groups.isEmpty ? Array(repeating: nil, count: headers.count) : groups
        self.groupTitles = groupTitles
        var widths = Array(repeating: 0, count: headers.count)
        for row in rows.measured {
            for (i, cell) in row.enumerated() where i < widths.count {
                // Most cells are short ASCII: their width is their length.
                let w = cell.utf8.count <= widths[i] ? cell.utf8.count : TextWidth.width(of: cell)
                if w > widths[i] { widths[i] = w }
            }
        }
        cellWidths = widths
        headerWidths = headers.map(ScreenTable.headerWidth)
    }

    /// The narrowest width at which `header` wraps into at most `maxHeaderLines` lines (its longest word at
    /// least).
    static func headerWidth(_ header: String) -> Int {
        let total = TextWidth.width(of: header)
        var w = max(1, header.split(separator: " ").map { TextWidth.width(of: $0) }.max() ?? 1)
        while w < total && TextWidth.lineCount(header, w) > maxHeaderLines { w += 1 }
        return w
    }

    /// Column widths and scrolling limits at a given screen width.
    public struct Layout: Equatable, Sendable {
        public var widths: [Int]
        /// Cells taken by the frozen columns and the rule after them.
        public var frozenWidth: Int
        /// The largest number of scrolling columns that may be hidden on the left: the last column is then in
        /// view. 0 when everything fits.
        public var maxLeft: Int
        public var headerLines: Int
    }

    /// Frozen columns get at most a quarter of the width each, the others a third; when everything fits, the
    /// cut columns get the room left. The frozen part never takes more than 60 % of the width.
    public func layout(width: Int) -> Layout {
        let n = headers.count
        var widths = (0..<n).map { i -> Int in
            let natural = max(cellWidths[i], headerWidths[i], 1)
            let cap = i < frozen ? max(8, width / 4) : max(10, width / 3)
            return min(natural, cap)
        }
        // Groups' titles fit over their columns: the columns under a longer title widen in turn.
        for g in groupTitles.indices {
            let columns = (0..<n).filter { groups[$0] == g }
            guard !columns.isEmpty else { continue }
            var missing =
                TextWidth.width(of: groupTitles[g]) - (columns.map { widths[$0] }.reduce(0, +) + columns.count - 1)
            var k = 0
            while missing > 0 {
                widths[columns[k % columns.count]] += 1
                missing -= 1
                k += 1
            }
        }
        // Frozen columns are followed by a rule and a space.
        func frozenWidth() -> Int { frozen == 0 || frozen == n ? 0 : widths[0..<frozen].reduce(0, +) + frozen + 1 }
        while frozen > 0 && frozenWidth() > width * 6 / 10,
            let widest = (0..<frozen).max(by: { widths[$0] < widths[$1] }), widths[widest] > 4
        {
            widths[widest] -= 1
        }
        let fw = frozenWidth()
        let room = width - fw
        let scrolling = Array(frozen..<n)
        let scrollingWidth = scrolling.map { widths[$0] + 1 }.reduce(0, +) - (scrolling.isEmpty ? 0 : 1)
        var maxLeft = 0
        if scrollingWidth <= room {
            // Everything fits: cut columns get what is left, in order.
            var spare = room - max(0, scrollingWidth)
            for i in 0..<n where spare > 0 {
                let natural = max(cellWidths[i], headerWidths[i])
                let more = min(spare, natural - widths[i])
                if more > 0 {
                    widths[i] += more
                    spare -= more
                }
            }
        } else {
            // The fewest columns hidden on the left that bring the last one into view.
            var used = -1
            maxLeft = scrolling.count
            for (k, i) in scrolling.enumerated().reversed() {
                if used + widths[i] + 1 > room && k < scrolling.count - 1 { break }
                used += widths[i] + 1
                maxLeft = k
            }
        }
        let headerLines =
            (0..<n).map { min(ScreenTable.maxHeaderLines, TextWidth.lineCount(headers[$0], widths[$0])) }
            .max() ?? 1
        return Layout(widths: widths, frozenWidth: fw, maxLeft: maxLeft, headerLines: max(1, headerLines))
    }

    public var hasGroups: Bool { groups.contains { $0.map { !groupTitles[$0].isEmpty } ?? false } }

    /// Lines of the heading: the group titles (when any), then the column titles.
    public func headingHeight(_ layout: Layout) -> Int { layout.headerLines + (hasGroups ? 1 : 0) }

    /// The columns drawn when `left` scrolling columns are hidden, with where each starts and how wide it is.
    func placement(_ layout: Layout, left: Int, width: Int) -> [(column: Int, x: Int, width: Int)] {
        var placed: [(Int, Int, Int)] = []
        var x = 0
        for i in 0..<frozen {
            placed.append((i, x, layout.widths[i]))
            x += layout.widths[i] + 1
        }
        x = max(x, layout.frozenWidth)
        var i = frozen + min(max(0, left), layout.maxLeft)
        while i < headers.count && x < width {
            let w = min(layout.widths[i], width - x)
            // A column cut at the right edge is shown when there is room for a few of its characters.
            if w < layout.widths[i] && placed.count > frozen && w < 5 { break }
            placed.append((i, x, w))
            x += w + 1
            i += 1
        }
        return placed
    }

    /// Draws heading line `line` (0 = the group titles when there are any).
    func drawHeading(
        _ line: Int, layout: Layout, left: Int, into frame: inout Frame, row: Int, rect: Rect
    ) {
        let placed = placement(layout, left: left, width: rect.width)
        let groupLine = hasGroups ? 1 : 0
        if line < groupLine {
            var k = 0
            while k < placed.count {
                let (c, x, _) = placed[k]
                var end = k
                while end + 1 < placed.count, let g = groups[c], groups[placed[end + 1].column] == g,
                    (placed[end + 1].column < frozen) == (c < frozen)
                {
                    end += 1
                }
                let span = placed[end].x + placed[end].width - x
                if let g = groups[c], !groupTitles[g].isEmpty {
                    let title =
                        TextWidth.width(of: groupTitles[g]) <= span
                        ? groupTitles[g] : TextWidth.fit(groupTitles[g], span)
                    let pad = max(0, (span - TextWidth.width(of: title)) / 2)
                    frame.put(title, row: row, column: rect.column + x + pad, style: .heading, maxWidth: span - pad)
                }
                k = end + 1
            }
        } else {
            let k = line - groupLine
            for (c, x, w) in placed {
                // Wrapped at the column's own width (a column cut at the edge shows the start of its lines).
                var lines = TextWidth.wrap(headers[c], layout.widths[c])
                if lines.count > ScreenTable.maxHeaderLines {
                    lines =
                        Array(lines.prefix(ScreenTable.maxHeaderLines - 1))
                        + [
                            TextWidth.fit(
                                lines.dropFirst(ScreenTable.maxHeaderLines - 1).joined(separator: " "), layout.widths[c]
                            )
                        ]
                }
                // Headings sit on the heading's last lines, like the cells they name sit under them.
                let index = k - (layout.headerLines - lines.count)
                guard index >= 0 && index < lines.count else { continue }
                let full = layout.widths[c]
                let text =
                    rightAligned[c] ? TextWidth.rightAligned(lines[index], full) : TextWidth.fit(lines[index], full)
                frame.put(
                    w < full ? TextWidth.fit(text, w) : text, row: row, column: rect.column + x, style: .heading,
                    maxWidth: w)
            }
        }
        drawRules(placed, layout: layout, left: left, into: &frame, row: row, rect: rect, heading: true)
    }

    func drawRow(_ r: Int, layout: Layout, left: Int, into frame: inout Frame, row: Int, rect: Rect, style: Style) {
        let placed = placement(layout, left: left, width: rect.width)
        let cells = rows[r]
        for (c, x, w) in placed {
            let cell = c < cells.count ? cells[c] : ""
            let text = rightAligned[c] ? TextWidth.rightAligned(cell, w) : TextWidth.fit(cell, w)
            frame.put(text, row: row, column: rect.column + x, style: style, maxWidth: w)
        }
        drawRules(placed, layout: layout, left: left, into: &frame, row: row, rect: rect, heading: false)
    }

    /// The rule after the frozen columns; on heading lines "«" when columns are hidden on the left and "»" at
    /// the right edge when some are hidden on the right.
    func drawRules(
        _ placed: [(column: Int, x: Int, width: Int)], layout: Layout, left: Int, into frame: inout Frame, row: Int,
        rect: Rect, heading: Bool
    ) {
        let hiddenLeft = min(max(0, left), layout.maxLeft) > 0
        if frozen > 0 && frozen < headers.count {
            let x = layout.frozenWidth - 2
            frame.put(heading && hiddenLeft ? "«" : "│", row: row, column: rect.column + x, style: .frame)
        }
        if heading, let last = placed.last, last.column < headers.count - 1 || last.width < layout.widths[last.column] {
            frame.put("»", row: row, column: rect.right - 1, style: .frame)
        }
    }
}

/// A scrolling view of text and screen tables (a report on the screen): ↑ ↓ PgUp PgDn Home End move by
/// lines, ← → by one column of the tables; the heading of the table in view stays at the top when its rows
/// scroll under it.
public struct TableViewer: Sendable {
    public enum Part: Sendable, Equatable {
        /// A paragraph, wrapped to the width; continuation lines indented by `indent`.
        case text(String, Style, indent: Int, rightAligned: Bool)
        case blank
        case table(ScreenTable)
    }

    public var parts: [Part]
    /// The first line shown (of all the parts' lines at the current width).
    public private(set) var top = 0
    /// Scrolling columns hidden on the left (the same for every table, each stopping at its last column).
    public private(set) var left = 0

    public init(parts: [Part]) { self.parts = parts }

    /// Keeps the position of another view (the same report built again after a print).
    public mutating func keepPosition(of other: TableViewer) {
        top = other.top
        left = other.left
    }

    /// What one part looks like at a width.
    enum Shape {
        case text([String], Style, rightAligned: Bool)
        case blank
        case table(ScreenTable, ScreenTable.Layout, heading: Int)

        var lineCount: Int {
            switch self {
            case .text(let lines, _, _): lines.count
            case .blank: 1
            case .table(let t, _, let heading): heading + t.rows.count
            }
        }
    }

    func shapes(width: Int) -> [Shape] {
        parts.map { part in
            switch part {
            case let .text(text, style, indent, right):
                let first = TextWidth.wrap(text, width)
                guard first.count > 1, indent > 0, indent < width / 2 else {
                    return .text(first, style, rightAligned: right)
                }
                // Continuation lines under the text, not under the number.
                let head = TextWidth.wrap(text, width)[0]
                let rest = String(text.dropFirst(head.count)).trimmingSpacesTUI
                let pad = String(repeating: " ", count: indent)
                return .text([head] + TextWidth.wrap(rest, width - indent).map { pad + $0 }, style, rightAligned: right)
            case .blank: return .blank
            case .table(let t):
                let layout = t.layout(width: width)
                return .table(t, layout, heading: t.headingHeight(layout))
            }
        }
    }

    /// Where a line is: its part and its index inside the part.
    func locate(_ line: Int, _ shapes: [Shape]) -> (part: Int, index: Int)? {
        var start = 0
        for (p, s) in shapes.enumerated() {
            if line < start + s.lineCount { return (p, line - start) }
            start += s.lineCount
        }
        return nil
    }

    func total(_ shapes: [Shape]) -> Int { shapes.reduce(0) { $0 + $1.lineCount } }

    /// The table heading kept at the top when `top` is among a table's rows (not its first).
    func pinnedHeading(_ top: Int, _ shapes: [Shape]) -> Int {
        guard let (p, i) = locate(top, shapes), case .table(_, _, let heading) = shapes[p], i > heading else {
            return 0
        }
        return heading
    }

    /// A position is valid unless it is inside a table's heading or on its first row (the heading pinned
    /// over the first row looks the same as the table from its start).
    func isValid(_ line: Int, _ shapes: [Shape]) -> Bool {
        guard let (p, i) = locate(line, shapes) else { return line == 0 }
        if case .table(_, _, let heading) = shapes[p] { return i == 0 || i > heading }
        return true
    }

    func maxTop(_ shapes: [Shape], height: Int) -> Int {
        let count = total(shapes)
        var t = max(0, count - height)
        while t < count - 1 && (!isValid(t, shapes) || pinnedHeading(t, shapes) + count - t > height) { t += 1 }
        return t
    }

    func clampedTop(_ shapes: [Shape], height: Int) -> Int {
        var t = min(top, maxTop(shapes, height: height))
        while t > 0 && !isValid(t, shapes) { t -= 1 }
        return t
    }

    /// The widest scrolling of the tables in view at this width.
    public func maxLeft(width: Int) -> Int {
        shapes(width: width).reduce(0) { m, s in
            if case .table(_, let layout, _) = s { return max(m, layout.maxLeft) }
            return m
        }
    }

    /// Handles a moving key; true when it is one (whether or not it could move).
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Bool {
        let shapes = shapes(width: width)
        let last = maxTop(shapes, height: height)
        var t = clampedTop(shapes, height: height)
        func down(_ n: Int) {
            for _ in 0..<n {
                var next = t + 1
                while next <= last && !isValid(next, shapes) { next += 1 }
                if next > last { break }
                t = next
            }
        }
        func up(_ n: Int) {
            for _ in 0..<n {
                var previous = t - 1
                while previous > 0 && !isValid(previous, shapes) { previous -= 1 }
                if previous < 0 { break }
                t = previous
            }
        }
        let page = max(1, height - pinnedHeading(t, shapes) - 1)
        switch key {
        case .up: up(1)
        case .down: down(1)
        case .pageUp: up(page)
        case .pageDown, .character(" "): down(page)
        case .home:
            t = 0
            left = 0
        case .end: t = last
        case .left: left = max(0, min(left, maxLeft(width: width)) - 1)
        case .right: left = min(maxLeft(width: width), left + 1)
        default: return false
        }
        top = t
        return true
    }

    public func render(into frame: inout Frame, rect: Rect) {
        let shapes = shapes(width: rect.width)
        let t = clampedTop(shapes, height: rect.height)
        var row = rect.row
        if let (p, _) = locate(t, shapes), case .table(let table, let layout, let heading) = shapes[p],
            pinnedHeading(t, shapes) > 0
        {
            for k in 0..<heading where row < rect.bottom {
                table.drawHeading(k, layout: layout, left: left, into: &frame, row: row, rect: rect)
                row += 1
            }
        }
        var line = t
        while row < rect.bottom, let (p, i) = locate(line, shapes) {
            switch shapes[p] {
            case let .text(lines, style, right):
                let text = right ? TextWidth.rightAligned(lines[i], rect.width) : lines[i]
                frame.put(text, row: row, column: rect.column, style: style, maxWidth: rect.width)
            case .blank: break
            case let .table(table, layout, heading):
                if i < heading {
                    table.drawHeading(i, layout: layout, left: left, into: &frame, row: row, rect: rect)
                } else {
                    table.drawRow(
                        i - heading, layout: layout, left: left, into: &frame, row: row, rect: rect, style: .normal)
                }
            }
            row += 1
            line += 1
        }
    }

    /// "Dòng 12–29/120" for the hint line.
    public func position(width: Int, height: Int) -> String {
        let shapes = shapes(width: width)
        let count = total(shapes)
        guard count > 0 else { return "" }
        let t = clampedTop(shapes, height: height)
        let shown = height - pinnedHeading(t, shapes)
        return "Dòng \(t + 1)–\(min(count, t + shown))/\(count)"
    }

    /// "Cột 4–7/14" (the scrolling columns in view of the widest table that scrolls), nil when every table
    /// fits the width.
    public func columns(width: Int) -> String? {
        var best: (ScreenTable, ScreenTable.Layout)?
        for s in shapes(width: width) {
            if case .table(let t, let layout, _) = s, layout.maxLeft > 0, layout.maxLeft >= (best?.1.maxLeft ?? 0) {
                best = (t, layout)
            }
        }
        guard let (table, layout) = best else { return nil }
        let placed = table.placement(layout, left: left, width: width).filter { $0.column >= table.frozen }
        guard let first = placed.first?.column, let last = placed.last?.column else { return nil }
        return "Cột \(first + 1)–\(last + 1)/\(table.headers.count)"
    }
}

/// The rows of a screen table: held, or read a page at a time from a source as they are shown.
public struct ScreenRows: RandomAccessCollection, Sendable, Equatable {
    enum Storage: Sendable {
        case held([[String]])
        case source(RowSource)
    }

    let storage: Storage

    public init(_ rows: [[String]]) { storage = .held(rows) }
    public init(_ source: RowSource) { storage = .source(source) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .held(let rows): rows.count
        case .source(let source): source.count
        }
    }

    public subscript(i: Int) -> [String] {
        switch storage {
        case .held(let rows): rows[i]
        case .source(let source): source.row(i)
        }
    }

    /// The rows the columns' widths are measured on: all when held; of a source, its first and last pages
    /// (numbers and dates grow along a ledger: its last lines are its widest).
    var measured: [[String]] {
        switch storage {
        case .held(let rows): return rows
        case .source(let source):
            let first = 0..<Swift.min(source.count, RowSource.pageSize)
            let lastPage = Swift.max(0, source.count - 1) / RowSource.pageSize * RowSource.pageSize
            let last = Swift.max(first.upperBound, lastPage)..<source.count
            return (Array(first) + Array(last)).map(source.row)
        }
    }

    public static func == (a: ScreenRows, b: ScreenRows) -> Bool {
        switch (a.storage, b.storage) {
        case let (.held(x), .held(y)): x == y
        case let (.source(x), .source(y)): x === y
        default: false
        }
    }
}

/// Rows read by position a page at a time, the last pages read kept: what a screen shows of a long list
/// without holding it (the terminal's thread only: the pages are a cache).
public final class RowSource: @unchecked Sendable {
    public static let pageSize = 256
    /// Pages kept: a screen shows one or two; a few more make scrolling back free.
    static let pagesKept = 8

    public let count: Int
    private let fetch: (Range<Int>) -> [[String]]
    private var pages: [Int: [[String]]] = [:]
    private var recent: [Int] = []
    /// Pages read so far (for tests and figures).
    public private(set) var reads = 0

    /// `fetch` returns the rows of a range (fewer if they are gone: the missing ones show empty).
    public init(count: Int, fetch: @escaping (Range<Int>) -> [[String]]) {
        self.count = count
        self.fetch = fetch
    }

    public func row(_ i: Int) -> [String] {
        let p = i / RowSource.pageSize
        let page: [[String]]
        if let known = pages[p] {
            page = known
            recent.removeAll { $0 == p }
        } else {
            let start = p * RowSource.pageSize
            page = fetch(start..<min(count, start + RowSource.pageSize))
            reads += 1
            pages[p] = page
            if recent.count >= RowSource.pagesKept { pages[recent.removeFirst()] = nil }
        }
        recent.append(p)
        let k = i - p * RowSource.pageSize
        return k < page.count ? page[k] : []
    }
}
