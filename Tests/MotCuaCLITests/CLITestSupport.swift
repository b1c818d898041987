import Foundation
import MotCuaCLI
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// What a command printed and returned.
struct CommandResult {
    var status: Int32
    var out: String
    var err: String
    var refusals: [Refusal] = []
    var lines: [String] { out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
}

/// Runs the command line in-process with captured streams and a fixed clock (Vietnam time; the recording
/// time follows it). `password` answers the terminal's password question (nil: no terminal); the rules'
/// refusals are captured.
func runCLI(
    _ args: [String], stdin: String = "", now: String = "2026-11-21 09:00",
    environment: [String: String] = [:], password: String? = nil
) -> CommandResult {
    final class Capture: @unchecked Sendable { var out = ""; var err = ""; var refusals: [Refusal] = [] }
    let capture = Capture()
    let fixed = LocalDateTime(iso: now)!
    let io = CommandIO(
        writeOut: { capture.out += $0 },
        writeErr: { capture.err += $0 },
        readStdin: { Array(stdin.utf8) },
        clock: .following { fixed },
        environment: { environment[$0] },
        readPassword: { _ in password },
        onRefusal: { capture.refusals.append($0) }
    )
    let status = MotCuaCommandLine.run(args, io: io)
    return CommandResult(status: status, out: capture.out, err: capture.err, refusals: capture.refusals)
}

/// True when the officer can log in with this password on the database (through the application layer).
func canLogIn(_ db: String, _ username: String, _ password: String) -> Bool {
    guard let store = try? Store.open(path: db), let desk = try? Desk(store: store) else { return false }
    return (try? desk.login(username: username, password: password, channel: .screen, terminal: "test")) != nil
}

/// Runs the real binary (for exit statuses and streams as a shell sees them); with `at`, its system clock is
/// faked to that moment (Vietnam time) with `faketime`, as an offset from the real clock so that the time
/// zone given in `environment` (TZ) plays no part in choosing the instant — the program itself has no clock
/// override.
func runBinary(_ args: [String], stdin: String? = nil, environment: [String: String] = [:], at now: String? = nil)
    throws -> Subprocess.Result
{
    guard let now else {
        return try Subprocess.run([motcuaBinary] + args, input: stdin.map { Array($0.utf8) }, environment: environment)
    }
    sweepFaketimeLeftovers
    let offset = LocalDateTime(iso: now)!.unixSeconds - SystemClock.unixSeconds()
    return try Subprocess.run(
        ["/usr/bin/faketime", "-f", offset >= 0 ? "+\(offset)" : "\(offset)", motcuaBinary] + args,
        input: stdin.map { Array($0.utf8) }, environment: environment)
}

/// A private temporary directory, removed by the caller.
func temporaryDirectory() throws -> String {
    try FileSystem.makeTemporaryDirectory(prefix: "motcua-test")
}

/// `faketime` names its semaphore and shared memory after its own process id and removes them when it exits;
/// a wrapper that was killed (an interrupted test run) leaves them in /dev/shm, and a later wrapper that
/// happens to get the same id then fails at once ("sem_open: File exists"), which made runs on a developer's
/// machine fail now and then. Removed once per test process, for ids no process has any more.
let sweepFaketimeLeftovers: Void = {
    let dir = "/dev/shm"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    for name in names {
        guard let range = name.range(of: "faketime_", options: .anchored) ?? name.range(of: "sem.faketime_") else {
            continue
        }
        guard let pid = Int32(name[range.upperBound...].drop { !$0.isNumber }), pid > 0 else { continue }
        if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: dir + "/" + name) }
    }
}()
