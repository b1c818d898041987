/// A field that takes one of a few values (channel, where to collect…): Space or → cycles, ← back, F4 lists.
public struct ChoiceField: Hashable, Sendable {
    public let id: FieldID
    public var label: String
    public var options: [String]
    public var selected: Int

    public init(id: FieldID, label: String, options: [String], selected: Int = 0) {
        self.id = id
        self.label = label
        self.options = options
        self.selected = selected
    }

    public var value: String { options.indices.contains(selected) ? options[selected] : "" }
}

/// One item of a document checklist inside a form.
public struct CheckItem: Hashable, Sendable {
    public let id: FieldID
    public var title: String
    public var detail: String
    public var isChecked: Bool
    public var quantity: Int
    public var isMandatory: Bool
    /// False for a choice that has no number of copies (a result asked for): no "SL", digits do nothing.
    public var countsCopies: Bool

    public init(
        id: FieldID, title: String, detail: String = "", isChecked: Bool = false, quantity: Int = 1,
        isMandatory: Bool = false,
        countsCopies: Bool = true
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.isChecked = isChecked
        self.quantity = quantity
        self.isMandatory = isMandatory
        self.countsCopies = countsCopies
    }
}

/// A long form that scrolls: sections, text fields, choices, checklist items and read-only lines, one item
/// focused. Tab, Enter and ↓ move on; Shift-Tab and ↑ go back; a typed value that is wrong cannot be left
/// until it is corrected.
public struct ScrollForm: Sendable {
    public enum Item: Sendable {
        case section(String)
        case info(String, Style)
        case field(Field)
        case choice(ChoiceField)
        case check(CheckItem)

        var isFocusable: Bool {
            switch self {
            case .section, .info: false
            case .field(let f): !f.isReadOnly
            case .choice, .check: true
            }
        }

        var id: FieldID? {
            switch self {
            case .field(let f): f.id
            case .choice(let c): c.id
            case .check(let c): c.id
            default: nil
            }
        }
    }

    public var items: [Item]
    public private(set) var focus: Int

    public init(_ items: [Item]) {
        self.items = items
        self.focus = items.firstIndex(where: \.isFocusable) ?? 0
    }

    // MARK: Access

    public func index(of id: FieldID) -> Int? { items.firstIndex { $0.id == id } }

    public func field(_ id: FieldID) -> Field? {
        guard let i = index(of: id), case .field(let f) = items[i] else { return nil }
        return f
    }

    public func value(_ id: FieldID) -> String { field(id)?.text.trimmingSpacesTUI ?? "" }

    public func choice(_ id: FieldID) -> ChoiceField? {
        guard let i = index(of: id), case .choice(let c) = items[i] else { return nil }
        return c
    }

    public var checks: [CheckItem] {
        items.compactMap { if case .check(let c) = $0 { c } else { nil } }
    }

    public var focusedID: FieldID? { items.indices.contains(focus) ? items[focus].id : nil }

    /// The whole text of the focused checklist item or choice (shown on the status line: the row may be cut
    /// at 80 columns).
    public var focusedDescription: String? {
        guard items.indices.contains(focus) else { return nil }
        switch items[focus] {
        case .check(let c):
            return (c.isMandatory ? "* " : "") + c.title + (c.detail.isEmpty ? "" : " — \(c.detail)")
                + (c.countsCopies ? " — số lượng \(c.quantity)" : "")
        case .choice(let c):
            return "\(c.label): \(c.options[c.selected])"
        default:
            return nil
        }
    }

    public var focusedField: Field? {
        guard items.indices.contains(focus), case .field(let f) = items[focus] else { return nil }
        return f
    }

    public mutating func setValue(_ id: FieldID, _ text: String) {
        guard let i = index(of: id), case .field(var f) = items[i] else { return }
        f.editor.setText(text)
        f.error = nil
        items[i] = .field(f)
    }

    public mutating func setChoice(_ id: FieldID, _ selected: Int) {
        guard let i = index(of: id), case .choice(var c) = items[i], c.options.indices.contains(selected) else {
            return
        }
        c.selected = selected
        items[i] = .choice(c)
    }

    public mutating func updateField(_ id: FieldID, _ change: (inout Field) -> Void) {
        guard let i = index(of: id), case .field(var f) = items[i] else { return }
        change(&f)
        items[i] = .field(f)
    }

    public mutating func focus(on id: FieldID) {
        if let i = index(of: id), items[i].isFocusable { focus = i }
    }

    public var hasTypedData: Bool {
        items.contains { item in
            if case .field(let f) = item { return !f.isReadOnly && !f.editor.isEmpty }
            if case .check(let c) = item { return c.isChecked }
            return false
        }
    }

    /// Checks every field; focuses and returns the first error.
    public mutating func checkAll() -> String? {
        var first: (Int, String)?
        for i in items.indices {
            guard case .field(var f) = items[i], !f.isReadOnly else { continue }
            if let e = f.check(), first == nil { first = (i, e) }
            items[i] = .field(f)
        }
        if let first { focus = first.0; return first.1 }
        return nil
    }

    // MARK: Keys

    public mutating func handle(_ key: Key, inputMethod: VietnameseInputMethod?) -> Form.Outcome {
        guard items.indices.contains(focus) else { return .none }
        switch key {
        case .tab, .enter, .down:
            if case .field(var f) = items[focus] {
                let error = f.check()
                // Left or refused, the word being composed ends here.
                f.editor.breakComposition()
                items[focus] = .field(f)
                if let error { return .invalid(error) }
            }
            if key == .enter, case .check = items[focus] {
                // Enter on a checklist item ticks it and moves on (the common case: everything handed in).
                toggleCheck(force: true)
            }
            return move(by: 1) ? .moved : (key == .enter ? .completed : .none)
        case .backTab, .up:
            if case .field(var f) = items[focus] {
                f.editor.breakComposition()
                if !f.editor.isEmpty, let error = f.check() {
                    items[focus] = .field(f)
                    return .invalid(error)
                }
                if f.editor.isEmpty { f.error = nil; items[focus] = .field(f) }
            }
            return move(by: -1) ? .moved : .none
        case .function(4):
            switch items[focus] {
            case .field(let f): return f.hasPickList ? .pick(f.id) : .none
            case .choice(let c): return .pick(c.id)
            default: return .none
            }
        default:
            break
        }
        switch items[focus] {
        case .field(var f):
            guard !f.isReadOnly else { return .none }
            let before = f.editor.text
            guard f.editor.handle(key, inputMethod: f.typesVietnamese ? inputMethod : nil) else { return .none }
            let changed = f.editor.text != before
            if changed { f.error = nil }
            items[focus] = .field(f)
            return changed ? .edited(f.id) : .none
        case .choice(var c):
            switch key {
            case .character(" "), .right: c.selected = (c.selected + 1) % max(1, c.options.count)
            case .left: c.selected = (c.selected - 1 + c.options.count) % max(1, c.options.count)
            default: return .none
            }
            items[focus] = .choice(c)
            return .edited(c.id)
        case .check(var c):
            switch key {
            case .character(" "): c.isChecked.toggle()
            case .character("+") where c.countsCopies: c.quantity = min(99, c.quantity + 1); c.isChecked = true
            case .character("-") where c.countsCopies: c.quantity = max(1, c.quantity - 1)
            case .character(let ch) where c.countsCopies && ch.isASCII && ch.isNumber && ch != "0":
                c.quantity = ch.wholeNumberValue!
                c.isChecked = true
            default: return .none
            }
            items[focus] = .check(c)
            return .edited(c.id)
        default:
            return .none
        }
    }

    private mutating func toggleCheck(force: Bool) {
        guard case .check(var c) = items[focus] else { return }
        c.isChecked = force ? true : !c.isChecked
        items[focus] = .check(c)
    }

    public mutating func paste(_ text: String) -> Form.Outcome {
        guard items.indices.contains(focus), case .field(var f) = items[focus], !f.isReadOnly else { return .none }
        f.editor.insert(text)
        f.error = nil
        items[focus] = .field(f)
        return .edited(f.id)
    }

    @discardableResult
    private mutating func move(by step: Int) -> Bool {
        var i = focus + step
        while items.indices.contains(i) {
            if items[i].isFocusable { focus = i; return true }
            i += step
        }
        return false
    }

    // MARK: Drawing

    /// Height of an item in rows (a field with an error takes two).
    func height(_ item: Item) -> Int {
        if case .field(let f) = item, f.error != nil { return 2 }
        return 1
    }

    /// Draws the items that fit in `rect`, scrolled so that the focused item (and its error) is visible.
    public func render(into frame: inout Frame, rect: Rect, labelWidth: Int) {
        let heights = items.map(height)
        var top = 0
        // Scroll so the focus is visible; keep the section heading above it when there is room.
        while top < focus && heights[top...focus].reduce(0, +) > rect.height { top += 1 }
        if top > 0, top - 1 < items.count, case .section = items[top - 1],
            heights[(top - 1)...focus].reduce(0, +) <= rect.height
        {
            top -= 1
        }
        var row = rect.row
        for i in top..<items.count {
            guard row < rect.bottom else { break }
            let focused = i == focus
            switch items[i] {
            case .section(let title):
                frame.put(title, row: row, column: rect.column, style: .heading, maxWidth: rect.width)
            case let .info(text, style):
                frame.put(TextWidth.fit(text, rect.width - 2), row: row, column: rect.column + 2, style: style)
            case .field(let f):
                var one = Form([f])
                one.focus = focused ? 0 : -1
                one.renderField(
                    0, into: &frame, row: row, column: rect.column + 2, width: rect.width - 2, labelWidth: labelWidth)
                if let e = f.error, row + 1 < rect.bottom {
                    frame.put("⚠ " + e, row: row + 1, column: rect.column + 4, style: .error, maxWidth: rect.width - 4)
                }
            case .choice(let c):
                frame.put(TextWidth.fit(c.label + ":", labelWidth), row: row, column: rect.column + 2, style: .label)
                // When the options do not all fit, the row starts at an earlier option so the chosen one shows
                // ("… " marks the ones left out).
                let room = rect.width - labelWidth - 3
                func label(_ i: Int) -> String { i == c.selected ? "[\(c.options[i])]" : " \(c.options[i]) " }
                var first = 0
                while first < c.selected
                    && TextWidth.width(
                        of: (first > 0 ? "… " : "") + (first...c.selected).map(label).joined(separator: " ")) > room
                {
                    first += 1
                }
                let lead = first > 0 ? "… " : ""
                var text = lead + (first..<c.options.count).map(label).joined(separator: " ")
                while text.last == " " { text.removeLast() }
                // Options that do not fit end in "…" (the focused one's whole text is on the status line).
                frame.put(
                    TextWidth.fit(text, max(1, room)), row: row, column: rect.column + 3 + labelWidth,
                    style: focused ? .focused : .normal)
                if focused {
                    let before = lead + (first..<c.selected).map { " \(c.options[$0])  " }.joined()
                    frame.cursor = (row, rect.column + 4 + labelWidth + TextWidth.width(of: before))
                }
            case .check(let c):
                let mark = c.isChecked ? "[x]" : "[ ]"
                let style: Style = !c.isChecked && c.isMandatory ? .warning : .normal
                let quantity = c.countsCopies ? "SL \(c.quantity)" : ""
                let detailWidth = min(22, TextWidth.width(of: c.detail))
                let titleWidth = max(10, rect.width - 4 - 4 - detailWidth - TextWidth.width(of: quantity) - 3)
                // The required mark first, where the cut of a long title cannot take it.
                var col = frame.put(
                    "\(mark) \(c.isMandatory ? "*" : " ") ", row: row, column: rect.column + 2, style: style)
                col = frame.put(TextWidth.fit(c.title, titleWidth - 2), row: row, column: col, style: style)
                col = frame.put(" " + TextWidth.fit(c.detail, detailWidth) + " ", row: row, column: col, style: .dim)
                frame.put(quantity, row: row, column: col, style: style)
                if focused {
                    frame.restyle(Rect(row: row, column: rect.column + 2, width: rect.width - 2, height: 1), .selected)
                    frame.cursor = (row, rect.column + 3)
                }
            }
            row += heights[i]
        }
        if top > 0 { frame.put("▲", row: rect.row, column: rect.right - 1, style: .dim) }
        if row >= rect.bottom && items.count > 0 {
            frame.put("▼", row: rect.bottom - 1, column: rect.right - 1, style: .dim)
        }
    }
}
