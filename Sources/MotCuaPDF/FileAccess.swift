import Glibc

/// Whole-file reads with the C library (no Foundation).
public enum FileAccess {
    /// A file could not be read: the path and the C library's error number.
    public struct ReadError: Error, Sendable, Equatable {
        public let path: String
        public let code: Int32
        /// True when the file does not exist (ENOENT).
        public var notFound: Bool { code == ENOENT }
    }

    /// The bytes of the file at `path`. Files larger than `limit` bytes are refused (EFBIG).
    public static func read(_ path: String, limit: Int = 64 << 20) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError(path: path, code: EISDIR) }
        guard Int(info.st_size) <= limit else { throw ReadError(path: path, code: EFBIG) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, code: errno)
            }
            if n == 0 { break }
            out += chunk[0..<n]
            if out.count > limit { throw ReadError(path: path, code: EFBIG) }
        }
        return out
    }

    /// Whether a regular file exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The C library's message for an error number ("No such file or directory").
    public static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
