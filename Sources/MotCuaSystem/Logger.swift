#if canImport(Glibc)
    import Glibc
#endif
import MotCuaCore

/// The program's log file (beside the database). One line per event with the local time. Callers never
/// write citizens' names or ID numbers into it: cases are named by code, officers by username.
public final class Logger {
    public let path: String
    private let fd: Int32

    /// Opens (or creates, mode 0600) the log for appending; nil when it cannot be written. Never through a
    /// symbolic link (`O_NOFOLLOW`): a link planted in the data folder must not make the program append to
    /// another file.
    public init?(path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// The file descriptor, for the fatal-signal handler that writes a last line before the process dies.
    public var fileDescriptor: Int32 { fd }

    public func write(_ message: String) {
        // Vietnam time, like every time the program records (the machine's TZ does not matter).
        let seconds = SystemClock.unixSeconds()
        let stamp = "\(LocalDateTime(unixSeconds: seconds).iso):\(Int(seconds % 60).zeroPadded())"
        let line = Array("\(stamp) [\(getpid())] \(message)\n".utf8)
        _ = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }
}
