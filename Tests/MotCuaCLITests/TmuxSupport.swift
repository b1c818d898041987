import MotCuaCore
import MotCuaDesk
import MotCuaSystem
import MotCuaTesting
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The real binary in a tmux pane of a fixed size, on a private server socket. TERM is left as tmux sets it.
/// Assertions poll the pane until the expected text appears (no blind sleeps).
final class TmuxSession {
    let directory: String
    let socket: String
    private let environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    static var isAvailable: Bool { Subprocess.which("tmux") != nil }

    /// Starts `command` (a shell command line) in a new detached session.
    init(columns: Int = 80, rows: Int = 24, command: String) throws {
        // In /tmp, not TMPDIR: a socket's path must stay under 108 bytes, and CI's TMPDIR is inside the clone.
        directory = try FileSystem.makeTemporaryDirectory(prefix: "motcua-tmux", in: "/tmp")
        socket = directory + "/tmux.sock"
        // The server daemonises: its output goes nowhere so that no pipe is held open.
        let r = try Subprocess.run(
            [
                "tmux", "-u", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(columns),
                "-y", String(rows), command
            ], environment: environment, captureOutput: false)
        precondition(r.status == 0, "tmux did not start")
    }

    deinit {
        _ = try? Subprocess.run(["tmux", "-S", socket, "kill-server"], environment: environment, captureOutput: false)
        FileSystem.removeTree(directory)
    }

    /// Sends key names as tmux understands them ("Enter", "F1", "C-q", "Escape").
    func keys(_ names: String...) {
        _ = try? Subprocess.run(["tmux", "-S", socket, "send-keys"] + names, environment: environment)
    }

    /// Types text literally (UTF-8).
    func type(_ text: String) {
        _ = try? Subprocess.run(["tmux", "-S", socket, "send-keys", "-l", text], environment: environment)
    }

    /// Pastes text as a terminal does (bracketed when the program asked for it: `paste-buffer -p`).
    func paste(_ text: String) {
        _ = try? Subprocess.run(["tmux", "-S", socket, "set-buffer", "--", text], environment: environment)
        _ = try? Subprocess.run(["tmux", "-S", socket, "paste-buffer", "-p", "-d"], environment: environment)
    }

    func resize(_ columns: Int, _ rows: Int) {
        _ = try? Subprocess.run(
            ["tmux", "-S", socket, "resize-window", "-x", String(columns), "-y", String(rows)], environment: environment
        )
    }

    var screen: String {
        (try? Subprocess.run(["tmux", "-S", socket, "capture-pane", "-p"], environment: environment))?.stdoutText ?? ""
    }

    /// Polls the pane every 10 ms until `text` is shown (true) or the timeout passes (false).
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        let watch = Stopwatch()
        while watch.elapsedSeconds < timeout {
            if screen.contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    /// Polls until `text` is no longer shown.
    @discardableResult
    func waitForAbsence(_ text: String, timeout: Double = 10) -> Bool {
        let watch = Stopwatch()
        while watch.elapsedSeconds < timeout {
            if !screen.contains(text) { return true }
            usleep(10_000)
        }
        return false
    }

    /// Expects `text` on the screen within the timeout, recording the screen when it is not.
    func expect(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) {
        if !waitFor(text, timeout: timeout) {
            Issue.record("\"\(text)\" not shown; the pane:\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    /// A shell command line that runs motcua with the machine's clock faked to `now` (Vietnam time; the
    /// program has no clock override of its own: `faketime`, from Debian's package of that name, moves the
    /// system clock of that one process) and a private data directory, then prints how it exited and keeps
    /// the pane open. `path` replaces PATH (e.g. a folder without any spooler).
    /// Without `now` the real clock runs.
    static func motcuaCommand(_ arguments: String, home: String, now: String? = nil, path: String? = nil) -> String {
        let env = (path.map { "PATH='\($0)' " } ?? "") + "HOME='\(home)' XDG_DATA_HOME='\(home)/data'"
        return
            "\(now.map(fakeClock) ?? "") env \(env) '\(motcuaBinary)' \(arguments); echo \"[motcua exited $?]\"; sleep 600"
    }

    /// The prefix that runs a command with the system clock at `now` (Vietnam time, "YYYY-MM-DD HH:MM").
    static func fakeClock(_ now: String) -> String {
        sweepFaketimeLeftovers
        let utc = LocalDateTime(iso: now)!.adding(minutes: -LocalDateTime.vietnamOffsetMinutes)
        return "env TZ=UTC /usr/bin/faketime -f '@\(utc.iso):00'"
    }
}
