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
        /// Withdrawn or stopped during the period without a result: received, neither resolved nor pending.
        case closedWithoutResult
    }

    case counted(Received, Outcome)
    /// Not in this period's table (received after it, finished before it, or cancelled as a wrong entry).
    case outside

    /// The rules, for one case and one period:
    /// - a case cancelled as wrongly entered never counts;
    /// - received: in the period (online, or in person/by post), or carried over when received before the
    ///   period and neither resolved nor withdrawn/stopped before it started;
    /// - resolved: its result (or refusal) reached the counter during the period, judged by that date against
    ///   the legal deadline (early / on time / late, comparing dates);
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
            return .counted(received, .closedWithoutResult)
        }
        let judgedAt = min(period.end, now)
        let paused = c.pausedAt.map { $0 < judgedAt && $0 <= c.legalDue } ?? false
        return .counted(received, !paused && c.legalDue < judgedAt ? .pendingOverdue : .pendingWithinLimit)
    }
}

/// One row of the period statistics (a field, or the total).
public struct StatisticsRow: Hashable, Sendable {
    public var field: String
    public var receivedOnline = 0
    public var receivedInPersonOrPost = 0
    public var carriedOver = 0
    public var early = 0
    public var onTime = 0
    public var late = 0
    public var pendingWithinLimit = 0
    public var pendingOverdue = 0
    /// Withdrawn or stopped during the period (not in the table's columns; shown under it).
    public var closedWithoutResult = 0

    public init(field: String) { self.field = field }

    public var received: Int { receivedOnline + receivedInPersonOrPost + carriedOver }
    public var resolved: Int { early + onTime + late }
    public var pending: Int { pendingWithinLimit + pendingOverdue }

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

    /// The report's identities, which hold by construction; checked anyway (a violated one names itself).
    public var identityProblems: [String] {
        var problems: [String] = []
        if received != resolved + pending + closedWithoutResult {
            problems.append(
                "\(field): tiếp nhận \(received) ≠ đã giải quyết \(resolved) + đang giải quyết \(pending) + rút/dừng \(closedWithoutResult)"
            )
        }
        return problems
    }

    mutating func add(_ p: StatisticsPlacement) {
        guard case let .counted(received, outcome) = p else { return }
        switch received {
        case .online: receivedOnline += 1
        case .inPersonOrPost: receivedInPersonOrPost += 1
        case .carriedOver: carriedOver += 1
        }
        switch outcome {
        case .resolved(.early): early += 1
        case .resolved(.onTime): onTime += 1
        case .resolved(.late): late += 1
        case .pendingWithinLimit: pendingWithinLimit += 1
        case .pendingOverdue: pendingOverdue += 1
        case .closedWithoutResult: closedWithoutResult += 1
        }
    }

    static func + (a: StatisticsRow, b: StatisticsRow) -> StatisticsRow {
        var r = a
        r.receivedOnline += b.receivedOnline
        r.receivedInPersonOrPost += b.receivedInPersonOrPost
        r.carriedOver += b.carriedOver
        r.early += b.early
        r.onTime += b.onTime
        r.late += b.late
        r.pendingWithinLimit += b.pendingWithinLimit
        r.pendingOverdue += b.pendingOverdue
        r.closedWithoutResult += b.closedWithoutResult
        return r
    }
}

/// The period statistics: one row per field (in Vietnamese dictionary order), and the total.
public struct PeriodStatistics: Hashable, Sendable {
    public let period: ReportPeriod
    public let rows: [StatisticsRow]
    public let total: StatisticsRow

    /// Each case counts once (a liên thông group case is one case), in the field of its procedure. `now`
    /// matters only for a period that has not ended: what is overdue is judged at the earlier of the two.
    public init(_ facts: [CaseFacts], period: ReportPeriod, now: LocalDateTime) {
        self.period = period
        var byField: [String: StatisticsRow] = [:]
        for c in facts {
            let placement = StatisticsPlacement.place(c, in: period, now: now)
            guard case .counted = placement else { continue }
            byField[c.field, default: StatisticsRow(field: c.field)].add(placement)
        }
        rows = byField.keys.sorted(by: VietnameseText.precedes).map { byField[$0]! }
        total = rows.reduce(StatisticsRow(field: "Tổng cộng"), +)
    }

    public var identityProblems: [String] { (rows + [total]).flatMap(\.identityProblems) }
}

/// The citizens' evaluations over a period, per officer and for the unit (domain.md §8).
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

        mutating func add(_ e: Evaluation) {
            switch e {
            case .indices(let scores):
                indexedCases += 1
                for index in EvaluationIndex.allCases { indexTotals[index, default: 0] += scores[index.rawValue] ?? 0 }
            case .satisfaction(let level):
                levels[level, default: 0] += 1
            }
        }
    }

    public let period: ReportPeriod
    public let officers: [Group]
    public let unit: Group

    /// `evaluations`: the officer (who received the case) and the evaluation, one per case.
    public init(_ evaluations: [(officer: String, evaluation: Evaluation)], period: ReportPeriod, unitName: String) {
        self.period = period
        var groups: [String: Group] = [:]
        var unit = Group(name: unitName)
        for (officer, e) in evaluations {
            groups[officer, default: Group(name: officer)].add(e)
            unit.add(e)
        }
        officers = groups.keys.sorted(by: VietnameseText.precedes).map { groups[$0]! }
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
