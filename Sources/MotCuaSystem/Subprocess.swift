#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program and collects its output, with `posix_spawn` (not Foundation's Process).
///
/// The child gets an empty signal mask and default signal actions (a parent running under a test harness
/// may block most signals, and tmux or `lp` must not inherit that), stdin from a pipe or /dev/null, and
/// stdout/stderr through pipes read to EOF. A program that leaves a daemon behind (tmux) keeps such pipes
/// open forever: run it with `captureOutput: false`.
public enum Subprocess {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: [UInt8]
        public let stderr: [UInt8]

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
        public var succeeded: Bool { status == 0 }
    }

    public enum Failure: Error, Equatable, Sendable {
        /// The program could not be started (not installed, not executable): errno.
        case cannotStart(program: String, errno: Int32)
    }

    /// Ignores SIGPIPE for the whole process, once. (Setting and restoring it around each write would race
    /// between threads: a program that talks to children through pipes simply ignores it.)
    public static func ignoreBrokenPipes() { _ = sigpipeIgnored }
    private static let sigpipeIgnored: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Finds `program` in `$PATH` (or returns it when it contains a slash and exists).
    public static func which(_ program: String) -> String? {
        if program.contains("/") { return access(program, X_OK) == 0 ? program : nil }
        let path = Environment.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `arguments[0]` (searched in PATH) with the rest as its arguments.
    ///
    /// - Parameters:
    ///   - input: bytes written to the child's stdin (nil: /dev/null).
    ///   - environment: extra variables set for the child on top of the parent's environment.
    ///   - captureOutput: false sends the child's stdout and stderr to /dev/null (for programs that leave
    ///     daemons behind, whose inherited pipes would never reach EOF).
    public static func run(
        _ arguments: [String], input: [UInt8]? = nil, environment: [String: String] = [:],
        captureOutput: Bool = true
    ) throws(Failure) -> Result {
        precondition(!arguments.isEmpty)
        guard let program = which(arguments[0]) else { throw .cannotStart(program: arguments[0], errno: ENOENT) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        resetSignals(&attributes)

        var inPipe: [Int32] = [-1, -1]
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        func makePipe(_ p: inout [Int32]) {
            _ = p.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
            for fd in p { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        if input != nil {
            makePipe(&inPipe)
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if captureOutput {
            makePipe(&outPipe)
            makePipe(&errPipe)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }

        let envStrings = childEnvironment(environment)

        var pid = pid_t()
        let spawnResult = withCStrings(arguments) { argv in
            withCStrings(envStrings) { envp in
                posix_spawn(&pid, program, &actions, &attributes, argv, envp)
            }
        }
        // The parent's copies of the child's ends.
        if inPipe[0] >= 0 { close(inPipe[0]) }
        if outPipe[1] >= 0 { close(outPipe[1]) }
        if errPipe[1] >= 0 { close(errPipe[1]) }
        guard spawnResult == 0 else {
            for fd in [inPipe[1], outPipe[0], errPipe[0]] where fd >= 0 { close(fd) }
            throw .cannotStart(program: program, errno: spawnResult)
        }

        if let input, inPipe[1] >= 0 {
            // A child that exits early must give EPIPE, not our death.
            Subprocess.ignoreBrokenPipes()
            var offset = 0
            while offset < input.count {
                let n = input.withUnsafeBytes { write(inPipe[1], $0.baseAddress! + offset, $0.count - offset) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                offset += n
            }
            close(inPipe[1])
        }

        var out: [UInt8] = []
        var err: [UInt8] = []
        if captureOutput { drain(outPipe[0], errPipe[0], into: &out, &err) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode: Int32
        if status & 0x7f == 0 {
            exitCode = (status >> 8) & 0xff
        } else {
            exitCode = 128 + (status & 0x7f)
        }
        return Result(status: exitCode, stdout: out, stderr: err)
    }

    /// Reads two pipes to EOF without deadlocking on either.
    private static func drain(_ a: Int32, _ b: Int32, into outA: inout [UInt8], _ outB: inout [UInt8]) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open > 0 {
            let r = fds.withUnsafeMutableBufferPointer { poll($0.baseAddress!, 2, -1) }
            if r < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if i == 0 { outA.append(contentsOf: buffer[0..<n]) } else { outB.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
    }

    /// The parent's environment with `extra` on top, as `NAME=value` strings for the child.
    static func childEnvironment(_ extra: [String: String]) -> [String] {
        var env = currentEnvironment()
        for (k, v) in extra { env[k] = v }
        return env.map { "\($0.key)=\($0.value)" }
    }

    static func currentEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                result[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return result
    }

    /// The child starts with no signal blocked and every handler at its default, whatever the parent (the
    /// curses screen blocks and catches several).
    private static func resetSignals(_ attributes: inout posix_spawnattr_t) {
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R)
        -> R
    {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Starts a program without waiting: stdin from /dev/null, stdout appended to `stdoutPath` (or
    /// /dev/null), stderr to `stderrPath` (or /dev/null). Returns its process id; reap it with `wait`.
    public static func start(
        _ arguments: [String], stdoutPath: String? = nil, stderrPath: String? = nil,
        environment: [String: String] = [:]
    ) throws(Failure) -> pid_t {
        precondition(!arguments.isEmpty)
        guard let program = which(arguments[0]) else { throw .cannotStart(program: arguments[0], errno: ENOENT) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        resetSignals(&attributes)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let envStrings = childEnvironment(environment)
        var pid = pid_t()
        let rc = withCStrings(arguments) { argv in
            withCStrings(envStrings) { envp in posix_spawn(&pid, program, &actions, &attributes, argv, envp) }
        }
        guard rc == 0 else { throw .cannotStart(program: program, errno: rc) }
        return pid
    }

    /// Waits for a started process; returns its exit status (128 + signal when killed).
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
