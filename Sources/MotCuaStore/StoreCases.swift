import MotCuaCore
import MotCuaSystem

extension Store {
    // MARK: Registration

    /// Writes a new case decided by the application layer (validated, its due instant and route computed):
    /// allocates the case code and the ledger number and writes the case, its documents, its route and its
    /// first event, all in one transaction. On failure nothing is written and the caller keeps the draft to
    /// retry. With an import key already used, nothing is written and the case it created is returned
    /// (`isNew` false): importing the same file twice adds nothing.
    public func insertCase(_ c: NewCase, author: EventAuthor) throws(StoreError) -> (
        registered: RegisteredCase, isNew: Bool
    ) {
        let date = c.receivedAt.date
        let unit = try unitProfile()
        let format = try caseCodeFormat()
        return try write {
            if let key = c.importKey,
                let existing = try db.row(
                    """
                    SELECT c.id, c.code, c.ledger_year, c.ledger_number, c.received_at, c.legal_due_at
                    FROM import_keys k JOIN cases c ON c.id = k.case_id WHERE k.source_key = ?
                    """, [key],
                    map: { r in
                        RegisteredCase(
                            id: r.int64(0), code: r.text(1), ledgerYear: r.int(2), ledgerNumber: r.int(3),
                            receivedAt: LocalDateTime(minutes: r.int(4)), due: LocalDateTime(minutes: r.int(5)))
                    })
            {
                return (existing, false)
            }
            let day = date.compactYYMMDD
            let sequence = try db.scalarInt(
                """
                INSERT INTO case_code_counters (unit_code, day, last_sequence) VALUES (?, ?, 1)
                ON CONFLICT (unit_code, day) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence
                """, unit.unitCode, day)!
            guard sequence <= Int64(format.maxSequence) else {
                throw StoreError.refused(
                    "Đã hết số thứ tự mã hồ sơ trong ngày \(date.vietnamese) (tối đa \(format.maxSequence))")
            }
            let ledger = try db.scalarInt(
                """
                INSERT INTO ledger_counters (year, last_number) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number
                """, date.year)!
            let code = format.code(unit: unit.unitCode, date: date, sequence: Int(sequence))
            let a = c.applicant
            try db.run(
                """
                INSERT INTO cases (code, ledger_year, ledger_number, procedure_version_id, applicant_kind, applicant_name,
                    applicant_id_kind, applicant_id_number, applicant_birth_date, applicant_phone, applicant_email, applicant_address,
                    representative_name, representative_id_number, channel, collect_method, collect_address, sets,
                    verification_needed, chosen_results, fee_amount, fee_exemption, fee_receipt_number, received_at, received_by,
                    received_at_reason, recorded_at, note, status, legal_due_at, appointment_at, search_text, search_digits)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)
                """, code, date.year, ledger, c.versionID, a.kind.rawValue, a.fullName,
                a.idKind?.rawValue, a.idNumber, a.birthDate?.iso, a.phone, a.email,
                a.address, a.representativeName, a.representativeIDNumber, c.channel.rawValue,
                c.collect.rawValue, c.collectAddress, c.sets,
                c.verificationNeeded, c.chosenResults.map { $0.sorted().map(String.init).joined(separator: ",") },
                c.fee, c.feeExemption, c.feeReceiptNumber, c.receivedAt.minutes, author.officer.id,
                c.receivedAtReason, author.recordedAt, c.note, c.due.minutes, c.due.minutes,
                Store.searchText(code: code, applicant: a), Store.searchDigits(code: code, applicant: a))
            let caseID = db.lastInsertRowID
            try insertDocuments(c.documents, caseID: caseID, checklist: c.procedure.documents)
            for (i, s) in c.route.enumerated() {
                try db.run(
                    "INSERT INTO case_steps (case_id, position, route_position, body_id) VALUES (?, ?, ?, ?)",
                    caseID, i, c.procedure.route.firstIndex(of: s)!, try bodyID(s.bodyCode))
            }
            try insertEvent(
                caseID: caseID, seq: 1,
                event: CaseEvent(
                    .received(due: c.due), at: c.receivedAt,
                    officer: author.officer.username, bodyCode: try counterBodyCode()),
                author: author, lateReason: c.lateReason)
            if let key = c.importKey {
                try db.run("INSERT INTO import_keys (source_key, case_id) VALUES (?, ?)", key, caseID)
            }
            return (
                RegisteredCase(
                    id: caseID, code: code, ledgerYear: date.year, ledgerNumber: Int(ledger),
                    receivedAt: c.receivedAt, due: c.due), true
            )
        }
    }

    /// The case documents, each keeping only its checklist index unless the officer changed its name.
    func insertDocuments(_ documents: [CaseDocument], caseID: Int64, checklist: [RequiredDocument]) throws {
        for (i, d) in documents.enumerated() {
            let fromChecklist =
                d.checklistIndex.flatMap { checklist.indices.contains($0) ? checklist[$0].name : nil } == d.name
            try db.run(
                "INSERT INTO case_documents (case_id, position, checklist_index, name, form, quantity) VALUES (?, ?, ?, ?, ?, ?)",
                caseID, i, d.checklistIndex, fromChecklist ? nil : d.name, d.form.rawValue, d.quantity)
        }
    }

    func counterBodyCode() throws -> String? {
        try db.scalarText("SELECT code FROM bodies WHERE kind = 'counter' AND is_active = 1 ORDER BY id LIMIT 1")
    }

    /// The folded text the search index holds for a case: code, names, ID number, phone.
    public static func searchText(code: String, applicant: Applicant) -> String {
        VietnameseText.fold(
            [
                code, applicant.fullName, applicant.idNumber, applicant.phone, applicant.representativeName,
                applicant.representativeIDNumber
            ].compactMap { $0 }.joined(separator: " "))
    }

    /// The numbers of a case written backwards, for finding it by their last digits ("số đuôi"): the digits
    /// of its code, ID numbers and phone, each reversed, when it has at least `minimumSuffixDigits` digits.
    /// The search index holds them in a column of their own (`search_digits`, migration 7), so that trailing
    /// digits typed become a prefix lookup there ("5678" → "8765…") and never match names or other numbers.
    public static func searchDigits(code: String, applicant: Applicant) -> String {
        // As bytes (digits are ASCII): `check` recomputes this for every case of the file.
        var seen: [[UInt8]] = []
        var out: [UInt8] = []
        for value in [code, applicant.idNumber, applicant.phone, applicant.representativeIDNumber] {
            guard let value else { continue }
            let reversed = Array(VietnameseText.digits(value).utf8.reversed())
            guard reversed.count >= minimumSuffixDigits, !seen.contains(reversed) else { continue }
            seen.append(reversed)
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            out += reversed
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Migration 7: the reversed numbers of every case already in the file, then the search index built
    /// again from both columns. The update trigger is left out while the column fills (each update would
    /// otherwise rewrite the index entry of its case, which the rebuild does once for all).
    static func fillSearchDigits(_ db: Database) throws {
        try db.execute("DROP TRIGGER cases_search_update")
        var last: Int64 = 0
        while true {
            let batch = try db.rows(
                """
                SELECT id, code, applicant_id_number, applicant_phone, representative_id_number FROM cases
                WHERE id > ? ORDER BY id LIMIT 10000
                """, [last]
            ) { r in
                (
                    r.int64(0),
                    searchDigits(
                        code: r.text(1),
                        applicant: Applicant(
                            fullName: "", idNumber: r.optionalText(2), phone: r.optionalText(3),
                            representativeIDNumber: r.optionalText(4)))
                )
            }
            guard let end = batch.last?.0 else { break }
            for (id, digits) in batch where !digits.isEmpty {
                try db.run("UPDATE cases SET search_digits = ? WHERE id = ?", digits, id)
            }
            last = end
        }
        try db.execute(Schema.searchUpdateTrigger)
        try db.execute("INSERT INTO case_search (case_search) VALUES ('rebuild')")
    }

    /// Fewer trailing digits than this are not looked up backwards (three digits would match a thousandth of
    /// every number in the file).
    public static let minimumSuffixDigits = 4

    /// Writes an event as the next link of the history's chain, with the digest of its case row as the
    /// transaction leaves it (so the row is written first).
    func insertEvent(caseID: Int64, seq: Int, event: CaseEvent, author: EventAuthor, lateReason: String?) throws {
        let bodyID = try event.bodyCode.map { try self.bodyID($0) }
        try HistoryChain.insert(
            db, caseID: caseID, seq: seq, kind: event.kind.rawValue, at: event.at.minutes,
            recordedAt: author.recordedAt,
            officerID: author.officer.id, bodyID: bodyID, data: EventCodec.encode(event.payload).compactText,
            channel: author.channel.rawValue, osUser: author.osUser, lateReason: lateReason,
            rowDigest: try HistoryChain.rowDigest(db, caseID: caseID))
    }

    // MARK: Reading

    public func caseID(code: String) throws(StoreError) -> Int64? {
        try storeCall { try db.scalarInt("SELECT id FROM cases WHERE code = ?", code.trimmingSpaces.uppercased()) }
    }

    /// A whole case, or nil when no case has this code.
    public func caseRecord(code: String) throws(StoreError) -> CaseRecord? {
        guard let id = try caseID(code: code) else { return nil }
        return try caseRecord(id: id)
    }

    public func caseRecord(id: Int64) throws(StoreError) -> CaseRecord {
        try caseRecord(id: id, procedures: nil)
    }

    /// The record, with its procedure version taken from `procedures` when a bulk reader keeps them (a
    /// version's rows are read once per export instead of once per case).
    func caseRecord(id: Int64, procedures: ProcedureVersions?) throws(StoreError) -> CaseRecord {
        try storeCall {
            guard
                let base = try db.row(
                    """
                    SELECT c.code, c.ledger_year, c.ledger_number, c.procedure_version_id, c.applicant_kind, c.applicant_name,
                        c.applicant_id_kind, c.applicant_id_number, c.applicant_birth_date, c.applicant_phone, c.applicant_email,
                        c.applicant_address, c.representative_name, c.representative_id_number, c.channel, c.collect_method,
                        c.collect_address, c.sets, c.verification_needed, c.chosen_results, c.fee_amount, c.fee_exemption,
                        c.fee_receipt_number, c.received_at, o.username, o.full_name, c.received_at_reason, c.note
                    FROM cases c JOIN officers o ON o.id = c.received_by WHERE c.id = ?
                    """, [id],
                    map: { r -> (CaseRecordBase) in
                        CaseRecordBase(
                            code: r.text(0), ledgerYear: r.int(1), ledgerNumber: r.int(2), versionID: r.int64(3),
                            applicant: Applicant(
                                kind: ApplicantKind(rawValue: r.text(4)) ?? .person, fullName: r.text(5),
                                idKind: r.optionalText(6).flatMap(IDKind.init(rawValue:)), idNumber: r.optionalText(7),
                                birthDate: r.optionalText(8).flatMap { CivilDate(iso: $0) }, phone: r.optionalText(9),
                                email: r.optionalText(10), address: r.optionalText(11),
                                representativeName: r.optionalText(12), representativeIDNumber: r.optionalText(13)),
                            channel: Channel(rawValue: r.text(14)) ?? .inPerson,
                            collect: CollectMethod(rawValue: r.text(15)) ?? .counter,
                            collectAddress: r.optionalText(16), sets: r.int(17), verificationNeeded: r.bool(18),
                            chosenResults: r.optionalText(19).map {
                                Set($0.split(separator: ",").compactMap { Int($0) })
                            },
                            fee: r.int(20), feeExemption: r.optionalText(21), feeReceiptNumber: r.optionalText(22),
                            receivedAt: LocalDateTime(minutes: r.int(23)), receivedBy: r.text(24),
                            receivedByName: r.text(25),
                            receivedAtReason: r.optionalText(26), note: r.text(27))
                    })
            else { throw StoreError.missing("Không có hồ sơ số \(id)") }
            let documents = try db.rows(
                """
                SELECT coalesce(d.name, pd.name), d.form, d.quantity, d.checklist_index
                FROM case_documents d JOIN cases c ON c.id = d.case_id
                LEFT JOIN procedure_documents pd ON pd.version_id = c.procedure_version_id AND pd.position = d.checklist_index
                WHERE d.case_id = ? ORDER BY d.position
                """, [id]
            ) { r in
                CaseDocument(
                    name: r.text(0), form: DocumentForm(rawValue: r.text(1)) ?? .original, quantity: r.int(2),
                    checklistIndex: r.optionalInt(3))
            }
            let steps = try loadSteps(caseID: id)
            return CaseRecord(
                id: id, code: base.code, ledgerYear: base.ledgerYear, ledgerNumber: base.ledgerNumber,
                procedureVersionID: base.versionID,
                procedure: try procedures?.version(base.versionID, self) ?? loadProcedure(versionID: base.versionID),
                applicant: base.applicant, channel: base.channel, collect: base.collect,
                collectAddress: base.collectAddress,
                sets: base.sets, verificationNeeded: base.verificationNeeded, chosenResults: base.chosenResults,
                fee: base.fee,
                feeExemption: base.feeExemption, feeReceiptNumber: base.feeReceiptNumber, receivedAt: base.receivedAt,
                receivedBy: base.receivedBy, receivedByName: base.receivedByName,
                receivedAtReason: base.receivedAtReason,
                note: base.note, state: try storedState(caseID: id, stepProgress: steps.map(\.progress)),
                documents: documents,
                steps: steps)
        }
    }

    struct CaseRecordBase {
        let code: String
        let ledgerYear: Int
        let ledgerNumber: Int
        let versionID: Int64
        let applicant: Applicant
        let channel: Channel
        let collect: CollectMethod
        let collectAddress: String?
        let sets: Int
        let verificationNeeded: Bool
        let chosenResults: Set<Int>?
        let fee: Int
        let feeExemption: String?
        let feeReceiptNumber: String?
        let receivedAt: LocalDateTime
        let receivedBy: String
        let receivedByName: String
        let receivedAtReason: String?
        let note: String
    }

    func loadSteps(caseID: Int64) throws -> [CaseStep] {
        try db.rows(
            """
            SELECT s.position, b.code, b.name, r.task, r.budget_unit, r.budget_value, r.is_lead, s.handed_over_at, s.step_due_at,
                   s.acknowledged_at, s.done_at, b.is_internal, b.kind = 'counter'
            FROM case_steps s JOIN bodies b ON b.id = s.body_id JOIN cases c ON c.id = s.case_id
            JOIN route_steps r ON r.version_id = c.procedure_version_id AND r.position = s.route_position
            WHERE s.case_id = ? ORDER BY s.position
            """, [caseID]
        ) { r in
            var progress = StepProgress()
            progress.handedOverAt = r.optionalInt(7).map(LocalDateTime.init(minutes:))
            progress.stepDue = r.optionalInt(8).map(LocalDateTime.init(minutes:))
            progress.acknowledgedAt = r.optionalInt(9).map(LocalDateTime.init(minutes:))
            progress.doneAt = r.optionalInt(10).map(LocalDateTime.init(minutes:))
            return CaseStep(
                position: r.int(0), bodyCode: r.text(1), bodyName: r.text(2), task: r.text(3),
                budget: TimeLimit(unitCode: r.text(4), value: r.int(5)) ?? .workingDays(1), isLead: r.bool(6),
                bodyIsInternal: r.bool(11), bodyIsCounter: r.bool(12), progress: progress)
        }
    }

    /// The materialised state kept in the case row.
    func storedState(caseID: Int64, stepProgress: [StepProgress]) throws -> CaseState {
        guard
            let state = try db.row(
                """
                SELECT status, legal_due_at, appointment_at, paused_at, supplement_rounds, reschedule_count, result_at,
                       result_is_refusal, returned_at, evaluated, closed_at FROM cases WHERE id = ?
                """, [caseID],
                map: { r -> CaseState in
                    CaseState(
                        status: CaseStatus(rawValue: r.text(0)) ?? .received,
                        legalDue: LocalDateTime(minutes: r.int(1)), appointment: LocalDateTime(minutes: r.int(2)),
                        pausedAt: r.optionalInt(3).map(LocalDateTime.init(minutes:)), supplementRounds: r.int(4),
                        rescheduleCount: r.int(5), steps: stepProgress,
                        resultAt: r.optionalInt(6).map(LocalDateTime.init(minutes:)), resultIsRefusal: r.bool(7),
                        returnedAt: r.optionalInt(8).map(LocalDateTime.init(minutes:)), evaluated: r.bool(9),
                        closedAt: r.optionalInt(10).map(LocalDateTime.init(minutes:)))
                })
        else { throw StoreError.missing("Không có hồ sơ số \(caseID)") }
        return state
    }

    /// The case's events in order.
    public func events(caseID: Int64) throws(StoreError) -> [RecordedEvent] {
        try storeCall { try loadEvents(caseID: caseID) }
    }

    func loadEvents(caseID: Int64) throws -> [RecordedEvent] {
        try db.rows(
            """
            SELECT e.seq, e.kind, e.at, o.username, b.code, e.data, o.full_name, e.recorded_at, e.channel, e.os_user, e.late_reason
            FROM events e JOIN officers o ON o.id = e.officer_id LEFT JOIN bodies b ON b.id = e.body_id
            WHERE e.case_id = ? ORDER BY e.seq
            """, [caseID]
        ) { r in
            let payload: CaseEventPayload
            do { payload = try EventCodec.decode(kind: r.text(1), data: r.text(5)) } catch {
                throw StoreError.corrupt(
                    path: path, detail: "sự kiện \(r.int(0)) của hồ sơ số \(caseID) không đọc được")
            }
            return RecordedEvent(
                seq: r.int(0),
                event: CaseEvent(
                    payload, at: LocalDateTime(minutes: r.int(2)), officer: r.text(3),
                    bodyCode: r.optionalText(4)),
                officerName: r.text(6), recordedAt: r.int64(7),
                channel: RecordingChannel(rawValue: r.text(8)) ?? .unknown, osUser: r.text(9),
                lateReason: r.optionalText(10))
        }
    }

    /// The state recomputed from the events alone.
    public func derivedState(caseID: Int64) throws(StoreError) -> CaseState {
        try storeCall {
            let steps = try db.scalarInt("SELECT count(*) FROM case_steps WHERE case_id = ?", caseID) ?? 0
            do {
                return try CaseLifecycle.replay(try loadEvents(caseID: caseID).map(\.event), stepCount: Int(steps))
            } catch let e as Refusal {
                throw StoreError.corrupt(path: path, detail: "lịch sử hồ sơ số \(caseID) không hợp lệ (\(e))")
            }
        }
    }

    // MARK: Events

    /// Records events on a case, decided by the application layer, in one write transaction: the case is read
    /// as it is inside the lock (another terminal may have acted meanwhile), `decide` returns the events to
    /// append (or throws its refusal), each is checked against the lifecycle (`CaseLifecycle.admit`), appended
    /// with its author, and the case's data and materialised state are updated. Returns the case as it is now.
    /// Errors thrown by `decide` (refusals) pass through unchanged; the store's own are `StoreError`.
    @discardableResult
    public func recordEvents(
        caseCode: String, author: EventAuthor,
        decide: (CaseRecord, [RecordedEvent]) throws -> Decision
    ) throws -> CaseRecord {
        guard let caseID = try caseID(code: caseCode) else { throw Refusal.missingCase(code: caseCode) }
        return try transaction {
            let record = try caseRecord(id: caseID)
            let history = try loadEvents(caseID: caseID)
            var state: CaseState
            do {
                state = try CaseLifecycle.replay(history.map(\.event), stepCount: record.steps.count)
            } catch {
                throw StoreError.corrupt(path: path, detail: "lịch sử hồ sơ \(record.code) không hợp lệ (\(error))")
            }
            let decision = try decide(record, history)
            var pending: [(CaseEvent, String?)] = []
            for e in decision.events {
                let event = CaseEvent(e.payload, at: e.at, officer: author.officer.username, bodyCode: e.bodyCode)
                state = try CaseLifecycle.admit(
                    event, to: state, stepNames: record.steps.map(\.bodyName),
                    resultOnTheSpot: record.procedure.resultOnTheSpot)
                pending.append((event, e.lateReason))
            }
            if let change = decision.change {
                try apply(change, to: record)
                if case .procedure(_, let p, let route) = change {
                    _ = p
                    state.steps = Array(repeating: StepProgress(), count: route.count)
                }
            }
            try materialize(state, caseID: caseID)
            // The events last: each link carries the case row as this transaction leaves it.
            var seq = history.last?.seq ?? 0
            for (event, lateReason) in pending {
                seq += 1
                try insertEvent(caseID: caseID, seq: seq, event: event, author: author, lateReason: lateReason)
            }
            return try caseRecord(id: caseID)
        }
    }

    /// A write transaction whose body may throw any error (a refusal from the rules passes through as it is);
    /// SQLite's errors become `StoreError`. Refused on a damaged or read-only file.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if let damage { throw StoreError.damaged(path: path, detail: damage) }
        if isReadOnly { throw StoreError.readOnlyFile(path: path) }
        do {
            return try db.write(body)
        } catch let e as DatabaseError {
            throw StoreError.database(e)
        } catch let e as SystemError {
            throw StoreError.system(e)
        }
    }

    /// Writes a change of a case's data that goes with a correction event.
    func apply(_ change: CaseChange, to record: CaseRecord) throws {
        let id = record.id
        switch change {
        case .applicant(let a):
            try db.run(
                """
                UPDATE cases SET applicant_kind = ?, applicant_name = ?, applicant_id_kind = ?, applicant_id_number = ?,
                    applicant_birth_date = ?, applicant_phone = ?, applicant_email = ?, applicant_address = ?,
                    representative_name = ?, representative_id_number = ?, search_text = ?, search_digits = ? WHERE id = ?
                """, a.kind.rawValue, a.fullName, a.idKind?.rawValue, a.idNumber, a.birthDate?.iso, a.phone, a.email,
                a.address,
                a.representativeName, a.representativeIDNumber, Store.searchText(code: record.code, applicant: a),
                Store.searchDigits(code: record.code, applicant: a), id)
        case .note(let note):
            try db.run("UPDATE cases SET note = ? WHERE id = ?", note, id)
        case .fee(let amount):
            try db.run("UPDATE cases SET fee_amount = ? WHERE id = ?", amount, id)
        case .feeReceiptNumber(let number):
            try db.run("UPDATE cases SET fee_receipt_number = ? WHERE id = ?", number, id)
        case .documents(let documents):
            try db.run("DELETE FROM case_documents WHERE case_id = ?", id)
            try insertDocuments(documents, caseID: id, checklist: record.procedure.documents)
        case let .procedure(versionID, procedure, route):
            try db.run("UPDATE cases SET procedure_version_id = ?, chosen_results = NULL WHERE id = ?", versionID, id)
            // Documents keep their names (no longer tied to the old checklist).
            for (i, d) in record.documents.enumerated() {
                try db.run(
                    "UPDATE case_documents SET checklist_index = NULL, name = ? WHERE case_id = ? AND position = ?",
                    d.name, id, i)
            }
            try db.run("DELETE FROM case_steps WHERE case_id = ?", id)
            for (i, step) in route.enumerated() {
                try db.run(
                    "INSERT INTO case_steps (case_id, position, route_position, body_id) VALUES (?, ?, ?, ?)",
                    id, i, procedure.route.firstIndex(of: step)!, try bodyID(step.bodyCode))
            }
        }
    }

    func materialize(_ s: CaseState, caseID: Int64) throws {
        try db.run(
            """
            UPDATE cases SET status = ?, legal_due_at = ?, appointment_at = ?, paused_at = ?, supplement_rounds = ?,
                reschedule_count = ?, result_at = ?, result_is_refusal = ?, returned_at = ?, evaluated = ?, closed_at = ?
            WHERE id = ?
            """, s.status.rawValue, s.legalDue.minutes, s.appointment.minutes, s.pausedAt?.minutes, s.supplementRounds,
            s.rescheduleCount, s.resultAt?.minutes, s.resultIsRefusal, s.returnedAt?.minutes, s.evaluated,
            s.closedAt?.minutes, caseID)
        for (i, p) in s.steps.enumerated() {
            try db.run(
                "UPDATE case_steps SET handed_over_at = ?, step_due_at = ?, acknowledged_at = ?, done_at = ? WHERE case_id = ? AND position = ?",
                p.handedOverAt?.minutes, p.stepDue?.minutes, p.acknowledgedAt?.minutes, p.doneAt?.minutes, caseID, i)
        }
    }

    // MARK: Search

    /// The columns of a case's list line (`mapSummary` reads them from column 0).
    static let summaryColumns = """
        c.id, c.code, c.applicant_name, v.name, c.status, c.appointment_at, c.received_at, c.reschedule_count > 0,
        c.result_at IS NOT NULL
        """

    static func mapSummary(_ r: Row) -> CaseSummary {
        CaseSummary(
            id: r.int64(0), code: r.text(1), applicantName: r.text(2), procedureName: r.text(3),
            status: CaseStatus(rawValue: r.text(4)) ?? .received, appointment: LocalDateTime(minutes: r.int(5)),
            receivedAt: LocalDateTime(minutes: r.int(6)), rescheduled: r.bool(7), hasResult: r.bool(8))
    }

    /// Cases matching what the officer typed: case code (whole, prefix or its last digits), applicant name,
    /// ID number, phone, ignoring diacritics and case (đ matches d). Every word typed must start a word of
    /// the case; a number of four digits or more may also end one of the case's numbers ("5678" finds the
    /// phone 0912 345 678). Most recent first. An empty query gives the most recent cases.
    public func searchCases(_ text: String, limit: Int = 50) throws(StoreError) -> [CaseSummary] {
        let select = """
            SELECT \(Store.summaryColumns)
            FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id
            """
        return try storeCall {
            func map(_ r: Row) -> CaseSummary { Store.mapSummary(r) }
            guard let match = Store.searchMatch(text) else {
                return try db.rows("\(select) ORDER BY c.id DESC LIMIT ?", [limit], map: map)
            }
            return try db.rows(
                """
                \(select) WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?)
                ORDER BY c.id DESC
                """, [match, limit], map: map)
        }
    }

    /// The FTS5 query for what the officer typed, nil when nothing searchable was typed. Each word is a
    /// prefix of a word of the folded text (column `search_text`); a number of at least
    /// `minimumSuffixDigits` digits may instead end one of the case's numbers, i.e. be, reversed, a prefix of
    /// a word of `search_digits`. Digits typed in groups ("0912 345 678", "261120-0001") may be one number:
    /// each run of them is tried as typed or joined.
    static func searchMatch(_ text: String) -> String? {
        let tokens = VietnameseText.tokens(text)
        guard !tokens.isEmpty else { return nil }
        func isNumber(_ t: String) -> Bool { t.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 } }
        func word(_ t: String) -> String {
            let forward = "search_text : \"\(t)\"*"
            guard isNumber(t), t.count >= minimumSuffixDigits else { return forward }
            return "(\(forward) OR search_digits : \"\(String(t.reversed()))\"*)"
        }
        var clauses: [String] = []
        var i = 0
        while i < tokens.count {
            var j = i
            while j < tokens.count && isNumber(tokens[j]) { j += 1 }
            if j - i >= 2 {
                let run = tokens[i..<j]
                clauses.append("((\(run.map(word).joined(separator: " AND "))) OR \(word(run.joined())))")
                i = j
            } else {
                clauses.append(word(tokens[i]))
                i += 1
            }
        }
        return clauses.joined(separator: " AND ")
    }

    /// The same search by a plain `LIKE` scan of the folded text (the benchmark's baseline).
    public func searchCasesByScan(_ text: String, limit: Int = 50) throws(StoreError) -> [Int64] {
        let tokens = VietnameseText.tokens(text)
        guard !tokens.isEmpty else { return [] }
        let condition = tokens.map { _ in "search_text LIKE ?" }.joined(separator: " AND ")
        return try storeCall {
            try db.rows(
                "SELECT id FROM cases WHERE \(condition) ORDER BY id DESC LIMIT ?",
                tokens.map { "%\($0)%" } + [limit]
            ) { $0.int64(0) }
        }
    }

    /// The case whose whole code is `text`, as a USB scanner types it from a receipt's QR code: the code
    /// alone, or the province's lookup address with the code in it (its last part that is a case's code).
    /// Nil when no case has such a code (the text is then an ordinary search).
    public func caseCode(scanned text: String) throws(StoreError) -> String? {
        for candidate in Store.scannedCandidates(text) {
            if let code = try storeCall({ try db.scalarText("SELECT code FROM cases WHERE code = ?", candidate) }) {
                return code
            }
        }
        return nil
    }

    /// The texts that may be a whole case code in what was scanned or typed, most likely first: the text
    /// itself, then the parts of an address ("…/tra-cuu?ma=CODE"), last part first; upper-cased, at most 8.
    static func scannedCandidates(_ text: String) -> [String] {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= 300, !trimmed.contains(" ") else { return [] }
        var candidates = [trimmed.uppercased()]
        let parts = trimmed.split(whereSeparator: { "/?&=#:".contains($0) }).map { String($0).uppercased() }
        for part in parts.reversed() where !candidates.contains(part) && part.count >= 4 {
            candidates.append(part)
        }
        return Array(candidates.prefix(8))
    }

    /// The most recent applicant details given with this ID number (or phone), to offer for reuse.
    public func latestApplicant(idNumber: String? = nil, phone: String? = nil) throws(StoreError) -> Applicant? {
        let column: String
        let value: String
        if let idNumber, !idNumber.isEmpty {
            column = "applicant_id_number"
            value = idNumber.uppercased()
        } else if let phone, let normalized = PhoneNumber.normalize(phone) {
            column = "applicant_phone"
            value = normalized
        } else {
            return nil
        }
        guard
            let id = try storeCall({
                try db.scalarInt("SELECT id FROM cases WHERE \(column) = ? ORDER BY id DESC LIMIT 1", value)
            })
        else { return nil }
        return try caseRecord(id: id).applicant
    }

    public func caseCount() throws(StoreError) -> Int {
        try storeCall { Int(try db.scalarInt("SELECT count(*) FROM cases") ?? 0) }
    }
}

/// Procedure versions read once for a bulk read (one export: one read transaction, where they cannot change).
final class ProcedureVersions {
    private var loaded: [Int64: ProcedureVersion] = [:]

    func version(_ id: Int64, _ store: Store) throws -> ProcedureVersion {
        if let known = loaded[id] { return known }
        let version = try store.loadProcedure(versionID: id)
        loaded[id] = version
        return version
    }
}
