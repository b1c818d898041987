/// The inter-linked route of a case (liên thông): what comes next, the deadlines of each step and of the
/// counter's own hand-over, and when an apology must go out. Pure: "now" is always an argument.
public enum Routing {
    /// The next thing to record on a case's route.
    public enum NextStep: Hashable, Sendable {
        /// Hand the dossier to the body of `step` ("Giao").
        case handOver(step: Int)
        /// The body of `step` has it and should confirm ("Nhận").
        case acknowledge(step: Int)
        /// The body of `step` is processing; its result (or hand-over to the next body) is awaited.
        case finish(step: Int)
        /// Every step is done (or there is no route): the result comes back to the counter.
        case receiveResult
        /// Nothing on the route: paused, result ready or closed.
        case none
    }

    /// What the route expects next for a case in `state`.
    public static func next(_ state: CaseState) -> NextStep {
        guard state.status == .received || state.status == .inProgress else { return .none }
        for (i, s) in state.steps.enumerated() {
            if s.handedOverAt == nil { return .handOver(step: i) }
            if s.acknowledgedAt == nil { return .acknowledge(step: i) }
            if s.doneAt == nil { return .finish(step: i) }
        }
        return .receiveResult
    }

    /// The deadline of one body's step handed over at `handedOverAt`: its budget in working time, counted
    /// like a case's limit (outside working hours from the next session).
    public static func stepDue(budget: TimeLimit, handedOverAt: LocalDateTime, calendar: WorkingCalendar)
        -> LocalDateTime
    {
        calendar.due(DueRule(limit: budget), receivedAt: handedOverAt)
    }

    /// By when the counter must hand a paper dossier over (domain.md §2.3): received on a working day before
    /// the cut-off → by the end of that day; after the cut-off → at the start of the next working day;
    /// received on a day off → by the end of the next working day (it counts as received that morning).
    public static func handOverDeadline(receivedAt: LocalDateTime, calendar: WorkingCalendar) -> LocalDateTime {
        let schedule = calendar.schedule
        let date = receivedAt.date
        if calendar.isWorkingDay(date) {
            if receivedAt.time < schedule.sameDayCutoff {
                return LocalDateTime(date: date, time: schedule.dayEnd)
            }
            return LocalDateTime(date: calendar.nextWorkingDay(after: date), time: schedule.dayStart)
        }
        return LocalDateTime(date: calendar.nextWorkingDay(after: date), time: schedule.dayEnd)
    }

    /// True when a case received at `receivedAt` and not handed over yet is past the counter's deadline.
    public static func isHandOverLate(receivedAt: LocalDateTime, now: LocalDateTime, calendar: WorkingCalendar) -> Bool
    {
        now > handOverDeadline(receivedAt: receivedAt, calendar: calendar)
    }

    /// The new deadline when the complete dossier comes back after a supplement request, for the case and
    /// for the step being processed (if any).
    public static func resume(
        _ state: CaseState, caseRule: DueRule, stepBudget: TimeLimit?, resumedAt: LocalDateTime,
        policy: ResumePolicy, calendar: WorkingCalendar
    ) -> (caseDue: LocalDateTime, stepDue: LocalDateTime?) {
        let pausedAt = state.pausedAt ?? resumedAt
        let caseDue = calendar.dueAfterResume(
            caseRule, originalDue: state.legalDue, pausedAt: pausedAt, resumedAt: resumedAt, policy: policy)
        guard let current = state.currentStep, let budget = stepBudget,
            let originalStepDue = state.steps[current].stepDue
        else {
            return (caseDue, nil)
        }
        let stepDue = calendar.dueAfterResume(
            DueRule(limit: budget), originalDue: originalStepDue, pausedAt: pausedAt,
            resumedAt: resumedAt, policy: policy)
        return (caseDue, stepDue)
    }

    /// True when a supplement is asked during processing later than the law allows (3 working days after
    /// reception): recorded anyway, flagged to the officer.
    public static func isLateSupplementRequest(
        receivedAt: LocalDateTime, requestedAt: LocalDateTime, calendar: WorkingCalendar
    ) -> Bool {
        requestedAt > calendar.due(DueRule(limit: .workingDays(3)), receivedAt: receivedAt)
    }
}

/// The law's per-case evaluation indices (TT 01/2018 Art. 12–15, domain.md §8), each scored 2, 1 or 0.
public enum EvaluationIndex: String, Sendable, CaseIterable {
    /// Total processing time against the limit.
    case totalTime = "total_time"
    /// Each body's time against its own limit.
    case bodyTime = "body_time"
    /// Times the applicant had to come back to complete the dossier.
    case returns
    /// Bodies the applicant had to contact.
    case bodiesContacted = "bodies_contacted"
    /// The staff's attitude.
    case attitude

    public var vietnameseName: String {
        switch self {
        case .totalTime: "Tổng thời gian giải quyết so với quy định"
        case .bodyTime: "Thời gian của từng cơ quan so với quy định"
        case .returns: "Số lần phải đi lại để hoàn thiện hồ sơ"
        case .bodiesContacted: "Số cơ quan phải liên hệ"
        case .attitude: "Thái độ của cán bộ, công chức"
        }
    }

    /// What each score means, for the paper slip and the screen (2, 1, 0).
    public var scoreMeanings: [String] {
        switch self {
        case .totalTime, .bodyTime: ["trước hạn", "đúng hạn", "quá hạn"]
        case .returns: ["không phải đi lại", "một lần", "hai lần trở lên"]
        case .bodiesContacted: ["chỉ Bộ phận một cửa", "thêm một cơ quan", "thêm hai cơ quan trở lên"]
        case .attitude: ["lịch sự, nhiệt tình", "bình thường", "gây phiền hà"]
        }
    }

    /// Scores the case's own history can tell (the applicant may still change them): time against the
    /// limit, each body against its limit, how many times the dossier had to be supplemented. The number of
    /// bodies contacted is 2 (the one-stop counter only) unless told otherwise; attitude is asked.
    public static func suggestedScores(_ state: CaseState) -> [EvaluationIndex: Int] {
        func score(_ p: Punctuality?) -> Int {
            switch p {
            case .early?: 2;
            case .onTime?: 1;
            case .late?: 0;
            case nil: 1
            }
        }
        var scores: [EvaluationIndex: Int] = [:]
        scores[.totalTime] = score(state.punctuality)
        let steps = state.steps.compactMap(\.punctuality)
        scores[.bodyTime] = steps.contains(.late) ? 0 : (steps.allSatisfy { $0 == .early } && !steps.isEmpty ? 2 : 1)
        scores[.returns] = state.supplementRounds == 0 ? 2 : (state.supplementRounds == 1 ? 1 : 0)
        scores[.bodiesContacted] = 2
        return scores
    }
}
