/// A reporting period: whole days from `from` to `to`, both included.
public struct ReportPeriod: Hashable, Sendable {
    public let from: CivilDate
    public let to: CivilDate

    public init?(from: CivilDate, to: CivilDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// The first instant of the period and the first instant after it.
    public var start: LocalDateTime { LocalDateTime(date: from, minuteOfDay: 0) }
    public var end: LocalDateTime { LocalDateTime(date: to.adding(days: 1), minuteOfDay: 0) }

    public func contains(_ t: LocalDateTime) -> Bool { t >= start && t < end }

    public static func month(_ year: Int, _ month: Int) -> ReportPeriod? {
        guard let first = CivilDate(year: year, month: month, day: 1),
            let last = CivilDate(year: year, month: month, day: CivilDate.daysInMonth(year: year, month: month))
        else { return nil }
        return ReportPeriod(from: first, to: last)
    }

    public static func quarter(_ year: Int, _ quarter: Int) -> ReportPeriod? {
        guard (1...4).contains(quarter), let a = month(year, quarter * 3 - 2), let b = month(year, quarter * 3) else {
            return nil
        }
        return ReportPeriod(from: a.from, to: b.to)
    }

    public static func year(_ year: Int) -> ReportPeriod? {
        guard let a = CivilDate(year: year, month: 1, day: 1), let b = CivilDate(year: year, month: 12, day: 31) else {
            return nil
        }
        return ReportPeriod(from: a, to: b)
    }

    /// "01/10/2026 – 31/12/2026", or "Quý IV năm 2026", "Tháng 11 năm 2026", "Năm 2026" when it is one.
    public var vietnamese: String {
        let c = from.components
        if self == ReportPeriod.year(c.year) { return "Năm \(c.year)" }
        if c.month % 3 == 1, self == ReportPeriod.quarter(c.year, (c.month + 2) / 3) {
            return "Quý \(["I", "II", "III", "IV"][(c.month - 1) / 3]) năm \(c.year)"
        }
        if self == ReportPeriod.month(c.year, c.month) { return "Tháng \(c.month) năm \(c.year)" }
        return "Từ ngày \(from.vietnamese) đến ngày \(to.vietnamese)"
    }
}

/// What the period statistics need to know of one case.
public struct CaseFacts: Hashable, Sendable {
    public var code: String
    public var field: String
    public var channel: Channel
    public var status: CaseStatus
    public var receivedAt: LocalDateTime
    /// The deadline statistics judge against (a reschedule does not move it).
    public var legalDue: LocalDateTime
    /// When the result (or the refusal) reached the counter.
    public var resultAt: LocalDateTime?
    /// When a case was withdrawn, stopped or cancelled.
    public var closedAt: LocalDateTime?
    /// Paused for a supplement since this instant (the clock stopped), if it still is.
    public var pausedAt: LocalDateTime?

    public init(
        code: String, field: String, channel: Channel, status: CaseStatus, receivedAt: LocalDateTime,
        legalDue: LocalDateTime,
        resultAt: LocalDateTime? = nil, closedAt: LocalDateTime? = nil, pausedAt: LocalDateTime? = nil
    ) {
        self.code = code
        self.field = field
        self.channel = channel
        self.status = status
        self.receivedAt = receivedAt
        self.legalDue = legalDue
        self.resultAt = resultAt
        self.closedAt = closedAt
        self.pausedAt = pausedAt
    }
}

/// Where a case falls in a period's statistics (Biểu 06/VPCP/KSTT).
public enum StatisticsPlacement: Hashable, Sendable {
    public enum Received: Hashable, Sendable { case online, inPersonOrPost, carriedOver }
    public enum Outcome: Hashable, Sendable {
        case resolved(Punctuality)
        case pendingWithinLimit
        case pendingOverdue
        /// Withdrawn during the period without a result: received, neither resolved nor pending.
        case withdrawn
        /// Stopped by notice during the period without a result.
        case stopped
    }

    case counted(Received, Outcome)
    /// Not in this period's table (received after it, finished before it, or cancelled as a wrong entry).
    case outside

    /// The rules, for one case and one period:
    /// - a case cancelled as wrongly entered never counts;
    /// - received: in the period (online, or in person/by post), or carried over when received before the
    ///   period and neither resolved nor withdrawn/stopped before it started;
    /// - resolved: its result (or refusal) reached the counter during the period, judged by that instant
    ///   against the legal deadline (`Punctuality.judge`: early / on time / late);
    /// - withdrawn or stopped: closed so during the period without a result;
    /// - pending at the end: no result by the end of the period; overdue when the legal deadline passed
    ///   before the period ended — or before now, for a period that has not ended — unless the clock was
    ///   stopped for a supplement before the deadline passed.
    public static func place(_ c: CaseFacts, in period: ReportPeriod, now: LocalDateTime) -> StatisticsPlacement {
        if c.status == .cancelled { return .outside }
        let received: Received
        if period.contains(c.receivedAt) {
            received = c.channel == .online ? .online : .inPersonOrPost
        } else if c.receivedAt < period.start
            && !(c.resultAt.map { $0 < period.start } ?? false)
            && !(c.closedAt.map { $0 < period.start } ?? false)
        {
            received = .carriedOver
        } else {
            return .outside
        }
        if let r = c.resultAt, period.contains(r) {
            return .counted(received, .resolved(Punctuality.judge(done: r, due: c.legalDue)))
        }
        if let closed = c.closedAt, period.contains(closed), c.resultAt == nil || c.resultAt! >= period.end {
            return .counted(received, c.status == .stopped ? .stopped : .withdrawn)
        }
        let judgedAt = min(period.end, now)
        let paused = c.pausedAt.map { $0 < judgedAt && $0 <= c.legalDue } ?? false
        return .counted(received, !paused && c.legalDue < judgedAt ? .pendingOverdue : .pendingWithinLimit)
    }
}

/// One row of the period statistics (a field, or the total). Every count is kept on its own — the totals
/// of each group are counted case by case, not added up from their parts — so that the identities of the
/// form are real checks of the placements (`StatisticsCheck`), not sums compared with themselves.
public struct StatisticsRow: Hashable, Sendable {
    public var field: String
    /// (3): every case of the row.
    public var received = 0
    public var receivedOnline = 0
    public var receivedInPersonOrPost = 0
    public var carriedOver = 0
    /// (7): the cases resolved.
    public var resolved = 0
    public var early = 0
    public var onTime = 0
    public var late = 0
    /// (11): the cases still without a result at the end.
    public var pending = 0
    public var pendingWithinLimit = 0
    public var pendingOverdue = 0
    /// (14), (15): withdrawn, stopped during the period without a result.
    public var withdrawn = 0
    public var stopped = 0

    public init(field: String) { self.field = field }

    /// (early + on time) ÷ resolved, nil when nothing was resolved.
    public var onTimeRate: Double? { resolved == 0 ? nil : Double(early + onTime) / Double(resolved) }

    /// "99,96%" (two decimals, Vietnamese comma), "—" when nothing was resolved.
    public var onTimeRateText: String {
        guard let rate = onTimeRate else { return "—" }
        let hundredths = Int((rate * 10000).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        return "\(whole),\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// The row's counts in the order of the printed form's columns (3) to (15).
    public var counts: [Int] {
        [
            received, receivedOnline, receivedInPersonOrPost, carriedOver, resolved, early, onTime, late, pending,
            pendingWithinLimit, pendingOverdue, withdrawn, stopped
        ]
    }

    /// The identities of the form on this row, with the figures they compare.
    public var checks: [StatisticsCheck] {
        [
            StatisticsCheck(
                row: field, identity: .receivedByChannel, left: received,
                right: [receivedOnline, receivedInPersonOrPost, carriedOver]),
            StatisticsCheck(
                row: field, identity: .receivedByOutcome, left: received, right: [resolved, pending, withdrawn, stopped]
            ),
            StatisticsCheck(row: field, identity: .resolvedByVerdict, left: resolved, right: [early, onTime, late]),
            StatisticsCheck(
                row: field, identity: .pendingByLimit, left: pending, right: [pendingWithinLimit, pendingOverdue])
        ]
    }

    mutating func add(_ p: StatisticsPlacement) {
        guard case let .counted(received, outcome) = p else { return }
        self.received += 1
        switch received {
        case .online: receivedOnline += 1
        case .inPersonOrPost: receivedInPersonOrPost += 1
        case .carriedOver: carriedOver += 1
        }
        switch outcome {
        case .resolved(let verdict):
            resolved += 1
            switch verdict {
            case .early: early += 1
            case .onTime: onTime += 1
            case .late: late += 1
            }
        case .pendingWithinLimit:
            pending += 1
            pendingWithinLimit += 1
        case .pendingOverdue:
            pending += 1
            pendingOverdue += 1
        case .withdrawn: withdrawn += 1
        case .stopped: stopped += 1
        }
    }
}

/// One identity of Biểu 06 checked on one row: `left` must equal the sum of `right`.
public struct StatisticsCheck: Hashable, Sendable {
    public enum Identity: Hashable, Sendable {
        /// (3) = (4) + (5) + (6): received = online + in person or by post + carried over.
        case receivedByChannel
        /// (3) = (7) + (11) + (14) + (15): received = resolved + in progress + withdrawn + stopped.
        case receivedByOutcome
        /// (7) = (8) + (9) + (10): resolved = early + on time + late.
        case resolvedByVerdict
        /// (11) = (12) + (13): in progress = within the limit + overdue.
        case pendingByLimit
        /// The total row's column (its number on the form) = the sum of the fields' rows.
        case totalOfColumn(Int)
    }

    public let row: String
    public let identity: Identity
    public let left: Int
    public let right: [Int]

    public init(row: String, identity: Identity, left: Int, right: [Int]) {
        self.row = row
        self.identity = identity
        self.left = left
        self.right = right
    }

    public var holds: Bool { left == right.reduce(0, +) }
}

/// The period statistics: one row per field (in Vietnamese dictionary order), and the total.
public struct PeriodStatistics: Hashable, Sendable {
    public let period: ReportPeriod
    public let rows: [StatisticsRow]
    /// Counted case by case like the rows (not added up from them), so that it checks them.
    public let total: StatisticsRow

    /// Each case counts once (a liên thông group case is one case), in the field of its procedure. `now`
    /// matters only for a period that has not ended: what is overdue is judged at the earlier of the two.
    public init(_ facts: [CaseFacts], period: ReportPeriod, now: LocalDateTime) {
        var byField: [String: StatisticsRow] = [:]
        var total = StatisticsRow(field: "Tổng cộng")
        for c in facts {
            let placement = StatisticsPlacement.place(c, in: period, now: now)
            guard case .counted = placement else { continue }
            byField[c.field, default: StatisticsRow(field: c.field)].add(placement)
            total.add(placement)
        }
        self.init(
            period: period, rows: byField.keys.sorted(by: VietnameseText.precedes).map { byField[$0]! }, total: total)
    }

    /// Figures as given (tests build inconsistent ones to see the checks fail).
    public init(period: ReportPeriod, rows: [StatisticsRow], total: StatisticsRow) {
        self.period = period
        self.rows = rows
        self.total = total
    }

    /// Every identity of the form on every row, and each column of the total against the sum of the rows
    /// (columns numbered as printed: (3) to (15)).
    public var checks: [StatisticsCheck] {
        var all = (rows + [total]).flatMap(\.checks)
        for (i, value) in total.counts.enumerated() {
            all.append(
                StatisticsCheck(
                    row: total.field, identity: .totalOfColumn(i + 3), left: value, right: rows.map { $0.counts[i] }))
        }
        return all
    }

    /// The identities that do not hold (none, unless something counts a case twice or not at all).
    public var failedChecks: [StatisticsCheck] { checks.filter { !$0.holds } }
}

/// One evaluated case, with what the report needs to score it: the receiving officer, the field, the
/// evaluation recorded at return, and the timing the record decides (the result against the legal deadline,
/// the return against the appointment, each processing body's steps against their own deadlines).
public struct EvaluatedCase: Hashable, Sendable {
    public struct BodyVerdict: Hashable, Sendable {
        public var body: String
        public var verdict: Punctuality?
        /// Whether the dossier reached this step (a refusal or a stop leaves the later steps unreached).
        public var reached: Bool
        public init(body: String, verdict: Punctuality?, reached: Bool = true) {
            self.body = body
            self.verdict = verdict
            self.reached = reached
        }
    }

    public var officer: String
    public var field: String
    public var evaluation: Evaluation
    public var result: Punctuality?
    public var returned: Punctuality?
    /// The route's steps in order, each with its body (a body may appear twice).
    public var steps: [BodyVerdict]

    public init(
        officer: String, field: String, evaluation: Evaluation, result: Punctuality?, returned: Punctuality?,
        steps: [BodyVerdict]
    ) {
        self.officer = officer
        self.field = field
        self.evaluation = evaluation
        self.result = result
        self.returned = returned
        self.steps = steps
    }

    /// The five scores of the case (nil for an evaluation by satisfaction level): indices 3 and 4 as
    /// recorded; 1, 2 and 7 as the record decides them (`EvaluationIndex.recordScores`), the recorded index 7
    /// saying only whether there was a complaint (0) or not. Index 2 for `body` is that body's own score.
    public func scores(forBody body: String? = nil) -> [EvaluationIndex: Int]? {
        guard case .indices(let recorded) = evaluation else { return nil }
        let complaint = recorded[EvaluationIndex.attitude.rawValue] == 0
        var scores = EvaluationIndex.recordScores(
            result: result, returned: returned, steps: steps.map(\.verdict), complaint: complaint)
        if let body, let own = EvaluationIndex.bodyScore(steps.filter { $0.body == body }.map(\.verdict)) {
            scores[.bodyTime] = own
        }
        for index in [EvaluationIndex.returns, .bodiesContacted] {
            scores[index] = recorded[index.rawValue]
        }
        for index in EvaluationIndex.allCases where scores[index] == nil {
            scores[index] = recorded[index.rawValue] ?? 0
        }
        return scores
    }

    /// The processing bodies the dossier reached, each once, in route order (a body the case never reached
    /// is not evaluated on it).
    public var bodies: [String] {
        var seen = Set<String>()
        return steps.filter(\.reached).map(\.body).filter { seen.insert($0).inserted }
    }
}

/// The citizens' evaluations over a period (domain.md §8, TT 01/2018 Art. 15): per receiving officer, per
/// processing body (index 2 being that body's own), per field, and for the unit.
public struct EvaluationSummary: Hashable, Sendable {
    public struct Group: Hashable, Sendable {
        public var name: String
        /// Cases evaluated with the law's indices, and the sum of each index's scores.
        public var indexedCases = 0
        public var indexTotals: [EvaluationIndex: Int] = [:]
        /// Cases evaluated with satisfaction levels, by level.
        public var levels: [SatisfactionLevel: Int] = [:]

        public init(name: String) { self.name = name }

        public func average(_ index: EvaluationIndex) -> Double? {
            indexedCases == 0 ? nil : Double(indexTotals[index] ?? 0) / Double(indexedCases)
        }

        /// Average points per case over the five indices (0–10).
        public var averagePoints: Double? {
            indexedCases == 0 ? nil : Double(indexTotals.values.reduce(0, +)) / Double(indexedCases)
        }

        /// The law's threshold: 5 points or more on average is full completion (domain.md §8).
        public var band: String? {
            averagePoints.map { $0 >= 5 ? "Hoàn thành" : "Chưa hoàn thành" }
        }

        public var levelCases: Int { levels.values.reduce(0, +) }

        public func share(_ level: SatisfactionLevel) -> Double? {
            levelCases == 0 ? nil : Double(levels[level] ?? 0) / Double(levelCases)
        }

        mutating func add(_ c: EvaluatedCase, body: String? = nil) {
            if let scores = c.scores(forBody: body) {
                indexedCases += 1
                for index in EvaluationIndex.allCases { indexTotals[index, default: 0] += scores[index] ?? 0 }
            } else if case .satisfaction(let level) = c.evaluation {
                levels[level, default: 0] += 1
            }
        }
    }

    public let period: ReportPeriod
    /// By the officer who received the case (the counter's officer the citizen evaluates).
    public let officers: [Group]
    /// By processing body: the cases it took part in, index 2 being its own steps' score.
    public let bodies: [Group]
    public let fields: [Group]
    public let unit: Group

    public init(_ cases: [EvaluatedCase], period: ReportPeriod, unitName: String) {
        self.period = period
        var officers: [String: Group] = [:]
        var bodies: [String: Group] = [:]
        var fields: [String: Group] = [:]
        var unit = Group(name: unitName)
        for c in cases {
            officers[c.officer, default: Group(name: c.officer)].add(c)
            fields[c.field, default: Group(name: c.field)].add(c)
            for body in c.bodies { bodies[body, default: Group(name: body)].add(c, body: body) }
            unit.add(c)
        }
        func sorted(_ groups: [String: Group]) -> [Group] {
            groups.keys.sorted(by: VietnameseText.precedes).map { groups[$0]! }
        }
        self.officers = sorted(officers)
        self.bodies = sorted(bodies)
        self.fields = sorted(fields)
        self.unit = unit
    }
}

/// "1,75" — a decimal number with a Vietnamese comma.
public func vietnameseDecimal(_ value: Double, digits: Int = 2) -> String {
    var scale = 1
    for _ in 0..<digits { scale *= 10 }
    let n = Int((value * Double(scale)).rounded())
    let whole = n / scale
    var fraction = String(n % scale)
    while fraction.count < digits { fraction = "0" + fraction }
    return digits == 0 ? String(whole) : "\(whole),\(fraction)"
}
