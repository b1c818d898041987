#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed operating-system call, with the path it concerned and `errno`. Its message is Vietnamese.
public struct SystemError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let path: String
    public let code: Int32

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var isDiskFull: Bool { code == ENOSPC || code == EDQUOT || code == EFBIG }
    /// The name was already taken (a link or an exclusive create lost the race).
    public var isAlreadyExists: Bool { code == EEXIST }

    /// A folder that does not exist.
    public static func missingFolder(_ path: String) -> SystemError {
        SystemError(operation: "Không có thư mục", path: path, code: ENOENT)
    }

    /// What went wrong, in Vietnamese.
    public var reason: String { SystemError.vietnamese(errno: code) }

    public var description: String { "\(operation) \(path): \(reason)" }

    public static func vietnamese(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "không tồn tại"
        case EACCES, EPERM: return "không có quyền truy cập"
        case ENOSPC, EDQUOT: return "ổ đĩa đã đầy"
        case EFBIG: return "tệp vượt quá kích thước cho phép"
        case EROFS: return "ổ đĩa chỉ cho phép đọc"
        case EISDIR: return "là một thư mục, không phải tệp"
        case ENOTDIR: return "một phần của đường dẫn không phải thư mục"
        case EEXIST: return "đã tồn tại"
        case EIO: return "lỗi đọc/ghi thiết bị"
        case ENAMETOOLONG: return "đường dẫn quá dài"
        default:
            if let s = strerror(code) { return "lỗi hệ thống \(code) (\(String(cString: s)))" }
            return "lỗi hệ thống \(code)"
        }
    }
}

public enum FileSystem {
    /// Reads a whole file.
    public static func readBytes(_ path: String) throws(SystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(operation: "Không đọc được", path: path, code: errno) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            throw SystemError(operation: "Không đọc được", path: path, code: EISDIR)
        }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError(operation: "Không đọc được", path: path, code: errno)
            }
            if n == 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    /// Everything on standard input (file descriptor 0, as it was given: opening /dev/stdin fails for another
    /// user's pipe, e.g. under `sudo -u`). Empty when stdin is closed or unreadable.
    public static func readStandardInput() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            result.append(contentsOf: buffer[0..<n])
        }
        return result
    }

    /// The first `count` bytes of a file (fewer when it is shorter), e.g. to recognise a database by its header.
    public static func readPrefix(_ path: String, count: Int) throws(SystemError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(operation: "Không đọc được", path: path, code: errno) }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        guard n >= 0 else { throw SystemError(operation: "Không đọc được", path: path, code: errno) }
        return Array(buffer[0..<n])
    }

    /// Reads a UTF-8 text file; invalid UTF-8 is reported as an error (EILSEQ).
    public static func readText(_ path: String) throws(SystemError) -> String {
        let bytes = try readBytes(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SystemError(operation: "Tệp không phải văn bản UTF-8:", path: path, code: EILSEQ)
        }
        return text
    }

    /// Writes a file so that a power cut leaves either the old or the new content: a temporary file in the
    /// same folder, fsync, rename, fsync of the folder. `mode` applies to a new file.
    public static func writeAtomically(_ path: String, bytes: [UInt8], mode: mode_t = 0o644) throws(SystemError) {
        let temp = path + ".tmp-\(getpid())"
        unlink(temp)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError(operation: "Không ghi được", path: path, code: errno) }
        var failure: Int32 = 0
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += n
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw SystemError(operation: "Không ghi được", path: path, code: failure)
        }
        syncDirectory(containing: path)
    }

    public static func writeAtomically(_ path: String, text: String, mode: mode_t = 0o644) throws(SystemError) {
        try writeAtomically(path, bytes: Array(text.utf8), mode: mode)
    }

    public static func syncDirectory(containing path: String) {
        let dir = directoryName(path)
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Size in bytes, or nil when the file does not exist.
    public static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }

    /// Permission bits of a file (e.g. 0o600), or nil when it does not exist.
    public static func permissions(_ path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : nil
    }

    /// Creates a directory and its missing parents (like `mkdir -p`).
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(SystemError) {
        if isDirectory(path) { return }
        let parent = directoryName(path)
        if parent != path, parent != ".", parent != "/", !isDirectory(parent) {
            try makeDirectories(parent, mode: mode)
        }
        if mkdir(path, mode) != 0 && errno != EEXIST {
            throw SystemError(operation: "Không tạo được thư mục", path: path, code: errno)
        }
    }

    public static func remove(_ path: String) {
        unlink(path)
    }

    /// Names in a directory (without "." and ".."), sorted.
    public static func list(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else {
            throw SystemError(operation: "Không đọc được thư mục", path: path, code: errno)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Makes `path` absolute against the current directory.
    public static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let raw = getcwd(nil, 0) else { return path }
        defer { free(raw) }
        let cwd = String(cString: raw)
        return cwd == "/" ? "/" + path : cwd + "/" + path
    }

    /// A new private temporary directory (mode 0700) under `directory`, else `$TMPDIR`, else /tmp.
    public static func makeTemporaryDirectory(prefix: String = "motcua", in directory: String? = nil)
        throws(SystemError) -> String
    {
        let base = directory ?? Environment.get("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/\(prefix).XXXXXX".utf8CString)
        guard let result = mkdtemp(&template) else {
            throw SystemError(operation: "Không tạo được thư mục tạm", path: base, code: errno)
        }
        return String(cString: result)
    }

    /// Removes a directory tree (used by tests and benchmarks for their temporary folders).
    public static func removeTree(_ path: String) {
        if isDirectory(path), let names = try? list(path) {
            for name in names { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

public enum Environment {
    public static func get(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The user's data directory for motcua: `$XDG_DATA_HOME/motcua`, else `~/.local/share/motcua`, as the
    /// given environment (the process's by default) says.
    public static func dataDirectory(environment: (String) -> String? = { get($0) }) -> String {
        if let xdg = environment("XDG_DATA_HOME"), xdg.hasPrefix("/") { return xdg + "/motcua" }
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? homeDirectory()
        return home + "/.local/share/motcua"
    }

    public static func homeDirectory() -> String {
        if let home = get("HOME"), !home.isEmpty { return home }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/tmp"
    }

    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}

extension FileSystem {
    /// Creates an empty file that must not exist yet, private (0600) from its first byte whatever the umask,
    /// never through a symbolic link.
    public static func createEmptyPrivateFile(_ path: String) throws(SystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemError(operation: "Không tạo được", path: path, code: errno) }
        close(fd)
    }

    /// Gives the file at `source` a second name `target`, failing with EEXIST if `target` exists (a file,
    /// a folder or a symbolic link, dangling or not): the atomic "publish without replacing".
    public static func linkNew(_ source: String, to target: String) throws(SystemError) {
        guard link(source, target) == 0 else {
            throw SystemError(operation: "Không tạo được", path: target, code: errno)
        }
    }

    /// Renames `source` to `target`, replacing what is there (atomic on one file system).
    public static func move(_ source: String, to target: String) throws(SystemError) {
        guard rename(source, target) == 0 else {
            throw SystemError(operation: "Không đổi tên được", path: target, code: errno)
        }
    }

    /// True when this process may write the file or folder.
    public static func isWritable(_ path: String) -> Bool { access(path, W_OK) == 0 }
}

/// This process.
public enum CurrentProcess {
    public static var id: Int32 { getpid() }

    /// The operating-system user running the program (login name), for the audit trail.
    public static var userName: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}

extension FileSystem {
    /// Flushes a file's data to the disk.
    public static func syncFile(_ path: String) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(operation: "Không ghi được", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SystemError(operation: "Không ghi được", path: path, code: errno) }
    }
}

extension FileSystem {
    /// Creates a new file of `bytes` bytes whose blocks are really allocated on the disk (`posix_fallocate`),
    /// so that deleting it later gives that space back. Fails if the file exists.
    public static func allocateNew(_ path: String, bytes: Int64) throws(SystemError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemError(operation: "Không tạo được", path: path, code: errno) }
        let rc = posix_fallocate(fd, 0, off_t(bytes))
        close(fd)
        if rc != 0 {
            unlink(path)
            throw SystemError(operation: "Không tạo được", path: path, code: rc)
        }
    }
}

/// The controlling terminal, for questions that must not come from a pipe.
public enum Terminal {
    /// Asks for a password on /dev/tty with echo off; nil when there is no terminal.
    public static func readPassword(prompt: String) -> String? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        _ = tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            _ = tcsetattr(fd, TCSAFLUSH, &saved)
            _ = write(fd, "\n", 1)
        }
        let bytes = Array(prompt.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(fd, &byte, 1) == 1 {
            if byte == 10 || byte == 13 { break }
            line.append(byte)
            if line.count > 4096 { break }
        }
        return String(decoding: line, as: UTF8.self)
    }

    /// The name of the terminal on stdin ("/dev/pts/3"), or the SSH client's address, for the login log.
    public static var name: String {
        if let ssh = Environment.get("SSH_CLIENT"), let address = ssh.split(separator: " ").first {
            return "ssh \(address)"
        }
        if let raw = ttyname(0) { return String(cString: raw) }
        return "không có terminal"
    }
}

/// A regular file read piece by piece (for inputs that may be large: memory does not grow with the file).
/// Refuses what is not a regular file (a folder, a device such as /dev/zero, a pipe that never ends).
public final class FileReader {
    public let path: String
    private let fd: Int32
    private var buffer: [UInt8]

    public init(path: String, chunkSize: Int = 65536) throws(SystemError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemError(operation: "Không đọc được", path: path, code: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw SystemError(operation: "Không phải tệp thường, không đọc:", path: path, code: EINVAL)
        }
        self.path = path
        self.fd = fd
        self.buffer = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    deinit { close(fd) }

    /// The next piece of the file, or nil at its end.
    public func next() throws(SystemError) -> [UInt8]? {
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemError(operation: "Không đọc được", path: path, code: errno)
            }
            return n == 0 ? nil : Array(buffer[0..<n])
        }
    }
}

extension FileSystem {
    /// The other processes that have `path` open (read from /proc: the program's own processes run as the
    /// same account, whose descriptors are readable). Empty when none, or when /proc cannot be read.
    public static func otherProcessesHolding(_ path: String) -> [Int32] {
        guard let target = FileIdentity(path: path), let entries = try? list("/proc") else { return [] }
        let me = getpid()
        var holders: [Int32] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != me, let fds = try? list("/proc/\(entry)/fd") else { continue }
            if fds.contains(where: { FileIdentity(path: "/proc/\(entry)/fd/\($0)") == target }) { holders.append(pid) }
        }
        return holders
    }

    /// Copies a file to a new name (created exclusively, never through a link), synced to disk.
    public static func copyNew(_ source: String, to target: String, mode: mode_t = 0o600) throws(SystemError) {
        let reader = try FileReader(path: source)
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemError(operation: "Không tạo được tệp", path: target, code: errno) }
        defer { close(fd) }
        while let chunk = try reader.next() {
            var offset = 0
            while offset < chunk.count {
                let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SystemError(operation: "Không ghi được", path: target, code: errno)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw SystemError(operation: "Không ghi được", path: target, code: errno) }
    }
}

extension FileSystem {
    /// Removable drives mounted where desktop systems mount them (/media/…, /run/media/…), from
    /// /proc/mounts, in mount order.
    public static func removableMounts(mountsFile: String = "/proc/mounts") -> [String] {
        guard let text = try? readText(mountsFile) else { return [] }
        return text.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ")
            guard fields.count >= 2 else { return nil }
            // Spaces and other characters in mount points are written as octal escapes (\040).
            var point = ""
            var chars = Array(fields[1])
            var i = 0
            while i < chars.count {
                if chars[i] == "\\", i + 3 < chars.count, let v = UInt8(String(chars[(i + 1)...(i + 3)]), radix: 8) {
                    point.append(Character(Unicode.Scalar(v)))
                    i += 4
                } else {
                    point.append(chars[i])
                    i += 1
                }
            }
            chars = []
            return point.hasPrefix("/media/") || point.hasPrefix("/run/media/") ? point : nil
        }
    }
}
