/// Who may record what, in one place: the roles, and beyond the role the body an officer belongs to.
///
/// Desk officers receive, hand over and return, and record for bodies *outside* the commune what those bodies
/// did (their officers have no account here); the commune's own offices record their own receipts and results
/// with their own accounts. Department officers act on their own body's steps and pass the dossier on from
/// them. Leaders also reschedule, stop and cancel, and decide the exceptions (a result before the route is
/// done, an entry more than one working day late, a new legal deadline). Administrators may do everything
/// (the command line's own account is one; what it may do is the `cli_actions` setting).
public enum Permissions {
    /// Roles that may record an event of `kind`.
    public static func roles(for kind: CaseEventKind) -> Set<Role> {
        switch kind {
        case .received, .supplementReceived, .resultReceived, .returned, .evaluated, .withdrawn, .corrected:
            [.deskOfficer, .leader, .administrator]
        case .handedOver, .acknowledged, .stepDone, .supplementRequested, .refused:
            [.deskOfficer, .departmentOfficer, .leader, .administrator]
        case .rescheduled, .stopped, .cancelled:
            [.leader, .administrator]
        case .printed:
            Set(Role.allCases)
        }
    }

    public static func isLeader(_ role: Role) -> Bool { role == .leader || role == .administrator }

    /// Refuses unless `officer` may record `payload` on a case with these `steps` in `state`.
    /// `closingByResult`: the counter records the last step as done because its result came back (the result
    /// in hand shows it), which a desk officer may do even for a commune office.
    public static func check(
        _ officer: Officer, _ payload: CaseEventPayload, steps: [CaseStep], state: CaseState,
        closingByResult: Bool = false
    ) throws(Refusal) {
        guard officer.isActive else { throw .noActiveOfficer(username: officer.username) }
        switch payload.kind {
        case .rescheduled: guard isLeader(officer.role) else { throw .leaderOnly(.reschedule) }
        case .stopped: guard isLeader(officer.role) else { throw .leaderOnly(.stop) }
        case .cancelled: guard isLeader(officer.role) else { throw .leaderOnly(.cancel) }
        default: break
        }
        guard roles(for: payload.kind).contains(officer.role) else {
            throw .roleMayNot(role: officer.role, action: payload.kind)
        }
        switch payload {
        case .rescheduled, .stopped, .cancelled:
            return  // the roles above are exactly the leaders
        case let .resultReceived(_, _, overrideReason) where !(overrideReason ?? "").isEmpty:
            guard isLeader(officer.role) else { throw .leaderOnly(.resultBeforeRoute) }
        default:
            break
        }
        switch officer.role {
        case .departmentOfficer:
            // The step whose body must be the officer's: -1 (none) when the dossier is at the counter.
            let own: Int
            switch payload {
            case .handedOver(let k, _, _): own = k - 1
            case .acknowledged(let k, _), .stepDone(let k, _): own = k
            case .supplementRequested, .refused: own = state.currentStep ?? -1
            default: return
            }
            guard steps.indices.contains(own), steps[own].bodyCode == officer.bodyCode else {
                throw .notOwnBody(holder: steps.indices.contains(own) ? steps[own].bodyName : "Bộ phận một cửa")
            }
        case .deskOfficer:
            guard !closingByResult, let k = payload.stepIndex, steps.indices.contains(k) else { return }
            if case .handedOver = payload { return }
            if steps[k].bodyIsInternal && !steps[k].bodyIsCounter {
                throw .bodyRecordsItself(bodyName: steps[k].bodyName)
            }
        case .leader, .administrator:
            return
        }
    }
}

extension CaseEventPayload {
    /// The route step an event concerns, if any.
    public var stepIndex: Int? {
        switch self {
        case .handedOver(let s, _, _), .acknowledged(let s, _), .stepDone(let s, _): s
        default: nil
        }
    }
}

/// When something may be recorded: never in the future, in the calendar's range, in the order things
/// happened, and — when typed after the fact (paper cases after a power cut) — only with a reason, and by a
/// leader once it is more than one working day old. Pure: "now" is an argument.
public enum RecordingTime {
    /// Clocks of two counters may differ a little: up to this many minutes ahead of now is accepted.
    public static let futureToleranceMinutes = 5
    /// Recorded more than this many minutes after it happened is an entry after the fact ("nhập sau").
    public static let lateEntryMinutes = 30

    /// What the rules concluded about an instant.
    public struct Verdict: Hashable, Sendable {
        /// The reason kept with the event when it is recorded after the fact, nil when on time.
        public let lateReason: String?
        public var isLateEntry: Bool { lateReason != nil }
    }

    /// Checks an instant `at` recorded `now`; `after` is the last instant already on the case (nil for a
    /// reception). `leader`: the one recording is a leader or an administrator (the command line's own account
    /// is one, within what `cli_actions` allows), who alone may record what happened more than one working
    /// day ago.
    public static func check(
        _ at: LocalDateTime, now: LocalDateTime, after last: LocalDateTime? = nil, lateReason: String?,
        leader: Bool, calendar: WorkingCalendar
    ) throws(Refusal) -> Verdict {
        try checkYear(at.date)
        guard at <= now.adding(minutes: futureToleranceMinutes) else { throw .timeInFuture(at) }
        if let last, at < last { throw .timeBeforeLastEvent(at, last: last) }
        guard now.minutes - at.minutes > lateEntryMinutes else { return Verdict(lateReason: nil) }
        let reason = (lateReason ?? "").trimmingSpaces
        guard !reason.isEmpty else { throw .lateReasonRequired(at) }
        if calendar.workingMinutes(from: at, to: now) > calendar.schedule.minutesPerDay && !leader {
            throw .backdatingNeedsLeader(at)
        }
        return Verdict(lateReason: reason)
    }

    /// What an after-the-fact look at a recorded history finds wrong with its times: the same rules as when
    /// recording, so that `check` finds what slipped past them (an older version, a hand-edited file).
    public enum Problem: Hashable, Sendable {
        /// Event `seq` happened before event `seq - 1`.
        case outOfOrder(seq: Int, at: LocalDateTime, previous: LocalDateTime)
        /// Event `seq` is dated after the moment it was recorded (or after now).
        case inFuture(seq: Int, at: LocalDateTime, recorded: LocalDateTime)
        /// Event `seq` was recorded more than 30 minutes after it happened, with no reason kept.
        case lateWithoutReason(seq: Int, at: LocalDateTime, recorded: LocalDateTime)
    }

    /// The problems of one case's history (in `seq` order) as seen `now`. Events recorded before this rule
    /// existed (channel unknown) are not asked for a late reason; their order and future times still count.
    public static func audit(_ history: [RecordedEvent], now: LocalDateTime) -> [Problem] {
        var problems: [Problem] = []
        var previous: LocalDateTime?
        for e in history {
            let at = e.event.at
            let recorded = e.recordedLocal
            if e.event.kind.followsTimeOrder, let previous, at < previous {
                problems.append(.outOfOrder(seq: e.seq, at: at, previous: previous))
            }
            if at > min(recorded, now).adding(minutes: futureToleranceMinutes) {
                problems.append(.inFuture(seq: e.seq, at: at, recorded: recorded))
            } else if e.channel != .unknown && e.lateReason == nil && recorded.minutes - at.minutes > lateEntryMinutes {
                problems.append(.lateWithoutReason(seq: e.seq, at: at, recorded: recorded))
            }
            if e.event.kind.followsTimeOrder { previous = max(previous ?? at, at) }
        }
        return problems
    }

    /// Refuses a date outside the calendar's range (1900–2199).
    public static func checkYear(_ date: CivilDate) throws(Refusal) {
        guard CivilDate.supportedYears.contains(date.year) else { throw .yearOutOfRange(date.year) }
    }
}
