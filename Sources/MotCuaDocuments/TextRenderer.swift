import TerminalUI

/// Renders a document as monospace text: the on-screen preview and the UTF-8 file that is saved and printed.
/// Widths come from the terminal width table, so Vietnamese (and any wide character) lines up.
public struct TextRenderer: Sendable {
    /// Characters per line.
    public let width: Int
    /// True for printing and saving: pages are separated by a form feed; false for the preview, which shows a
    /// dashed separator instead.
    public let forPrinting: Bool

    public init(width: Int, forPrinting: Bool = true) {
        self.width = width
        self.forPrinting = forPrinting
    }

    public init(pageSize: PageSize, forPrinting: Bool = true) {
        self.init(width: pageSize.textColumns, forPrinting: forPrinting)
    }

    public func render(_ document: Document) -> [String] {
        var lines: [String] = []
        for block in document.blocks { lines += render(block) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The text of a document: lines joined with newlines, ending with one.
    public func text(_ document: Document) -> String { render(document).joined(separator: "\n") + "\n" }

    func center(_ text: String, _ w: Int) -> String {
        let tw = TextWidth.width(of: text)
        guard tw < w else { return TextWidth.prefix(text, fitting: w) }
        let left = (w - tw) / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: w - tw - left)
    }

    func trimmed(_ s: String) -> String {
        var t = s
        while t.last == " " { t.removeLast() }
        return t
    }

    func render(_ block: DocumentBlock) -> [String] {
        switch block {
        case let .header(left, right):
            let half = width / 2
            var out: [String] = []
            let leftLines = left.flatMap { TextWidth.wrap($0, half - 2) }
            let rightLines = right.flatMap { TextWidth.wrap($0, width - half - 2) }
            for i in 0..<max(leftLines.count, rightLines.count) {
                let l = i < leftLines.count ? center(leftLines[i], half) : String(repeating: " ", count: half)
                let r = i < rightLines.count ? center(rightLines[i], width - half) : ""
                out.append(trimmed(l + r))
            }
            return out
        case let .title(title, subtitle):
            return (TextWidth.wrap(title, width) + subtitle.flatMap { TextWidth.wrap($0, width) }).map {
                trimmed(center($0, width))
            }
        case let .field(label, value):
            // The value follows the label; continuation lines hang under the value when the label is short,
            // else under a small indent (a long label would leave a narrow column).
            let prefix = label.isEmpty ? "" : "\(label): "
            let prefixWidth = TextWidth.width(of: prefix)
            let indent = prefixWidth <= 24 ? prefixWidth : 4
            // After a long label, a value that does not fit on the label's line goes whole onto the next lines
            // (an appointment is never split between "…thứ Hai ngày" and "23/11/2026").
            if prefixWidth > 24 && prefixWidth + TextWidth.width(of: value) > width {
                return [trimmed(prefix)] + TextWidth.wrap(value, width - 4).map { "    " + trimmed($0) }
            }
            let firstRoom = width - prefixWidth
            // A word wider than the value's room (a name or an address typed without spaces) is cut to it.
            let words = value.split(separator: " ", omittingEmptySubsequences: false).flatMap { word in
                TextWidth.width(of: word) > width - indent
                    ? TextWidth.wrap(String(word), width - indent) : [String(word)]
            }
            var lines: [String] = []
            var current = prefix
            var currentWidth = prefixWidth
            var room = firstRoom
            var lineHasWord = false
            for word in words {
                let w = TextWidth.width(of: word)
                if lineHasWord && currentWidth + 1 + w > prefixWidth + room + (lines.isEmpty ? 0 : indent - prefixWidth)
                {
                    lines.append(trimmed(current))
                    current = String(repeating: " ", count: indent)
                    currentWidth = indent
                    room = width - indent
                    lineHasWord = false
                }
                if lineHasWord { current += " "; currentWidth += 1 }
                current += word
                currentWidth += w
                lineHasWord = true
            }
            lines.append(trimmed(current))
            return lines
        case .paragraph(let text):
            return TextWidth.wrap(text, width).map(trimmed)
        case let .listItem(number, text):
            let prefix = "  \(number). "
            let indent = String(repeating: " ", count: TextWidth.width(of: prefix))
            return TextWidth.wrap(text, width - indent.count).enumerated().map { i, line in
                trimmed((i == 0 ? prefix : indent) + line)
            }
        case let .line(text, alignment):
            switch alignment {
            case .left: return TextWidth.wrap(text, width).map(trimmed)
            case .center: return TextWidth.wrap(text, width).map { trimmed(center($0, width)) }
            case .right: return TextWidth.wrap(text, width).map { TextWidth.rightAligned($0, width) }
            }
        case .table(let table):
            return renderTable(table)
        case .signatures(let signatures):
            guard !signatures.isEmpty else { return [] }
            let w = width / signatures.count
            var columns: [[String]] = signatures.map { signatureLines($0, width: w) }
            let height = columns.map(\.count).max() ?? 0
            // Titles of different heights: the spaces to sign and the names line up at the bottom.
            for i in columns.indices {
                while columns[i].count < height { columns[i].insert("", at: columns[i].count - 5) }
            }
            return (0..<height).map { row in trimmed(columns.map { center($0[row], w) }.joined()) }
        case let .closing(recipients, signature):
            let half = width / 2
            var left = ["Nơi nhận:"]
            for r in recipients {
                let wrapped = TextWidth.wrap(r, half - 4)
                left += wrapped.enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element }
            }
            let right = signatureLines(signature, width: width - half)
            return (0..<max(left.count, right.count)).map { i in
                let l =
                    i < left.count ? TextWidth.fit(left[i], half, ellipsis: false) : String(repeating: " ", count: half)
                return trimmed(l + (i < right.count ? center(right[i], width - half) : ""))
            }
        case let .numberAndDate(number, placeAndDate):
            let half = width / 2
            return [trimmed(center(number, half) + center(placeAndDate, width - half))]
        case .space(let n):
            return Array(repeating: "", count: n)
        case .pageBreak:
            return forPrinting ? ["\u{000C}"] : ["", String(repeating: "┄", count: width), ""]
        case .qrCode(_, let caption):
            // Text cannot draw the code: say where it is and print the caption (the case code).
            return [trimmed(center("[Mã QR: \(caption)]", width))]
        case .textPagination(let blocks):
            return blocks.flatMap(render)
        }
    }

    /// A signature block's lines: the title (its lines), the note, four lines to sign, the name.
    func signatureLines(_ s: Signature, width w: Int) -> [String] {
        let title = s.title.split(separator: "\n").flatMap { TextWidth.wrap(String($0), w - 2) }
        let note = s.note.isEmpty ? [] : TextWidth.wrap(s.note, w - 2)
        return title + note + ["", "", "", ""] + [s.name]
    }

    /// The character widths of a table's columns at this renderer's width.
    func columnWidths(_ table: DocumentTable) -> [Int] {
        let columns = table.headers.count
        let available = width - (columns + 1) - 2 * columns  // borders and one space of padding each side
        let totalShare = max(1, table.widths.reduce(0, +))
        var widths = table.widths.map { max(2, available * $0 / totalShare) }
        widths[widths.count - 1] += available - widths.reduce(0, +)
        return widths
    }

    /// Lines taken by a table's header and by each of its rows (without borders), for paginating long tables.
    public func rowHeights(_ table: DocumentTable) -> (header: Int, rows: [Int]) {
        guard !table.headers.isEmpty else { return (0, []) }
        let numbers = table.columnNumbers.count == table.headers.count ? 2 : 0  // a rule and the numbers
        var heights: [Int] = []
        table.forEachRow { heights.append(rowHeight($0, in: table)) }
        return (rowHeight(table.headers, in: table) + numbers, heights)
    }

    /// Lines taken by one row of `table` (without borders), as `rowHeights` counts them.
    public func rowHeight(_ cells: [String], in table: DocumentTable) -> Int {
        let widths = columnWidths(table)
        var height = 1
        for i in widths.indices where i < cells.count {
            height = max(height, TextWidth.lineCount(cells[i], widths[i]))
        }
        return height
    }

    /// Lines of a whole rendered block list (to measure what a page holds).
    public func lineCount(_ blocks: [DocumentBlock]) -> Int { blocks.reduce(0) { $0 + render($1).count } }

    /// A cell's right padding space and the column border after it, in UTF-8 (the first border has no space
    /// before it: a line starts with `bar.dropFirst()`).
    static let bar: [UInt8] = Array(" │".utf8)

    func renderTable(_ table: DocumentTable) -> [String] {
        let columns = table.headers.count
        guard columns > 0 else { return [] }
        let widths = columnWidths(table)
        func border(_ l: String, _ m: String, _ r: String) -> String {
            l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r
        }
        // Each line is built as UTF-8 bytes and made a string once: a long report lays out thousands of rows.
        var bytes: [UInt8] = []
        func pad(_ n: Int) { bytes.append(contentsOf: repeatElement(32, count: n)) }
        func row(_ cells: [String], header: Bool) -> [String] {
            var texts = (0..<columns).map { $0 < cells.count ? cells[$0] : "" }
            var wrapped: [[TextWidth.WrappedLine]] = Array(repeating: [], count: columns)
            for i in 0..<columns {
                texts[i].withUTF8 { b in TextWidth.forEachLine(b, widths[i]) { wrapped[i].append($0) } }
            }
            let height = wrapped.map(\.count).max() ?? 1
            var lines: [String] = []
            for line in 0..<height {
                bytes.removeAll(keepingCapacity: true)
                bytes += TextRenderer.bar.dropFirst()
                for i in 0..<columns {
                    bytes.append(32)
                    guard line < wrapped[i].count else {
                        pad(widths[i])
                        bytes += TextRenderer.bar
                        continue
                    }
                    let piece = wrapped[i][line]
                    let room = widths[i] - piece.width
                    guard room >= 0 else {
                        // One letter wider than the column: cut, so that the borders stay in line.
                        let text = texts[i].withUTF8 { String(decoding: $0[piece.start..<piece.end], as: UTF8.self) }
                        bytes += TextWidth.fit(text, widths[i], ellipsis: false).utf8
                        bytes += TextRenderer.bar
                        continue
                    }
                    let before: Int
                    switch header ? .center : table.alignments[i] {
                    case .left: before = 0
                    case .right: before = room
                    case .center: before = room / 2
                    }
                    pad(before)
                    texts[i].withUTF8 { b in bytes += UnsafeBufferPointer(rebasing: b[piece.start..<piece.end]) }
                    pad(room - before)
                    bytes += TextRenderer.bar
                }
                lines.append(String(decoding: bytes, as: UTF8.self))
            }
            return lines
        }
        var out: [String]
        if table.groups.map(\.span).reduce(0, +) == columns {
            // The group row: one cell per group; column boundaries inside a group are not drawn above it.
            var inside = Set<Int>()  // boundaries (after column i) that fall inside a group
            var first = 0
            var cells: [(String, Int)] = []
            for g in table.groups {
                for i in first..<(first + g.span - 1) { inside.insert(i) }
                let width = widths[first..<(first + g.span)].reduce(0, +) + 3 * (g.span - 1)
                cells.append((g.title, width))
                first += g.span
            }
            func line(_ l: String, _ join: (Int) -> String, _ r: String) -> String {
                l
                    + widths.enumerated().map { i, w in
                        String(repeating: "─", count: w + 2) + (i < columns - 1 ? join(i) : "")
                    }.joined() + r
            }
            out = [line("┌", { inside.contains($0) ? "─" : "┬" }, "┐")]
            let wrapped = cells.map { TextWidth.wrap($0.0, $0.1) }
            for l in 0..<(wrapped.map(\.count).max() ?? 1) {
                out.append(
                    "│"
                        + cells.indices.map {
                            " " + center(l < wrapped[$0].count ? wrapped[$0][l] : "", cells[$0].1) + " "
                        }.joined(separator: "│") + "│")
            }
            out.append(line("├", { inside.contains($0) ? "┬" : "┼" }, "┤"))
        } else {
            out = [border("┌", "┬", "┐")]
        }
        out += row(table.headers, header: true)
        out.append(border("├", "┼", "┤"))
        if table.columnNumbers.count == columns {
            out += row(table.columnNumbers, header: true)
            out.append(border("├", "┼", "┤"))
        }
        let rule = border("├", "┼", "┤")
        var first = true
        table.forEachRow { r in
            if table.ruled && !first { out.append(rule) }
            out += row(r, header: false)
            first = false
        }
        out.append(border("└", "┴", "┘"))
        return out
    }
}
