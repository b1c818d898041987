import MotCuaCore

extension Store {
    /// Every case, merged with its steps and its events (three ordered scans, nothing held beyond one case):
    /// history numbered from 1 without a gap and starting with the reception; the stored state equal to the
    /// replayed one; times as the recording rules want them; the search text and the reversed numbers current; the row equal to the
    /// digest its last event carries.
    func checkCases(now: LocalDateTime, add: (String) -> Void, progress: ((CheckPass, Int, Int) -> Void)?) throws {
        let total = Int(try db.scalarInt("SELECT count(*) FROM cases") ?? 0)
        let officers = try Dictionary(
            uniqueKeysWithValues: db.rows("SELECT id, username FROM officers") { ($0.int64(0), $0.text(1)) })
        let bodies = try Dictionary(
            uniqueKeysWithValues: db.rows("SELECT id, code FROM bodies") { ($0.int64(0), $0.text(1)) })
        let cases = try Cursor(
            db,
            """
            SELECT c.id, c.code, c.applicant_kind, c.applicant_name, c.applicant_id_number, c.applicant_phone,
                   c.representative_name, c.representative_id_number, c.search_text, c.status, c.legal_due_at,
                   c.appointment_at, c.paused_at, c.supplement_rounds, c.reschedule_count, c.result_at,
                   c.result_is_refusal, c.returned_at, c.evaluated, c.closed_at, \(HistoryChain.digestExpressions),
                   c.search_digits
            FROM cases c ORDER BY c.id
            """)
        let steps = try Cursor(
            db,
            "SELECT case_id, handed_over_at, step_due_at, acknowledged_at, done_at FROM case_steps ORDER BY case_id, position"
        )
        let events = try Cursor(
            db,
            """
            SELECT case_id, seq, kind, at, officer_id, body_id, data, recorded_at, channel, os_user, late_reason, row_digest
            FROM events ORDER BY case_id, seq
            """)
        func time(_ r: Row, _ i: Int32) -> LocalDateTime? { r.optionalInt(i).map(LocalDateTime.init(minutes:)) }
        var done = 0
        while let c = cases.row {
            let id = c.int64(0)
            let code = c.text(1)
            // Steps and events of cases that do not exist (their case row deleted outside the program).
            while let s = steps.row, s.int64(0) < id {
                add("bước xử lý của hồ sơ số \(s.int64(0)) không còn hồ sơ")
                try steps.advance()
            }
            while let e = events.row, e.int64(0) < id {
                add("sự kiện của hồ sơ số \(e.int64(0)) không còn hồ sơ (hồ sơ bị xóa ngoài chương trình)")
                try events.advance()
            }
            var progressOfSteps: [StepProgress] = []
            while let s = steps.row, s.int64(0) == id {
                var p = StepProgress()
                p.handedOverAt = time(s, 1)
                p.stepDue = time(s, 2)
                p.acknowledgedAt = time(s, 3)
                p.doneAt = time(s, 4)
                progressOfSteps.append(p)
                try steps.advance()
            }
            var history: [RecordedEvent] = []
            var unreadable = false
            var lastDigest: String?
            while let e = events.row, e.int64(0) == id {
                if let payload = try? EventCodec.decode(kind: e.text(2), data: e.text(6)) {
                    history.append(
                        RecordedEvent(
                            seq: e.int(1),
                            event: CaseEvent(
                                payload, at: LocalDateTime(minutes: e.int(3)), officer: officers[e.int64(4)] ?? "",
                                bodyCode: e.isNull(5) ? nil : bodies[e.int64(5)]),
                            officerName: "", recordedAt: e.int64(7),
                            channel: RecordingChannel(rawValue: e.text(8)) ?? .unknown, osUser: e.text(9),
                            lateReason: e.optionalText(10)))
                } else {
                    unreadable = true
                }
                lastDigest = e.optionalText(11)
                try events.advance()
            }
            defer {
                done += 1
                if done % 20_000 == 0 { progress?(.cases, done, total) }
            }
            // What the checks below need of the case row, read before the cursor moves on.
            let stored = CaseState(
                status: CaseStatus(rawValue: c.text(9)) ?? .received, legalDue: LocalDateTime(minutes: c.int(10)),
                appointment: LocalDateTime(minutes: c.int(11)), pausedAt: time(c, 12), supplementRounds: c.int(13),
                rescheduleCount: c.int(14), steps: progressOfSteps, resultAt: time(c, 15), resultIsRefusal: c.bool(16),
                returnedAt: time(c, 17), evaluated: c.bool(18), closedAt: time(c, 19))
            let applicant = Applicant(
                kind: ApplicantKind(rawValue: c.text(2)) ?? .person, fullName: c.text(3), idNumber: c.optionalText(4),
                phone: c.optionalText(5), representativeName: c.optionalText(6),
                representativeIDNumber: c.optionalText(7))
            let searchText = c.text(8)
            let searchDigits = c.text(23)
            let digest = HistoryChain.digest(
                row: c.optionalText(20), documents: c.optionalText(21), steps: c.optionalText(22))
            try cases.advance()
            if unreadable {
                add("hồ sơ \(code): có sự kiện không đọc được")
                continue
            }
            if history.isEmpty || history.map(\.seq) != Array(1...history.count) {
                add("hồ sơ \(code): số thứ tự sự kiện không liên tục")
                continue
            }
            do throws(Refusal) {
                let derived = try CaseLifecycle.replay(history.map(\.event), stepCount: progressOfSteps.count)
                if derived != stored {
                    add(
                        "hồ sơ \(code): trạng thái lưu khác trạng thái tính lại từ lịch sử (\(Store.difference(stored, derived)))"
                    )
                }
            } catch {
                add("hồ sơ \(code): lịch sử không hợp lệ (\(error))")
            }
            for problem in RecordingTime.audit(history, now: now) {
                switch problem {
                case let .outOfOrder(seq, at, previous):
                    add(
                        "hồ sơ \(code): sự kiện \(seq) lúc \(at.vietnamese) trước sự kiện ghi trước nó (\(previous.vietnamese))"
                    )
                case let .inFuture(seq, at, recorded):
                    add(
                        "hồ sơ \(code): sự kiện \(seq) ghi thời điểm \(at.vietnamese), sau lúc được ghi (\(recorded.vietnamese))"
                    )
                case let .lateWithoutReason(seq, at, recorded):
                    add(
                        "hồ sơ \(code): sự kiện \(seq) lúc \(at.vietnamese) ghi sau (\(recorded.vietnamese)) mà không có lý do nhập sau"
                    )
                }
            }
            if Store.searchText(code: code, applicant: applicant) != searchText
                || Store.searchDigits(code: code, applicant: applicant) != searchDigits
            {
                add("hồ sơ \(code): nội dung tìm kiếm chưa cập nhật")
            }
            if lastDigest == nil {
                add("hồ sơ \(code): sự kiện cuối không mang dấu của hồ sơ")
            } else if lastDigest != digest {
                add("hồ sơ \(code): dữ liệu hồ sơ khác với lúc ghi sự kiện cuối (đã bị sửa ngoài chương trình)")
            }
        }
        while let e = events.row {
            add("sự kiện của hồ sơ số \(e.int64(0)) không còn hồ sơ (hồ sơ bị xóa ngoài chương trình)")
            try events.advance()
        }
        progress?(.cases, done, total)
    }

    /// What differs between a stored and a replayed state, for the finding (field names, not data).
    static func difference(_ stored: CaseState, _ derived: CaseState) -> String {
        var parts: [String] = []
        if stored.status != derived.status {
            parts.append("trạng thái \(stored.status.rawValue) ≠ \(derived.status.rawValue)")
        }
        if stored.appointment != derived.appointment {
            parts.append("hẹn \(stored.appointment.vietnamese) ≠ \(derived.appointment.vietnamese)")
        }
        if stored.legalDue != derived.legalDue {
            parts.append("hạn \(stored.legalDue.vietnamese) ≠ \(derived.legalDue.vietnamese)")
        }
        if stored.steps != derived.steps { parts.append("các bước xử lý") }
        if stored.resultAt != derived.resultAt || stored.returnedAt != derived.returnedAt
            || stored.closedAt != derived.closedAt
        {
            parts.append("thời điểm có kết quả, trả, kết thúc")
        }
        return parts.isEmpty ? "các trường khác" : parts.joined(separator: "; ")
    }
}
