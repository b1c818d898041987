import MotCuaCore
import MotCuaStore

/// What an officer asks to do with a case; the exact action follows from the case's state.
public enum ActionIntent: String, Hashable, Sendable, CaseIterable {
    /// The next hand-over, receipt or step result ("Chuyển").
    case route
    /// The result back at the counter, the return to the applicant, or the evaluation ("Trả kết quả").
    case result
    case supplement, refuse, reschedule, withdraw, stop, cancel, evaluate, correct
}

/// The action an intent leads to on a case in its current state.
public enum ActionKind: Hashable, Sendable {
    case handOver(Int), acknowledge(Int), finish(Int), result, returnCase, evaluate
    case supplementRequest, resume, refuse, reschedule, withdraw, stop, cancel, correct

    public var eventKind: CaseEventKind {
        switch self {
        case .handOver: .handedOver
        case .acknowledge: .acknowledged
        case .finish: .stepDone
        case .result: .resultReceived
        case .returnCase: .returned
        case .evaluate: .evaluated
        case .supplementRequest: .supplementRequested
        case .resume: .supplementReceived
        case .refuse: .refused
        case .reschedule: .rescheduled
        case .withdraw: .withdrawn
        case .stop: .stopped
        case .cancel: .cancelled
        case .correct: .corrected
        }
    }
}

/// For one officer and one case as it is now: for each intent, the action it leads to, or why not — so that
/// a key that cannot act says why at once, before any input is asked, and the help lists what is possible.
public struct CaseOptions: Sendable {
    public let choices: [ActionIntent: Result<ActionKind, Refusal>]

    public init(choices: [ActionIntent: Result<ActionKind, Refusal>]) { self.choices = choices }

    /// Nothing is possible (no officer, or the case is not loaded yet).
    public static let none = CaseOptions(choices: [:])

    public func kind(_ intent: ActionIntent) -> ActionKind? {
        if case .success(let k)? = choices[intent] { return k }
        return nil
    }

    public func refusal(_ intent: ActionIntent) -> Refusal? {
        if case .failure(let r)? = choices[intent] { return r }
        return nil
    }
}

extension Desk {
    /// What `actor` may do on `c` now, intent by intent, and why not: the route's next step, the state, the
    /// role and the body — the same rules `perform` applies.
    public func options(on c: CaseRecord, by actor: Actor) -> CaseOptions {
        guard let officer = try? current(actor) else {
            return CaseOptions(
                choices: Dictionary(
                    uniqueKeysWithValues: ActionIntent.allCases.map {
                        ($0, .failure(.noActiveOfficer(username: actor.username)))
                    }))
        }
        var choices: [ActionIntent: Result<ActionKind, Refusal>] = [:]
        for intent in ActionIntent.allCases {
            choices[intent] = Desk.resolve(intent, c).flatMap { kind in
                if let refusal = permitted(kind, on: c, officer: officer) { return .failure(refusal) }
                return .success(kind)
            }
        }
        return CaseOptions(choices: choices)
    }

    /// The action an intent leads to in the case's state, or why there is none.
    static func resolve(_ intent: ActionIntent, _ r: CaseRecord) -> Result<ActionKind, Refusal> {
        let s = r.state
        func route(_ next: Routing.NextStep, for kind: CaseEventKind) -> Refusal {
            switch next {
            case .handOver(let k): .stepWaiting(step: k, bodyName: r.steps[k].bodyName, for: .handedOver)
            case .acknowledge(let k): .stepWaiting(step: k, bodyName: r.steps[k].bodyName, for: .acknowledged)
            case .finish(let k): .stepWaiting(step: k, bodyName: r.steps[k].bodyName, for: .stepDone)
            case .receiveResult: .routeFinished
            case .none: .wrongState(action: kind, status: s.status)
            }
        }
        switch intent {
        case .route:
            switch Routing.next(s) {
            case .handOver(let k): return .success(.handOver(k))
            case .acknowledge(let k): return .success(.acknowledge(k))
            case .finish(let k): return .success(.finish(k))
            case let other: return .failure(route(other, for: .handedOver))
            }
        case .result:
            if s.status == .resultReady { return .success(.returnCase) }
            if s.status == .returned && !s.evaluated { return .success(.evaluate) }
            switch Routing.next(s) {
            case .receiveResult: return .success(.result)
            case .finish(let k) where k == r.steps.count - 1: return .success(.result)
            case .none: return .failure(route(.none, for: .resultReceived))
            default:
                // The route is not done: whether the result may come now (untouched, on the spot, a leader's
                // override) is the lifecycle's and the roles' to say, as for the command line.
                return .success(.result)
            }
        case .supplement:
            if s.status == .waitingSupplement { return .success(.resume) }
            guard [.received, .inProgress].contains(s.status) else {
                return .failure(.wrongState(action: .supplementRequested, status: s.status))
            }
            return .success(.supplementRequest)
        case .refuse: return .success(.refuse)
        case .reschedule:
            if s.rescheduleCount > 0 { return .failure(.rescheduledAlready) }
            return .success(.reschedule)
        case .withdraw: return .success(.withdraw)
        case .stop: return .success(.stop)
        case .cancel: return .success(.cancel)
        case .correct: return .success(.correct)
        case .evaluate:
            guard s.status == .returned else { return .failure(.wrongState(action: .evaluated, status: s.status)) }
            return s.evaluated ? .failure(.alreadyEvaluated) : .success(.evaluate)
        }
    }

    /// Why `officer` may not record `kind` on `c` now (role, body, state), or nil: a probe of the event goes
    /// through the same checks as the real one.
    func permitted(_ kind: ActionKind, on c: CaseRecord, officer: Officer) -> Refusal? {
        let now = clock.now()
        let probe: CaseEventPayload
        switch kind {
        case .handOver(let k): probe = .handedOver(step: k, stepDue: now, slipNumber: nil)
        case .acknowledge(let k): probe = .acknowledged(step: k, receiptNumber: nil)
        case .finish(let k): probe = .stepDone(step: k, note: "-")
        case .result:
            // A leader may record the result before the route is done, with a reason the form asks for.
            let early = c.state.steps.contains { $0.doneAt == nil } && Permissions.isLeader(officer.role)
            probe = .resultReceived(documentNumber: "-", documentDate: nil, overrideReason: early ? "-" : nil)
        case .returnCase: probe = .returned(method: .counter, postalReceipt: nil, applicantToldEarly: true)
        case .evaluate: probe = .evaluated(.satisfaction(.satisfied))
        case .supplementRequest: probe = .supplementRequested(items: ["-"], reason: "")
        case .resume: probe = .supplementReceived(newDue: c.state.legalDue.adding(minutes: 100_000), stepDue: nil)
        case .refuse: probe = .refused(reasons: ["-"])
        case .reschedule: probe = .rescheduled(newDue: c.state.appointment.adding(minutes: 100_000), reason: "-")
        case .withdraw: probe = .withdrawn(reason: "-")
        case .stop: probe = .stopped(reason: "-")
        case .cancel: probe = .cancelled(reason: "-")
        case .correct: probe = .corrected(field: CorrectableField.note.rawValue, old: "", new: "-", reason: "-")
        }
        do {
            // The counter closes a commune office's last step when its result comes back: allowed as in `perform`.
            var state = c.state
            if kind == .result, case .finish(let k) = Routing.next(state), k == c.steps.count - 1 {
                let close = CaseEventPayload.stepDone(step: k, note: "-")
                try Permissions.check(officer, close, steps: c.steps, state: state, closingByResult: true)
                state = try CaseLifecycle.apply(CaseEvent(close, at: now, officer: officer.username), to: state)
            }
            try Permissions.check(officer, probe, steps: c.steps, state: state)
            _ = try CaseLifecycle.admit(
                CaseEvent(probe, at: max(now, c.state.appointment), officer: officer.username), to: state,
                stepNames: c.steps.map(\.bodyName), resultOnTheSpot: c.procedure.resultOnTheSpot)
            return nil
        } catch {
            return error
        }
    }
}
