import MotCuaCore
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

    static let correctCommand = Command(id: "correct", title: "Sửa", help: "sửa thông tin hồ sơ (ghi lý do, lưu vết từng trường)")
    static let reprintCommand = Command(id: "print", title: "In lại giấy hẹn", help: "in lại giấy tiếp nhận (ghi \"BẢN IN LẠI\")")

    init(code: String) { self.code = code }

    var title: String { "Hồ sơ \(record?.code ?? code)" }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.function(8)], CaseViewScreen.reprintCommand),
            KeyBinding([.control("e")], CaseViewScreen.correctCommand),
            KeyBinding([.control("r")], AppCommand.refresh, inBar: false),
        ])
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared, .command(AppCommand.refresh):
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
            case CaseViewScreen.reprintCommand.id:
                return [.push(DocumentPreviewScreen(source: .receipt(caseCode: code), onTheSpot: false, headline: ""))]
            case CaseViewScreen.correctCommand.id:
                guard let record else { return [] }
                guard record.state.status != .cancelled else { return [.status("Hồ sơ đã hủy: không sửa được", .warning)] }
                return [.push(CorrectionScreen(record: record))]
            case AppCommand.back.id:
                return [.pop]
            default:
                return []
            }
        case .response(.caseLoaded(let r, let e)):
            record = r
            events = e
            return []
        case .response(.failed(let m)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    static func eventDetail(_ e: CaseEvent, _ r: CaseRecord) -> String {
        func step(_ i: Int) -> String { r.steps.indices.contains(i) ? "\(r.steps[i].bodyName)" : "bước \(i + 1)" }
        switch e.payload {
        case .received(let due): return "hẹn \(due.vietnamese)"
        case let .supplementRequested(items, reason): return "\(items.joined(separator: "; "))\(reason.isEmpty ? "" : " — \(reason)")"
        case .supplementReceived(let due): return "hạn mới \(due.vietnamese)"
        case .refused(let reasons): return reasons.joined(separator: "; ")
        case let .handedOver(i, due, slip): return "cho \(step(i)), hạn \(due.vietnamese)\(slip.map { ", phiếu \($0)" } ?? "")"
        case let .acknowledged(i, receipt): return "\(step(i))\(receipt.map { ", số \($0)" } ?? "")"
        case let .stepDone(i, note): return "\(step(i))\(note.isEmpty ? "" : ": \(note)")"
        case let .resultReceived(number, date): return "số \(number)\(date.map { " ngày \($0.vietnamese)" } ?? "")"
        case let .rescheduled(due, reason): return "hẹn lại \(due.vietnamese): \(reason)"
        case let .returned(method, receipt, _): return "\(method.vietnameseName)\(receipt.map { ", biên nhận \($0)" } ?? "")"
        case .evaluated(let ev):
            switch ev {
            case .satisfaction(let level): return level.vietnameseName
            case .indices(let scores): return scores.keys.sorted().map { "\($0)=\(scores[$0]!)" }.joined(separator: ", ")
            }
        case .withdrawn(let r), .stopped(let r), .cancelled(let r): return r
        case let .corrected(field, old, new, reason):
            let name = CorrectableField(rawValue: field)?.vietnameseName ?? field
            return "\(name): \(old.isEmpty ? "(trống)" : old) → \(new.isEmpty ? "(trống)" : new); lý do: \(reason)"
        case let .printed(document, reprint): return "\(document == "receipt" ? "giấy tiếp nhận" : document)\(reprint ? " (bản in lại)" : "")"
        }
    }

    static func body(_ r: CaseRecord, _ events: [RecordedEvent], _ context: ScreenContext) -> [String] {
        let a = r.applicant
        var lines = ["Giấy tờ đã nhận:"]
        for (i, d) in r.documents.enumerated() { lines.append("  \(i + 1). \(d.name) — \(d.form.vietnameseName), \(d.quantity)") }
        var fee = "Lệ phí: \(r.fee > 0 ? Money.format(r.fee) : "không thu")"
        if let e = r.feeExemption { fee += " (miễn: \(e))" }
        if let n = r.feeReceiptNumber { fee += "; biên lai \(n)" }
        lines += ["", fee, "Kênh: \(r.channel.vietnameseName); nhận kết quả: \(r.collect.vietnameseName)\(r.collectAddress.map { " — \($0)" } ?? "")"]
        if let id = a.idNumber { lines.append("Giấy tờ tùy thân: \(a.idKind?.vietnameseName ?? "") \(id)") }
        if let p = a.phone { lines.append("Điện thoại: \(p)\(a.email.map { "   Thư điện tử: \($0)" } ?? "")") }
        if let ad = a.address { lines.append("Địa chỉ: \(ad)") }
        if !r.note.isEmpty { lines.append("Ghi chú: \(r.note)") }
        if !r.steps.isEmpty {
            lines += ["", "Quy trình:"]
            for s in r.steps {
                var line = "  \(s.position + 1). \(s.bodyName)\(s.isLead ? " (chủ trì)" : ""): \(s.task), \(s.budget)"
                if let due = s.progress.stepDue { line += "; hạn \(due.vietnamese)" }
                if let done = s.progress.doneAt { line += "; xong \(done.vietnamese)\(s.progress.punctuality.map { " — \($0.vietnameseName)" } ?? "")" }
                else if s.progress.acknowledgedAt != nil { line += "; đang xử lý" }
                else if s.progress.handedOverAt != nil { line += "; đã giao, chờ nhận" }
                lines.append(line)
            }
        }
        lines += ["", "Diễn biến:"]
        for e in events {
            lines.append("  \(e.event.at.vietnamese)  \(e.event.kind.vietnameseName) — \(e.officerName): \(eventDetail(e.event, r))")
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
        frame.put("Mã hồ sơ: \(r.code)   Số vào sổ: \(r.ledgerNumber)/\(r.ledgerYear)", row: row, column: 1, style: .heading, maxWidth: area.width - 2)
        row += 1
        frame.put("Thủ tục: \(r.procedure.name) (\(r.procedure.code), \(r.procedure.limit))", row: row, column: 1, maxWidth: area.width - 2)
        row += 1
        frame.put("Người nộp: \(r.applicant.fullName)\(r.applicant.representativeName.map { " — đại diện: \($0)" } ?? "")", row: row, column: 1, maxWidth: area.width - 2)
        row += 1
        frame.put("Tiếp nhận: \(r.receivedAt.vietnamese) — \(r.receivedByName)", row: row, column: 1, maxWidth: area.width - 2)
        row += 1
        let s = r.state
        var statusStyle = Style.normal
        var status = "Trạng thái: \(s.status.vietnameseName)"
        if s.status.isOpen && s.status != .waitingSupplement {
            let remaining = RemainingTime.between(now: context.now, due: s.appointment, calendar: context.calendar)
            status += " — \(remaining)"
            statusStyle = remaining.isOverdue ? .overdue : (s.appointment.date == context.now.date ? .dueToday : .normal)
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
        viewer.render(into: &frame, rect: Rect(row: row, column: 1, width: area.width - 2, height: area.bottom - row - 1))
        frame.put("F8: in lại giấy hẹn   Ctrl-E: sửa   ↑ ↓: cuộn   Esc: quay lại   \(viewer.position(height: area.bottom - row - 1))",
                  row: area.bottom - 1, column: 1, style: .dim, maxWidth: area.width - 2)
        frame.cursor = nil
    }
}
