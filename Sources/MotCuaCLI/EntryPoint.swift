#if canImport(Glibc)
    import Glibc
#endif
import MotCuaDesk
import MotCuaSystem
import Synchronization

/// The process entry point used by the `motcua` executable.
public enum MotCuaMain {
    /// Runs the command line with the real terminal streams and clock; returns the exit status.
    public static func run() -> Int32 {
        // A closed pipe (e.g. `motcua … | head`) must end the write, not kill the process mid-transaction.
        signal(SIGPIPE, SIG_IGN)
        let io = CommandIO(
            writeOut: { writeAll(1, $0) },
            writeErr: { writeAll(2, $0) },
            readStdin: { FileSystem.readStandardInput() },
            clock: .system,
            environment: { Environment.get($0) },
            readPassword: { Terminal.readPassword(prompt: $0) },
            stderrIsTerminal: Environment.isTerminal(2)
        )
        // An argument that is not UTF-8 text would reach the program with its bytes replaced by "�" (a
        // search for it would match anything): refused as given, naming its place.
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i], String(validatingCString: raw) == nil else { continue }
            io.err("motcua: tham số thứ \(i) không phải văn bản UTF-8 hợp lệ (kiểm tra bảng mã của máy hoặc tệp lệnh)")
            return ExitStatus.usage
        }
        let status = MotCuaCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io)
        // What went to standard output must have arrived (`motcua export > file` on a full disk): otherwise
        // the command failed, whatever it said. A closed pipe (`| head`) ends it without a message.
        let failure = stdoutFailure.load(ordering: .relaxed)
        guard failure != 0 else { return status }
        if failure != EPIPE {
            writeAll(2, "motcua: không ghi hết được ra đầu ra chuẩn: \(SystemError.vietnamese(errno: failure))\n")
        }
        return status == ExitStatus.success ? ExitStatus.refused : status
    }

    /// The first error met writing to standard output (0: none).
    static let stdoutFailure = Atomic<Int32>(0)

    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if fd == 1 {
                    _ = stdoutFailure.compareExchange(expected: 0, desired: n < 0 ? errno : EIO, ordering: .relaxed)
                }
                return
            }
            offset += n
        }
    }
}
