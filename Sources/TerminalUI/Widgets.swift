/// The identity of a form field (a text field, a choice or a checklist item). Programs declare theirs once,
/// as static members (`FieldID.applicantName`), so that a misspelt one is a compile error.
public struct FieldID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A labelled one-line field with validation and an error line.
public struct Field: Sendable {
    public let id: FieldID
    public var label: String
    public var editor: LineEditor
    public var isRequired: Bool
    /// Returns what is wrong with the value (Vietnamese), or nil. Called when leaving the field.
    public var validate: @Sendable (String) -> String?
    public var error: String?
    /// Shown on the status line while the field has focus ("F4: chọn trong danh sách").
    public var hint: String?
    /// True when F4 opens a pick list for this field.
    public var hasPickList: Bool
    public var isReadOnly: Bool
    /// Whether the Vietnamese input method composes letters here: fields that hold Vietnamese words
    /// (names, addresses, notes, reasons). Never in identifiers, numbers, dates, e-mail or user names,
    /// whatever the global VI/EN state ("tuans" must stay "tuans" in an e-mail address).
    public var typesVietnamese: Bool

    public init(
        id: FieldID, label: String, text: String = "", mask: FieldMask = .text, maxLength: Int? = nil,
        required: Bool = false, hint: String? = nil, pickList: Bool = false, readOnly: Bool = false,
        vietnamese: Bool = true,
        validate: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.id = id
        self.label = label
        self.editor = LineEditor(text, mask: mask, maxLength: maxLength)
        self.isRequired = required
        self.validate = validate
        self.hint = hint
        self.hasPickList = pickList
        self.isReadOnly = readOnly
        self.typesVietnamese = mask == .text && vietnamese
    }

    public var text: String { editor.text }

    /// Checks the value; stores and returns the error.
    @discardableResult
    public mutating func check() -> String? {
        let value = editor.text.trimmingSpacesTUI
        if value.isEmpty {
            error = isRequired ? "\(label): bắt buộc phải nhập" : nil
        } else {
            error = validate(value).map { "\(label): \($0)" }
        }
        return error
    }
}

/// Fields in order, one focused. Tab and Enter move on, Shift-Tab back; a field with an error cannot be
/// left until it is corrected (the error stays on screen). Required fields are marked with *.
public struct Form: Sendable {
    public var fields: [Field]
    public var focus: Int

    public enum Outcome: Equatable, Sendable {
        /// Nothing to tell the screen.
        case none
        /// The text of a field changed (for live computations).
        case edited(FieldID)
        /// Focus moved to another field.
        case moved
        /// Enter on the last field.
        case completed
        /// The current field has an error; focus stays.
        case invalid(String)
        /// F4 on a field with a pick list.
        case pick(FieldID)
    }

    public init(_ fields: [Field], focus: Int = 0) {
        self.fields = fields
        self.focus = fields.isEmpty ? 0 : min(focus, fields.count - 1)
        if self.fields.indices.contains(self.focus), self.fields[self.focus].isReadOnly { moveFocus(by: 1) }
    }

    public subscript(id: FieldID) -> Field? {
        get { fields.first { $0.id == id } }
        set {
            guard let i = fields.firstIndex(where: { $0.id == id }), let newValue else { return }
            fields[i] = newValue
        }
    }

    public func value(_ id: FieldID) -> String { self[id]?.text.trimmingSpacesTUI ?? "" }

    public mutating func setValue(_ id: FieldID, _ text: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[i].editor.setText(text)
        fields[i].error = nil
    }

    public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }

    public mutating func focus(on id: FieldID) {
        if let i = fields.firstIndex(where: { $0.id == id }) { focus = i }
    }

    private mutating func moveFocus(by step: Int) {
        guard !fields.isEmpty else { return }
        var next = focus
        for _ in 0..<fields.count {
            next = (next + step + fields.count) % fields.count
            if !fields[next].isReadOnly { focus = next; return }
        }
    }

    /// Validates every field; focuses the first with an error and returns it.
    @discardableResult
    public mutating func checkAll() -> String? {
        var first: Int?
        for i in fields.indices where fields[i].check() != nil && first == nil { first = i }
        if let first { focus = first; return fields[first].error }
        return nil
    }

    public var hasTypedData: Bool { fields.contains { !$0.isReadOnly && !$0.editor.isEmpty } }

    public mutating func handle(_ key: Key, inputMethod: VietnameseInputMethod?) -> Outcome {
        guard fields.indices.contains(focus) else { return .none }
        switch key {
        case .tab, .enter, .down:
            fields[focus].editor.breakComposition()
            if let error = fields[focus].check() { return .invalid(error) }
            if key == .enter && fields[(focus + 1)...].allSatisfy(\.isReadOnly) { return .completed }
            moveFocus(by: 1)
            return .moved
        case .backTab, .up:
            // Going back is always possible from an empty field (it is checked again on saving); a value that
            // is typed but wrong must be corrected first.
            fields[focus].editor.breakComposition()
            if !fields[focus].editor.isEmpty, let error = fields[focus].check() { return .invalid(error) }
            if fields[focus].editor.isEmpty { fields[focus].error = nil }
            moveFocus(by: -1)
            return .moved
        case .function(4):
            return fields[focus].hasPickList ? .pick(fields[focus].id) : .none
        default:
            guard !fields[focus].isReadOnly else { return .none }
            let before = fields[focus].editor.text
            let method = fields[focus].typesVietnamese ? inputMethod : nil
            guard fields[focus].editor.handle(key, inputMethod: method) else { return .none }
            if fields[focus].editor.text != before {
                fields[focus].error = nil
                return .edited(fields[focus].id)
            }
            return .none
        }
    }

    /// Inserts pasted text into the focused field.
    public mutating func paste(_ text: String) -> Outcome {
        guard fields.indices.contains(focus), !fields[focus].isReadOnly else { return .none }
        fields[focus].editor.insert(text)
        fields[focus].error = nil
        return .edited(fields[focus].id)
    }

    /// Draws one field per row from `rect.row`: label (with * when required), value, and places the cursor.
    public func render(into frame: inout Frame, rect: Rect, labelWidth: Int, rows: [Int]? = nil) {
        for (i, _) in fields.enumerated() {
            let row = rows?[i] ?? rect.row + i
            guard row < rect.bottom else { break }
            renderField(i, into: &frame, row: row, column: rect.column, width: rect.width, labelWidth: labelWidth)
        }
    }

    public func renderField(_ i: Int, into frame: inout Frame, row: Int, column: Int, width: Int, labelWidth: Int) {
        let f = fields[i]
        // The required mark is never the part that is cut: a long label loses its end ("…"), not its "*".
        let suffix = (f.isRequired ? " *" : "") + ":"
        let label =
            TextWidth.width(of: f.label + suffix) <= labelWidth
            ? f.label + suffix : TextWidth.fit(f.label, max(1, labelWidth - TextWidth.width(of: suffix))) + suffix
        frame.put(TextWidth.fit(label, labelWidth), row: row, column: column, style: f.error != nil ? .error : .label)
        let valueWidth = max(4, width - labelWidth - 1)
        let focused = i == focus
        // A field without focus shows the beginning of its text (a long procedure name from its first word).
        let (visible, cursorColumn) =
            focused
            ? f.editor.layout(width: valueWidth)
            : (TextWidth.prefix(f.editor.displayText, fitting: valueWidth), 0)
        let style: Style = f.isReadOnly ? .dim : (focused ? .focused : .field)
        frame.put(
            TextWidth.fit(visible, valueWidth, ellipsis: false), row: row, column: column + labelWidth + 1, style: style
        )
        if f.hasPickList && focused {
            frame.put("▾", row: row, column: column + labelWidth + valueWidth, style: .focused)
        }
        if focused { frame.cursor = (row, column + labelWidth + 1 + cursorColumn) }
    }
}

/// A row of a list: columns of text, an identifier, a style (overdue rows in their colour) and the text that
/// type-to-filter matches (already folded by the caller when diacritics must be ignored).
public struct ListRow: Hashable, Sendable {
    public var id: String
    public var columns: [String]
    public var style: Style
    public var filterText: String

    public init(id: String, columns: [String], style: Style = .normal, filterText: String? = nil) {
        self.id = id
        self.columns = columns
        self.style = style
        self.filterText = filterText ?? columns.joined(separator: " ")
    }
}

/// A scrolling list with a selection and type-to-filter. Letters typed in a list filter it; they never
/// trigger commands (commands are on F-keys and Ctrl keys).
public struct ListView: Sendable {
    public private(set) var rows: [ListRow]
    public private(set) var visible: [Int]
    public private(set) var selection: Int
    public var filter: LineEditor
    /// Column widths (the last column takes the rest when 0).
    public var widths: [Int]
    /// Folds filter text and row text the same way (e.g. removing diacritics); identity by default.
    public var fold: @Sendable (String) -> String
    public var allowsFilter: Bool

    public init(
        rows: [ListRow] = [], widths: [Int], allowsFilter: Bool = true,
        fold: @escaping @Sendable (String) -> String = { $0.lowercased() }
    ) {
        self.rows = rows
        self.visible = Array(rows.indices)
        self.selection = 0
        self.filter = LineEditor()
        self.widths = widths
        self.fold = fold
        self.allowsFilter = allowsFilter
    }

    public var selectedRow: ListRow? { visible.indices.contains(selection) ? rows[visible[selection]] : nil }
    public var isEmpty: Bool { visible.isEmpty }

    /// Replaces the rows, keeping the selection on the same id when it is still there.
    public mutating func setRows(_ new: [ListRow]) {
        let selected = selectedRow?.id
        rows = new
        applyFilter()
        if let selected, let i = visible.firstIndex(where: { rows[$0].id == selected }) { selection = i }
    }

    mutating func applyFilter() {
        let words = fold(filter.text).split(separator: " ").map(String.init)
        if words.isEmpty {
            visible = Array(rows.indices)
        } else {
            visible = rows.indices.filter { i in
                let text = fold(rows[i].filterText)
                return words.allSatisfy { text.contains($0) }
            }
        }
        selection = min(selection, max(0, visible.count - 1))
    }

    /// Handles navigation and filtering keys; returns true when consumed.
    public mutating func handle(_ key: Key, pageSize: Int = 10) -> Bool {
        switch key {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, visible.count - 1), selection + 1)
        case .pageUp: selection = max(0, selection - pageSize)
        case .pageDown: selection = min(max(0, visible.count - 1), selection + pageSize)
        case .home: selection = 0
        case .end: selection = max(0, visible.count - 1)
        case .character, .backspace, .control("u"):
            guard allowsFilter else { return false }
            if case .character(" ") = key, filter.isEmpty { return false }
            let before = filter.text
            _ = filter.handle(key)
            if filter.text != before {
                selection = 0
                applyFilter()
            }
        default: return false
        }
        return true
    }

    /// Draws the visible rows in `rect` (and keeps the selection in view). The cursor goes on the selected row.
    /// First visible row for a list of `height` rows: the selection stays in view (at the bottom when it is
    /// past the first page), computed from the state so rendering stays pure.
    public func firstVisible(height: Int) -> Int { max(0, selection - max(1, height) + 1) }

    public func render(into frame: inout Frame, rect: Rect, focused: Bool = true) {
        let height = max(1, rect.height)
        let scroll = firstVisible(height: height)
        for line in 0..<height {
            let row = rect.row + line
            let index = scroll + line
            guard index < visible.count else { break }
            let item = rows[visible[index]]
            var col = rect.column
            for (c, text) in item.columns.enumerated() {
                let w = c < widths.count && widths[c] > 0 ? widths[c] : rect.right - col
                guard w > 0, col < rect.right else { break }
                col = frame.put(TextWidth.fit(text, min(w, rect.right - col)), row: row, column: col, style: item.style)
                if col < rect.right { col = frame.put(" ", row: row, column: col, style: item.style) }
            }
            if index == selection && focused {
                frame.restyle(Rect(row: row, column: rect.column, width: rect.width, height: 1), .selected)
                frame.cursor = (row, rect.column)
            }
        }
    }
}

/// A question with typed answers: yes/no (Có/Không) or a message to acknowledge.
public struct Dialog: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case confirm, message }
    public enum Answer: Hashable, Sendable { case yes, no }

    public var title: String
    public var lines: [String]
    public var kind: Kind
    /// For confirmations: the button with focus (yes first).
    public var yesFocused: Bool
    /// False for a question that comes up while the officer may still be typing (an offer made on a field's
    /// Enter): letters typed then are not answers — the application gives them back to the form and takes
    /// the answer as no — and only Enter or F10 (the focused button) and Esc (no) answer.
    public var lettersAnswer: Bool

    public init(
        title: String, lines: [String], kind: Kind = .confirm, defaultYes: Bool = false, lettersAnswer: Bool = true
    ) {
        self.title = title
        self.lines = lines
        self.kind = kind
        self.yesFocused = defaultYes
        self.lettersAnswer = lettersAnswer
    }

    /// Returns the answer when the key decides, nil while the dialog stays open.
    public mutating func handle(_ key: Key) -> Answer? {
        switch key {
        case .left, .right, .tab, .backTab:
            if kind == .confirm { yesFocused.toggle() }
            return nil
        case .enter, .function(10), .control("s"):
            return kind == .message || yesFocused ? .yes : .no
        case .escape:
            return .no
        case .character(let c):
            guard lettersAnswer else { return nil }
            switch String(c).lowercased() {
            case "c", "y": return .yes
            case "k", "n": return .no
            default: return nil
            }
        default:
            return nil
        }
    }

    public func render(into frame: inout Frame) {
        let width = min(frame.size.columns - 4, max(40, (lines.map { TextWidth.width(of: $0) }.max() ?? 0) + 6))
        let wrapped = lines.flatMap { TextWidth.wrap($0, width - 4) }
        let rect = frame.bounds.centered(width: width, height: wrapped.count + 4)
        frame.fill(rect, style: .normal)
        frame.box(rect, style: .frame, title: title)
        for (i, line) in wrapped.enumerated() where rect.row + 1 + i < rect.bottom - 2 {
            frame.put(line, row: rect.row + 1 + i, column: rect.column + 2, maxWidth: width - 4)
        }
        let row = rect.bottom - 2
        if kind == .confirm {
            let yes = lettersAnswer ? "[ Có (C) ]" : "[ Có (Enter) ]"
            let no = lettersAnswer ? "[ Không (K) ]" : "[ Không (Esc) ]"
            let start = rect.column + (width - TextWidth.width(of: yes + "  " + no)) / 2
            frame.put(yes, row: row, column: start, style: yesFocused ? .selected : .normal)
            let noColumn = start + TextWidth.width(of: yes) + 2
            frame.put(no, row: row, column: noColumn, style: yesFocused ? .normal : .selected)
            frame.cursor = (row, yesFocused ? start + 2 : noColumn + 2)
        } else {
            let ok = "[ Đồng ý (Enter) ]"
            let start = rect.column + (width - TextWidth.width(of: ok)) / 2
            frame.put(ok, row: row, column: start, style: .selected)
            frame.cursor = (row, start + 2)
        }
    }
}

/// Scrolling text: previews of printed documents, help.
public struct TextViewer: Hashable, Sendable {
    public var lines: [String]
    public private(set) var top = 0
    /// First column shown, for lines wider than the screen.
    public private(set) var left = 0

    public init(lines: [String]) { self.lines = lines }

    public mutating func handle(_ key: Key, height: Int) -> Bool {
        let maxTop = max(0, lines.count - height)
        switch key {
        case .up: top = max(0, top - 1)
        case .down: top = min(maxTop, top + 1)
        case .pageUp: top = max(0, top - max(1, height - 1))
        case .pageDown, .character(" "): top = min(maxTop, top + max(1, height - 1))
        case .home: top = 0; left = 0
        case .end: top = maxTop
        case .left: left = max(0, left - 10)
        case .right: left = min(max(0, (lines.map { TextWidth.width(of: $0) }.max() ?? 0) - 20), left + 10)
        default: return false
        }
        return true
    }

    public func render(into frame: inout Frame, rect: Rect) {
        for i in 0..<rect.height {
            let index = top + i
            guard index < lines.count else { break }
            var line = lines[index]
            if left > 0 {
                var skipped = 0
                var start = line.startIndex
                while start < line.endIndex && skipped < left {
                    skipped += TextWidth.width(of: line[start])
                    start = line.index(after: start)
                }
                line = String(line[start...])
            }
            frame.put(line, row: rect.row + i, column: rect.column, maxWidth: rect.width)
        }
    }

    /// "Dòng 12–34/120" for the status line.
    public func position(height: Int) -> String {
        guard !lines.isEmpty else { return "" }
        return "Dòng \(top + 1)–\(min(lines.count, top + height))/\(lines.count)"
    }
}

extension String {
    var trimmingSpacesTUI: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
