import MotCuaCore
import MotCuaSystem

/// The outcome of registering a case: its numbers and appointment.
public struct RegisteredCase: Hashable, Sendable {
    public let id: Int64
    public let code: String
    public let ledgerYear: Int
    public let ledgerNumber: Int
    public let receivedAt: LocalDateTime
    public let due: LocalDateTime
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
    public var progress: StepProgress
}

/// A recorded event with who recorded it and when it was written.
public struct RecordedEvent: Hashable, Sendable {
    public let seq: Int
    public let event: CaseEvent
    public let officerName: String
    /// Unix seconds when the event was written (the audit time; `event.at` is when it happened).
    public let recordedAt: Int64
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
}

extension Store {
    // MARK: Registration

    /// Registers a case: validates the draft, computes the due instant, allocates the case code and the
    /// ledger number and writes the case, its documents, its route and its first event, all in one
    /// transaction. On failure nothing is written and the caller keeps the draft to retry.
    public func registerCase(_ draft: CaseDraft, officer username: String, calendar: WorkingCalendar,
                             recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> RegisteredCase {
        guard let officer = try officer(username: username), officer.isActive else {
            throw .refused("Không có cán bộ \(username) đang hoạt động")
        }
        guard CaseEventKind.received.allowedRoles.contains(officer.role) else {
            throw .refused("Cán bộ \(officer.fullName) (\(officer.role.vietnameseName)) không được tiếp nhận hồ sơ")
        }
        let date = draft.receivedAt.date
        guard let stored = try procedure(code: draft.procedureCode, on: date) else {
            throw .missing("Không có thủ tục mã \(draft.procedureCode) có hiệu lực ngày \(date.vietnamese)")
        }
        let p = stored.procedure
        let applicant = draft.applicant.normalized
        if let problem = applicant.problems(today: date).first {
            throw .invalid("Người nộp hồ sơ: \(problem.message)")
        }
        guard draft.sets >= 1 else { throw .invalid("Số bộ hồ sơ phải từ 1 trở lên") }
        guard draft.fee >= 0 else { throw .invalid("Lệ phí không được âm") }
        if let bad = draft.documents.first(where: { $0.quantity < 1 || VietnameseText.normalizedField($0.name).isEmpty }) {
            throw .invalid("Giấy tờ \"\(bad.name)\": cần tên và số lượng từ 1 trở lên")
        }
        if let chosen = draft.chosenResults {
            guard !chosen.isEmpty, chosen.allSatisfy({ p.results.indices.contains($0) }) else {
                throw .invalid("Kết quả được chọn không thuộc thủ tục \(p.name)")
            }
        }
        if draft.collect == .post && (draft.collectAddress ?? applicant.address ?? "").isEmpty {
            throw .invalid("Nhận kết quả qua bưu chính cần địa chỉ nhận")
        }
        let due = calendar.due(p.dueRule(verificationNeeded: draft.verificationNeeded), receivedAt: draft.receivedAt)
        let route = p.route(forResults: draft.chosenResults)
        let unit = try unitProfile()
        let format = try caseCodeFormat()

        return try write {
            let day = "\(pad2(date.year % 100))\(pad2(date.month))\(pad2(date.day))"
            let sequence = try db.scalarInt("""
                INSERT INTO case_code_counters (unit_code, day, last_sequence) VALUES (?, ?, 1)
                ON CONFLICT (unit_code, day) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence
                """, unit.unitCode, day)!
            guard sequence <= Int64(format.maxSequence) else {
                throw StoreError.refused("Đã hết số thứ tự mã hồ sơ trong ngày \(date.vietnamese) (tối đa \(format.maxSequence))")
            }
            let ledger = try db.scalarInt("""
                INSERT INTO ledger_counters (year, last_number) VALUES (?, 1)
                ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number
                """, date.year)!
            let code = format.code(unit: unit.unitCode, date: date, sequence: Int(sequence))
            try db.run("""
                INSERT INTO cases (code, ledger_year, ledger_number, procedure_version_id, applicant_kind, applicant_name,
                    applicant_id_kind, applicant_id_number, applicant_birth_date, applicant_phone, applicant_email, applicant_address,
                    representative_name, representative_id_number, channel, collect_method, collect_address, sets,
                    verification_needed, chosen_results, fee_amount, fee_exemption, fee_receipt_number, received_at, received_by,
                    received_at_reason, recorded_at, note, status, legal_due_at, appointment_at, search_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?)
                """, code, date.year, ledger, stored.versionID, applicant.kind.rawValue, applicant.fullName,
                   applicant.idKind?.rawValue, applicant.idNumber, applicant.birthDate?.iso, applicant.phone, applicant.email,
                   applicant.address, applicant.representativeName, applicant.representativeIDNumber, draft.channel.rawValue,
                   draft.collect.rawValue, draft.collectAddress.map(VietnameseText.normalizedField), draft.sets,
                   draft.verificationNeeded, draft.chosenResults.map { $0.sorted().map(String.init).joined(separator: ",") },
                   draft.fee, draft.feeExemption.map(VietnameseText.normalizedField),
                   draft.feeReceiptNumber.map(VietnameseText.normalizedField), draft.receivedAt.minutes, officer.id,
                   draft.receivedAtReason.map(VietnameseText.normalizedField), recordedAt,
                   VietnameseText.normalizedField(draft.note), due.minutes, due.minutes,
                   Store.searchText(code: code, applicant: applicant))
            let caseID = db.lastInsertRowID
            for (i, d) in draft.documents.enumerated() {
                let name = VietnameseText.normalizedField(d.name)
                // A checklist item keeps only its index unless the officer changed its name.
                let fromChecklist = d.checklistIndex.flatMap { p.documents.indices.contains($0) ? p.documents[$0].name : nil } == name
                try db.run("INSERT INTO case_documents (case_id, position, checklist_index, name, form, quantity) VALUES (?, ?, ?, ?, ?, ?)",
                           caseID, i, d.checklistIndex, fromChecklist ? nil : name, d.form.rawValue, d.quantity)
            }
            for (i, s) in route.enumerated() {
                try db.run("INSERT INTO case_steps (case_id, position, route_position, body_id) VALUES (?, ?, ?, ?)",
                           caseID, i, p.route.firstIndex(of: s)!, try bodyID(s.bodyCode))
            }
            try insertEvent(caseID: caseID, seq: 1, event: CaseEvent(.received(due: due), at: draft.receivedAt, officer: username,
                                                                     bodyCode: try counterBodyCode()),
                            officerID: officer.id, recordedAt: recordedAt)
            return RegisteredCase(id: caseID, code: code, ledgerYear: date.year, ledgerNumber: Int(ledger),
                                  receivedAt: draft.receivedAt, due: due)
        }
    }

    func counterBodyCode() throws -> String? {
        try db.scalarText("SELECT code FROM bodies WHERE kind = 'counter' AND is_active = 1 ORDER BY id LIMIT 1")
    }

    /// The folded text the search index holds for a case: code, names, ID number, phone.
    static func searchText(code: String, applicant: Applicant) -> String {
        VietnameseText.fold([code, applicant.fullName, applicant.idNumber, applicant.phone, applicant.representativeName,
                             applicant.representativeIDNumber].compactMap { $0 }.joined(separator: " "))
    }

    func insertEvent(caseID: Int64, seq: Int, event: CaseEvent, officerID: Int64, recordedAt: Int64) throws {
        let bodyID = try event.bodyCode.map { try self.bodyID($0) }
        try db.run("INSERT INTO events (case_id, seq, kind, at, recorded_at, officer_id, body_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   caseID, seq, event.kind.rawValue, event.at.minutes, recordedAt, officerID, bodyID,
                   EventCodec.encode(event.payload).compactText)
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
        try storeCall {
            guard let base = try db.row("""
                SELECT c.code, c.ledger_year, c.ledger_number, c.procedure_version_id, c.applicant_kind, c.applicant_name,
                    c.applicant_id_kind, c.applicant_id_number, c.applicant_birth_date, c.applicant_phone, c.applicant_email,
                    c.applicant_address, c.representative_name, c.representative_id_number, c.channel, c.collect_method,
                    c.collect_address, c.sets, c.verification_needed, c.chosen_results, c.fee_amount, c.fee_exemption,
                    c.fee_receipt_number, c.received_at, o.username, o.full_name, c.received_at_reason, c.note
                FROM cases c JOIN officers o ON o.id = c.received_by WHERE c.id = ?
                """, [id], map: { r -> (CaseRecordBase) in
                    CaseRecordBase(
                        code: r.text(0), ledgerYear: r.int(1), ledgerNumber: r.int(2), versionID: r.int64(3),
                        applicant: Applicant(kind: ApplicantKind(rawValue: r.text(4)) ?? .person, fullName: r.text(5),
                                             idKind: r.optionalText(6).flatMap(IDKind.init(rawValue:)), idNumber: r.optionalText(7),
                                             birthDate: r.optionalText(8).flatMap { CivilDate(iso: $0) }, phone: r.optionalText(9),
                                             email: r.optionalText(10), address: r.optionalText(11),
                                             representativeName: r.optionalText(12), representativeIDNumber: r.optionalText(13)),
                        channel: Channel(rawValue: r.text(14)) ?? .inPerson, collect: CollectMethod(rawValue: r.text(15)) ?? .counter,
                        collectAddress: r.optionalText(16), sets: r.int(17), verificationNeeded: r.bool(18),
                        chosenResults: r.optionalText(19).map { Set($0.split(separator: ",").compactMap { Int($0) }) },
                        fee: r.int(20), feeExemption: r.optionalText(21), feeReceiptNumber: r.optionalText(22),
                        receivedAt: LocalDateTime(minutes: r.int(23)), receivedBy: r.text(24), receivedByName: r.text(25),
                        receivedAtReason: r.optionalText(26), note: r.text(27))
                })
            else { throw StoreError.missing("Không có hồ sơ số \(id)") }
            let documents = try db.rows("""
                SELECT coalesce(d.name, pd.name), d.form, d.quantity, d.checklist_index
                FROM case_documents d JOIN cases c ON c.id = d.case_id
                LEFT JOIN procedure_documents pd ON pd.version_id = c.procedure_version_id AND pd.position = d.checklist_index
                WHERE d.case_id = ? ORDER BY d.position
                """, [id]) { r in
                CaseDocument(name: r.text(0), form: DocumentForm(rawValue: r.text(1)) ?? .original, quantity: r.int(2), checklistIndex: r.optionalInt(3))
            }
            let steps = try loadSteps(caseID: id)
            return CaseRecord(
                id: id, code: base.code, ledgerYear: base.ledgerYear, ledgerNumber: base.ledgerNumber,
                procedureVersionID: base.versionID, procedure: try loadProcedure(versionID: base.versionID),
                applicant: base.applicant, channel: base.channel, collect: base.collect, collectAddress: base.collectAddress,
                sets: base.sets, verificationNeeded: base.verificationNeeded, chosenResults: base.chosenResults, fee: base.fee,
                feeExemption: base.feeExemption, feeReceiptNumber: base.feeReceiptNumber, receivedAt: base.receivedAt,
                receivedBy: base.receivedBy, receivedByName: base.receivedByName, receivedAtReason: base.receivedAtReason,
                note: base.note, state: try storedState(caseID: id, stepProgress: steps.map(\.progress)), documents: documents,
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
        try db.rows("""
            SELECT s.position, b.code, b.name, r.task, r.budget_unit, r.budget_value, r.is_lead, s.handed_over_at, s.step_due_at,
                   s.acknowledged_at, s.done_at, b.is_internal
            FROM case_steps s JOIN bodies b ON b.id = s.body_id JOIN cases c ON c.id = s.case_id
            JOIN route_steps r ON r.version_id = c.procedure_version_id AND r.position = s.route_position
            WHERE s.case_id = ? ORDER BY s.position
            """, [caseID]) { r in
            var progress = StepProgress()
            progress.handedOverAt = r.optionalInt(7).map(LocalDateTime.init(minutes:))
            progress.stepDue = r.optionalInt(8).map(LocalDateTime.init(minutes:))
            progress.acknowledgedAt = r.optionalInt(9).map(LocalDateTime.init(minutes:))
            progress.doneAt = r.optionalInt(10).map(LocalDateTime.init(minutes:))
            return CaseStep(position: r.int(0), bodyCode: r.text(1), bodyName: r.text(2), task: r.text(3),
                            budget: TimeLimit(unitCode: r.text(4), value: r.int(5)) ?? .workingDays(1), isLead: r.bool(6),
                            bodyIsInternal: r.bool(11), progress: progress)
        }
    }

    /// The materialised state kept in the case row.
    func storedState(caseID: Int64, stepProgress: [StepProgress]) throws -> CaseState {
        guard let state = try db.row("""
            SELECT status, legal_due_at, appointment_at, paused_at, supplement_rounds, reschedule_count, result_at,
                   result_is_refusal, returned_at, evaluated, closed_at FROM cases WHERE id = ?
            """, [caseID], map: { r -> CaseState in
                CaseState(status: CaseStatus(rawValue: r.text(0)) ?? .received,
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
        try db.rows("""
            SELECT e.seq, e.kind, e.at, o.username, b.code, e.data, o.full_name, e.recorded_at
            FROM events e JOIN officers o ON o.id = e.officer_id LEFT JOIN bodies b ON b.id = e.body_id
            WHERE e.case_id = ? ORDER BY e.seq
            """, [caseID]) { r in
            let payload: CaseEventPayload
            do { payload = try EventCodec.decode(kind: r.text(1), data: r.text(5)) } catch {
                throw StoreError.corrupt(path: path, detail: "sự kiện \(r.int(0)) của hồ sơ số \(caseID) không đọc được")
            }
            return RecordedEvent(seq: r.int(0), event: CaseEvent(payload, at: LocalDateTime(minutes: r.int(2)), officer: r.text(3),
                                                                 bodyCode: r.optionalText(4)),
                                 officerName: r.text(6), recordedAt: r.int64(7))
        }
    }

    /// The state recomputed from the events alone.
    public func derivedState(caseID: Int64) throws(StoreError) -> CaseState {
        try storeCall {
            let steps = try db.scalarInt("SELECT count(*) FROM case_steps WHERE case_id = ?", caseID) ?? 0
            do {
                return try CaseLifecycle.replay(try loadEvents(caseID: caseID).map(\.event), stepCount: Int(steps))
            } catch let e as LifecycleError {
                throw StoreError.corrupt(path: path, detail: "lịch sử hồ sơ số \(caseID) không hợp lệ: \(e.message)")
            }
        }
    }

    // MARK: Events

    /// Records an event on a case after checking the officer's role and the lifecycle; updates the
    /// materialised state in the same transaction. Returns the new state.
    @discardableResult
    public func record(_ payload: CaseEventPayload, caseCode: String, at: LocalDateTime, officer username: String,
                       bodyCode: String? = nil, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> CaseState {
        let (officer, caseID) = try actor(username, payload.kind, caseCode)
        return try write {
            try appendEvent(payload, caseID: caseID, at: at, officer: officer, bodyCode: bodyCode, recordedAt: recordedAt)
        }
    }

    /// The active officer allowed to record `kind`, and the case's id.
    func actor(_ username: String, _ kind: CaseEventKind, _ caseCode: String) throws(StoreError) -> (Officer, Int64) {
        guard let officer = try officer(username: username), officer.isActive else {
            throw .refused("Không có cán bộ \(username) đang hoạt động")
        }
        guard kind.allowedRoles.contains(officer.role) else {
            throw .refused("Cán bộ \(officer.fullName) (\(officer.role.vietnameseName)) không được thực hiện việc \"\(kind.vietnameseName)\"")
        }
        guard let caseID = try caseID(code: caseCode) else { throw .missing("Không có hồ sơ mã \(caseCode)") }
        return (officer, caseID)
    }

    /// Inside a write transaction: checks the lifecycle, appends the event, updates the materialised state.
    func appendEvent(_ payload: CaseEventPayload, caseID: Int64, at: LocalDateTime, officer: Officer, bodyCode: String?,
                     recordedAt: Int64, checkingBody: Bool = true) throws -> CaseState {
        let username = officer.username
        let history = try loadEvents(caseID: caseID)
        let steps = try loadSteps(caseID: caseID)
        var state: CaseState
        do {
            state = try CaseLifecycle.replay(history.map(\.event), stepCount: steps.count)
        } catch {
            throw StoreError.corrupt(path: path, detail: "lịch sử hồ sơ số \(caseID) không hợp lệ: \(error.message)")
        }
        if checkingBody { try checkBody(officer, payload, steps: steps, state: state) }
        // What happened to a case is recorded in the order it happened: a result dated before the hand-over
        // (a mistyped time) would put the case in the wrong period of every report. Prints and corrections
        // are records about the case, not steps of it.
        if payload.kind != .printed && payload.kind != .corrected,
           let last = history.filter({ $0.event.kind != .printed && $0.event.kind != .corrected }).map(\.event.at).max(), at < last {
            throw StoreError.refused("Thời điểm \(at.vietnamese) trước việc đã ghi của hồ sơ (\(last.vietnamese)): ghi theo đúng thứ tự thời gian")
        }
        do {
            state = try CaseLifecycle.apply(CaseEvent(payload, at: at, officer: username, bodyCode: bodyCode), to: state)
        } catch {
            // Only LifecycleError is thrown (typed throws), so `error` is one.
            throw StoreError.refused(error.message)
        }
        try insertEvent(caseID: caseID, seq: (history.last?.seq ?? 0) + 1,
                        event: CaseEvent(payload, at: at, officer: username, bodyCode: bodyCode),
                        officerID: officer.id, recordedAt: recordedAt)
        try materialize(state, caseID: caseID)
        return state
    }

    // MARK: Corrections

    /// Corrects one field of a case (applicant data, note, fee, receipt number, appointment) with a
    /// mandatory reason; records the old and the new value as an event, in the same transaction.
    public func correct(caseCode: String, field: CorrectableField, newValue: String, reason: String, at: LocalDateTime,
                        officer username: String, recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) {
        let reason = VietnameseText.normalizedField(reason)
        guard !reason.isEmpty else { throw .invalid("Sửa thông tin phải ghi lý do") }
        let (officer, caseID) = try actor(username, .corrected, caseCode)
        let value = VietnameseText.normalizedField(newValue)
        let column: String
        var stored: SQLBindable = value.isEmpty ? nil as String? : value
        switch field {
        case .applicantName:
            guard !value.isEmpty else { throw .invalid("Họ tên không được để trống") }
            column = "applicant_name"
        case .applicantIDNumber:
            column = "applicant_id_number"
            if !value.isEmpty {
                guard IDKind.infer(from: value) != nil else { throw .invalid("Số giấy tờ phải là căn cước 12 chữ số hoặc CMND 9 chữ số") }
            }
        case .applicantBirthDate:
            column = "applicant_birth_date"
            if !value.isEmpty {
                guard let date = CivilDate(iso: value) ?? CivilDate(vietnamese: value), date <= at.date else {
                    throw .invalid("Ngày sinh không có thật hoặc ở tương lai")
                }
                stored = date.iso
            }
        case .applicantPhone:
            column = "applicant_phone"
            if !value.isEmpty {
                guard let phone = PhoneNumber.normalize(value) else { throw .invalid("Số điện thoại không đúng dạng") }
                stored = phone
            }
        case .applicantEmail: column = "applicant_email"
        case .applicantAddress: column = "applicant_address"
        case .representativeName: column = "representative_name"
        case .note:
            column = "note"
            stored = value
        case .feeReceiptNumber: column = "fee_receipt_number"
        case .fee:
            guard let amount = Money.parse(value) else { throw .invalid("Lệ phí phải là số tiền (đồng)") }
            column = "fee_amount"
            stored = amount
        case .appointment:
            // The deadline statistics judge against: a leader's decision, not the counter's.
            guard officer.role == .leader || officer.role == .administrator else {
                throw .refused("Sửa ngày hẹn trả (hạn giải quyết) cần lãnh đạo hoặc quản trị")
            }
            guard let due = LocalDateTime(iso: value) else { throw .invalid("Ngày hẹn phải có dạng YYYY-MM-DD HH:MM") }
            column = "appointment_at"
            stored = due.iso
        case .documents, .procedure:
            throw .invalid("Sửa thành phần hồ sơ hoặc thủ tục dùng chức năng riêng")
        }
        try write {
            let oldValue: String
            if field == .appointment {
                oldValue = LocalDateTime(minutes: Int(try db.scalarInt("SELECT appointment_at FROM cases WHERE id = ?", caseID)!)).iso
            } else if field == .fee {
                oldValue = String(try db.scalarInt("SELECT fee_amount FROM cases WHERE id = ?", caseID)!)
            } else {
                oldValue = try db.scalarText("SELECT \(column) FROM cases WHERE id = ?", caseID) ?? ""
            }
            let newText: String = { if case let .text(v) = stored.sqlValue { return v }; if case let .integer(v) = stored.sqlValue { return String(v) }; return "" }()
            guard oldValue != newText else { throw StoreError.invalid("Giá trị mới giống giá trị cũ: không có gì để sửa") }
            _ = try appendEvent(.corrected(field: field.rawValue, old: oldValue, new: newText, reason: reason), caseID: caseID,
                                at: at, officer: officer, bodyCode: nil, recordedAt: recordedAt)
            if field != .appointment {
                try db.run("UPDATE cases SET \(column) = ? WHERE id = ?", stored, caseID)
            }
            if field == .applicantIDNumber {
                try db.run("UPDATE cases SET applicant_id_kind = ? WHERE id = ?", IDKind.infer(from: value)?.rawValue, caseID)
            }
            if [.applicantName, .applicantIDNumber, .applicantPhone, .representativeName].contains(field) {
                let record = try caseRecord(id: caseID)
                try db.run("UPDATE cases SET search_text = ? WHERE id = ?", Store.searchText(code: record.code, applicant: record.applicant), caseID)
            }
        }
    }

    func materialize(_ s: CaseState, caseID: Int64) throws {
        try db.run("""
            UPDATE cases SET status = ?, legal_due_at = ?, appointment_at = ?, paused_at = ?, supplement_rounds = ?,
                reschedule_count = ?, result_at = ?, result_is_refusal = ?, returned_at = ?, evaluated = ?, closed_at = ?
            WHERE id = ?
            """, s.status.rawValue, s.legalDue.minutes, s.appointment.minutes, s.pausedAt?.minutes, s.supplementRounds,
                   s.rescheduleCount, s.resultAt?.minutes, s.resultIsRefusal, s.returnedAt?.minutes, s.evaluated,
                   s.closedAt?.minutes, caseID)
        for (i, p) in s.steps.enumerated() {
            try db.run("UPDATE case_steps SET handed_over_at = ?, step_due_at = ?, acknowledged_at = ?, done_at = ? WHERE case_id = ? AND position = ?",
                       p.handedOverAt?.minutes, p.stepDue?.minutes, p.acknowledgedAt?.minutes, p.doneAt?.minutes, caseID, i)
        }
    }

    // MARK: Search

    /// Cases matching what the officer typed: case code (whole, prefix or its last digits), applicant name,
    /// ID number, phone, ignoring diacritics and case (đ matches d). Every word typed must start a word of
    /// the case. Most recent first. An empty query gives the most recent cases.
    public func searchCases(_ text: String, limit: Int = 50) throws(StoreError) -> [CaseSummary] {
        let tokens = VietnameseText.tokens(text)
        let select = """
            SELECT c.id, c.code, c.applicant_name, v.name, c.status, c.appointment_at, c.received_at
            FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id
            """
        return try storeCall {
            func map(_ r: Row) -> CaseSummary {
                CaseSummary(id: r.int64(0), code: r.text(1), applicantName: r.text(2), procedureName: r.text(3),
                            status: CaseStatus(rawValue: r.text(4)) ?? .received, appointment: LocalDateTime(minutes: r.int(5)),
                            receivedAt: LocalDateTime(minutes: r.int(6)))
            }
            if tokens.isEmpty {
                return try db.rows("\(select) ORDER BY c.id DESC LIMIT ?", [limit], map: map)
            }
            var match = tokens.map { "\"\($0)\"*" }.joined(separator: " ")
            // Digits typed in groups ("0912 345", "0010 9901") may be one number: try them joined too.
            if tokens.count > 1, tokens.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                match = "(\(match)) OR \"\(tokens.joined())\"*"
            }
            return try db.rows("""
                \(select) WHERE c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?)
                ORDER BY c.id DESC
                """, [match, limit], map: map)
        }
    }

    /// The same search by a plain `LIKE` scan of the folded text (the benchmark's baseline).
    public func searchCasesByScan(_ text: String, limit: Int = 50) throws(StoreError) -> [Int64] {
        let tokens = VietnameseText.tokens(text)
        guard !tokens.isEmpty else { return [] }
        let condition = tokens.map { _ in "search_text LIKE ?" }.joined(separator: " AND ")
        return try storeCall {
            try db.rows("SELECT id FROM cases WHERE \(condition) ORDER BY id DESC LIMIT ?",
                        tokens.map { "%\($0)%" } + [limit]) { $0.int64(0) }
        }
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
        guard let id = try storeCall({ try db.scalarInt("SELECT id FROM cases WHERE \(column) = ? ORDER BY id DESC LIMIT 1", value) })
        else { return nil }
        return try caseRecord(id: id).applicant
    }

    public func caseCount() throws(StoreError) -> Int {
        try storeCall { Int(try db.scalarInt("SELECT count(*) FROM cases") ?? 0) }
    }
}

extension Store {
    /// Beyond the role: a department officer acts only on the steps of their own body (and hands the dossier
    /// on only from their own step); a desk officer records receipts and results only for bodies outside the
    /// commune, whose officers have no account here — the commune's own offices record their own.
    func checkBody(_ officer: Officer, _ payload: CaseEventPayload, steps: [CaseStep], state: CaseState) throws {
        func refuse(_ message: String) -> StoreError { .refused(message) }
        switch officer.role {
        case .departmentOfficer:
            // The step whose body must be the officer's: -1 (none) when the dossier is at the counter.
            let own: Int
            switch payload {
            case .handedOver(let k, _, _): own = k - 1
            case .acknowledged(let k, _), .stepDone(let k, _): own = k
            case .supplementRequested, .refused: own = state.currentStep ?? -1
            default: return
            }
            guard steps.indices.contains(own), steps[own].bodyCode == officer.bodyCode else {
                let holder = steps.indices.contains(own) ? steps[own].bodyName : "Bộ phận một cửa"
                throw refuse("Hồ sơ đang ở \(holder), không thuộc cơ quan của cán bộ \(officer.fullName)")
            }
        case .deskOfficer:
            guard let k = payload.stepIndex, steps.indices.contains(k) else { return }
            if case .handedOver = payload { return }
            let body = try db.row("SELECT is_internal, kind FROM bodies WHERE code = ?", [steps[k].bodyCode]) { r in (r.bool(0), r.text(1)) }
            if let (isInternal, kind) = body, isInternal, kind != BodyKind.counter.rawValue {
                throw refuse("\(steps[k].bodyName) là cơ quan trong xã: cán bộ của cơ quan đó tự xác nhận nhận hồ sơ và kết quả xử lý")
            }
        case .leader, .administrator:
            return
        }
    }
}

extension CaseEventPayload {
    /// The route step an event concerns, if any.
    public var stepIndex: Int? {
        switch self {
        case .handedOver(let s, _, _), .acknowledged(let s, _), .stepDone(let s, _): s
        default: nil
        }
    }
}

func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
