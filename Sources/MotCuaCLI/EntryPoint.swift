#if canImport(Glibc)
    import Glibc
#endif
import MotCuaDesk
import MotCuaSystem

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
        return MotCuaCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io)
    }

    static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
