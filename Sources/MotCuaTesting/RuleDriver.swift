import MotCuaCore
import MotCuaDesk
import MotCuaStore

/// Drives the application layer the way the tests of the rule book want: each call names who acts and
/// when, the clock is moved to that moment first (so the entry is never "after the fact" unless a test asks),
/// and the officer acts from `channel`. Errors are the application layer's (`DeskError`).
public final class RuleDriver {
    public let store: Store
    public let desk: Desk
    public let clock: TestClock
    public var channel: RecordingChannel = .screen

    public init(store: Store, clock: TestClock) throws {
        self.store = store
        self.clock = clock
        desk = try Desk(store: store, clock: .following { clock.now })
    }

    public var calendar: WorkingCalendar { desk.calendar }

    public func actor(_ username: String) throws -> Actor {
        guard let officer = try store.officer(username: username) else {
            throw DeskError.refused(.missingOfficer(username: username))
        }
        return Actor(officer: officer, channel: channel, osUser: "kiem-thu")
    }

    /// Runs `body` with the clock at `at`, then puts the clock back (the test's own "now" stays).
    func at<T>(_ at: LocalDateTime, _ body: () throws -> T) rethrows -> T {
        let before = clock.now
        defer { clock.now = before }
        clock.now = at
        return try body()
    }

    @discardableResult
    public func perform(_ action: CaseAction, on code: String, at: LocalDateTime, by officer: String) throws
        -> ActionOutcome
    {
        try self.at(at) { try desk.perform(action, on: code, by: try actor(officer)) }
    }

    @discardableResult
    public func registerCase(_ draft: CaseDraft, officer: String) throws -> RegisteredCase {
        try at(draft.receivedAt) { try desk.register(draft, by: try actor(officer)).registered }
    }

    @discardableResult
    public func handOver(
        caseCode: String, step: Int? = nil, slipNumber: String? = nil, at: LocalDateTime, officer: String
    ) throws -> CaseState {
        try perform(.handOver(step: step, slip: slipNumber), on: caseCode, at: at, by: officer).record.state
    }

    @discardableResult
    public func acknowledge(
        caseCode: String, step: Int? = nil, receiptNumber: String? = nil, at: LocalDateTime, officer: String
    ) throws -> CaseState {
        try perform(.acknowledge(step: step, receipt: receiptNumber), on: caseCode, at: at, by: officer).record.state
    }

    @discardableResult
    public func finishStep(
        caseCode: String, step: Int? = nil, note: String = "Đã xử lý xong", at: LocalDateTime, officer: String
    ) throws -> CaseState {
        try perform(.finishStep(step: step, note: note), on: caseCode, at: at, by: officer).record.state
    }

    @discardableResult
    public func finishAndHandOver(
        caseCode: String, step: Int, note: String = "Đã xử lý xong", slipNumber: String? = nil, at: LocalDateTime,
        officer: String
    ) throws -> CaseState {
        try perform(
            .finishStep(step: step, note: note, handOverNext: true, slip: slipNumber), on: caseCode, at: at, by: officer
        ).record.state
    }

    @discardableResult
    public func receiveResult(
        caseCode: String, documentNumber: String, documentDate: CivilDate? = nil, at: LocalDateTime,
        officer: String
    ) throws -> CaseState {
        try perform(.resultReceived(number: documentNumber, date: documentDate), on: caseCode, at: at, by: officer)
            .record.state
    }

    @discardableResult
    public func returnOnTheSpot(caseCode: String, at: LocalDateTime, officer: String) throws -> CaseState {
        try self.at(at) { try desk.returnOnTheSpot(caseCode, by: try actor(officer)).state }
    }

    @discardableResult
    public func resumeAfterSupplement(caseCode: String, at: LocalDateTime, officer: String) throws -> CaseState {
        try perform(.resume, on: caseCode, at: at, by: officer).record.state
    }

    /// Records the action an event payload stands for (as the old store call did).
    @discardableResult
    public func record(_ payload: CaseEventPayload, caseCode: String, at: LocalDateTime, officer: String) throws
        -> CaseState
    {
        let action: CaseAction
        switch payload {
        case let .supplementRequested(items, reason): action = .requestSupplement(items: items, reason: reason)
        case .refused(let reasons): action = .refuse(reasons: reasons)
        case let .rescheduled(newDue, reason, _): action = .reschedule(newDue: newDue, reason: reason)
        case let .returned(method, receipt, told):
            action = .returnToApplicant(method: method, postalReceipt: receipt, told: told)
        case .evaluated(let e): action = .evaluate(e)
        case .withdrawn(let r): action = .withdraw(reason: r)
        case .stopped(let r): action = .stop(reason: r)
        case .cancelled(let r): action = .cancel(reason: r)
        case let .resultReceived(n, d, o): action = .resultReceived(number: n, date: d, overrideReason: o)
        case let .handedOver(step, _, slip): action = .handOver(step: step, slip: slip)
        case let .acknowledged(step, receipt): action = .acknowledge(step: step, receipt: receipt)
        case let .stepDone(step, note): action = .finishStep(step: step, note: note)
        case .supplementReceived: action = .resume
        case .printed:
            // A print is recorded by the print use case; tests of the history write it as it would.
            let officer = try actor(officer)
            return try self.at(at) {
                try store.recordEvents(
                    caseCode: caseCode,
                    author: EventAuthor(
                        officer: officer.officer, channel: channel, osUser: officer.osUser,
                        recordedAt: desk.clock.unixSeconds())
                ) { _, _ in
                    Decision([NewEvent(payload, at: at)])
                }.state
            }
        case .received, .corrected:
            preconditionFailure("no action records \(payload.kind) directly")
        }
        return try perform(action, on: caseCode, at: at, by: officer).record.state
    }

    public func recordContact(
        _ kind: ReceptionContact.Kind, procedureCode: String, applicant: Applicant, items: [String],
        reason: String, at: LocalDateTime, officer: String
    ) throws -> ReceptionContact {
        try self.at(at) {
            try desk.recordContact(
                kind, procedureCode: procedureCode, applicant: applicant, items: items, reason: reason,
                by: try actor(officer))
        }
    }

    public func correct(
        caseCode: String, field: CorrectableField, newValue: String, reason: String, at: LocalDateTime,
        officer: String
    ) throws {
        try self.at(at) {
            _ = try desk.correct(caseCode, .field(field, value: newValue), reason: reason, by: try actor(officer))
        }
    }

    public func correctDocuments(
        caseCode: String, documents: [CaseDocument], reason: String, at: LocalDateTime, officer: String
    ) throws {
        try self.at(at) {
            _ = try desk.correct(caseCode, .documents(documents), reason: reason, by: try actor(officer))
        }
    }

    public func correctProcedure(
        caseCode: String, newProcedureCode: String, reason: String, at: LocalDateTime, officer: String
    ) throws {
        try self.at(at) {
            _ = try desk.correct(caseCode, .procedure(code: newProcedureCode), reason: reason, by: try actor(officer))
        }
    }
}
