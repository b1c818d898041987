/// The case as read back: registration numbers, route steps with progress, recorded events, list lines.
/// The outcome of registering a case: its numbers and appointment.
public struct RegisteredCase: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let ledgerYear: Int
    public let ledgerNumber: Int
    public let receivedAt: LocalDateTime
    public let due: LocalDateTime

    public init(
        id: Int64, code: String, ledgerYear: Int, ledgerNumber: Int, receivedAt: LocalDateTime, due: LocalDateTime
    ) {
        self.id = id
        self.code = code
        self.ledgerYear = ledgerYear
        self.ledgerNumber = ledgerNumber
        self.receivedAt = receivedAt
        self.due = due
    }
}

/// One step of a case's route with its progress.
public struct CaseStep: Hashable, Sendable {
    public let position: Int
    public let bodyCode: String
    public let bodyName: String
    public let task: String
    public let budget: TimeLimit
    public let isLead: Bool
    /// The body is one of the commune's own offices (its officers record their own receipts and results);
    /// false for outside agencies, recorded by the counter with a slip or postal receipt number.
    public let bodyIsInternal: Bool
    /// The body is the one-stop counter itself.
    public var bodyIsCounter: Bool = false
    public var progress: StepProgress

    public init(
        position: Int, bodyCode: String, bodyName: String, task: String, budget: TimeLimit, isLead: Bool,
        bodyIsInternal: Bool, bodyIsCounter: Bool = false, progress: StepProgress
    ) {
        self.position = position
        self.bodyCode = bodyCode
        self.bodyName = bodyName
        self.task = task
        self.budget = budget
        self.isLead = isLead
        self.bodyIsInternal = bodyIsInternal
        self.bodyIsCounter = bodyIsCounter
        self.progress = progress
    }
}

/// Where an event was recorded from.
public enum RecordingChannel: String, Hashable, Sendable, CaseIterable {
    /// The counter's screens.
    case screen
    /// A `motcua` command.
    case commandLine = "command_line"
    /// A bulk import (`motcua case import`).
    case importer = "import"
    /// Recorded before the channel was kept (older databases).
    case unknown

    public var vietnameseName: String {
        switch self {
        case .screen: "màn hình"
        case .commandLine: "dòng lệnh"
        case .importer: "nhập tệp"
        case .unknown: "không rõ"
        }
    }
}

/// A recorded event with who recorded it, how, and when it was written.
public struct RecordedEvent: Hashable, Sendable {
    public let seq: Int
    public let event: CaseEvent
    public let officerName: String
    /// Unix seconds when the event was written (the audit time; `event.at` is when it happened).
    public let recordedAt: Int64
    public let channel: RecordingChannel
    /// The operating-system account that ran the program.
    public let osUser: String
    /// Why it was recorded late ("nhập sau"): set when the event happened more than 30 minutes before it
    /// was recorded.
    public let lateReason: String?

    public init(
        seq: Int, event: CaseEvent, officerName: String, recordedAt: Int64, channel: RecordingChannel = .unknown,
        osUser: String = "", lateReason: String? = nil
    ) {
        self.seq = seq
        self.event = event
        self.officerName = officerName
        self.recordedAt = recordedAt
        self.channel = channel
        self.osUser = osUser
        self.lateReason = lateReason
    }

    /// The true recording time in Vietnam time.
    public var recordedLocal: LocalDateTime { LocalDateTime(unixSeconds: recordedAt) }

    /// Recorded after the fact ("nhập sau"): a late reason was given.
    public var isLateEntry: Bool { lateReason != nil }
}

/// A case as the screens and reports read it.
public struct CaseRecord: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let ledgerYear: Int
    public let ledgerNumber: Int
    public let procedureVersionID: Int64
    public let procedure: ProcedureVersion
    public var applicant: Applicant
    public var channel: Channel
    public var collect: CollectMethod
    public var collectAddress: String?
    public var sets: Int
    public var verificationNeeded: Bool
    public var chosenResults: Set<Int>?
    public var fee: Int
    public var feeExemption: String?
    public var feeReceiptNumber: String?
    public let receivedAt: LocalDateTime
    public let receivedBy: String
    public let receivedByName: String
    public let receivedAtReason: String?
    public var note: String
    public var state: CaseState
    public var documents: [CaseDocument]
    public var steps: [CaseStep]

    public init(
        id: Int64, code: String, ledgerYear: Int, ledgerNumber: Int, procedureVersionID: Int64,
        procedure: ProcedureVersion, applicant: Applicant, channel: Channel, collect: CollectMethod,
        collectAddress: String?, sets: Int, verificationNeeded: Bool, chosenResults: Set<Int>?, fee: Int,
        feeExemption: String?, feeReceiptNumber: String?, receivedAt: LocalDateTime, receivedBy: String,
        receivedByName: String, receivedAtReason: String?, note: String, state: CaseState, documents: [CaseDocument],
        steps: [CaseStep]
    ) {
        self.id = id
        self.code = code
        self.ledgerYear = ledgerYear
        self.ledgerNumber = ledgerNumber
        self.procedureVersionID = procedureVersionID
        self.procedure = procedure
        self.applicant = applicant
        self.channel = channel
        self.collect = collect
        self.collectAddress = collectAddress
        self.sets = sets
        self.verificationNeeded = verificationNeeded
        self.chosenResults = chosenResults
        self.fee = fee
        self.feeExemption = feeExemption
        self.feeReceiptNumber = feeReceiptNumber
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.receivedByName = receivedByName
        self.receivedAtReason = receivedAtReason
        self.note = note
        self.state = state
        self.documents = documents
        self.steps = steps
    }
}

/// A line of search results and lists.
public struct CaseSummary: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let applicantName: String
    public let procedureName: String
    public let status: CaseStatus
    public let appointment: LocalDateTime
    public let receivedAt: LocalDateTime

    /// Rescheduled once (an apology with a new date went out).
    public let rescheduled: Bool
    /// The result (or a refusal) is recorded.
    public let hasResult: Bool

    public init(
        id: Int64, code: String, applicantName: String, procedureName: String, status: CaseStatus,
        appointment: LocalDateTime,
        receivedAt: LocalDateTime, rescheduled: Bool = false, hasResult: Bool = false
    ) {
        self.id = id
        self.code = code
        self.applicantName = applicantName
        self.procedureName = procedureName
        self.status = status
        self.appointment = appointment
        self.receivedAt = receivedAt
        self.rescheduled = rescheduled
        self.hasResult = hasResult
    }

    /// What its standing (status text, remaining time, flags) is computed from.
    public var facts: CaseStanding.Facts {
        CaseStanding.Facts(
            status: status, receivedAt: receivedAt, appointment: appointment, rescheduled: rescheduled,
            hasResult: hasResult)
    }
}
