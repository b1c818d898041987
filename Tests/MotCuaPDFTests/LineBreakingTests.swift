import Testing
@testable import MotCuaPDF

@Suite("Measurement and line breaking")
struct LineBreakingTests {
    // Widths in 1/1000 em of Liberation Serif Regular, from fontTools (an independent reader): space 250,
    // "Cộng" 2167, "hòa" 1444, "xã" 944, "hội" 1278, "chủ" 1444, "nghĩa" 2222, "Việt" 1722, "Nam" 1944.
    static let font = try! Fixtures.font(Fixtures.liberationRegular)

    @Test("Widths are the sums of the hmtx advances")
    func widths() {
        let f = Self.font
        #expect(f.textUnits("Cộng") == 2167)
        #expect(f.textUnits("nghĩa") == 2222)
        #expect(f.textUnits("Cộng hòa") == 2167 + 250 + 1444)
        #expect(f.width(of: "Việt Nam", size: 10) == Double(1722 + 250 + 1944) * 10 / 1000)
        #expect(f.width(of: "", size: 13) == 0)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        /// The line's room at size 1000, i.e. in 1/1000 em.
        let width: Double
        let lines: [String]
        var testDescription: String { "\(width): \(text)" }
    }

    static let cases: [Case] = [
        // "Cộng hòa" is 3861 wide: it fits exactly, one unit less breaks it.
        Case(text: "Cộng hòa xã hội", width: 3861, lines: ["Cộng hòa", "xã hội"]),
        Case(text: "Cộng hòa xã hội", width: 3860, lines: ["Cộng", "hòa xã", "hội"]),
        // "Cộng hòa xã" = 3861 + 250 + 944 = 5055.
        Case(text: "Cộng hòa xã hội chủ nghĩa", width: 5055, lines: ["Cộng hòa xã", "hội chủ", "nghĩa"]),
        Case(text: "Cộng hòa xã hội chủ nghĩa", width: 5054, lines: ["Cộng hòa", "xã hội chủ", "nghĩa"]),
        Case(text: "Việt Nam", width: 3916, lines: ["Việt Nam"]),
        Case(text: "Việt Nam", width: 3915, lines: ["Việt", "Nam"]),
        // Spaces collapse; "\n" forces a line; an empty text is one empty line.
        Case(text: "Việt   Nam", width: 10_000, lines: ["Việt Nam"]),
        Case(text: " Việt Nam ", width: 10_000, lines: ["Việt Nam"]),
        Case(text: "Việt\nNam", width: 10_000, lines: ["Việt", "Nam"]),
        Case(text: "Việt\n\nNam", width: 10_000, lines: ["Việt", "", "Nam"]),
        Case(text: "", width: 100, lines: [""]),
        // A word longer than the line is cut between graphemes: "nghĩa" = n 500 g 500 h 500 ĩ 278 a 444.
        Case(text: "nghĩa", width: 1500, lines: ["ngh", "ĩa"]),
        Case(text: "nghĩa", width: 1499, lines: ["ng", "hĩa"]),
        Case(text: "nghĩa", width: 999, lines: ["n", "g", "hĩ", "a"]),
        Case(text: "xã nghĩa", width: 1500, lines: ["xã", "ngh", "ĩa"]),
        // A grapheme wider than the line stays whole on its own line.
        Case(text: "Nam", width: 100, lines: ["N", "a", "m"])
    ]

    @Test("Break points on known widths", arguments: cases)
    func breaks(_ c: Case) {
        #expect(LineBreaker(font: Self.font, size: 1000).lines(c.text, width: c.width) == c.lines)
    }

    @Test("The same break points at a real size (13 pt)")
    func realSize() {
        let b = LineBreaker(font: Self.font, size: 13)
        #expect(b.lines("Cộng hòa xã hội", width: 3861 * 0.013) == ["Cộng hòa", "xã hội"])
        #expect(b.lines("Cộng hòa xã hội", width: 3860 * 0.013) == ["Cộng", "hòa xã", "hội"])
        #expect(b.naturalWidth("Việt\nCộng hòa") == 3861 * 0.013)
    }

    @Test("A decomposed letter (base + combining marks) is never cut inside")
    func decomposed() {
        let word = "e\u{0302}\u{0323}e\u{0302}\u{0323}e\u{0302}\u{0323}"  // ệ three times, decomposed
        let b = LineBreaker(font: Self.font, size: 1000)
        let lines = b.lines(word, width: 500)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.unicodeScalars.count == 3 })
    }

    @Test("Every line of a long Vietnamese paragraph fits, and the words come back in order")
    func paragraph() {
        let text =
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ Trung tâm phục vụ hành chính công, số điện thoại 0251 3861 234 để được hướng dẫn; hồ sơ đã nộp được trả lại tại trung tâm."
        for width in stride(from: 60.0, through: 400, by: 17) {
            let b = LineBreaker(font: Self.font, size: 11)
            let lines = b.lines(text, width: width)
            #expect(lines.joined(separator: " ") == text)
            for l in lines { #expect(Self.font.width(of: l, size: 11) <= width || !l.contains(" ")) }
            // Greedy: the next line's first word would not have fitted.
            for (a, next) in zip(lines, lines.dropFirst()) {
                let word = next.split(separator: " ").first.map(String.init) ?? ""
                #expect(Self.font.width(of: a + " " + word, size: 11) > width)
            }
        }
    }
}
