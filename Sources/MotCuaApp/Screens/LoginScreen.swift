import MotCuaCore
import TerminalUI

/// Đăng nhập: username and password.
struct LoginScreen: Screen {
    var form = Form([
        Field(id: .username, label: "Tên đăng nhập", maxLength: 32, required: true, vietnamese: false),
        Field(id: .password, label: "Mật khẩu", mask: .secret, maxLength: 128, required: true)
    ])
    var error: String?

    var title: String { "Đăng nhập" }
    var isForm: Bool { true }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.enter], AppCommand.login, inBar: false),
            KeyBinding([.function(10), .control("s")], AppCommand.login)
        ])
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            _ = form.handle(key, inputMethod: nil)
            return []
        case .text(let text):
            _ = form.paste(text)
            return []
        case .command(let command) where command.id == AppCommand.login.id:
            // Enter on the username moves to the password; on the password, logs in.
            if form.focusedField?.id == .username && form.value(.password).isEmpty {
                _ = form.handle(.tab, inputMethod: nil)
                return []
            }
            if let problem = form.checkAll() { error = problem; return [] }
            return [.perform(.login(username: form.value(.username).lowercased(), password: form.value(.password)))]
        case .response(.loggedIn):
            return [.reset(HomeScreen())]
        case .response(.loginFailed(let message)), .response(.failed(let message, _)):
            error = message
            form.setValue(.password, "")
            form.focus(on: .password)
            return []
        default:
            return []
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let rect = context.area.centered(width: 64, height: 12)
        frame.box(rect, title: "Đăng nhập")
        frame.put(
            context.unit.governingBody, row: rect.row + 1, column: rect.column + 3, style: .heading,
            maxWidth: rect.width - 6)
        frame.put(context.unit.counterName, row: rect.row + 2, column: rect.column + 3, maxWidth: rect.width - 6)
        form.render(
            into: &frame, rect: Rect(row: rect.row + 4, column: rect.column + 3, width: rect.width - 6, height: 2),
            labelWidth: 16)
        if let error {
            frame.put(error, row: rect.row + 7, column: rect.column + 3, style: .error, maxWidth: rect.width - 6)
        }
        frame.put(
            "Enter: tiếp tục   F10: đăng nhập   Ctrl-Q: thoát", row: rect.row + 9, column: rect.column + 3, style: .dim,
            maxWidth: rect.width - 6)
    }
}
