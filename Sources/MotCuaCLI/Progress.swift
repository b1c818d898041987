import MotCuaCore

/// A progress line on stderr for a long command writing to a file: one line, rewritten in place ("\r"), only
/// when stderr is a terminal (a script's log never fills with it), at most every `step` items.
final class Progress {
    private let io: CommandIO
    private let enabled: Bool
    private let what: String
    private let step: Int
    private var shown = false
    private var last = 0

    init(io: CommandIO, enabled: Bool = true, what: String = "hồ sơ", step: Int = 1000) {
        self.io = io
        self.enabled = enabled && io.stderrIsTerminal
        self.what = what
        self.step = step
    }

    /// `done` items so far (of `total` when known).
    func update(_ done: Int) { update(done, of: nil) }

    func update(_ done: Int, of total: Int?) {
        guard enabled, done - last >= step || done == total else { return }
        last = done
        shown = true
        let count = total.map { "\(Money.grouped(done))/\(Money.grouped($0))" } ?? Money.grouped(done)
        io.writeErr("\rĐang xuất: \(count) \(what)…\u{1B}[K")
    }

    /// Ends the line so that the next message starts on its own.
    func finish() {
        if shown { io.writeErr("\r\u{1B}[K") }
        shown = false
    }
}
