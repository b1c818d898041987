import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import TerminalUI

/// Hồ sơ: the case with its header (code, procedure, applicant, status, appointment, remaining time),
/// documents, fee, route with each body's step and due time, and the timeline of events. F8 reprints the
/// receipt (marked as a reprint); Ctrl-E corrects a field with a reason.
struct CaseViewScreen: Screen {
    let code: String
    var record: CaseRecord?
    var events: [RecordedEvent] = []
    /// First line of the body shown (the body is rebuilt for the terminal's width).
    var top = 0

    /// What the officer may do on the case now, and why not (from the application layer).
    var options: CaseOptions = .none
    var officer: Officer?
    /// The documents picker (Ctrl-P), when open.
    var picker: ListView?

    static let correctCommand = Command(
        id: .correct, title: "Sửa", help: "sửa thông tin hồ sơ (ghi lý do, lưu vết từng trường)")
    static let reprintCommand = Command(
        id: .print, title: "In lại giấy hẹn", help: "in lại giấy tiếp nhận (ghi \"BẢN IN LẠI\")", short: "In lại")
    static let documentsCommand = Command(
        id: .documents, title: "In phiếu",
        help: "in phiếu kiểm soát, phiếu chuyển, văn bản xin lỗi và các phiếu khác của hồ sơ")
    static let supplementCommand = Command(
        id: .supplement, title: "Bổ sung",
        help: "yêu cầu bổ sung hồ sơ (dừng tính hạn) / nhận đủ hồ sơ bổ sung (tính lại hạn)")
    static let refuseCommand = Command(
        id: .refuse, title: "Từ chối", help: "từ chối giải quyết sau khi thẩm định, nêu lý do (Mẫu 03)")
    static let rescheduleCommand = Command(
        id: .reschedule, title: "Hẹn lại", help: "xin lỗi và hẹn lại ngày trả kết quả, một lần (Mẫu 04)")
    static let withdrawCommand = Command(id: .withdraw, title: "Rút hồ sơ", help: "người nộp rút hồ sơ")
    static let stopCommand = Command(id: .stop, title: "Dừng", help: "dừng giải quyết hồ sơ (thông báo Mẫu 05)")
    static let cancelCommand = Command(
        id: .cancel, title: "Hủy", help: "hủy hồ sơ nhập nhầm (lãnh đạo, quản trị), ghi lý do")
    static let evaluateCommand = Command(id: .evaluate, title: "Đánh giá", help: "ghi đánh giá của người nộp")

    init(code: String) { self.code = code }

    var title: String { "Hồ sơ \(record?.code ?? code)" }

    /// The keys of the case view: every action key is there while the case is shown; one that cannot act now
    /// says why at once (from the application layer's options), before asking for any input.
    var keyMap: KeyMap {
        guard record != nil else { return KeyMap([]) }
        func action(_ keys: [Key], _ command: Command, _ intent: ActionIntent, inBar: Bool = false) -> KeyBinding {
            KeyBinding(keys, command, inBar: inBar, unavailable: options.refusal(intent).map(Messages.text))
        }
        return KeyMap([
            action([.function(5)], AppCommand.handOver, .route, inBar: true),
            action([.function(6)], AppCommand.result, .result, inBar: true),
            KeyBinding([.function(8)], CaseViewScreen.reprintCommand),
            KeyBinding([.control("p")], CaseViewScreen.documentsCommand),
            action([.control("e")], CaseViewScreen.correctCommand, .correct),
            action([.control("b")], CaseViewScreen.supplementCommand, .supplement),
            action([.control("r")], CaseViewScreen.refuseCommand, .refuse),
            action([.control("l")], CaseViewScreen.rescheduleCommand, .reschedule),
            action([.control("w")], CaseViewScreen.withdrawCommand, .withdraw),
            action([.control("d")], CaseViewScreen.stopCommand, .stop),
            action([.control("x")], CaseViewScreen.cancelCommand, .cancel)
        ])
    }

    /// The documents this case has, for the Ctrl-P picker.
    static func documents(_ r: CaseRecord, _ events: [RecordedEvent]) -> [(String, DocumentSource)] {
        var list: [(String, DocumentSource)] = [
            ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", .receipt(caseCode: r.code)),
            ("Phiếu kiểm soát quá trình giải quyết hồ sơ", .controlSheet(caseCode: r.code))
        ]
        for (k, s) in r.steps.enumerated() where s.progress.handedOverAt != nil {
            list.append(("Phiếu chuyển xử lý bước \(k + 1) — \(s.bodyName)", .transfer(caseCode: r.code, step: k)))
        }
        if events.contains(where: { $0.event.kind == .supplementRequested }) {
            list.append(("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", .caseSupplement(caseCode: r.code)))
        }
        if events.contains(where: { $0.event.kind == .rescheduled }) {
            list.append(("Văn bản xin lỗi và hẹn lại ngày trả kết quả", .apology(caseCode: r.code)))
        }
        if events.contains(where: { $0.event.kind == .refused }) {
            list.append(("Phiếu từ chối giải quyết", .caseRefusal(caseCode: r.code)))
        }
        if events.contains(where: { $0.event.kind == .stopped }) {
            list.append(("Thông báo dừng giải quyết hồ sơ", .stopNotice(caseCode: r.code)))
        }
        return list
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        officer = context.officer
        if picker != nil {
            if let row = handlePicker(&picker, event), let r = record, let i = Int(row.id) {
                let docs = CaseViewScreen.documents(r, events)
                if docs.indices.contains(i) {
                    return [.push(DocumentPreviewScreen(source: docs[i].1, onTheSpot: false, headline: ""))]
                }
            }
            return []
        }
        switch event {
        case .appeared:
            return [.perform(.loadCase(code))]
        case .key(let key):
            guard let record else { return [] }
            var viewer = TextViewer(lines: CaseViewScreen.wrappedBody(record, events, context))
            for _ in 0..<top { _ = viewer.handle(.down, height: CaseViewScreen.bodyHeight(context)) }
            _ = viewer.handle(key, height: CaseViewScreen.bodyHeight(context))
            top = viewer.top
            return []
        case .command(let c):
            switch c.id {
            case AppCommand.back.id:
                return [.pop]
            case CaseViewScreen.reprintCommand.id:
                return [.push(DocumentPreviewScreen(source: .receipt(caseCode: code), onTheSpot: false, headline: ""))]
            case CaseViewScreen.correctCommand.id:
                guard let record else { return [] }
                if let refusal = options.refusal(.correct) { return [.status(Messages.text(refusal), .warning)] }
                return [.push(CorrectionScreen(record: record, role: officer?.role))]
            case CaseViewScreen.documentsCommand.id:
                guard let record else { return [] }
                var list = ListView(widths: [0], fold: { VietnameseText.fold($0) })
                list.setRows(
                    CaseViewScreen.documents(record, events).enumerated().map {
                        ListRow(id: String($0.offset), columns: [$0.element.0])
                    })
                picker = list
                return []
            default:
                guard let record, let intent = CaseViewScreen.intents[c.id] else { return [] }
                if let refusal = options.refusal(intent) { return [.status(Messages.text(refusal), .warning)] }
                return [.push(CaseActionScreen(code: record.code, intent: intent, record: record, options: options))]
            }
        case .response(.caseLoaded(let r, let e, let o)):
            record = r
            events = e
            options = o
            return []
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    static let intents: [CommandID: CaseActionScreen.Intent] = [
        AppCommand.handOver.id: .route, AppCommand.result.id: .result, supplementCommand.id: .supplement,
        refuseCommand.id: .refuse, rescheduleCommand.id: .reschedule, withdrawCommand.id: .withdraw,
        stopCommand.id: .stop, cancelCommand.id: .cancel, evaluateCommand.id: .evaluate
    ]

    static func body(_ r: CaseRecord, _ events: [RecordedEvent], _ context: ScreenContext) -> [String] {
        let a = r.applicant
        var lines = ["Giấy tờ đã nhận:"]
        for (i, d) in r.documents.enumerated() {
            lines.append("  \(i + 1). \(d.name) — \(d.form.vietnameseName), \(d.quantity)")
        }
        var fee = "Lệ phí: \(r.fee > 0 ? Money.format(r.fee) : "không thu")"
        if let e = r.feeExemption { fee += " (miễn: \(e))" }
        if let n = r.feeReceiptNumber { fee += "; biên lai \(n)" }
        lines += [
            "", fee,
            "Kênh: \(r.channel.vietnameseName); nhận kết quả: \(r.collect.vietnameseName)\(r.collectAddress.map { " — \($0)" } ?? "")"
        ]
        if let id = a.idNumber { lines.append("Giấy tờ tùy thân: \(a.idKind?.vietnameseName ?? "") \(id)") }
        if let p = a.phone { lines.append("Điện thoại: \(p)\(a.email.map { "   Thư điện tử: \($0)" } ?? "")") }
        if let ad = a.address { lines.append("Địa chỉ: \(ad)") }
        if !r.note.isEmpty { lines.append("Ghi chú: \(r.note)") }
        if !r.steps.isEmpty {
            lines += ["", "Quy trình:"]
            for s in r.steps {
                var line = "  \(s.position + 1). \(s.bodyName)\(s.isLead ? " (chủ trì)" : ""): \(s.task), \(s.budget)"
                if let due = s.progress.stepDue { line += "; hạn \(due.vietnamese)" }
                if let done = s.progress.doneAt {
                    line += "; xong \(done.vietnamese)\(s.progress.punctuality.map { " — \($0.vietnameseName)" } ?? "")"
                } else if s.progress.acknowledgedAt != nil {
                    line += "; đang xử lý"
                } else if s.progress.handedOverAt != nil {
                    line += "; đã giao, chờ nhận"
                }
                lines.append(line)
            }
        }
        lines += ["", "Diễn biến:"]
        for e in events {
            lines.append("  " + HistoryText.line(e, r, provenanceAlways: false))
        }
        return lines
    }

    static func bodyHeight(_ context: ScreenContext) -> Int { max(1, context.area.height - 8) }

    /// The body wrapped to the terminal's width, continuation lines indented.
    static func wrappedBody(_ r: CaseRecord, _ events: [RecordedEvent], _ context: ScreenContext) -> [String] {
        let width = max(20, context.area.width - 2)
        return body(r, events, context).flatMap { line -> [String] in
            let lead = String(line.prefix { $0 == " " })
            let wrapped = TextWidth.wrap(String(line.dropFirst(lead.count)), width - lead.count - 4)
            return wrapped.enumerated().map { i, l in (i == 0 ? lead : lead + "    ") + l }
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        guard let r = record else {
            frame.put("Đang tải hồ sơ \(code)…", row: area.row + 1, column: 2, style: .dim)
            return
        }
        var row = area.row
        frame.put(
            "Mã hồ sơ: \(r.code)   Số vào sổ: \(r.ledgerNumber)/\(r.ledgerYear)", row: row, column: 1, style: .heading,
            maxWidth: area.width - 2)
        row += 1
        frame.put(
            "Thủ tục: \(r.procedure.name) (\(r.procedure.code), \(r.procedure.limit))", row: row, column: 1,
            maxWidth: area.width - 2)
        row += 1
        frame.put(
            "Người nộp: \(r.applicant.fullName)\(r.applicant.representativeName.map { " — đại diện: \($0)" } ?? "")",
            row: row, column: 1, maxWidth: area.width - 2)
        row += 1
        frame.put(
            "Tiếp nhận: \(r.receivedAt.vietnamese) — \(r.receivedByName)", row: row, column: 1, maxWidth: area.width - 2
        )
        row += 1
        let s = r.state
        var statusStyle = Style.normal
        var status = "Trạng thái: \(s.status.vietnameseName)"
        if s.status.isOpen && s.status != .waitingSupplement {
            let remaining = RemainingTime.between(now: context.now, due: s.appointment, calendar: context.calendar)
            status += " — \(remaining)"
            statusStyle =
                remaining.isOverdue ? .overdue : (s.appointment.date == context.now.date ? .dueToday : .normal)
        }
        frame.put(status, row: row, column: 1, style: statusStyle, maxWidth: area.width - 2)
        row += 1
        var appointment = "Hẹn trả: \(s.appointment.vietnameseAppointment)"
        if s.appointment != s.legalDue { appointment += " (hạn theo quy định: \(s.legalDue.vietnamese))" }
        frame.put(appointment, row: row, column: 1, style: .heading, maxWidth: area.width - 2)
        row += 1
        frame.put(String(repeating: "─", count: area.width), row: row, column: 0, style: .frame)
        row += 1
        var viewer = TextViewer(lines: CaseViewScreen.wrappedBody(r, events, context))
        for _ in 0..<top { _ = viewer.handle(.down, height: CaseViewScreen.bodyHeight(context)) }
        viewer.render(
            into: &frame, rect: Rect(row: row, column: 1, width: area.width - 2, height: area.bottom - row - 1))
        frame.put(
            "F1: mọi phím (Ctrl-E sửa, Ctrl-B bổ sung…)   ↑ ↓: cuộn   \(viewer.position(height: area.bottom - row - 1))",
            row: area.bottom - 1, column: 1, style: .dim, maxWidth: area.width - 2)
        frame.cursor = nil
        if let picker {
            let rect = Rect(
                row: area.row + 2, column: 4, width: area.width - 8, height: min(area.height - 4, picker.rows.count + 2)
            )
            frame.fill(rect)
            frame.box(rect, title: "In văn bản của hồ sơ (Enter: xem, Esc: đóng)")
            picker.render(into: &frame, rect: rect.inset(1))
        }
    }
}
