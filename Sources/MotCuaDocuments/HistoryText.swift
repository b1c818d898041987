import MotCuaCore
import MotCuaStore

/// The words of a case's history, one place for the case view, `motcua case show` and the control sheet:
/// what each event says, and who recorded it through which channel — and, for an entry typed after the
/// fact ("nhập sau"), when it was really recorded and why.
public enum HistoryText {
    /// What the event says beyond its kind ("cho Công an xã, hạn 20/11/2026 09:30").
    public static func detail(_ e: CaseEvent, _ r: CaseRecord) -> String {
        func step(_ i: Int) -> String { r.steps.indices.contains(i) ? r.steps[i].bodyName : "bước \(i + 1)" }
        switch e.payload {
        case .received(let due): return "hẹn \(due.vietnamese)"
        case let .supplementRequested(items, reason):
            return "\(items.joined(separator: "; "))\(reason.isEmpty ? "" : " — \(reason)")"
        case let .supplementReceived(due, stepDue):
            return "hạn mới \(due.vietnamese)\(stepDue.map { "; hạn bước đang xử lý \($0.vietnamese)" } ?? "")"
        case .refused(let reasons): return reasons.joined(separator: "; ")
        case let .handedOver(i, due, slip):
            return "cho \(step(i)), hạn \(due.vietnamese)\(slip.map { ", phiếu \($0)" } ?? "")"
        case let .acknowledged(i, receipt): return "\(step(i))\(receipt.map { ", số \($0)" } ?? "")"
        case let .stepDone(i, note): return "\(step(i))\(note.isEmpty ? "" : ": \(note)")"
        case let .resultReceived(number, date, overrideReason):
            return "số \(number)\(date.map { " ngày \($0.vietnamese)" } ?? "")"
                + (overrideReason.map { "; lãnh đạo ghi nhận trước khi quy trình xong: \($0)" } ?? "")
        case let .rescheduled(due, reason, late):
            return "\(late ? "xin lỗi muộn, " : "")hẹn lại \(due.vietnamese): \(reason)"
        case let .returned(method, receipt, told):
            var text = method.vietnameseName + (receipt.map { ", biên nhận \($0)" } ?? "")
            if let told { text += told ? "; trả sớm, đã báo trước" : "; trả sớm, không báo trước" }
            return text
        case .evaluated(let ev):
            switch ev {
            case .satisfaction(let level): return level.vietnameseName
            case .indices(let scores):
                return scores.keys.sorted().map { "\($0)=\(scores[$0]!)" }.joined(separator: ", ")
            }
        case .withdrawn(let r), .stopped(let r), .cancelled(let r): return r
        case let .corrected(field, old, new, reason):
            let name = CorrectableField(rawValue: field)?.vietnameseName ?? field
            return "\(name): \(old.isEmpty ? "(trống)" : old) → \(new.isEmpty ? "(trống)" : new); lý do: \(reason)"
        case let .printed(document, reprint, failure):
            let name = documentName(document)
            if let failure { return "\(name) (\(failure))" }
            return "\(name)\(reprint ? " (bản in lại)" : "")"
        }
    }

    /// What an event is called in the history: its kind, except a print that did not reach a printer,
    /// which says so first ("In không thành công").
    public static func title(_ e: CaseEvent) -> String {
        if case .printed(_, _, let failure?) = e.payload, !failure.isEmpty { return "In không thành công" }
        return e.kind.vietnameseName
    }

    /// The name of a printed document from its print key ("receipt", "transfer-2"…).
    public static func documentName(_ key: String) -> String {
        switch key {
        case "receipt": "giấy tiếp nhận"
        case "control-sheet": "phiếu kiểm soát"
        case "apology": "văn bản xin lỗi"
        case "stop": "thông báo dừng"
        case "refusal": "phiếu từ chối"
        case "supplement": "phiếu yêu cầu bổ sung"
        default: key.hasPrefix("transfer-") ? "phiếu chuyển bước \(key.dropFirst("transfer-".count))" : key
        }
    }

    /// Through which channel and operating-system account the event was recorded, and for an entry typed
    /// after the fact, when and why ("dòng lệnh, người dùng máy canbo1; nhập sau lúc 16/11/2026 14:00: mất
    /// điện").
    public static func provenance(_ e: RecordedEvent) -> String {
        var text = e.channel.vietnameseName + (e.osUser.isEmpty ? "" : ", người dùng máy \(e.osUser)")
        if let late = e.lateReason { text += "; nhập sau lúc \(e.recordedLocal.vietnamese): \(late)" }
        return text
    }

    /// One line of the history: "16/11/2026 10:00  Giao hồ sơ — Lê Thị Tiếp: cho …  (màn hình, …)". With
    /// `provenanceAlways` false (the counter's screen) the channel is shown only when it is not the screen
    /// or the entry was typed after the fact.
    public static func line(_ e: RecordedEvent, _ r: CaseRecord, provenanceAlways: Bool = true) -> String {
        let detail = detail(e.event, r)
        let text =
            "\(e.event.at.vietnamese)  \(title(e.event)) — \(e.officerName)\(detail.isEmpty ? "" : ": \(detail)")"
        return provenanceAlways || isNoteworthy(e) ? text + " (\(provenance(e)))" : text
    }

    /// Recorded elsewhere than at the counter's screen, or typed after the fact.
    public static func isNoteworthy(_ e: RecordedEvent) -> Bool { e.channel != .screen || e.lateReason != nil }

    /// Who recorded a history and where: "màn hình, người dùng máy motcua: 7 việc; dòng lệnh, người dùng máy
    /// root: 1 việc".
    public static func provenanceSummary(_ events: [RecordedEvent]) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for e in events {
            let key = e.channel.vietnameseName + (e.osUser.isEmpty ? "" : ", người dùng máy \(e.osUser)")
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { "\($0): \(counts[$0]!) việc" }.joined(separator: "; ")
    }
}
