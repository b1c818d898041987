internal import CSQLite
import MotCuaCore
import MotCuaSystem
#if canImport(Glibc)
import Glibc
#endif

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
            return "Tệp \(path) không phải cơ sở dữ liệu motcua (hoặc phần đầu tệp đã hỏng). Chương trình không mở và không sửa tệp này."
        case let .corrupt(path, detail):
            return "Cơ sở dữ liệu \(path) bị hỏng (\(detail)). Chương trình không ghi gì vào tệp; hãy khôi phục từ bản sao lưu gần nhất."
        case let .newerSchema(path, found, supported):
            return "Cơ sở dữ liệu \(path) được tạo bởi phiên bản motcua mới hơn (lược đồ \(found), chương trình này hiểu đến \(supported)). Hãy cập nhật chương trình; tệp không bị thay đổi."
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
    public let db: Database
    public var path: String { db.path }

    /// Busy timeout: how long a writer waits for another process's write to finish.
    public static let busyTimeoutMilliseconds: Int32 = 10_000
    /// Files up to this size are integrity-checked (`PRAGMA quick_check`) every time they are opened
    /// (about 0.7 s for 37 MiB on the test machine); larger files by `motcua check` and after each backup.
    public static let quickCheckLimitBytes = 64 * 1024 * 1024

    private init(db: Database) { self.db = db }

    // MARK: Opening

    public struct OpenOptions: Sendable {
        /// Run `PRAGMA quick_check` on open (files up to `quickCheckLimitBytes`).
        public var quickCheck: Bool
        /// How long a writer waits for another process's write before giving up (busy error).
        public var busyTimeoutMilliseconds: Int32
        public init(quickCheck: Bool = true, busyTimeoutMilliseconds: Int32 = Store.busyTimeoutMilliseconds) {
            self.quickCheck = quickCheck
            self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        }
    }

    /// Opens an existing motcua database, refusing (and leaving untouched) anything else: a missing file, a
    /// file that is not SQLite or not motcua's, a newer schema, a damaged file. Applies pending migrations.
    public static func open(path: String, options: OpenOptions = OpenOptions()) throws(StoreError) -> Store {
        guard FileSystem.exists(path) else { throw .notFound(path: path) }
        try validateHeader(path: path)
        let db: Database
        do { db = try Database(path: path, create: false) } catch { throw classify(error, path: path) }
        let store = Store(db: db)
        try store.configure(path: path)
        db.setBusyTimeout(milliseconds: options.busyTimeoutMilliseconds)
        if options.quickCheck, let size = FileSystem.size(path), size <= quickCheckLimitBytes {
            try store.quickCheck()
        }
        try store.migrate()
        return store
    }

    /// Creates a new database at `path` (mode 0600, parent folders 0700), migrates it and runs `seed` on
    /// it, then publishes it atomically: the file appears complete or not at all, and an existing file is
    /// never overwritten.
    public static func create(path: String, seed: (Store) throws -> Void) throws(StoreError) -> Store {
        if FileSystem.exists(path) { throw .alreadyExists(path: path) }
        let directory = FileSystem.directoryName(path)
        do { try FileSystem.makeDirectories(directory, mode: 0o700) } catch { throw .system(error) }
        let temporary = "\(path).creating-\(getpid())"
        for suffix in ["", "-wal", "-shm", "-journal"] { FileSystem.remove(temporary + suffix) }
        // Create the file ourselves so that it is private from its first byte, whatever the umask.
        let fd = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .system(SystemError(operation: "Không tạo được", path: temporary, code: errno)) }
        close(fd)
        do {
            try storeCall {
                let db = try Database(path: temporary, create: false)
                let store = Store(db: db)
                try store.configure(path: temporary)
                try store.migrate()
                try seed(store)
                // Leave rollback mode for the copy, so that no -wal file is needed when it is renamed.
                try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { FileSystem.remove(temporary + suffix) }
            throw error
        }
        // The connection is closed; publish without ever replacing an existing file.
        if link(temporary, path) != 0 {
            let code = errno
            for suffix in ["", "-wal", "-shm", "-journal"] { FileSystem.remove(temporary + suffix) }
            if code == EEXIST { throw .alreadyExists(path: path) }
            throw .system(SystemError(operation: "Không tạo được", path: path, code: code))
        }
        for suffix in ["", "-wal", "-shm", "-journal"] { FileSystem.remove(temporary + suffix) }
        FileSystem.syncDirectory(containing: path)
        return try open(path: path)
    }

    /// Checks the 100-byte SQLite header without SQLite: magic, application id, schema version.
    static func validateHeader(path: String) throws(StoreError) {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(SystemError(operation: "Không đọc được", path: path, code: errno)) }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        var got = 0
        // A file being created by another process may be empty for a moment.
        for attempt in 0..<20 {
            got = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
            if got == 100 || attempt == 19 { break }
            usleep(100_000)
        }
        guard got == 100, header.starts(with: Array("SQLite format 3".utf8) + [0]) else {
            throw .notMotcuaDatabase(path: path)
        }
        func int32(at offset: Int) -> Int32 {
            Int32(bitPattern: UInt32(header[offset]) << 24 | UInt32(header[offset + 1]) << 16
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
            if try db.scalarText("PRAGMA journal_mode") != "wal" {
                _ = try db.scalarText("PRAGMA journal_mode = WAL")
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
                throw StoreError.corrupt(path: path, detail: results.prefix(3).joined(separator: "; "))
            }
        } catch let e as StoreError {
            throw e
        } catch let e as DatabaseError {
            throw Store.classify(e, path: path)
        } catch {
            throw .corrupt(path: path, detail: "\(error)")
        }
    }

    /// Applies pending migrations, each in its own transaction, recording its number.
    func migrate() throws(StoreError) {
        try storeCall {
            try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, summary TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT")
            for migration in Schema.migrations {
                try db.write {
                    // Re-read inside the write lock: another process may have migrated meanwhile.
                    let applied = try db.scalarInt("SELECT count(*) FROM schema_migrations WHERE version = ?", migration.version) ?? 0
                    guard applied == 0 else { return }
                    try db.execute(migration.sql)
                    try db.run("INSERT INTO schema_migrations (version, summary, applied_at) VALUES (?, ?, unixepoch())",
                               migration.version, migration.summary)
                    try db.execute("PRAGMA user_version = \(migration.version)")
                    try db.execute("PRAGMA application_id = \(Schema.applicationID)")
                }
            }
            let newest = try db.scalarInt("SELECT max(version) FROM schema_migrations") ?? 0
            if newest > Int64(Schema.currentVersion) {
                throw StoreError.newerSchema(path: path, found: Int(newest), supported: Schema.currentVersion)
            }
        }
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
        try storeCall {
            try db.write {
                try db.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
            }
        }
    }

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`), rolled back if it throws.
    public func write<T>(_ body: () throws -> T) throws(StoreError) -> T {
        try storeCall { try db.write(body) }
    }
}
