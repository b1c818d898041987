import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import TerminalUI

/// One action on a case after reception, as a small form: hand-over ("Giao"), receipt by the body ("Nhận"),
/// a step finished, the result back at the counter, the return to the applicant, the evaluation, a supplement
/// request and its return, refusal, apology with a new date, withdrawal, stop, cancellation. F5 and F6 open the
/// one the route expects next; the others come from the case view's keys. F10 records it.
struct CaseActionScreen: Screen {
    typealias Intent = ActionIntent
    typealias Kind = ActionKind

    let code: String
    let intent: Intent
    var record: CaseRecord?
    /// What the officer may do on the case now (from the application layer).
    var options: CaseOptions
    var kind: Kind?
    var form = ScrollForm([])
    var done = false

    static let saveCommand = Command(id: .save, title: "Ghi nhận", help: "ghi nhận việc này vào hồ sơ", short: "Ghi")

    init(code: String, intent: Intent, record: CaseRecord? = nil, options: CaseOptions = .none) {
        self.code = code
        self.intent = intent
        self.record = record
        self.options = options
    }

    var title: String { kind.map(CaseActionScreen.heading) ?? "Hồ sơ \(code)" }
    var isForm: Bool { true }
    /// Typed text that Esc would lose (the time and the other prefilled values do not count).
    var hasUnsavedInput: Bool {
        !done
            && ([.reason, .stepNote, .resultNumber, .slipNumber, .receiptNumber, .postalReceipt, .lateReason]
                + (1...3).map(FieldID.reason) + (1...4).map(FieldID.item)).contains { !form.value($0).isEmpty }
    }
    var keyMap: KeyMap { KeyMap([KeyBinding([.function(10), .control("s")], CaseActionScreen.saveCommand)]) }

    static func heading(_ kind: Kind) -> String {
        switch kind {
        case .handOver: "Giao hồ sơ"
        case .acknowledge: "Cơ quan nhận hồ sơ"
        case .finish: "Kết quả xử lý của bước"
        case .result: "Nhận kết quả"
        case .returnCase: "Trả kết quả cho người nộp"
        case .evaluate: "Đánh giá của người nộp"
        case .supplementRequest: "Yêu cầu bổ sung hồ sơ"
        case .resume: "Nhận hồ sơ bổ sung"
        case .refuse: "Từ chối giải quyết"
        case .reschedule: "Xin lỗi, hẹn lại ngày trả"
        case .withdraw: "Rút hồ sơ"
        case .stop: "Dừng giải quyết"
        case .cancel: "Hủy hồ sơ"
        case .correct: "Sửa thông tin hồ sơ"
        }
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared:
            if done { return [.pop] }
            if let record, kind == nil { return start(record, context) }
            return record == nil ? [.perform(.loadCase(code))] : []
        case .response(.caseLoaded(let r, _, let o)):
            record = r
            options = o
            return start(r, context)
        case .key(let key):
            let before = form.choice(.mode)?.selected
            let outcome = form.handle(key, inputMethod: context.input.active)
            if kind == .evaluate, let r = record, form.choice(.mode)?.selected != before {
                form = ScrollForm(
                    CaseActionScreen.items(.evaluate, r, context, mode: form.choice(.mode)?.selected ?? 0))
                form.focus(on: .mode)
            }
            if case .invalid(let m) = outcome { return [.status(m, .error)] }
            if outcome == .moved, let text = form.focusedField?.hint ?? form.focusedDescription {
                return [.status(text, .dim)]
            }
            return []
        case .text(let text):
            _ = form.paste(text)
            return []
        case .command(let c):
            switch c.id {
            case CaseActionScreen.saveCommand.id: return save(context)
            case AppCommand.back.id:
                if hasUnsavedInput {
                    return [
                        .ask(
                            Dialog(
                                title: "Bỏ nội dung đang nhập?", lines: ["Nội dung đang gõ sẽ mất. Bỏ và quay lại?"]),
                            tag: .discard)
                    ]
                }
                return [.pop]
            default: return []
            }
        case .response(.actionDone(let message, let r)):
            record = r
            return followUp(message, r)
        case .answer(tag: .discard, let answer):
            return answer == .yes ? [.pop] : []
        case .answer(let tag, let answer):
            guard answer == .yes, let r = record else { return [.pop] }
            switch tag {
            case .evaluate: return [.replace(CaseActionScreen(code: r.code, intent: .evaluate))]
            case .printTransfer:
                return [
                    .replace(
                        DocumentPreviewScreen(
                            source: .transfer(caseCode: r.code, step: nil), onTheSpot: false, headline: ""))
                ]
            case .printApology:
                return [
                    .replace(DocumentPreviewScreen(source: .apology(caseCode: r.code), onTheSpot: false, headline: ""))
                ]
            case .printRefusal:
                return [
                    .replace(
                        DocumentPreviewScreen(source: .caseRefusal(caseCode: r.code), onTheSpot: false, headline: ""))
                ]
            case .printSupplement:
                return [
                    .replace(
                        DocumentPreviewScreen(source: .caseSupplement(caseCode: r.code), onTheSpot: false, headline: "")
                    )
                ]
            case .printStop:
                return [
                    .replace(
                        DocumentPreviewScreen(source: .stopNotice(caseCode: r.code), onTheSpot: false, headline: ""))
                ]
            default: return [.pop]
            }
        case .response(.failed(let m, let field)):
            if let field { form.focus(on: FieldID(field)) }
            return [.status(m, .error)]
        default:
            return []
        }
    }

    /// Opens the form of the action the intent leads to, or says at once why there is none (before any
    /// input is asked).
    mutating func start(_ r: CaseRecord, _ context: ScreenContext) -> [Effect] {
        guard let k = options.kind(intent) else {
            done = true
            return [
                .status(options.refusal(intent).map(Messages.text) ?? "Không thực hiện được việc này", .warning), .pop
            ]
        }
        kind = k
        form = ScrollForm(CaseActionScreen.items(k, r, context, mode: 0))
        return []
    }

    /// After recording: what the officer usually does next (print the slip, record the evaluation).
    mutating func followUp(_ message: String, _ r: CaseRecord) -> [Effect] {
        done = true
        func offer(_ title: String, _ tag: DialogTag, yes: Bool = true) -> [Effect] {
            [
                .status(message, .ok),
                .ask(Dialog(title: title, lines: ["\(message).", title], defaultYes: yes), tag: tag)
            ]
        }
        switch kind {
        case .returnCase?: return offer("Ghi đánh giá của người nộp?", .evaluate)
        case .reschedule?: return offer("In văn bản xin lỗi, hẹn lại?", .printApology)
        case .refuse?: return offer("In phiếu từ chối?", .printRefusal)
        case .supplementRequest?: return offer("In phiếu yêu cầu bổ sung?", .printSupplement)
        case .stop?: return offer("In thông báo dừng giải quyết?", .printStop)
        case .handOver(let k)? where !r.steps[k].bodyIsInternal:
            return offer("In phiếu chuyển xử lý?", .printTransfer)
        case .finish(let k)?
        where form.choice(.next)?.selected == 0 && k + 1 < r.steps.count && !r.steps[k + 1].bodyIsInternal:
            return offer("In phiếu chuyển xử lý?", .printTransfer)
        default:
            return [.status(message, .ok), .pop]
        }
    }

    // MARK: The form

    static func timeField(_ context: ScreenContext) -> ScrollForm.Item {
        .field(
            Field(
                id: .at, label: "Thời điểm", text: "\(context.now.date.vietnamese) \(context.now.time.text)",
                maxLength: 16,
                required: true, hint: "dd/mm/yyyy HH:MM (mặc định: bây giờ)"
            ) { ReceptionScreen.parseInstant($0) == nil ? "dạng dd/mm/yyyy HH:MM" : nil })
    }

    static func reasonField(_ label: String = "Lý do") -> ScrollForm.Item {
        .field(Field(id: .reason, label: label, maxLength: 300, required: true))
    }

    static func items(_ kind: Kind, _ r: CaseRecord, _ context: ScreenContext, mode: Int) -> [ScrollForm.Item] {
        var items: [ScrollForm.Item] = [
            .info("Hồ sơ \(r.code) — \(r.applicant.fullName)", .heading),
            .info("\(r.procedure.name); hẹn trả \(r.state.appointment.vietnamese)", .dim)
        ]
        func step(_ k: Int) -> String {
            let s = r.steps[k]
            return
                "Bước \(k + 1)/\(r.steps.count): \(s.bodyName)\(s.bodyIsInternal ? "" : " (cơ quan ngoài UBND xã)") — \(s.task), \(s.budget)"
        }
        switch kind {
        case .handOver(let k):
            items.append(.info(step(k), .normal))
            let due = Routing.stepDue(budget: r.steps[k].budget, handedOverAt: context.now, calendar: context.calendar)
            items.append(.info("Giao bây giờ thì hạn của bước: \(due.vietnamese)", .dim))
            items.append(
                .field(
                    Field(
                        id: .slipNumber, label: "Số phiếu chuyển", mask: .code, maxLength: 40,
                        hint: "cơ quan ngoài xã: số phiếu chuyển hoặc số biên nhận bưu chính (có thể để trống)")))
        case .acknowledge(let k):
            items.append(.info(step(k), .normal))
            if let due = r.steps[k].progress.stepDue { items.append(.info("Hạn của bước: \(due.vietnamese)", .dim)) }
            items.append(
                .field(
                    Field(
                        id: .receiptNumber, label: "Số biên nhận", mask: .code, maxLength: 40,
                        hint: "số biên nhận của cơ quan nhận (có thể để trống)")))
        case .finish(let k):
            items.append(.info(step(k), .normal))
            if let due = r.steps[k].progress.stepDue { items.append(.info("Hạn của bước: \(due.vietnamese)", .dim)) }
            items.append(
                .field(
                    Field(
                        id: .stepNote, label: "Kết quả xử lý", maxLength: 300,
                        hint: "bắt buộc: việc đã làm, văn bản đã ký…")))
            if k + 1 < r.steps.count {
                let next = r.steps[k + 1]
                items.append(
                    .choice(
                        ChoiceField(
                            id: .next, label: "Chuyển bước sau",
                            options: ["Giao bước \(k + 2) cho \(next.bodyName)", "Chưa"])
                    ))
                items.append(
                    .field(
                        Field(
                            id: .slipNumber, label: "Số phiếu chuyển", mask: .code, maxLength: 40,
                            hint: "số phiếu chuyển / biên nhận bưu chính cho bước sau (có thể để trống)")))
            } else {
                items.append(.info("Bước cuối: sau đó kết quả về Bộ phận một cửa (F6)", .dim))
            }
        case .result:
            if case .finish(let k) = Routing.next(r.state) {
                items.append(.info("\(step(k)) — ghi nhận xong cùng lúc", .dim))
            }
            items.append(.field(Field(id: .resultNumber, label: "Số văn bản kết quả", maxLength: 60, required: true)))
            items.append(
                .field(
                    Field(
                        id: .resultDate, label: "Ngày văn bản", text: context.now.date.vietnamese, mask: .date,
                        required: true)))
            // Steps of a liên thông route still open (other than a last one the result closes): only a leader
            // records the result early, with the reason printed on the control sheet.
            var closing: Int?
            if case .finish(let k) = Routing.next(r.state), k == r.steps.count - 1 { closing = k }
            let open = r.state.steps.indices.filter { r.state.steps[$0].doneAt == nil && $0 != closing }
            if !open.isEmpty {
                items.append(
                    .info(
                        "Quy trình chưa xong (bước \(open.map { String($0 + 1) }.joined(separator: ", "))): chỉ lãnh đạo ghi nhận kết quả, kèm lý do.",
                        .warning))
                items.append(
                    .field(
                        Field(
                            id: .reason, label: "Lý do ghi trước", maxLength: 300,
                            hint: "lãnh đạo: vì sao kết quả có trước khi các bước xong (in trên phiếu kiểm soát)")))
            }
        case .returnCase:
            let verdict = Punctuality.judge(done: context.now, due: r.state.appointment)
            items.append(
                .info(
                    "Trả bây giờ: \(verdict.vietnameseName.lowercased()) so với ngày hẹn \(r.state.appointment.date.vietnamese)",
                    verdict == .late ? .overdue : .ok))
            items.append(
                .choice(
                    ChoiceField(
                        id: .method, label: "Cách trả", options: CollectMethod.allCases.map(\.vietnameseName),
                        selected: CollectMethod.allCases.firstIndex(of: r.collect) ?? 0)))
            items.append(
                .field(
                    Field(
                        id: .postalReceipt, label: "Số biên nhận BC", mask: .code, maxLength: 40,
                        hint: "trả qua bưu chính: số biên nhận")))
            if verdict == .early {
                items.append(
                    .choice(
                        ChoiceField(
                            id: .applicantToldEarly, label: "Đã báo trả sớm?",
                            options: ["(chọn)", "Có, đã báo trước", "Không báo trước"])))
            }
        case .evaluate:
            items.append(
                .choice(
                    ChoiceField(
                        id: .mode, label: "Cách đánh giá", options: ["5 chỉ số (2/1/0)", "Mức độ hài lòng"],
                        selected: mode)))
            if mode == 0 {
                let suggested = EvaluationIndex.suggestedScores(r.state)
                for index in EvaluationIndex.allCases {
                    let options = zip([2, 1, 0], index.scoreMeanings).map { "\($0) — \($1)" }
                    let score = suggested[index] ?? 2
                    items.append(.info("Chỉ số \(index.lawNumber). \(index.vietnameseName)", .label))
                    items.append(
                        .choice(ChoiceField(id: .score(index), label: "  Điểm", options: options, selected: 2 - score)))
                }
            } else {
                items.append(
                    .choice(
                        ChoiceField(
                            id: .level, label: "Mức độ", options: SatisfactionLevel.allCases.map(\.vietnameseName))))
            }
        case .supplementRequest:
            items.append(.info("Nêu một lần mọi nội dung cần bổ sung; thời hạn tạm dừng đến khi nhận đủ.", .dim))
            for i in 1...4 {
                items.append(.field(Field(id: .item(i), label: "Nội dung \(i)", maxLength: 300, required: i == 1)))
            }
            items.append(.field(Field(id: .reason, label: "Lý do", maxLength: 300)))
        case .resume:
            items.append(.info("Người nộp đã bổ sung đủ: thời hạn được tính lại (hạn cũ lưu trong lịch sử).", .dim))
        case .refuse:
            let late = Punctuality.judge(done: context.now, due: r.state.legalDue) == .late
            if late {
                items.append(
                    .info("Đã quá thời hạn giải quyết: việc từ chối sẽ được đánh dấu là sau thời hạn.", .overdue))
            }
            for i in 1...3 {
                items.append(.field(Field(id: .reason(i), label: "Lý do \(i)", maxLength: 300, required: i == 1)))
            }
        case .reschedule:
            items.append(.info("Hạn theo quy định: \(r.state.legalDue.vietnamese); chỉ được hẹn lại một lần.", .dim))
            let proposal = context.calendar.addingWorkingMinutes(
                context.calendar.schedule.minutesPerDay * 2, to: max(r.state.appointment, context.now))
            items.append(
                .field(
                    Field(
                        id: .newDue, label: "Hẹn trả mới", text: "\(proposal.date.vietnamese) \(proposal.time.text)",
                        maxLength: 16,
                        required: true, hint: "dd/mm/yyyy HH:MM"
                    ) { ReceptionScreen.parseInstant($0) == nil ? "dạng dd/mm/yyyy HH:MM" : nil }))
            items.append(reasonField("Lý do chậm trễ"))
        case .withdraw:
            items.append(reasonField("Lý do rút hồ sơ"))
        case .stop:
            items.append(reasonField("Lý do dừng"))
        case .cancel:
            items.append(.info("Hồ sơ hủy vẫn được lưu, mã và số vào sổ không dùng lại.", .dim))
            items.append(reasonField("Lý do hủy"))
        case .correct:
            break
        }
        items.append(timeField(context))
        items.append(
            .field(
                Field(
                    id: .lateReason, label: "Lý do nhập sau", maxLength: 300,
                    hint: "chỉ khi thời điểm đã qua hơn 30 phút (ghi giấy khi mất điện…)")))
        return items
    }

    func optional(_ id: FieldID) -> String? {
        let v = form.value(id)
        return v.isEmpty ? nil : v
    }

    mutating func save(_ context: ScreenContext) -> [Effect] {
        guard let kind, let r = record else { return [] }
        if let error = form.checkAll() { return [.status(error, .error)] }
        guard let at = ReceptionScreen.parseInstant(form.value(.at)) else {
            return [.status("Thời điểm: dạng dd/mm/yyyy HH:MM", .error)]
        }
        let action: CaseAction
        switch kind {
        case .handOver(let k): action = .handOver(step: k, slip: optional(.slipNumber))
        case .acknowledge(let k): action = .acknowledge(step: k, receipt: optional(.receiptNumber))
        case .finish(let k):
            action = .finishStep(
                step: k, note: form.value(.stepNote), handOverNext: form.choice(.next)?.selected == 0,
                slip: optional(.slipNumber))
        case .result:
            guard let date = CivilDate(vietnamese: form.value(.resultDate)) else {
                return [.status("Ngày văn bản: dạng dd/mm/yyyy", .error)]
            }
            action = .resultReceived(number: form.value(.resultNumber), date: date, overrideReason: optional(.reason))
        case .returnCase:
            let method = CollectMethod.allCases[form.choice(.method)?.selected ?? 0]
            if method == .post && optional(.postalReceipt) == nil {
                form.focus(on: .postalReceipt)
                return [.status("Trả qua bưu chính: cần số biên nhận", .error)]
            }
            let told: Bool? =
                switch form.choice(.applicantToldEarly)?.selected {
                case 1?: true;
                case 2?: false;
                default: nil
                }
            action = .returnToApplicant(method: method, postalReceipt: optional(.postalReceipt), told: told)
        case .evaluate:
            if form.choice(.mode)?.selected == 1 {
                action = .evaluate(.satisfaction(SatisfactionLevel.allCases[form.choice(.level)?.selected ?? 0]))
            } else {
                var scores: [String: Int] = [:]
                for index in EvaluationIndex.allCases {
                    scores[index.rawValue] = 2 - (form.choice(.score(index))?.selected ?? 0)
                }
                action = .evaluate(.indices(scores))
            }
        case .supplementRequest:
            action = .requestSupplement(items: (1...4).compactMap { optional(.item($0)) }, reason: form.value(.reason))
        case .resume: action = .resume
        case .refuse: action = .refuse(reasons: (1...3).compactMap { optional(.reason($0)) })
        case .reschedule:
            guard let due = ReceptionScreen.parseInstant(form.value(.newDue)) else {
                return [.status("Hẹn trả mới: dạng dd/mm/yyyy HH:MM", .error)]
            }
            action = .reschedule(newDue: due, reason: form.value(.reason))
        case .withdraw: action = .withdraw(reason: form.value(.reason))
        case .stop: action = .stop(reason: form.value(.reason))
        case .cancel: action = .cancel(reason: form.value(.reason))
        case .correct: return []
        }
        return [.perform(.caseAction(caseCode: r.code, action, at: at, lateReason: optional(.lateReason)))]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        frame.put(title, row: area.row, column: 1, style: .heading, maxWidth: area.width - 2)
        guard kind != nil else {
            frame.put("Đang tải hồ sơ \(code)…", row: area.row + 2, column: 2, style: .dim)
            return
        }
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 3),
            labelWidth: 22)
        frame.put(
            "F10: ghi nhận   Tab: ô sau   ←/→: chọn   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}
