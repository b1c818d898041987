import MotCuaCore
import MotCuaStore
import TerminalUI

/// Correction of a case: one field at a time, with a mandatory reason, recorded old → new; then the receipt
/// can be reprinted.
struct CorrectionScreen: Screen {
    let record: CaseRecord
    var form: ScrollForm
    var catalogue: [StoredProcedure] = []
    var picker: ListView?
    var chosenProcedure: String?

    static let allFields: [CorrectableField] = [
        .applicantName, .applicantIDNumber, .applicantBirthDate, .applicantPhone,
        .applicantEmail, .applicantAddress, .representativeName, .documents, .procedure,
        .appointment, .fee, .feeReceiptNumber, .note
    ]
    /// The fields this officer may correct on this case: the appointment (the deadline statistics judge)
    /// only by a leader or administrator and only before a result.
    let fields: [CorrectableField]

    init(record: CaseRecord, role: Role?) {
        self.record = record
        let mayMoveDeadline =
            (role == .leader || role == .administrator) && record.state.resultAt == nil && !record.state.status.isClosed
        fields = CorrectionScreen.allFields.filter { $0 != .appointment || mayMoveDeadline }
        form = ScrollForm([])
        form = ScrollForm(items(for: .applicantName))
    }

    var title: String { "Sửa thông tin hồ sơ" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { !form.value(.reason).isEmpty }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.function(10), .control("s")], Command(id: .save, title: "Lưu", help: "lưu sửa đổi")),
            KeyBinding([.function(4)], AppCommand.pick)
        ])
    }

    var selectedField: CorrectableField { fields[form.choice(.field)?.selected ?? 0] }

    func current(_ f: CorrectableField) -> String {
        let a = record.applicant
        switch f {
        case .applicantName: return a.fullName
        case .applicantIDNumber: return a.idNumber ?? ""
        case .applicantBirthDate: return a.birthDate?.vietnamese ?? ""
        case .applicantPhone: return a.phone ?? ""
        case .applicantEmail: return a.email ?? ""
        case .applicantAddress: return a.address ?? ""
        case .representativeName: return a.representativeName ?? ""
        case .appointment: return record.state.appointment.vietnamese
        case .fee: return String(record.fee)
        case .feeReceiptNumber: return record.feeReceiptNumber ?? ""
        case .note: return record.note
        case .procedure: return "\(record.procedure.code) \(record.procedure.name)"
        case .documents: return ""
        }
    }

    func items(for f: CorrectableField) -> [ScrollForm.Item] {
        var items: [ScrollForm.Item] = [
            .info("Hồ sơ \(record.code) — \(record.applicant.fullName)", .heading),
            .choice(
                ChoiceField(
                    id: .field, label: "Sửa", options: fields.map(\.vietnameseName),
                    selected: fields.firstIndex(of: f) ?? 0)),
            .info("Hiện tại: \(f == .documents ? "\(record.documents.count) giấy tờ" : current(f))", .dim)
        ]
        switch f {
        case .documents:
            for (i, d) in record.procedure.documents.enumerated() {
                let existing = record.documents.first { $0.checklistIndex == i }
                items.append(
                    .check(
                        CheckItem(
                            id: .document(i), title: d.name, detail: d.form.vietnameseName, isChecked: existing != nil,
                            quantity: existing?.quantity ?? d.quantity, isMandatory: d.isMandatory)))
            }
            for (i, d) in record.documents.enumerated() where d.checklistIndex == nil {
                items.append(
                    .check(
                        CheckItem(
                            id: .extraDocument(i), title: d.name, detail: d.form.vietnameseName, isChecked: true,
                            quantity: d.quantity)))
            }
        case .procedure:
            items.append(
                .field(
                    Field(
                        id: .value, label: "Thủ tục mới", maxLength: 200, required: true,
                        hint: "F4: chọn trong danh mục", pickList: true)))
        case .applicantBirthDate:
            items.append(.field(Field(id: .value, label: "Giá trị mới", text: current(f), mask: .date)))
        case .fee:
            items.append(.field(Field(id: .value, label: "Giá trị mới", text: current(f), mask: .money)))
        case .appointment:
            items.append(
                .field(
                    Field(
                        id: .value, label: "Giá trị mới", text: current(f), maxLength: 16, required: true,
                        hint: "dd/mm/yyyy HH:MM"
                    ) { ReceptionScreen.parseInstant($0) == nil ? "dạng dd/mm/yyyy HH:MM" : nil }))
        default:
            items.append(.field(Field(id: .value, label: "Giá trị mới", text: current(f), maxLength: 200)))
        }
        items.append(.field(Field(id: .reason, label: "Lý do sửa", maxLength: 300, required: true)))
        return items
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        if picker != nil {
            if let row = handlePicker(&picker, event) {
                form.setValue(.value, row.columns[0])
                chosenProcedure = row.id
            }
            return []
        }
        switch event {
        case .appeared:
            return catalogue.isEmpty ? [.perform(.loadCatalogue)] : []
        case .key(let key):
            let before = selectedField
            let outcome = form.handle(key, inputMethod: context.input.active)
            if selectedField != before {
                let reason = form.value(.reason)
                form = ScrollForm(items(for: selectedField))
                form.setValue(.reason, reason)
                form.focus(on: .field)
                chosenProcedure = nil
            }
            if case .invalid(let m) = outcome { return [.status(m, .error)] }
            if case .pick = outcome, selectedField == .procedure { openPicker() }
            return []
        case .text(let text):
            _ = form.paste(text)
            return []
        case .command(let c):
            switch c.id {
            case AppCommand.pick.id:
                if selectedField == .procedure { openPicker() }
                return []
            case AppCommand.save.id: return save()
            case AppCommand.back.id:
                if hasUnsavedInput {
                    return [
                        .ask(
                            Dialog(title: "Bỏ sửa đổi đang nhập?", lines: ["Lý do đã gõ sẽ mất. Bỏ và quay lại?"]),
                            tag: .discard)
                    ]
                }
                return [.pop]
            default: return []
            }
        case .response(.catalogue(let list)):
            catalogue = list
            return []
        case .response(.done(let message)):
            return [
                .status(message, .ok),
                .ask(
                    Dialog(
                        title: "In lại giấy tiếp nhận?", lines: ["\(message).", "In lại giấy tiếp nhận cho người nộp?"],
                        defaultYes: true), tag: .reprint)
            ]
        case .answer(tag: .discard, let answer):
            return answer == .yes ? [.pop] : []
        case .answer(tag: .reprint, let answer):
            return answer == .yes
                ? [
                    .replace(
                        DocumentPreviewScreen(source: .receipt(caseCode: record.code), onTheSpot: false, headline: ""))
                ] : [.pop]
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    mutating func openPicker() {
        var list = ListView(widths: [60, 0], fold: { VietnameseText.fold($0) })
        list.setRows(
            catalogue.map {
                ListRow(
                    id: $0.procedure.code, columns: [$0.procedure.name, $0.procedure.code],
                    filterText: "\($0.procedure.name) \($0.procedure.code)")
            })
        picker = list
    }

    mutating func save() -> [Effect] {
        if let error = form.checkAll() { return [.status(error, .error)] }
        let reason = form.value(.reason)
        switch selectedField {
        case .documents:
            var docs: [CaseDocument] = []
            for (i, d) in record.procedure.documents.enumerated() {
                if let c = form.checks.first(where: { $0.id == FieldID.document(i) }), c.isChecked {
                    docs.append(CaseDocument(name: d.name, form: d.form, quantity: c.quantity, checklistIndex: i))
                }
            }
            for (i, d) in record.documents.enumerated() where d.checklistIndex == nil {
                if let c = form.checks.first(where: { $0.id == FieldID.extraDocument(i) }), c.isChecked {
                    docs.append(CaseDocument(name: d.name, form: d.form, quantity: c.quantity))
                }
            }
            return [.perform(.correctDocuments(caseCode: record.code, documents: docs, reason: reason))]
        case .procedure:
            let typed = form.value(.value)
            let code =
                chosenProcedure ?? catalogue.first { $0.procedure.code == typed || $0.procedure.name == typed }?
                .procedure.code ?? typed
            return [.perform(.correctProcedure(caseCode: record.code, procedureCode: code, reason: reason))]
        case .appointment:
            guard let t = ReceptionScreen.parseInstant(form.value(.value)) else {
                return [.status("Ngày hẹn: dạng dd/mm/yyyy HH:MM", .error)]
            }
            return [.perform(.correct(caseCode: record.code, field: .appointment, value: t.iso, reason: reason))]
        case .applicantBirthDate:
            let value = CivilDate(vietnamese: form.value(.value))?.iso ?? form.value(.value)
            return [.perform(.correct(caseCode: record.code, field: .applicantBirthDate, value: value, reason: reason))]
        default:
            return [
                .perform(
                    .correct(caseCode: record.code, field: selectedField, value: form.value(.value), reason: reason))
            ]
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 3),
            labelWidth: 16)
        frame.put(
            "←/→/Space: chọn trường cần sửa   F10: lưu   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
        if let picker {
            let rect = Rect(row: area.row + 2, column: 2, width: area.width - 4, height: area.height - 4)
            frame.fill(rect)
            frame.box(rect, title: "Chọn thủ tục (gõ để lọc, Enter: chọn, Esc: đóng)")
            picker.render(into: &frame, rect: rect.inset(1))
        }
    }
}
