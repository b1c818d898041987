import MotCuaCore
import MotCuaStore
import TerminalUI

/// Máy in (F9, administrators): the printer settings kept in the database, each with what it means; a test
/// page checks them. The running program takes the new values at once.
struct SettingsScreen: Screen {
    let title: String
    let keys: [SettingKey]
    var values: [SettingValue] = []
    var form = ScrollForm([])
    var loaded = false

    static let testPrintCommand = Command(id: .testPrint, title: "In thử", help: "in một trang thử có chữ tiếng Việt")
    static let printerKeys = SettingDefinition.printerKeys
    /// What the officer reads before each field (the key, as `motcua setting` knows it, stays in the help).
    static let labels: [SettingKey: String] = [
        .printerDestination: "Tên máy in", .printerOptions: "Tùy chọn in (lp)",
        .lpPath: "Chương trình lp", .idleLockMinutes: "Khóa màn hình sau",
        .resumePolicy: "Khi nhận đủ bổ sung"
    ]

    init(title: String, keys: [SettingKey]) {
        self.title = title
        self.keys = keys
    }

    var isForm: Bool { true }
    var hasUnsavedInput: Bool { values.contains { form.value(.setting($0.key)) != $0.value } }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.function(10), .control("s")], AppCommand.save),
            KeyBinding([.control("p")], SettingsScreen.testPrintCommand)
        ])
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared where !loaded:
            return [.perform(.loadSettings(keys: keys))]
        case .response(.settings(let list)):
            loaded = true
            values = list
            var items: [ScrollForm.Item] = [.section(title)]
            for v in list {
                let definition = SettingDefinition.of(v.key)
                items.append(
                    .field(
                        Field(
                            id: .setting(v.key), label: SettingsScreen.labels[v.key] ?? v.key.rawValue, text: v.value,
                            maxLength: 200,
                            hint: "thiết lập \(v.key.rawValue) (motcua setting \(v.key.rawValue))", vietnamese: false
                        ) { value in
                            if case .failure(let e) = definition.validate(value) { return e.message }
                            return nil
                        }))
                // The meaning under its field, wrapped to the narrowest screen (80 columns).
                for line in TextWidth.wrap(v.meaning, 74) { items.append(.info(line, .dim)) }
            }
            form = ScrollForm(items)
            if let first = list.first { form.focus(on: .setting(first.key)) }
            return []
        case .command(let c) where c.id == SettingsScreen.testPrintCommand.id:
            if hasUnsavedInput {
                return [.status("Hãy lưu (F10) trước khi in thử: trang thử dùng thiết lập đã lưu", .warning)]
            }
            return [.perform(.testPrint)]
        case .response(.done(let message)):
            // Saved (or a test page, which needs nothing unsaved): the form shows what is stored, as the
            // setting's check normalised it.
            values = values.map { v in
                var stored = form.value(.setting(v.key))
                if case .success(let normalised) = SettingDefinition.of(v.key).validate(stored) { stored = normalised }
                form.setValue(.setting(v.key), stored)
                return SettingValue(key: v.key, meaning: v.meaning, value: stored)
            }
            return [.status(message, .ok)]
        default:
            switch commonFormEvent(
                event, in: &form, inputMethod: nil, unsaved: hasUnsavedInput, question: "Bỏ thay đổi?",
                detail: "Các giá trị đã sửa chưa lưu sẽ mất. Bỏ và quay lại?")
            {
            case .save: return save()
            case .effects(let effects): return effects
            case nil: return []
            }
        }
    }

    mutating func save() -> [Effect] {
        guard loaded else { return [] }
        if let problem = form.checkAll() { return [.status(problem, .error)] }
        let changed = values.filter { form.value(.setting($0.key)) != $0.value }
            .map { SettingValue(key: $0.key, meaning: $0.meaning, value: form.value(.setting($0.key))) }
        if changed.isEmpty { return [.status("Không có gì thay đổi", .dim)] }
        return [.perform(.saveSettings(changed))]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 3),
            labelWidth: 21)
        frame.put(
            "F10: lưu   Ctrl-P: in thử   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}
