import MotCuaCore
import MotCuaStore

/// The fixed dataset of the report tests (issue 7), built through the store's API: fifteen cases around
/// October 2026 — carried over from September, received in October early / on time / late / pending,
/// a liên thông group case, a rescheduled case, a refusal, a withdrawal, a cancellation, one received after
/// the month. The expected figures are worked out by hand in the tests; the comments give each case's
/// deadline and outcome.
public enum ReportDataset {
    /// The cases by letter (the tests' names for them) → case code.
    public typealias Codes = [String: String]

    public static func build(_ ws: TestWorkspace) throws -> Codes {
        let s = ws.store
        let cal = try ws.calendar()
        try s.createOfficer(username: "tiepnhan2", fullName: "Võ Văn Hai", role: .deskOfficer, password: "mat-khau-t2")
        func t(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
        var codes: Codes = [:]

        func receive(_ letter: String, _ procedure: String, _ name: String, at: String, by officer: String = "tiepnhan",
                     channel: Channel = .inPerson, address: String? = nil, phone: String? = nil) throws {
            let draft = CaseDraft(procedureCode: procedure, applicant: Applicant(fullName: name, phone: phone, address: address),
                                  channel: channel, receivedAt: t(at))
            codes[letter] = try s.registerCase(draft, officer: officer, calendar: cal).code
        }
        func officer(_ body: String) -> String { body == "TUPHAP" ? "tuphap" : body == "LANHDAO" ? "lanhdao" : "tiepnhan" }
        /// Walks the route: hand-over of step 1 by the counter, then for each step its receipt and its result,
        /// handing on to the next body at the result's instant. `done` may be shorter than the route.
        func walk(_ letter: String, handOver: String, acks: [String], done: [(String, String)]) throws {
            let code = codes[letter]!
            let steps = try s.caseRecord(code: code)!.steps
            try s.handOver(caseCode: code, at: t(handOver), officer: "tiepnhan", calendar: cal)
            for (k, ack) in acks.enumerated() {
                try s.acknowledge(caseCode: code, step: k, at: t(ack), officer: officer(steps[k].bodyCode))
                guard k < done.count else { break }
                let (at, note) = done[k]
                if k + 1 < steps.count && k + 1 < acks.count {
                    try s.finishAndHandOver(caseCode: code, step: k, note: note, at: t(at), officer: officer(steps[k].bodyCode), calendar: cal)
                } else {
                    try s.finishStep(caseCode: code, step: k, note: note, at: t(at), officer: officer(steps[k].bodyCode))
                }
            }
        }
        func result(_ letter: String, at: String, returned: String?) throws {
            try s.record(.resultReceived(documentNumber: "KQ-\(letter)", documentDate: t(at).date), caseCode: codes[letter]!, at: t(at), officer: "tiepnhan")
            if let returned {
                try s.record(.returned(method: .counter, postalReceipt: nil, applicantToldEarly: false), caseCode: codes[letter]!,
                             at: t(returned), officer: "tiepnhan")
            }
        }
        func evaluate(_ letter: String, _ e: Evaluation, at: String) throws {
            try s.record(.evaluated(e), caseCode: codes[letter]!, at: t(at), officer: "tiepnhan")
        }
        func scores(_ v: [Int]) -> Evaluation {
            var d: [String: Int] = [:]
            for (i, index) in EvaluationIndex.allCases.enumerated() { d[index.rawValue] = v[i] }
            return .indices(d)
        }

        // L — Cư trú, 7 working days: received Mon 14/09, due Wed 23/09 09:00; never handed over, no result.
        try receive("L", "1.004222", "Lâm Văn Lực", at: "2026-09-14 09:00", address: "Ấp 4, xã Tân Phú", phone: "0912000001")
        // C — Hộ tịch, 3 working days: received 21/09, result 23/09 (before October).
        try receive("C", "1.004873", "Cao Thị Cúc", at: "2026-09-21 09:00")
        try walk("C", handOver: "2026-09-21 10:00", acks: ["2026-09-21 10:10", "2026-09-22 09:10"],
                 done: [("2026-09-22 09:00", ""), ("2026-09-22 10:00", "")])
        try result("C", at: "2026-09-23 09:00", returned: "2026-09-23 10:00")
        // B — Cư trú: received Wed 23/09, due Fri 02/10 09:00; result Fri 02/10 15:00 (same date: on time).
        try receive("B", "1.004222", "Bùi Văn Bình", at: "2026-09-23 09:00")
        try walk("B", handOver: "2026-09-23 10:00", acks: ["2026-09-23 10:30"], done: [("2026-10-02 14:00", "")])
        try result("B", at: "2026-10-02 15:00", returned: "2026-10-02 15:30")
        try evaluate("B", scores([1, 1, 2, 2, 2]), at: "2026-10-02 15:31")
        // M — Hộ tịch: received 28/09, due 01/10 09:00; supplement asked 29/09 and never brought back (paused).
        try receive("M", "1.004873", "Mai Thị Mơ", at: "2026-09-28 09:00")
        try walk("M", handOver: "2026-09-28 10:00", acks: ["2026-09-28 10:10"], done: [])
        try s.record(.supplementRequested(items: ["Bản sao giấy tờ chứng minh nơi cư trú"], reason: ""), caseCode: codes["M"]!,
                     at: t("2026-09-29 09:00"), officer: "tuphap")
        // A — Hộ tịch: received Tue 29/09 10:00, due Fri 02/10 10:00; result Thu 01/10 (early).
        try receive("A", "1.004873", "An Văn Anh", at: "2026-09-29 10:00")
        try walk("A", handOver: "2026-09-29 10:30", acks: ["2026-09-29 10:40", "2026-09-30 09:10"],
                 done: [("2026-09-30 09:00", ""), ("2026-09-30 15:00", "")])
        try result("A", at: "2026-10-01 09:00", returned: "2026-10-01 10:00")
        try evaluate("A", scores([2, 2, 2, 2, 2]), at: "2026-10-01 10:01")
        // D — Hộ tịch: received Mon 05/10, due Thu 08/10 09:00; the civil-status step (due Wed 07/10 10:00)
        // finishes Thu 16:00; apology on Wed 07/10 with a new date Mon 12/10; result Fri 09/10: late (legal due).
        try receive("D", "1.004873", "Đỗ Văn Dũng", at: "2026-10-05 09:00", address: "Thôn 1, xã Tân Phú", phone: "0912000004")
        try walk("D", handOver: "2026-10-05 10:00", acks: ["2026-10-05 10:10"], done: [])
        try s.record(.rescheduled(newDue: t("2026-10-12 09:00"), reason: "Chờ xác minh thông tin khai sinh tại nơi đăng ký trước đây"),
                     caseCode: codes["D"]!, at: t("2026-10-07 09:00"), officer: "lanhdao")
        try s.finishAndHandOver(caseCode: codes["D"]!, step: 0, note: "Đã xác minh xong", at: t("2026-10-08 16:00"), officer: "tuphap", calendar: cal)
        try s.acknowledge(caseCode: codes["D"]!, step: 1, at: t("2026-10-08 16:10"), officer: "lanhdao")
        try s.finishStep(caseCode: codes["D"]!, step: 1, at: t("2026-10-09 09:00"), officer: "lanhdao")
        try result("D", at: "2026-10-09 10:00", returned: "2026-10-09 11:00")
        try evaluate("D", .satisfaction(.dissatisfied), at: "2026-10-09 11:01")
        // E — Chứng thực, same day, online: received Tue 06/10 09:00, due 17:00; result 16:00 (on time).
        try receive("E", "XA.CT.02", "Ê Văn Em", at: "2026-10-06 09:00", by: "tiepnhan2", channel: .online)
        try walk("E", handOver: "2026-10-06 09:10", acks: ["2026-10-06 09:15", "2026-10-06 11:05"],
                 done: [("2026-10-06 11:00", ""), ("2026-10-06 13:00", "")])
        try result("E", at: "2026-10-06 16:00", returned: "2026-10-06 16:30")
        try evaluate("E", scores([1, 1, 2, 2, 1]), at: "2026-10-06 16:31")
        // I — Hộ tịch: received 12/10, withdrawn 13/10.
        try receive("I", "1.004873", "Ích Văn Ít", at: "2026-10-12 09:00")
        try s.record(.withdrawn(reason: "Người nộp xin rút để bổ sung giấy tờ"), caseCode: codes["I"]!, at: t("2026-10-13 10:00"), officer: "tiepnhan")
        // J — Hộ tịch (birth): received 14/10, cancelled as a wrong entry.
        try receive("J", "1.001193", "Giang Văn Giáp", at: "2026-10-14 09:00")
        try s.record(.cancelled(reason: "Nhập nhầm thủ tục"), caseCode: codes["J"]!, at: t("2026-10-14 09:30"), officer: "lanhdao")
        // H — Liên thông (birth – residence – health card), 3 working days: received Thu 15/10, due Tue 20/10
        // 09:00; three bodies; result Mon 19/10 (early). One case, counted once.
        try receive("H", "XA.LT.01", "Hồ Thị Hoa", at: "2026-10-15 09:00", by: "tiepnhan2")
        try walk("H", handOver: "2026-10-15 09:30", acks: ["2026-10-15 09:40", "2026-10-15 15:30", "2026-10-16 10:30"],
                 done: [("2026-10-15 15:00", ""), ("2026-10-16 10:00", ""), ("2026-10-19 09:00", "")])
        try result("H", at: "2026-10-19 15:00", returned: "2026-10-19 16:00")
        try evaluate("H", .satisfaction(.verySatisfied), at: "2026-10-19 16:01")
        // N — Hộ tịch: received Tue 20/10, due Fri 23/10 09:00; step due Thu 22/10 10:00; refused Mon 26/10
        // (the refusal is the result: late).
        try receive("N", "1.004873", "Nguyễn Văn Năm", at: "2026-10-20 09:00")
        try walk("N", handOver: "2026-10-20 10:00", acks: ["2026-10-20 10:10"], done: [])
        try s.record(.refused(reasons: ["Người yêu cầu không đủ điều kiện theo quy định"]), caseCode: codes["N"]!,
                     at: t("2026-10-26 09:00"), officer: "tuphap")
        // G — Hộ tịch: received Mon 26/10, due Thu 29/10 09:00; step due Wed 28/10 10:00; still with the office.
        try receive("G", "1.004873", "Giáp Thị Gấm", at: "2026-10-26 09:00")
        try walk("G", handOver: "2026-10-26 10:00", acks: ["2026-10-26 10:10"], done: [])
        // O — Chứng thực: received Mon 26/10 15:30 (after 15:00), due Tue 27/10 17:00; result 27/10 11:30.
        try receive("O", "XA.CT.02", "Ông Văn Ổn", at: "2026-10-26 15:30")
        try walk("O", handOver: "2026-10-27 08:00", acks: ["2026-10-27 08:05", "2026-10-27 10:05"],
                 done: [("2026-10-27 10:00", ""), ("2026-10-27 11:00", "")])
        try result("O", at: "2026-10-27 11:30", returned: "2026-10-27 14:00")
        // F — Cư trú by post: received Thu 29/10, due Mon 09/11 09:00; with the police at the end of October.
        try receive("F", "1.004222", "Phan Văn Phúc", at: "2026-10-29 09:00", channel: .post)
        try walk("F", handOver: "2026-10-29 10:00", acks: [], done: [])
        // K — received in November: outside October.
        try receive("K", "1.004873", "Kha Văn Khánh", at: "2026-11-02 09:00")
        return codes
    }
}
