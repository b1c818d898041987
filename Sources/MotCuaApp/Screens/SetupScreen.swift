import MotCuaCore
import TerminalUI

/// First run: the first administrator's account and the unit's names and code, as printed on forms.
struct SetupScreen: Screen {
    var form: Form
    var error: String?

    init(unit: UnitProfile) {
        let example = unit.isExample
        form = Form([
            Field(
                id: .username, label: "Tên đăng nhập", maxLength: 32, required: true,
                hint: "chữ thường không dấu, chữ số, dấu chấm, gạch ngang; ví dụ: quantri", vietnamese: false
            ) {
                Officer.isValidUsername($0)
                    ? nil : "chỉ gồm chữ thường không dấu, chữ số, '.', '-', '_', bắt đầu bằng chữ"
            },
            Field(id: .fullName, label: "Họ tên", maxLength: 80, required: true),
            Field(id: .password, label: "Mật khẩu", mask: .secret, maxLength: 128, required: true) {
                $0.count >= 6 ? nil : "ít nhất 6 ký tự"
            },
            Field(id: .password2, label: "Nhập lại mật khẩu", mask: .secret, maxLength: 128, required: true),
            Field(
                id: .unitName, label: "Tên xã, phường", text: example ? "" : unit.name, maxLength: 80, required: true,
                hint: "ví dụ: Xã Tân Phú"),
            Field(
                id: .governingBody, label: "Cơ quan chủ quản", text: example ? "" : unit.governingBody, maxLength: 100,
                required: true, hint: "in dòng đầu phiếu, chữ in hoa; ví dụ: ỦY BAN NHÂN DÂN XÃ TÂN PHÚ"),
            Field(
                id: .counterName, label: "Tên bộ phận một cửa", text: unit.counterName, maxLength: 100, required: true),
            Field(
                id: .unitCode, label: "Mã định danh", text: example ? "" : unit.unitCode, maxLength: 40, required: true,
                hint: "mã định danh của cơ quan dùng trong mã hồ sơ, ví dụ 000.00.15.H42", vietnamese: false
            ) {
                UnitProfile.isValidUnitCode($0) ? nil : "chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ 000.00.15.H42)"
            },
            Field(
                id: .province, label: "Tỉnh, thành phố", text: example ? "" : unit.province, maxLength: 80,
                required: true),
            Field(
                id: .placeName, label: "Địa danh ghi ngày", text: example ? "" : unit.placeName, maxLength: 60,
                required: true,
                hint: "in trước ngày tháng: \"Tân Phú, ngày … tháng … năm …\"")
        ])
        self.unit = unit
    }

    let unit: UnitProfile

    var title: String { "Thiết lập lần đầu" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { form.hasTypedData }
    var keyMap: KeyMap { KeyMap([KeyBinding([.function(10), .control("s")], AppCommand.save)]) }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            return formKey(
                key, in: &form, inputMethod: form.focusedField?.editor.mask == .text ? context.input.active : nil)
                ?? submit()
        case .text(let text):
            _ = form.paste(text)
            return []
        case .command(let command) where command.id == AppCommand.save.id:
            return submit()
        case .response(.firstRunDone):
            // The new administrator logs in like everyone else (and so checks the password just typed).
            return [
                .reset(LoginScreen()), .status("Đã tạo tài khoản quản trị và lưu thông tin đơn vị. Hãy đăng nhập.", .ok)
            ]
        case .response(.failed(let message, _)):
            error = message
            return [.status(message, .error)]
        default:
            return []
        }
    }

    mutating func submit() -> [Effect] {
        if let problem = form.checkAll() { return [.status(problem, .error)] }
        if let problem = repeatedPasswordProblem(in: &form) { return problem }
        var u = unit
        u.name = form.value(.unitName)
        u.governingBody = form.value(.governingBody).uppercased()
        u.counterName = form.value(.counterName).uppercased()
        u.unitCode = form.value(.unitCode)
        u.province = form.value(.province)
        u.placeName = form.value(.placeName)
        u.isExample = false
        return [
            .perform(
                .firstRun(
                    SetupData(
                        username: form.value(.username), fullName: form.value(.fullName),
                        password: form.value(.password), unit: u)))
        ]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let welcome = TextWidth.wrap(
            "Chào mừng! Cơ sở dữ liệu mới đã được tạo. Hãy tạo tài khoản quản trị và nhập thông tin đơn vị.",
            area.width - 4)
        for (i, line) in welcome.prefix(2).enumerated() {
            frame.put(line, row: area.row + 1 + i, column: 2, style: .heading, maxWidth: area.width - 4)
        }
        frame.put("Tài khoản quản trị", row: area.row + 3, column: 2, style: .heading)
        frame.put("Thông tin đơn vị (in trên phiếu)", row: area.row + 9, column: 2, style: .heading)
        let rows = [4, 5, 6, 7, 10, 11, 12, 13, 14, 15].map { area.row + $0 }
        form.render(
            into: &frame,
            rect: Rect(row: area.row + 4, column: 4, width: min(area.width - 8, 100), height: area.height - 5),
            labelWidth: 22, rows: rows)
        if let error { frame.put(error, row: area.row + 17, column: 2, style: .error, maxWidth: area.width - 4) }
        frame.put(
            "* bắt buộc   Tab/Enter: ô sau   F10: lưu", row: area.row + 18, column: 2, style: .dim,
            maxWidth: area.width - 4)
    }
}
