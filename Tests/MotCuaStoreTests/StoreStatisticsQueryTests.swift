import MotCuaCore
import MotCuaTesting
import Testing

@testable import MotCuaStore

/// `statisticsFacts` reads the cases received before a period and resolved since in two parts (a window
/// before the period, and the cases that took longer than it); the rows must be exactly those of the plain
/// definition, whatever the spans, for periods before, around and after the data.
@Suite struct StoreStatisticsQueryTests {
    @Test func theSplitQueryReturnsExactlyTheDefinition() throws {
        let db = try TestDatabase()
        let day = 24 * 60
        let base = LocalDateTime(iso: "2024-01-02 08:00")!.minutes
        // Received every 9 days over three years; resolved after spans from 0 to 400 days (some never),
        // some closed without a result.
        var n = 0
        for i in 0..<120 {
            let received = base + i * 9 * day
            let code = try db.register("Người \(i)").code
            let span = [0, 1, 30, 119, 120, 121, 200, 400, -1, -2][i % 10] * day + (i % 3) * 7
            let result: Int? = span >= 0 ? received + span : nil
            let closed: Int? = span == -2 * day + (i % 3) * 7 ? received + 50 * day : nil
            try db.store.db.run(
                "UPDATE cases SET received_at = ?, result_at = ?, closed_at = ? WHERE code = ?", received, result,
                closed, code)
            n += 1
        }
        #expect(n == 120)
        for (from, to) in [
            ("2023-10-01", "2023-12-31"), ("2024-01-01", "2024-03-31"), ("2024-07-01", "2024-09-30"),
            ("2025-04-01", "2025-06-30"), ("2025-10-01", "2025-12-31"), ("2026-10-01", "2026-12-31"),
            ("2028-01-01", "2028-03-31"), ("2024-05-01", "2024-05-31")
        ] {
            let period = ReportPeriod(from: CivilDate(iso: from)!, to: CivilDate(iso: to)!)!
            let got = try db.store.statisticsFacts(period).map(\.code).sorted()
            let expected = try db.store.db.rows(
                """
                SELECT code FROM cases WHERE (received_at >= ?1 AND received_at < ?2)
                   OR (received_at < ?1 AND (result_at >= ?1 OR (result_at IS NULL AND (closed_at IS NULL OR closed_at >= ?1))))
                ORDER BY code
                """, [period.start.minutes, period.end.minutes]
            ) { $0.text(0) }
            #expect(got == expected, "\(from)…\(to)")
            #expect(Set(got).count == got.count, "no case twice")
        }
    }
}
