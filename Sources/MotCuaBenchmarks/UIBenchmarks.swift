import MotCuaApp
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import TerminalUI

/// Figures for the terminal UI: composing and diffing frames, and keystroke-to-frame on the home screen over
/// the 1,000,000-case database of the store group.
enum UIBenchmarks {
    static let group = BenchmarkGroup(
        name: "ui",
        summary: "vẽ và so khung 120×40, phím → khung trên Bàn làm việc với 1.000.000 hồ sơ",
        run: run
    )

    static func run(_ context: BenchmarkContext) throws {
        let (path, _) = try StoreBenchmarks.database(context)
        let store = try Store.open(path: path, options: .init(quickCheck: false))
        // Without an administrator the program would open its first-run setup.
        if try !store.hasLoginAdministrator() {
            try store.createOfficer(
                username: "quantri", fullName: "Nguyễn Quản Trị", role: .administrator, password: "matkhau-quantri")
        }
        let now = LocalDateTime(iso: "2026-11-20 10:00")!
        let env = AppEnvironment(desk: try Desk(store: store, clock: .following { now }))
        let size = Size(columns: 120, rows: 40)
        let app = Application(env: env, size: size)
        for c in "tiepnhan" { app.handle(.key(.character(c))) }
        app.handle(.key(.tab))
        for c in "matkhau-tiepnhan" { app.handle(.key(.character(c))) }
        let login = Stopwatch()
        app.handle(.key(.enter))
        context.report("login + first home load (1M cases)", "\(fixed(login.elapsedMilliseconds, 2)) ms")
        guard app.top?.title == "Bàn làm việc" else { throw BenchmarkFailure("login failed in the benchmark database") }

        // Render (compose the whole frame from the screen state) and diff against the previous frame.
        var previous = app.render()
        var renders: [Double] = []
        var diffs: [Double] = []
        var fullDiffs: [Double] = []
        var changed = 0
        for i in 0..<500 {
            app.handle(.key(i % 40 < 20 ? .down : .up))
            let r = Stopwatch()
            let frame = app.render()
            renders.append(r.elapsedMilliseconds)
            let d = Stopwatch()
            changed += frame.changes(from: previous).count
            diffs.append(d.elapsedMilliseconds)
            let f = Stopwatch()
            _ = frame.changes(from: nil)
            fullDiffs.append(f.elapsedMilliseconds)
            previous = frame
        }
        let render = Distribution(renders)
        let diff = Distribution(diffs)
        let full = Distribution(fullDiffs)
        context.report(
            "render a 120×40 home frame",
            "median \(fixed(render.median, 3)) ms, p99 \(fixed(render.percentile(99), 3)) ms")
        context.report(
            "diff after a selection move", "median \(fixed(diff.median, 3)) ms (\(changed / 500) runs on average)")
        context.report("diff of a whole new frame (first draw)", "median \(fixed(full.median, 3)) ms")
        let both = Distribution(zip(renders, diffs).map { $0 + $1 })
        context.report(
            "render + diff (target < 2 ms)",
            "median \(fixed(both.median, 3)) ms, p99 \(fixed(both.percentile(99), 3)) ms")

        // Keystroke to frame: a key handled by the screen, then the frame composed and diffed.
        var keys: [Double] = []
        for i in 0..<500 {
            let w = Stopwatch()
            app.handle(.key(i % 2 == 0 ? .down : .up))
            let frame = app.render()
            _ = frame.changes(from: previous)
            previous = frame
            keys.append(w.elapsedMilliseconds)
        }
        let k = Distribution(keys)
        context.report(
            "keystroke → frame, list move (target < 16 ms)",
            "median \(fixed(k.median, 3)) ms, p99 \(fixed(k.percentile(99), 3)) ms")
        // Refresh: counts and work list read again from the 1M file, then the frame.
        var refreshes: [Double] = []
        for _ in 0..<50 {
            let w = Stopwatch()
            app.handle(.key(.control("r")))
            let frame = app.render()
            _ = frame.changes(from: previous)
            previous = frame
            refreshes.append(w.elapsedMilliseconds)
        }
        let rf = Distribution(refreshes)
        context.report(
            "keystroke → frame, Ctrl-R refresh from the 1M file",
            "median \(fixed(rf.median, 2)) ms, p99 \(fixed(rf.percentile(99), 2)) ms")
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
