import MotCuaCore

/// Who records, and how: the audit part every event carries.
public struct EventAuthor: Sendable {
    public let officer: Officer
    public let channel: RecordingChannel
    /// The operating-system account running the program.
    public let osUser: String
    /// Unix seconds when it is written (the true recording time).
    public let recordedAt: Int64

    public init(officer: Officer, channel: RecordingChannel, osUser: String, recordedAt: Int64) {
        self.officer = officer
        self.channel = channel
        self.osUser = osUser
        self.recordedAt = recordedAt
    }
}

/// An event decided by the application layer, to be appended to a case.
public struct NewEvent: Sendable {
    public var payload: CaseEventPayload
    public var at: LocalDateTime
    public var bodyCode: String?
    /// Why it is recorded after the fact ("nhập sau"), nil when on time.
    public var lateReason: String?

    public init(_ payload: CaseEventPayload, at: LocalDateTime, bodyCode: String? = nil, lateReason: String? = nil) {
        self.payload = payload
        self.at = at
        self.bodyCode = bodyCode
        self.lateReason = lateReason
    }
}

/// A change of a case's own data that goes with a correction event.
public enum CaseChange: Sendable {
    case applicant(Applicant)
    case note(String)
    case fee(Int)
    case feeReceiptNumber(String?)
    case documents([CaseDocument])
    /// Another procedure (its version in force at reception) and the route the case now follows.
    case procedure(versionID: Int64, procedure: ProcedureVersion, route: [RouteStep])
}

/// What the application layer decided to record on a case.
public struct Decision: Sendable {
    public var events: [NewEvent]
    public var change: CaseChange?

    public init(_ events: [NewEvent], change: CaseChange? = nil) {
        self.events = events
        self.change = change
    }
}

/// A case as the application layer decided to register it: validated, its due instant and route computed.
public struct NewCase: Sendable {
    public var versionID: Int64
    public var procedure: ProcedureVersion
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
    public var receivedAt: LocalDateTime
    /// Why the reception time differs from the time of entry.
    public var receivedAtReason: String?
    /// Kept with the reception event when it is recorded after the fact.
    public var lateReason: String?
    public var note: String
    public var documents: [CaseDocument]
    public var route: [RouteStep]
    public var due: LocalDateTime
    /// The source key of an imported row (idempotent imports).
    public var importKey: String?

    public init(
        versionID: Int64, procedure: ProcedureVersion, applicant: Applicant, channel: Channel, collect: CollectMethod,
        collectAddress: String?, sets: Int, verificationNeeded: Bool, chosenResults: Set<Int>?, fee: Int,
        feeExemption: String?, feeReceiptNumber: String?, receivedAt: LocalDateTime, receivedAtReason: String?,
        lateReason: String?, note: String, documents: [CaseDocument], route: [RouteStep], due: LocalDateTime,
        importKey: String?
    ) {
        self.versionID = versionID
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
        self.receivedAtReason = receivedAtReason
        self.lateReason = lateReason
        self.note = note
        self.documents = documents
        self.route = route
        self.due = due
        self.importKey = importKey
    }
}

/// One line of the audit log of accounts and settings.
public struct AuditEntry: Hashable, Sendable {
    public let recordedAt: Int64
    public let officer: String
    public let channel: RecordingChannel
    public let osUser: String
    public let action: String
    public let detail: String
}

extension Store {
    /// Appends a line to the audit log (changes to accounts and settings; never a password).
    public func appendAudit(action: String, detail: String, author: EventAuthor) throws(StoreError) {
        try write {
            try db.run(
                "INSERT INTO audit_log (recorded_at, officer_id, channel, os_user, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
                author.recordedAt, author.officer.id, author.channel.rawValue, author.osUser, action, detail)
        }
    }

    /// The latest lines of the audit log, newest first.
    public func auditLog(limit: Int = 100) throws(StoreError) -> [AuditEntry] {
        try storeCall {
            try db.rows(
                """
                SELECT a.recorded_at, o.username, a.channel, a.os_user, a.action, a.detail
                FROM audit_log a JOIN officers o ON o.id = a.officer_id ORDER BY a.id DESC LIMIT ?
                """, [limit]
            ) { r in
                AuditEntry(
                    recordedAt: r.int64(0), officer: r.text(1),
                    channel: RecordingChannel(rawValue: r.text(2)) ?? .unknown,
                    osUser: r.text(3), action: r.text(4), detail: r.text(5))
            }
        }
    }
}
