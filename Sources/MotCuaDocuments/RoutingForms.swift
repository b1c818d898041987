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
                "\(ReceptionForms.sentenceCase(ctx.unit.counterName)) chuyển hồ sơ sau đây để xử lý theo quy trình liên thông:"
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
            : "trả kết quả về \(ReceptionForms.lowerFirst(ReceptionForms.sentenceCase(ctx.unit.counterName)))"
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

    /// Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over pair with its times, and per step the
    /// verdict early / on time / late against that step's deadline; then the result coming back to the
    /// counter (judged against the legal deadline) and the return to the applicant (against the appointment).
    public static func controlSheet(
        _ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, now: LocalDateTime,
        reprint: Bool = false
    ) -> Document {
        let entry = ctx.forms.entry(.controlSheet)
        let counter = ReceptionForms.sentenceCase(ctx.unit.counterName)
        var b = ReceptionForms.header(.controlSheet, ctx, date: now.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(ctx.qrCode(c.code))
        b.append(.space(1))
        b.append(
            .field(
                label: "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả", value: "số \(c.ledgerNumber)/\(c.ledgerYear)"
            ))
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

        func time(_ t: LocalDateTime?) -> String { t.map { "\($0.time.text) \($0.date.vietnamese)" } ?? "…" }
        func event(_ match: (CaseEventPayload) -> Bool) -> RecordedEvent? { events.last { match($0.event.payload) } }
        var rows: [[String]] = []
        for (i, s) in c.steps.enumerated() {
            let giver = i == 0 ? counter : c.steps[i - 1].bodyName
            let handOver = event { if case .handedOver(i, _, _) = $0 { true } else { false } }
            let ack = event { if case .acknowledged(i, _) = $0 { true } else { false } }
            let done = event { if case .stepDone(i, _) = $0 { true } else { false } }
            var verdict = ""
            if let p = s.progress.punctuality {
                verdict = p.vietnameseName
            } else if s.progress.handedOverAt != nil {
                verdict = "Đang xử lý"
            }
            var notes: [String] = [s.task]
            if let d = s.progress.stepDue { notes.append("hạn \(d.time.text) \(d.date.vietnamese)") }
            if let done = s.progress.doneAt { notes.append("xong \(done.time.text) \(done.date.vietnamese)") }
            if case let .handedOver(_, _, slip?)? = handOver?.event.payload { notes.append("phiếu \(slip)") }
            if case let .acknowledged(_, receipt?)? = ack?.event.payload { notes.append("biên nhận \(receipt)") }
            if case let .stepDone(_, note)? = done?.event.payload, !note.isEmpty { notes.append(note) }
            // An outside body's receipt is recorded by the counter: say so rather than pass it off as a signature.
            let receiver = ack.map { s.bodyIsInternal ? $0.officerName : "ghi nhận: \($0.officerName)" } ?? ""
            rows.append([
                "\(i + 1). Giao: \(giver)\nNhận: \(s.bodyName)",
                "Giao: \(time(s.progress.handedOverAt))\n\(handOver?.officerName ?? "")\nNhận: \(time(s.progress.acknowledgedAt))\n\(receiver)",
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
        let lastHolder = c.steps.last?.bodyName ?? counter
        let n = c.steps.count
        rows.append([
            "\(n + 1). Giao: \(lastHolder)\nNhận: \(counter)",
            "Nhận: \(time(c.state.resultAt))\n\(result?.officerName ?? "")",
            c.state.resultAt == nil ? "" : (c.state.punctuality?.vietnameseName ?? ""), resultNote
        ])
        // The return to the applicant.
        let returned = event { if case .returned = $0 { true } else { false } }
        var returnNote = ""
        if case let .returned(method, receipt, told)? = returned?.event.payload {
            var parts = [method == .post ? "Qua bưu chính" : "Tại \(ReceptionForms.lowerFirst(counter))"]
            if let receipt { parts.append("biên nhận bưu chính \(receipt)") }
            if let at = returned?.event.at, at.date < c.state.appointment.date {
                if told == true { parts.append("trả sớm, đã báo trước cho người nộp") }
                if told == false { parts.append("trả sớm, không báo trước cho người nộp") }
            }
            returnNote = parts.joined(separator: "; ")
        }
        rows.append([
            "\(n + 2). Giao: \(counter)\nNhận: \(c.applicant.fullName)",
            "Giao: \(time(c.state.returnedAt))\n\(returned?.officerName ?? "")",
            c.state.returnPunctuality?.vietnameseName ?? "", returnNote
        ])
        b.append(
            .table(
                DocumentTable(
                    headers: ["Cơ quan, bộ phận", "Thời gian giao, nhận", "Kết quả", "Ghi chú"],
                    widths: [22, 18, 12, 23], rows: rows, ruled: true)))
        b.append(
            .paragraph(
                "Kết quả: trước hạn, đúng hạn hoặc quá hạn (so sánh theo ngày) với hạn của từng bước; dòng nhận kết quả so với hạn giải quyết theo quy định; dòng trả kết quả so với ngày hẹn trả."
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
                    "\(e.event.at.vietnamese): \(e.event.kind.vietnameseName.lowercased()) — ghi qua \(HistoryText.provenance(e))"
                )
            }
        }
        if !notes.isEmpty {
            b.append(.paragraph("Ghi chú quá trình:"))
            for (i, note) in notes.enumerated() { b.append(.listItem(number: i + 1, text: note)) }
        }
        if !events.isEmpty { b.append(.paragraph("Nơi ghi nhận: \(HistoryText.provenanceSummary(events)).")) }
        return Document(
            kind: "phieu-kiem-soat", caption: "Phiếu kiểm soát quá trình giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04): why the case is late, the original and the new date.
    /// Needs the case's reschedule event.
    public static func apology(_ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, reprint: Bool = false)
        -> Document?
    {
        guard let e = events.last(where: { $0.event.kind == .rescheduled }),
            case let .rescheduled(newDue, reason, _) = e.event.payload
        else { return nil }
        let entry = ctx.forms.entry(.apology)
        let body = ReceptionForms.governingBodyInText(ctx.unit)
        var b = ReceptionForms.header(.apology, ctx, date: e.event.at.date, reprint: reprint)
        b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)"]))
        b.append(.space(1))
        b.append(
            .field(label: "Kính gửi", value: "\(ReceptionForms.applicantLabel(c.applicant)) \(c.applicant.fullName)"))
        b.append(
            .paragraph(
                "Ngày \(c.receivedAt.date.vietnamese), \(ReceptionForms.lowerFirst(ReceptionForms.sentenceCase(ctx.unit.counterName))) tiếp nhận hồ sơ đề nghị giải quyết thủ tục \(c.procedure.name) của \(ReceptionForms.applicantLabel(c.applicant)), mã hồ sơ \(c.code)."
            ))
        b.append(.field(label: "Thời gian hẹn trả kết quả", value: c.state.legalDue.vietnameseAppointment))
        b.append(.paragraph("Đến nay hồ sơ chưa được giải quyết xong theo thời gian đã hẹn."))
        b.append(.field(label: "Lý do", value: reason))
        b.append(
            .paragraph(
                "\(body) thành thật xin lỗi \(ReceptionForms.applicantLabel(c.applicant)) vì sự chậm trễ này và xin gia hạn thời gian giải quyết hồ sơ."
            ))
        b.append(.field(label: "Thời gian hẹn trả kết quả mới", value: newDue.vietnameseAppointment))
        b.append(.paragraph("Rất mong \(ReceptionForms.applicantLabel(c.applicant)) thông cảm."))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NHẬN", name: c.applicant.fullName),
                Signature(title: "THỦ TRƯỞNG CƠ QUAN", note: "(Ký, ghi rõ họ tên, đóng dấu)", name: e.officerName)
            ]))
        return Document(
            kind: "van-ban-xin-loi", caption: "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết", pageSize: .a5,
            blocks: b)
    }

    /// Thông báo dừng giải quyết hồ sơ (Mẫu 05, 2025). Needs the case's stop event.
    public static func stopNotice(
        _ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, reprint: Bool = false
    ) -> Document? {
        guard let e = events.last(where: { $0.event.kind == .stopped }), case let .stopped(reason) = e.event.payload
        else { return nil }
        let entry = ctx.forms.entry(.stop)
        var b = ReceptionForms.header(.stop, ctx, date: e.event.at.date, reprint: reprint)
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
        b.append(
            .paragraph(
                "Hồ sơ và giấy tờ đã nộp được trả lại tại \(ReceptionForms.lowerFirst(ReceptionForms.sentenceCase(ctx.unit.counterName)))."
            ))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NHẬN", name: c.applicant.fullName),
                Signature(title: "THỦ TRƯỞNG CƠ QUAN", note: "(Ký, ghi rõ họ tên, đóng dấu)", name: e.officerName)
            ]))
        return Document(kind: "thong-bao-dung", caption: "Thông báo dừng giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// The refusal after examination (Mẫu 03), from the case's refusal event; flagged when it came after the
    /// time limit.
    public static func refusalAfterExamination(_ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext)
        -> Document?
    {
        guard let e = events.last(where: { $0.event.kind == .refused }), case let .refused(reasons) = e.event.payload
        else { return nil }
        let late = Punctuality.judge(done: e.event.at, due: c.state.legalDue) == .late
        let slip = Slip(
            number: c.code, caseCode: c.code, at: e.event.at, officerName: e.officerName,
            procedureName: c.procedure.name,
            applicantName: c.applicant.fullName, applicantAddress: c.applicant.address,
            applicantPhone: c.applicant.phone,
            items: reasons,
            reason: late ? "Việc từ chối được thông báo sau thời hạn giải quyết (\(c.state.legalDue.vietnamese))." : "")
        return ReceptionForms.refusal(slip, ctx)
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
