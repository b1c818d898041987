import MotCuaCore
import MotCuaSystem

/// A request to supplement or a refusal given at the counter without opening a case.
public struct ReceptionContact: Hashable, Sendable {
    public enum Kind: String, Sendable { case supplement, refusal }

    public let number: String
    public let kind: Kind
    public let at: LocalDateTime
    public let officer: String
    public let officerName: String
    public let procedureCode: String
    public let procedureName: String
    public let applicant: Applicant
    /// Missing items (supplement) or reasons (refusal).
    public let items: [String]
    public let reason: String
    public let printCount: Int
}

extension Store {
    /// Records a slip given at the counter and returns it with its number ("BS-261120-0001" for a request to
    /// supplement, "TC-…" for a refusal), allocated in the same transaction.
    @discardableResult
    public func recordContact(_ kind: ReceptionContact.Kind, procedureCode: String, applicant: Applicant, items: [String],
                              reason: String, at: LocalDateTime, officer username: String,
                              recordedAt: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> ReceptionContact {
        guard let officer = try officer(username: username), officer.isActive,
              CaseEventKind.received.allowedRoles.contains(officer.role) else {
            throw .refused("Cán bộ \(username) không được tiếp nhận hồ sơ")
        }
        guard let stored = try procedure(code: procedureCode, on: at.date) else {
            throw .missing("Không có thủ tục mã \(procedureCode)")
        }
        let a = applicant.normalized
        guard !a.fullName.isEmpty else { throw .invalid("Chưa nhập họ tên người nộp") }
        let cleanItems = items.map(VietnameseText.normalizedField).filter { !$0.isEmpty }
        guard !cleanItems.isEmpty else {
            throw .invalid(kind == .supplement ? "Phiếu yêu cầu bổ sung phải nêu ít nhất một nội dung cần bổ sung"
                                               : "Phiếu từ chối phải nêu lý do")
        }
        let prefix = kind == .supplement ? "BS" : "TC"
        let date = at.date
        let day = "\(pad2(date.year % 100))\(pad2(date.month))\(pad2(date.day))"
        return try write {
            let sequence = try db.scalarInt("""
                INSERT INTO contact_counters (prefix, day, last_sequence) VALUES (?, ?, 1)
                ON CONFLICT (prefix, day) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence
                """, prefix, day)!
            let number = "\(prefix)-\(day)-\(sequence < 10 ? "000" : sequence < 100 ? "00" : sequence < 1000 ? "0" : "")\(sequence)"
            try db.run("""
                INSERT INTO reception_contacts (number, kind, at, recorded_at, officer_id, procedure_version_id, applicant_name,
                    applicant_id_number, applicant_phone, applicant_address, items, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, number, kind.rawValue, at.minutes, recordedAt, officer.id, stored.versionID, a.fullName, a.idNumber,
                       a.phone, a.address, JSONValue.array(cleanItems.map { .string($0) }).compactText,
                       VietnameseText.normalizedField(reason))
            return ReceptionContact(number: number, kind: kind, at: at, officer: officer.username, officerName: officer.fullName,
                                    procedureCode: stored.procedure.code, procedureName: stored.procedure.name, applicant: a,
                                    items: cleanItems, reason: VietnameseText.normalizedField(reason), printCount: 0)
        }
    }

    static let contactColumns = """
        SELECT c.number, c.kind, c.at, o.username, o.full_name, p.code, v.name, c.applicant_name, c.applicant_id_number,
               c.applicant_phone, c.applicant_address, c.items, c.reason, c.print_count
        FROM reception_contacts c JOIN officers o ON o.id = c.officer_id
        JOIN procedure_versions v ON v.id = c.procedure_version_id JOIN procedures p ON p.id = v.procedure_id
        """

    func mapContact(_ r: Row) -> ReceptionContact {
        let items: [String]
        if case let .array(values)? = try? JSONParser.parse(r.text(11)) {
            items = values.compactMap { if case let .string(s) = $0 { s } else { nil } }
        } else {
            items = []
        }
        return ReceptionContact(number: r.text(0), kind: ReceptionContact.Kind(rawValue: r.text(1)) ?? .supplement,
                                at: LocalDateTime(minutes: r.int(2)), officer: r.text(3), officerName: r.text(4),
                                procedureCode: r.text(5), procedureName: r.text(6),
                                applicant: Applicant(fullName: r.text(7), idNumber: r.optionalText(8), phone: r.optionalText(9),
                                                     address: r.optionalText(10)),
                                items: items, reason: r.text(12), printCount: r.int(13))
    }

    public func contact(number: String) throws(StoreError) -> ReceptionContact? {
        try storeCall { try db.row("\(Store.contactColumns) WHERE c.number = ?", [number.trimmingSpaces.uppercased()], map: mapContact) }
    }

    /// Earlier slips given to this applicant (by ID number or phone) for this procedure, newest first: a second
    /// visit for the same matter is shown to the officer.
    public func previousContacts(idNumber: String?, phone: String?, procedureCode: String) throws(StoreError) -> [ReceptionContact] {
        let id = idNumber.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        let p = phone.flatMap { PhoneNumber.normalize($0) }
        guard id != nil || p != nil else { return [] }
        return try storeCall {
            try db.rows("""
                \(Store.contactColumns) WHERE p.code = ? AND ((? IS NOT NULL AND c.applicant_id_number = ?) OR (? IS NOT NULL AND c.applicant_phone = ?))
                ORDER BY c.at DESC, c.id DESC LIMIT 20
                """, [procedureCode, id, id, p, p], map: mapContact)
        }
    }

    /// Counts a print of a slip (the next print is marked as a reprint).
    public func markContactPrinted(number: String) throws(StoreError) {
        try write {
            try db.run("UPDATE reception_contacts SET print_count = print_count + 1 WHERE number = ?", number)
            if db.changes == 0 { throw StoreError.missing("Không có phiếu số \(number)") }
        }
    }

    /// Whether a case's receipt was printed before (the next print is marked "BẢN IN LẠI").
    public func receiptPrintCount(caseID: Int64) throws(StoreError) -> Int {
        try storeCall {
            Int(try db.scalarInt("SELECT count(*) FROM events WHERE case_id = ? AND kind = 'printed' AND json_extract(data, '$.document') = 'receipt'", caseID) ?? 0)
        }
    }
}
