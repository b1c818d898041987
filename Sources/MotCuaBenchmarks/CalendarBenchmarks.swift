import MotCuaCore
import MotCuaDefaults
import MotCuaSystem

/// Figures for the calendar issue: due-date throughput, the cost of a year's calendar, start-up of `motcua due`.
enum CalendarBenchmarks {
    static let group = BenchmarkGroup(
        name: "calendar",
        summary: "tính hạn theo thời gian làm việc, dựng lịch năm, khởi động `motcua due`",
        run: run
    )

    static func run(_ context: BenchmarkContext) throws {
        let config = ShippedConfig.calendarConfig()

        // 1. Due computations per second, on a fixed pseudo-random mix of instants and limits.
        let calendar = config.makeCalendar()
        var state: UInt64 = 2026
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let base = LocalDateTime(iso: "2025-01-01 00:00")!.minutes
        let span = 2 * 365 * 1440
        var inputs: [(LocalDateTime, DueRule)] = []
        for _ in 0..<100_000 {
            let r = LocalDateTime(minutes: base + Int(next() % UInt64(span)))
            let n = Int(next() % 20) + 1
            let rule: DueRule
            switch next() % 4 {
            case 0: rule = DueRule(limit: .workingDays(n))
            case 1: rule = DueRule(limit: .workingHours(n * 2))
            case 2: rule = DueRule(limit: .sameDay)
            default: rule = DueRule(limit: .calendarDays(n * 2))
            }
            inputs.append((r, rule))
        }
        // Warm the year tables, then measure.
        var checksum = 0
        for (r, rule) in inputs { checksum &+= calendar.due(rule, receivedAt: r).minutes }
        let rounds = Int(context.options["rounds"] ?? "") ?? 20
        let watch = Stopwatch()
        for _ in 0..<rounds {
            for (r, rule) in inputs { checksum &+= calendar.due(rule, receivedAt: r).minutes }
        }
        let seconds = watch.elapsedSeconds
        let perSecond = Double(rounds * inputs.count) / seconds
        context.report(
            "due dates per second (mixed limits)",
            "\(grouped(Int(perSecond)))/s  (\(grouped(rounds * inputs.count)) in \(fixed(seconds, 2)) s)")

        let explainWatch = Stopwatch()
        for (r, rule) in inputs.prefix(10_000) { checksum &+= calendar.explainDue(rule, receivedAt: r).reasons.count }
        context.report(
            "due dates with explanation per second", "\(grouped(Int(10_000 / explainWatch.elapsedSeconds)))/s")

        // 2. Building a year's calendar: default years (lunar astronomy) and an official year (data only).
        var defaultTimes: [Double] = []
        for year in 1950...2149 where config.holidays.officialYears[year] == nil {
            let fresh = config.makeCalendar()
            let w = Stopwatch()
            checksum &+= fresh.isWorkingDay(CivilDate(year: year, month: 6, day: 1)!) ? 1 : 0
            defaultTimes.append(w.elapsedMilliseconds * 1000)
        }
        let defaults = Distribution(defaultTimes)
        context.report(
            "build one default year (lunar rule)",
            "median \(fixed(defaults.median, 1)) µs, max \(fixed(defaults.max, 1)) µs (\(defaultTimes.count) years)")
        var officialTimes: [Double] = []
        for _ in 0..<200 {
            let fresh = config.makeCalendar()
            let w = Stopwatch()
            checksum &+= fresh.isWorkingDay(CivilDate(year: 2026, month: 6, day: 1)!) ? 1 : 0
            officialTimes.append(w.elapsedMilliseconds * 1000)
        }
        context.report("build the official year 2026", "median \(fixed(Distribution(officialTimes).median, 1)) µs")
        let parseWatch = Stopwatch()
        for _ in 0..<100 { checksum &+= ShippedConfig.calendarConfig().holidays.officialYears.count }
        context.report("parse Config/holidays.json", "\(fixed(parseWatch.elapsedMilliseconds * 10, 1)) µs")

        // 3. Start-up of `motcua due` as a new process (includes exec, dynamic linking, config parsing).
        let binary = context.binaryDirectory + "/motcua"
        if FileSystem.exists(binary) {
            var times: [Double] = []
            for _ in 0..<60 {
                let w = Stopwatch()
                let result = try Subprocess.run([binary, "due", "--received", "2026-02-12 10:00", "--working-days", "3"]
                )
                times.append(w.elapsedMilliseconds)
                if result.stdoutText != "2026-02-24 10:00\n" { print("  unexpected output: \(result.stdoutText)") }
            }
            let startup = Distribution(Array(times.dropFirst(10)))
            context.report("`motcua due` process, first run", "\(fixed(times[0], 1)) ms")
            context.report(
                "`motcua due` process, warm (50 runs)",
                "median \(fixed(startup.median, 1)) ms, max \(fixed(startup.max, 1)) ms")
        } else {
            context.report("`motcua due` start-up", "skipped: \(binary) not built (swift build -c release first)")
        }
        if checksum == 42 { print("") }  // keeps the work observable to the optimiser
    }
}
