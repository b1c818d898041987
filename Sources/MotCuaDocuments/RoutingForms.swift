import MotCuaCore
import MotCuaStore

/// The forms of a case's journey after reception (domain.md §2, §5): the transfer slip of each hand-over,
/// the control sheet, the apology with a new date, the stop-processing notice.
public enum RoutingForms {
    /// Phiếu chuyển xử lý hồ sơ for step `step`: to whom, what task, by when, what comes after.
    public static func transferSlip(
        _ c: CaseRecord, _ events: [RecordedEvent], step: Int, _ ctx: PrintContext,
        reprint: Bool = false
    ) -> Document {
        let entry = ctx.forms.entry(.transfer)
        let s = c.steps[step]
        let handOver = events.last { if case .handedOver(step, _, _) = $0.event.payload { true } else { false } }
        let acknowledged = events.last { if case .acknowledged(step, _) = $0.event.payload { true } else { false } }
        var slipNumber = "\(c.code)/\(step + 1)"
        if case let .handedOver(_, _, slip?)? = handOver?.event.payload { slipNumber = slip }
        var b = ReceptionForms.header(
            .transfer, ctx, date: handOver?.event.at.date ?? c.receivedAt.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Số: \(slipNumber)"]))
        b.append(ctx.qrCode(c.code))
        b.append(.space(1))
        b.append(.field(label: "Kính gửi", value: s.bodyName))
        b.append(
            .paragraph(
                "\(ctx.counterName) chuyển hồ sơ sau đây để xử lý\(c.procedure.isInterlinked ? " theo quy trình liên thông" : ""):"
            ))
        b.append(.field(label: "Mã hồ sơ", value: c.code))
        b.append(.field(label: "Thủ tục", value: c.procedure.name))
        b.append(.field(label: ReceptionForms.applicantLabel(c.applicant), value: c.applicant.fullName))
        if let address = c.applicant.address { b.append(.field(label: "Địa chỉ", value: address)) }
        b.append(.field(label: "Tiếp nhận lúc", value: FormalDate.instant(c.receivedAt)))
        b.append(.field(label: "Bước", value: "\(step + 1)/\(c.steps.count)\(s.isLead ? " (cơ quan chủ trì)" : "")"))
        b.append(.field(label: "Nhiệm vụ", value: s.task))
        var limit = s.budget.description
        if let due = s.progress.stepDue { limit += ", đến \(FormalDate.instant(due))" }
        b.append(.field(label: "Thời hạn xử lý của bước", value: limit))
        b.append(.field(label: "Hạn trả kết quả cho người nộp", value: c.state.appointment.vietnameseAppointment))
        let next =
            step + 1 < c.steps.count
            ? "chuyển tiếp cho \(c.steps[step + 1].bodyName)"
            : "trả kết quả về \(ctx.counterName)"
        b.append(.field(label: "Sau khi xử lý xong", value: next))
        if !c.documents.isEmpty {
            b.append(.paragraph("Hồ sơ gồm:"))
            b.append(
                .table(
                    DocumentTable(
                        headers: ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], widths: [5, 44, 16, 9],
                        alignments: [.right, .left, .left, .right],
                        rows: c.documents.enumerated().map { i, d in
                            [String(i + 1), d.name, d.form.vietnameseName, String(d.quantity)]
                        })))
        }
        b.append(.field(label: "Thời điểm giao", value: handOver.map { FormalDate.instant($0.event.at) } ?? ""))
        b.append(.field(label: "Thời điểm nhận", value: acknowledged.map { FormalDate.instant($0.event.at) } ?? ""))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI GIAO", name: handOver?.officerName ?? ""),
                // An outside body's officer signs by hand; the counter only recorded the receipt.
                Signature(title: "NGƯỜI NHẬN", name: s.bodyIsInternal ? acknowledged?.officerName ?? "" : "")
            ]))
        return Document(
            kind: "phieu-chuyen-buoc-\(step + 1)", caption: "Phiếu chuyển xử lý hồ sơ", pageSize: .a5, blocks: b)
    }

    /// Who gave the dossier to step `step`'s body: the body and the officer who actually handed it over
    /// (`recordedBy`: the counter's officer who recorded the hand-over of a body outside the commune, whose
    /// own officer signs by hand).
    static func giver(
        _ c: CaseRecord, _ events: [RecordedEvent], step: Int, counter: String, officers: [String: Officer]
    ) -> (body: String, name: String, recordedBy: String?) {
        guard
            let handOver = events.last(where: { e in
                if case .handedOver(step, _, _) = e.event.payload { true } else { false }
            })
        else { return (step == 0 ? counter : c.steps[step - 1].bodyName, "", nil) }
        let name = handOver.officerName
        guard step > 0 else { return (counter, name, nil) }
        let previous = c.steps[step - 1]
        let done = events.last { e in if case .stepDone(step - 1, _) = e.event.payload { true } else { false } }
        let officerBody = officers[handOver.event.officer]?.bodyCode
        // Finished and passed on at once, or handed over by an officer of that body: that body gave it.
        let passedOn =
            done.map { $0.event.at == handOver.event.at && $0.event.officer == handOver.event.officer } ?? false
        if officerBody == previous.bodyCode || (passedOn && previous.bodyIsInternal) {
            return (previous.bodyName, name, nil)
        }
        // A body outside the commune handed it over; the counter recorded it.
        if !previous.bodyIsInternal { return (previous.bodyName, "", name) }
        // The dossier came back to the counter, whose officer handed it on.
        return (counter, name, nil)
    }

    /// A signature box in a table cell: the space to sign, then the name (or, for a body outside the
    /// commune, who recorded it at the counter).
    static func signatureCell(name: String, recordedBy: String? = nil) -> String {
        var cell = "\n\n\n" + name
        if let recordedBy { cell += (name.isEmpty ? "" : "\n") + "(ghi nhận: \(recordedBy))" }
        return cell
    }

    /// Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06): every hand-over with its times and the
    /// signature boxes of the giver and the receiver, and per step the verdict early / on time / late
    /// (`Punctuality.judge`) against that step's deadline; then the result coming back to the counter
    /// (against the legal deadline) and the return to the applicant (against the appointment). On A4: two
    /// signature boxes per hand-over beside the times do not fit an A5 sheet legibly. `officers` (by user
    /// name) tell which body an officer belongs to, hence who actually handed over.
    public static func controlSheet(
        _ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, now: LocalDateTime,
        officers: [String: Officer] = [:], reprint: Bool = false
    ) -> Document {
        let entry = ctx.forms.entry(.controlSheet)
        let counter = ctx.counterName
        var b = ReceptionForms.header(.controlSheet, ctx, date: now.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(ctx.qrCode(c.code))
        b.append(.space(1))
        b.append(
            .field(
                label: "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                value: "Quyển số \(ctx.ledgerBook(year: c.ledgerYear)), số thứ tự \(c.ledgerNumber)"))
        b.append(.field(label: ReceptionForms.applicantLabel(c.applicant), value: c.applicant.fullName))
        b.append(.field(label: "Thủ tục", value: c.procedure.name))
        if let lead = c.steps.first(where: \.isLead) {
            b.append(.field(label: "Cơ quan chủ trì giải quyết", value: lead.bodyName))
        }
        let others = c.steps.filter { !$0.isLead }.map(\.bodyName)
        var seen = Set<String>()
        let partners = others.filter { seen.insert($0).inserted }
        if !partners.isEmpty { b.append(.field(label: "Cơ quan phối hợp", value: partners.joined(separator: "; "))) }
        b.append(.field(label: "Tiếp nhận", value: FormalDate.instant(c.receivedAt)))
        var due = c.state.legalDue.vietnameseAppointment
        if c.state.appointment != c.state.legalDue { due += "; hẹn lại: \(c.state.appointment.vietnameseAppointment)" }
        b.append(.field(label: "Hạn trả kết quả", value: due))

        func time(_ t: LocalDateTime?) -> String { t.map(FormalDate.instant) ?? "…… giờ …… phút, ngày ……/……/……" }
        func short(_ t: LocalDateTime) -> String { "\(t.time.text) \(t.date.vietnamese)" }
        func event(_ match: (CaseEventPayload) -> Bool) -> RecordedEvent? { events.last { match($0.event.payload) } }
        // What ended processing while a step had the dossier (a refusal after examination, a stop, a
        // withdrawal, a cancellation): that step's row says so, not "Đang xử lý".
        let ending = events.last {
            switch $0.event.payload {
            case .refused, .stopped, .withdrawn, .cancelled: true
            default: false
            }
        }
        let endedStep = ending == nil ? nil : c.state.currentStep
        var rows: [[String]] = []
        for (i, s) in c.steps.enumerated() {
            let giver = giver(c, events, step: i, counter: counter, officers: officers)
            let handOver = event { if case .handedOver(i, _, _) = $0 { true } else { false } }
            let ack = event { if case .acknowledged(i, _) = $0 { true } else { false } }
            let done = event { if case .stepDone(i, _) = $0 { true } else { false } }
            var verdict = ""
            if let p = s.progress.punctuality {
                verdict = p.vietnameseName
            } else if i == endedStep, let ending {
                verdict = endingVerdict(ending.event, stepDue: s.progress.stepDue)
            } else if let p = c.state.stepVerdict(i) {
                verdict = p.vietnameseName  // closed by the case's result (a leader's override)
            } else if s.progress.handedOverAt != nil {
                verdict = "Đang xử lý"
            }
            var notes: [String] = [s.task]
            if let d = s.progress.stepDue { notes.append("hạn \(short(d))") }
            if let done = s.progress.doneAt { notes.append("xong \(short(done))") }
            if case let .handedOver(_, _, slip?)? = handOver?.event.payload { notes.append("phiếu \(slip)") }
            if case let .acknowledged(_, receipt?)? = ack?.event.payload { notes.append("biên nhận \(receipt)") }
            if case let .stepDone(_, note)? = done?.event.payload, !note.isEmpty { notes.append(note) }
            // An outside body's receipt is recorded by the counter: its officer signs by hand.
            let receiver =
                ack.map {
                    s.bodyIsInternal
                        ? signatureCell(name: $0.officerName) : signatureCell(name: "", recordedBy: $0.officerName)
                } ?? ""
            rows.append([
                "\(i + 1). Giao: \(giver.body)\nNhận: \(s.bodyName)",
                "Giao: \(time(s.progress.handedOverAt))\nNhận: \(time(s.progress.acknowledgedAt))",
                handOver == nil ? "" : signatureCell(name: giver.name, recordedBy: giver.recordedBy), receiver,
                verdict, notes.joined(separator: "; ")
            ])
        }
        // The result back at the counter.
        let result = event { if case .resultReceived = $0 { true } else if case .refused = $0 { true } else { false } }
        var resultNote = ""
        if case let .resultReceived(number, date, overrideReason)? = result?.event.payload {
            resultNote = "Kết quả số \(number)\(date.map { " ngày \($0.vietnamese)" } ?? "")"
            if let overrideReason, !overrideReason.isEmpty {
                resultNote += "; lãnh đạo ghi nhận kết quả khi quy trình chưa xong: \(overrideReason)"
            }
        } else if case let .refused(reasons)? = result?.event.payload {
            resultNote = "Từ chối giải quyết: \(reasons.joined(separator: "; "))"
        }
        let n = c.steps.count
        // Who sends the result back: the last body, or for a refusal the body that examined the dossier
        // (whose step was under way; the counter itself when nothing had been handed over).
        var sender = c.steps.indices.last
        if case .refused? = result?.event.payload { sender = c.state.currentStep }
        var resultGiver = ""
        if result != nil {
            if let k = sender {
                // The body's officer signs for what it sends back; a body outside the commune signs by hand.
                let done = event { if case .stepDone(k, _) = $0 { true } else { false } }
                let signer = (done ?? (k == c.state.currentStep ? result : nil))
                if let signer, c.steps[k].bodyIsInternal,
                    officers[signer.event.officer]?.bodyCode == c.steps[k].bodyCode
                {
                    resultGiver = signatureCell(name: signer.officerName)
                } else {
                    resultGiver = signatureCell(name: "")
                }
            } else {
                resultGiver = signatureCell(name: "")
            }
        }
        rows.append([
            "\(n + 1). Giao: \(sender.map { c.steps[$0].bodyName } ?? counter)\nNhận: \(counter)",
            "Nhận: \(time(c.state.resultAt))", resultGiver,
            result.map { signatureCell(name: $0.officerName) } ?? "",
            c.state.resultAt == nil ? "" : (c.state.punctuality?.vietnameseName ?? ""), resultNote
        ])
        // The return to the applicant.
        let returned = event { if case .returned = $0 { true } else { false } }
        var returnNote = ""
        if case let .returned(method, receipt, told)? = returned?.event.payload {
            var parts = [method == .post ? "Qua bưu chính" : "Tại \(counter)"]
            if let receipt { parts.append("biên nhận bưu chính \(receipt)") }
            if c.state.returnPunctuality == .early {
                if told == true { parts.append("trả sớm, đã báo trước cho người nộp") }
                if told == false { parts.append("trả sớm, không báo trước cho người nộp") }
            }
            returnNote = parts.joined(separator: "; ")
        }
        rows.append([
            "\(n + 2). Giao: \(counter)\nNhận: \(c.applicant.fullName)",
            "Giao: \(time(c.state.returnedAt))", returned.map { signatureCell(name: $0.officerName) } ?? "",
            returned == nil ? "" : signatureCell(name: c.applicant.fullName),
            c.state.returnPunctuality?.vietnameseName ?? "", returnNote
        ])
        b.append(
            .table(
                DocumentTable(
                    headers: [
                        "Tên cơ quan, bộ phận", "Thời gian giao, nhận hồ sơ", "Người giao (ký, ghi rõ họ tên)",
                        "Người nhận (ký, ghi rõ họ tên)", "Kết quả giải quyết hồ sơ (trước hạn, đúng hạn, quá hạn)",
                        "Ghi chú"
                    ],
                    widths: [20, 18, 15, 15, 15, 19],
                    alignments: [.left, .left, .center, .center, .left, .left], rows: rows, ruled: true)))
        b.append(
            .paragraph(
                "Kết quả: trước hạn — xong trước ngày hết hạn; đúng hạn — xong trong ngày hết hạn, không muộn hơn giờ hết hạn; quá hạn — xong sau giờ hết hạn. Mỗi bước so với hạn của bước; dòng nhận kết quả so với hạn giải quyết theo quy định; dòng trả kết quả so với thời gian hẹn trả."
            ))
        var notes: [String] = []
        for e in events {
            switch e.event.payload {
            case let .supplementRequested(items, reason):
                notes.append(
                    "\(e.event.at.vietnamese): yêu cầu bổ sung (\(items.joined(separator: "; "))\(reason.isEmpty ? "" : " — \(reason)")), dừng tính thời hạn"
                )
            case let .supplementReceived(newDue, _):
                notes.append("\(e.event.at.vietnamese): nhận đủ hồ sơ bổ sung, hạn mới \(newDue.vietnamese)")
            case let .rescheduled(newDue, reason, late):
                notes.append(
                    "\(e.event.at.vietnamese): \(late ? "xin lỗi muộn" : "xin lỗi"), hẹn lại \(newDue.vietnamese) (\(reason))"
                )
            case let .stopped(reason): notes.append("\(e.event.at.vietnamese): dừng giải quyết (\(reason))")
            case let .withdrawn(reason): notes.append("\(e.event.at.vietnamese): người nộp rút hồ sơ (\(reason))")
            case let .cancelled(reason): notes.append("\(e.event.at.vietnamese): hủy hồ sơ (\(reason))")
            default: break
            }
            if HistoryText.isNoteworthy(e) {
                notes.append(
                    "\(e.event.at.vietnamese): \(HistoryText.title(e.event).lowercased()) — ghi qua \(HistoryText.provenance(e))"
                )
            }
        }
        if !notes.isEmpty {
            b.append(.paragraph("Ghi chú quá trình:"))
            for (i, note) in notes.enumerated() { b.append(.listItem(number: i + 1, text: note)) }
        }
        if !events.isEmpty { b.append(.paragraph("Nơi ghi nhận: \(HistoryText.provenanceSummary(events)).")) }
        return Document(
            kind: "phieu-kiem-soat", caption: "Phiếu kiểm soát quá trình giải quyết hồ sơ", pageSize: .a4, blocks: b)
    }

    /// The places a letter of the governing body goes to ("Nơi nhận"): the applicant it is addressed to, the
    /// counter that follows the case, the archive.
    static func recipients(_ ctx: PrintContext) -> [String] {
        ["Như trên;", "\(ctx.counterName) (để theo dõi);", "Lưu: VT."]
    }

    /// Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04): why the case is late, the appointment it replaces and the
    /// new one; in the name of the governing body (its header, number line, "Nơi nhận", its head's signature).
    /// The wording follows when it is issued: before the appointment it says the case cannot be finished in
    /// time; after it, that the appointment has passed. Needs the case's reschedule event.
    public static func apology(_ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, reprint: Bool = false)
        -> Document?
    {
        guard let index = events.lastIndex(where: { $0.event.kind == .rescheduled }),
            case let .rescheduled(newDue, reason, _) = events[index].event.payload
        else { return nil }
        let e = events[index]
        let entry = ctx.forms.entry(.apology)
        let body = ReceptionForms.governingBodyInText(ctx.unit)
        let who = ReceptionForms.applicantLabel(c.applicant)
        // The appointment the applicant held when the apology was made.
        let held =
            (try? CaseLifecycle.replay(
                events[..<index].map(\.event).filter { $0.kind != .printed }, stepCount: c.steps.count))?
            .appointment ?? c.state.legalDue
        var b = ReceptionForms.letterHeader(
            .apology, ctx, body: [ctx.unit.governingBody], date: e.event.at.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(.space(1))
        b.append(.field(label: "Kính gửi", value: "\(who) \(c.applicant.fullName)"))
        b.append(
            .paragraph(
                "Ngày \(c.receivedAt.date.vietnamese), \(ctx.counterName) tiếp nhận hồ sơ đề nghị giải quyết thủ tục \(c.procedure.name) của \(who), mã hồ sơ \(c.code)."
            ))
        b.append(.field(label: "Thời gian hẹn trả kết quả", value: held.vietnameseAppointment))
        if e.event.at > held {
            b.append(.paragraph("Đến nay đã quá thời gian hẹn trả kết quả nhưng hồ sơ chưa được giải quyết xong."))
        } else {
            b.append(.paragraph("Hồ sơ không thể giải quyết xong đúng thời gian đã hẹn."))
        }
        b.append(.field(label: "Lý do", value: reason))
        b.append(
            .paragraph(
                "\(body) thành thật xin lỗi \(who) vì sự chậm trễ này và xin gia hạn thời gian giải quyết hồ sơ."))
        b.append(.field(label: "Thời gian hẹn trả kết quả mới", value: newDue.vietnameseAppointment))
        b.append(.paragraph("Rất mong \(who) thông cảm."))
        b.append(.space(1))
        b.append(
            .closing(
                recipients: recipients(ctx), signature: ReceptionForms.issuerSignature(ctx.unit, name: e.officerName)))
        return Document(
            kind: "van-ban-xin-loi", caption: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", pageSize: .a5,
            blocks: b)
    }

    /// Thông báo dừng giải quyết hồ sơ (Mẫu 05, 2025), in the name of the governing body like Mẫu 04. Needs
    /// the case's stop event.
    public static func stopNotice(
        _ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, reprint: Bool = false
    ) -> Document? {
        guard let e = events.last(where: { $0.event.kind == .stopped }), case let .stopped(reason) = e.event.payload
        else { return nil }
        let entry = ctx.forms.entry(.stop)
        var b = ReceptionForms.letterHeader(
            .stop, ctx, body: [ctx.unit.governingBody], date: e.event.at.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(.space(1))
        b.append(
            .field(label: "Kính gửi", value: "\(ReceptionForms.applicantLabel(c.applicant)) \(c.applicant.fullName)"))
        b.append(.field(label: "Thủ tục", value: c.procedure.name))
        b.append(.field(label: "Tiếp nhận lúc", value: FormalDate.instant(c.receivedAt)))
        b.append(
            .paragraph(
                "\(ReceptionForms.governingBodyInText(ctx.unit)) thông báo dừng giải quyết hồ sơ nêu trên kể từ \(FormalDate.instant(e.event.at))."
            ))
        b.append(.field(label: "Lý do", value: reason))
        b.append(.paragraph("Hồ sơ và giấy tờ đã nộp được trả lại tại \(ctx.counterName)."))
        b.append(.space(1))
        b.append(
            .closing(
                recipients: recipients(ctx), signature: ReceptionForms.issuerSignature(ctx.unit, name: e.officerName)))
        return Document(kind: "thong-bao-dung", caption: "Thông báo dừng giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// The verdict of the step that had the dossier when processing ended: refused (judged against the
    /// step's deadline), stopped, withdrawn or cancelled.
    static func endingVerdict(_ e: CaseEvent, stepDue: LocalDateTime?) -> String {
        switch e.payload {
        case .refused:
            let judged = Punctuality.ofStep(due: stepDue, done: nil, caseResultAt: e.at)
            return "Từ chối giải quyết\(judged.map { ", " + $0.vietnameseName.lowercased() } ?? "")"
        case .stopped: return "Dừng giải quyết"
        case .withdrawn: return "Người nộp rút hồ sơ"
        case .cancelled: return "Đã hủy"
        default: return ""
        }
    }

    /// The refusal after examination (Mẫu 03 as the case's result), in the name of the body that examined
    /// the dossier — the body whose step was under way, or the counter when nothing had been handed over —
    /// and signed by its officer (or its head, for a leader); a body outside the commune signs by hand.
    /// Flagged when it came after the time limit. The counter's refusal at reception is `ReceptionForms.refusal`.
    public static func refusalAfterExamination(
        _ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, officers: [String: Officer] = [:]
    ) -> Document? {
        guard let e = events.last(where: { $0.event.kind == .refused }), case let .refused(reasons) = e.event.payload
        else { return nil }
        let late = Punctuality.judge(done: e.event.at, due: c.state.legalDue) == .late
        let entry = ctx.forms.entry(.refusal)
        let who = ReceptionForms.applicantLabel(c.applicant)
        let step = c.state.currentStep.map { c.steps[$0] }
        let bodyName = step.map(\.bodyName) ?? ctx.counterName
        let header: [String]
        if let step, !step.bodyIsInternal {
            header = [step.bodyName]
        } else {
            header = [ctx.unit.governingBody, bodyName]
        }
        let officer = officers[e.event.officer]
        let leader = officer.map { Permissions.isLeader($0.role) } ?? false
        // The examining body's own officer signs with their name; a body outside the commune by hand.
        let signs = step.map { $0.bodyIsInternal } ?? true
        var b = ReceptionForms.letterHeader(.refusal, ctx, body: header, date: e.event.at.date, reprint: false)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(.space(1))
        b.append(.field(label: "Kính gửi", value: "\(who) \(c.applicant.fullName)"))
        b.append(.field(label: "Địa chỉ", value: c.applicant.address ?? ""))
        b.append(.field(label: "Số điện thoại", value: c.applicant.phone ?? ""))
        b.append(
            .paragraph(
                "Ngày \(c.receivedAt.date.vietnamese), \(ctx.counterName) tiếp nhận hồ sơ đề nghị giải quyết thủ tục \(c.procedure.name) của \(who), mã hồ sơ \(c.code)."
            ))
        b.append(
            .paragraph(
                "Sau khi thẩm tra hồ sơ, đối chiếu với các quy định hiện hành, \(bodyName) từ chối giải quyết hồ sơ này với lý do cụ thể như sau:"
            ))
        for (i, item) in reasons.enumerated() { b.append(.listItem(number: i + 1, text: item)) }
        if late {
            b.append(
                .paragraph("Việc từ chối được thông báo sau thời hạn giải quyết (\(c.state.legalDue.vietnamese))."))
        }
        b.append(.paragraph("Xin thông báo để \(who) biết và thực hiện."))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NHẬN PHIẾU", name: c.applicant.fullName),
                leader
                    ? Signature(
                        title: "THỦ TRƯỞNG CƠ QUAN", note: "(Ký, ghi rõ họ tên, đóng dấu)",
                        name: signs ? e.officerName : "")
                    : Signature(title: "CÁN BỘ THẨM ĐỊNH HỒ SƠ", name: signs ? e.officerName : "")
            ]))
        return Document(
            kind: "phieu-tu-choi", caption: "Phiếu từ chối giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// The request to supplement sent during processing (Mẫu 02), from the case's last request.
    public static func supplementDuringProcessing(_ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext)
        -> Document?
    {
        guard let e = events.last(where: { $0.event.kind == .supplementRequested }),
            case let .supplementRequested(items, reason) = e.event.payload
        else { return nil }
        let slip = Slip(
            number: c.code, caseCode: c.code, at: e.event.at, officerName: e.officerName,
            procedureName: c.procedure.name,
            applicantName: c.applicant.fullName, applicantAddress: c.applicant.address,
            applicantPhone: c.applicant.phone,
            items: items, reason: reason)
        return ReceptionForms.supplement(slip, ctx)
    }
}
