/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The smallest size the screens are laid out for.
    public static let minimum = Size(columns: 80, rows: 24)
    public var isUsable: Bool { columns >= Size.minimum.columns && rows >= Size.minimum.rows }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int
    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = width
        self.height = height
    }
    public var bottom: Int { row + height }
    public var right: Int { column + width }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect {
        Rect(row: row + n, column: column + n, width: max(0, width - 2 * n), height: max(0, height - 2 * n))
    }

    /// A rectangle of `width`×`height` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(row: row + (height - ch) / 2, column: column + (width - cw) / 2, width: cw, height: ch)
    }
}

/// What a cell means; the theme decides how it looks (colour or, in monochrome, attributes).
public enum Style: UInt8, Sendable, CaseIterable {
    case normal
    case title
    case heading
    case label
    case field
    case focused
    case selected
    case warning
    case overdue
    case dueToday
    case ok
    case disabled
    case error
    case keyName
    case keyLabel
    case status
    case dim
    case frame
    /// A key bar label of a key that cannot act now.
    case keyDisabled
}

/// One cell: a grapheme (or nothing, for the right half of a wide character) and its style.
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the second cell of a wide character (drawn by the first).
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A whole screen of cells plus where the hardware cursor goes. Screens render into frames; the curses
/// module draws only the cells that changed since the last frame.
public struct Frame: Hashable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor sits (on the focused field or selected row), or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.columns * size.rows))
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * size.columns + column] }
        set { cells[row * size.columns + column] = newValue }
    }

    public var bounds: Rect { Rect(row: 0, column: 0, width: size.columns, height: size.rows) }

    /// Writes `text` at (row, column), clipped to `maxWidth` cells and to the frame. Returns the column after
    /// the last cell written. A wide character that does not fit is replaced by a space.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, column: Int, style: Style = .normal,
        maxWidth: Int? = nil
    ) -> Int {
        guard row >= 0, row < size.rows else { return column }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        var col = column
        for ch in text {
            let w = TextWidth.width(of: ch)
            if w == 0 {
                // A combining mark (after NFC, only marks with no precomposed form) joins the previous cell.
                if col > 0 && col - 1 < size.columns && col - 1 >= column {
                    var head = col - 1
                    while head > 0 && self[row, head].isContinuation { head -= 1 }
                    // A mark joins the letter; an invisible character that is its own grapheme (a zero-width
                    // space pasted with a name) is simply not drawn.
                    let joined = String(self[row, head].character) + String(ch)
                    if joined.count == 1 { self[row, head].character = Character(joined) }
                }
                continue
            }
            if col + w > limit {
                // A wide character that does not fit: spaces to the limit.
                while w >= 2 && col < limit && col >= 0 {
                    clearWideRemnant(row: row, column: col)
                    self[row, col] = Cell(" ", style: style)
                    col += 1
                }
                break
            }
            if col >= 0 {
                // The character's first cell, then one continuation cell per further column it takes (a
                // wide letter: one; a Hindi conjunct: two; an emoji with a skin tone: three).
                for k in 0..<w {
                    clearWideRemnant(row: row, column: col + k)
                    self[row, col + k] = k == 0 ? Cell(ch, style: style) : Cell(" ", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return col
    }

    /// Overwriting part of a character several cells wide leaves its other cells as plain spaces.
    private mutating func clearWideRemnant(row: Int, column: Int) {
        guard column < size.columns else { return }
        var head = column
        while head > 0 && self[row, head].isContinuation { head -= 1 }
        var end = head + 1
        while end < size.columns && self[row, end].isContinuation { end += 1 }
        guard end - head > 1 else { return }
        for c in head..<end where c != column { self[row, c] = Cell(" ", style: self[row, c].style) }
    }

    /// Fills a rectangle with spaces of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal, character: Character = " ") {
        for r in max(0, rect.row)..<min(size.rows, rect.bottom) {
            for c in max(0, rect.column)..<min(size.columns, rect.right) {
                self[r, c] = Cell(character, style: style)
            }
        }
    }

    /// Restyles a rectangle without changing its text (selection bars).
    public mutating func restyle(_ rect: Rect, _ style: Style) {
        for r in max(0, rect.row)..<min(size.rows, rect.bottom) {
            for c in max(0, rect.column)..<min(size.columns, rect.right) {
                self[r, c].style = style
            }
        }
    }

    /// A box drawn with Unicode line characters (fine in a UTF-8 locale and on the Linux console).
    public mutating func box(_ rect: Rect, style: Style = .frame, title: String? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", row: rect.row, column: rect.column, style: style)
        for r in (rect.row + 1)..<(rect.bottom - 1) {
            put("│", row: r, column: rect.column, style: style)
            put("│", row: r, column: rect.right - 1, style: style)
        }
        put("└" + horizontal + "┘", row: rect.bottom - 1, column: rect.column, style: style)
        if let title, rect.width > 6 {
            put(" \(title) ", row: rect.row, column: rect.column + 2, style: .heading, maxWidth: rect.width - 4)
        }
    }

    /// The frame as plain text, one line per row with trailing spaces removed, followed by a line giving the
    /// cursor position: what golden-frame tests compare.
    public var text: String {
        var lines: [String] = []
        for r in 0..<size.rows {
            var line = ""
            for c in 0..<size.columns where !self[r, c].isContinuation {
                line.append(self[r, c].character)
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        let cursorLine = cursor.map { "[con trỏ: dòng \($0.row + 1), cột \($0.column + 1)]" } ?? "[con trỏ: ẩn]"
        return lines.joined(separator: "\n") + "\n" + cursorLine + "\n"
    }

    /// One line of text of a row (for assertions).
    public func line(_ row: Int) -> String {
        var line = ""
        for c in 0..<size.columns where !self[row, c].isContinuation { line.append(self[row, c].character) }
        return line
    }

    /// Runs of cells that differ from `previous` (everything when the sizes differ), as (row, first column,
    /// cells). A run never starts or ends inside a wide character.
    public func changes(from previous: Frame?) -> [(row: Int, column: Int, cells: [Cell])] {
        let old = previous.flatMap { $0.size == size ? $0 : nil }
        var result: [(row: Int, column: Int, cells: [Cell])] = []
        for r in 0..<size.rows {
            var c = 0
            while c < size.columns {
                if let old, old[r, c] == self[r, c] {
                    c += 1
                    continue
                }
                var start = c
                while start > 0 && self[r, start].isContinuation { start -= 1 }
                var end = c + 1
                while end < size.columns && (old == nil || old![r, end] != self[r, end]) { end += 1 }
                while end < size.columns && self[r, end].isContinuation { end += 1 }
                let base = r * size.columns
                if let last = result.last, last.row == r, last.column + last.cells.count >= start {
                    let from = last.column + last.cells.count
                    if end > from { result[result.count - 1].cells += cells[(base + from)..<(base + end)] }
                } else {
                    result.append((r, start, Array(cells[(base + start)..<(base + end)])))
                }
                c = end
            }
        }
        return result
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorRow == b.cursorRow && a.cursorColumn == b.cursorColumn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(cells)
    }
}
