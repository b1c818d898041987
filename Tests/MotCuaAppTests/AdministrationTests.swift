@testable import MotCuaApp
import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing

/// F9 → Quản trị → Cán bộ, quyền (administrators): accounts added, passwords reset, accounts locked and
/// unlocked; everyone's own password change; the backup entry.
@Suite struct AdministrationTests {
    func adminAtTheOfficersScreen(_ ws: TestWorkspace) throws -> ScreenDriver {
        let d = try loggedIn(ws, as: "quantri", password: "mat-khau-qt")
        d.press(.function(9))
        d.type("can bo")  // typing filters the menu
        d.press(.enter)
        return d
    }

    @Test func officersAreListedAddedAndLocked() throws {
        let ws = try TestWorkspace()
        let d = try adminAtTheOfficersScreen(ws)
        #expect(
            d.shows("Cán bộ, quyền") && d.shows("tiepnhan") && d.shows("Lê Thị Tiếp")
                && d.shows("Công chức chuyên môn"),
            "\(d.text)")
        #expect(!d.shows("he-thong"), "the command line's account is not a person")
        expectGolden(d.frame, "officers-80x24")

        // A new department officer of the civil-status office.
        d.press(.control("n"))
        #expect(d.shows("Tài khoản mới"), "\(d.text)")
        d.type("Hoa")  // not a valid username: capital letter
        d.press(.tab)
        #expect(d.shows("chỉ gồm chữ thường"), "\(d.text)")
        d.press(.backTab)
        d.press(.control("u"))
        d.type("hoa.tp")
        d.press(.tab)
        d.type("Ddinh Thij Hoa")  // Telex in the name
        d.press(.tab)
        d.press(.right)  // Công chức chuyên môn
        d.press(.tab)
        let bodies = try ws.store.bodies().filter { $0.isInternal && $0.isActive }
        let tuphap = try #require(bodies.firstIndex { $0.code == "TUPHAP" })
        for _ in 0..<tuphap { d.press(.right) }
        d.press(.tab)
        d.type("mk-hoa-01")
        d.press(.tab)
        d.type("mk-hoa-02")
        d.press(.function(10))
        #expect(d.shows("Hai lần nhập mật khẩu không giống nhau"), "\(d.text)")
        #expect(d.shows("Đinh Thị Hoa"), "what was typed stays on the form")
        d.type("mk-hoa-01")
        d.press(.function(10))
        #expect(d.shows("Đã tạo tài khoản hoa.tp (Công chức chuyên môn)"), "\(d.text)")
        let hoa = try #require(try ws.store.officer(username: "hoa.tp"))
        #expect(hoa.fullName == "Đinh Thị Hoa" && hoa.role == .departmentOfficer && hoa.bodyCode == "TUPHAP")
        #expect(ws.canLogIn("hoa.tp", "mk-hoa-01"))

        // A username already taken: refused, the form kept.
        d.press(.control("n"))
        d.type("tiepnhan\tLê Văn Khác\t\t\tmatkhau1\tmatkhau1")
        d.press(.function(10))
        #expect(d.shows("Tên đăng nhập tiepnhan đã có") && d.shows("Tài khoản mới"), "\(d.text)")
        d.press(.escape)
        #expect(d.shows("Bỏ tài khoản đang nhập?"), "typed data is not dropped silently\n\(d.text)")
        d.press(.character("c"))

        // Locking the desk officer: asked first; the account can no longer log in.
        d.type("tiepnhan")
        d.press(.control("k"))
        #expect(d.shows("Khóa tài khoản?"), "\(d.text)")
        d.press(.character("c"))
        #expect(d.shows("Đã khóa tài khoản tiepnhan") && d.shows("Đã khóa"), "\(d.text)")
        #expect(!ws.canLogIn("tiepnhan", "mat-khau-tn"))
        d.press(.control("k"))  // unlocking needs no question
        #expect(d.shows("Đã mở lại tài khoản tiepnhan"), "\(d.text)")
        #expect(ws.canLogIn("tiepnhan", "mat-khau-tn"))
    }

    @Test func theAdministratorCannotLockThemselvesNorTheLastAdministrator() throws {
        let ws = try TestWorkspace()
        let d = try adminAtTheOfficersScreen(ws)
        d.type("quantri")
        d.press(.control("k"))
        d.press(.character("c"))
        #expect(d.shows("Không tự khóa tài khoản đang đăng nhập"), "\(d.text)")
        #expect(ws.canLogIn("quantri", "mat-khau-qt"))
        #expect(throws: Refusal.lastAdministrator(username: "quantri")) {
            try ws.store.setOfficerActive(username: "quantri", active: false)
        }
        // With a second administrator, either may be locked — by the other.
        try ws.store.createOfficer(
            username: "quantri2", fullName: "Hà Văn Hai", role: .administrator, password: "mat-khau-qt2")
        d.press(.control("r"))
        d.press(.control("u"))
        d.type("quantri2")
        d.press(.control("k"))
        d.press(.character("c"))
        #expect(d.shows("Đã khóa tài khoản quantri2"), "\(d.text)")
        // The command line's account is neither given a password nor locked.
        let admin = try ws.actor("quantri")
        #expect(throws: DeskError.refused(.commandLineAccountFixed)) {
            try ws.desk().resetPassword(username: Officer.commandLineUsername, password: "abcdef", by: admin)
        }
        #expect(throws: DeskError.refused(.commandLineAccountFixed)) {
            try ws.desk().setOfficerActive(username: Officer.commandLineUsername, active: false, by: admin)
        }
    }

    @Test func anAdministratorLockedElsewhereLosesTheRightsAtOnce() throws {
        let ws = try TestWorkspace()
        try ws.store.createOfficer(
            username: "quantri2", fullName: "Hà Văn Hai", role: .administrator, password: "mat-khau-qt2")
        let app = try ws.application()
        guard case .loggedIn = app.perform(.login(username: "quantri2", password: "mat-khau-qt2")) else {
            Issue.record("login failed")
            return
        }
        try ws.store.setOfficerActive(username: "quantri2", active: false)  // from another terminal
        guard case .failed(let message, _) = app.perform(.setOfficerActive(username: "quantri2", active: true)) else {
            Issue.record("a locked administrator unlocked themselves")
            return
        }
        #expect(message == "Không có cán bộ quantri2 đang hoạt động")
        #expect(try ws.store.officer(username: "quantri2")?.isActive == false)
    }

    @Test func aForgottenPasswordIsResetByTheAdministrator() throws {
        let ws = try TestWorkspace()
        let d = try adminAtTheOfficersScreen(ws)
        d.type("lanhdao")
        d.press(.control("p"))
        #expect(d.shows("Đặt mật khẩu cho lanhdao") && d.shows("Trần Văn Lãnh"), "\(d.text)")
        d.type("ngan")
        d.press(.tab)
        #expect(d.shows("ít nhất 6 ký tự"), "\(d.text)")
        d.press(.backTab, .control("u"))
        d.type("mat-khau-moi\tmat-khau-moi")
        #expect(
            !d.text.contains("mat-khau-moi") && d.shows("Nhập lại mật khẩu mới"), "a password is never shown\n\(d.text)"
        )
        d.press(.enter)
        #expect(d.shows("Đã đặt mật khẩu mới cho lanhdao"), "\(d.text)")
        #expect(ws.canLogIn("lanhdao", "mat-khau-moi"))
        #expect(!ws.canLogIn("lanhdao", "mat-khau-ld"))
    }

    @Test func everyoneChangesTheirOwnPassword() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws)
        d.press(.function(9))
        d.type("doi mat khau")
        d.press(.enter)
        #expect(d.shows("Đổi mật khẩu") && d.shows("Mật khẩu hiện tại"), "\(d.text)")
        d.type("sai-mat-khau\tmoi-123456\tmoi-123456\n")
        #expect(d.shows("Mật khẩu hiện tại không đúng"), "\(d.text)")
        #expect(ws.canLogIn("tiepnhan", "mat-khau-tn"), "unchanged")
        // Only the current password is typed again: the new one stays.
        d.type("mat-khau-tn")
        d.press(.function(10))
        #expect(d.shows("Đã đổi mật khẩu"), "\(d.text)")
        #expect(ws.canLogIn("tiepnhan", "moi-123456"))
    }

    @Test func administrationIsTheAdministrators() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws)
        d.press(.function(9))
        d.type("can bo")
        d.press(.enter)
        #expect(
            d.shows("Menu — mọi chức năng") && !d.shows("Tên đăng nhập"),
            "a desk officer's Enter on a disabled entry leaves the menu open\n\(d.text)")
        #expect(!d.shows("Ctrl-K"), "\(d.text)")
        // The request layer refuses too, whatever screen asks.
        let app = try ws.application()
        guard case .loggedIn = app.perform(.login(username: "tiepnhan", password: "mat-khau-tn")) else {
            Issue.record("login failed")
            return
        }
        let unitBefore = try ws.store.unitProfile()
        var changedUnit = unitBefore
        changedUnit.placeName = "Nơi khác"
        let requests: [Request] = [
            .loadOfficers,
            .createOfficer(
                OfficerDraft(
                    username: "moi", fullName: "Người Mới", role: .administrator, bodyCode: nil,
                    password: "mat-khau-moi")),
            .resetPassword(username: "quantri", password: "mat-khau-moi"),
            .setOfficerActive(username: "lanhdao", active: false),
            .loadSettings(keys: [.printerDestination]),
            .saveSettings([SettingValue(key: .printerDestination, meaning: "", value: "khac")]),
            .testPrint,
            .saveUnitProfile(changedUnit)
        ]
        for request in requests {
            guard case .failed(let message, _) = app.perform(request) else {
                Issue.record("a desk officer got through: \(request)")
                continue
            }
            #expect(message == "Chỉ quản trị viên làm được việc này", "\(request)")
        }
        #expect(try ws.store.officer(username: "moi") == nil)
        #expect(ws.canLogIn("quantri", "mat-khau-qt"))
        #expect(ws.canLogIn("lanhdao", "mat-khau-ld"))
        #expect(try ws.store.setting("printer_destination") == nil)
        #expect(try ws.store.unitProfile() == unitBefore)
    }

    @Test func backupFromTheMenu() throws {
        let ws = try TestWorkspace()
        let stick = try FileSystem.makeTemporaryDirectory(prefix: "motcua-usb")
        defer { FileSystem.removeTree(stick) }
        let d = try loggedIn(ws, as: "quantri", password: "mat-khau-qt")
        d.press(.function(9))
        d.type("sao luu")
        d.press(.enter)
        #expect(d.shows("Sao lưu cơ sở dữ liệu"), "\(d.text)")
        d.press(.control("u"))
        d.paste(stick)
        d.press(.function(10))
        #expect(d.shows("Đã sao lưu motcua-2026-11-20-0900.db ("), "\(d.text)")
        #expect(FileSystem.exists(stick + "/motcua-2026-11-20-0900.db"))
    }
}

/// F9 → Quản trị → Máy in: the printer settings, checked, saved, used at once by the next print.
@Suite struct PrinterSettingsScreenTests {
    @Test func printerSettingsAreCheckedSavedAndUsedAtOnce() throws {
        let ws = try TestWorkspace()
        // A fake lp that keeps its arguments.
        let bin = ws.directory + "/bin"
        try FileSystem.makeDirectories(bin)
        try FileSystem.writeAtomically(
            bin + "/lp",
            text:
                "#!/bin/sh\necho \"$@\" > \"\(ws.directory)/lp-args\"\n/bin/cat > \"\(ws.directory)/lp-input\"\necho 'request id is quay1-5 (1 file(s))'\n",
            mode: 0o755)
        let app = try ws.application()
        app.env.desk.spoolerEnvironment = ["PATH": bin]
        let d = ScreenDriver(app: app)
        d.type("quantri\tmat-khau-qt\n")
        d.press(.function(9))
        d.type("may in")
        d.press(.enter)
        #expect(d.shows("Tên máy in:") && d.shows("tên máy in CUPS (lp -d)"), "\(d.text)")
        expectGolden(d.frame, "printer-settings-80x24")
        d.type("Máy in/quầy 1")
        d.press(.function(10))
        #expect(d.shows("không có dấu cách, / hoặc #"), "\(d.text)")
        #expect(try ws.store.setting("printer_destination") == nil, "nothing written when a value is wrong")
        d.press(.control("u"))
        d.type("quay1")
        d.press(.tab)
        d.type("-o media=A5")
        d.press(.control("p"))
        #expect(d.shows("Hãy lưu (F10) trước khi in thử"), "\(d.text)")
        d.press(.function(10))
        #expect(d.shows("Đã lưu thiết lập"), "\(d.text)")
        #expect(try ws.store.setting("printer_destination") == "quay1")
        #expect(try ws.store.setting("printer_options") == "-o media=A5")
        d.press(.control("p"))
        let call = try FileSystem.readText(ws.directory + "/lp-args")
        #expect(
            call.contains("-d quay1") && call.contains("-o media=A5"), "the new settings, without a restart: \(call)")
        #expect(try documentText(ws.directory + "/lp-input").contains("ẮẰẲẴẶ"))
        #expect(d.shows("quay1-5"), "lp's answer is shown\n\(d.text)")
        d.press(.escape)
        #expect(!d.shows("Bỏ thay đổi?"), "everything was saved")
    }
}

/// F9 → Quản trị → Lịch nghỉ, giờ làm việc: the year's special days as the appointment engine sees them.
@Suite struct CalendarScreenTests {
    @Test func theYearsDaysOffAndMakeUpDays() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws, as: "quantri", password: "mat-khau-qt")
        d.press(.function(9))
        d.type("lich nghi")
        d.press(.enter)
        #expect(
            d.shows("năm 2026") && d.shows("Giờ làm việc: 07:30–11:30, 13:00–17:00; giờ chốt trả trong ngày: 15:00"),
            "\(d.text)")
        expectGolden(d.frame, "calendar-2026-80x24")
        let calendar = try ws.calendar()
        // Every special day of 2026 is listed, in the engine's own words (scroll to see them all).
        var seen = d.text
        for _ in 0..<30 { d.press(.down); seen += d.text }
        // (A long name wraps onto the second detail line: compared without spaces and line ends.)
        let packed = String(seen.filter { !$0.isWhitespace })
        for day in calendar.specialDays(of: 2026) {
            #expect(
                seen.contains(day.date.vietnamese) && packed.contains(String(day.name.filter { !$0.isWhitespace })),
                "\(day.date.iso) \(day.name)")
        }
        d.press(.right)
        #expect(d.shows("năm 2027"), "\(d.text)")
        let status = calendar.yearStatus(2027)
        #expect(d.shows("Chưa có lịch nghỉ chính thức") == (status == .default), "\(d.text)")
        for day in calendar.specialDays(of: 2027).prefix(3) { #expect(d.shows(day.date.vietnamese), "\(day.date.iso)") }
    }
}

/// F9 → Quản trị → Thông tin đơn vị: the names printed on forms; the code only before the first case.
@Suite struct UnitScreenTests {
    func open(_ ws: TestWorkspace) throws -> ScreenDriver {
        let d = try loggedIn(ws, as: "quantri", password: "mat-khau-qt")
        d.press(.function(9))
        d.type("thong tin don vi")
        d.press(.enter)
        return d
    }

    @Test func namesChangeAtOnceTheCodeOnlyBeforeTheFirstCase() throws {
        let ws = try TestWorkspace()
        let d = try open(ws)
        #expect(d.shows("Tên xã, phường") && d.shows("Xã Tân Phú") && d.shows("000.00.15.H42"), "\(d.text)")
        expectGolden(d.frame, "unit-80x24")
        d.press(.tab, .tab)  // Tên bộ phận một cửa
        d.press(.control("u"))
        d.type("Bộ phận một cửa xã Tân Phú")
        d.press(.function(10))
        #expect(d.shows("Đã lưu thông tin đơn vị"), "\(d.text)")
        #expect(try ws.store.unitProfile().counterName == "BỘ PHẬN MỘT CỬA XÃ TÂN PHÚ")
        #expect(d.text.hasPrefix(" BỘ PHẬN MỘT CỬA XÃ TÂN PHÚ"), "the title line follows at once\n\(d.text)")

        // Once a case carries the code, the code stays.
        try ws.register("Kha Văn Khánh", at: "2026-11-20 08:30")
        d.press(.function(9))
        d.type("thong tin don vi")
        d.press(.enter)
        d.press(.tab, .tab, .tab)  // Mã định danh
        d.press(.control("u"))
        d.type("000.00.15.H43")
        d.press(.function(10))
        #expect(d.shows("Đã có hồ sơ mang mã 000.00.15.H42: không đổi mã định danh ở đây"), "\(d.text)")
        #expect(try ws.store.unitProfile().unitCode == "000.00.15.H42")
        #expect(d.shows("Thông tin đơn vị (in trên phiếu)"), "the form stays for a correction\n\(d.text)")
    }

    @Test func theCodeOfANewDatabaseCanBeCorrected() throws {
        let ws = try TestWorkspace()
        let d = try open(ws)
        d.press(.tab, .tab, .tab)
        d.press(.control("u"))
        d.type("000.00.15.h43")
        d.press(.tab)
        #expect(d.shows("chỉ gồm chữ in hoa"), "\(d.text)")
        d.press(.backTab, .control("u"))
        d.type("000.00.15.H43")
        d.press(.function(10))
        #expect(d.shows("Đã lưu thông tin đơn vị"), "\(d.text)")
        #expect(try ws.store.unitProfile().unitCode == "000.00.15.H43")
    }
}
