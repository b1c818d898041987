internal import CSQLite
import MotCuaSystem

/// A failed SQLite call, typed so callers can match the cases that matter at the counter.
///
/// Never contains bound values (they are citizens' data): only SQLite's result code, its generic message
/// (which names tables and constraints, not values) and the operation.
public struct DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// Another process holds the write lock longer than the busy timeout.
        case busy
        /// A constraint failed (unique, check, foreign key, not null).
        case constraint
        /// The file is damaged.
        case corrupt
        /// The file is not an SQLite database.
        case notADatabase
        /// The disk (or the file-size limit, or the database's page limit) is full.
        case diskFull
        /// The file or its folder cannot be written.
        case readOnly
        /// The file cannot be opened.
        case cannotOpen
        /// Any other I/O failure.
        case ioError
        case other
    }

    public let kind: Kind
    /// SQLite's extended result code.
    public let code: Int32
    /// SQLite's message (generic; no bound values).
    public let message: String
    /// What we were doing, e.g. "mở cơ sở dữ liệu".
    public let operation: String

    public init(kind: Kind, code: Int32, message: String, operation: String) {
        self.kind = kind
        self.code = code
        self.message = message
        self.operation = operation
    }

    public var description: String { "\(operation): \(vietnameseReason) [SQLite \(code): \(message)]" }

    /// The file is damaged or not a database at all.
    public var meansDamage: Bool { kind == .corrupt || kind == .notADatabase }

    /// What happened, for the officer.
    public var vietnameseReason: String {
        switch kind {
        case .busy: "cơ sở dữ liệu đang bận (máy khác đang ghi); hãy thử lại"
        case .constraint: "dữ liệu vi phạm ràng buộc của cơ sở dữ liệu"
        case .corrupt: "tệp cơ sở dữ liệu bị hỏng"
        case .notADatabase: "tệp không phải cơ sở dữ liệu SQLite"
        case .diskFull: "ổ đĩa đã đầy, không ghi được; hãy giải phóng chỗ trống rồi thử lại"
        case .readOnly: "không có quyền ghi vào tệp hoặc thư mục cơ sở dữ liệu"
        case .cannotOpen: "không mở được tệp cơ sở dữ liệu"
        case .ioError: "lỗi đọc/ghi đĩa"
        case .other: "lỗi cơ sở dữ liệu"
        }
    }

    static func from(code: Int32, db: OpaquePointer?, operation: String) -> DatabaseError {
        let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let primary = code & 0xff
        var kind: Kind
        switch primary {
        case SQLITE_BUSY, SQLITE_LOCKED: kind = .busy
        case SQLITE_CONSTRAINT: kind = .constraint
        case SQLITE_CORRUPT: kind = .corrupt
        case SQLITE_NOTADB: kind = .notADatabase
        case SQLITE_FULL: kind = .diskFull
        case SQLITE_READONLY, SQLITE_PERM: kind = .readOnly
        case SQLITE_CANTOPEN: kind = .cannotOpen
        case SQLITE_IOERR: kind = .ioError
        default: kind = .other
        }
        // A write refused by the OS for lack of space or a file-size limit surfaces as an I/O error.
        if kind == .ioError, let db {
            let errno = sqlite3_system_errno(db)
            if SystemError(operation: "", path: "", code: errno).isDiskFull { kind = .diskFull }
        }
        return DatabaseError(kind: kind, code: code, message: message, operation: operation)
    }
}
