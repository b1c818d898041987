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

    /// The link of an event: what is hashed, in order, is fixed by this function (and `DECISIONS.md` D31).
    static func link(
        previous: String, number: Int64, caseID: Int64, seq: Int, kind: String, at: Int, recordedAt: Int64,
        officerID: Int64, bodyID: Int64?, data: String, channel: String, osUser: String, lateReason: String?,
        rowDigest: String?
    ) -> String {
        // The event's values by their column in `eventColumns`, hashed in `linkColumns`' order.
        let byColumn: [String?] = [
            String(caseID), String(seq), kind, String(at), String(recordedAt), String(officerID),
            bodyID.map(String.init), data, channel, osUser, lateReason, String(number), rowDigest
        ]
        let input = HashInput()
        input.start(linkHeader)
        input.field(previous)
        for (column, _) in linkColumns { input.field(byColumn[Int(column)]) }
        return input.hexDigest()
    }

    /// What a link hashes after the previous link, in order: columns of `eventColumns` (number, case, seq,
    /// kind, at, recorded at, officer, body, data, channel, system user, late reason, row digest), and
    /// whether the value may be absent (then "-"). The one definition both `link` and `Verifier` follow.
    static let linkColumns: [(column: Int32, optional: Bool)] = [
        (11, false), (0, false), (1, false), (2, false), (3, false), (4, false), (5, false), (6, true), (7, false),
        (8, false), (9, false), (10, true), (12, true)
    ]

    /// The first line of every link's input (the format's version).
    static let linkHeader = "motcua-chain-1\n"

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
        let input = HashInput()
        input.start("motcua-case-1\n")
        for part in [row, documents, steps] { input.field(part) }
        return input.hexDigest()
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

    /// Checks the links of event rows read in chain order (columns `eventColumns`), straight from SQLite's
    /// bytes: the chain pass of `check` hashes every event of the file.
    final class Verifier {
        private let input = HashInput()
        private var previous = [UInt8](HistoryChain.genesis.utf8)
        private var computed = [UInt8](repeating: 0, count: 64)

        /// True when the row's stored link is the one computed from the row and the link stored before it.
        /// The row's stored link becomes the previous one either way (a break is reported once, where it is).
        func verify(_ r: Row) -> Bool {
            let empty = UnsafeRawBufferPointer(start: nil, count: 0)
            input.start(HistoryChain.linkHeader)
            previous.withUnsafeBytes { input.field($0) }
            // Fields that cannot be NULL read as empty text if they are (as `Row.text` does).
            for (column, optional) in HistoryChain.linkColumns {
                input.field(optional ? r.bytes(column) : r.bytes(column) ?? empty)
            }
            computed.withUnsafeMutableBufferPointer { input.hexDigest(into: $0.baseAddress!) }
            let stored = r.bytes(13) ?? empty
            let matches = computed.withUnsafeBytes { $0.elementsEqual(stored) }
            previous.removeAll(keepingCapacity: true)
            previous.append(contentsOf: stored)
            return matches
        }
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

/// The text hashed for a link or a case row's digest, built in one reusable buffer: a header line, then
/// each field as its length in bytes, a colon, the bytes and a line feed, so that no two different events
/// give the same input; "-" and a line feed for no value.
final class HashInput {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0

    init() {
        capacity = 1024
        storage = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit { storage.deallocate() }

    func start(_ header: String) {
        count = 0
        var text = header
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    func field(_ text: String?) {
        guard var text else { return field(nil as UnsafeRawBufferPointer?) }
        text.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }

    func field(_ bytes: UnsafeRawBufferPointer?) {
        guard let bytes else {
            reserve(2)
            storage.storeBytes(of: UInt8(ascii: "-"), toByteOffset: count, as: UInt8.self)
            storage.storeBytes(of: UInt8(ascii: "\n"), toByteOffset: count + 1, as: UInt8.self)
            count += 2
            return
        }
        reserve(bytes.count + 22)
        // The length in decimal digits, written backwards into place.
        var digits = 0
        var n = bytes.count
        repeat {
            digits += 1
            n /= 10
        } while n > 0
        n = bytes.count
        for i in stride(from: digits - 1, through: 0, by: -1) {
            storage.storeBytes(of: UInt8(ascii: "0") + UInt8(n % 10), toByteOffset: count + i, as: UInt8.self)
            n /= 10
        }
        count += digits
        storage.storeBytes(of: UInt8(ascii: ":"), toByteOffset: count, as: UInt8.self)
        count += 1
        append(bytes)
        storage.storeBytes(of: UInt8(ascii: "\n"), toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// The SHA-256 of the input, 64 lower-case hexadecimal digits written at `out`.
    func hexDigest(into out: UnsafeMutablePointer<UInt8>) {
        var hasher = SHA256()
        hasher.update(raw: UnsafeRawBufferPointer(start: storage, count: count))
        withUnsafeTemporaryAllocation(byteCount: SHA256.digestSize, alignment: 8) { digest in
            hasher.finalize(into: digest.baseAddress!)
            SHA256.hex(UnsafeRawBufferPointer(digest), into: out)
        }
    }

    func hexDigest() -> String {
        String(unsafeUninitializedCapacity: 2 * SHA256.digestSize) { out in
            hexDigest(into: out.baseAddress!)
            return 2 * SHA256.digestSize
        }
    }

    private func append(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            (storage + count).copyMemory(from: base, byteCount: bytes.count)
        }
        count += bytes.count
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity * 2
        while grown < count + extra { grown *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        bigger.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = bigger
        capacity = grown
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
