import MotCuaCore
import MotCuaStore

/// What an officer does to a case after reception. A step left nil is the one the route expects next.
public enum CaseAction: Hashable, Sendable {
    /// Hand the dossier to the body of a step ("Giao"), with the transfer slip's or postal receipt's number.
    case handOver(step: Int? = nil, slip: String? = nil)
    /// The body received it ("Nhận"), with its receipt number.
    case acknowledge(step: Int? = nil, receipt: String? = nil)
    /// The body finished its step (its result, never empty); optionally the dossier goes on to the next body at
    /// the same instant.
    case finishStep(step: Int? = nil, note: String, handOverNext: Bool = false, slip: String? = nil)
    /// The result is back at the counter; `overrideReason`: a leader records it although the route is not
    /// done.
    case resultReceived(number: String, date: CivilDate? = nil, overrideReason: String? = nil)
    /// Returned to the applicant; `told`: for an early return, whether the applicant was told beforehand.
    case returnToApplicant(method: CollectMethod, postalReceipt: String? = nil, told: Bool? = nil)
    case evaluate(Evaluation)
    case requestSupplement(items: [String], reason: String)
    /// The complete dossier is back: the deadline restarts.
    case resume
    case refuse(reasons: [String])
    /// Apology with a new date (Mẫu 04).
    case reschedule(newDue: LocalDateTime, reason: String)
    case withdraw(reason: String)
    case stop(reason: String)
    case cancel(reason: String)

    /// The kind of the main event the action records (for permissions shown before asking for input).
    public var kind: CaseEventKind {
        switch self {
        case .handOver: .handedOver
        case .acknowledge: .acknowledged
        case .finishStep: .stepDone
        case .resultReceived: .resultReceived
        case .returnToApplicant: .returned
        case .evaluate: .evaluated
        case .requestSupplement: .supplementRequested
        case .resume: .supplementReceived
        case .refuse: .refused
        case .reschedule: .rescheduled
        case .withdraw: .withdrawn
        case .stop: .stopped
        case .cancel: .cancelled
        }
    }

    /// For the log: the action, never a citizen's data.
    public var logName: String {
        switch self {
        case .handOver(let s, _): "hand-over\(s.map { " step \($0 + 1)" } ?? "")"
        case .acknowledge(let s, _): "acknowledge\(s.map { " step \($0 + 1)" } ?? "")"
        case .finishStep(let s, _, let next, _):
            "step\(s.map { " \($0 + 1)" } ?? "") done\(next ? " and handed on" : "")"
        default: kind.rawValue.replacing("_", with: " ")
        }
    }
}

/// What an action did, with the data its message needs.
public enum ActionDone: Hashable, Sendable {
    case handedOver(step: Int, bodyName: String, due: LocalDateTime)
    case acknowledged(step: Int, bodyName: String)
    /// A step finished, judged against its deadline; `next`: the dossier went on to the next body.
    case stepDone(step: Int, bodyName: String, verdict: Punctuality?, next: Next?)
    /// The result is at the counter, judged against the legal deadline.
    case resultReceived(number: String, verdict: Punctuality?, overridden: Bool)
    case returned(verdict: Punctuality?)
    case evaluated
    /// `round`: the how-many-th request; `late`: more than 3 working days after reception.
    case supplementRequested(round: Int, late: Bool)
    case resumed(newDue: LocalDateTime)
    /// `late`: after the legal deadline.
    case refused(late: Bool, due: LocalDateTime)
    /// `late`: less than one working day before the due time ("xin lỗi muộn").
    case rescheduled(newDue: LocalDateTime, late: Bool)
    case withdrawn, stopped, cancelled

    public struct Next: Hashable, Sendable {
        public let step: Int
        public let bodyName: String
        public let due: LocalDateTime
    }
}

/// The result of an action: what was done, whether it was an entry after the fact, and the case now.
public struct ActionOutcome: Sendable {
    public let done: ActionDone
    /// Recorded more than 30 minutes after it happened, with a reason ("nhập sau").
    public let lateEntry: Bool
    public let record: CaseRecord
}

extension Desk {
    /// Records an action on a case at `at` (nil: now). An action that happened more than 30 minutes ago
    /// needs `lateReason`, and a leader once it is more than one working day old; nothing in the future;
    /// never before what the case already records. Everything is decided inside the store's write lock on
    /// the case as it is then.
    @discardableResult
    public func perform(
        _ action: CaseAction, on code: String, by actor: Actor, at: LocalDateTime? = nil,
        lateReason: String? = nil
    ) throws(DeskError) -> ActionOutcome {
        try run {
            let officer = try current(actor)
            try checkCommandLine(actor, importing: false)
            let now = clock.now()
            let when = at ?? now
            var done: ActionDone?
            var late = false
            let reason = try TextRules.cleanOptional(lateReason, .lateReason, limit: .longText)
            let record = try store.recordEvents(caseCode: code, author: author(actor, officer: officer)) {
                record, history in
                let last = history.filter(\.event.kind.followsTimeOrder).map(\.event.at).max()
                let verdict = try RecordingTime.check(
                    when, now: now, after: last, lateReason: reason, leader: Permissions.isLeader(officer.role),
                    calendar: calendar)
                late = verdict.isLateEntry
                let (events, summary) = try decide(action, record, at: when, officer: officer)
                // Who may: checked event by event, on the state each one meets.
                var state = record.state
                for (i, e) in events.enumerated() {
                    try Permissions.check(
                        officer, e.payload, steps: record.steps, state: state,
                        closingByResult: i == 0 && events.count == 2 && action.kind == .resultReceived)
                    state = try CaseLifecycle.admit(
                        CaseEvent(e.payload, at: e.at, officer: officer.username), to: state,
                        stepNames: record.steps.map(\.bodyName),
                        resultOnTheSpot: record.procedure.resultOnTheSpot)
                }
                done = summary(state)
                return Decision(
                    events.map {
                        var e = $0; e.lateReason = verdict.lateReason; return e
                    })
            }
            log?.write(
                "case action: \(record.code) \(action.logName) by \(actor.username) (\(actor.channel.rawValue))\(late ? " late entry" : "")"
            )
            return ActionOutcome(done: done!, lateEntry: late, record: record)
        }
    }

    /// The events an action records on `c` and how to describe the result, by the route's rules. Texts are
    /// cleaned here (every front end's input goes through the same rules).
    func decide(_ action: CaseAction, _ c: CaseRecord, at: LocalDateTime, officer: Officer)
        throws -> ([NewEvent], (CaseState) -> ActionDone)
    {
        let state = c.state
        func body(_ k: Int) -> String { c.steps[k].bodyName }
        func checkStep(_ k: Int) throws { guard c.steps.indices.contains(k) else { throw Refusal.noSuchStep(k) } }
        func number(_ text: String?, _ field: InputField) throws -> String? {
            try TextRules.cleanOptional(text, field, limit: .short)
        }
        func reasonText(_ text: String) throws -> String {
            try TextRules.clean(text, .reason, limit: .longText, required: true)
        }
        /// Why the route does not expect `kind` now.
        func notExpected(_ kind: CaseEventKind) -> Refusal {
            switch Routing.next(state) {
            case .handOver(let s): .stepWaiting(step: s, bodyName: body(s), for: .handedOver)
            case .acknowledge(let s): .stepWaiting(step: s, bodyName: body(s), for: .acknowledged)
            case .finish(let s): .stepWaiting(step: s, bodyName: body(s), for: .stepDone)
            case .receiveResult: .routeFinished
            case .none: .wrongState(action: kind, status: state.status)
            }
        }
        switch action {
        case let .handOver(step, slip):
            let k: Int
            if let step {
                k = step
            } else if case .handOver(let next) = Routing.next(state) {
                k = next
            } else {
                throw notExpected(.handedOver)
            }
            try checkStep(k)
            let due = Routing.stepDue(budget: c.steps[k].budget, handedOverAt: at, calendar: calendar)
            return (
                [
                    NewEvent(
                        .handedOver(step: k, stepDue: due, slipNumber: try number(slip, .slipNumber)), at: at,
                        bodyCode: c.steps[k].bodyCode)
                ],
                { _ in .handedOver(step: k, bodyName: body(k), due: due) }
            )
        case let .acknowledge(step, receipt):
            let k: Int
            if let step {
                k = step
            } else if case .acknowledge(let next) = Routing.next(state) {
                k = next
            } else {
                throw notExpected(.acknowledged)
            }
            try checkStep(k)
            return (
                [
                    NewEvent(
                        .acknowledged(step: k, receiptNumber: try number(receipt, .receiptNumber)), at: at,
                        bodyCode: c.steps[k].bodyCode)
                ],
                { _ in .acknowledged(step: k, bodyName: body(k)) }
            )
        case let .finishStep(step, note, handOverNext, slip):
            let k: Int
            if let step {
                k = step
            } else if case .finish(let next) = Routing.next(state) {
                k = next
            } else {
                throw notExpected(.stepDone)
            }
            try checkStep(k)
            let text = try TextRules.clean(note, .stepNote, limit: .longText)
            guard !text.isEmpty else { throw Refusal.emptyStepResult }
            var events = [NewEvent(.stepDone(step: k, note: text), at: at, bodyCode: c.steps[k].bodyCode)]
            var next: ActionDone.Next?
            if handOverNext {
                guard c.steps.indices.contains(k + 1) else { throw Refusal.noNextStep(step: k) }
                let due = Routing.stepDue(budget: c.steps[k + 1].budget, handedOverAt: at, calendar: calendar)
                events.append(
                    NewEvent(
                        .handedOver(step: k + 1, stepDue: due, slipNumber: try number(slip, .slipNumber)), at: at,
                        bodyCode: c.steps[k + 1].bodyCode))
                next = .init(step: k + 1, bodyName: body(k + 1), due: due)
            }
            return (events, { s in .stepDone(step: k, bodyName: body(k), verdict: s.steps[k].punctuality, next: next) })
        case let .resultReceived(number, date, overrideReason):
            let n = try TextRules.clean(number, .resultNumber, limit: .short, required: true)
            if let date { try RecordingTime.checkYear(date) }
            let override = try TextRules.cleanOptional(overrideReason, .reason, limit: .longText)
            var events: [NewEvent] = []
            // A last step still open is finished by the result coming back (one transaction).
            if case .finish(let k) = Routing.next(state), k == c.steps.count - 1 {
                events.append(
                    NewEvent(
                        .stepDone(step: k, note: "Kết quả về Bộ phận một cửa"), at: at, bodyCode: c.steps[k].bodyCode))
            }
            events.append(
                NewEvent(
                    .resultReceived(documentNumber: n, documentDate: date ?? at.date, overrideReason: override), at: at)
            )
            return (events, { s in .resultReceived(number: n, verdict: s.punctuality, overridden: override != nil) })
        case let .returnToApplicant(method, receipt, told):
            let r = try number(receipt, .postalReceipt)
            if method == .post && r == nil { throw Refusal.invalidField(.postalReceipt, .empty) }
            return (
                [NewEvent(.returned(method: method, postalReceipt: r, applicantToldEarly: told), at: at)],
                { s in .returned(verdict: s.returnPunctuality) }
            )
        case .evaluate(let evaluation):
            if case .indices(let scores) = evaluation, !scores.values.allSatisfy({ (0...2).contains($0) }) {
                throw Refusal.invalidField(.scores, .outOfRange(0...2))
            }
            return ([NewEvent(.evaluated(evaluation), at: at)], { _ in .evaluated })
        case let .requestSupplement(items, reason):
            let cleaned = try items.map { try TextRules.clean($0, .item, limit: .longText) }.filter { !$0.isEmpty }
            guard !cleaned.isEmpty else { throw Refusal.invalidField(.item, .empty) }
            let why = try TextRules.clean(reason, .reason, limit: .longText)
            let late = Routing.isLateSupplementRequest(receivedAt: c.receivedAt, requestedAt: at, calendar: calendar)
            return (
                [NewEvent(.supplementRequested(items: cleaned, reason: why), at: at)],
                { s in .supplementRequested(round: s.supplementRounds, late: late) }
            )
        case .resume:
            guard state.status == .waitingSupplement else { throw Refusal.notWaitingForSupplement }
            let rule = c.procedure.dueRule(verificationNeeded: c.verificationNeeded)
            let budget = state.currentStep.map { c.steps[$0].budget }
            let policy = ResumePolicy(rawValue: try store.settingValue(.resumePolicy)) ?? .restartFromZero
            let (caseDue, stepDue) = Routing.resume(
                state, caseRule: rule, stepBudget: budget, resumedAt: at, policy: policy, calendar: calendar)
            return (
                [NewEvent(.supplementReceived(newDue: caseDue, stepDue: stepDue), at: at)],
                { s in .resumed(newDue: s.legalDue) }
            )
        case .refuse(let reasons):
            let cleaned = try reasons.map { try TextRules.clean($0, .reason, limit: .longText) }.filter { !$0.isEmpty }
            guard !cleaned.isEmpty else { throw Refusal.invalidField(.reason, .empty) }
            return (
                [NewEvent(.refused(reasons: cleaned), at: at)],
                { s in .refused(late: s.punctuality == .late, due: s.legalDue) }
            )
        case let .reschedule(newDue, reason):
            let why = try reasonText(reason)
            try RecordingTime.checkYear(newDue.date)
            guard calendar.isWorkingDay(newDue.date) else { throw Refusal.newDueNotWorkingDay(newDue.date) }
            let late = CaseStanding.isLateApology(at: at, due: state.appointment, calendar: calendar)
            return (
                [NewEvent(.rescheduled(newDue: newDue, reason: why, late: late), at: at)],
                { _ in .rescheduled(newDue: newDue, late: late) }
            )
        case .withdraw(let reason):
            return ([NewEvent(.withdrawn(reason: try reasonText(reason)), at: at)], { _ in .withdrawn })
        case .stop(let reason):
            return ([NewEvent(.stopped(reason: try reasonText(reason)), at: at)], { _ in .stopped })
        case .cancel(let reason):
            return ([NewEvent(.cancelled(reason: try reasonText(reason)), at: at)], { _ in .cancelled })
        }
    }

    /// Hands several cases over to the body of their next step, each in its own transaction: what was done
    /// and, for each case that could not be, why.
    public func bulkHandOver(_ codes: [String], by actor: Actor) -> (
        done: Int, failures: [(code: String, error: DeskError)]
    ) {
        var done = 0
        var failures: [(String, DeskError)] = []
        for code in codes {
            do {
                try perform(.handOver(), on: code, by: actor)
                done += 1
            } catch {
                failures.append((code, error))
            }
        }
        log?.write("bulk hand-over: \(done) of \(codes.count) by \(actor.username)")
        return (done, failures)
    }

}
