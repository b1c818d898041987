import MotCuaCore
import MotCuaDocuments
@_spi(Benchmark) import MotCuaStore
import MotCuaSystem

/// Figures for the reports issue, on the generated database of the store group.
enum ReportBenchmarks {
    static let group = BenchmarkGroup(
        name: "reports",
        summary: "báo cáo trên cơ sở dữ liệu 1.000.000 hồ sơ: thống kê quý, sổ theo dõi năm, hồ sơ quá hạn",
        run: run
    )

    static func median(_ runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let w = Stopwatch()
            try body()
            times.append(w.elapsedMilliseconds)
        }
        return Distribution(times).median
    }

    static func run(_ context: BenchmarkContext) throws {
        let (path, _) = try StoreBenchmarks.database(context)
        let opening = Stopwatch()
        let store = try Store.open(path: path)  // the first open after an upgrade adds the report index
        context.report("open (with any pending migration)", "\(fixed(opening.elapsedMilliseconds, 0)) ms")
        let ctx = PrintContext(unit: try store.unitProfile(), forms: FormCatalog(circular: "", entries: [:]))
        let now = LocalDateTime(iso: "2026-11-20 10:00")!

        for (name, period) in [
            ("quarter Q3 2026 (the last full quarter)", ReportPeriod.quarter(2026, 3)!),
            ("quarter Q4 2026 to date", ReportPeriod(from: CivilDate(iso: "2026-10-01")!, to: now.date)!),
            ("quarter Q1 2020 (six years back)", ReportPeriod.quarter(2020, 1)!)
        ] {
            var stats: PeriodStatistics?
            let query = try median { stats = try store.periodStatistics(period, now: now) }
            let s = stats!
            let render = median {
                _ = TextRenderer(pageSize: .a4Landscape).text(ReportForms.statistics(s, ctx, printedAt: now).document)
            }
            context.report(
                "statistics, \(name)",
                "median \(fixed(query, 1)) ms query + \(fixed(render, 1)) ms document "
                    + "(received \(grouped(s.total.received)), resolved \(grouped(s.total.resolved)), rate \(s.total.onTimeRateText))"
            )
        }

        let calendarForHome = try store.calendarConfig().makeCalendar()
        var attention = Attention()
        let attentionTime = try median(20) { attention = try store.attention(now: now, calendar: calendarForHome) }
        let countsTime = try median(20) { _ = try store.homeCounts(now: now) }
        let workTime = try median(20) { _ = try store.workList(limit: 300) }
        context.report(
            "home refresh parts",
            "attention flags \(fixed(attentionTime, 2)) ms (\(attention.handOverLate.count) late hand-overs, "
                + "\(attention.apologyDue.count) apologies due), counts \(fixed(countsTime, 2)) ms, work list \(fixed(workTime, 2)) ms"
        )

        let year = ReportPeriod.year(2025)!
        var rows: [LedgerRow] = []
        let ledgerQuery = try median(3) { rows = try store.ledger(year) }
        var pages = 0
        let ledgerRender = median(3) {
            let text = TextRenderer(pageSize: .a4Landscape).text(
                ReportForms.ledger(rows, period: year, ctx, printedAt: now).document)
            pages = text.split(separator: "\u{000C}").count
        }
        context.report(
            "ledger of 2025",
            "median \(fixed(ledgerQuery, 0)) ms query + \(fixed(ledgerRender, 0)) ms document and text "
                + "(\(grouped(rows.count)) cases, \(grouped(pages)) pages)")

        // A receipt as printed: built from the store, laid out and written as PDF with the embedded font subset
        // (the renderer and its font are made once, as in the program).
        let renderer = DocumentRenderer()
        let receiptCode = try store.rawDatabase.rows("SELECT code FROM cases ORDER BY id DESC LIMIT 1") { $0.text(0) }[
            0]
        let documents = CaseDocuments(store: store, context: ctx)
        var pdfBytes = 0
        var format = ""
        let receiptTime = try median(30) {
            guard case .success(let built) = try documents.build(.receipt(caseCode: receiptCode), now: now) else {
                throw BenchmarkFailure("no receipt for \(receiptCode)")
            }
            let rendered = try renderer.render(built.document, as: .pdf, at: now)
            pdfBytes = rendered.bytes.count
            format = rendered.format.rawValue
        }
        context.report(
            "receipt: build + PDF (target < 20 ms)",
            "median \(fixed(receiptTime, 2)) ms (\(format), \(grouped(pdfBytes)) bytes)")

        let calendar = try store.calendarConfig().makeCalendar()
        var late: [LateCase] = []
        let lateTime = try median(3) {
            late = try store.lateCases(ReportPeriod.quarter(2026, 3)!, now: now, calendar: calendar)
        }
        context.report("late cases, Q3 2026", "median \(fixed(lateTime, 0)) ms (\(grouped(late.count)) cases)")
        var evaluations = 0
        let evalTime = try median { evaluations = try store.evaluations(ReportPeriod.quarter(2026, 3)!).count }
        context.report("evaluations, Q3 2026", "median \(fixed(evalTime, 1)) ms (\(grouped(evaluations)) evaluations)")
    }
}
