import MotCuaApp
import MotCuaCore
import MotCuaDesk
@_spi(Benchmark) import MotCuaStore
import MotCuaSystem
import TerminalUI

/// Issue 14 §5: a long day at the counter does not grow. The real application (screens, desk, store) on a
/// fresh database of 2,000 generated cases, driven by keys for 10,000 actions — receptions typed in Telex
/// with their receipt, searches by code that open the case, hand-overs (F5 F10), reports opened and closed —
/// with the process's resident memory (VmRSS) after a warm-up and at the end.
enum SoakBenchmarks {
    static let group = BenchmarkGroup(
        name: "soak",
        summary: "10.000 thao tác trên màn hình (tiếp nhận, tra cứu, chuyển, báo cáo): bộ nhớ đầu và cuối",
        run: run
    )

    /// The resident memory of this process, in KB.
    static func residentKB() -> Int {
        guard let text = try? FileSystem.readText("/proc/self/status"),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func run(_ context: BenchmarkContext) throws {
        let actions = Int(context.options["actions"] ?? "") ?? 10_000
        let path = context.scratch + "/soak.db"
        try CaseGenerator(
            cases: 2_000, firstDay: CivilDate(year: 2026, month: 9, day: 1)!,
            lastDay: CivilDate(year: 2026, month: 11, day: 19)!
        ).generate(path: path)
        let store = try Store.open(path: path)
        // Without an administrator the program would open its first-run setup.
        try store.createOfficer(
            username: "quantri", fullName: "Nguyễn Quản Trị", role: .administrator, password: "matkhau-quantri")
        let now = LocalDateTime(iso: "2026-11-20 10:00")!
        let env = AppEnvironment(desk: try Desk(store: store, clock: .following { now }))
        let app = Application(env: env, size: Size(columns: 80, rows: 24), catalog: .standard)
        func press(_ keys: Key...) { for k in keys { app.handle(.key(k)) } }
        func type(_ text: String) { for c in text { app.handle(.key(.character(c))) } }
        func home() {
            var n = 0
            while app.top?.title != "Bàn làm việc" && n < 8 {
                press(.escape)
                n += 1
            }
        }
        type("tiepnhan")
        press(.tab)
        type("matkhau-tiepnhan")
        press(.enter)
        guard app.top?.title == "Bàn làm việc" else { throw BenchmarkFailure("login failed in the soak database") }

        func handOvers() throws -> Int {
            Int(try store.rawDatabase.scalarInt("SELECT count(*) FROM events WHERE kind = 'handed_over'") ?? 0)
        }
        let handOversBefore = try handOvers()
        var done = 0
        var start = 0
        var startedAt = Stopwatch()
        var last = ""
        var cycle = 0
        while done < actions {
            if done >= 500 && start == 0 {
                start = residentKB()
                startedAt = Stopwatch()
            }
            cycle += 1
            // A reception, typed as at the counter, saved with F10 (the receipt appears), back home.
            press(.function(2))
            type("chung thuc chu ky")
            press(.enter)
            type("0019" + String(10_000_000 + cycle))
            press(.tab)
            type("Ngguyeenx Vaawn Thuwr")
            press(.tab)
            type("15081990")
            press(.tab)
            type("09" + String(10_000_000 + cycle))
            press(.tab)
            type("Thoon 3")
            press(.enter, .enter, .enter, .function(10))
            _ = app.render()
            home()
            // Find the newest case by the end of its code and open it; hand it over (F5 F10) where it goes on.
            let codes = try store.rawDatabase.rows("SELECT code FROM cases ORDER BY id DESC LIMIT 1") { $0.text(0) }
            if let code = codes.first { last = code }
            press(.function(3), .control("t"))
            type(String(last.suffix(11)))
            press(.enter, .control("t"))
            _ = app.render()
            press(.function(5), .function(10))
            _ = app.render()
            home()
            // A search by a name, scrolled, closed.
            press(.function(3))
            type("nguyen")
            press(.down, .down, .up)
            _ = app.render()
            home()
            // A report opened (this month's ledger), scrolled sideways, closed.
            press(.function(7), .function(10), .right, .right, .down)
            _ = app.render()
            home()
            done += 5
        }
        let end = residentKB()
        let handedOver = try handOvers() - handOversBefore
        let received = Int(try store.rawDatabase.scalarInt("SELECT count(*) FROM cases") ?? 0)
        context.report(
            "\(grouped(done)) actions (\(grouped(cycle)) rounds)",
            "\(fixed(startedAt.elapsedSeconds, 1)) s after the warm-up; \(grouped(received - 2_000)) receptions saved, "
                + "\(grouped(handedOver)) hand-overs in the file")
        context.report(
            "resident memory (VmRSS) after 500 actions → end",
            "\(grouped(start / 1024)) MB → \(grouped(end / 1024)) MB (growth \(fixed(Double(end - start) / 1024, 1)) MB; "
                + "more than 10 MB is a failure to investigate)")
    }
}
