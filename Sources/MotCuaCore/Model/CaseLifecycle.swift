/// Where a case stands (trạng thái hồ sơ).
public enum CaseStatus: String, Sendable, CaseIterable {
    /// Received at the counter, not handed over yet (Đã tiếp nhận).
    case received
    /// Handed to the bodies that process it (Đang giải quyết).
    case inProgress = "in_progress"
    /// Paused: waiting for the applicant to supplement the dossier (Chờ bổ sung).
    case waitingSupplement = "waiting_supplement"
    /// The result (or a refusal) is at the counter, waiting to be returned (Chờ trả kết quả).
    case resultReady = "result_ready"
    /// Returned to the applicant (Đã trả kết quả).
    case returned
    /// Withdrawn at the applicant's request (Đã rút hồ sơ).
    case withdrawn
    /// Processing stopped by notice (Dừng giải quyết).
    case stopped
    /// Cancelled as wrongly entered (Đã hủy) — never deleted.
    case cancelled

    public var vietnameseName: String {
        switch self {
        case .received: "Đã tiếp nhận"
        case .inProgress: "Đang giải quyết"
        case .waitingSupplement: "Chờ bổ sung"
        case .resultReady: "Chờ trả kết quả"
        case .returned: "Đã trả kết quả"
        case .withdrawn: "Đã rút hồ sơ"
        case .stopped: "Dừng giải quyết"
        case .cancelled: "Đã hủy"
        }
    }

    /// No further processing: returned, withdrawn, stopped or cancelled.
    public var isClosed: Bool { [.returned, .withdrawn, .stopped, .cancelled].contains(self) }

    /// Still counted as pending: received, in progress, waiting for a supplement, result ready.
    public var isOpen: Bool { !isClosed }
}

/// Early / on time / late: the one rule for steps, results, returns and statistics (issue 11 §3).
public enum Punctuality: String, Sendable, CaseIterable {
    case early, onTime = "on_time", late

    /// *Quá hạn*: finished after the due instant; *trước hạn*: finished on a day before the due day;
    /// *đúng hạn*: on the due day, no later than the due time. A step due 09:00 and done 16:00 the same day is
    /// late: the due time is part of the deadline, not only its date.
    public static func judge(done: LocalDateTime, due: LocalDateTime) -> Punctuality {
        if done > due { return .late }
        if done.date < due.date { return .early }
        return .onTime
    }

    /// A step's verdict: its own finish against its deadline; for the step that had the dossier when the
    /// case's result came without it finishing (a refusal after examination, a leader's override), the
    /// result's time; nil for a step never handed over or still open.
    public static func ofStep(due: LocalDateTime?, done: LocalDateTime?, caseResultAt: LocalDateTime?) -> Punctuality? {
        guard let due, let end = done ?? caseResultAt else { return nil }
        return judge(done: end, due: due)
    }

    public var vietnameseName: String {
        switch self {
        case .early: "Trước hạn"
        case .onTime: "Đúng hạn"
        case .late: "Quá hạn"
        }
    }
}

/// The citizen's evaluation at return (TT 01/2018 Art. 12–15), or the simple satisfaction levels.
public enum Evaluation: Hashable, Sendable {
    /// The law's per-case indices, each scored 2, 1 or 0, keyed by index code.
    case indices([String: Int])
    case satisfaction(SatisfactionLevel)
}

public enum SatisfactionLevel: String, Sendable, CaseIterable {
    case verySatisfied = "very_satisfied"
    case satisfied
    case dissatisfied

    public var vietnameseName: String {
        switch self {
        case .verySatisfied: "Rất hài lòng"
        case .satisfied: "Hài lòng"
        case .dissatisfied: "Không hài lòng"
        }
    }
}

/// What happened to a case, one event each (append-only).
public enum CaseEventPayload: Hashable, Sendable {
    /// Registered at the counter with its legal due instant.
    case received(due: LocalDateTime)
    /// The body asked, through the counter, for the dossier to be supplemented (Mẫu 02): the clock stops.
    case supplementRequested(items: [String], reason: String)
    /// The complete dossier came back: the deadline becomes `newDue` (restarted from zero by default), and
    /// the step being processed, if any, gets `stepDue` the same way.
    case supplementReceived(newDue: LocalDateTime, stepDue: LocalDateTime?)
    /// Refused after examination: the refusal is the case's result (Mẫu 03).
    case refused(reasons: [String])
    /// The dossier was handed to the body of route step `step` ("Giao"); `stepDue` is that body's deadline.
    case handedOver(step: Int, stepDue: LocalDateTime, slipNumber: String?)
    /// The body of step `step` acknowledged receipt ("Nhận").
    case acknowledged(step: Int, receiptNumber: String?)
    /// The body of step `step` finished its task.
    case stepDone(step: Int, note: String)
    /// The result came back to the counter. `overrideReason`: a leader recorded it although the route was
    /// not done (shown on the control sheet).
    case resultReceived(documentNumber: String, documentDate: CivilDate?, overrideReason: String? = nil)
    /// Late: apology with a new date (Mẫu 04); allowed once. `late`: sent less than one working day before
    /// the due time (or after it) — "xin lỗi muộn".
    case rescheduled(newDue: LocalDateTime, reason: String, late: Bool = false)
    /// Returned to the applicant. `applicantToldEarly`: for a return before the appointment, whether the
    /// applicant was told beforehand (nil: not asked — histories from before the question existed).
    case returned(method: CollectMethod, postalReceipt: String?, applicantToldEarly: Bool?)
    case evaluated(Evaluation)
    case withdrawn(reason: String)
    /// Stop-processing notice (Mẫu 05, 2025).
    case stopped(reason: String)
    /// Cancelled as wrongly entered (leader or administrator).
    case cancelled(reason: String)
    /// A field corrected: its name, old and new value, why.
    case corrected(field: String, old: String, new: String, reason: String)
    /// A document printed or saved (a reprint is marked). `failure`: the print did not reach the spooler
    /// ("In không thành công"), with the reason; the next print is then not a reprint.
    case printed(document: String, reprint: Bool, failure: String? = nil)

    public var kind: CaseEventKind {
        switch self {
        case .received: .received
        case .supplementRequested: .supplementRequested
        case .supplementReceived: .supplementReceived
        case .refused: .refused
        case .handedOver: .handedOver
        case .acknowledged: .acknowledged
        case .stepDone: .stepDone
        case .resultReceived: .resultReceived
        case .rescheduled: .rescheduled
        case .returned: .returned
        case .evaluated: .evaluated
        case .withdrawn: .withdrawn
        case .stopped: .stopped
        case .cancelled: .cancelled
        case .corrected: .corrected
        case .printed: .printed
        }
    }
}

public enum CaseEventKind: String, Sendable, CaseIterable {
    case received
    case supplementRequested = "supplement_requested"
    case supplementReceived = "supplement_received"
    case refused
    case handedOver = "handed_over"
    case acknowledged
    case stepDone = "step_done"
    case resultReceived = "result_received"
    case rescheduled
    case returned
    case evaluated
    case withdrawn
    case stopped
    case cancelled
    case corrected
    case printed

    public var vietnameseName: String {
        switch self {
        case .received: "Tiếp nhận"
        case .supplementRequested: "Yêu cầu bổ sung"
        case .supplementReceived: "Nhận hồ sơ bổ sung"
        case .refused: "Từ chối giải quyết"
        case .handedOver: "Giao hồ sơ"
        case .acknowledged: "Nhận hồ sơ"
        case .stepDone: "Hoàn thành bước"
        case .resultReceived: "Nhận kết quả"
        case .rescheduled: "Hẹn lại ngày trả"
        case .returned: "Trả kết quả"
        case .evaluated: "Đánh giá"
        case .withdrawn: "Rút hồ sơ"
        case .stopped: "Dừng giải quyết"
        case .cancelled: "Hủy hồ sơ"
        case .corrected: "Sửa thông tin"
        case .printed: "In phiếu"
        }
    }

    /// Whether the event is part of what happened to the dossier, recorded in the order it happened. A print
    /// or a correction is about the record itself and is recorded whenever it is made.
    public var followsTimeOrder: Bool { self != .printed && self != .corrected }
}

/// One event as recorded: what, when, by whom, at which body.
public struct CaseEvent: Hashable, Sendable {
    public var payload: CaseEventPayload
    public var at: LocalDateTime
    public var officer: String
    public var bodyCode: String?

    public init(_ payload: CaseEventPayload, at: LocalDateTime, officer: String, bodyCode: String? = nil) {
        self.payload = payload
        self.at = at
        self.officer = officer
        self.bodyCode = bodyCode
    }

    public var kind: CaseEventKind { payload.kind }
}

/// Progress of one route step.
public struct StepProgress: Hashable, Sendable {
    public var handedOverAt: LocalDateTime?
    public var stepDue: LocalDateTime?
    public var acknowledgedAt: LocalDateTime?
    public var doneAt: LocalDateTime?

    public init() {}

    /// Early / on time / late for a finished step.
    public var punctuality: Punctuality? {
        guard let doneAt, let stepDue else { return nil }
        return Punctuality.judge(done: doneAt, due: stepDue)
    }
}

/// The current state of a case, derived from its events.
public struct CaseState: Hashable, Sendable {
    public var status: CaseStatus
    /// The deadline statistics judge against: set at reception, restarted after a supplement, corrected
    /// with a reason; never moved by a reschedule.
    public var legalDue: LocalDateTime
    /// The appointment the applicant holds: the legal due, or the new date of an apology.
    public var appointment: LocalDateTime
    public var pausedAt: LocalDateTime?
    /// Times the applicant was asked to supplement during processing.
    public var supplementRounds: Int
    public var rescheduleCount: Int
    public var steps: [StepProgress]
    public var resultAt: LocalDateTime?
    public var resultIsRefusal: Bool
    public var returnedAt: LocalDateTime?
    public var evaluated: Bool
    /// When a case was withdrawn, stopped or cancelled.
    public var closedAt: LocalDateTime?

    public init(
        status: CaseStatus, legalDue: LocalDateTime, appointment: LocalDateTime, pausedAt: LocalDateTime? = nil,
        supplementRounds: Int = 0, rescheduleCount: Int = 0, steps: [StepProgress], resultAt: LocalDateTime? = nil,
        resultIsRefusal: Bool = false, returnedAt: LocalDateTime? = nil, evaluated: Bool = false,
        closedAt: LocalDateTime? = nil
    ) {
        self.status = status
        self.legalDue = legalDue
        self.appointment = appointment
        self.pausedAt = pausedAt
        self.supplementRounds = supplementRounds
        self.rescheduleCount = rescheduleCount
        self.steps = steps
        self.resultAt = resultAt
        self.resultIsRefusal = resultIsRefusal
        self.returnedAt = returnedAt
        self.evaluated = evaluated
        self.closedAt = closedAt
    }

    /// Early / on time / late of the result (or refusal) against the legal due date, nil while there is no
    /// result: what statistics count, whatever a reschedule promised. Judged on the result's date, which
    /// never changes once recorded, so a period's figures do not move when the applicant collects late;
    /// the return is judged against the appointment by `returnPunctuality`.
    public var punctuality: Punctuality? {
        guard let resultAt else { return nil }
        return Punctuality.judge(done: resultAt, due: legalDue)
    }

    /// Step `i`'s verdict (`Punctuality.ofStep`): its finish against its deadline, or, for the step that had
    /// the dossier when the case's result came (a refusal, a leader's override), the result's time.
    public func stepVerdict(_ i: Int) -> Punctuality? {
        Punctuality.ofStep(due: steps[i].stepDue, done: steps[i].doneAt, caseResultAt: resultAt)
    }

    /// Early / on time / late of the return against the appointment the applicant holds.
    public var returnPunctuality: Punctuality? {
        returnedAt.map { Punctuality.judge(done: $0, due: appointment) }
    }

    /// The step with the dossier now: handed over and not finished.
    public var currentStep: Int? { steps.firstIndex { $0.handedOverAt != nil && $0.doneAt == nil } }
}

/// The case lifecycle as a state machine: which event may follow which, and the state they produce.
///
/// `apply` is how a history evolves (replayed by the store and by `check`, also for histories recorded under
/// older rules); `admit` adds the rules a *new* event must satisfy today. Both are pure.
public enum CaseLifecycle {
    /// The state after the first event, which must be `received`.
    public static func start(_ event: CaseEvent, stepCount: Int) throws(Refusal) -> CaseState {
        guard case let .received(due) = event.payload else { throw .firstEventMustBeReception }
        return CaseState(
            status: .received, legalDue: due, appointment: due,
            steps: Array(repeating: StepProgress(), count: stepCount))
    }

    /// Replays a whole history.
    public static func replay(_ events: [CaseEvent], stepCount: Int) throws(Refusal) -> CaseState {
        guard let first = events.first else { throw .emptyHistory }
        var state = try start(first, stepCount: stepCount)
        for event in events.dropFirst() { state = try apply(event, to: state) }
        return state
    }

    /// The state after a new event, refused when today's rules do not allow it: beyond `apply`, no
    /// withdrawal once there is a result (a refusal included), no empty step result, an early return says
    /// whether the applicant was told, and a liên thông case (more than one body) gets its result only when
    /// every step is done — unless a leader records why (`overrideReason`; the role is checked by
    /// `Permissions`), or the procedure gives its result on the spot and nothing was handed over.
    public static func admit(
        _ event: CaseEvent, to state: CaseState, stepNames: [String], resultOnTheSpot: Bool = false
    ) throws(Refusal) -> CaseState {
        // The state and order first (the more basic reason), then today's rules.
        let next: CaseState
        do throws(Refusal) {
            next = try apply(event, to: state)
        } catch {
            if case .routeNotDone(let k, "") = error, stepNames.indices.contains(k) {
                throw .routeNotDone(openStep: k, bodyName: stepNames[k])
            }
            throw error
        }
        switch event.payload {
        case .withdrawn where state.resultAt != nil:
            throw .withdrawalAfterResult
        case .stepDone(_, let note) where note.trimmingSpaces.isEmpty:
            throw .emptyStepResult
        case .returned(_, _, nil) where Punctuality.judge(done: event.at, due: state.appointment) == .early:
            throw .mustSayWhetherTold
        case let .resultReceived(_, _, overrideReason)
        where (overrideReason ?? "").trimmingSpaces.isEmpty && stepNames.count > 1:
            let onTheSpot = resultOnTheSpot && state.steps.allSatisfy { $0.handedOverAt == nil }
            if !onTheSpot, let open = state.steps.firstIndex(where: { $0.doneAt == nil }) {
                throw .routeNotDone(openStep: open, bodyName: stepNames[open])
            }
        default:
            break
        }
        return next
    }

    /// The state after `event`, or why it may not happen now.
    public static func apply(_ event: CaseEvent, to s: CaseState) throws(Refusal) -> CaseState {
        var state = s
        // Arrays, not sets: a constant array literal needs no allocation (a set literal does), and this runs
        // for every event `check` replays.
        let processing: [CaseStatus] = [.received, .inProgress]
        func require(_ allowed: [CaseStatus]) throws(Refusal) {
            guard allowed.contains(state.status) else { throw .wrongState(action: event.kind, status: state.status) }
        }
        func checkStep(_ i: Int) throws(Refusal) {
            guard state.steps.indices.contains(i) else { throw .noSuchStep(i) }
        }
        switch event.payload {
        case .received:
            throw .alreadyReceived
        case .supplementRequested:
            try require(processing)
            state.status = .waitingSupplement
            state.pausedAt = event.at
            state.supplementRounds += 1
        case let .supplementReceived(newDue, stepDue):
            try require([.waitingSupplement])
            guard newDue > event.at else { throw .resumeDueNotAfterResume }
            // Back to where it was: with the bodies if any step was handed over, else at the counter.
            state.status = state.steps.contains { $0.handedOverAt != nil } ? .inProgress : .received
            state.pausedAt = nil
            state.legalDue = newDue
            // A new date given in an apology stays if it is later than the restarted deadline.
            state.appointment = state.rescheduleCount > 0 ? max(state.appointment, newDue) : newDue
            if let stepDue, let current = state.steps.firstIndex(where: { $0.handedOverAt != nil && $0.doneAt == nil })
            {
                state.steps[current].stepDue = stepDue
            }
        case .refused:
            try require(processing)
            state.status = .resultReady
            state.resultAt = event.at
            state.resultIsRefusal = true
        case let .handedOver(step, stepDue, _):
            try require(processing)
            try checkStep(step)
            guard state.steps[step].handedOverAt == nil else { throw .stepAlreadyHandedOver(step) }
            if step > 0 && state.steps[step - 1].doneAt == nil { throw .previousStepNotDone(step: step) }
            state.steps[step].handedOverAt = event.at
            state.steps[step].stepDue = stepDue
            state.status = .inProgress
        case .acknowledged(let step, _):
            try require([.inProgress])
            try checkStep(step)
            guard state.steps[step].handedOverAt != nil else { throw .stepNotHandedOver(step) }
            guard state.steps[step].acknowledgedAt == nil else { throw .stepAlreadyAcknowledged(step) }
            state.steps[step].acknowledgedAt = event.at
        case .stepDone(let step, _):
            try require([.inProgress])
            try checkStep(step)
            guard state.steps[step].acknowledgedAt != nil else { throw .stepNotAcknowledged(step) }
            guard state.steps[step].doneAt == nil else { throw .stepAlreadyDone(step) }
            state.steps[step].doneAt = event.at
        case let .resultReceived(_, _, overrideReason):
            // Either the counter produced the result itself (on the spot: nothing was handed over), or every
            // step of the route is done, or a leader recorded why the result came before the route's end.
            let untouched = state.steps.allSatisfy { $0.handedOverAt == nil }
            let overridden = !(overrideReason ?? "").isEmpty
            try require(untouched || overridden ? processing : [.inProgress])
            if !untouched, !overridden, let open = state.steps.firstIndex(where: { $0.doneAt == nil }) {
                throw .routeNotDone(openStep: open, bodyName: "")
            }
            state.status = .resultReady
            state.resultAt = event.at
        case let .rescheduled(newDue, _, _):
            try require([.received, .inProgress, .waitingSupplement])
            guard state.rescheduleCount == 0 else { throw .rescheduledAlready }
            guard newDue > state.appointment else {
                throw .newDueNotLater(newDue: newDue, appointment: state.appointment)
            }
            state.rescheduleCount += 1
            state.appointment = newDue
        case .returned:
            try require([.resultReady])
            state.status = .returned
            state.returnedAt = event.at
        case .evaluated:
            try require([.returned])
            guard !state.evaluated else { throw .alreadyEvaluated }
            state.evaluated = true
        case .withdrawn:
            try require([.received, .inProgress, .waitingSupplement, .resultReady])
            state.status = .withdrawn
            state.closedAt = event.at
        case .stopped:
            try require([.received, .inProgress, .waitingSupplement])
            state.status = .stopped
            state.closedAt = event.at
        case .cancelled:
            try require([.received, .inProgress, .waitingSupplement, .resultReady, .returned])
            state.status = .cancelled
            state.closedAt = event.at
        case let .corrected(field, _, new, _):
            try require(CaseStatus.allCases.filter { $0 != .cancelled })
            if field == CorrectableField.appointment.rawValue {
                guard let due = LocalDateTime(iso: new) else { throw .invalidField(.newDue, .shape(.dateTime)) }
                // The deadline statistics judge against may be corrected only while there is no result; after
                // an apology only the promised date moves (the original deadline stays what is judged).
                guard state.resultAt == nil, !state.status.isClosed else { throw .appointmentLocked }
                if state.rescheduleCount == 0 { state.legalDue = due }
                state.appointment = due
            }
        case .printed:
            break
        }
        return state
    }
}

/// Fields a correction may change (recorded field by field).
public enum CorrectableField: String, Sendable, CaseIterable {
    case applicantName = "applicant.fullName"
    case applicantIDNumber = "applicant.idNumber"
    case applicantBirthDate = "applicant.birthDate"
    case applicantPhone = "applicant.phone"
    case applicantEmail = "applicant.email"
    case applicantAddress = "applicant.address"
    case representativeName = "applicant.representativeName"
    case documents
    case procedure
    case appointment
    case fee
    case feeReceiptNumber
    case note

    public var vietnameseName: String {
        switch self {
        case .applicantName: "Họ tên người nộp"
        case .applicantIDNumber: "Số giấy tờ tùy thân"
        case .applicantBirthDate: "Ngày sinh"
        case .applicantPhone: "Số điện thoại"
        case .applicantEmail: "Thư điện tử"
        case .applicantAddress: "Địa chỉ"
        case .representativeName: "Người đại diện"
        case .documents: "Thành phần hồ sơ"
        case .procedure: "Thủ tục"
        case .appointment: "Ngày hẹn trả"
        case .fee: "Lệ phí"
        case .feeReceiptNumber: "Số biên lai"
        case .note: "Ghi chú"
        }
    }
}
