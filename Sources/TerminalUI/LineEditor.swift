/// What a field accepts.
public enum FieldMask: Hashable, Sendable {
    /// Any text.
    case text
    /// `dd/mm/yyyy`: digits only, the slashes put in for the officer.
    case date
    /// `HH:MM`: digits only, the colon put in.
    case time
    /// Whole đồng: digits only, shown grouped ("1.500.000").
    case money
    /// Digits only (ID numbers, phone numbers, quantities).
    case digits
    /// Text shown as bullets (passwords); never transformed by the input method.
    case secret
    /// An identifier (document number, passport, tax code, receipt number): ASCII letters and digits and
    /// `- . /`, letters upper-cased, never transformed by the input method.
    case code
}

/// A one-line editor: the text as graphemes, a cursor between them, horizontal scrolling for long values.
/// Keys edit it; the built-in Vietnamese input method transforms letters as they are typed.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position: 0 … characters.count (a grapheme index, never inside a letter with its marks).
    public private(set) var cursor: Int
    public var mask: FieldMask
    public var maxLength: Int?
    /// Where the input method's current word may start at the earliest: letters typed before a boundary
    /// (the field was left or re-entered, a key was refused, text was pasted) are never composed with the
    /// letters typed after it.
    private var compositionStart = 0

    public init(_ text: String = "", mask: FieldMask = .text, maxLength: Int? = nil) {
        self.mask = mask
        self.maxLength = maxLength ?? LineEditor.defaultMaxLength(mask)
        self.characters = []
        self.cursor = 0
        setText(text)
    }

    static func defaultMaxLength(_ mask: FieldMask) -> Int? {
        switch mask {
        case .date: 10
        case .time: 5
        case .money: 12
        default: nil
        }
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Replaces the whole text (NFC), cursor at the end.
    public mutating func setText(_ text: String) {
        characters = Array(Normalization.nfc(mask == .code ? text.uppercased() : text)).filter {
            accepts($0) || isSeparator($0)
        }
        if let maxLength, characters.count > maxLength { characters = Array(characters.prefix(maxLength)) }
        cursor = characters.count
        compositionStart = cursor
    }

    /// Ends the input method's current word: what is typed next starts a new one.
    public mutating func breakComposition() {
        compositionStart = cursor
    }

    func accepts(_ c: Character) -> Bool {
        switch mask {
        case .text, .secret:
            return !c.isNewline && c != "\t"
                && !(c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true)
        case .date, .time, .money, .digits: return c.isASCII && c.isNumber
        case .code: return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "." || c == "/")
        }
    }

    func isSeparator(_ c: Character) -> Bool {
        (mask == .date && c == "/") || (mask == .time && c == ":")
    }

    /// Applies a key. Returns true when the key was an editing key (consumed).
    public mutating func handle(_ key: Key, inputMethod: VietnameseInputMethod? = nil) -> Bool {
        switch key {
        case .character(let c):
            type(c, inputMethod: mask == .text ? inputMethod : nil)
        case .backspace:
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
            // Deleting the digit after a slash of a date deletes the slash too.
            if cursor > 0, isSeparator(characters[cursor - 1]), cursor == characters.count {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .left: if cursor > 0 && mask != .money { cursor -= 1 }
        case .right: if cursor < characters.count { cursor += 1 }
        case .home, .control("a"): cursor = mask == .money ? characters.count : 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeAll()
            cursor = 0
        case .wordLeft, .alt("b"): if mask != .money { cursor = wordStart(before: cursor) }
        case .wordRight, .alt("f"): cursor = wordEnd(after: cursor)
        case .control("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        // Moving the cursor ends the word being composed (typing elsewhere starts a new one).
        if case .character = key {} else if key != .backspace { compositionStart = cursor }
        return true
    }

    /// Inserts pasted text (NFC; line breaks and tabs become spaces in this one-line field, other characters
    /// the mask refuses are dropped). Never composed with what was typed before or after it.
    public mutating func insert(_ text: String) {
        let flat = text.replacing("\r\n", with: " ").map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }
        for c in Normalization.nfc(String(flat)) where accepts(c) || isSeparator(c) { type(c, inputMethod: nil) }
        compositionStart = cursor
    }

    private mutating func type(_ c: Character, inputMethod: VietnameseInputMethod?) {
        if isSeparator(c) {
            // A typed slash or colon is accepted only where the mask puts one.
            if separatorPositions.contains(cursor) && cursor == characters.count { append(c) }
            return
        }
        guard accepts(c) else { return }
        if mask == .code, c.isLowercase { return append(Character(c.uppercased())) }
        if let inputMethod {
            if compositionStart > cursor { compositionStart = cursor }
            let start = max(wordStart(forInputAt: cursor, kind: inputMethod.kind), compositionStart)
            let word = String(characters[start..<cursor])
            if let replaced = inputMethod.apply(c, to: word) {
                let new = Array(Normalization.nfc(replaced))
                characters.replaceSubrange(start..<cursor, with: new)
                cursor = start + new.count
                return
            }
        }
        if mask == .money { cursor = characters.count }
        if separatorPositions.contains(cursor) && cursor == characters.count { append(mask == .date ? "/" : ":") }
        append(c)
    }

    private var separatorPositions: Set<Int> {
        switch mask {
        case .date: [2, 5]
        case .time: [2]
        default: []
        }
    }

    private mutating func append(_ c: Character) {
        if let maxLength, characters.count >= maxLength { return }
        characters.insert(c, at: cursor)
        cursor += 1
    }

    /// Start of the word the input method works on: the run of word characters before the cursor.
    private func wordStart(forInputAt index: Int, kind: InputMethodKind) -> Int {
        var i = index
        while i > 0 && VietnameseInputMethod.isWordCharacter(characters[i - 1], for: kind) { i -= 1 }
        return i
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && characters[i - 1] == " " { i -= 1 }
        while i > 0 && characters[i - 1] != " " { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && characters[i] == " " { i += 1 }
        while i < characters.count && characters[i] != " " { i += 1 }
        return i
    }

    /// The text as displayed: money grouped with dots, secrets as bullets.
    public var displayText: String {
        switch mask {
        case .secret: String(repeating: "•", count: characters.count)
        case .money: characters.isEmpty ? "" : groupThousands(String(characters))
        default: text
        }
    }

    func groupThousands(_ digits: String) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out += "." }
            out.append(c)
        }
        return out
    }

    /// The visible part of the text in `width` cells and the cursor's column in it. The view starts at the
    /// beginning when the text before the cursor fits, else just far enough right to show the cursor
    /// (computed from the state, so rendering stays pure).
    public func layout(width: Int) -> (visible: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        let shown = Array(displayText)
        let cursorIndex = mask == .money ? shown.count : min(cursor, shown.count)
        var start = 0
        while start < cursorIndex && TextWidth.width(of: String(shown[start..<cursorIndex])) > width - 1 { start += 1 }
        let visible = TextWidth.prefix(String(shown[start...]), fitting: width)
        return (visible, TextWidth.width(of: String(shown[start..<cursorIndex])))
    }
}
