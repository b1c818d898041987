import MotCuaApp
import MotCuaCore
import MotCuaStore
import MotCuaTesting
import NcursesTerminal
import TerminalUI
import Testing

@Suite struct ShellTests {
    @Test func firstRunCreatesTheAdministratorThenLogsIn() throws {
        let ws = try TestWorkspace(officers: [], unit: nil)
        let d = ScreenDriver(app: try ws.application())
        #expect(d.shows("Thiết lập lần đầu") || d.shows("Tài khoản quản trị"))
        d.type("quantri\tNguyeenx Quanr Trij\tmatkhau1\tmatkhau2\t")
        d.type("Xax Taan Phus\tUYR BAN NHAAN DAAN XAX TAAN PHUS\t\t000.00.15.H42\tTirnh DDoongf Nai\tTaan Phus")
        d.press(.function(10))
        #expect(d.shows("Hai lần nhập mật khẩu không giống nhau"))
        d.press(.control("u"))
        d.type("matkhau1")
        d.press(.function(10))
        #expect(d.shows("Đăng nhập"))
        #expect(d.shows("Hãy đăng nhập"))
        let unit = try ws.store.unitProfile()
        #expect(unit.name == "Xã Tân Phú")
        #expect(
            unit.governingBody == "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "traditional tone placement, as in official documents")
        #expect(unit.province == "Tỉnh Đồng Nai")
        #expect(!unit.isExample)
        #expect(try ws.store.officer(username: "quantri")?.fullName == "Nguyễn Quản Trị")
        d.type("quantri\tmatkhau1\n")
        #expect(d.shows("Bàn làm việc"))
        #expect(d.app.officer?.username == "quantri")
    }

    @Test func loginRefusesWrongPasswordsWithoutSayingWhichPartIsWrong() throws {
        let ws = try TestWorkspace()
        let d = ScreenDriver(app: try ws.application())
        d.type("tiepnhan\tsai-mat-khau\n")
        #expect(d.shows("Tên đăng nhập hoặc mật khẩu không đúng"))
        #expect(d.app.officer == nil)
        // The password field is cleared and focused; going back to the username is possible.
        d.press(.backTab)
        d.press(.control("u"))
        d.type("tiepnhan\tmat-khau-tn\n")
        #expect(d.shows("Bàn làm việc"), "\(d.text)")
    }

    @Test func homeShowsCountsAndCasesByRemainingTime() throws {
        let ws = try TestWorkspace(now: "2026-11-20 09:00")
        try ws.register("Đặng Văn Đức", procedure: "1.004873", at: "2026-11-17 10:00")  // due 20/11 10:00: today
        try ws.register("Nguyễn Thị Hoa", procedure: "XA.CT.02", at: "2026-11-19 16:00")  // due 20/11 17:00
        try ws.register("Trần Văn Ba", procedure: "1.004222", at: "2026-11-20 08:00")  // 7 working days
        try ws.register("Lê Thị Bốn", procedure: "XA.CT.02", at: "2026-11-18 10:00")  // due 18/11 17:00: overdue
        let d = try loggedIn(ws)
        #expect(d.shows("Nhận hôm nay: 1"))
        #expect(d.shows("Quá hạn: 1"))
        let lines = d.text.split(separator: "\n").map(String.init)
        let order = ["Lê Thị Bốn", "Đặng Văn Đức", "Nguyễn Thị Hoa", "Trần Văn Ba"].map { name in
            lines.firstIndex { $0.contains(name) } ?? -1
        }
        #expect(order == order.sorted() && !order.contains(-1), "sorted by remaining time: \(order)")
        // Due Wednesday 17:00; now Friday 09:00: Thursday (8 h) and 1 h 30 min on Friday.
        #expect(lines.contains { $0.contains("Lê Thị Bốn") && $0.contains("Quá 1 ngày 1 giờ") }, "\(d.text)")
        #expect(lines.contains { $0.contains("Đặng Văn Đức") && $0.contains("Còn 1 giờ") })
    }

    @Test func globalKeysHelpMenuAndQuit() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws)
        d.press(.function(1))
        #expect(d.shows("Trợ giúp — Bàn làm việc"))
        #expect(d.shows("F2              Tiếp nhận"))
        d.press(.escape)
        #expect(!d.shows("Trợ giúp — Bàn làm việc"))
        d.press(.function(9))
        #expect(d.shows("Menu — mọi chức năng"))
        d.press(.escape)
        d.press(.control("t"))
        #expect(d.frame.line(0).hasSuffix("│ EN "))
        d.press(.control("t"))
        #expect(d.frame.line(0).hasSuffix("│ VI "))
        d.press(.control("q"))
        #expect(d.shows("Thoát chương trình motcua?"))
        d.press(.character("k"))
        #expect(!d.app.quitRequested)
        d.press(.control("q"), .character("c"))
        #expect(d.app.quitRequested)
    }

    /// A key that cannot act here says so at once (ui.md), on the home screen, the case view and the
    /// reception form alike; a key that acts says nothing of the kind.
    @Test func keysThatDoNothingHereSaySo() throws {
        let ws = try TestWorkspace()
        let c = try ws.register("Lê Văn Tám", procedure: "1.004873", at: "2026-11-20 08:00")
        let d = try loggedIn(ws)
        for key in [Key.function(4), .function(10), .function(11), .function(12), .control("e"), .control("g")] {
            d.press(key)
            #expect(d.shows("\(key.name)") && d.shows("không dùng được ở màn hình này"), "\(key.name): \(d.text)")
        }
        // Enter and Esc are never reported, nor Ctrl editing keys in a form's field.
        d.press(.escape)
        #expect(!d.shows("không dùng được"), "Esc: \(d.text)")
        d.press(.function(2))
        d.press(.control("a"))
        #expect(!d.shows("không dùng được"), "Ctrl-A in a field: \(d.text)")
        d.press(.escape)
        if d.shows("Bỏ hồ sơ đang nhập?") { d.press(.character("c")) }
        d.press(.function(3))
        #expect(!d.shows("không dùng được"), "\(d.text)")
        d.type(c.code + "\n")
        #expect(d.shows("Mã hồ sơ: \(c.code)"), "\(d.text)")
        d.press(.function(11))
        #expect(d.shows("F11: không dùng được ở màn hình này"), "\(d.text)")
        d.press(.escape, .escape)
        d.press(.function(2))
        d.press(.function(12))
        #expect(d.shows("F12: không dùng được ở màn hình này"), "\(d.text)")
    }

    @Test func resizeKeepsTypedData() throws {
        let ws = try TestWorkspace()
        let d = ScreenDriver(app: try ws.application())
        d.type("tiepnhan")
        d.resize(60, 20)
        #expect(d.shows("Cửa sổ quá nhỏ: 60×20"))
        d.type("xyz")  // ignored while too small
        d.resize(80, 24)
        #expect(d.shows("Tên đăng nhập *: tiepnhan"), "\(d.text)")
        #expect(!d.shows("xyz"))
    }

    @Test func idleLockKeepsTheScreenUnderneath() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws)
        ws.now = ws.now.adding(minutes: 11)
        d.tick()
        #expect(d.shows("Màn hình đã khóa"))
        d.type("sai\n")
        #expect(d.shows("Mật khẩu không đúng"))
        d.type("mat-khau-tn\n")
        #expect(d.shows("Bàn làm việc"))
        #expect(!d.shows("Màn hình đã khóa"))
    }

    @Test func commandsWithoutAScreenAreDisabledNotFaked() throws {
        let ws = try TestWorkspace()
        // Every global command has its screen now; an application without them shows how a missing one behaves.
        let d = ScreenDriver(app: try ws.application(catalog: ScreenCatalog()))
        d.type("tiepnhan\tmat-khau-tn\n")
        #expect(d.shows("Bàn làm việc"))
        d.press(.function(7))
        #expect(d.shows("Báo cáo: chức năng này chưa có trong phiên bản này"))
        d.press(.function(9))
        #expect(d.shows("(chưa có)"))
    }

    @Test func escDigitIsAnFKeyInTheFakeTerminalPath() {
        var combiner = EscapeCombiner()
        _ = combiner.feed(.escape, at: 0)
        #expect(combiner.feed(.character("1"), at: 2) == [.function(1)])
    }

    /// Our width table agrees with the C library's wcwidth (C.UTF-8) on the characters motcua meets.
    @Test func widthTableMatchesWcwidth() {
        #expect(NcursesTerminal.prepareLocale())
        var ranges: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x1E00...0x1EFF, 0x2000...0x206F,
            0x2500...0x257F, 0x3000...0x303F, 0x4E00...0x4FFF, 0xAC00...0xAD00, 0xFF00...0xFF60
        ]
        ranges.append(0x1F600...0x1F64F)
        var mismatches: [String] = []
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let system = NcursesTerminal.systemWidth(scalar)
                guard system >= 0 else { continue }  // not printable in this locale
                if TextWidth.width(of: scalar) != system { mismatches.append(String(v, radix: 16)) }
            }
        }
        #expect(mismatches.isEmpty, "differs from wcwidth at U+\(mismatches.prefix(10).joined(separator: ", U+"))")
    }
}
