import MotCuaCore
import MotCuaDocuments
import MotCuaStore

extension Application {
    /// Performs the account requests: the administrators' officers screen and everyone's own password.
    /// The role is checked here as well as in the menu, so no screen can reach past it.
    func performAdminRequest(_ request: Request) throws -> Response? {
        switch request {
        case .loadOfficers:
            guard isAdministrator else { return refusedToNonAdministrator }
            return .officers(try env.store.officers().filter { $0.username != Officer.commandLineUsername },
                             bodies: try env.store.bodies().filter { $0.isInternal && $0.isActive })
        case .createOfficer(let draft):
            guard isAdministrator else { return refusedToNonAdministrator }
            if draft.role == .departmentOfficer && draft.bodyCode == nil {
                return .failed("Công chức chuyên môn cần một cơ quan")
            }
            let created = try env.store.createOfficer(username: draft.username, fullName: draft.fullName, role: draft.role,
                                                      bodyCode: draft.role == .departmentOfficer ? draft.bodyCode : nil,
                                                      password: draft.password)
            env.log?.write("officer created: \(created.username) (\(created.role.rawValue)) by \(officerName)")
            return .done("Đã tạo tài khoản \(created.username) (\(created.role.vietnameseName))")
        case let .resetPassword(username, password):
            guard isAdministrator else { return refusedToNonAdministrator }
            try env.store.setPassword(username: username, password: password)
            env.log?.write("password reset: \(username) by \(officerName)")
            return .done("Đã đặt mật khẩu mới cho \(username)")
        case let .setOfficerActive(username, active):
            guard isAdministrator else { return refusedToNonAdministrator }
            if !active && username == officer?.username {
                return .failed("Không tự khóa tài khoản đang đăng nhập")
            }
            try env.store.setOfficerActive(username: username, active: active)
            env.log?.write("officer \(active ? "unlocked" : "locked"): \(username) by \(officerName)")
            return .done(active ? "Đã mở lại tài khoản \(username)" : "Đã khóa tài khoản \(username)")
        case let .changeOwnPassword(current, new):
            guard let me = officer else { return .failed("Chưa đăng nhập") }
            guard try env.store.authenticate(username: me.username, password: current) != nil else {
                env.log?.write("own password change refused: \(me.username)")
                return .failed("Mật khẩu hiện tại không đúng")
            }
            try env.store.setPassword(username: me.username, password: new)
            env.log?.write("own password changed: \(me.username)")
            return .done("Đã đổi mật khẩu")
        case .loadSettings(let keys):
            guard isAdministrator else { return refusedToNonAdministrator }
            var values: [SettingValue] = []
            for key in keys {
                guard let definition = SettingDefinition.named(key) else { continue }
                values.append(SettingValue(key: key, meaning: definition.meaning, value: try env.store.settingValue(definition)))
            }
            return .settings(values)
        case .saveSettings(let values):
            guard isAdministrator else { return refusedToNonAdministrator }
            // All or none; then the running program follows what is stored (the next print, the next idle check).
            defer { refreshSettings() }
            try env.store.changeSettings(values.map { ($0.key, $0.value) })
            env.log?.write("settings changed: \(values.map(\.key).joined(separator: ", ")) by \(officerName)")
            return .done("Đã lưu thiết lập")
        case .testPrint:
            guard isAdministrator else { return refusedToNonAdministrator }
            refreshSettings()
            let now = env.clock()
            let counter = try env.store.unitProfile().counterName
            let page = """
                TRANG IN THỬ — motcua
                \(counter)
                In lúc \(now.time.text) ngày \(now.date.vietnamese)
                Máy in: \(env.printer.settings.destination.isEmpty ? "mặc định" : env.printer.settings.destination)

                Chữ tiếng Việt phải in đúng dấu:
                ẮẰẲẴẶ ắằẳẵặ ẤẦẨẪẬ ấầẩẫậ ĐđƠơƯư
                Nguyễn Thị Hồng Nhung — Ủy ban nhân dân xã

                """
            let outcome = env.printer.print(page, pageSize: .a5, title: "In thử")
            env.log?.write("test print: \(outcome.logText)")
            // Only paper counts here: "no spooler" is a failure of the test, not a saved copy.
            if case .printed = outcome { return .done(outcome.message) }
            return .failed(outcome.message)
        case .saveUnitProfile(var profile):
            guard isAdministrator else { return refusedToNonAdministrator }
            // The code is part of every case number: it may change only before the first case is registered.
            profile.isExample = false
            try env.store.saveUnitProfile(profile, keepingNumbering: true)
            unit = profile
            env.log?.write("unit profile changed by \(officerName)")
            return .done("Đã lưu thông tin đơn vị")
        default:
            return nil
        }
    }

    /// Read again from the store at each request: an administrator locked (or whose account changed) from
    /// another terminal loses the rights in a session already open.
    private var isAdministrator: Bool {
        guard let username = officer?.username, let current = try? env.store.officer(username: username) else { return false }
        return current.isActive && current.role == .administrator
    }
    /// The printer and idle-lock settings as stored now (another terminal may have changed them).
    func refreshSettings() {
        if let printer = try? PrinterSettings.stored(in: env.store) { env.printer.settings = printer }
        if let text = try? env.store.settingValue(SettingDefinition.named("idle_lock_minutes")!), let minutes = Int(text) {
            env.idleLockMinutes = minutes
        }
    }

    private var refusedToNonAdministrator: Response { .failed("Chỉ quản trị viên làm được việc này") }
}
