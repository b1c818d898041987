import MotCuaCore
import MotCuaSystem

/// One verified backup: where, when (Unix seconds), its size, how many cases it holds, the verdict of the
/// full check of the copy, and the last hash of the history it contains.
public struct BackupRecord: Hashable, Sendable {
    public let at: Int64
    public let path: String
    public let bytes: Int
    public let cases: Int
    public let verdict: String
    /// The last link of the history the copy contains (its number and hash): `check` verifies that the file
    /// still has it.
    public let chainNumber: Int64?
    public let chainHash: String?
}

/// A problem found by `check`. Messages name cases by code, never by applicant.
public struct CheckFinding: Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension Store {
    /// The first page of a table's b-tree (for tests that damage a page).
    func rootPage(of table: String) throws -> Int {
        Int(try db.scalarInt("SELECT rootpage FROM sqlite_schema WHERE name = ?", table) ?? 0)
    }

    // MARK: Backup

    /// A consistent copy of the database at `destination`, made with `VACUUM INTO` while other processes
    /// may be writing. The copy is written under a temporary name in the destination folder, fully checked
    /// (`PRAGMA integrity_check` on the copy, which also verifies it opens as a motcua database), synced, and
    /// only then given its final name — without ever replacing anything there, not even a dangling symbolic
    /// link. The verdict is recorded in the database. A copy that fails its check marks the database damaged.
    @discardableResult
    public func backup(to destination: String, at: Int64 = SystemClock.unixSeconds()) throws(StoreError) -> BackupRecord
    {
        if FileSystem.exists(destination) || FileSystem.isSymbolicLink(destination) {
            throw .alreadyExists(path: destination)
        }
        if let refusal = ProtectedFiles(databasePath: path).refusal(for: destination, replace: false) {
            if case .missingFolder(let folder) = refusal {
                throw .system(SystemError.missingFolder(folder))
            }
            throw .output(refusal)
        }
        let folder = FileSystem.directoryName(destination)
        let temporary = "\(folder)/.\(FileSystem.baseName(destination)).partial-\(CurrentProcess.id)"
        func cleanUp() {
            for suffix in [""] + ProtectedFiles.companionSuffixes { FileSystem.remove(temporary + suffix) }
        }
        cleanUp()
        let record: BackupRecord
        do throws(StoreError) {
            do { try FileSystem.createEmptyPrivateFile(temporary) } catch { throw StoreError.system(error) }
            try storeCall { try db.run("VACUUM INTO ?", temporary) }
            record = try Store.verifyCopy(temporary, finalPath: destination, at: at, source: path)
            do {
                try FileSystem.syncFile(temporary)
                try FileSystem.linkNew(temporary, to: destination)
            } catch {
                if error.isAlreadyExists { throw StoreError.alreadyExists(path: destination) }
                throw StoreError.system(error)
            }
        } catch {
            cleanUp()
            throw error
        }
        cleanUp()
        FileSystem.syncDirectory(containing: destination)
        // The verdict is kept with the data (not possible on a read-only or damaged file: the copy is still good).
        if !isReadOnly && damage == nil {
            try? write {
                try db.run(
                    "INSERT INTO backups (at, path, bytes, cases, verdict, chain_no, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    record.at, record.path, record.bytes, record.cases, record.verdict, record.chainNumber,
                    record.chainHash)
            }
        }
        return record
    }

    /// Checks a copy fully: SQLite's `integrity_check`, the motcua header, the case count. A damaged copy
    /// means the source is damaged: it is marked so, and no more writes are made to it.
    static func verifyCopy(_ copy: String, finalPath: String, at: Int64, source: String) throws(StoreError)
        -> BackupRecord
    {
        try validateHeader(path: copy)
        let db: Database
        do { db = try Database(path: copy, create: false, access: .readOnly) } catch {
            throw classify(error, path: copy)
        }
        return try storeCall {
            let integrity = try db.rows("PRAGMA integrity_check") { $0.text(0) }
            guard integrity == ["ok"] else {
                let detail =
                    "bản sao lưu không qua kiểm tra integrity_check: " + integrity.prefix(3).joined(separator: "; ")
                markDamaged(path: source, detail: detail)
                throw StoreError.corrupt(path: source, detail: detail)
            }
            let cases = Int(try db.scalarInt("SELECT count(*) FROM cases") ?? 0)
            let head = try HistoryChain.head(db)
            return BackupRecord(
                at: at, path: finalPath, bytes: FileSystem.size(copy) ?? 0, cases: cases, verdict: "ok",
                chainNumber: head.number > 0 ? head.number : nil, chainHash: head.number > 0 ? head.hash : nil)
        }
    }

    /// The backups made of this database, newest first.
    public func backups(limit: Int = 20) throws(StoreError) -> [BackupRecord] {
        try storeCall {
            try db.rows(
                "SELECT at, path, bytes, cases, verdict, chain_no, chain_hash FROM backups ORDER BY id DESC LIMIT ?",
                [limit]
            ) { r in
                BackupRecord(
                    at: r.int64(0), path: r.text(1), bytes: r.int(2), cases: r.int(3), verdict: r.text(4),
                    chainNumber: r.optionalInt(5).map(Int64.init), chainHash: r.optionalText(6))
            }
        }
    }

    // MARK: Export

    /// Cases received in [from, to] (dates inclusive; nil = unbounded), with their events, in ledger order.
    public func exportCases(from: CivilDate?, to: CivilDate?, each: (CaseRecord, [RecordedEvent]) throws -> Void)
        throws(StoreError)
    {
        let lower = from.map { LocalDateTime(date: $0, minuteOfDay: 0).minutes } ?? Int.min
        let upper = to.map { LocalDateTime(date: $0.adding(days: 1), minuteOfDay: 0).minutes } ?? Int.max
        try storeCall {
            try db.read {
                // One statement for the ids, stepped while each case is read: batches of "id > last LIMIT
                // 1000" made SQLite scan and sort the whole period's index for every batch (a thousand
                // times for the whole file).
                let procedures = ProcedureVersions()
                try db.forEach(
                    "SELECT id FROM cases WHERE received_at >= ? AND received_at < ? ORDER BY id", [lower, upper]
                ) { r in
                    let id = r.int64(0)
                    try each(try caseRecord(id: id, procedures: procedures), try loadEvents(caseID: id))
                    return true
                }
            }
        }
    }
}

extension Store {
    /// Calls `each` with the CSV export's rows (`CaseExport.csvHeader`: one per event, the case's columns
    /// repeated) of the cases received from `from` to `to`, in case and event order, from one joined query:
    /// the case's stored columns (kept equal to what its events derive, which `check` verifies) and each
    /// event's stored JSON text, without rebuilding every case's record. `afterCase` is called once per case.
    public func forEachExportRow(
        from: CivilDate?, to: CivilDate?, afterCase: (Int) -> Void = { _ in }, _ each: ([String]) throws -> Void
    ) throws(StoreError) {
        let lower = from.map { LocalDateTime(date: $0, minuteOfDay: 0).minutes } ?? Int.min
        let upper = to.map { LocalDateTime(date: $0.adding(days: 1), minuteOfDay: 0).minutes } ?? Int.max
        try storeCall {
            try db.read {
                var lastCase: Int64 = 0
                var cases = 0
                try db.forEach(
                    """
                    SELECT c.id, c.code, c.ledger_year, c.ledger_number, p.code, v.name, c.applicant_name,
                           c.applicant_id_number, c.applicant_phone, c.received_at, c.legal_due_at, c.appointment_at,
                           c.status, e.seq, e.kind, e.at, o.username, b.code, e.data
                    FROM cases c JOIN procedure_versions v ON v.id = c.procedure_version_id
                    JOIN procedures p ON p.id = v.procedure_id
                    JOIN events e ON e.case_id = c.id JOIN officers o ON o.id = e.officer_id
                    LEFT JOIN bodies b ON b.id = e.body_id
                    WHERE c.received_at >= ? AND c.received_at < ?
                    ORDER BY c.id, e.seq
                    """, [lower, upper]
                ) { r in
                    let id = r.int64(0)
                    if id != lastCase {
                        if lastCase != 0 {
                            cases += 1
                            afterCase(cases)
                        }
                        lastCase = id
                    }
                    func time(_ i: Int32) -> String { LocalDateTime(minutes: r.int(i)).iso }
                    try each([
                        r.text(1), String(r.int(2)), String(r.int(3)), r.text(4), r.text(5), r.text(6),
                        r.optionalText(7) ?? "", r.optionalText(8) ?? "", time(9), time(10), time(11), r.text(12),
                        String(r.int(13)), r.text(14), time(15), r.text(16), r.optionalText(17) ?? "", r.text(18)
                    ])
                    return true
                }
                if lastCase != 0 { afterCase(cases + 1) }
            }
        }
    }
}

/// JSON and CSV forms of exported cases.
public enum CaseExport {
    public static func json(_ c: CaseRecord, events: [RecordedEvent]) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        let a = c.applicant
        return .object([
            ("code", .string(c.code)), ("ledgerYear", .int(c.ledgerYear)), ("ledgerNumber", .int(c.ledgerNumber)),
            (
                "procedure",
                .object([
                    ("code", .string(c.procedure.code)), ("name", .string(c.procedure.name)),
                    ("field", .string(c.procedure.field)), ("effectiveFrom", .string(c.procedure.effectiveFrom.iso)),
                    ("limit", .string(c.procedure.limit.description))
                ])
            ),
            (
                "applicant",
                .object([
                    ("kind", .string(a.kind.rawValue)), ("name", .string(a.fullName)),
                    ("idKind", opt(a.idKind?.rawValue)), ("idNumber", opt(a.idNumber)),
                    ("birthDate", opt(a.birthDate?.iso)), ("phone", opt(a.phone)), ("email", opt(a.email)),
                    ("address", opt(a.address)), ("representative", opt(a.representativeName))
                ])
            ),
            ("channel", .string(c.channel.rawValue)), ("collect", .string(c.collect.rawValue)), ("sets", .int(c.sets)),
            ("fee", .int(c.fee)), ("feeReceiptNumber", opt(c.feeReceiptNumber)),
            ("receivedAt", .string(c.receivedAt.iso)), ("receivedBy", .string(c.receivedBy)),
            ("due", .string(c.state.legalDue.iso)), ("appointment", .string(c.state.appointment.iso)),
            ("status", .string(c.state.status.rawValue)),
            ("supplementRounds", .int(c.state.supplementRounds)), ("rescheduled", .bool(c.state.rescheduleCount > 0)),
            ("resultAt", opt(c.state.resultAt?.iso)), ("resultIsRefusal", .bool(c.state.resultIsRefusal)),
            ("returnedAt", opt(c.state.returnedAt?.iso)),
            ("punctuality", opt(c.state.punctuality?.rawValue)),
            ("returnPunctuality", opt(c.state.returnPunctuality?.rawValue)),
            (
                "documents",
                .array(
                    c.documents.map {
                        .object([
                            ("name", .string($0.name)), ("form", .string($0.form.rawValue)),
                            ("quantity", .int($0.quantity))
                        ])
                    })
            ),
            (
                "steps",
                .array(
                    c.steps.map { s in
                        .object([
                            ("body", .string(s.bodyCode)), ("task", .string(s.task)),
                            ("budget", .string(s.budget.description)),
                            ("lead", .bool(s.isLead)), ("handedOverAt", opt(s.progress.handedOverAt?.iso)),
                            ("stepDue", opt(s.progress.stepDue?.iso)),
                            ("acknowledgedAt", opt(s.progress.acknowledgedAt?.iso)),
                            ("doneAt", opt(s.progress.doneAt?.iso)),
                            ("punctuality", opt(s.progress.punctuality?.rawValue))
                        ])
                    })
            ),
            ("events", .array(events.map(eventJSON)))
        ])
    }

    public static func eventJSON(_ e: RecordedEvent) -> JSONValue {
        .object([
            ("seq", .int(e.seq)), ("kind", .string(e.event.kind.rawValue)), ("at", .string(e.event.at.iso)),
            ("officer", .string(e.event.officer)), ("body", e.event.bodyCode.map { .string($0) } ?? .null),
            ("data", EventCodec.encode(e.event.payload))
        ])
    }

    /// The JSON text an event's payload is stored as (`events.data`).
    public static func eventData(_ payload: CaseEventPayload) -> String { EventCodec.encode(payload).compactText }

    public static let csvHeader = [
        "code", "ledger_year", "ledger_number", "procedure_code", "procedure_name", "applicant_name",
        "applicant_id_number", "applicant_phone", "received_at", "due", "appointment", "status",
        "event_seq", "event_kind", "event_at", "event_officer", "event_body", "event_data"
    ]

    /// One CSV row per event, the case's columns repeated.
    public static func csvRows(_ c: CaseRecord, events: [RecordedEvent]) -> [[String]] {
        events.map { e in
            [
                c.code, String(c.ledgerYear), String(c.ledgerNumber), c.procedure.code, c.procedure.name,
                c.applicant.fullName,
                c.applicant.idNumber ?? "", c.applicant.phone ?? "", c.receivedAt.iso, c.state.legalDue.iso,
                c.state.appointment.iso,
                c.state.status.rawValue, String(e.seq), e.event.kind.rawValue, e.event.at.iso, e.event.officer,
                e.event.bodyCode ?? "",
                EventCodec.encode(e.event.payload).compactText
            ]
        }
    }
}

/// RFC 4180 CSV, as the program writes it.
public enum CSV {
    /// One line: fields quoted when they contain a separator, a quote or a line break. A field a spreadsheet
    /// would read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
    /// apostrophe, so that spreadsheet programs show it as text and never run it.
    public static func line(_ fields: [String]) -> String {
        // Byte by byte (exports write millions of fields): the bytes that matter are all ASCII.
        var out = ""
        for (index, raw) in fields.enumerated() {
            if index > 0 { out += "," }
            let formula = isFormulaLike(raw)
            var quoted = false
            var quotes = false
            for b in raw.utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                quoted = true
                if b == 0x22 { quotes = true }
            }
            if quoted { out += "\"" }
            if formula { out += "'" }
            if quotes {
                let bytes = raw.utf8
                var runStart = bytes.startIndex
                var i = runStart
                while i != bytes.endIndex {
                    if bytes[i] == 0x22 {
                        let next = bytes.index(after: i)
                        out += raw[runStart..<next]
                        out += "\""
                        runStart = next
                    }
                    i = bytes.index(after: i)
                }
                out += raw[runStart...]
            } else {
                out += raw
            }
            if quoted { out += "\"" }
        }
        return out + "\r\n"
    }

    /// Text a spreadsheet program would take for a formula.
    public static func isFormulaLike(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first else { return false }
        return "=+-@\t\r".unicodeScalars.contains(first)
    }
}
