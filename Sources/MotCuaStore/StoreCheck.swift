import MotCuaCore
import MotCuaSystem
import Synchronization

/// The link written down at the end of a day (the daily summary's last line, a backup's record): the
/// history up to the end of `date` must still end in a link whose hash starts with `hash`.
public struct ChainAnchor: Hashable, Sendable {
    public let date: CivilDate
    /// Lower-case hexadecimal, at least 16 digits (the printed hash may be shortened by the reader).
    public let hash: String

    /// Nil unless `hash` is 16 to 64 hexadecimal digits (spaces ignored, any case).
    public init?(date: CivilDate, hash: String) {
        let hex = String(hash.lowercased().filter { $0 != " " })
        guard (16...64).contains(hex.count), hex.allSatisfy({ $0.isHexDigit }) else { return nil }
        self.date = date
        self.hash = hex
    }
}

/// The passes of `check`, for its progress line.
public enum CheckPass: String, Sendable {
    /// The chain of events, link by link.
    case chain
    /// Each case: its history, its stored state, its row against its last event.
    case cases
    /// SQLite's own `integrity_check` of every page and index (done is 1 when it has finished; total 1).
    case integrity
}

/// How far a pass running on another thread has got, read by the thread that reports progress.
final class PassCounter: Sendable {
    let done = Atomic<Int>(0)
    let total = Atomic<Int>(0)
}

/// A query's rows one at a time, for merging several ordered queries (cases, their steps, their events)
/// without holding any of them.
final class Cursor {
    private let statement: Statement
    private(set) var row: Row?

    init(_ db: Database, _ sql: String) throws {
        statement = try Statement(database: db, sql: sql)
        try advance()
    }

    func advance() throws {
        row = try statement.step() ? Row(statement: statement) : nil
    }
}

extension Store {
    /// The last link recorded up to the end of `date` (Vietnam time): its number and hash; nil when nothing
    /// was recorded by then. Walks back from the newest link, so today's is found at once.
    public func chainHead(endOf date: CivilDate) throws(StoreError) -> (number: Int64, hash: String)? {
        let cutoff = LocalDateTime(date: date.adding(days: 1), minuteOfDay: 0).unixSeconds
        return try storeCall {
            var found: (Int64, String)?
            try db.forEach(
                "SELECT chain_no, chain_hash, recorded_at FROM events WHERE chain_no IS NOT NULL ORDER BY chain_no DESC"
            ) { r in
                guard r.int64(2) < cutoff else { return true }
                found = (r.int64(0), r.text(1))
                return false
            }
            return found
        }
    }

    /// The chain, in order: numbers 1…N without a gap, each link recomputed from the event and the link
    /// before it; the links backups recorded still there; the anchor's day ending in its hash. Runs on a
    /// connection of its own (`check` gives it a thread while the cases are checked on another).
    static func checkChain(_ db: Database, anchor: ChainAnchor?, counter: PassCounter) throws -> [String] {
        var findings: [String] = []
        func add(_ m: String) { findings.append(m) }
        counter.total.store(Int(try db.scalarInt("SELECT count(*) FROM events") ?? 0), ordering: .relaxed)
        let unchained = Int(try db.scalarInt("SELECT count(*) FROM events WHERE chain_no IS NULL") ?? 0)
        if unchained > 0 {
            add("chuỗi lịch sử: \(unchained) sự kiện không có trong chuỗi (được thêm ngoài chương trình)")
        }
        var recordedByBackups: [Int64: (hash: String, at: Int64)] = [:]
        for (number, hash, at) in try db.rows(
            "SELECT chain_no, chain_hash, at FROM backups WHERE chain_no IS NOT NULL AND chain_hash IS NOT NULL"
        ) { ($0.int64(0), $0.text(1), $0.int64(2)) } {
            recordedByBackups[number] = (hash, at)
        }
        let cutoff = anchor.map { LocalDateTime(date: $0.date.adding(days: 1), minuteOfDay: 0).unixSeconds }
        var anchorLink: (number: Int64, hash: String)?
        let verifier = HistoryChain.Verifier()
        var expectedNumber: Int64 = 1
        var breaks = 0
        var done = 0
        // Names an event for a finding (at most 20 of them, so the case's code is looked up then).
        func name(_ caseID: Int64, _ seq: Int) -> String {
            let code = try? db.scalarText("SELECT code FROM cases WHERE id = ?", caseID)
            return "sự kiện \(seq) của hồ sơ \((code ?? nil) ?? "số \(caseID)")"
        }
        try db.forEach("SELECT \(HistoryChain.eventColumns) FROM events WHERE chain_no IS NOT NULL ORDER BY chain_no") {
            r in
            let number = r.int64(11)
            if number != expectedNumber && breaks < 20 {
                breaks += 1
                add(
                    "chuỗi lịch sử đứt trước mắt xích số \(number) (\(name(r.int64(0), r.int(1)))): thiếu mắt xích số \(expectedNumber)"
                )
            }
            if !verifier.verify(r) && breaks < 20 {
                breaks += 1
                add(
                    "chuỗi lịch sử đứt tại mắt xích số \(number) (\(name(r.int64(0), r.int(1)))): nội dung đã bị sửa ngoài chương trình"
                )
            }
            if !recordedByBackups.isEmpty || cutoff != nil {
                let stored = r.text(13)
                if let recorded = recordedByBackups.removeValue(forKey: number), recorded.hash != stored {
                    add(
                        "mắt xích số \(number) khác với bản ghi của lần sao lưu lúc \(LocalDateTime(unixSeconds: recorded.at).vietnamese)"
                    )
                }
                if let cutoff, r.int64(4) < cutoff, number > (anchorLink?.number ?? 0) { anchorLink = (number, stored) }
            }
            expectedNumber = number + 1
            done += 1
            if done % 10_000 == 0 { counter.done.store(done, ordering: .relaxed) }
            return true
        }
        counter.done.store(done, ordering: .relaxed)
        for (number, recorded) in recordedByBackups.sorted(by: { $0.key < $1.key }) {
            add(
                "lần sao lưu lúc \(LocalDateTime(unixSeconds: recorded.at).vietnamese) ghi lịch sử đến mắt xích số \(number), nhưng tệp không còn mắt xích đó"
            )
        }
        if let anchor {
            if let link = anchorLink {
                if !link.hash.hasPrefix(anchor.hash) {
                    add(
                        "lịch sử đến hết ngày \(anchor.date.vietnamese) kết thúc ở mắt xích số \(link.number) với mã \(link.hash), không khớp mã đã ghi \(anchor.hash)"
                    )
                }
            } else {
                add(
                    "không có sự kiện nào được ghi đến hết ngày \(anchor.date.vietnamese), nhưng đã có mã \(anchor.hash) cho ngày đó"
                )
            }
        }
        return findings
    }

    // MARK: Check

    /// SQLite's integrity and foreign-key checks, the search index's own check, and the model's invariants:
    /// every case's stored state equals the state replayed from its events, histories start with the
    /// reception and are numbered without gaps, ledger numbers run 1…N in each year without gaps, counters
    /// are ahead of every number used, the search text matches the case.
    ///
    /// SQLite's verdict also settles the file's damage state: damage found marks the file (no more writes);
    /// a clean verdict on a file marked damaged (restored or repaired by an administrator) clears the mark.
    /// `note` receives what the officer should know besides the findings (a read-only file, a cleared mark).
    ///
    /// The history's chain is verified link by link (the first broken link is named), each case row against
    /// the digest its last event carries, the links recorded by backups against the file, and, with
    /// `anchor`, the link at the end of that day against the hash written down then. Everything streams:
    /// memory does not grow with the file.
    ///
    /// The three long passes run at once, each on a connection of its own: SQLite's `integrity_check` and
    /// the chain on two threads, the cases on this one (a machine's second core halves the wait). `progress`
    /// receives (done, total) for each pass, always on the calling thread.
    public func check(
        now: LocalDateTime, anchor: ChainAnchor? = nil, progress: ((CheckPass, Int, Int) -> Void)? = nil,
        note: ((String) -> Void)? = nil
    )
        throws(StoreError) -> [CheckFinding]
    {
        let path = self.path
        // Whatever happens, a damage marker written by any of the connections is this store's state too:
        // no more writes through it.
        defer { if damage == nil, let recorded = Store.damageRecorded(path: path) { damage = recorded } }
        // While the passes run, damage met by any of them is decided here once all are back: SQLite's own
        // verdict, when it found damage, is what the marker records and what is printed.
        let markOnCorruption = db.onCorruption
        db.onCorruption = nil
        defer { db.onCorruption = markOnCorruption }
        // The other connections only read (read-only, or immutable on read-only media), but for the search
        // index's own check (below).
        let mayWrite = !connectionIsReadOnly && damage == nil
        let readAccess: Database.Access = db.access == .immutable ? .immutable : .readOnly
        @Sendable func connection(_ access: Database.Access) throws -> Database {
            let c = try Database(path: path, create: false, access: access)
            c.setBusyTimeout(milliseconds: Store.busyTimeoutMilliseconds)
            return c
        }
        // SQLite's checks on one thread: its verdict, then the foreign keys.
        let integrity = BackgroundThread { () -> Result<SQLiteVerdict, StoreError> in
            do throws(StoreError) {
                return .success(
                    try storeCall {
                        let c = try connection(readAccess)
                        var verdict = SQLiteVerdict()
                        // A badly damaged file stops SQLite's own check part-way with an error: what it said
                        // until then, and the error, are the verdict.
                        func untilDamage(_ sql: String, _ line: (Row) -> String) throws -> [String] {
                            var lines: [String] = []
                            do {
                                try c.forEach(sql) {
                                    lines.append(line($0))
                                    return lines.count < 100
                                }
                            } catch let e as DatabaseError where e.meansDamage {
                                lines.append("SQLite dừng kiểm tra: \(e)")
                            }
                            return lines
                        }
                        verdict.lines = try untilDamage("PRAGMA integrity_check") { $0.text(0) }
                        verdict.foreignKeys = Array(
                            try untilDamage("PRAGMA foreign_key_check") {
                                "\($0.text(0)) dòng \($0.int64(1)) → \($0.text(2))"
                            }
                            .prefix(20).map { "foreign_key_check: \($0)" })
                        return verdict
                    })
            } catch {
                return .failure(error)
            }
        }
        // The counters, the chain, then the search index's own check on another (the shortest pass: it has
        // room for the index's check). That check is an INSERT that writes nothing, but needs a connection
        // that may write and, for a moment, the write lock; its answer counts only if SQLite finds no damage.
        let chainCounter = PassCounter()
        let chain = BackgroundThread { () -> Result<(findings: [String], searchIndex: SearchIndexCheck), StoreError> in
            do throws(StoreError) {
                return .success(
                    try storeCall {
                        let c = try connection(readAccess)
                        var findings: [String] = []
                        try Store.checkCounters(c) { findings.append($0) }
                        findings += try Store.checkChain(c, anchor: anchor, counter: chainCounter)
                        guard mayWrite else { return (findings, .notChecked) }
                        let w = try connection(.readWrite)
                        // Another terminal's write is waited for a moment, not 10 s.
                        w.setBusyTimeout(milliseconds: 1_000)
                        do {
                            try w.execute("INSERT INTO case_search (case_search) VALUES ('integrity-check')")
                            return (findings, .checked(nil))
                        } catch let e as DatabaseError where e.kind == .corrupt {
                            return (findings, .checked("chỉ mục tìm kiếm không khớp dữ liệu hồ sơ: \(e)"))
                        } catch let e as DatabaseError where e.kind == .busy {
                            return (findings, .busy)
                        }
                    })
            } catch {
                return .failure(error)
            }
        }
        func reportChain() {
            progress?(.chain, chainCounter.done.load(ordering: .relaxed), chainCounter.total.load(ordering: .relaxed))
        }
        // Waits for a pass on another thread, reporting progress every 0.1 s while it runs.
        func wait<T>(_ thread: BackgroundThread<T>, reporting report: () -> Void) -> T {
            if progress != nil {
                while !thread.isFinished {
                    report()
                    SystemClock.sleep(milliseconds: 100)
                }
            }
            return thread.join()
        }

        // The cases on this thread; the other threads are waited for even when this pass fails.
        var fromCases: [String] = []
        let local: Result<Void, StoreError>
        do throws(StoreError) {
            try storeCall {
                try checkCases(
                    now: now, add: { fromCases.append($0) },
                    progress: progress == nil
                        ? nil
                        : { pass, done, total in
                            reportChain()
                            progress?(pass, done, total)
                        })
            }
            local = .success(())
        } catch {
            local = .failure(error)
        }
        let chainResult = wait(chain, reporting: reportChain)
        reportChain()
        let integrityResult = wait(integrity) { progress?(.integrity, 0, 1) }
        progress?(.integrity, 1, 1)

        // In the order of the old single pass: SQLite's verdict and foreign keys, the search index, the
        // counters and the chain, the cases.
        func isDamage(_ e: StoreError) -> Bool {
            if case .database(let d) = e { return d.meansDamage }
            return false
        }
        func markDamage(_ e: StoreError) {
            if case .database(let d) = e {
                Store.markDamaged(path: path, detail: "SQLite báo tệp hỏng khi \(d.operation.lowercased())")
            }
        }
        let sqlite: SQLiteVerdict
        switch integrityResult {
        case .success(let v): sqlite = v
        case .failure(let e):
            if isDamage(e) { markDamage(e) }
            throw e
        }
        let damaged = sqlite.lines != ["ok"]
        var findings: [String] = []
        if damaged {
            findings += sqlite.lines.prefix(20).map { "integrity_check: \($0)" }
            Store.markDamaged(path: path, detail: "integrity_check: " + sqlite.lines.prefix(3).joined(separator: "; "))
            damage = Store.damageRecorded(path: path)
        } else if damage != nil {
            clearDamage()
            note?("integrity_check: tệp nguyên vẹn; đã gỡ dấu \"hư hỏng\", chương trình ghi lại được")
        }
        findings += sqlite.foreignKeys
        let searchIndex: SearchIndexCheck
        switch chainResult {
        case .success(let r): searchIndex = damaged ? .notChecked : r.searchIndex
        case .failure: searchIndex = .notChecked
        }
        switch searchIndex {
        case .notChecked:
            // FTS5's own check is an INSERT (that writes nothing): it needs a file the program may write, and
            // is not run on a file known to be damaged.
            note?(
                "tệp \(isReadOnly ? "chỉ đọc được" : damaged ? "hỏng" : "được mở chỉ để đọc (đã bị đánh dấu hư hỏng)"): bỏ qua kiểm tra chỉ mục tìm kiếm (cần quyền ghi), kiểm tra mọi phần còn lại"
            )
        case .busy:
            note?("máy khác đang ghi: bỏ qua kiểm tra chỉ mục tìm kiếm (chạy lại khi rảnh để kiểm tra cả phần này)")
        case .checked(let finding):
            if let finding { findings.append(finding) }
        }
        // A pass stopped by damage SQLite has just described says so after the description; any other
        // failure is the answer (damage found only there is recorded as such).
        for (result, what) in [(chainResult.map(\.findings), "chuỗi lịch sử"), (local.map { fromCases }, "từng hồ sơ")]
        {
            switch result {
            case .success(let lines): findings += lines
            case .failure(let e) where damaged && isDamage(e):
                findings.append("kiểm tra \(what) dừng lại vì tệp hỏng (\(e))")
            case .failure(let e):
                if isDamage(e) { markDamage(e) }
                throw e
            }
        }
        return findings.map(CheckFinding.init(message:))
    }

    /// Ledger numbers 1…N per year without a gap, and counters (ledger, case codes) ahead of every number used.
    static func checkCounters(_ db: Database, add: (String) -> Void) throws {
        let ledgers = try db.rows(
            "SELECT ledger_year, count(*), max(ledger_number) FROM cases GROUP BY ledger_year"
        ) { ($0.int(0), $0.int(1), $0.int(2)) }
        for (year, count, maxNumber) in ledgers {
            if count != maxNumber {
                add("sổ năm \(year): \(count) hồ sơ nhưng số vào sổ lớn nhất là \(maxNumber) (thiếu số)")
            }
            let counter = try db.scalarInt("SELECT last_number FROM ledger_counters WHERE year = ?", year) ?? 0
            if counter < maxNumber { add("bộ đếm sổ năm \(year) (\(counter)) nhỏ hơn số đã dùng (\(maxNumber))") }
        }
        // Case codes per unit and day ("UNIT-YYMMDD-NNNN"), counted in one pass over the codes' index (one
        // LIKE count per day's counter read every code 2,470 times on the bench's file: six minutes).
        var used: [String: Int] = [:]
        try db.forEach("SELECT code FROM cases") { r in
            let code = r.text(0).utf8
            guard let last = code.lastIndex(of: 0x2D), let day = code[..<last].lastIndex(of: 0x2D),
                let unit = String(code[..<day]), let date = String(code[code.index(after: day)..<last])
            else { return true }
            used[unit + "\u{1F}" + date, default: 0] += 1
            return true
        }
        let codeCounters = try db.rows("SELECT unit_code, day, last_sequence FROM case_code_counters") {
            ($0.text(0), $0.text(1), $0.int(2))
        }
        for (unit, day, last) in codeCounters {
            let count = used[unit + "\u{1F}" + day] ?? 0
            if count > last {
                add("bộ đếm mã hồ sơ ngày \(day) (\(last)) nhỏ hơn số hồ sơ đã cấp mã (\(count))")
            }
        }
    }
}

/// What SQLite's own checks said (on their thread).
struct SQLiteVerdict: Sendable {
    var lines: [String] = []
    var foreignKeys: [String] = []
}

/// What became of the search index's own check.
enum SearchIndexCheck: Sendable {
    /// The file may not be written (read-only, marked damaged) or SQLite found damage.
    case notChecked
    /// Another terminal held the write lock the check needs.
    case busy
    /// Checked: the finding when the index does not match the cases.
    case checked(String?)
}
