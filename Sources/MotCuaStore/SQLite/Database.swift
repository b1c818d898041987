internal import CSQLite

/// SQLite's "copy the bytes now" destructor (`SQLITE_TRANSIENT` does not import into Swift).
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value that can be bound to a statement parameter.
public enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int: SQLBindable { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { public var sqlValue: SQLValue { .real(self) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One connection to an SQLite file. Owns the handle; closes it when released.
///
/// Not thread-safe: one `Database` per thread (SQLite itself serialises processes through its locks).
public final class Database {
    let handle: OpaquePointer
    public let path: String
    /// How this connection was opened (a second connection to the same file opens the same way).
    let access: Access
    private var statementCache: [String: Statement] = [:]
    /// Called with every error saying the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB), wherever it
    /// happens: the store turns it into its "damaged: no more writes" state.
    var onCorruption: ((DatabaseError) -> Void)?

    /// How a connection may use the file.
    enum Access {
        case readWrite
        case readOnly
        /// Read-only without any locking or companion file (for a file on read-only media, where SQLite
        /// cannot create the -shm it needs): only safe when nothing else writes the file.
        case immutable
    }

    /// Opens an existing file (or creates it with `create`), without running any statement.
    /// Process-wide settings SQLite accepts only before it starts (the first connection starts it).
    private static let configured: Void = { _ = motcua_sqlite_disable_memory_statistics() }()

    init(path: String, create: Bool, access: Access = .readWrite) throws(DatabaseError) {
        Database.configured
        var db: OpaquePointer?
        var flags = access == .readWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY
        if create { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        if access == .immutable {
            flags |= SQLITE_OPEN_URI
            name = "file:" + Database.uriEscaped(path) + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let error = DatabaseError.from(code: rc, db: db, operation: "Mở cơ sở dữ liệu")
            sqlite3_close_v2(db)
            throw error
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
        self.path = path
        self.access = access
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ code: Int32, _ operation: String) -> DatabaseError {
        let e = DatabaseError.from(code: code, db: handle, operation: operation)
        // A full-text index that disagrees with its table (SQLITE_CORRUPT_VTAB) is a finding of `check`,
        // not damage to the file.
        if (e.kind == .corrupt && code != SQLITE_CORRUPT | (1 << 8)) || e.kind == .notADatabase { onCorruption?(e) }
        return e
    }

    /// A path as the path part of a `file:` URI (%-escaping what a URI gives a meaning to).
    static func uriEscaped(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0..<0x20, 0x7F...:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
            default:
                out += String(decoding: [byte], as: UTF8.self)
            }
        }
        return out
    }

    /// Keeps the -wal and -shm files when the last connection closes (SQLITE_FCNTL_PERSIST_WAL), so that a
    /// reader on a full disk never needs to create them.
    func persistWAL() {
        var one: Int32 = 1
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &one)
    }

    /// Runs SQL text without parameters (one or several statements).
    public func execute(_ sql: String) throws(DatabaseError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc, "Thực hiện lệnh SQL") }
    }

    /// A prepared statement (cached by SQL text, reset before reuse).
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        if let cached = statementCache[sql] {
            cached.reset()
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs a statement with parameters, ignoring any rows.
    public func run(_ sql: String, _ values: SQLBindable...) throws(DatabaseError) {
        let s = try prepare(sql)
        try s.bind(values)
        while try s.step() {}
    }

    /// All rows of a query, mapped.
    public func rows<T>(_ sql: String, _ values: [SQLBindable] = [], map: (Row) throws -> T) throws -> [T] {
        let s = try prepare(sql)
        try s.bind(values)
        var result: [T] = []
        do {
            while try s.step() { result.append(try map(Row(statement: s))) }
        } catch {
            s.reset()  // an unfinished statement would keep a read transaction open
            throw error
        }
        return result
    }

    /// Steps through a query's rows without collecting them (memory does not grow with the rows); `body`
    /// returns false to stop early. The statement is its own, not the cached one, so `body` may run other
    /// queries — even the same SQL — meanwhile.
    public func forEach(_ sql: String, _ values: [SQLBindable] = [], _ body: (Row) throws -> Bool) throws {
        let s = try Statement(database: self, sql: sql)
        try s.bind(values)
        while try s.step() {
            guard try body(Row(statement: s)) else { break }
        }
    }

    /// The first row of a query, mapped, or nil.
    public func row<T>(_ sql: String, _ values: [SQLBindable] = [], map: (Row) throws -> T) throws -> T? {
        let s = try prepare(sql)
        try s.bind(values)
        guard try s.step() else { return nil }
        defer { s.reset() }
        return try map(Row(statement: s))
    }

    /// A single integer (e.g. `SELECT count(*)`), or nil when there is no row or it is NULL.
    public func scalarInt(_ sql: String, _ values: SQLBindable...) throws(DatabaseError) -> Int64? {
        let s = try prepare(sql)
        try s.bind(values)
        guard try s.step() else { return nil }
        let v = s.isNull(0) ? nil : s.int64(0)
        s.reset()
        return v
    }

    public func scalarText(_ sql: String, _ values: SQLBindable...) throws(DatabaseError) -> String? {
        let s = try prepare(sql)
        try s.bind(values)
        guard try s.step() else { return nil }
        let v = s.isNull(0) ? nil : s.text(0)
        s.reset()
        return v
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Runs `body` in a write transaction started with `BEGIN IMMEDIATE` (so it waits for the write lock up
    /// front instead of failing later), committing when it returns and rolling back when it throws.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot, even while other processes write).
    public func read<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN DEFERRED")
        defer { if isInTransaction { try? execute("COMMIT") } }
        return try body()
    }
}

/// A prepared statement. Finalized when released.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database

    init(database: Database, sql: String) throws(DatabaseError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw database.error(rc, "Chuẩn bị lệnh SQL") }
        self.handle = stmt
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds values to parameters 1…n in order.
    public func bind(_ values: [SQLBindable]) throws(DatabaseError) {
        for (i, v) in values.enumerated() { try bind(v.sqlValue, at: Int32(i + 1)) }
    }

    public func bind(_ value: SQLValue, at index: Int32) throws(DatabaseError) {
        let rc: Int32
        switch value {
        case .null: rc = sqlite3_bind_null(handle, index)
        case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
        case .real(let v): rc = sqlite3_bind_double(handle, index, v)
        case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, sqliteTransient)
        case .blob(let v):
            rc = v.withUnsafeBytes {
                sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient)
            }
        }
        guard rc == SQLITE_OK else { throw database.error(rc, "Gắn tham số") }
    }

    /// Advances to the next row: true when a row is available, false when done.
    public func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            let error = database.error(rc, "Thực hiện lệnh SQL")
            sqlite3_reset(handle)
            throw error
        }
    }

    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
    }
    /// A column's bytes as text (an integer as its decimal digits), valid until the next step; nil for NULL.
    public func bytes(_ column: Int32) -> UnsafeRawBufferPointer? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        let p = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return UnsafeRawBufferPointer(start: p.map(UnsafeRawPointer.init), count: p == nil ? 0 : count)
    }
}

/// A row of a result, read by column index.
public struct Row {
    let statement: Statement

    public func int(_ i: Int32) -> Int { Int(statement.int64(i)) }
    public func int64(_ i: Int32) -> Int64 { statement.int64(i) }
    public func double(_ i: Int32) -> Double { statement.double(i) }
    public func bool(_ i: Int32) -> Bool { statement.int64(i) != 0 }
    public func text(_ i: Int32) -> String { statement.text(i) }
    public func optionalText(_ i: Int32) -> String? { statement.isNull(i) ? nil : statement.text(i) }
    public func optionalInt(_ i: Int32) -> Int? { statement.isNull(i) ? nil : Int(statement.int64(i)) }
    public func isNull(_ i: Int32) -> Bool { statement.isNull(i) }
    /// The column's bytes as text, valid only while this row is current; nil for NULL.
    public func bytes(_ i: Int32) -> UnsafeRawBufferPointer? { statement.bytes(i) }
}
