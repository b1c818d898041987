import MotCuaCore

/// Today's figures on the officer's home screen.
public struct HomeCounts: Hashable, Sendable {
    /// Received today.
    public let receivedToday: Int
    /// Open, not paused, appointment today and not yet passed.
    public let dueToday: Int
    /// Open, not paused, appointment passed.
    public let overdue: Int
    /// Waiting for the applicant's supplement (paused).
    public let waitingSupplement: Int
    /// Result (or refusal) at the counter, to be returned.
    public let readyToReturn: Int
}

/// A case needing action, for the home screen's list.
public struct WorkItem: Hashable, Sendable {
    public let summary: CaseSummary
    /// Not handed over although the counter's deadline for handing over has passed.
    public let handOverLate: Bool
}

extension Store {
    /// The home screen's counts at `now`. Each is an index range scan over open cases only, so the cost does
    /// not grow with the years of closed cases.
    public func homeCounts(now: LocalDateTime) throws(StoreError) -> HomeCounts {
        let today = LocalDateTime(date: now.date, minuteOfDay: 0).minutes
        let tomorrow = today + 1440
        return try storeCall {
            try db.read {
                func count(_ sql: String, _ values: SQLBindable...) throws -> Int {
                    let s = try db.prepare(sql)
                    try s.bind(values)
                    guard try s.step() else { return 0 }
                    let v = Int(s.int64(0))
                    s.reset()
                    return v
                }
                return HomeCounts(
                    receivedToday: try count(
                        "SELECT count(*) FROM cases WHERE received_at >= ? AND received_at < ? AND status <> 'cancelled'",
                        today, tomorrow),
                    dueToday: try count(
                        "SELECT count(*) FROM cases WHERE status IN ('received','in_progress') AND appointment_at >= ? AND appointment_at < ?",
                        now.minutes, tomorrow),
                    overdue: try count(
                        "SELECT count(*) FROM cases WHERE status IN ('received','in_progress') AND appointment_at < ?",
                        now.minutes),
                    waitingSupplement: try count("SELECT count(*) FROM cases WHERE status = 'waiting_supplement'"),
                    readyToReturn: try count("SELECT count(*) FROM cases WHERE status = 'result_ready'"))
            }
        }
    }

    /// Open cases needing action, soonest appointment first (overdue first): received, in progress, ready to
    /// return, waiting for a supplement.
    public func workList(limit: Int = 200) throws(StoreError) -> [CaseSummary] {
        try storeCall {
            var result: [CaseSummary] = []
            for status in ["received", "in_progress", "result_ready", "waiting_supplement"] {
                result += try db.rows(
                    """
                    SELECT \(Store.summaryColumns)
                    FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id
                    WHERE c.status = ? ORDER BY c.appointment_at LIMIT ?
                    """, [status, limit]
                ) { r in
                    Store.mapSummary(r)
                }
            }
            return Array(result.sorted { $0.appointment < $1.appointment }.prefix(limit))
        }
    }
}
