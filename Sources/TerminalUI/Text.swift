/// Display width of text in terminal cells, with the semantics of `wcwidth(3)` in a UTF-8 locale:
/// combining marks and format characters 0, East Asian wide and fullwidth characters and emoji 2, other
/// printable characters 1. A grapheme's width is its scalars' added (see `width(of: Character)`).
///
/// The table is ours (this module does not call C); a test in the curses module compares it with the C
/// library's `wcwidth` over the ranges we meet (Latin, Vietnamese, combining marks, CJK, emoji).
public enum TextWidth {
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        // Latin Extended Additional: the precomposed Vietnamese letters (ạ, ế, ữ…), all letters, one cell;
        // known without the Unicode property lookup, which cost most of a long report's layout.
        if v >= 0x1E00 && v <= 0x1EFF { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants
        return isWide(v) ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, and emoji presented as pictures.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
            0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
            0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
            0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
            0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335,
            0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0,
            0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E,
            0x1F550...0x1F567, 0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
            0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
            0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cells a grapheme occupies, as the terminal advances over it: its scalars' widths added, which is what
    /// ncurses does (each scalar takes its `wcwidth`): a letter and its marks, the letter's; a consonant and a
    /// spacing vowel (Thai "กำ", Hindi "कि"), two; a flag (two regional indicators), two; an emoji with a skin
    /// tone, four; a family joined by ZWJ, six. A lone combining mark is 0; the frame attaches it to the
    /// previous cell. (Terminals that draw an emoji sequence as one picture disagree with ncurses; no width
    /// can be right for both.)
    public static func width(of character: Character) -> Int {
        var total = 0
        for s in character.unicodeScalars { total += width(of: s) }
        return total
    }

    /// A scalar's width, with the fast paths the reports need (they measure every cell of a year's ledger).
    @inline(__always)
    static func summedWidth(_ v: UInt32) -> Int {
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1 }
        // Latin Extended Additional: the precomposed Vietnamese letters (ạ, ế, ữ…), all letters, one cell;
        // known without the Unicode property lookup, which cost most of a long report's layout.
        if v >= 0x1E00 && v <= 0x1EFF { return 1 }
        guard let scalar = Unicode.Scalar(v) else { return 0 }
        return width(of: scalar)
    }

    /// Cells a text occupies: the sum of its scalars' widths, which is also the sum of its graphemes'
    /// (`width(of: Character)`), so cutting by graphemes and measuring agree.
    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for s in text.unicodeScalars { total += summedWidth(s.value) }
        return total
    }

    static func graphemeWidth(_ text: some StringProtocol) -> Int {
        var total = 0
        for c in text { total += width(of: c) }
        return total
    }

    /// The longest prefix of `text` that fits in `columns` cells.
    public static func prefix(_ text: some StringProtocol, fitting columns: Int) -> String {
        var out = ""
        var used = 0
        for c in text {
            let w = width(of: c)
            if used + w > columns { break }
            out.append(c)
            used += w
        }
        return out
    }

    /// `text` cut to `columns` cells (with "…" when cut) and padded with spaces to exactly `columns`.
    public static func fit(_ text: some StringProtocol, _ columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        let w = width(of: text)
        if w <= columns { return String(text) + String(repeating: " ", count: columns - w) }
        let cut = ellipsis ? prefix(text, fitting: columns - 1) + "…" : prefix(text, fitting: columns)
        return cut + String(repeating: " ", count: max(0, columns - width(of: cut)))
    }

    /// `text` right-aligned in `columns` cells.
    public static func rightAligned(_ text: some StringProtocol, _ columns: Int) -> String {
        let w = width(of: text)
        if w >= columns { return fit(text, columns) }
        return String(repeating: " ", count: columns - w) + String(text)
    }

    /// Wraps `text` with its continuation lines indented by `indent` columns (a key's description under
    /// the description, not under the key).
    public static func wrapHanging(_ text: String, _ columns: Int, indent: Int) -> [String] {
        guard width(of: text) > columns, indent < columns - 8 else { return wrap(text, columns) }
        let lead = prefix(text, fitting: indent)
        let rest = String(text.dropFirst(lead.count))
        let pad = String(repeating: " ", count: indent)
        return wrap(rest, columns - indent).enumerated().map { i, line in (i == 0 ? lead : pad) + line }
    }

    /// Splits text into lines of at most `columns` cells, breaking at spaces where possible.
    public static func wrap(_ text: String, _ columns: Int) -> [String] {
        var lines: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            forEachLine(bytes, columns) { line in
                lines.append(
                    line.start == 0 && line.end == bytes.count
                        ? text : string(UnsafeBufferPointer(rebasing: bytes[line.start..<line.end])))
            }
        }
        return lines
    }

    /// How many lines `wrap` gives, without building them (a long report measures every row before it
    /// writes a page).
    public static func lineCount(_ text: String, _ columns: Int) -> Int {
        var count = 0
        var copy = text
        copy.withUTF8 { bytes in forEachLine(bytes, columns) { _ in count += 1 } }
        return count
    }

    /// One line of wrapped text: the bytes `start..<end` of the text's UTF-8, `width` cells wide.
    public struct WrappedLine: Sendable {
        public var start: Int
        public var end: Int
        public var width: Int
    }

    /// The wrapping rule, once, on a text's UTF-8 bytes (a `String`'s, so valid and whole): paragraphs at
    /// newlines; within a paragraph, words at spaces, as many as fit on a line, the spaces between them kept
    /// (an indented line stays indented, as it does when it fits whole); a word wider than the line is cut at
    /// grapheme boundaries. No line is wider than `columns`, except one letter wider than the whole line.
    /// Spaces and newlines are ASCII, so they never occur inside a multi-byte sequence.
    public static func forEachLine(
        _ b: UnsafeBufferPointer<UInt8>, _ columns: Int, _ body: (WrappedLine) -> Void
    ) {
        let n = b.count
        // Most table cells fit as they are: one measure, no splitting. Without room, nothing is wrapped.
        if columns <= 0 || !b.contains(10) {
            let whole = width(utf8: b, 0..<n)
            if columns <= 0 || whole <= columns {
                body(WrappedLine(start: 0, end: n, width: whole))
                return
            }
        }
        var paragraphStart = 0
        while true {
            var paragraphEnd = paragraphStart
            while paragraphEnd < n && b[paragraphEnd] != 10 { paragraphEnd += 1 }
            var line = WrappedLine(start: paragraphStart, end: paragraphStart, width: 0)
            var words = 0  // words placed on the line, empty ones (between two spaces) included
            var wordStart = paragraphStart
            while true {
                var wordEnd = wordStart
                while wordEnd < paragraphEnd && b[wordEnd] != 32 { wordEnd += 1 }
                let wordWidth = width(utf8: b, wordStart..<wordEnd)
                if words > 0 && line.width + 1 + wordWidth > columns {
                    // The word does not fit after the space: the line ends before it. A line holding nothing
                    // but that space (the paragraph began with one) is dropped with it, so no line is wider
                    // than the room.
                    if line.end > line.start { body(line) }
                    words = 0
                }
                if words == 0 {
                    // The word starts the line, cut while it is wider than the line.
                    var restStart = wordStart
                    var restWidth = wordWidth
                    while restWidth > columns {
                        let headEnd = cut(b, restStart..<wordEnd, fitting: columns)
                        // What is left fits letter by letter, or is one letter wider than the line: it is the
                        // line.
                        if headEnd == wordEnd { break }
                        body(WrappedLine(start: restStart, end: headEnd, width: width(utf8: b, restStart..<headEnd)))
                        restStart = headEnd
                        restWidth = width(utf8: b, restStart..<wordEnd)
                    }
                    line = WrappedLine(start: restStart, end: wordEnd, width: restWidth)
                } else {
                    line.end = wordEnd
                    line.width += 1 + wordWidth
                }
                words += 1
                if wordEnd >= paragraphEnd { break }
                wordStart = wordEnd + 1
            }
            body(line)
            if paragraphEnd >= n { break }
            paragraphStart = paragraphEnd + 1
        }
    }

    /// A string from UTF-8 bytes taken from a `String`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The end of the longest run of whole graphemes from `range.lowerBound` that fits in `columns` cells
    /// (at least one grapheme, so that a cell narrower than a wide letter still moves on).
    static func cut(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fitting columns: Int) -> Int {
        let text = string(UnsafeBufferPointer(rebasing: b[range]))
        var head = prefix(text, fitting: columns)
        if head.isEmpty, let first = text.first { head = String(first) }
        return range.lowerBound + head.utf8.count
    }

    /// Cells the UTF-8 bytes `range` of `b` occupy, as `width(of:)` counts them; `range` must hold whole
    /// scalars of valid UTF-8 (a `String`'s bytes, split at ASCII).
    static func width(utf8 b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var total = 0
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = b[i]
            if c < 0x80 {
                if c >= 0x20 && c != 0x7F { total += 1 }
                i += 1
                continue
            }
            var v: UInt32
            if c < 0xE0 {
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c < 0xF0 {
                v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else {
                v =
                    UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                    | UInt32(b[i + 3] & 0x3F)
                i += 4
            }
            total += summedWidth(v)
        }
        return total
    }
}

/// Unicode NFC without Foundation (see docs/DECISIONS.md D1). Everything typed or pasted goes through it,
/// so decomposed input ("e" + combining marks) ends up identical to precomposed input.
public enum Normalization {
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }
}
