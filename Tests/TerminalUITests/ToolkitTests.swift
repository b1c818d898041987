import Testing
@testable import TerminalUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("Đ", 1), ("ệ", 1), ("\u{0303}", 0), ("中", 2), ("😀", 2), ("\u{7}", 0), ("ｱ", 1), ("Ａ", 2)
    ])
    func characterWidths(_ text: String, _ width: Int) {
        #expect(TextWidth.width(of: Character(text)) == width)
    }

    /// The fast per-scalar width agrees with the per-grapheme one, decomposed marks, ZWJ emoji and flags
    /// included.
    @Test(arguments: [
        "Nguyễn Văn Đức", "Nguye\u{0302}\u{0303}n", "👨\u{200D}👩\u{200D}👧", "🇻🇳", "中文 ｱ", "a\u{200B}b",
        "e\u{0301}\u{0323}", "Ủy ban", "\u{7}x", "한국어", "☕︎ ✅", "Nguyễn Thị Lan 👍🏽👍🏽👍🏽", "Somchai สมชาย กำแพงเพชร",
        String(repeating: "कामा", count: 25), "कि", "中ำ", "\u{1100}\u{1100}\u{1161}", "👍🏽", " \u{0301}Lan"
    ])
    func textWidthPerScalarEqualsPerGrapheme(_ text: String) {
        #expect(TextWidth.width(of: text) == TextWidth.graphemeWidth(text))
    }

    /// Cutting and padding measure graphemes, the width sums scalars: they agree, so a cell is always exactly
    /// as wide as asked (a skin-toned emoji, a Thai or Hindi name used to make the padding negative, which
    /// stopped the program when such a case was on the desk list).
    @Test(arguments: [
        "Nguyễn Thị Lan 👍🏽👍🏽👍🏽", "Somchai สมชาย กำแพงเพชร", String(repeating: "कामा", count: 25), "中ำ中ำ",
        "\u{1100}\u{1100}\u{1161}x", "👨\u{200D}👩\u{200D}👧 🇻🇳 Lan"
    ])
    func cutAndPaddedTextIsExactlyAsWide(_ text: String) {
        for columns in 1...30 {
            #expect(TextWidth.width(of: TextWidth.fit(text, columns)) == columns, "\(columns)")
            #expect(TextWidth.width(of: TextWidth.fit(text, columns, ellipsis: false)) == columns, "\(columns)")
            #expect(TextWidth.width(of: TextWidth.prefix(text, fitting: columns)) <= columns, "\(columns)")
            #expect(
                TextWidth.wrap(text, columns).allSatisfy { TextWidth.width(of: $0) <= columns || $0.count == 1 },
                "\(columns)")
        }
        // As ncurses advances: each scalar its wcwidth.
        #expect(TextWidth.width(of: Character("กำ")) == 2 && TextWidth.width(of: Character("👍🏽")) == 4)
        #expect(TextWidth.width(of: Character("🇻🇳")) == 2 && TextWidth.width(of: Character("श्री")) == 3)
    }

    @Test func wrapKeepsIndentationAndBreaksAtSpaces() {
        #expect(TextWidth.wrap("  ab cd ef", 6) == ["  ab", "cd ef"], "the indentation of a wrapped line stays")
        #expect(TextWidth.wrap("  ab", 6) == ["  ab"], "the same when it fits")
        #expect(TextWidth.wrap("Nguyễn Văn Đức", 8) == ["Nguyễn", "Văn Đức"])
        #expect(TextWidth.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"], "a word longer than the line is cut")
        #expect(TextWidth.wrap("a\nb", 10) == ["a", "b"])
    }

    @Test func stringsAndFitting() {
        #expect(TextWidth.width(of: "Nguyễn Thị Hoa") == 14)
        #expect(TextWidth.width(of: "Nguye\u{0302}\u{0303}n") == 6, "decomposed marks take no cell")
        #expect(TextWidth.fit("Đặng Văn Đức", 8) == "Đặng Vă…")
        #expect(TextWidth.fit("Hòa", 6) == "Hòa   ")
        #expect(TextWidth.fit("中文字", 5) == "中文… ".prefix(4) + " " || TextWidth.width(of: TextWidth.fit("中文字", 5)) == 5)
        #expect(TextWidth.rightAligned("12", 5) == "   12")
        #expect(
            TextWidth.wrap("Tiếp nhận hồ sơ và hẹn trả kết quả", 12) == ["Tiếp nhận hồ", "sơ và hẹn", "trả kết quả"])
    }

    @Test func nfcMakesPastedTextEqualToTyped() {
        let pasted = "Ho\u{0300}a Thu\u{0309}y"
        #expect(Array(Normalization.nfc(pasted).unicodeScalars) == Array("Hòa Thủy".unicodeScalars))
    }
}

@Suite struct FrameTests {
    /// A grapheme takes as many cells as ncurses will advance over it (a Hindi conjunct three, an emoji with a
    /// skin tone four): the frame reserves them all, and overwriting any of them leaves the others blank, so
    /// nothing stale stays on the screen and the columns after it line up.
    @Test func graphemesWiderThanTwoCells() {
        var f = Frame(size: Size(columns: 12, rows: 1))
        #expect(f.put("aश्रीb👍🏽c", row: 0, column: 0) == 10)
        #expect(f.line(0) == "aश्रीb👍🏽c  ")
        #expect(f[0, 2].isContinuation && f[0, 3].isContinuation && !f[0, 4].isContinuation)
        #expect((6...8).allSatisfy { f[0, $0].isContinuation } && f[0, 9].character == "c")
        f.put("x", row: 0, column: 7)  // the middle of the emoji
        #expect(f.line(0) == "aश्रीb  x c  ")
        #expect(!f[0, 5].isContinuation && f[0, 6].character == " " && !f[0, 8].isContinuation)
        var z = Frame(size: Size(columns: 6, rows: 1))
        z.put("Lan\u{200B}Anh", row: 0, column: 0)  // a zero-width space pasted with a name
        #expect(z.line(0) == "LanAnh")
        var g = Frame(size: Size(columns: 4, rows: 1))
        g.put("a👍🏽", row: 0, column: 0)  // does not fit: spaces to the edge
        #expect(g.line(0) == "a   ")
        let changes = f.changes(from: Frame(size: Size(columns: 12, rows: 1)))
        #expect(changes.allSatisfy { !f[0, $0.column].isContinuation }, "a run never starts inside a character")
    }

    @Test func putClipsAndHandlesWideCharacters() {
        var f = Frame(size: Size(columns: 10, rows: 2))
        let end = f.put("Hòa 中文", row: 0, column: 0)
        #expect(end == 8)
        #expect(f.line(0) == "Hòa 中文  ")
        #expect(f[0, 5].isContinuation)
        f.put("xyz", row: 0, column: 5)  // overwrites the right half of 中
        #expect(f.line(0).hasPrefix("Hòa  xyz"))
        f.put("ĐẶNG VĂN ĐỨC", row: 1, column: 0, maxWidth: 6)
        #expect(f.line(1) == "ĐẶNG V    ")
    }

    @Test func diffReportsOnlyChangedRuns() {
        var a = Frame(size: Size(columns: 20, rows: 3))
        a.put("Bàn làm việc", row: 0, column: 0)
        var b = a
        b.put("Quá 2 ngày", row: 2, column: 5, style: .overdue)
        let runs = b.changes(from: a)
        #expect(runs.count == 1)
        #expect(runs[0].row == 2 && runs[0].column == 5 && runs[0].cells.count == 10)
        #expect(a.changes(from: a).isEmpty)
        #expect(b.changes(from: nil).count == 3, "first draw: every row")
        var c = b
        c.put("中", row: 1, column: 3)
        let wide = c.changes(from: b)
        #expect(wide.count == 1 && wide[0].column == 3 && wide[0].cells.count == 2, "a wide character is drawn whole")
    }

    @Test func textDumpMarksTheCursor() {
        var f = Frame(size: Size(columns: 12, rows: 2))
        f.put("Mã hồ sơ:", row: 0, column: 0)
        f.cursor = (0, 10)
        #expect(f.text == "Mã hồ sơ:\n\n[con trỏ: dòng 1, cột 11]\n")
    }

    @Test func boxUsesLineCharacters() {
        var f = Frame(size: Size(columns: 12, rows: 3))
        f.box(f.bounds, title: "Ô")
        #expect(f.line(0) == "┌─ Ô ──────┐")
        #expect(f.line(2) == "└──────────┘")
    }
}

@Suite struct LineEditorTests {
    func edit(_ keys: [Key], start: String = "", mask: FieldMask = .text, im: VietnameseInputMethod? = nil)
        -> LineEditor
    {
        var e = LineEditor(start, mask: mask)
        for k in keys { _ = e.handle(k, inputMethod: im) }
        return e
    }
    func chars(_ s: String) -> [Key] { s.map { Key.character($0) } }

    @Test func editingKeys() {
        var e = LineEditor("Lê Văn Tám")
        _ = e.handle(.home)
        _ = e.handle(.delete)
        #expect(e.text == "ê Văn Tám")
        _ = e.handle(.end)
        _ = e.handle(.backspace)
        #expect(e.text == "ê Văn Tá")
        _ = e.handle(.wordLeft)
        #expect(e.cursor == 6)
        _ = e.handle(.control("w"))
        #expect(e.text == "ê Tá")
        _ = e.handle(.control("u"))
        #expect(e.text.isEmpty)
    }

    @Test func cursorMovesByGrapheme() {
        var e = LineEditor("Hòa")
        _ = e.handle(.left)
        _ = e.handle(.backspace)
        #expect(e.text == "Ha", "ò is one grapheme, deleted whole")
        var d = LineEditor()
        d.insert("Ho\u{0300}a")  // decomposed paste
        #expect(d.characters.count == 3)
        #expect(Array(d.text.unicodeScalars) == Array("Hòa".unicodeScalars))
    }

    @Test func telexThroughTheEditor() {
        let im = VietnameseInputMethod(kind: .telex, toneStyle: .traditional)
        #expect(edit(chars("Nguyeenx Thij Hoaf"), im: im).text == "Nguyễn Thị Hòa")
        #expect(edit(chars("DDawngj Vaawn DDuwcs"), im: im).text == "Đặng Văn Đức")
        #expect(edit(chars("Nguyeenx"), im: nil).text == "Nguyeenx", "EN: letters as typed")
        // A letter that arrived already Vietnamese (an OS input method) is not converted again.
        #expect(edit(chars("Đức"), im: im).text == "Đức")
    }

    @Test func dateMask() {
        #expect(edit(chars("24112026"), mask: .date).text == "24/11/2026")
        #expect(edit(chars("24/11/2026"), mask: .date).text == "24/11/2026")
        #expect(edit(chars("2a4-11x"), mask: .date).text == "24/11")
        #expect(edit(chars("2411202699"), mask: .date).text == "24/11/2026", "length limit")
        #expect(edit(chars("2411") + [.backspace], mask: .date).text == "24/1")
        #expect(
            edit(chars("2411") + [.backspace, .backspace], mask: .date).text == "24", "the slash goes with its digit")
    }

    @Test func timeMoneyDigitsSecret() {
        #expect(edit(chars("0930"), mask: .time).text == "09:30")
        let money = edit(chars("1500000"), mask: .money)
        #expect(money.text == "1500000")
        #expect(money.displayText == "1.500.000")
        #expect(edit(chars("0912 345-678"), mask: .digits).text == "0912345678")
        let secret = edit(chars("mật khẩu"), mask: .secret, im: VietnameseInputMethod())
        #expect(secret.displayText == "••••••••")
        #expect(secret.text == "mật khẩu")
    }

    @Test func codeMaskKeepsIdentifiersPlain() {
        let telex = VietnameseInputMethod(kind: .telex, toneStyle: .traditional)
        #expect(edit(chars("c1234567"), mask: .code, im: telex).text == "C1234567", "upper-cased, no Telex")
        #expect(
            edit(chars("aas 12-b/3.x"), mask: .code, im: telex).text == "AAS12-B/3.X", "spaces and other signs dropped")
        #expect(edit(chars("đ1ệ"), mask: .code).text == "1", "only ASCII")
        #expect(LineEditor("b 123 ă", mask: .code).text == "B123")
    }

    @Test func horizontalScrollKeepsTheCursorVisible() {
        var e = LineEditor("Thôn Phú Mỹ, xã Tân Phú, tỉnh Đồng Nai")
        let (visible, column) = e.layout(width: 12)
        #expect(column == 11)
        #expect(visible == "nh Đồng Nai", "11 cells before the cursor, 1 for the cursor")
        _ = e.handle(.home)
        let atStart = e.layout(width: 12)
        #expect(atStart.cursorColumn == 0)
        #expect(atStart.visible == "Thôn Phú Mỹ,")
    }
}

@Suite struct EscapeCombinerTests {
    @Test func escDigitIsAFunctionKey() {
        var c = EscapeCombiner()
        #expect(c.feed(.escape, at: 0).isEmpty)
        #expect(c.feed(.character("2"), at: 5) == [.function(2)])
        #expect(c.feed(.escape, at: 100).isEmpty)
        #expect(c.feed(.character("0"), at: 101) == [.function(10)])
    }

    @Test func escAloneActsAfterTheWindow() {
        var c = EscapeCombiner(windowMilliseconds: 40)
        #expect(c.feed(.escape, at: 0).isEmpty)
        #expect(c.flush(at: 20).isEmpty)
        #expect(c.flush(at: 41) == [.escape])
        #expect(c.feed(.escape, at: 100).isEmpty)
        #expect(c.feed(.character("2"), at: 300) == [.escape, .character("2")], "too late: two keys")
        #expect(c.feed(.escape, at: 400).isEmpty)
        #expect(c.feed(.character("x"), at: 401) == [.alt("x")])
        #expect(c.feed(.escape, at: 500).isEmpty)
        #expect(c.feed(.up, at: 501) == [.escape, .up])
    }
}

@Suite struct KeyMapTests {
    let help = Command(id: CommandID("help"), title: "Trợ giúp", help: "xem phím")
    let save = Command(id: CommandID("save"), title: "Lưu", help: "lưu")
    let back = Command(id: CommandID("back"), title: "Quay lại", help: "quay lại")

    @Test func screenBindingsOverGlobal() {
        let global = KeyMap([KeyBinding([.function(1)], help), KeyBinding([.escape], back, inBar: false)])
        let screen = KeyMap([KeyBinding([.function(10), .control("s")], save)])
        let map = screen.over(global)
        #expect(map.command(for: .control("s"))?.id == CommandID("save"))
        #expect(map.command(for: .function(1))?.id == CommandID("help"))
        #expect(map.command(for: .character("s")) == nil, "letters never trigger commands")
        #expect(map.barItems().map(\.key) == ["F10/Ctrl-S", "F1"])
        #expect(map.helpLines().count == 3)
        // Ten fixed slots (Midnight Commander's layout): F1 in the first, F10 in the last, blanks between.
        var frame = Frame(size: Size(columns: 80, rows: 1))
        KeyBar.render(map, into: &frame, row: 0)
        #expect(
            frame.line(0).trimmingSpaces
                == "1Trợ giú2       3       4       5       6       7       8       9       10Lưu")
        #expect(frame[0, 0].style == .keyName && frame[0, 1].style == .keyLabel && frame[0, 72].style == .keyName)
        // Wider: whole labels, and the other bar commands after the slots.
        let quit = Command(id: CommandID("quit"), title: "Thoát", help: "thoát")
        var wide = Frame(size: Size(columns: 160, rows: 1))
        KeyBar.render(KeyMap([KeyBinding([.control("q")], quit)]).over(map), into: &wide, row: 0)
        #expect(wide.line(0).trimmingSpaces.hasPrefix("1Trợ giúp   2"), "\(wide.line(0))")
        #expect(wide.line(0).trimmingSpaces.hasSuffix("10Lưu        Ctrl-Q Thoát"), "\(wide.line(0))")
        // A key that cannot act now keeps its slot, dimmed.
        let dimmed = KeyMap([KeyBinding([.function(5)], save, unavailable: "chưa được")])
        var f = Frame(size: Size(columns: 80, rows: 1))
        KeyBar.render(dimmed, into: &f, row: 0)
        #expect(f.line(0).contains("5Lưu") && f[0, 33].style == .keyDisabled)
    }
}

@Suite struct WidgetTests {
    @Test func formCannotLeaveAnInvalidField() {
        var form = Form([
            Field(id: FieldID("id"), label: "Số căn cước", mask: .digits, required: true) {
                $0.count == 12 ? nil : "cần đúng 12 chữ số"
            },
            Field(id: FieldID("name"), label: "Họ tên", required: true)
        ])
        #expect(form.handle(.tab, inputMethod: nil) == .invalid("Số căn cước: bắt buộc phải nhập"))
        for c in "123" { _ = form.handle(.character(c), inputMethod: nil) }
        #expect(form.handle(.tab, inputMethod: nil) == .invalid("Số căn cước: cần đúng 12 chữ số"))
        #expect(form.focus == 0)
        for c in "456789012" { _ = form.handle(.character(c), inputMethod: nil) }
        #expect(form.handle(.tab, inputMethod: nil) == .moved)
        #expect(form.focus == 1)
        #expect(form.handle(.enter, inputMethod: nil) == .invalid("Họ tên: bắt buộc phải nhập"))
        _ = form.handle(.character("A"), inputMethod: nil)
        #expect(form.handle(.enter, inputMethod: nil) == .completed)
        #expect(form.checkAll() == nil)
        #expect(form.hasTypedData)
    }

    @Test func formMarksRequiredFieldsAndPlacesTheCursor() {
        let form = Form([Field(id: FieldID("a"), label: "Họ tên", text: "Hoa", required: true)])
        var frame = Frame(size: Size(columns: 40, rows: 2))
        form.render(into: &frame, rect: Rect(row: 0, column: 0, width: 40, height: 1), labelWidth: 12)
        #expect(frame.line(0).hasPrefix("Họ tên *:    Hoa"))
        #expect(frame.cursor?.row == 0 && frame.cursor?.column == 16)
    }

    @Test func listFiltersAsYouType() {
        var list = ListView(
            rows: [
                ListRow(id: "1", columns: ["Đăng ký khai sinh"], filterText: "dang ky khai sinh"),
                ListRow(id: "2", columns: ["Đăng ký kết hôn"], filterText: "dang ky ket hon"),
                ListRow(id: "3", columns: ["Chứng thực chữ ký"], filterText: "chung thuc chu ky")
            ], widths: [0])
        for c in "ket" { _ = list.handle(.character(c)) }
        #expect(list.visible.count == 1)
        #expect(list.selectedRow?.id == "2")
        _ = list.handle(.control("u"))
        #expect(list.visible.count == 3)
        _ = list.handle(.end)
        #expect(list.selectedRow?.id == "3")
        #expect(list.firstVisible(height: 2) == 1)
    }

    @Test func dialogsReturnTypedAnswers() {
        var d = Dialog(title: "Thoát", lines: ["Thoát chương trình?"])
        #expect(d.handle(.enter) == .no, "No is the default")
        #expect(d.handle(.character("c")) == .yes)
        #expect(d.handle(.escape) == .no)
        _ = d.handle(.left)
        #expect(d.handle(.enter) == .yes)
        var m = Dialog(title: "Lỗi", lines: ["Ổ đĩa đã đầy"], kind: .message)
        #expect(m.handle(.enter) == .yes)
    }

    @Test func textViewerScrolls() {
        var v = TextViewer(lines: (1...50).map { "Dòng \($0)" })
        _ = v.handle(.pageDown, height: 10)
        #expect(v.top == 9)
        _ = v.handle(.end, height: 10)
        #expect(v.top == 40)
        #expect(v.position(height: 10) == "Dòng 41–50/50")
    }
}
