import MotCuaCore
import MotCuaStore

/// A case registered, as the front ends show it.
public struct Registration: Sendable {
    public let registered: RegisteredCase
    /// False when an import key was already used: the case imported before, nothing written.
    public let isNew: Bool
    /// Recorded after the fact, with a reason ("nhập sau").
    public let lateEntry: Bool
}

/// A correction of a case's data.
public enum Correction: Hashable, Sendable {
    case field(CorrectableField, value: String)
    case documents([CaseDocument])
    case procedure(code: String)
}

extension Desk {
    // MARK: Reception

    /// Registers a case: validates every field, computes the appointment in working time, allocates the
    /// code and the ledger number. A reception time other than now needs `draft.receivedAtReason`; the time
    /// rules of every action apply (never in the future, a leader beyond one working day). `importKey`
    /// makes a bulk import idempotent.
    public func register(_ draft: CaseDraft, by actor: Actor, importKey: String? = nil) throws(DeskError)
        -> Registration
    {
        try run {
            let officer = try current(actor)
            try checkCommandLine(actor, importing: actor.channel == .importer)
            guard Permissions.roles(for: .received).contains(officer.role) else {
                throw Refusal.roleMayNot(role: officer.role, action: .received)
            }
            let now = clock.now()
            let reason = try TextRules.cleanOptional(draft.receivedAtReason, .receptionReason, limit: .longText)
            // Typed at the counter a few minutes later is not "another time"; beyond the tolerance it needs its reason.
            if abs(draft.receivedAt.minutes - now.minutes) > RecordingTime.futureToleranceMinutes && reason == nil {
                try RecordingTime.checkYear(draft.receivedAt.date)
                if draft.receivedAt > now.adding(minutes: RecordingTime.futureToleranceMinutes) {
                    throw Refusal.timeInFuture(draft.receivedAt)
                }
                throw Refusal.receptionTimeReasonRequired
            }
            let verdict = try RecordingTime.check(
                draft.receivedAt, now: now, lateReason: reason, leader: Permissions.isLeader(officer.role),
                calendar: calendar)
            let date = draft.receivedAt.date
            guard
                let stored = try store.procedure(
                    code: try TextRules.clean(draft.procedureCode, .procedure, limit: .short, required: true),
                    on: date)
            else {
                throw Refusal.missingProcedure(code: draft.procedureCode, on: date)
            }
            let p = stored.procedure
            let applicant = try cleanApplicant(draft.applicant, today: now.date)
            guard (1...1000).contains(draft.sets) else { throw Refusal.invalidField(.sets, .outOfRange(1...1000)) }
            guard (0...1_000_000_000).contains(draft.fee) else {
                throw Refusal.invalidField(.fee, .outOfRange(0...1_000_000_000))
            }
            let documents = try draft.documents.map(cleanDocument)
            if let chosen = draft.chosenResults {
                guard !chosen.isEmpty, chosen.allSatisfy({ p.results.indices.contains($0) }) else {
                    throw Refusal.invalidField(.chosenResults, .outOfRange(1...max(1, p.results.count)))
                }
            }
            let collectAddress = try TextRules.cleanOptional(draft.collectAddress, .collectAddress, limit: .address)
            if draft.collect == .post && (collectAddress ?? applicant.address ?? "").isEmpty {
                throw Refusal.invalidField(.collectAddress, .empty)
            }
            let due = calendar.due(
                p.dueRule(verificationNeeded: draft.verificationNeeded), receivedAt: draft.receivedAt)
            let plan = NewCase(
                versionID: stored.versionID, procedure: p, applicant: applicant, channel: draft.channel,
                collect: draft.collect,
                collectAddress: collectAddress, sets: draft.sets, verificationNeeded: draft.verificationNeeded,
                chosenResults: draft.chosenResults, fee: draft.fee,
                feeExemption: try TextRules.cleanOptional(draft.feeExemption, .feeExemption, limit: .longText),
                feeReceiptNumber: try TextRules.cleanOptional(draft.feeReceiptNumber, .feeReceiptNumber, limit: .short),
                receivedAt: draft.receivedAt, receivedAtReason: reason, lateReason: verdict.lateReason,
                note: try TextRules.clean(draft.note, .note, limit: .longText, multiline: true), documents: documents,
                route: p.route(forResults: draft.chosenResults), due: due, importKey: importKey)
            let (registered, isNew) = try store.insertCase(plan, author: author(actor, officer: officer))
            if isNew {
                log?.write(
                    "case registered: \(registered.code) by \(actor.username) (\(actor.channel.rawValue))\(verdict.isLateEntry ? " late entry" : "")"
                )
            }
            return Registration(registered: registered, isNew: isNew, lateEntry: verdict.isLateEntry)
        }
    }

    /// The applicant's data cleaned (no control characters, NFC, lengths) and checked field by field.
    func cleanApplicant(_ a: Applicant, today: CivilDate) throws -> Applicant {
        var c = a
        c.fullName = try TextRules.clean(
            a.fullName, a.kind == .organisation ? .organisationName : .applicantName, limit: .name)
        c.idNumber = try TextRules.cleanOptional(a.idNumber, .applicantIDNumber, limit: .short)
        c.phone = try TextRules.cleanOptional(a.phone, .applicantPhone, limit: .short)
        c.email = try TextRules.cleanOptional(a.email, .applicantEmail, limit: .short)
        c.address = try TextRules.cleanOptional(a.address, .applicantAddress, limit: .address)
        c.representativeName = try TextRules.cleanOptional(a.representativeName, .representativeName, limit: .name)
        c.representativeIDNumber = try TextRules.cleanOptional(
            a.representativeIDNumber, .representativeIDNumber, limit: .short)
        c = c.normalized
        if let (field, problem) = c.problems(today: today).first { throw Refusal.invalidField(field, problem) }
        return c
    }

    func cleanDocument(_ d: CaseDocument) throws -> CaseDocument {
        var c = d
        c.name = try TextRules.clean(d.name, .documentName, limit: .longText, required: true)
        guard (1...1000).contains(d.quantity) else {
            throw Refusal.invalidField(.documentQuantity, .outOfRange(1...1000))
        }
        return c
    }

    /// A request to supplement (Mẫu 02) or a refusal (Mẫu 03) given at the counter without opening a case,
    /// numbered and kept against the applicant and the procedure.
    public func recordContact(
        _ kind: ReceptionContact.Kind, procedureCode: String, applicant: Applicant, items: [String],
        reason: String, by actor: Actor
    ) throws(DeskError) -> ReceptionContact {
        try run {
            let officer = try current(actor)
            try checkCommandLine(actor, importing: false)
            guard Permissions.roles(for: .received).contains(officer.role) else {
                throw Refusal.roleMayNot(role: officer.role, action: .received)
            }
            let now = clock.now()
            guard let stored = try store.procedure(code: procedureCode, on: now.date) else {
                throw Refusal.missingProcedure(code: procedureCode, on: now.date)
            }
            var a = applicant
            a.fullName = try TextRules.clean(applicant.fullName, .applicantName, limit: .name, required: true)
            a.idNumber = try TextRules.cleanOptional(applicant.idNumber, .applicantIDNumber, limit: .short)
            a.phone = try TextRules.cleanOptional(applicant.phone, .applicantPhone, limit: .short)
            a.address = try TextRules.cleanOptional(applicant.address, .applicantAddress, limit: .address)
            a = a.normalized
            let cleanItems = try items.map {
                try TextRules.clean($0, kind == .supplement ? .item : .reason, limit: .longText)
            }
            .filter { !$0.isEmpty }
            guard !cleanItems.isEmpty else { throw Refusal.invalidField(kind == .supplement ? .item : .reason, .empty) }
            let contact = try store.insertContact(
                kind, procedure: stored, applicant: a, items: cleanItems,
                reason: try TextRules.clean(reason, .reason, limit: .longText), at: now,
                author: author(actor, officer: officer))
            log?.write("contact recorded: \(contact.number) by \(actor.username)")
            return contact
        }
    }

    /// A procedure whose result is given on the spot: the result and its return recorded together, now.
    @discardableResult
    public func returnOnTheSpot(_ code: String, by actor: Actor) throws(DeskError) -> CaseRecord {
        try run {
            let officer = try current(actor)
            try checkCommandLine(actor, importing: false)
            let now = clock.now()
            let record = try store.recordEvents(caseCode: code, author: author(actor, officer: officer)) { c, _ in
                let events = [
                    NewEvent(.resultReceived(documentNumber: "Trả ngay", documentDate: now.date), at: now),
                    NewEvent(.returned(method: .counter, postalReceipt: nil, applicantToldEarly: false), at: now)
                ]
                var state = c.state
                for e in events {
                    try Permissions.check(officer, e.payload, steps: c.steps, state: state)
                    state = try CaseLifecycle.apply(CaseEvent(e.payload, at: now, officer: officer.username), to: state)
                }
                return Decision(events)
            }
            log?.write("case returned on the spot: \(record.code) by \(actor.username)")
            return record
        }
    }

    // MARK: Corrections

    /// Corrects a case's data with a mandatory reason, recorded field by field (old → new). The legal
    /// deadline is a leader's correction, and only before a result; the procedure only before the hand-over.
    @discardableResult
    public func correct(_ code: String, _ correction: Correction, reason: String, by actor: Actor) throws(DeskError)
        -> CaseRecord
    {
        try run {
            let officer = try current(actor)
            try checkCommandLine(actor, importing: false)
            let why = try TextRules.clean(reason, .reason, limit: .longText, required: true)
            let now = clock.now()
            let record = try store.recordEvents(caseCode: code, author: author(actor, officer: officer)) { c, _ in
                let decision = try correctionDecision(correction, c, reason: why, at: now, officer: officer)
                var state = c.state
                for e in decision.events {
                    try Permissions.check(officer, e.payload, steps: c.steps, state: state)
                    state = try CaseLifecycle.apply(CaseEvent(e.payload, at: now, officer: officer.username), to: state)
                }
                return decision
            }
            log?.write("case corrected: \(record.code) \(correction.logName) by \(actor.username)")
            return record
        }
    }

    func correctionDecision(
        _ correction: Correction, _ c: CaseRecord, reason: String, at: LocalDateTime, officer: Officer
    ) throws -> Decision {
        func event(_ field: CorrectableField, _ old: String, _ new: String) throws -> NewEvent {
            guard old != new else { throw Refusal.unchanged }
            return NewEvent(.corrected(field: field.rawValue, old: old, new: new, reason: reason), at: at)
        }
        switch correction {
        case let .field(field, value):
            var a = c.applicant
            switch field {
            case .applicantName: a.fullName = value
            case .applicantIDNumber: a.idNumber = value; a.idKind = nil
            case .applicantBirthDate:
                let text = value.trimmingSpaces
                if text.isEmpty {
                    a.birthDate = nil
                } else {
                    guard let d = CivilDate(iso: text) ?? CivilDate(vietnamese: text) else {
                        throw Refusal.invalidField(.applicantBirthDate, .shape(.date))
                    }
                    a.birthDate = d
                }
            case .applicantPhone: a.phone = value
            case .applicantEmail: a.email = value
            case .applicantAddress: a.address = value
            case .representativeName: a.representativeName = value
            case .note:
                let note = try TextRules.clean(value, .note, limit: .longText, multiline: true)
                return Decision([try event(.note, c.note, note)], change: .note(note))
            case .fee:
                guard let amount = Money.parse(value), (0...1_000_000_000).contains(amount) else {
                    throw Refusal.invalidField(.fee, .shape(.money))
                }
                return Decision([try event(.fee, String(c.fee), String(amount))], change: .fee(amount))
            case .feeReceiptNumber:
                let n = try TextRules.cleanOptional(value, .feeReceiptNumber, limit: .short)
                return Decision(
                    [try event(.feeReceiptNumber, c.feeReceiptNumber ?? "", n ?? "")], change: .feeReceiptNumber(n))
            case .appointment:
                // The deadline statistics judge against: a leader's decision, not the counter's.
                guard Permissions.isLeader(officer.role) else { throw Refusal.leaderOnly(.correctAppointment) }
                guard let due = LocalDateTime(iso: value.trimmingSpaces) else {
                    throw Refusal.invalidField(.newDue, .shape(.dateTime))
                }
                try RecordingTime.checkYear(due.date)
                return Decision([try event(.appointment, c.state.appointment.iso, due.iso)])
            case .documents, .procedure:
                throw Refusal.invalidField(.procedure, .empty)
            }
            let cleaned = try cleanApplicant(a, today: at.date)
            let old = c.applicant.value(of: field)
            let new = cleaned.value(of: field)
            return Decision([try event(field, old, new)], change: .applicant(cleaned))
        case .documents(let documents):
            let cleaned = try documents.map(cleanDocument)
            func describe(_ list: [CaseDocument]) -> String {
                list.map { "\($0.name) (\($0.form.vietnameseName), \($0.quantity))" }.joined(separator: "; ")
            }
            return Decision(
                [try event(.documents, describe(c.documents), describe(cleaned))], change: .documents(cleaned))
        case .procedure(let code):
            guard c.state.status == .received, c.state.steps.allSatisfy({ $0.handedOverAt == nil }) else {
                throw Refusal.procedureFixedAfterHandOver
            }
            guard let stored = try store.procedure(code: code, on: c.receivedAt.date) else {
                throw Refusal.missingProcedure(code: code, on: c.receivedAt.date)
            }
            guard stored.procedure.code != c.procedure.code else { throw Refusal.unchanged }
            let newDue = calendar.due(
                stored.procedure.dueRule(verificationNeeded: c.verificationNeeded), receivedAt: c.receivedAt)
            var events = [
                try event(
                    .procedure, "\(c.procedure.code) \(c.procedure.name)",
                    "\(stored.procedure.code) \(stored.procedure.name)")
            ]
            if newDue != c.state.appointment {
                events.append(
                    NewEvent(
                        .corrected(
                            field: CorrectableField.appointment.rawValue, old: c.state.appointment.iso, new: newDue.iso,
                            reason: "Theo thủ tục mới: \(reason)"), at: at))
            }
            return Decision(
                events,
                change: .procedure(
                    versionID: stored.versionID, procedure: stored.procedure,
                    route: stored.procedure.route(forResults: nil)))
        }
    }
}

extension Correction {
    var logName: String {
        switch self {
        case .field(let f, _): "field \(f.rawValue)"
        case .documents: "documents"
        case .procedure: "procedure"
        }
    }
}

extension Applicant {
    /// A field's value as recorded in a correction ("" when empty).
    func value(of field: CorrectableField) -> String {
        switch field {
        case .applicantName: fullName
        case .applicantIDNumber: idNumber ?? ""
        case .applicantBirthDate: birthDate?.iso ?? ""
        case .applicantPhone: phone ?? ""
        case .applicantEmail: email ?? ""
        case .applicantAddress: address ?? ""
        case .representativeName: representativeName ?? ""
        default: ""
        }
    }
}
