import Testing

@testable import TerminalUI

/// The wrapping rule works on UTF-8 bytes (reports wrap every cell of a quarter's or a year's rows). These
/// tests hold it to the rule it replaced, written out plainly here on Swift strings, over many generated
/// texts: Vietnamese (precomposed and decomposed), runs of spaces, newlines, words longer than the line,
/// wide characters and emoji sequences.
@Suite struct WrapTests {
    /// The rule as it was written on strings (scalar splitting, grapheme cutting), the reference.
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
                if lineWidth > 0 && lineWidth + 1 + w > columns {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                    words = 0
                }
                var rest = word
                while TextWidth.width(of: rest) > columns {
                    let head = TextWidth.prefix(rest, fitting: columns)
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
        "(không ghi nhận lý do)", "e\u{0301}"
    ]

    static func texts() -> [String] {
        var g = Generator(state: 20_261_206)
        return (0..<1500).map { _ in
            (0..<(1 + g.next(9))).map { _ in pieces[g.next(pieces.count)] }.joined(separator: g.next(4) == 0 ? "" : " ")
        }
    }

    @Test func wrapEqualsTheRuleOnStrings() {
        var g = Generator(state: 7)
        for text in WrapTests.texts() {
            // Two columns at least: the reference never ends on a wide letter in one column (see below).
            let columns = 2 + g.next(30)
            let expected = WrapTests.reference(text, columns)
            #expect(TextWidth.wrap(text, columns) == expected, "\(text.debugDescription) in \(columns)")
            #expect(TextWidth.lineCount(text, columns) == expected.count, "\(text.debugDescription) in \(columns)")
        }
    }

    /// Each line's width and bytes, as the table renderer uses them, agree with the line `wrap` gives.
    @Test func linesCarryTheirWidthAndBytes() {
        for text in WrapTests.texts().prefix(300) {
            var copy = text
            var pieces: [String] = []
            var widths: [Int] = []
            copy.withUTF8 { b in
                TextWidth.forEachLine(b, 12) { line in
                    let run = String(decoding: UnsafeBufferPointer(rebasing: b[line.start..<line.end]), as: UTF8.self)
                    pieces.append((line.leadingSpace ? " " : "") + run)
                    widths.append(line.width)
                }
            }
            #expect(pieces == TextWidth.wrap(text, 12))
            #expect(widths == pieces.map { TextWidth.width(of: $0) }, "\(text.debugDescription)")
            #expect(widths.allSatisfy { $0 <= 12 })
        }
    }

    @Test(arguments: [
        ("  ab cd ef", 6, ["  ab", "cd ef"]),
        (" abcdefgh", 4, ["abcd", " efgh"]),  // a leading space before a cut word stays before what is left
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
