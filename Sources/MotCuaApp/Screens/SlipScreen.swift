import MotCuaCore
import MotCuaStore
import TerminalUI

/// The items of a request to supplement (every missing item at once, as the law asks) or the reasons of a
/// refusal, before the slip is recorded and printed.
struct SlipScreen: Screen {
    let kind: ReceptionContact.Kind
    let procedure: ProcedureVersion
    let applicant: Applicant
    var form: ScrollForm

    init(kind: ReceptionContact.Kind, procedure: ProcedureVersion, applicant: Applicant, suggested: [String]) {
        self.kind = kind
        self.procedure = procedure
        self.applicant = applicant
        var items: [ScrollForm.Item] = [
            .info("Người nộp: \(applicant.fullName)", .normal),
            .info("Thủ tục: \(procedure.name)", .normal),
            .section(kind == .supplement ? "Nội dung cần bổ sung, hoàn thiện (Space: chọn)" : "Lý do từ chối")
        ]
        for (i, s) in suggested.enumerated() {
            items.append(.check(CheckItem(id: FieldID("s\(i)"), title: s, isChecked: true)))
        }
        for i in 0..<4 {
            items.append(
                .field(
                    Field(
                        id: FieldID("free\(i)"),
                        label: kind == .supplement ? "Nội dung khác \(i + 1)" : "Lý do \(i + 1)", maxLength: 300)))
        }
        items.append(.field(Field(id: .reason, label: kind == .supplement ? "Lý do" : "Ghi chú", maxLength: 300)))
        form = ScrollForm(items)
    }

    var title: String { kind == .supplement ? "Phiếu yêu cầu bổ sung" : "Phiếu từ chối tiếp nhận" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { form.hasTypedData }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding(
                [.function(10), .control("s")],
                Command(id: .save, title: "Lưu, in phiếu", help: "ghi nhận và xem phiếu để in", short: "Lưu,in"))
        ])
    }

    var items: [String] {
        form.checks.filter(\.isChecked).map(\.title)
            + (0..<4).map { form.value(FieldID("free\($0)")) }.filter { !$0.isEmpty }
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            if case .invalid(let m) = form.handle(key, inputMethod: context.input.active) {
                return [.status(m, .error)]
            }
            return []
        case .text(let text):
            _ = form.paste(text)
            return []
        case .command(let c) where c.id == AppCommand.save.id:
            guard !items.isEmpty else {
                return [
                    .status(
                        kind == .supplement
                            ? "Chọn hoặc ghi ít nhất một nội dung cần bổ sung" : "Ghi ít nhất một lý do từ chối", .error
                    )
                ]
            }
            return [
                .perform(
                    .recordContact(
                        kind, procedureCode: procedure.code, applicant: applicant, items: items,
                        reason: form.value(.reason)))
            ]
        case .command(let c) where c.id == AppCommand.back.id:
            return [.pop]
        case .response(.contactRecorded(let contact)):
            // The slip replaces both this screen and the reception form: the applicant leaves with the slip.
            return [
                .pop,
                .replace(
                    DocumentPreviewScreen(
                        source: .contact(number: contact.number), onTheSpot: false,
                        headline: "Đã lập phiếu số \(contact.number)"))
            ]
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        frame.put(title, row: area.row, column: 1, style: .heading)
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 2),
            labelWidth: 20)
        frame.put("F10: lưu và xem phiếu   Esc: quay lại biểu mẫu", row: area.bottom - 1, column: 1, style: .dim)
    }
}
