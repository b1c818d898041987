import MotCuaApp
import MotCuaCore
import MotCuaDesk
@_spi(Benchmark) import MotCuaStore
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
        let app = Application(env: env, size: size, catalog: .standard)
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

        // Typing on the home screen starts a search (issue 12 §6): the last six digits of real phones, key by
        // key, each keystroke through the search of the 1M file to the frame; then Esc Esc back home.
        let phones = try store.rawDatabase.rows(
            """
            SELECT applicant_phone FROM cases
            WHERE id % (SELECT max(id) / 20 FROM cases) = 11 AND applicant_phone IS NOT NULL ORDER BY id LIMIT 20
            """
        ) { $0.text(0) }
        var typing: [Double] = []
        for _ in 0..<3 {
            for phone in phones {
                for c in phone.suffix(6) {
                    let w = Stopwatch()
                    app.handle(.key(.character(c)))
                    let frame = app.render()
                    _ = frame.changes(from: previous)
                    previous = frame
                    typing.append(w.elapsedMilliseconds)
                }
                app.handle(.key(.escape))
                app.handle(.key(.escape))
            }
        }
        guard app.top?.title == "Bàn làm việc" else { throw BenchmarkFailure("Esc Esc did not go back home") }
        let ty = Distribution(typing)
        context.report(
            "keystroke → frame, last digits typed on the home screen (search of the 1M file, \(typing.count))",
            "median \(fixed(ty.median, 2)) ms, p99 \(fixed(ty.percentile(99), 2)) ms, worst \(fixed(ty.max, 2)) ms (target p99 < 20 ms)"
        )
        // A USB scanner: a receipt's whole code typed on the home screen, then Enter opens the case.
        let codes = try store.rawDatabase.rows(
            "SELECT code FROM cases WHERE id % (SELECT max(id) / 20 FROM cases) = 13 ORDER BY id LIMIT 20"
        ) { $0.text(0) }
        var scans: [Double] = []
        for code in codes {
            let w = Stopwatch()
            for c in code {
                app.handle(.key(.character(c)))
                _ = app.render()
            }
            app.handle(.key(.enter))
            let frame = app.render()
            _ = frame.changes(from: previous)
            previous = frame
            scans.append(w.elapsedMilliseconds)
            guard frame.text.contains(code) && app.top?.title != "Tra cứu hồ sơ" else {
                throw BenchmarkFailure(
                    "the scanned code \(code) did not open its case (\(app.top?.title ?? "")):\n\(frame.text)")
            }
            for _ in 0..<3 { app.handle(.key(.escape)) }
        }
        let sc = Distribution(scans)
        context.report(
            "scanned case code (25 keys + Enter, each key searched and drawn) → case view",
            "median \(fixed(sc.median, 1)) ms, worst \(fixed(sc.max, 1)) ms")

        // A year's ledger as a screen table (issue 12 §8): F10 to the first frame, then → and PgDn.
        app.handle(.key(.function(7)))
        app.handle(.key(.tab))
        app.handle(.key(.tab))
        app.handle(.key(.control("u")))
        for c in "01012025" { app.handle(.key(.character(c))) }
        app.handle(.key(.tab))
        app.handle(.key(.control("u")))
        for c in "31122025" { app.handle(.key(.character(c))) }
        let opened = Stopwatch()
        app.handle(.key(.function(10)))
        previous = app.render()
        context.report(
            "ledger of 2025 on the screen: F10 → first frame (query, document, screen table)",
            "\(fixed(opened.elapsedSeconds, 2)) s")
        guard previous.text.contains("SỔ THEO DÕI HỒ SƠ") else { throw BenchmarkFailure("the ledger did not open") }
        var moves: [Double] = []
        for key in Array(repeating: Key.right, count: 8) + Array(repeating: .left, count: 8)
            + Array(repeating: .pageDown, count: 40) + Array(repeating: .down, count: 40)
        {
            let w = Stopwatch()
            app.handle(.key(key))
            let frame = app.render()
            _ = frame.changes(from: previous)
            previous = frame
            moves.append(w.elapsedMilliseconds)
        }
        let mv = Distribution(moves)
        context.report(
            "keystroke → frame in that ledger (→ ← PgDn ↓, \(moves.count))",
            "median \(fixed(mv.median, 2)) ms, p99 \(fixed(mv.percentile(99), 2)) ms (target < 16 ms)")
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
