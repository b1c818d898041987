import Testing

@testable import TerminalUI

/// The wrapping rule works on UTF-8 bytes (reports wrap every cell of a quarter's or a year's rows). These
/// tests hold it to the rule it replaced, written out plainly here on Swift strings, over many generated
/// texts: Vietnamese (precomposed and decomposed), runs of spaces, newlines, words longer than the line,
/// wide characters and emoji sequences.
@Suite struct WrapTests {
    /// The rule as it was written on strings (scalar splitting, grapheme cutting), the reference; changed in one
    /// place with the byte rule (D51): a line that would hold only a space and a word too wide for both ends
    /// before the space, instead of running one cell past the column.
    static func reference(_ text: String, _ columns: Int) -> [String] {
        guard columns > 0 else { return [text] }
        if !text.utf8.contains(10) && TextWidth.width(of: text) <= columns { return [text] }
        var lines: [String] = []
        for paragraph in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var words = 0
            for scalars in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let word = Substring(scalars)
                let w = TextWidth.width(of: word)
                if words > 0 && lineWidth + 1 + w > columns {
                    // The line ends before the word; a line of nothing but the space before it is dropped.
                    if !line.isEmpty { lines.append(line) }
                    line = ""
                    lineWidth = 0
                    words = 0
                }
                var rest = word
                while TextWidth.width(of: rest) > columns {
                    var head = TextWidth.prefix(rest, fitting: columns)
                    // A letter wider than the line (an emoji family, six cells): it goes alone on its line.
                    if head.isEmpty { head = String(rest.prefix(1)) }
                    if head.count == rest.count { break }
                    if !line.isEmpty { lines.append(line); line = ""; lineWidth = 0; words = 0 }
                    lines.append(head)
                    rest = rest.dropFirst(head.count)
                }
                if words > 0 { line += " "; lineWidth += 1 }
                line += rest
                lineWidth += TextWidth.width(of: rest)
                words += 1
            }
            lines.append(line)
        }
        return lines
    }

    /// A small deterministic generator (the same texts on every run).
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let pieces = [
        "Nguyễn", "Văn", "Đức", "hồ", "sơ", "UBND", "xã", "Tiếp", "nhận", "Nguye\u{0302}\u{0303}n", "chứng thực",
        "Phòng Văn hoá - Xã hội", "000.00.10.H12-261206-0001", "a", "", " ", "  ", "\n", "\n\n", "中文", "ｱｲ",
        "👨\u{200D}👩\u{200D}👧", "🇻🇳", "khaisinhkethonchungthucxacnhan", "Đăng ký khai sinh, kết hôn", "15:00",
        "(không ghi nhận lý do)", "e\u{0301}", "\u{0301}a", "\u{200D}", "🇻", "\u{7}", "\t", "ab  ", "  "
    ]

    static func texts() -> [String] {
        var g = Generator(state: 20_261_206)
        return (0..<1500).map { _ in
            (0..<(1 + g.next(9))).map { _ in pieces[g.next(pieces.count)] }.joined(separator: g.next(4) == 0 ? "" : " ")
        }
    }

    /// Every generated text at every width from 1 to 31 columns: the same lines as the rule on strings, the
    /// same count from `lineCount`, widths carried as measured, and no line wider than the room (but for one
    /// letter wider than it).
    @Test func wrapEqualsTheRuleOnStrings() {
        for text in WrapTests.texts() {
            var copy = text
            for columns in 1...31 {
                let expected = WrapTests.reference(text, columns)
                let context = "\(text.debugDescription) in \(columns)"
                #expect(TextWidth.wrap(text, columns) == expected, "\(context)")
                #expect(TextWidth.lineCount(text, columns) == expected.count, "\(context)")
                var widths: [Int] = []
                copy.withUTF8 { b in TextWidth.forEachLine(b, columns) { widths.append($0.width) } }
                #expect(widths == expected.map { TextWidth.width(of: $0) }, "\(context)")
                for line in expected where TextWidth.width(of: line) > columns {
                    #expect(line.count == 1, "\(context): \(line.debugDescription) is wider than the room")
                }
            }
        }
    }

    @Test(arguments: [
        ("  ab cd ef", 6, ["  ab", "cd ef"]),
        (" abcdefgh", 4, ["abcd", "efgh"]),  // the leading space goes with a word too wide for the line
        ("abcd  efgh", 4, ["abcd", "efgh"]),
        ("  ab", 4, ["  ab"]),  // the indentation of a line that fits whole stays
        ("  abc", 4, [" ", "abc"]),
        ("", 5, [""]),
        ("a\n\nb", 5, ["a", "", "b"]),
        ("ab  cd", 3, ["ab ", "cd"]),  // the second space still fits on the first line
        ("Nguyễn Văn Đức", 8, ["Nguyễn", "Văn Đức"])
    ])
    func examples(_ text: String, _ columns: Int, _ lines: [String]) {
        #expect(TextWidth.wrap(text, columns) == lines)
        #expect(TextWidth.wrap(text, columns) == WrapTests.reference(text, columns))
    }

    /// A wide letter in a one-cell column still moves on (the rule on strings looped for ever here).
    @Test func wideLetterInOneColumnEnds() {
        #expect(TextWidth.wrap("中文", 1) == ["中", "文"])
        #expect(TextWidth.lineCount("中文", 1) == 2)
        #expect(TextWidth.wrap("a 中", 1) == ["a", "中"])
    }

    /// Widths read from UTF-8 bytes equal the widths of the strings.
    @Test func byteWidthEqualsStringWidth() {
        for text in WrapTests.texts() + ["\u{7F}\u{80}\u{9F}\u{A0}", "\u{7}ab\u{1B}", "a\u{200B}b", "한국어"] {
            var copy = text
            let w = copy.withUTF8 { TextWidth.width(utf8: $0, 0..<$0.count) }
            #expect(w == TextWidth.width(of: text), "\(text.debugDescription)")
        }
    }
}
