import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore

extension Application {
    /// Performs the account and settings requests through the application layer, which checks the
    /// officer's rights (read again at each request) as well as the menu does.
    func performAdminRequest(_ request: Request) throws -> Response? {
        let desk = env.desk
        switch request {
        case .loadOfficers:
            let (officers, bodies) = try desk.officers(by: try actor)
            return .officers(officers, bodies: bodies)
        case .createOfficer(let draft):
            let created = try desk.createOfficer(
                username: draft.username, fullName: draft.fullName, role: draft.role,
                bodyCode: draft.bodyCode, password: draft.password, by: try actor)
            return .done("Đã tạo tài khoản \(created.username) (\(created.role.vietnameseName))")
        case let .resetPassword(username, password):
            try desk.resetPassword(username: username, password: password, by: try actor)
            return .done("Đã đặt mật khẩu mới cho \(username)")
        case let .setOfficerActive(username, active):
            try desk.setOfficerActive(username: username, active: active, by: try actor)
            return .done(active ? "Đã mở lại tài khoản \(username)" : "Đã khóa tài khoản \(username)")
        case let .changeOwnPassword(current, new):
            try desk.changeOwnPassword(current: current, new: new, by: try actor)
            return .done("Đã đổi mật khẩu")
        case .loadSettings(let keys):
            return .settings(try desk.settings(keys, by: try actor))
        case .saveSettings(let values):
            // All or none; then the running program follows what is stored (the next print, the next idle check).
            defer { refreshSettings() }
            try desk.changeSettings(values.map { ($0.key, $0.value) }, by: try actor)
            return .done("Đã lưu thiết lập")
        case .testPrint:
            refreshSettings()
            let outcome = try desk.testPrint(env.printer, by: try actor)
            // Only paper counts here: "no spooler" is a failure of the test, not a saved copy.
            if case .printed = outcome { return .done(outcome.message) }
            return .failed(outcome.message)
        case .saveUnitProfile(let profile):
            unit = try desk.saveUnitProfile(profile, by: try actor)
            return .done("Đã lưu thông tin đơn vị")
        default:
            return nil
        }
    }

    /// The printer and idle-lock settings as stored now (another terminal may have changed them).
    func refreshSettings() {
        if let printer = try? PrinterSettings.stored(in: env.store) { env.printer = printer }
        if let text = try? env.store.settingValue(.idleLockMinutes), let minutes = Int(text) {
            env.idleLockMinutes = minutes
        }
    }
}
