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

    /// By when the counter must hand a paper dossier over (domain.md §2.3): received on a working day up to
    /// the cut-off → by the end of that day; after the cut-off → at the start of the next working day;
    /// received on a day off → by the end of the next working day (it counts as received that morning).
    public static func handOverDeadline(receivedAt: LocalDateTime, calendar: WorkingCalendar) -> LocalDateTime {
        let schedule = calendar.schedule
        let date = receivedAt.date
        if calendar.isWorkingDay(date) {
            if !schedule.isAfterCutoff(receivedAt.time) {
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

/// The law's per-case evaluation indices (TT 01/2018 Art. 13–15, domain.md §8), each scored 2, 1 or 0: the
/// indices 1, 2, 3, 4 and 7 (the others judge a whole unit). The cases' order is the order of the scores on
/// the command line (`--scores`) and their raw values the keys stored in the evaluation.
public enum EvaluationIndex: String, Sendable, CaseIterable {
    /// Index 1: total processing time against the legal limit.
    case totalTime = "total_time"
    /// Index 2: each participating body's time against its own step limit (scored per body).
    case bodyTime = "body_time"
    /// Index 3: times the applicant had to contact the receiving place to complete the dossier.
    case returns
    /// Index 4: bodies the applicant had to contact to complete the dossier.
    case bodiesContacted = "bodies_contacted"
    /// Index 7: the staff's attitude, judged by timing and by complaints.
    case attitude

    /// The index's number in the circular: 1, 2, 3, 4, 7.
    public var lawNumber: Int {
        switch self {
        case .totalTime: 1
        case .bodyTime: 2
        case .returns: 3
        case .bodiesContacted: 4
        case .attitude: 7
        }
    }

    public var vietnameseName: String {
        switch self {
        case .totalTime: "Tổng thời gian giải quyết so với quy định"
        case .bodyTime: "Thời gian giải quyết của từng cơ quan so với quy định"
        case .returns: "Số lần phải liên hệ nơi tiếp nhận để hoàn thiện hồ sơ"
        case .bodiesContacted: "Số cơ quan phải liên hệ để hoàn thiện hồ sơ"
        case .attitude: "Thái độ của cán bộ, công chức"
        }
    }

    /// What each score means, for the paper slip and the screen (2, 1, 0), as domain.md §8 defines them.
    public var scoreMeanings: [String] {
        switch self {
        case .totalTime, .bodyTime: ["trước hạn", "đúng hạn", "quá hạn"]
        case .returns: ["không phải liên hệ", "một lần", "hơn một lần (trừ lỗi của người nộp)"]
        case .bodiesContacted:
            ["không phải liên hệ cơ quan nào", "chỉ Bộ phận một cửa (và nơi luật buộc phải đến)", "hơn một cơ quan"]
        case .attitude:
            [
                "tiếp nhận, giải quyết, trả kết quả trước hạn, không bị phản ánh",
                "đúng hạn, không bị phản ánh", "bị phản ánh nhũng nhiễu, gây phiền hà"
            ]
        }
    }

    /// 2, 1, 0 for early, on time, late.
    public static func score(_ p: Punctuality) -> Int {
        switch p {
        case .early: 2
        case .onTime: 1
        case .late: 0
        }
    }

    /// Index 2 of one body from its steps' verdicts: late if any step was late, early if all were early, on
    /// time otherwise; nil when none of its steps finished.
    public static func bodyScore(_ verdicts: [Punctuality?]) -> Int? {
        let done = verdicts.compactMap { $0 }
        guard !done.isEmpty else { return nil }
        if done.contains(.late) { return 0 }
        return done.allSatisfy { $0 == .early } ? 2 : 1
    }

    /// The scores the case's record decides (domain.md §8): index 1 from the result against the legal
    /// deadline; index 2 from the steps' verdicts (the case's score is its worst body's; a case with no route
    /// takes index 1's); index 7 from the timing when there was no complaint (early throughout: 2; otherwise
    /// 1) and 0 when there was one. Nil entries: the record cannot tell yet (no result).
    public static func recordScores(
        result: Punctuality?, returned: Punctuality?, steps: [Punctuality?], complaint: Bool
    ) -> [EvaluationIndex: Int] {
        var scores: [EvaluationIndex: Int] = [:]
        if let result {
            scores[.totalTime] = score(result)
            scores[.bodyTime] = bodyScore(steps) ?? score(result)
        } else if let body = bodyScore(steps) {
            scores[.bodyTime] = body
        }
        if complaint {
            scores[.attitude] = 0
        } else if let result {
            scores[.attitude] = result == .early && (returned ?? .early) == .early ? 2 : 1
        }
        return scores
    }

    /// Scores the case's own history can tell (the officer may still change them): the record's (above,
    /// without a complaint), index 3 from the rounds of supplement, index 4 — none needed when the dossier
    /// was complete at once, else the counter only. Indices the record cannot tell yet are neutral (1).
    public static func suggestedScores(_ state: CaseState) -> [EvaluationIndex: Int] {
        var scores = recordScores(
            result: state.punctuality, returned: state.returnPunctuality,
            steps: state.steps.indices.map(state.stepVerdict),
            complaint: false)
        for index in [EvaluationIndex.totalTime, .bodyTime, .attitude] where scores[index] == nil { scores[index] = 1 }
        scores[.returns] = state.supplementRounds == 0 ? 2 : (state.supplementRounds == 1 ? 1 : 0)
        scores[.bodiesContacted] = state.supplementRounds == 0 ? 2 : 1
        return scores
    }
}
