import MotCuaCore

/// One line of the tracking ledger (Sổ theo dõi hồ sơ).
public struct LedgerRow: Hashable, Sendable {
    public let ledgerYear: Int
    public let ledgerNumber: Int
    public let code: String
    public let procedureName: String
    public let sets: Int
    public let applicantName: String
    public let address: String?
    public let phone: String?
    public let leadBody: String?
    public let receivedAt: LocalDateTime
    public let legalDue: LocalDateTime
    /// The appointment the applicant holds now (a new date after an apology).
    public let appointment: LocalDateTime
    /// The appointment printed on the receipt (`CaseHistory.receiptAppointment`).
    public let receiptAppointment: LocalDateTime
    /// The requests to supplement during processing.
    public let supplements: [CaseHistory.SupplementRound]
    /// The first hand-over to a body.
    public let handedOverAt: LocalDateTime?
    public let resultAt: LocalDateTime?
    public let returnedAt: LocalDateTime?
    public let status: CaseStatus
    public let resultIsRefusal: Bool
    public let rescheduled: Bool
    public let note: String
    /// Events of the case typed after the fact ("nhập sau", with their reason).
    public let lateEntries: Int
}

/// A late case of a period, with the bodies whose steps were late and the reasons recorded.
public struct LateCase: Hashable, Sendable {
    public let code: String
    public let applicantName: String
    public let procedureName: String
    public let field: String
    public let legalDue: LocalDateTime
    /// The result's instant, or nil when still without a result at the end of the period.
    public let resultAt: LocalDateTime?
    /// Working minutes past the deadline (at the result, or at the end of the period).
    public let lateMinutes: Int
    /// "Công an xã (bước 2, quá 1 ngày)", one per late step; the holder at the end of the period for a
    /// pending case whose current step is past its own deadline.
    public let lateBodies: [String]
    /// The reasons recorded for the delay: the apology's (Mẫu 04), a refusal's made after the deadline.
    public let reasons: [String]
    /// Whether an apology (Mẫu 04) was issued; `lateApology`: less than one working day before the due time,
    /// or after it.
    public let apologised: Bool
    public let lateApology: Bool
}

/// The end-of-day summary.
public struct DailySummary: Hashable, Sendable {
    public let date: CivilDate
    public let received: [CaseSummary]
    public let handedOver: Int
    public let resultsReceived: Int
    public let returned: Int
    /// The next working day, and the open cases due that day.
    public let nextWorkingDay: CivilDate
    public let dueNext: [CaseSummary]
    /// Cases without a result at the end of the day whose appointment had passed.
    public let overdue: Int
    /// Events typed that day after the fact ("nhập sau": more than 30 minutes after they happened, with a
    /// reason), whatever day they happened.
    public let lateEntries: Int
    /// The last link of the history recorded by the end of the day (its number and hash): written on the
    /// paper copy, it pins the day's record (`motcua check --anchor`).
    public let lastLink: (number: Int64, hash: String)?

    public static func == (a: DailySummary, b: DailySummary) -> Bool {
        a.date == b.date && a.received == b.received && a.handedOver == b.handedOver
            && a.resultsReceived == b.resultsReceived
            && a.returned == b.returned && a.nextWorkingDay == b.nextWorkingDay && a.dueNext == b.dueNext
            && a.overdue == b.overdue && a.lateEntries == b.lateEntries && a.lastLink?.number == b.lastLink?.number
            && a.lastLink?.hash == b.lastLink?.hash
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(lastLink?.hash)
    }
}

extension Store {
    // MARK: Statistics

    /// The facts of every case that can appear in the period's statistics: received in the period, resolved
    /// in it or after it, or still without a result. Five disjoint index ranges, so that an old period costs
    /// what a recent one does (D45).
    public func statisticsFacts(_ period: ReportPeriod) throws(StoreError) -> [CaseFacts] {
        try storeCall {
            // Received in the period (received_at); received before it and resolved since it began (the two
            // parts below); without a result and open (NULL, NULL) or closed since it began.
            let columns =
                "SELECT c.code, v.field, c.channel, c.status, c.received_at, c.legal_due_at, c.result_at, c.closed_at, c.paused_at FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id"
            // Received before the period and resolved since it began, in two disjoint parts so that an old
            // period does not read every later result: received in the window just before it (index on
            // received_at, result_at), or earlier and taking longer than the window (index on the span).
            let window = Self.statisticsWindowMinutes
            return try db.rows(
                """
                \(columns) WHERE c.received_at >= ?1 AND c.received_at < ?2
                UNION ALL \(columns) WHERE c.received_at >= ?1 - ?3 AND c.received_at < ?1 AND c.result_at >= ?1
                UNION ALL \(columns) WHERE c.result_at - c.received_at > ?3 AND c.received_at < ?1 - ?3 AND c.result_at >= ?1
                UNION ALL \(columns) WHERE c.result_at IS NULL AND c.closed_at IS NULL AND c.received_at < ?1
                UNION ALL \(columns) WHERE c.result_at IS NULL AND c.closed_at >= ?1 AND c.received_at < ?1
                """, [period.start.minutes, period.end.minutes, window]
            ) { r in
                CaseFacts(
                    code: r.text(0), field: r.text(1), channel: Channel(rawValue: r.text(2)) ?? .inPerson,
                    status: CaseStatus(rawValue: r.text(3)) ?? .received, receivedAt: LocalDateTime(minutes: r.int(4)),
                    legalDue: LocalDateTime(minutes: r.int(5)),
                    resultAt: r.optionalInt(6).map(LocalDateTime.init(minutes:)),
                    closedAt: r.optionalInt(7).map(LocalDateTime.init(minutes:)),
                    pausedAt: r.optionalInt(8).map(LocalDateTime.init(minutes:)))
            }
        }
    }

    /// The window before a period in which cases resolved since it began are looked for by reception time
    /// (120 days); longer cases are found by their span. Any non-negative value gives the same rows; this one
    /// keeps both parts small (most cases take days, a few take months).
    static let statisticsWindowMinutes = 120 * 24 * 60

    /// The statistics of a period as they stand at `now` (which matters only for a period not yet ended).
    public func periodStatistics(_ period: ReportPeriod, now: LocalDateTime) throws(StoreError) -> PeriodStatistics {
        PeriodStatistics(try statisticsFacts(period), period: period, now: now)
    }

    // MARK: Ledger

    /// The ledger's lines for the cases received in the period, in ledger order.
    public func ledger(_ period: ReportPeriod) throws(StoreError) -> [LedgerRow] {
        var rows: [LedgerRow] = []
        try forEachLedgerRow(period) { rows.append($0) }
        return rows
    }

    /// The ledger years of the cases received in the period, in order.
    public func ledgerYears(_ period: ReportPeriod) throws(StoreError) -> [Int] {
        try storeCall {
            try db.rows(
                "SELECT DISTINCT ledger_year FROM cases WHERE received_at >= ? AND received_at < ? ORDER BY 1",
                [period.start.minutes, period.end.minutes]
            ) { $0.int(0) }
        }
    }

    /// Calls `body` with each of the ledger's lines of the period, in ledger order, one at a time: a year's
    /// ledger is never held whole. Each case's events that make the receipt's appointment and the supplement
    /// rounds come with its row (one text column per case, separated by control characters JSON never holds raw).
    public func forEachLedgerRow(_ period: ReportPeriod, _ body: (LedgerRow) throws -> Void) throws(StoreError) {
        try storeCall {
            try db.forEach(
                Store.ledgerSQL(where: "c.received_at >= ? AND c.received_at < ?")
                    + " ORDER BY c.ledger_year, c.ledger_number", [period.start.minutes, period.end.minutes]
            ) { r in
                try body(Store.ledgerRow(r))
                return true
            }
        }
    }

    /// The cases of the period's ledger, in ledger order: what a screen reads a page at a time by position
    /// (`ledgerRows(ids:)`), 8 bytes a case.
    public func ledgerOrder(_ period: ReportPeriod) throws(StoreError) -> [Int64] {
        try storeCall {
            try db.rows(
                """
                SELECT id FROM cases WHERE received_at >= ? AND received_at < ? ORDER BY ledger_year, ledger_number
                """, [period.start.minutes, period.end.minutes]
            ) { $0.int64(0) }
        }
    }

    /// The ledger's lines of these cases, in the order given (cases that no longer exist are left out).
    public func ledgerRows(ids: [Int64]) throws(StoreError) -> [LedgerRow] {
        guard !ids.isEmpty else { return [] }
        return try storeCall {
            var byID: [Int64: LedgerRow] = [:]
            try db.forEach(
                Store.ledgerSQL(where: "c.id IN (SELECT value FROM json_each(?))"),
                ["[" + ids.map(String.init).joined(separator: ",") + "]"]
            ) { r in
                byID[r.int64(21)] = try Store.ledgerRow(r)
                return true
            }
            return ids.compactMap { byID[$0] }
        }
    }

    /// The ledger's query: one line per case, the events that make the receipt's appointment and the
    /// supplement rounds in one text column (separated by control characters JSON never holds raw); the
    /// case's id last.
    static func ledgerSQL(where condition: String) -> String {
        let kinds = [
            CaseEventKind.received, .corrected, .supplementRequested, .supplementReceived, .rescheduled
        ].map { "'\($0.rawValue)'" }.joined(separator: ",")
        return """
            SELECT c.ledger_year, c.ledger_number, c.code, v.name, c.sets, c.applicant_name, c.applicant_address, c.applicant_phone,
                   (SELECT b.name FROM case_steps s JOIN route_steps r ON r.version_id = c.procedure_version_id AND r.position = s.route_position
                           JOIN bodies b ON b.id = s.body_id WHERE s.case_id = c.id AND r.is_lead = 1 LIMIT 1),
                   c.received_at, c.legal_due_at, c.appointment_at,
                   (SELECT min(handed_over_at) FROM case_steps WHERE case_id = c.id),
                   c.result_at, c.returned_at, c.status, c.result_is_refusal, c.reschedule_count, c.note,
                   (SELECT count(*) FROM events e WHERE e.case_id = c.id AND e.late_reason IS NOT NULL),
                   (SELECT group_concat(kind || char(31) || at || char(31) || data, char(30)) FROM
                       (SELECT kind, at, data FROM events WHERE case_id = c.id AND kind IN (\(kinds)) ORDER BY seq)),
                   c.id
            FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id
            WHERE \(condition)
            """
    }

    /// One line of the ledger from a row of `ledgerSQL`.
    static func ledgerRow(_ r: Row) throws -> LedgerRow {
        func t(_ i: Int32) -> LocalDateTime? { r.optionalInt(i).map(LocalDateTime.init(minutes:)) }
        // kind US at US data, RS between events: JSON text never holds a raw control character.
        var events: [CaseEvent] = []
        for item in r.optionalText(20)?.utf8.split(separator: 0x1E) ?? [] {
            let parts = item.split(separator: 0x1F, maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let kind = String(parts[0]), let data = String(parts[2]),
                let at = String(parts[1]).flatMap({ Int($0) }),
                let payload = try? EventCodec.decode(kind: kind, data: data)
            else { continue }
            events.append(CaseEvent(payload, at: LocalDateTime(minutes: at), officer: ""))
        }
        let legalDue = LocalDateTime(minutes: r.int(10))
        return LedgerRow(
            ledgerYear: r.int(0), ledgerNumber: r.int(1), code: r.text(2), procedureName: r.text(3),
            sets: r.int(4),
            applicantName: r.text(5), address: r.optionalText(6), phone: r.optionalText(7),
            leadBody: r.optionalText(8),
            receivedAt: LocalDateTime(minutes: r.int(9)), legalDue: legalDue,
            appointment: LocalDateTime(minutes: r.int(11)),
            receiptAppointment: CaseHistory.receiptAppointment(events) ?? legalDue,
            supplements: CaseHistory.supplementRounds(events), handedOverAt: t(12), resultAt: t(13),
            returnedAt: t(14),
            status: CaseStatus(rawValue: r.text(15)) ?? .received, resultIsRefusal: r.bool(16),
            rescheduled: r.int(17) > 0, note: r.text(18), lateEntries: r.int(19))
    }

    // MARK: Late cases

    /// The cases late in the period: resolved late in it, or still without a result and past the deadline at
    /// its end (or now, for a period not yet ended); by deadline.
    public func lateCases(_ period: ReportPeriod, now: LocalDateTime, calendar: WorkingCalendar) throws(StoreError)
        -> [LateCase]
    {
        let judgedAt = min(period.end, now)
        var late: [(facts: CaseFacts, finished: LocalDateTime?)] = []
        for f in try statisticsFacts(period) {
            switch StatisticsPlacement.place(f, in: period, now: now) {
            case .counted(_, .resolved(.late)): late.append((f, f.resultAt))
            case .counted(_, .pendingOverdue): late.append((f, nil))
            default: continue
            }
        }
        guard !late.isEmpty else { return [] }
        struct Step {
            let body: String
            let handedOverAt, due, doneAt: LocalDateTime?
        }
        // What the list shows of the late cases only, read as three sets (not a whole case record each).
        var cases: [String: (id: Int64, applicant: String, procedure: String)] = [:]
        var steps: [Int64: [Step]] = [:]
        var events: [Int64: [CaseEvent]] = [:]
        try storeCall {
            let codes = JSONValue.array(late.map { .string($0.facts.code) }).compactText
            _ = try db.rows(
                """
                SELECT c.code, c.id, c.applicant_name, v.name FROM cases c
                JOIN procedure_versions v ON v.id = c.procedure_version_id
                WHERE c.code IN (SELECT value FROM json_each(?))
                """, [codes]
            ) { r -> Void in cases[r.text(0)] = (r.int64(1), r.text(2), r.text(3)) }
            let ids = JSONValue.array(cases.values.map { .int(Int($0.id)) }).compactText
            func time(_ r: Row, _ i: Int32) -> LocalDateTime? { r.optionalInt(i).map(LocalDateTime.init(minutes:)) }
            _ = try db.rows(
                """
                SELECT s.case_id, b.name, s.handed_over_at, s.step_due_at, s.done_at
                FROM case_steps s JOIN bodies b ON b.id = s.body_id
                WHERE s.case_id IN (SELECT value FROM json_each(?)) ORDER BY s.case_id, s.position
                """, [ids]
            ) { r -> Void in
                steps[r.int64(0), default: []].append(
                    Step(body: r.text(1), handedOverAt: time(r, 2), due: time(r, 3), doneAt: time(r, 4)))
            }
            _ = try db.rows(
                """
                SELECT case_id, kind, at, data FROM events
                WHERE case_id IN (SELECT value FROM json_each(?)) AND kind IN ('\(CaseEventKind.rescheduled.rawValue)', '\(CaseEventKind.refused.rawValue)')
                ORDER BY case_id, seq
                """, [ids]
            ) { r -> Void in
                guard let payload = try? EventCodec.decode(kind: r.text(1), data: r.text(3)) else { return }
                events[r.int64(0), default: []].append(
                    CaseEvent(payload, at: LocalDateTime(minutes: r.int(2)), officer: ""))
            }
        }
        var result: [LateCase] = []
        for (f, finished) in late {
            guard let found = cases[f.code] else { continue }
            let caseSteps = steps[found.id] ?? []
            let until = finished ?? judgedAt
            var bodies: [String] = []
            var reasons: [String] = []
            var apologised = false
            var lateApology = false
            for (k, s) in caseSteps.enumerated() {
                guard let due = s.due else { continue }
                let late: Bool =
                    s.doneAt.map { Punctuality.judge(done: $0, due: due) == .late }
                    ?? (due < until && s.handedOverAt.map { $0 < until } == true)
                guard late else { continue }
                let over = calendar.workingMinutes(from: due, to: s.doneAt ?? until)
                bodies.append("\(s.body) (bước \(k + 1), quá \(RemainingTime.durationText(minutes: max(over, 1))))")
            }
            if !caseSteps.isEmpty && caseSteps.allSatisfy({ $0.handedOverAt.map { $0 >= until } ?? true }) {
                bodies.append("Bộ phận một cửa (chưa chuyển hồ sơ)")
            }
            // The reasons given for the delay: the apology's, and a refusal's when it came after the deadline
            // (the refusal is then the late result). A step's result note says what was done, not why late.
            for e in events[found.id] ?? [] {
                switch e.payload {
                case let .rescheduled(_, reason, late):
                    apologised = true
                    lateApology = late
                    reasons.append("\(late ? "Xin lỗi muộn" : "Xin lỗi"): \(reason)")
                case let .refused(items) where Punctuality.judge(done: e.at, due: f.legalDue) == .late:
                    reasons.append("Từ chối sau thời hạn: \(items.joined(separator: "; "))")
                default: break
                }
            }
            result.append(
                LateCase(
                    code: f.code, applicantName: found.applicant, procedureName: found.procedure,
                    field: f.field, legalDue: f.legalDue, resultAt: finished,
                    lateMinutes: max(1, calendar.workingMinutes(from: f.legalDue, to: until)),
                    lateBodies: bodies, reasons: reasons, apologised: apologised, lateApology: lateApology))
        }
        return result.sorted { ($0.legalDue, $0.code) < ($1.legalDue, $1.code) }
    }

    // MARK: Evaluations

    /// The evaluations recorded in the period, each with what scores it: the officer who received the case
    /// (the counter's officer the citizen evaluates), the field, the result against the legal deadline, the
    /// return against the appointment, and each step's body and verdict.
    public func evaluations(_ period: ReportPeriod) throws(StoreError) -> [EvaluatedCase] {
        try storeCall {
            let filter =
                "e.kind = 'evaluated' AND e.at >= ?1 AND e.at < ?2 AND c.status <> 'cancelled'"
            var steps: [Int64: [EvaluatedCase.BodyVerdict]] = [:]
            _ = try db.rows(
                """
                SELECT s.case_id, b.name, s.step_due_at, s.done_at, k.result_at FROM case_steps s
                JOIN bodies b ON b.id = s.body_id JOIN cases k ON k.id = s.case_id
                WHERE s.case_id IN (SELECT c.id FROM events e JOIN cases c ON c.id = e.case_id WHERE \(filter))
                ORDER BY s.case_id, s.position
                """, [period.start.minutes, period.end.minutes]
            ) { r -> Void in
                let due = r.optionalInt(2).map(LocalDateTime.init(minutes:))
                let verdict = Punctuality.ofStep(
                    due: due, done: r.optionalInt(3).map(LocalDateTime.init(minutes:)),
                    caseResultAt: r.optionalInt(4).map(LocalDateTime.init(minutes:)))
                steps[r.int64(0), default: []].append(
                    EvaluatedCase.BodyVerdict(body: r.text(1), verdict: verdict, reached: due != nil))
            }
            return try db.rows(
                """
                SELECT o.full_name, e.data, v.field, c.legal_due_at, c.result_at, c.appointment_at, c.returned_at, c.id
                FROM events e JOIN cases c ON c.id = e.case_id JOIN officers o ON o.id = c.received_by
                JOIN procedure_versions v ON v.id = c.procedure_version_id
                WHERE \(filter)
                ORDER BY e.at, c.id
                """, [period.start.minutes, period.end.minutes]
            ) { r -> EvaluatedCase? in
                guard case .evaluated(let e)? = try? EventCodec.decode(kind: "evaluated", data: r.text(1)) else {
                    return nil
                }
                func judge(_ done: Int32, _ due: Int32) -> Punctuality? {
                    r.optionalInt(done).map {
                        Punctuality.judge(done: LocalDateTime(minutes: $0), due: LocalDateTime(minutes: r.int(due)))
                    }
                }
                return EvaluatedCase(
                    officer: r.text(0), field: r.text(2), evaluation: e, result: judge(4, 3), returned: judge(6, 5),
                    steps: steps[r.int64(7)] ?? [])
            }.compactMap { $0 }
        }
    }

    // MARK: Daily summary

    public func dailySummary(_ date: CivilDate, calendar: WorkingCalendar) throws(StoreError) -> DailySummary {
        let start = LocalDateTime(date: date, minuteOfDay: 0).minutes
        let end = start + 1440
        let next = calendar.nextWorkingDay(after: date)
        let nextStart = LocalDateTime(date: next, minuteOfDay: 0).minutes
        let lastLink = try chainHead(endOf: date)
        return try storeCall {
            func summaries(_ sql: String, _ values: [SQLBindable]) throws -> [CaseSummary] {
                try db.rows(
                    """
                    SELECT \(Store.summaryColumns)
                    FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id \(sql)
                    """, values
                ) { r in
                    Store.mapSummary(r)
                }
            }
            func count(_ kinds: String...) throws -> Int {
                let list = kinds.map { "'\($0)'" }.joined(separator: ",")
                return Int(
                    try db.scalarInt(
                        "SELECT count(DISTINCT case_id) FROM events WHERE kind IN (\(list)) AND at >= ? AND at < ?",
                        start, end) ?? 0)
            }
            // Open at the end of that day (no result, not closed by then): the summary of a past day reads the
            // same later.
            let openAtEnd =
                "c.status <> 'cancelled' AND c.received_at < ?1 AND (c.result_at IS NULL OR c.result_at >= ?1) AND (c.closed_at IS NULL OR c.closed_at >= ?1)"
            // A case waiting for the applicant's supplement is not overdue: its clock is stopped.
            let running = "(c.paused_at IS NULL OR c.paused_at >= ?1)"
            return DailySummary(
                date: date,
                received: try summaries(
                    "WHERE c.received_at >= ? AND c.received_at < ? AND c.status <> 'cancelled' ORDER BY c.ledger_year, c.ledger_number",
                    [start, end]),
                handedOver: try count("handed_over"), resultsReceived: try count("result_received", "refused"),
                returned: try count("returned"),
                nextWorkingDay: next,
                dueNext: try summaries(
                    "WHERE \(openAtEnd) AND c.appointment_at >= ?2 AND c.appointment_at < ?3 ORDER BY c.appointment_at, c.code",
                    [end, nextStart, nextStart + 1440]),
                overdue: Int(
                    try db.scalarInt(
                        "SELECT count(*) FROM cases c WHERE \(openAtEnd) AND \(running) AND c.appointment_at < ?1", end)
                        ?? 0),
                lateEntries: Int(
                    try db.scalarInt(
                        """
                        SELECT count(*) FROM events WHERE late_reason IS NOT NULL AND recorded_at >= ? AND recorded_at < ?
                        """, LocalDateTime(minutes: start).unixSeconds, LocalDateTime(minutes: end).unixSeconds) ?? 0),
                lastLink: lastLink)
        }
    }
}
