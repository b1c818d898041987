import MotCuaCore
import MotCuaSystem

/// A step of a case's route seen from the body that holds it (Theo phòng ban).
public struct BodyQueueItem: Hashable, Sendable {
    public enum Stage: String, Sendable {
        /// The previous step is done (or none): waiting for the dossier to be handed to this body.
        case toHandOver = "to_hand_over"
        /// Handed over, not yet acknowledged by the body.
        case handedOver = "handed_over"
        /// Acknowledged: the body is processing.
        case processing
    }

    public let summary: CaseSummary
    public let step: Int
    public let bodyCode: String
    public let task: String
    public let stage: Stage
    /// The step's deadline once handed over.
    public let stepDue: LocalDateTime?
}

/// How many cases each body holds.
public struct BodyLoad: Hashable, Sendable {
    public let body: Body
    /// Waiting to be handed to this body.
    public let toHandOver: Int
    /// With this body (handed over or being processed).
    public let holding: Int
    /// With this body past the step's deadline.
    public let overdue: Int
}

/// Cases needing the counter's attention on the home screen.
public struct Attention: Hashable, Sendable {
    /// Not handed over although the counter's hand-over deadline has passed (the 15:00 rule).
    public var handOverLate: Set<String> = []
    /// One working day or less before the appointment without a result, not rescheduled yet: the apology
    /// with a new date (Mẫu 04) must go out.
    public var apologyDue: Set<String> = []

    public init(handOverLate: Set<String> = [], apologyDue: Set<String> = []) {
        self.handOverLate = handOverLate
        self.apologyDue = apologyDue
    }
}

extension Store {
    /// The resume policy in force (setting `resume_policy`, the law's restart by default).
    public func resumePolicy() throws(StoreError) -> ResumePolicy {
        ResumePolicy(rawValue: try setting("resume_policy") ?? "") ?? .restartFromZero
    }

    // MARK: By body

    /// Each active body with what it holds and what waits to be handed to it.
    public func bodyLoads(now: LocalDateTime) throws(StoreError) -> [BodyLoad] {
        let items = try bodyQueue(bodyCode: nil)
        return try bodies(includeInactive: false).filter { $0.kind != .counter }.map { body in
            let mine = items.filter { $0.bodyCode == body.code }
            let holding = mine.filter { $0.stage != .toHandOver }
            return BodyLoad(
                body: body, toHandOver: mine.count - holding.count, holding: holding.count,
                overdue: holding.filter { ($0.stepDue.map { $0 < now }) ?? false }.count)
        }
    }

    /// The open steps of one body (or of all when nil): handed over or being processed, and those waiting to
    /// be handed over to it; by step deadline, then by appointment.
    public func bodyQueue(bodyCode: String?) throws(StoreError) -> [BodyQueueItem] {
        try storeCall {
            try db.rows(
                """
                SELECT \(Store.summaryColumns),
                       s.position, b.code, r.task, s.handed_over_at, s.acknowledged_at, s.step_due_at
                FROM case_steps s
                JOIN cases c ON c.id = s.case_id
                JOIN bodies b ON b.id = s.body_id
                JOIN procedure_versions v ON v.id = c.procedure_version_id
                JOIN route_steps r ON r.version_id = c.procedure_version_id AND r.position = s.route_position
                LEFT JOIN case_steps p ON p.case_id = s.case_id AND p.position = s.position - 1
                WHERE c.status IN ('received', 'in_progress') AND s.done_at IS NULL
                  AND (s.handed_over_at IS NOT NULL OR s.position = 0 OR p.done_at IS NOT NULL)
                  AND (? IS NULL OR b.code = ?)
                ORDER BY s.step_due_at IS NULL, s.step_due_at, c.appointment_at
                """, [bodyCode, bodyCode]
            ) { r in
                let summary = Store.mapSummary(r)
                let stage: BodyQueueItem.Stage =
                    r.optionalInt(12) == nil ? .toHandOver : (r.optionalInt(13) == nil ? .handedOver : .processing)
                return BodyQueueItem(
                    summary: summary, step: r.int(9), bodyCode: r.text(10), task: r.text(11), stage: stage,
                    stepDue: r.optionalInt(14).map(LocalDateTime.init(minutes:)))
            }
        }
    }

    // MARK: Attention

    /// The cases the home screen flags: not handed over in time, and those needing an apology. Reads open
    /// cases only (a few thousand at most), so it does not grow with the years of closed ones.
    public func attention(now: LocalDateTime, calendar: WorkingCalendar) throws(StoreError) -> Attention {
        try storeCall {
            var result = Attention()
            // Only cases due within two working days from now can need an apology (the last working day before
            // the appointment has begun): the index finds them, and only those are judged (the home screen
            // refreshes this every 30 s). The rule itself is `CaseStanding`'s.
            let horizon = calendar.addingWorkingMinutes(2 * calendar.schedule.minutesPerDay, to: now)
            _ = try db.rows(
                """
                SELECT code, status, received_at, appointment_at, reschedule_count, result_at IS NOT NULL
                FROM cases WHERE status IN ('received', 'in_progress') AND (status = 'received' OR appointment_at <= ?)
                """, [horizon.minutes]
            ) { r -> Void in
                let facts = CaseStanding.Facts(
                    status: CaseStatus(rawValue: r.text(1)) ?? .received,
                    receivedAt: LocalDateTime(minutes: r.int(2)), appointment: LocalDateTime(minutes: r.int(3)),
                    rescheduled: r.int(4) > 0, hasResult: r.bool(5))
                let standing = CaseStanding.of(facts, now: now, calendar: calendar)
                if standing.handOverLate { result.handOverLate.insert(r.text(0)) }
                if standing.apologyDue { result.apologyDue.insert(r.text(0)) }
            }
            return result
        }
    }
}
