internal import CSQLite
import MotCuaCore
import MotCuaSystem

/// Why the store refused or failed. Messages are Vietnamese and never contain citizens' data.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case database(DatabaseError)
    case system(SystemError)
    /// No database at the path.
    case notFound(path: String)
    /// A database already exists where one was to be created.
    case alreadyExists(path: String)
    /// The file is not a motcua database (another program's file, an empty file, garbage).
    case notMotcuaDatabase(path: String)
    /// The file is a motcua database but damaged.
    case corrupt(path: String, detail: String)
    /// Written by a newer motcua: this program does not know its schema.
    case newerSchema(path: String, found: Int, supported: Int)
    /// A check found the file damaged: nothing is written until an administrator restores or repairs it.
    case damaged(path: String, detail: String)
    /// The file or its folder may not be written by this user (or is on read-only media).
    case readOnlyFile(path: String)
    /// An output path that must not be written (the database itself, a backup, a symbolic link…).
    case output(OutputRefusal)
    /// Input that does not satisfy the rules (Vietnamese, names the field).
    case invalid(String)
    /// An action refused by the lifecycle or the officer's role.
    case refused(String)
    /// A record that does not exist (case code, procedure code, username).
    case missing(String)

    public var description: String {
        switch self {
        case .database(let e):
            return e.description
        case .system(let e):
            return e.description
        case .notFound(let path):
            return "Không có cơ sở dữ liệu tại \(path). Tạo mới bằng: motcua init --db \(path)"
        case .alreadyExists(let path):
            return "Đã có tệp tại \(path); không ghi đè."
        case .notMotcuaDatabase(let path):
            return
                "Tệp \(path) không phải cơ sở dữ liệu motcua (hoặc phần đầu tệp đã hỏng). Chương trình không mở và không sửa tệp này."
        case let .corrupt(path, detail):
            return
                "Cơ sở dữ liệu \(path) bị hỏng (\(detail)). Chương trình không ghi gì vào tệp; hãy khôi phục từ bản sao lưu gần nhất."
        case let .newerSchema(path, found, supported):
            return
                "Cơ sở dữ liệu \(path) được tạo bởi phiên bản motcua mới hơn (lược đồ \(found), chương trình này hiểu đến \(supported)). Hãy cập nhật chương trình; tệp không bị thay đổi."
        case let .damaged(path, detail):
            return
                "Cơ sở dữ liệu \(path) đã được phát hiện hư hỏng (\(detail)): chương trình không ghi thêm gì vào tệp. Quản trị viên cần khôi phục bản sao lưu tốt gần nhất (motcua restore) hoặc sửa tệp rồi chạy motcua check."
        case .output(let refusal):
            return refusal.description
        case .readOnlyFile(let path):
            return
                "Cơ sở dữ liệu \(path) chỉ đọc được (không có quyền ghi vào tệp hoặc thư mục của nó): chỉ xem, không ghi được."
        case .invalid(let m), .refused(let m), .missing(let m):
            return m
        }
    }

    /// True when retrying later may succeed (busy database, full disk after freeing space).
    public var isRetryable: Bool {
        if case .database(let e) = self { return e.kind == .busy || e.kind == .diskFull }
        if case .system(let e) = self { return e.isDiskFull }
        return false
    }
}

/// Wraps a throwing body's errors into `StoreError`.
func storeCall<T>(_ body: () throws -> T) throws(StoreError) -> T {
    do {
        return try body()
    } catch let e as StoreError {
        throw e
    } catch let e as DatabaseError {
        throw StoreError.database(e)
    } catch let e as SystemError {
        throw StoreError.system(e)
    } catch {
        throw StoreError.invalid("\(error)")
    }
}

/// The motcua database: one SQLite file holding the catalogue, every case and its history.
public final class Store {
    let db: Database
    public var path: String { db.path }
    /// The connection itself, for the benchmark's bulk generator only (writes rows without the rules).
    @_spi(Benchmark) public var rawDatabase: Database { db }
    /// The file (or its folder) cannot be written: everything reads, nothing writes.
    public let isReadOnly: Bool
    /// Why the file is known to be damaged (a check found it, or SQLite reported it), or nil. A damaged
    /// file is never written: every write is refused until an administrator restores or repairs it.
    public internal(set) var damage: String?
    /// The connection was opened for reading only (read-only file, or damaged when opened).
    let connectionIsReadOnly: Bool

    /// The file had to be read without its write-ahead log (a read-only folder where SQLite cannot create the
    /// -shm) while that log still holds changes: the latest changes are not seen.
    public var ignoresPendingLog: Bool {
        db.access == .immutable && (FileSystem.size(path + "-wal") ?? 0) > 0
    }

    /// Busy timeout: how long a writer waits for another process's write to finish.
    public static let busyTimeoutMilliseconds: Int32 = 10_000
    /// Files up to this size are integrity-checked (`PRAGMA quick_check`) every time they are opened
    /// (about 0.7 s for 37 MiB on the test machine); larger files by `motcua check` and by each backup's
    /// full check of its copy.
    public static let quickCheckLimitBytes = 64 * 1024 * 1024

    private init(db: Database, isReadOnly: Bool, damage: String?) {
        self.db = db
        self.isReadOnly = isReadOnly
        self.damage = damage
        self.connectionIsReadOnly = isReadOnly || damage != nil
        let path = db.path
        db.onCorruption = { [weak self] error in
            let detail = "SQLite báo tệp hỏng khi \(error.operation.lowercased())"
            Store.markDamaged(path: path, detail: detail)
            self?.damage = detail
        }
    }

    // MARK: Opening

    public struct OpenOptions: Sendable {
        /// Run `PRAGMA quick_check` on open (files up to `quickCheckLimitBytes`).
        public var quickCheck: Bool
        /// How long a writer waits for another process's write before giving up (busy error).
        public var busyTimeoutMilliseconds: Int32
        /// Open for reading only, even a file this user may write.
        public var readOnly: Bool
        public init(
            quickCheck: Bool = true, busyTimeoutMilliseconds: Int32 = Store.busyTimeoutMilliseconds,
            readOnly: Bool = false
        ) {
            self.quickCheck = quickCheck
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
            self.readOnly = readOnly
        }
    }

    /// Opens an existing motcua database, refusing (and leaving untouched) anything else: a missing file, a
    /// file that is not SQLite or not motcua's, a newer schema, a damaged file. Applies pending migrations.
    /// Opening never takes the write lock unless a migration is due, so readers never wait for a writer.
    /// A file marked damaged, or one the program may not write, is opened for reading only.
    public static func open(path: String, options: OpenOptions = OpenOptions()) throws(StoreError) -> Store {
        guard FileSystem.exists(path) else { throw .notFound(path: path) }
        guard !FileSystem.isDirectory(path) else { throw .notMotcuaDatabase(path: path) }
        try validateHeader(path: path)
        let damage = damageRecorded(path: path)
        let readOnly =
            options.readOnly || !FileSystem.isWritable(path) || !FileSystem.isWritable(FileSystem.directoryName(path))
        let db: Database
        do {
            db = try Database(path: path, create: false, access: readOnly || damage != nil ? .readOnly : .readWrite)
        } catch {
            throw classify(error, path: path)
        }
        var store = Store(db: db, isReadOnly: readOnly, damage: damage)
        do {
            try store.configure(path: path)
        } catch let first {
            // A WAL file on a read-only folder: SQLite cannot create the -shm it needs to read. Read the file
            // as immutable instead (nothing can be writing it: nobody may).
            guard readOnly, case .database(let e) = first, e.kind == .cannotOpen || e.kind == .readOnly else {
                throw first
            }
            do {
                db.onCorruption = nil;
                store = Store(
                    db: try Database(path: path, create: false, access: .immutable),
                    isReadOnly: true, damage: damage)
            } catch {
                throw classify(error, path: path)
            }
            try store.configure(path: path)
        }
        store.db.setBusyTimeout(milliseconds: options.busyTimeoutMilliseconds)
        if options.quickCheck, damage == nil, let size = FileSystem.size(path), size <= quickCheckLimitBytes {
            try store.quickCheck()
        }
        try store.migrate()
        return store
    }

    /// Creates a new database at `path` (mode 0600, parent folders 0700), migrates it and runs `seed` on
    /// it, then publishes it atomically: the file appears complete or not at all, and an existing file is
    /// never overwritten.
    public static func create(path: String, seed: (Store) throws -> Void) throws(StoreError) -> Store {
        if FileSystem.exists(path) || FileSystem.isSymbolicLink(path) { throw .alreadyExists(path: path) }
        let directory = FileSystem.directoryName(path)
        do { try FileSystem.makeDirectories(directory, mode: 0o700) } catch { throw .system(error) }
        let temporary = "\(path).creating-\(CurrentProcess.id)"
        func cleanUp() {
            for suffix in [""] + ProtectedFiles.companionSuffixes { FileSystem.remove(temporary + suffix) }
        }
        cleanUp()
        // Create the file ourselves so that it is private from its first byte, whatever the umask.
        do { try FileSystem.createEmptyPrivateFile(temporary) } catch { throw .system(error) }
        do {
            try storeCall {
                let db = try Database(path: temporary, create: false)
                let store = Store(db: db, isReadOnly: false, damage: nil)
                try store.configure(path: temporary)
                try store.migrate()
                try seed(store)
                // Leave rollback mode for the copy, so that no -wal file is needed when it is renamed.
                try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            cleanUp()
            throw error
        }
        // The connection is closed; publish without ever replacing an existing file.
        do {
            try FileSystem.linkNew(temporary, to: path)
        } catch {
            cleanUp()
            if error.isAlreadyExists { throw .alreadyExists(path: path) }
            throw .system(error)
        }
        cleanUp()
        FileSystem.syncDirectory(containing: path)
        return try open(path: path)
    }

    // MARK: Damage

    /// The file beside a database that records that it was found damaged (survives restarts and is seen by
    /// every terminal).
    public static func damageMarkerPath(_ databasePath: String) -> String {
        databasePath + ProtectedFiles.damageSuffix
    }

    /// Why the database at `path` was found damaged, or nil.
    public static func damageRecorded(path: String) -> String? {
        let marker = damageMarkerPath(path)
        guard FileSystem.exists(marker) else { return nil }
        let text = (try? FileSystem.readText(marker)) ?? ""
        return text.isEmpty ? "đã phát hiện hư hỏng" : String(text.prefix(500)).trimmingSpaces
    }

    /// Records that the database at `path` is damaged (first finding kept).
    static func markDamaged(path: String, detail: String) {
        let marker = damageMarkerPath(path)
        guard !FileSystem.exists(marker) else { return }
        try? FileSystem.writeNew(marker, bytes: Array((detail + "\n").utf8))
    }

    /// Clears the damage record after a full check found the file sound again (an administrator restored
    /// or repaired it).
    func clearDamage() {
        FileSystem.remove(Store.damageMarkerPath(path))
        damage = nil
    }

    /// Checks the 100-byte SQLite header without SQLite: magic, application id, schema version.
    static func validateHeader(path: String) throws(StoreError) {
        var header: [UInt8] = []
        // A file being created by another process may be empty for a moment.
        for attempt in 0..<20 {
            do { header = try FileSystem.readPrefix(path, count: 100) } catch { throw .system(error) }
            if header.count == 100 || attempt == 19 { break }
            SystemClock.sleep(milliseconds: 100)
        }
        guard header.count == 100, header.starts(with: Array("SQLite format 3".utf8) + [0]) else {
            throw .notMotcuaDatabase(path: path)
        }
        func int32(at offset: Int) -> Int32 {
            Int32(
                bitPattern: UInt32(header[offset]) << 24 | UInt32(header[offset + 1]) << 16
                    | UInt32(header[offset + 2]) << 8 | UInt32(header[offset + 3]))
        }
        guard int32(at: 68) == Schema.applicationID else { throw .notMotcuaDatabase(path: path) }
        let version = Int(int32(at: 60))
        if version > Schema.currentVersion {
            throw .newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
    }

    static func classify(_ error: DatabaseError, path: String) -> StoreError {
        switch error.kind {
        case .notADatabase: return .notMotcuaDatabase(path: path)
        case .corrupt: return .corrupt(path: path, detail: error.message)
        default: return .database(error)
        }
    }

    private func configure(path: String) throws(StoreError) {
        do {
            db.setBusyTimeout(milliseconds: Store.busyTimeoutMilliseconds)
            // Reading the schema first: a damaged file fails here, before anything is written.
            _ = try db.scalarInt("SELECT count(*) FROM sqlite_schema")
            try db.execute("PRAGMA foreign_keys = ON")
            // A printed receipt must never outlive its record: full fsync at every commit.
            try db.execute("PRAGMA synchronous = FULL")
            if !isReadOnly && damage == nil {
                db.persistWAL()
                if try db.scalarText("PRAGMA journal_mode") != "wal" {
                    _ = try db.scalarText("PRAGMA journal_mode = WAL")
                }
            }
        } catch {
            throw Store.classify(error, path: path)
        }
    }

    /// `PRAGMA quick_check`: refuses a damaged file before anything writes to it.
    func quickCheck() throws(StoreError) {
        do {
            let results = try db.rows("PRAGMA quick_check") { $0.text(0) }
            if results != ["ok"] {
                let detail = results.prefix(3).joined(separator: "; ")
                Store.markDamaged(path: path, detail: "quick_check: \(detail)")
                throw StoreError.corrupt(path: path, detail: detail)
            }
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw Store.classify(e, path: path)
        } catch {
            throw .corrupt(path: path, detail: "\(error)")
        }
    }

    /// The schema version recorded in the file (`PRAGMA user_version`): a read, no lock.
    func schemaVersion() throws(StoreError) -> Int {
        try storeCall { Int(try db.scalarInt("PRAGMA user_version") ?? 0) }
    }

    /// Applies pending migrations, each in its own transaction, recording its number. Checked with a read
    /// first: the write lock is taken only when a migration is due, so opening never waits for a writer.
    func migrate() throws(StoreError) {
        let found = try schemaVersion()
        if found > Schema.currentVersion {
            throw .newerSchema(path: path, found: found, supported: Schema.currentVersion)
        }
        guard found < Schema.currentVersion else { return }
        if let damage { throw .damaged(path: path, detail: damage) }
        if isReadOnly { throw .readOnlyFile(path: path) }
        try storeCall {
            try db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT"
            )
            for migration in Schema.migrations where migration.version > found {
                try db.write {
                    // Re-read inside the write lock: another process may have migrated meanwhile.
                    let applied =
                        try db.scalarInt("SELECT count(*) FROM schema_migrations WHERE version = ?", migration.version)
                        ?? 0
                    guard applied == 0 else { return }
                    try db.execute(migration.sql)
                    try migration.finish?(db)
                    try db.run(
                        "INSERT INTO schema_migrations (version, summary, applied_at) VALUES (?, ?, unixepoch())",
                        migration.version, migration.summary)
                    try db.execute("PRAGMA user_version = \(migration.version)")
                    try db.execute("PRAGMA application_id = \(Schema.applicationID)")
                }
            }
        }
        // A migration that rebuilds an index writes tens of megabytes to the WAL, which is kept between runs
        // (persistWAL): every later process would read it all again to rebuild the WAL index and copy it back
        // at close. Emptied once here (best effort: another reader may hold it; the normal checkpoints follow).
        try? db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Applied migration numbers, in order.
    public func appliedMigrations() throws(StoreError) -> [Int] {
        try storeCall { try db.rows("SELECT version FROM schema_migrations ORDER BY version") { $0.int(0) } }
    }

    // MARK: Settings

    public func setting(_ key: String) throws(StoreError) -> String? {
        try storeCall { try db.scalarText("SELECT value FROM settings WHERE key = ?", key) }
    }

    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try write {
            try db.run(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                key, value)
        }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), rolled back if it throws. Refused on a
    /// file found damaged or one the program may not write.
    public func write<T>(_ body: () throws -> T) throws(StoreError) -> T {
        if let damage { throw .damaged(path: path, detail: damage) }
        if isReadOnly { throw .readOnlyFile(path: path) }
        return try storeCall { try db.write(body) }
    }

    /// Runs `body` in one read transaction: a consistent snapshot while other processes write.
    func read<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try storeCall { try db.read(body) }
    }

    /// Runs `body` on one snapshot of the file: everything it reads is as of one moment, even while other
    /// terminals write (for a report read twice, once to lay out its pages and once to write them).
    public func snapshot<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try read(body)
    }
}
