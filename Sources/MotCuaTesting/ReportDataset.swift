import MotCuaCore
import MotCuaDesk
import MotCuaStore

/// The fixed dataset of the report tests (issue 7), built through the application layer as it would have
/// happened (the workspace's clock moves to each moment): fifteen cases around October 2026 — carried over
/// from September, received in October early / on time / late / pending, a liên thông group case, a
/// rescheduled case, a refusal, a withdrawal, a cancellation, one received after the month. The expected
/// figures are worked out by hand in the tests; the comments give each case's deadline and outcome.
public enum ReportDataset {
    /// The cases by letter (the tests' names for them) → case code.
    public typealias Codes = [String: String]

    public static func build(_ ws: TestWorkspace) throws -> Codes {
        _ = try ws.desk().createOfficer(
            username: "tiepnhan2", fullName: "Võ Văn Hai", role: .deskOfficer, bodyCode: nil,
            password: "mat-khau-t2", by: try ws.actor("quantri"))
        var codes: Codes = [:]

        func receive(
            _ letter: String, _ procedure: String, _ name: String, at: String, by officer: String = "tiepnhan",
            channel: Channel = .inPerson, address: String? = nil, phone: String? = nil
        ) throws {
            codes[letter] = try ws.register(
                name, procedure: procedure, at: at, phone: phone, by: officer, channel: channel,
                address: address
            ).code
        }
        func officer(_ body: String) -> String {
            body == "TUPHAP" ? "tuphap" : body == "LANHDAO" ? "lanhdao" : "tiepnhan"
        }
        func act(_ letter: String, _ action: CaseAction, at: String, by officer: String = "tiepnhan") throws {
            try ws.act(action, on: codes[letter]!, at: at, by: officer)
        }
        /// Walks the route: hand-over of step 1 by the counter, then for each step its receipt and its result,
        /// handing on to the next body at the result's instant. `done` may be shorter than the route.
        func walk(_ letter: String, handOver: String, acks: [String], done: [(String, String)]) throws {
            let steps = try ws.store.caseRecord(code: codes[letter]!)!.steps
            try act(letter, .handOver(), at: handOver)
            for (k, ack) in acks.enumerated() {
                try act(letter, .acknowledge(step: k), at: ack, by: officer(steps[k].bodyCode))
                guard k < done.count else { break }
                let (at, note) = done[k]
                try act(
                    letter, .finishStep(step: k, note: note, handOverNext: k + 1 < steps.count && k + 1 < acks.count),
                    at: at,
                    by: officer(steps[k].bodyCode))
            }
        }
        func result(_ letter: String, at: String, returned: String?) throws {
            try act(letter, .resultReceived(number: "KQ-\(letter)"), at: at)
            if let returned { try act(letter, .returnToApplicant(method: .counter, told: true), at: returned) }
        }
        func evaluate(_ letter: String, _ e: Evaluation, at: String) throws { try act(letter, .evaluate(e), at: at) }
        func scores(_ v: [Int]) -> Evaluation {
            var d: [String: Int] = [:]
            for (i, index) in EvaluationIndex.allCases.enumerated() { d[index.rawValue] = v[i] }
            return .indices(d)
        }
        let ok = "Đã xử lý xong"

        // L — Cư trú, 7 working days: received Mon 14/09, due Wed 23/09 09:00; never handed over, no result.
        try receive(
            "L", "1.004222", "Lâm Văn Lực", at: "2026-09-14 09:00", address: "Ấp 4, xã Tân Phú", phone: "0912000001")
        // C — Hộ tịch, 3 working days: received 21/09, result 23/09 (before October).
        try receive("C", "1.004873", "Cao Thị Cúc", at: "2026-09-21 09:00")
        try walk(
            "C", handOver: "2026-09-21 10:00", acks: ["2026-09-21 10:10", "2026-09-22 09:10"],
            done: [("2026-09-22 09:00", ok), ("2026-09-22 10:00", ok)])
        try result("C", at: "2026-09-23 09:00", returned: "2026-09-23 10:00")
        // B — Cư trú: received Wed 23/09, due Fri 02/10 09:00; result Fri 02/10 15:00 (the due day, after the due
        // time: late); the police step, due 02/10 10:00, done 14:00: late.
        try receive("B", "1.004222", "Bùi Văn Bình", at: "2026-09-23 09:00")
        try walk("B", handOver: "2026-09-23 10:00", acks: ["2026-09-23 10:30"], done: [("2026-10-02 14:00", ok)])
        try result("B", at: "2026-10-02 15:00", returned: "2026-10-02 15:30")
        try evaluate("B", scores([1, 1, 2, 2, 2]), at: "2026-10-02 15:31")
        // M — Hộ tịch: received 28/09, due 01/10 09:00; supplement asked 29/09 and never brought back (paused).
        try receive("M", "1.004873", "Mai Thị Mơ", at: "2026-09-28 09:00")
        try walk("M", handOver: "2026-09-28 10:00", acks: ["2026-09-28 10:10"], done: [])
        try act(
            "M", .requestSupplement(items: ["Bản sao giấy tờ chứng minh nơi cư trú"], reason: ""),
            at: "2026-09-29 09:00", by: "tuphap")
        // A — Hộ tịch: received Tue 29/09 10:00, due Fri 02/10 10:00; result Thu 01/10 (early).
        try receive("A", "1.004873", "An Văn Anh", at: "2026-09-29 10:00")
        try walk(
            "A", handOver: "2026-09-29 10:30", acks: ["2026-09-29 10:40", "2026-09-30 09:10"],
            done: [("2026-09-30 09:00", ok), ("2026-09-30 15:00", ok)])
        try result("A", at: "2026-10-01 09:00", returned: "2026-10-01 10:00")
        try evaluate("A", scores([2, 2, 2, 2, 2]), at: "2026-10-01 10:01")
        // D — Hộ tịch: received Mon 05/10, due Thu 08/10 09:00; the civil-status step (due Wed 07/10 10:00)
        // finishes Thu 16:00; apology on Wed 07/10 with a new date Mon 12/10; result Fri 09/10: late (legal due).
        try receive(
            "D", "1.004873", "Đỗ Văn Dũng", at: "2026-10-05 09:00", address: "Thôn 1, xã Tân Phú", phone: "0912000004")
        try walk("D", handOver: "2026-10-05 10:00", acks: ["2026-10-05 10:10"], done: [])
        try act(
            "D",
            .reschedule(
                newDue: LocalDateTime(iso: "2026-10-12 09:00")!,
                reason: "Chờ xác minh thông tin khai sinh tại nơi đăng ký trước đây"),
            at: "2026-10-07 09:00", by: "lanhdao")
        try act(
            "D", .finishStep(step: 0, note: "Đã xác minh xong", handOverNext: true), at: "2026-10-08 16:00",
            by: "tuphap")
        try act("D", .acknowledge(step: 1), at: "2026-10-08 16:10", by: "lanhdao")
        try act("D", .finishStep(step: 1, note: "Đã ký"), at: "2026-10-09 09:00", by: "lanhdao")
        try result("D", at: "2026-10-09 10:00", returned: "2026-10-09 11:00")
        try evaluate("D", .satisfaction(.dissatisfied), at: "2026-10-09 11:01")
        // E — Chứng thực, same day, online: received Tue 06/10 09:00, due 17:00; result 16:00 (on time).
        try receive("E", "XA.CT.02", "Ê Văn Em", at: "2026-10-06 09:00", by: "tiepnhan2", channel: .online)
        try walk(
            "E", handOver: "2026-10-06 09:10", acks: ["2026-10-06 09:15", "2026-10-06 11:05"],
            done: [("2026-10-06 11:00", ok), ("2026-10-06 13:00", ok)])
        try result("E", at: "2026-10-06 16:00", returned: "2026-10-06 16:30")
        try evaluate("E", scores([1, 1, 2, 2, 1]), at: "2026-10-06 16:31")
        // I — Hộ tịch: received 12/10, withdrawn 13/10.
        try receive("I", "1.004873", "Ích Văn Ít", at: "2026-10-12 09:00")
        try act("I", .withdraw(reason: "Người nộp xin rút để bổ sung giấy tờ"), at: "2026-10-13 10:00")
        // J — Hộ tịch (birth): received 14/10, cancelled as a wrong entry.
        try receive("J", "1.001193", "Giang Văn Giáp", at: "2026-10-14 09:00")
        try act("J", .cancel(reason: "Nhập nhầm thủ tục"), at: "2026-10-14 09:30", by: "lanhdao")
        // H — Liên thông (birth – residence – health card), 3 working days: received Thu 15/10, due Tue 20/10
        // 09:00; three bodies; result Mon 19/10 (early). One case, counted once.
        try receive("H", "XA.LT.01", "Hồ Thị Hoa", at: "2026-10-15 09:00", by: "tiepnhan2")
        try walk(
            "H", handOver: "2026-10-15 09:30", acks: ["2026-10-15 09:40", "2026-10-15 15:30", "2026-10-16 10:30"],
            done: [("2026-10-15 15:00", ok), ("2026-10-16 10:00", ok), ("2026-10-19 09:00", ok)])
        try result("H", at: "2026-10-19 15:00", returned: "2026-10-19 16:00")
        try evaluate("H", .satisfaction(.verySatisfied), at: "2026-10-19 16:01")
        // N — Hộ tịch: received Tue 20/10, due Fri 23/10 09:00; step due Thu 22/10 10:00; refused Mon 26/10
        // (the refusal is the result: late).
        try receive("N", "1.004873", "Nguyễn Văn Năm", at: "2026-10-20 09:00")
        try walk("N", handOver: "2026-10-20 10:00", acks: ["2026-10-20 10:10"], done: [])
        try act(
            "N", .refuse(reasons: ["Người yêu cầu không đủ điều kiện theo quy định"]), at: "2026-10-26 09:00",
            by: "tuphap")
        // G — Hộ tịch: received Mon 26/10, due Thu 29/10 09:00; step due Wed 28/10 10:00; still with the office.
        try receive("G", "1.004873", "Giáp Thị Gấm", at: "2026-10-26 09:00")
        try walk("G", handOver: "2026-10-26 10:00", acks: ["2026-10-26 10:10"], done: [])
        // O — Chứng thực: received Mon 26/10 15:30 (after 15:00), due Tue 27/10 17:00; result 27/10 11:30.
        try receive("O", "XA.CT.02", "Ông Văn Ổn", at: "2026-10-26 15:30")
        try walk(
            "O", handOver: "2026-10-27 08:00", acks: ["2026-10-27 08:05", "2026-10-27 10:05"],
            done: [("2026-10-27 10:00", ok), ("2026-10-27 11:00", ok)])
        try result("O", at: "2026-10-27 11:30", returned: "2026-10-27 14:00")
        // F — Cư trú by post: received Thu 29/10, due Mon 09/11 09:00; with the police at the end of October.
        try receive("F", "1.004222", "Phan Văn Phúc", at: "2026-10-29 09:00", channel: .post)
        try walk("F", handOver: "2026-10-29 10:00", acks: [], done: [])
        // K — received in November: outside October.
        try receive("K", "1.004873", "Kha Văn Khánh", at: "2026-11-02 09:00")
        return codes
    }
}
