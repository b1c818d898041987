import MotCuaCore
import MotCuaStore
import TerminalUI

/// Tiếp nhận (F2): the reception form. The appointment is computed live as fields change; three endings:
/// save and print the receipt (F10), a request to supplement (Ctrl-B), a refusal (Ctrl-R).
struct ReceptionScreen: Screen {
    static let saveCommand = Command(
        id: .save, title: "Lưu, in giấy hẹn", help: "tiếp nhận hồ sơ: cấp mã, vào sổ, xem và in giấy tiếp nhận",
        short: "Lưu,in")
    static let supplementCommand = Command(
        id: .supplement, title: "Y/c bổ sung", help: "lập phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)")
    static let refuseCommand = Command(id: .refuse, title: "Từ chối", help: "lập phiếu từ chối tiếp nhận (Mẫu 03)")
    static let explainCommand = Command(
        id: .explain, title: "Vì sao hẹn", help: "giải thích ngày hẹn: từng ngày được tính hoặc bỏ qua và lý do")

    let catalogue: [StoredProcedure]
    var form: ScrollForm
    var procedure: ProcedureVersion?
    /// Matches of the procedure field while it is being typed.
    var suggestions: [StoredProcedure] = []
    var suggestion = 0
    /// The reception time the form started with (a different one needs a reason).
    let openedAt: LocalDateTime
    /// True once the officer typed a fee by hand (then a reason is required and the fee is no longer computed).
    var feeEdited = false
    var warnings: [String] = []
    var lastLookup: String?
    var pendingApplicant: Applicant?

    static let channels: [Channel] = [.inPerson, .post, .online]
    static let collects: [CollectMethod] = [.counter, .post]
    static let idKinds: [IDKind] = [.citizenCard, .identityCard, .passport, .taxCode, .other]

    init(catalogue: [StoredProcedure], now: LocalDateTime) {
        self.catalogue = catalogue
        self.openedAt = now
        form = ScrollForm(ReceptionScreen.items(procedure: nil, now: now))
    }

    var title: String { "Tiếp nhận hồ sơ" }
    var isForm: Bool { true }
    var hasUnsavedInput: Bool { form.hasTypedData || procedure != nil }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.function(10), .control("s")], ReceptionScreen.saveCommand),
            KeyBinding([.function(4)], AppCommand.pick),
            KeyBinding([.control("b")], ReceptionScreen.supplementCommand),
            KeyBinding([.control("r")], ReceptionScreen.refuseCommand),
            KeyBinding([.control("g")], ReceptionScreen.explainCommand)
        ])
    }

    // MARK: The form's items

    static func items(procedure: ProcedureVersion?, now: LocalDateTime) -> [ScrollForm.Item] {
        var items: [ScrollForm.Item] = [
            .section("Thủ tục"),
            .field(
                Field(
                    id: .procedure, label: "Thủ tục", text: procedure?.name ?? "", maxLength: 200, required: true,
                    hint: "gõ một phần tên hoặc mã thủ tục (không cần dấu); ↑ ↓ chọn, Enter nhận", pickList: true))
        ]
        if let p = procedure {
            items.append(
                .info(
                    "\(p.code) · \(p.field) · thời hạn \(p.limit)\(p.extraVerificationDays > 0 ? " (+\(p.extraVerificationDays) ngày nếu xác minh)" : "") · lệ phí \(p.fee.description)",
                    .dim))
            if p.certainty == .unverified {
                items.append(.info("⚠ Thông tin thủ tục này chưa được kiểm chứng (danh mục mặc định)", .warning))
            }
        }
        items += [
            .section("Người nộp hồ sơ"),
            .choice(ChoiceField(id: .kind, label: "Người nộp", options: ["Cá nhân", "Tổ chức"])),
            // The ID number first: a returning applicant is found by it and their details offered for reuse.
            .choice(ChoiceField(id: .idKind, label: "Loại giấy tờ", options: idKinds.map(\.vietnameseName))),
            .field(
                Field(
                    id: .idNumber, label: "Số giấy tờ", mask: .code, maxLength: 14,
                    hint:
                        "căn cước 12 chữ số (người đã từng nộp hồ sơ sẽ được gợi ý); loại giấy tờ khác: chọn ở dòng trên"
                )),
            .field(
                Field(id: .name, label: "Họ tên", maxLength: 120, required: true) { $0.count <= 120 ? nil : "quá dài" }),
            .field(
                Field(id: .birthDate, label: "Ngày sinh", mask: .date, hint: "dd/mm/yyyy") { text in
                    guard let d = CivilDate(vietnamese: text) else { return "ngày không có thật (dd/mm/yyyy)" }
                    return d > now.date ? "ngày sinh ở tương lai" : (d.year < 1900 ? "năm sinh không hợp lệ" : nil)
                }),
            .field(
                Field(id: .phone, label: "Điện thoại", maxLength: 16, vietnamese: false) {
                    PhoneNumber.normalize($0) == nil ? "di động 10 số (03, 05, 07, 08, 09…), cố định 11 số (02…)" : nil
                }),
            .field(Field(id: .address, label: "Địa chỉ", maxLength: 200)),
            .field(
                Field(id: .email, label: "Thư điện tử", maxLength: 100, vietnamese: false) { text in
                    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
                    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
                        ? nil : "không đúng dạng"
                }),
            .field(Field(id: .representative, label: "Người đại diện", maxLength: 120, hint: "bắt buộc với tổ chức")),
            .section("Thành phần hồ sơ (Space: đánh dấu, số: số lượng)")
        ]
        if let p = procedure {
            for (i, d) in p.documents.enumerated() {
                items.append(
                    .check(
                        CheckItem(
                            id: .document(i), title: d.name, detail: d.form.vietnameseName, quantity: d.quantity,
                            isMandatory: d.isMandatory)))
            }
        } else {
            items.append(.info("(chọn thủ tục để có danh sách giấy tờ)", .dim))
        }
        items.append(
            .field(
                Field(
                    id: .otherDocument, label: "Giấy tờ khác", maxLength: 200,
                    hint: "giấy tờ nộp thêm ngoài danh mục (nếu có)")))
        // A group of procedures (liên thông): the applicant may ask for some of the results only, which shapes
        // the route (the bodies producing only unchosen results are left out).
        if let p = procedure, p.results.count > 1 {
            items.append(.section("Kết quả đề nghị (Space: bỏ chọn kết quả không cần)"))
            for (i, r) in p.results.enumerated() {
                items.append(
                    .check(CheckItem(id: .chosenResult(i), title: r.name, isChecked: true, countsCopies: false)))
            }
        }
        items += [
            .section("Tiếp nhận và trả kết quả"),
            .choice(ChoiceField(id: .channel, label: "Kênh tiếp nhận", options: channels.map(\.vietnameseName))),
            .choice(
                ChoiceField(id: .collect, label: "Nhận kết quả", options: ["Tại Bộ phận một cửa", "Qua bưu chính"])),
            .field(
                Field(
                    id: .collectAddress, label: "Địa chỉ nhận KQ", maxLength: 200,
                    hint: "khi nhận kết quả qua bưu chính (để trống: địa chỉ người nộp)")),
            .choice(ChoiceField(id: .verify, label: "Cần xác minh", options: ["Không", "Có"])),
            .field(
                Field(id: .sets, label: "Số bộ hồ sơ", text: "1", mask: .digits, maxLength: 2) {
                    Int($0).map { $0 >= 1 ? nil : "từ 1 trở lên" } ?? "số bộ"
                })
        ]
        if case .perPage = procedure?.fee {
            items.append(
                .field(
                    Field(id: .pages, label: "Số trang mỗi bản", text: "1", mask: .digits, maxLength: 4) {
                        (Int($0) ?? 0) >= 1 ? nil : "từ 1 trở lên"
                    }))
        }
        if case .perPage = procedure?.fee {
            items.append(
                .field(
                    Field(id: .copies, label: "Số bản", text: "1", mask: .digits, maxLength: 3) {
                        (Int($0) ?? 0) >= 1 ? nil : "từ 1 trở lên"
                    }))
        }
        if case .perCopy = procedure?.fee {
            items.append(
                .field(
                    Field(id: .copies, label: "Số bản", text: "1", mask: .digits, maxLength: 3) {
                        (Int($0) ?? 0) >= 1 ? nil : "từ 1 trở lên"
                    }))
        }
        items.append(
            .choice(
                ChoiceField(id: .exemption, label: "Miễn phí", options: ["Không"] + (procedure?.feeExemptions ?? []))))
        items += [
            .field(
                Field(
                    id: .fee, label: "Lệ phí (đồng)", text: "0", mask: .money,
                    hint: "tính theo thủ tục; sửa tay thì phải ghi lý do")),
            .field(Field(id: .feeReason, label: "Lý do sửa lệ phí", maxLength: 200)),
            .field(
                Field(
                    id: .receiptNumber, label: "Số biên lai", mask: .code, maxLength: 40,
                    hint: "số biên lai thu phí, lệ phí (nếu có)")),
            .field(
                Field(
                    id: .receivedAt, label: "Thời điểm tiếp nhận", text: now.vietnamese, maxLength: 16, required: true,
                    hint: "mặc định là bây giờ; nhập thời điểm khác (hồ sơ ghi tay khi mất điện) thì phải ghi lý do"
                ) { text in
                    ReceptionScreen.parseInstant(text) == nil ? "dạng dd/mm/yyyy HH:MM" : nil
                }),
            .field(Field(id: .receivedReason, label: "Lý do", maxLength: 200)),
            .field(Field(id: .note, label: "Ghi chú", maxLength: 300))
        ]
        return items
    }

    static func parseInstant(_ text: String) -> LocalDateTime? { LocalDateTime(vietnamese: text) }

    var receivedAt: LocalDateTime? { ReceptionScreen.parseInstant(form.value(.receivedAt)) }
    var verification: Bool { form.choice(.verify)?.selected == 1 }
    var channel: Channel { ReceptionScreen.channels[form.choice(.channel)?.selected ?? 0] }

    /// The appointment for the current values, or nil while the procedure or the time is missing.
    func appointment(_ calendar: WorkingCalendar) -> DueComputation? {
        guard let procedure, let r = receivedAt else { return nil }
        return calendar.explainDue(procedure.dueRule(verificationNeeded: verification), receivedAt: r)
    }

    // MARK: Events

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(key, context)
        case .text(let text):
            if case .edited(let id) = form.paste(text) { return edited(id, context) }
            return []
        case .command(let command):
            switch command.id {
            case AppCommand.save.id: return save(context, confirmedIncomplete: false)
            case ReceptionScreen.supplementCommand.id: return slip(.supplement)
            case ReceptionScreen.refuseCommand.id: return slip(.refusal)
            case ReceptionScreen.explainCommand.id:
                guard let a = appointment(context.calendar) else {
                    return [.status("Chọn thủ tục và thời điểm tiếp nhận trước", .warning)]
                }
                return [.push(TextScreen(title: "Vì sao có ngày hẹn này", lines: a.explanation))]
            case AppCommand.pick.id:
                return pick()
            case AppCommand.back.id:
                if !suggestions.isEmpty { suggestions = []; return [] }
                if hasUnsavedInput {
                    return [
                        .ask(
                            Dialog(title: "Bỏ hồ sơ đang nhập?", lines: ["Dữ liệu đang gõ sẽ mất. Bỏ và quay lại?"]),
                            tag: .discard)
                    ]
                }
                return [.pop]
            default: return []
            }
        case .answer(let tag, let answer):
            switch (tag, answer) {
            case (.discard, .yes): return [.pop]
            case (.incomplete, .yes): return save(context, confirmedIncomplete: true)
            case (.reuse, .yes):
                if let a = pendingApplicant { fill(a) }
                pendingApplicant = nil
                return [.status("Đã dùng lại thông tin người nộp từ hồ sơ trước", .ok)]
            default:
                pendingApplicant = nil
                return []
            }
        case .response(let response):
            switch response {
            case .registered(let r):
                return [
                    .replace(
                        DocumentPreviewScreen(
                            source: .receipt(caseCode: r.code),
                            onTheSpot: procedure?.resultOnTheSpot ?? false,
                            headline: "Đã tiếp nhận: mã hồ sơ \(r.code), số vào sổ \(r.ledgerNumber)/\(r.ledgerYear)"))
                ]
            case .applicantFound(let a):
                guard let a, a.fullName != form.value(.name) else { return [] }
                pendingApplicant = a
                var lines = ["Đã có hồ sơ trước của: \(a.fullName)"]
                if let b = a.birthDate { lines.append("Ngày sinh: \(b.vietnamese)") }
                if let ad = a.address { lines.append("Địa chỉ: \(ad)") }
                lines.append("Dùng lại thông tin này? (Enter: dùng lại; Esc hoặc gõ tiếp: không)")
                return [
                    .ask(
                        Dialog(
                            title: "Người nộp đã từng nộp hồ sơ", lines: lines, defaultYes: true, lettersAnswer: false),
                        tag: .reuse)
                ]
            case .contacts(let contacts):
                warnings = contacts.prefix(2).map { c in
                    "⚠ \(c.kind == .supplement ? "Đã yêu cầu bổ sung" : "Đã từ chối") ngày \(c.at.date.vietnamese) (\(c.number)): \(c.items.joined(separator: "; "))"
                }
                return []
            case .failed(let message, _):
                return [.status(message, .error)]
            case let .printed(_, message, _, failed):
                return [.status(message, failed ? .error : .ok)]
            default:
                return []
            }
        default:
            return []
        }
    }

    mutating func handleKey(_ key: Key, _ context: ScreenContext) -> [Effect] {
        // Enter on a procedure name that matches nothing: say so rather than move on with no procedure.
        // (Esc closes the list without clearing the words: Enter then opens it again.)
        if form.focusedID == .procedure && suggestions.isEmpty && procedure == nil && key == .enter {
            let text = form.value(.procedure)
            if !text.trimmingSpaces.isEmpty {
                suggestions = matches(text)
                suggestion = 0
                if suggestions.isEmpty {
                    return [
                        .status("Không có thủ tục nào khớp \"\(text)\": sửa chữ đã gõ, hoặc F4 xem danh mục", .warning)
                    ]
                }
                return [.status("↑ ↓ chọn thủ tục, Enter nhận", .dim)]
            }
        }
        // While the procedure field shows matches, ↑ ↓ move among them and Enter takes one.
        if form.focusedID == .procedure && !suggestions.isEmpty {
            switch key {
            case .up: suggestion = max(0, suggestion - 1); return []
            case .down: suggestion = min(suggestions.count - 1, suggestion + 1); return []
            case .enter, .tab:
                choose(suggestions[suggestion].procedure, context)
                // Straight to the ID number: the applicant kind and document kind keep their defaults
                // (Shift-Tab reaches them).
                form.focus(on: .idNumber)
                return previousContactsLookup()
            case .function(8):
                // The guidance slip of the highlighted procedure, for a citizen who only asks what to bring.
                return [
                    .status("Đang in phiếu hướng dẫn thủ tục \(suggestions[suggestion].procedure.code)…", .dim),
                    .perform(.printPublic(.guide(procedureCode: suggestions[suggestion].procedure.code)))
                ]
            default: break
            }
        }
        let before = form.focusedID
        let outcome = form.handle(key, inputMethod: context.input.active)
        switch outcome {
        case .invalid(let message):
            return [.status(message, .error)]
        case .edited(let id):
            return edited(id, context)
        case .moved, .completed:
            // The number must fit the chosen kind of document (căn cước: 12 digits…): checked on leaving it.
            if before == .idNumber, (key == .tab || key == .enter || key == .down), let problem = idNumberProblem() {
                return [.status(problem, .error)]
            }
            // Enter after the address goes on to the documents: e-mail and representative are rarely given
            // (Tab reaches them).
            if before == .address, key == .enter, let first = documentChecks.first {
                form.focus(on: first.id)
            }
            var effects: [Effect] = []
            if let hint = form.focusedField?.hint ?? form.focusedDescription { effects.append(.status(hint, .dim)) }
            if before == .idNumber || before == .phone { effects += applicantLookup() }
            if outcome == .completed { effects.append(.status("Hết biểu mẫu: F10 để lưu và in giấy tiếp nhận", .dim)) }
            return effects
        case .pick:
            return pick()
        case .none:
            return []
        }
    }

    /// The document number must fit the chosen kind (căn cước: 12 digits…); when it does not, the field is
    /// focused and marked, and the message returned.
    mutating func idNumberProblem() -> String? {
        let number = form.value(.idNumber)
        let kind = ReceptionScreen.idKinds[form.choice(.idKind)?.selected ?? 0]
        guard !number.isEmpty, !kind.accepts(number) else { return nil }
        let problem = Messages.text(.invalidField(.applicantIDNumber, .shape(.idNumber(kind))))
        form.focus(on: .idNumber)
        form.updateField(.idNumber) { $0.error = problem }
        return problem
    }

    mutating func edited(_ id: FieldID, _ context: ScreenContext) -> [Effect] {
        switch id {
        case .procedure:
            if let p = procedure, form.value(.procedure) != p.name {
                procedure = nil
                rebuild(context, keepingProcedureText: true)
            }
            let text = form.value(.procedure)
            suggestions = text.trimmingSpaces.isEmpty ? [] : matches(text)
            suggestion = 0
        case .fee:
            feeEdited = true
        case .channel, .exemption, .pages, .copies:
            recomputeFee()
        case .idNumber:
            // The kind follows the number when it is obvious (12 digits: căn cước, 9: CMND).
            if let kind = IDKind.infer(from: form.value(.idNumber)),
                let i = ReceptionScreen.idKinds.firstIndex(of: kind)
            {
                form.setChoice(.idKind, i)
            }
        default:
            break
        }
        return []
    }

    /// The catalogue's procedures matching `text`, best first.
    func matches(_ text: String) -> [StoredProcedure] {
        ProcedureSearch.rank(text, catalogue, code: \.procedure.code, name: \.procedure.name)
    }

    /// F4: the pick list of the focused field (the procedure field opens the whole catalogue).
    mutating func pick() -> [Effect] {
        switch form.focusedID {
        case .procedure?:
            // What was typed filters the list, as it does inline; with nothing typed, the whole catalogue.
            let text = procedure == nil ? form.value(.procedure) : ""
            suggestions = text.trimmingSpaces.isEmpty ? catalogue : matches(text)
            suggestion = 0
            if suggestions.isEmpty {
                return [.status("Không có thủ tục nào khớp \"\(text)\": sửa chữ đã gõ", .warning)]
            }
            return [.status("↑ ↓ chọn thủ tục, Enter nhận, gõ để lọc, F8 in phiếu hướng dẫn", .dim)]
        default:
            return []
        }
    }

    mutating func choose(_ p: ProcedureVersion, _ context: ScreenContext) {
        procedure = p
        suggestions = []
        rebuild(context, keepingProcedureText: false)
        recomputeFee()
    }

    /// Rebuilds the items for the chosen procedure, keeping everything typed.
    mutating func rebuild(_ context: ScreenContext, keepingProcedureText: Bool) {
        let old = form
        var fresh = ScrollForm(ReceptionScreen.items(procedure: procedure, now: openedAt))
        for item in old.items {
            switch item {
            case .field(let f) where f.id != .procedure || keepingProcedureText:
                if fresh.index(of: f.id) != nil { fresh.setValue(f.id, f.text) }
            case .choice(let c):
                fresh.setChoice(c.id, c.selected)
            default: break
            }
        }
        if let focused = old.focusedID, fresh.index(of: focused) != nil { fresh.focus(on: focused) }
        form = fresh
    }

    mutating func recomputeFee() {
        guard !feeEdited, let p = procedure else { return }
        let exempt = (form.choice(.exemption)?.selected ?? 0) > 0
        let pages = Int(form.value(.pages)) ?? 1
        let copies = Int(form.value(.copies)) ?? 1
        let amount = exempt ? 0 : (p.fee.amount(pages: pages, copies: copies, channel: channel) ?? 0)
        form.setValue(.fee, String(amount))
    }

    mutating func fill(_ a: Applicant) {
        if form.value(.name).isEmpty || form.value(.name) != a.fullName { form.setValue(.name, a.fullName) }
        if let b = a.birthDate, form.value(.birthDate).isEmpty { form.setValue(.birthDate, b.vietnamese) }
        if let p = a.phone, form.value(.phone).isEmpty { form.setValue(.phone, p) }
        if let ad = a.address, form.value(.address).isEmpty { form.setValue(.address, ad) }
        if let e = a.email, form.value(.email).isEmpty { form.setValue(.email, e) }
        if let id = a.idNumber, form.value(.idNumber).isEmpty { form.setValue(.idNumber, id) }
    }

    mutating func applicantLookup() -> [Effect] {
        let id = form.value(.idNumber)
        let phone = form.value(.phone)
        let key = "\(id)|\(phone)"
        guard key != lastLookup, IDKind.infer(from: id) != nil || PhoneNumber.normalize(phone) != nil else { return [] }
        lastLookup = key
        var effects: [Effect] = [
            .perform(
                .lookupApplicant(
                    idNumber: IDKind.infer(from: id) != nil ? id : nil,
                    phone: PhoneNumber.normalize(phone)))
        ]
        effects += previousContactsLookup()
        return effects
    }

    func previousContactsLookup() -> [Effect] {
        guard let p = procedure else { return [] }
        let id = form.value(.idNumber)
        let phone = form.value(.phone)
        guard !id.isEmpty || !phone.isEmpty else { return [] }
        return [
            .perform(
                .previousContacts(
                    idNumber: id.isEmpty ? nil : id, phone: phone.isEmpty ? nil : phone, procedureCode: p.code))
        ]
    }

    // MARK: Endings

    func applicant() -> Applicant {
        let kind: ApplicantKind = form.choice(.kind)?.selected == 1 ? .organisation : .person
        let id = form.value(.idNumber)
        return Applicant(
            kind: kind, fullName: form.value(.name),
            idKind: id.isEmpty ? nil : ReceptionScreen.idKinds[form.choice(.idKind)?.selected ?? 0],
            idNumber: id.isEmpty ? nil : id, birthDate: CivilDate(vietnamese: form.value(.birthDate)),
            phone: form.value(.phone).isEmpty ? nil : form.value(.phone),
            email: form.value(.email).isEmpty ? nil : form.value(.email),
            address: form.value(.address).isEmpty ? nil : form.value(.address),
            representativeName: form.value(.representative).isEmpty ? nil : form.value(.representative))
    }

    mutating func save(_ context: ScreenContext, confirmedIncomplete: Bool) -> [Effect] {
        guard let procedure else {
            form.focus(on: .procedure)
            return [.status("Chưa chọn thủ tục", .error)]
        }
        // Fields in the order they are on screen: the document number comes before the name.
        if let problem = idNumberProblem() { return [.status(problem, .error)] }
        if let error = form.checkAll() { return [.status(error, .error)] }
        let a = applicant()
        if let problem = a.normalized.problems(today: receivedAt?.date ?? context.now.date).first {
            let map: [InputField: FieldID] = [
                .applicantName: .name, .applicantIDNumber: .idNumber, .applicantBirthDate: .birthDate,
                .applicantPhone: .phone, .applicantEmail: .email, .representativeName: .representative
            ]
            form.focus(on: map[problem.field] ?? .name)
            return [.status(Messages.text(.invalidField(problem.field, problem.problem)), .error)]
        }
        guard let received = receivedAt else { return [.status("Thời điểm tiếp nhận không hợp lệ", .error)] }
        let timeChanged = received != openedAt
        if timeChanged && form.value(.receivedReason).isEmpty {
            form.focus(on: .receivedReason)
            return [.status("Thời điểm tiếp nhận khác bây giờ: phải ghi lý do", .error)]
        }
        if feeEdited && form.value(.feeReason).isEmpty {
            form.focus(on: .feeReason)
            return [.status("Lệ phí đã sửa tay: phải ghi lý do", .error)]
        }
        let collect = ReceptionScreen.collects[form.choice(.collect)?.selected ?? 0]
        if collect == .post && form.value(.collectAddress).isEmpty && form.value(.address).isEmpty {
            form.focus(on: .collectAddress)
            return [.status("Nhận kết quả qua bưu chính: cần địa chỉ nhận", .error)]
        }
        var documents: [CaseDocument] = []
        let checks = documentChecks
        for (i, item) in checks.enumerated() where item.isChecked {
            documents.append(
                CaseDocument(
                    name: procedure.documents[i].name, form: procedure.documents[i].form, quantity: item.quantity,
                    checklistIndex: i))
        }
        var chosenResults: Set<Int>?
        if procedure.results.count > 1 {
            let chosen = Set(
                procedure.results.indices.filter { i in
                    form.checks.first { $0.id == FieldID.chosenResult(i) }?.isChecked ?? true
                })
            guard !chosen.isEmpty else {
                form.focus(on: .chosenResult(0))
                return [.status("Chọn ít nhất một kết quả đề nghị", .error)]
            }
            if chosen.count < procedure.results.count { chosenResults = chosen }
        }
        if !form.value(.otherDocument).isEmpty {
            documents.append(CaseDocument(name: form.value(.otherDocument), form: .copy, quantity: 1))
        }
        let missing = zip(procedure.documents, checks).filter { $0.0.isMandatory && !$0.1.isChecked }.map(\.0.name)
        if !missing.isEmpty && !confirmedIncomplete {
            return [
                .ask(
                    Dialog(
                        title: "Hồ sơ chưa đủ giấy tờ bắt buộc",
                        lines: [
                            "Còn thiếu: " + missing.joined(separator: "; "),
                            "Hồ sơ chưa đủ thì nên lập phiếu yêu cầu bổ sung (Ctrl-B).", "Vẫn tiếp nhận?"
                        ]), tag: .incomplete)
            ]
        }
        let exemptionIndex = form.choice(.exemption)?.selected ?? 0
        var note = form.value(.note)
        if feeEdited { note = (note.isEmpty ? "" : note + "; ") + "Lệ phí sửa tay: \(form.value(.feeReason))" }
        let draft = CaseDraft(
            procedureCode: procedure.code, applicant: a, channel: channel, collect: collect,
            collectAddress: form.value(.collectAddress).isEmpty ? nil : form.value(.collectAddress),
            sets: Int(form.value(.sets)) ?? 1, documents: documents, verificationNeeded: verification,
            fee: exemptionIndex > 0 ? 0 : (Int(form.value(.fee)) ?? 0),
            feeExemption: exemptionIndex > 0 ? procedure.feeExemptions[exemptionIndex - 1] : nil,
            feeReceiptNumber: form.value(.receiptNumber).isEmpty ? nil : form.value(.receiptNumber),
            receivedAt: received, receivedAtReason: timeChanged ? form.value(.receivedReason) : nil,
            chosenResults: chosenResults,
            note: note)
        return [.perform(.registerCase(draft))]
    }

    /// The documents checklist, in the procedure's order (the results chosen are checks too).
    var documentChecks: [CheckItem] { form.checks.filter { $0.id.rawValue.hasPrefix("doc") } }

    mutating func slip(_ kind: ReceptionContact.Kind) -> [Effect] {
        guard let procedure else {
            form.focus(on: .procedure)
            return [.status("Chọn thủ tục trước khi lập phiếu", .error)]
        }
        guard !form.value(.name).isEmpty else {
            form.focus(on: .name)
            return [.status("Nhập họ tên người nộp trước khi lập phiếu", .error)]
        }
        let missing = zip(procedure.documents, documentChecks).filter { !$0.1.isChecked }.map {
            "\($0.0.name) (\($0.0.form.vietnameseName))"
        }
        return [
            .push(
                SlipScreen(
                    kind: kind, procedure: procedure, applicant: applicant(),
                    suggested: kind == .supplement ? missing : []))
        ]
    }

    // MARK: Drawing

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let bottomLines = 2 + min(2, warnings.count)
        let formRect = Rect(row: area.row, column: 1, width: area.width - 2, height: area.height - bottomLines)
        form.render(into: &frame, rect: formRect, labelWidth: area.width >= 110 ? 24 : 20)
        var row = formRect.bottom
        for w in warnings.prefix(2) {
            frame.put(w, row: row, column: 1, style: .warning, maxWidth: area.width - 2)
            row += 1
        }
        frame.put(String(repeating: "─", count: area.width), row: row, column: 0, style: .frame)
        let line: String
        var style = Style.heading
        if let a = appointment(context.calendar) {
            line = "Hẹn trả: \(a.due.vietnameseAppointment)   (Ctrl-G: vì sao)"
        } else {
            line =
                procedure == nil ? "Hẹn trả: chọn thủ tục để tính ngày hẹn" : "Hẹn trả: thời điểm tiếp nhận chưa hợp lệ"
            style = .dim
        }
        frame.put(line, row: row + 1, column: 1, style: style, maxWidth: area.width - 2)
        // The matches of the procedure field, under it.
        if form.focusedID == .procedure && !suggestions.isEmpty {
            let height = min(10, suggestions.count) + 2
            let rect = Rect(
                row: min(area.row + 2, area.bottom - height), column: 2, width: area.width - 4, height: height)
            frame.fill(Rect(row: rect.row, column: 0, width: area.width, height: rect.height))
            frame.box(rect, title: "\(suggestions.count) thủ tục khớp")
            let first = max(0, suggestion - (height - 3))
            for (i, s) in suggestions.enumerated().dropFirst(first).prefix(height - 2) {
                let r = rect.row + 1 + i - first
                let p = s.procedure
                let text =
                    TextWidth.fit(p.name, max(10, rect.width - 44)) + " " + TextWidth.fit(p.field, 10) + " "
                    + TextWidth.fit(p.limit.description, 15) + " " + p.fee.description
                frame.put(
                    text, row: r, column: rect.column + 2, style: i == suggestion ? .selected : .normal,
                    maxWidth: rect.width - 4)
                if i == suggestion { frame.cursor = (r, rect.column + 2) }
            }
        }
    }
}
