import Synchronization
import MotCuaCore
import MotCuaDesk
@_spi(Benchmark) import MotCuaStore
import MotCuaSystem

/// Figures for the store issue, on a generated database of `--cases` cases (default 1,000,000).
enum StoreBenchmarks {
    static let group = BenchmarkGroup(
        name: "store",
        summary: "cơ sở dữ liệu 1.000.000 hồ sơ: mở và đếm, tiếp nhận, tìm theo từng phím gõ, dung lượng",
        run: run
    )

    /// The generated database, reused between runs (`--fresh yes` regenerates it).
    static func database(_ context: BenchmarkContext) throws -> (path: String, cases: Int) {
        let cases = Int(context.options["cases"] ?? "") ?? 1_000_000
        let directory = context.options["dir"] ?? FileSystem.absolute(".build/bench")
        try FileSystem.makeDirectories(directory)
        let path = "\(directory)/cases-\(cases).db"
        if context.options["fresh"] == "yes" { for s in ["", "-wal", "-shm"] { FileSystem.remove(path + s) } }
        if !FileSystem.exists(path) {
            print("  tạo cơ sở dữ liệu \(grouped(cases)) hồ sơ tại \(path) …")
            let watch = Stopwatch()
            try CaseGenerator(
                cases: cases, firstDay: CivilDate(year: 2017, month: 1, day: 2)!,
                lastDay: CivilDate(year: 2026, month: 11, day: 20)!
            ).generate(path: path)
            context.report("generate \(grouped(cases)) cases", "\(fixed(watch.elapsedSeconds, 1)) s")
        }
        return (path, cases)
    }

    static func run(_ context: BenchmarkContext) throws {
        let (path, cases) = try database(context)
        let now = LocalDateTime(iso: "2026-11-20 10:00")!

        // Open and show the home counts, as the program does at start-up (file cache warm from the last run).
        var openTimes: [Double] = []
        var counts: HomeCounts?
        for _ in 0..<5 {
            let w = Stopwatch()
            let store = try Store.open(path: path)
            counts = try store.homeCounts(now: now)
            _ = try store.workList(limit: 50)
            openTimes.append(w.elapsedMilliseconds)
        }
        let c = counts!
        context.report(
            "open + home counts + work list",
            "median \(fixed(Distribution(openTimes).median, 1)) ms (received today \(c.receivedToday), due today \(c.dueToday), overdue \(c.overdue), ready \(c.readyToReturn))"
        )
        let store = try Store.open(path: path)
        let size = FileSystem.size(path) ?? 0
        context.report(
            "database size",
            "\(fixed(Double(size) / 1_048_576, 1)) MiB, \(grouped(size / max(1, cases))) bytes per case")
        let qc = Stopwatch()
        _ = try store.rawDatabase.rows("PRAGMA quick_check") { $0.text(0) }
        context.report("PRAGMA quick_check (on open only up to 64 MiB)", "\(fixed(qc.elapsedSeconds, 2)) s")

        // Registration latency with synchronous=FULL, into the big file, through the application layer (the
        // rules included), its clock at each reception's minute.
        var registration: [Double] = []
        let clockNow = Mutex(LocalDateTime(iso: "2026-11-20 10:00")!)
        let desk = try Desk(store: store, clock: .following { clockNow.withLock { $0 } })
        guard let clerk = try store.officer(username: "tiepnhan") else {
            throw BenchmarkFailure("no desk officer in the benchmark database")
        }
        let actor = Actor(officer: clerk, channel: .commandLine)
        for i in 0..<200 {
            let at = LocalDateTime(iso: "2026-11-20 10:\((i % 60).zeroPadded())")!
            clockNow.withLock { $0 = at }
            let draft = CaseDraft(
                procedureCode: ["XA.CT.02", "1.001193", "1.004873", "XA.LT.01"][i % 4],
                applicant: Applicant(
                    fullName: "Đặng Văn Đo \(i)", idNumber: "0010991\(String(10000 + i))",
                    phone: "0912\(String(100000 + i))"),
                receivedAt: at)
            let w = Stopwatch()
            _ = try desk.register(draft, by: actor)
            registration.append(w.elapsedMilliseconds)
        }
        let reg = Distribution(registration)
        context.report(
            "registration (200, synchronous=FULL)",
            "median \(fixed(reg.median, 2)) ms, p99 \(fixed(reg.percentile(99), 2)) ms, worst \(fixed(reg.max, 2)) ms")

        // Search per keystroke: every prefix of what an officer types.
        let typed = [
            "nguyen thi hoa", "dang van duc", "tran minh tuan", "le thi lan", "pham quoc", "0010991",
            "0912100", "261120-00", "000.00.15.h42-2611", "huynh", "vo van", "bui thu trang"
        ]
        var fts: [Double] = []
        var keystrokes: [String] = []
        for query in typed {
            let chars = Array(query)
            for n in 1...chars.count { keystrokes.append(String(chars[0..<n])) }
        }
        for _ in 0..<3 {
            for q in keystrokes {
                let w = Stopwatch()
                _ = try store.searchCases(q, limit: 50)
                fts.append(w.elapsedMilliseconds)
            }
        }
        let ftsD = Distribution(fts)
        if context.options["slow"] == "yes" {
            var slow: [(Double, String)] = []
            for q in keystrokes {
                let w = Stopwatch()
                _ = try store.searchCases(q, limit: 50)
                slow.append((w.elapsedMilliseconds, q))
            }
            for (ms, q) in slow.sorted(by: { $0.0 > $1.0 }).prefix(12) {
                print("    slow: \(fixed(ms, 2)) ms  \"\(q)\"")
            }
        }
        context.report(
            "search per keystroke, FTS5 (\(fts.count))",
            "median \(fixed(ftsD.median, 2)) ms, p99 \(fixed(ftsD.percentile(99), 2)) ms, worst \(fixed(ftsD.max, 2)) ms (target p99 < 20 ms)"
        )
        var scan: [Double] = []
        for q in keystrokes where q.count >= 3 && q.count % 3 == 0 {
            let w = Stopwatch()
            _ = try store.searchCasesByScan(q, limit: 50)
            scan.append(w.elapsedMilliseconds)
        }
        let scanD = Distribution(scan)
        var ftsSame: [Double] = []
        // (FTS5 timed again on exactly the keystrokes given to LIKE.)
        for q in keystrokes where q.count >= 3 && q.count % 3 == 0 {
            let w = Stopwatch()
            _ = try store.searchCases(q, limit: 50)
            ftsSame.append(w.elapsedMilliseconds)
        }
        let sameD = Distribution(ftsSame)
        let scanMean = scan.reduce(0, +) / Double(max(1, scan.count))
        let sameMean = ftsSame.reduce(0, +) / Double(max(1, ftsSame.count))
        context.report(
            "same \(scan.count) keystrokes, FTS5",
            "median \(fixed(sameD.median, 2)) ms, mean \(fixed(sameMean, 2)) ms, p99 \(fixed(sameD.percentile(99), 2)) ms"
        )
        context.report(
            "same \(scan.count) keystrokes, plain LIKE scan",
            "median \(fixed(scanD.median, 2)) ms, mean \(fixed(scanMean, 2)) ms, p99 \(fixed(scanD.percentile(99), 1)) ms"
        )
        context.report(
            "LIKE ÷ FTS5 (same run, same file)",
            "mean \(fixed(scanMean / max(0.001, sameMean), 0))×, p99 \(fixed(scanD.percentile(99) / max(0.001, sameD.percentile(99)), 0))× (LIKE stops early on common words, so its median is low)"
        )
        // Search by the last digits ("số đuôi", issue 12 §6): the ends of real cases' phones, ID numbers and
        // codes spread over the file, typed key by key (the first keystrokes are the short prefixes they start
        // as), each checked to find its case.
        let samples = try store.rawDatabase.rows(
            """
            SELECT code, applicant_phone, applicant_id_number FROM cases
            WHERE id % (SELECT max(id) / 12 FROM cases) = 7 AND applicant_phone IS NOT NULL ORDER BY id LIMIT 12
            """
        ) { ($0.text(0), $0.text(1), $0.text(2)) }
        let tails = samples.flatMap { code, phone, id in
            [(String(phone.suffix(6)), code), (String(id.suffix(5)), code), (String(code.suffix(9)), code)]
        }
        var suffixTimes: [Double] = []
        var suffixKeystrokes = 0
        for round in 0..<3 {
            for (tail, code) in tails {
                let chars = Array(tail)
                for n in 1...chars.count {
                    let w = Stopwatch()
                    let found = try store.searchCases(String(chars[0..<n]), limit: 50)
                    suffixTimes.append(w.elapsedMilliseconds)
                    suffixKeystrokes += round == 0 ? 1 : 0
                    if n == chars.count, round == 0, !found.contains(where: { $0.code == code }) {
                        // 50 most recent matches: an older case with a common ending may be beyond them.
                        let all = try store.searchCases(tail, limit: 100_000)
                        if !all.contains(where: { $0.code == code }) {
                            throw BenchmarkFailure("\"\(tail)\" does not find \(code)")
                        }
                    }
                }
            }
        }
        let suffixD = Distribution(suffixTimes)
        context.report(
            "search by last digits per keystroke (\(tails.count) endings, \(suffixKeystrokes) keystrokes × 3)",
            "median \(fixed(suffixD.median, 2)) ms, p99 \(fixed(suffixD.percentile(99), 2)) ms, worst \(fixed(suffixD.max, 2)) ms (target p99 < 20 ms)"
        )
        var suffixScan: [Double] = []
        for (tail, _) in tails {
            let w = Stopwatch()
            _ = try store.searchCasesByScan(tail, limit: 50)
            suffixScan.append(w.elapsedMilliseconds)
        }
        let suffixScanD = Distribution(suffixScan)
        context.report(
            "same \(tails.count) whole endings, plain LIKE '%…%' scan",
            "median \(fixed(suffixScanD.median, 1)) ms, worst \(fixed(suffixScanD.max, 1)) ms")
        let exact = Stopwatch()
        for _ in 0..<100 { _ = try store.caseRecord(code: "000.00.15.H42-261120-0001") }
        context.report(
            "open one case by code (record + procedure + steps)", "\(fixed(exact.elapsedMilliseconds / 100, 2)) ms")
    }
}
