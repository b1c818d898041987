#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// A file's identity: the device and inode it lives on. Two paths name the same file (a hard link, a
/// symbolic link, "./x" and "x") exactly when their identities are equal.
public struct FileIdentity: Hashable, Sendable {
    public let device: UInt64
    public let inode: UInt64

    /// The identity of the file at `path` (following symbolic links), or nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}

/// Why a path may not receive a program's output. Messages are Vietnamese and name the path.
public enum OutputRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path is (or would be) the database, one of its companion files (-wal, -shm, -journal), or any
    /// SQLite file such as a backup: never written over, even with --force.
    case protectedFile(path: String, what: String)
    /// A file exists there and replacing it was not asked for.
    case exists(path: String)
    /// The last part of the path is a symbolic link (possibly dangling): the program never writes through one.
    case symbolicLink(path: String)
    /// Something that is not a regular file (a folder, a device, a pipe).
    case notRegularFile(path: String)
    /// The folder that should hold the file does not exist.
    case missingFolder(path: String)

    public var description: String {
        switch self {
        case let .protectedFile(path, what):
            "\(path) là \(what): không bao giờ ghi đè (chọn tệp khác)"
        case .exists(let path):
            "\(path) đã có: không ghi đè (thêm --force để thay thế tệp này)"
        case .symbolicLink(let path):
            "\(path) là liên kết tượng trưng (symlink): không ghi qua liên kết, hãy chỉ đường dẫn tới tệp thật"
        case .notRegularFile(let path):
            "\(path) không phải tệp thường (thư mục hoặc thiết bị): không ghi vào đó"
        case .missingFolder(let path):
            "không có thư mục \(path)"
        }
    }
}

/// The files a program output must never touch: the live database (and its companions) by identity and by
/// name, and any SQLite file by content.
public struct ProtectedFiles: Sendable {
    /// SQLite's companion files of a database.
    public static let companionSuffixes = ["-wal", "-shm", "-journal"]
    /// The program's own files beside a database: the disk-space reserve and the damage marker.
    public static let reserveSuffix = ".reserve"
    public static let damageSuffix = ".damaged"
    static let programSuffixes = [reserveSuffix, damageSuffix]

    let identities: Set<FileIdentity>
    let resolvedNames: Set<String>

    /// Protects the database at `databasePath` (nil: only SQLite files by their content).
    public init(databasePath: String?) {
        var identities = Set<FileIdentity>()
        var names = Set<String>()
        if let databasePath {
            for suffix in [""] + ProtectedFiles.companionSuffixes + ProtectedFiles.programSuffixes {
                let path = databasePath + suffix
                if let id = FileIdentity(path: path) { identities.insert(id) }
                if let resolved = FileSystem.resolvedName(path) { names.insert(resolved) }
            }
        }
        self.identities = identities
        self.resolvedNames = names
    }

    /// Why `path` may not be written, or nil when it may be (replacing an existing ordinary file only with
    /// `replace`).
    public func refusal(for path: String, replace: Bool) -> OutputRefusal? {
        var st = stat()
        if lstat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFLNK { return .symbolicLink(path: path) }
            if identities.contains(FileIdentity(st)) {
                return .protectedFile(path: path, what: "cơ sở dữ liệu đang dùng (hoặc tệp đi kèm của nó)")
            }
            if (st.st_mode & S_IFMT) != S_IFREG { return .notRegularFile(path: path) }
            if FileSystem.isSQLiteFile(path) {
                return .protectedFile(path: path, what: "một cơ sở dữ liệu SQLite (có thể là bản sao lưu)")
            }
            if !replace { return .exists(path: path) }
            return nil
        }
        // Nothing there yet: the name still must not become one of the database's files.
        if let resolved = FileSystem.resolvedName(path), resolvedNames.contains(resolved) {
            return .protectedFile(path: path, what: "tên tệp của cơ sở dữ liệu đang dùng")
        }
        let folder = FileSystem.directoryName(path)
        if !FileSystem.isDirectory(folder) { return .missingFolder(path: folder) }
        return nil
    }
}

/// A file written as a whole or not at all: the bytes go to a private temporary file beside the target
/// (created with `O_EXCL | O_NOFOLLOW`, mode 0600), which is synced and then given the final name — by a
/// hard link when nothing may be replaced (so a file that appeared meanwhile is never overwritten), by a
/// rename when replacing was asked for. Killed half-way, only the temporary name is left, never a part
/// file under the final name.
public final class OutputFile {
    public let path: String
    public let temporaryPath: String
    private let replace: Bool
    private let mode: mode_t
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    /// Bytes written so far.
    public private(set) var byteCount = 0

    private static let counter = Atomic<Int>(0)

    /// Checks the target against `protected` and opens the temporary file.
    public init(path: String, protected: ProtectedFiles, replace: Bool = false, mode: mode_t = 0o600) throws {
        if let refusal = protected.refusal(for: path, replace: replace) { throw refusal }
        self.path = path
        self.replace = replace
        self.mode = mode
        let n = OutputFile.counter.wrappingAdd(1, ordering: .relaxed).newValue
        let folder = FileSystem.directoryName(path)
        temporaryPath = "\(folder)/.\(FileSystem.baseName(path)).tmp-\(getpid())-\(n)"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemError(operation: "Không tạo được tệp", path: path, code: errno) }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Removes the temporary files a killed or interrupted writer of the same target left beside it
    /// (".NAME.tmp-PID-N", and "-staged" ones): private, but they may hold applicants' data. Only those of
    /// processes that no longer run are touched.
    /// (For a target named by hand, `--output`: the documents folder, where names never repeat, is not listed
    /// at each print.)
    public static func removeAbandoned(target path: String) {
        let folder = FileSystem.directoryName(path)
        let base = FileSystem.baseName(path)
        let prefix = ".\(base).tmp-"
        guard let names = try? FileSystem.list(folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let pid = Int32(rest.prefix { $0.isASCII && $0.isNumber }), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink("\(folder)/\(name)") }
        }
    }

    public func write(_ bytes: [UInt8]) throws(SystemError) {
        buffer.append(contentsOf: bytes)
        byteCount += bytes.count
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(_ text: String) throws(SystemError) { try write(Array(text.utf8)) }

    private func flush() throws(SystemError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError(operation: "Không ghi được", path: path, code: errno)
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Syncs the data and gives the file its final name.
    public func commit() throws {
        precondition(!finished, "OutputFile committed twice")
        do {
            try flush()
            if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
                throw SystemError(operation: "Không ghi được", path: path, code: errno)
            }
        } catch {
            abandon()
            throw error
        }
        close(fd)
        fd = -1
        finished = true
        defer { unlink(temporaryPath) }
        try publish(temporaryPath)
    }

    /// A staging file beside the target, for a writer that makes its own file (a workbook): a new name in
    /// the target's folder, not created yet.
    public var stagingPath: String { temporaryPath + "-staged" }

    /// Gives the file a writer completed at `stagingPath` (synced by that writer) the final name, with the
    /// same protections as `commit()`; this object's own temporary file is discarded.
    public func commit(staged: String) throws {
        precondition(!finished, "OutputFile committed twice")
        abandon()
        defer { unlink(staged) }
        guard chmod(staged, mode) == 0 else { throw SystemError(operation: "Không ghi được", path: path, code: errno) }
        try publish(staged)
    }

    /// Lets `write` make the file at `stagingPath`, then gives it the final name; when `write` (or naming)
    /// fails, the staging file is removed and the final name never touched.
    public func writeStaged<T>(_ write: (String) throws -> T) throws -> T {
        do {
            let result = try write(stagingPath)
            try commit(staged: stagingPath)
            return result
        } catch {
            if !finished { abandon() }
            unlink(stagingPath)
            throw error
        }
    }

    private func publish(_ temporaryPath: String) throws {
        if replace {
            // The target may have changed since the check: look again right before replacing it.
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK { throw OutputRefusal.symbolicLink(path: path) }
            if FileSystem.isSQLiteFile(path) {
                throw OutputRefusal.protectedFile(path: path, what: "một cơ sở dữ liệu SQLite")
            }
            guard rename(temporaryPath, path) == 0 else {
                throw SystemError(operation: "Không ghi được", path: path, code: errno)
            }
        } else {
            guard link(temporaryPath, path) == 0 else {
                if errno == EEXIST { throw OutputRefusal.exists(path: path) }
                throw SystemError(operation: "Không ghi được", path: path, code: errno)
            }
        }
        FileSystem.syncDirectory(containing: path)
    }

    /// Discards everything written; the final name is never touched.
    public func abandon() {
        if fd >= 0 { close(fd) }
        fd = -1
        finished = true
        unlink(temporaryPath)
    }
}

extension FileSystem {
    /// True when the file starts with SQLite's header ("SQLite format 3\0").
    public static func isSQLiteFile(_ path: String) -> Bool {
        let head = (try? readPrefix(path, count: 16)) ?? []
        return head == Array("SQLite format 3".utf8) + [0]
    }

    /// True when the last part of `path` is a symbolic link (dangling or not).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// The canonical path of an existing file or folder (symbolic links resolved), or nil.
    public static func realPath(_ path: String) -> String? {
        guard let raw = realpath(path, nil) else { return nil }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// The canonical name `path` has or would have: its folder resolved, its last part as given. Two paths
    /// with the same resolved name are the same file once created.
    public static func resolvedName(_ path: String) -> String? {
        guard let folder = realPath(directoryName(absolute(path))) else { return nil }
        return (folder == "/" ? "" : folder) + "/" + baseName(path)
    }

    /// Bytes free for an unprivileged user on the file system holding `path`.
    public static func freeBytes(_ path: String) -> Int64? {
        var s = statvfs()
        guard statvfs(path, &s) == 0 else { return nil }
        return Int64(s.f_bavail) * Int64(s.f_frsize)
    }

    /// Writes a new file that must not exist (`O_EXCL`, never through a symbolic link), whole or not at all.
    public static func writeNew(_ path: String, bytes: [UInt8], mode: mode_t = 0o600) throws {
        let file = try OutputFile(path: path, protected: ProtectedFiles(databasePath: nil), replace: false, mode: mode)
        try file.write(bytes)
        try file.commit()
    }
}
