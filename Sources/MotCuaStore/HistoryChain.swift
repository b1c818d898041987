import MotCuaCore

/// The tamper-evident history: every event is a link of one chain over the whole file. A link is the
/// SHA-256 of the previous link and of everything the event says — its case, number, kind, times, officer,
/// body, data, channel, system user, late reason — and of the digest of its case's row (with documents and
/// steps) as the event left it. An edit made outside the program breaks the chain at the edited event, or
/// leaves a case row that no longer matches its last event; a rewrite that recomputes the whole chain is
/// caught against a link written down earlier (the daily summary on paper, a backup): `check --anchor`.
enum HistoryChain {
    /// The link before the first event.
    static let genesis = String(repeating: "0", count: 64)

    /// One field of a link's input: its length in bytes, then the bytes, so that no two different events
    /// give the same input; "-" for no value.
    static func append(_ field: String?, to hasher: inout SHA256) {
        guard let field else {
            hasher.update("-\n")
            return
        }
        hasher.update("\(field.utf8.count):")
        hasher.update(field)
        hasher.update("\n")
    }

    /// The link of an event: what is hashed, in order, is fixed by this function (and `DECISIONS.md` D31).
    static func link(
        previous: String, number: Int64, caseID: Int64, seq: Int, kind: String, at: Int, recordedAt: Int64,
        officerID: Int64, bodyID: Int64?, data: String, channel: String, osUser: String, lateReason: String?,
        rowDigest: String?
    ) -> String {
        var h = SHA256()
        h.update("motcua-chain-1\n")
        for field in [
            previous, String(number), String(caseID), String(seq), kind, String(at), String(recordedAt),
            String(officerID), bodyID.map(String.init), data, channel, osUser, lateReason, rowDigest
        ] {
            append(field, to: &h)
        }
        return SHA256.hex(h.finalize())
    }

    /// The columns of a case row that the chain pins: everything but the search text (derived from them).
    static let caseColumns = [
        "code", "ledger_year", "ledger_number", "procedure_version_id", "applicant_kind", "applicant_name",
        "applicant_id_kind", "applicant_id_number", "applicant_birth_date", "applicant_phone", "applicant_email",
        "applicant_address", "representative_name", "representative_id_number", "channel", "collect_method",
        "collect_address", "sets", "verification_needed", "chosen_results", "fee_amount", "fee_exemption",
        "fee_receipt_number", "received_at", "received_by", "received_at_reason", "recorded_at", "note", "status",
        "legal_due_at", "appointment_at", "paused_at", "supplement_rounds", "reschedule_count", "result_at",
        "result_is_refusal", "returned_at", "evaluated", "closed_at"
    ]

    /// SQLite's `quote()` of each value gives one text per value, type included (`'a'`, `12`, `NULL`).
    static func quoted(_ columns: [String]) -> String {
        columns.map { "quote(\($0))" }.joined(separator: " || char(31) || ")
    }

    /// The three texts a case row's digest is made of, as SQL expressions on `cases` (aliased `c`): its own
    /// columns, its documents, its steps.
    static let digestExpressions = """
        \(quoted(caseColumns.map { "c.\($0)" })),
            (SELECT group_concat(r, char(30)) FROM (SELECT \(quoted(["position", "checklist_index", "name", "form", "quantity"])) AS r
                FROM case_documents WHERE case_id = c.id ORDER BY position)),
            (SELECT group_concat(r, char(30)) FROM (SELECT \(quoted(["position", "route_position", "body_id", "handed_over_at", "step_due_at", "acknowledged_at", "done_at"])) AS r
                FROM case_steps WHERE case_id = c.id ORDER BY position))
        """

    /// The digest of a case row from its three texts.
    static func digest(row: String?, documents: String?, steps: String?) -> String {
        var h = SHA256()
        h.update("motcua-case-1\n")
        for part in [row, documents, steps] { append(part, to: &h) }
        return SHA256.hex(h.finalize())
    }

    /// The digest of a case row with its documents and steps, as they are now.
    static func rowDigest(_ db: Database, caseID: Int64) throws -> String? {
        try db.row("SELECT \(digestExpressions) FROM cases c WHERE c.id = ?", [caseID]) { r in
            digest(row: r.optionalText(0), documents: r.optionalText(1), steps: r.optionalText(2))
        }
    }

    /// The last link of the file: its number and hash (0 and the genesis for an empty history).
    static func head(_ db: Database) throws -> (number: Int64, hash: String) {
        try db.row("SELECT chain_no, chain_hash FROM events WHERE chain_no IS NOT NULL ORDER BY chain_no DESC LIMIT 1")
        {
            ($0.int64(0), $0.text(1))
        } ?? (0, genesis)
    }

    /// Writes one event as the next link (inside the caller's write transaction).
    static func insert(
        _ db: Database, caseID: Int64, seq: Int, kind: String, at: Int, recordedAt: Int64, officerID: Int64,
        bodyID: Int64?, data: String, channel: String, osUser: String, lateReason: String?, rowDigest: String?
    ) throws {
        let (last, previous) = try head(db)
        let number = last + 1
        let hash = link(
            previous: previous, number: number, caseID: caseID, seq: seq, kind: kind, at: at, recordedAt: recordedAt,
            officerID: officerID, bodyID: bodyID, data: data, channel: channel, osUser: osUser, lateReason: lateReason,
            rowDigest: rowDigest)
        try db.run(
            """
            INSERT INTO events (case_id, seq, kind, at, recorded_at, officer_id, body_id, data, channel, os_user, late_reason,
                chain_no, row_digest, chain_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, caseID, seq, kind, at, recordedAt, officerID, bodyID, data, channel, osUser, lateReason, number,
            rowDigest,
            hash)
    }

    static let eventColumns =
        "case_id, seq, kind, at, recorded_at, officer_id, body_id, data, channel, os_user, late_reason, chain_no, row_digest, chain_hash"

    /// The link an event row should have after `previous` (the row read with `eventColumns`).
    static func expectedLink(_ r: Row, previous: String) -> String {
        link(
            previous: previous, number: r.int64(11), caseID: r.int64(0), seq: r.int(1), kind: r.text(2), at: r.int(3),
            recordedAt: r.int64(4), officerID: r.int64(5), bodyID: r.isNull(6) ? nil : r.int64(6), data: r.text(7),
            channel: r.text(8), osUser: r.text(9), lateReason: r.optionalText(10), rowDigest: r.optionalText(12))
    }

    /// Migration 6: chains the events written before the chain existed, in the order they were recorded,
    /// each case's last event carrying its row's current digest.
    static func chainExistingEvents(_ db: Database) throws {
        try db.execute("DROP TRIGGER events_append_only_update")
        var previous = genesis
        var number: Int64 = 0
        let lastSeq = try Dictionary(
            uniqueKeysWithValues: db.rows("SELECT case_id, max(seq) FROM events GROUP BY case_id") {
                ($0.int64(0), $0.int(1))
            })
        try db.forEach("SELECT \(eventColumns) FROM events ORDER BY recorded_at, case_id, seq") { r in
            number += 1
            let caseID = r.int64(0)
            let seq = r.int(1)
            let digest = lastSeq[caseID] == seq ? try rowDigest(db, caseID: caseID) : nil
            let hash = link(
                previous: previous, number: number, caseID: caseID, seq: seq, kind: r.text(2), at: r.int(3),
                recordedAt: r.int64(4), officerID: r.int64(5), bodyID: r.isNull(6) ? nil : r.int64(6), data: r.text(7),
                channel: r.text(8), osUser: r.text(9), lateReason: r.optionalText(10), rowDigest: digest)
            try db.run(
                "UPDATE events SET chain_no = ?, row_digest = ?, chain_hash = ? WHERE case_id = ? AND seq = ?", number,
                digest, hash, caseID, seq)
            previous = hash
            return true
        }
        try db.execute(
            """
            CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
            """)
    }
}

/// The chain's functions for the benchmark's generator, which writes a million cases with SQL directly.
@_spi(Benchmark) public enum GeneratorChain {
    public static let genesis = HistoryChain.genesis

    public static func link(
        previous: String, number: Int64, caseID: Int64, seq: Int, kind: String, at: Int, recordedAt: Int64,
        officerID: Int64, bodyID: Int64?, data: String, rowDigest: String?
    ) -> String {
        HistoryChain.link(
            previous: previous, number: number, caseID: caseID, seq: seq, kind: kind, at: at, recordedAt: recordedAt,
            officerID: officerID, bodyID: bodyID, data: data, channel: "unknown", osUser: "", lateReason: nil,
            rowDigest: rowDigest)
    }

    public static func rowDigest(_ db: Database, caseID: Int64) throws -> String? {
        try HistoryChain.rowDigest(db, caseID: caseID)
    }
}
