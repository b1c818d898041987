import MotCuaCore
import TerminalUI

/// Cán bộ, quyền (F9, administrators): the accounts with their role, body and state; a new account, a new
/// password for an officer who forgot theirs, locking an account (an officer who left stays in the history
/// of the cases they handled, so accounts are locked, never deleted).
struct OfficersScreen: Screen {
    var officers: [Officer] = []
    var bodies: [Body] = []
    var list = ListView(widths: [], fold: { VietnameseText.fold($0) })

    static let addCommand = Command(id: .addOfficer, title: "Thêm", help: "tạo tài khoản cán bộ mới")
    static let passwordCommand = Command(
        id: .resetPassword, title: "Đặt mật khẩu", help: "đặt mật khẩu mới cho cán bộ đang chọn")
    static let lockCommand = Command(
        id: .lockOfficer, title: "Khóa/Mở",
        help: "khóa tài khoản đang chọn (không đăng nhập được, lịch sử giữ nguyên) hoặc mở lại")

    var title: String { "Cán bộ, quyền" }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.control("n")], OfficersScreen.addCommand),
            KeyBinding([.control("p")], OfficersScreen.passwordCommand),
            KeyBinding([.control("k")], OfficersScreen.lockCommand),
            KeyBinding([.control("r")], AppCommand.refresh, inBar: false)
        ])
    }

    var selected: Officer? {
        list.selectedRow.flatMap { row in officers.first { $0.username == row.id } }
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared, .command(AppCommand.refresh):
            return [.perform(.loadOfficers)]
        case let .response(.officers(list, bodies)):
            officers = list
            self.bodies = bodies
            self.list.setRows(
                list.map { o in
                    ListRow(
                        id: o.username,
                        columns: [
                            o.username, o.fullName, o.role.vietnameseName, o.bodyCode ?? "",
                            o.isActive ? "Hoạt động" : "Đã khóa"
                        ],
                        style: o.isActive ? .normal : .disabled)
                })
            return []
        case .response(.done(let message)):
            return [.status(message, .ok), .perform(.loadOfficers)]
        case .response(.failed(let message, _)):
            return [.status(message, .error)]
        case .answer(tag: .lock, .yes):
            guard let officer = selected else { return [] }
            return [.perform(.setOfficerActive(username: officer.username, active: !officer.isActive))]
        case .key(let key):
            _ = list.handle(key, pageSize: max(1, context.area.height - 5))
            return []
        case .command(let c):
            switch c.id {
            case OfficersScreen.addCommand.id:
                return [.push(OfficerFormScreen(bodies: bodies))]
            case OfficersScreen.passwordCommand.id:
                guard let officer = selected else { return [] }
                return [.push(PasswordScreen(purpose: .reset(officer.username, officer.fullName)))]
            case OfficersScreen.lockCommand.id:
                guard let officer = selected else { return [] }
                if !officer.isActive {
                    return [.perform(.setOfficerActive(username: officer.username, active: true))]
                }
                return [
                    .ask(
                        Dialog(
                            title: "Khóa tài khoản?",
                            lines: [
                                "Khóa tài khoản \(officer.username) (\(officer.fullName))?",
                                "Cán bộ này sẽ không đăng nhập được; hồ sơ đã xử lý vẫn ghi tên."
                            ]), tag: .lock)
                ]
            case AppCommand.back.id:
                return [.pop]
            default:
                return []
            }
        default:
            return []
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let width = area.width
        frame.put(title, row: area.row, column: 1, style: .heading, maxWidth: width - 2)
        let widths = [16, max(16, width - 2 - 16 - 22 - 10 - 10 - 4), 22, 10, 0]
        putColumnHeadings(
            ["Tên đăng nhập", "Họ tên", "Vai trò", "Cơ quan", "Trạng thái"], widths: widths, into: &frame,
            row: area.row + 2, width: width)
        var view = list
        view.widths = widths
        view.render(into: &frame, rect: Rect(row: area.row + 3, column: 1, width: width - 2, height: area.height - 5))
        frame.put(
            "\(officers.count) tài khoản   gõ chữ để lọc   ↑ ↓: chọn   Esc: quay lại",
            row: area.bottom - 1, column: 1, style: .dim, maxWidth: width - 2)
    }
}

/// A new account: username, name, role, the body of a department officer, the first password (twice).
struct OfficerFormScreen: Screen {
    var form: ScrollForm
    let bodies: [Body]

    init(bodies: [Body]) {
        self.bodies = bodies
        form = ScrollForm([
            .section("Tài khoản mới"),
            .field(
                Field(
                    id: .username, label: "Tên đăng nhập", maxLength: 32, required: true,
                    hint: "chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; ví dụ: tiepnhan2",
                    vietnamese: false
                ) {
                    Officer.isValidUsername($0)
                        ? nil : "chỉ gồm chữ thường không dấu, chữ số, '.', '-', '_', bắt đầu bằng chữ"
                }),
            .field(Field(id: .fullName, label: "Họ tên", maxLength: 80, required: true)),
            .choice(ChoiceField(id: .role, label: "Vai trò", options: Role.allCases.map(\.vietnameseName))),
            .choice(
                ChoiceField(
                    id: .body, label: "Cơ quan",
                    options: bodies.isEmpty ? ["(chưa có cơ quan nào)"] : bodies.map(\.name))),
            .info("Cơ quan chỉ dùng cho công chức chuyên môn (←/→ hoặc Space để chọn).", .dim),
            .field(
                Field(id: .password, label: "Mật khẩu", mask: .secret, maxLength: 128, required: true) {
                    $0.count >= 6 ? nil : "ít nhất 6 ký tự"
                }),
            .field(Field(id: .password2, label: "Nhập lại mật khẩu", mask: .secret, maxLength: 128, required: true))
        ])
        form.focus(on: .username)
    }

    var title: String { "Thêm cán bộ" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { form.hasTypedData }
    var keyMap: KeyMap { KeyMap([KeyBinding([.function(10), .control("s")], AppCommand.save)]) }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        // Vietnamese typing in the name only: a username or a password is typed as is. A refused save (the
        // username taken?) keeps everything typed.
        switch commonFormEvent(
            event, in: &form, inputMethod: form.focusedID == .fullName ? context.input.active : nil,
            unsaved: hasUnsavedInput, question: "Bỏ tài khoản đang nhập?",
            detail: "Nội dung đang gõ sẽ mất. Bỏ và quay lại?")
        {
        case .save: return save()
        case .effects(let effects): return effects
        case nil: return []
        }
    }

    mutating func save() -> [Effect] {
        if let problem = form.checkAll() { return [.status(problem, .error)] }
        if let problem = repeatedPasswordProblem(in: &form) { return problem }
        let role = Role.allCases[form.choice(.role)?.selected ?? 0]
        var body: String?
        if role == .departmentOfficer {
            guard !bodies.isEmpty, let i = form.choice(.body)?.selected, bodies.indices.contains(i) else {
                return [.status("Công chức chuyên môn cần một cơ quan; hãy nhập danh sách cơ quan trước", .error)]
            }
            body = bodies[i].code
        }
        return [
            .perform(
                .createOfficer(
                    OfficerDraft(
                        username: form.value(.username), fullName: form.value(.fullName),
                        role: role, bodyCode: body, password: form.value(.password))))
        ]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame,
            rect: Rect(row: area.row + 1, column: 1, width: min(area.width - 2, 100), height: area.height - 3),
            labelWidth: 20)
        frame.put(
            "* bắt buộc   Tab/Enter: ô sau   F10: lưu   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}

/// A new password: set by an administrator for an officer who forgot theirs, or changed by the officer
/// (who proves the current one first). Typed twice, never shown.
struct PasswordScreen: Screen {
    enum Purpose {
        case reset(String, String)
        case own
    }

    let purpose: Purpose
    var form: Form

    init(purpose: Purpose) {
        self.purpose = purpose
        var fields: [Field] = []
        if case .own = purpose {
            fields.append(
                Field(id: .current, label: "Mật khẩu hiện tại", mask: .secret, maxLength: 128, required: true))
        }
        fields.append(
            Field(id: .password, label: "Mật khẩu mới", mask: .secret, maxLength: 128, required: true) {
                $0.count >= 6 ? nil : "ít nhất 6 ký tự"
            })
        fields.append(
            Field(id: .password2, label: "Nhập lại mật khẩu mới", mask: .secret, maxLength: 128, required: true))
        form = Form(fields)
    }

    var title: String {
        if case let .reset(username, _) = purpose { return "Đặt mật khẩu cho \(username)" }
        return "Đổi mật khẩu"
    }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { form.hasTypedData }
    var keyMap: KeyMap { KeyMap([KeyBinding([.function(10), .control("s")], AppCommand.save)]) }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        if case .response(.failed(let message, _)) = event, case .own = purpose {
            // A wrong current password: typed again, the new one stays.
            form.setValue(.current, "")
            form.focus(on: .current)
            return [.status(message, .error)]
        }
        // Nothing typed here is worth a question on Esc: a password is typed again in seconds.
        switch commonFormEvent(event, in: &form, inputMethod: nil, unsaved: false, question: "", detail: "") {
        case .save: return save()
        case .effects(let effects): return effects
        case nil: return []
        }
    }

    mutating func save() -> [Effect] {
        if let problem = form.checkAll() { return [.status(problem, .error)] }
        if let problem = repeatedPasswordProblem(in: &form, message: "Hai lần nhập mật khẩu mới không giống nhau") {
            return problem
        }
        switch purpose {
        case .reset(let username, _):
            return [.perform(.resetPassword(username: username, password: form.value(.password)))]
        case .own:
            return [.perform(.changeOwnPassword(current: form.value(.current), new: form.value(.password)))]
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        frame.put(title, row: area.row, column: 1, style: .heading, maxWidth: area.width - 2)
        if case let .reset(username, name) = purpose {
            frame.put("Cán bộ: \(name) (\(username))", row: area.row + 1, column: 2, maxWidth: area.width - 4)
        }
        frame.put(
            "Mật khẩu mới ít nhất 6 ký tự; không hiện trên màn hình.", row: area.row + 2, column: 2, style: .dim,
            maxWidth: area.width - 4)
        form.render(
            into: &frame,
            rect: Rect(row: area.row + 4, column: 2, width: min(area.width - 4, 80), height: area.height - 6),
            labelWidth: 24)
        frame.put(
            "Tab/Enter: ô sau   F10: lưu   Esc: quay lại", row: area.bottom - 1, column: 2, style: .dim,
            maxWidth: area.width - 4)
    }
}
