import Foundation
import MotCuaCLI
import MotCuaCore
import MotCuaSystem
import MotCuaTesting
import Testing

/// What a command printed and returned.
struct CommandResult {
    var status: Int32
    var out: String
    var err: String
    var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

/// Runs the command line in-process with captured streams and a fixed clock.
func runCLI(_ args: [String], stdin: String = "", now: String = "2026-11-21 09:00",
            environment: [String: String] = [:]) -> CommandResult {
    final class Capture: @unchecked Sendable { var out = ""; var err = "" }
    let capture = Capture()
    let io = CommandIO(
        writeOut: { capture.out += $0 },
        writeErr: { capture.err += $0 },
        readStdin: { Array(stdin.utf8) },
        now: { LocalDateTime(iso: now)! },
        environment: { environment[$0] }
    )
    let status = MotCuaCommandLine.run(args, io: io)
    return CommandResult(status: status, out: capture.out, err: capture.err)
}



/// Runs the real binary (for exit statuses and streams as a shell sees them).
func runBinary(_ args: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Subprocess.Result {
    try Subprocess.run([motcuaBinary] + args, input: stdin.map { Array($0.utf8) }, environment: environment)
}

/// A private temporary directory, removed by the caller.
func temporaryDirectory() throws -> String {
    try FileSystem.makeTemporaryDirectory(prefix: "motcua-test")
}
