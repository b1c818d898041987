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
    /// Records a slip given at the counter (validated by the application layer) and returns it with its
    /// number ("BS-261120-0001" for a request to supplement, "TC-…" for a refusal), allocated in the same
    /// transaction.
    public func insertContact(
        _ kind: ReceptionContact.Kind, procedure stored: StoredProcedure, applicant a: Applicant,
        items: [String], reason: String, at: LocalDateTime, author: EventAuthor
    ) throws(StoreError) -> ReceptionContact {
        let prefix = kind == .supplement ? "BS" : "TC"
        let day = at.date.compactYYMMDD
        return try write {
            let sequence = try db.scalarInt(
                """
                INSERT INTO contact_counters (prefix, day, last_sequence) VALUES (?, ?, 1)
                ON CONFLICT (prefix, day) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence
                """, prefix, day)!
            let number = "\(prefix)-\(day)-\(Int(sequence).zeroPadded(4))"
            try db.run(
                """
                INSERT INTO reception_contacts (number, kind, at, recorded_at, officer_id, procedure_version_id, applicant_name,
                    applicant_id_number, applicant_phone, applicant_address, items, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, number, kind.rawValue, at.minutes, author.recordedAt, author.officer.id, stored.versionID,
                a.fullName, a.idNumber,
                a.phone, a.address, JSONValue.array(items.map { .string($0) }).compactText, reason)
            return ReceptionContact(
                number: number, kind: kind, at: at, officer: author.officer.username,
                officerName: author.officer.fullName, procedureCode: stored.procedure.code,
                procedureName: stored.procedure.name, applicant: a, items: items, reason: reason, printCount: 0)
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
        return ReceptionContact(
            number: r.text(0), kind: ReceptionContact.Kind(rawValue: r.text(1)) ?? .supplement,
            at: LocalDateTime(minutes: r.int(2)), officer: r.text(3), officerName: r.text(4),
            procedureCode: r.text(5), procedureName: r.text(6),
            applicant: Applicant(
                fullName: r.text(7), idNumber: r.optionalText(8), phone: r.optionalText(9),
                address: r.optionalText(10)),
            items: items, reason: r.text(12), printCount: r.int(13))
    }

    public func contact(number: String) throws(StoreError) -> ReceptionContact? {
        try storeCall {
            try db.row(
                "\(Store.contactColumns) WHERE c.number = ?", [number.trimmingSpaces.uppercased()], map: mapContact)
        }
    }

    /// Earlier slips given to this applicant (by ID number or phone) for this procedure, newest first: a second
    /// visit for the same matter is shown to the officer.
    public func previousContacts(idNumber: String?, phone: String?, procedureCode: String) throws(StoreError)
        -> [ReceptionContact]
    {
        let id = idNumber.flatMap { $0.isEmpty ? nil : $0.uppercased() }
        let p = phone.flatMap { PhoneNumber.normalize($0) }
        guard id != nil || p != nil else { return [] }
        return try storeCall {
            try db.rows(
                """
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
            Int(
                try db.scalarInt(
                    """
                    SELECT count(*) FROM events WHERE case_id = ? AND kind = 'printed' AND json_extract(data, '$.document') = 'receipt'
                        AND json_extract(data, '$.failure') IS NULL
                    """, caseID) ?? 0)
        }
    }
}
