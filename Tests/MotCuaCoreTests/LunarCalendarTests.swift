import Testing
@testable import MotCuaCore

@Suite struct LunarCalendarTests {
    let lunar = LunarCalendar()

    struct Vector: CustomTestStringConvertible {
        let solar: String
        let expected: LunarDate
        let note: String
        var testDescription: String { "\(solar) → \(expected) (\(note))" }
    }

    /// `Tests/Fixtures/lunar-vectors.tsv`, copied unchanged from the project's shared fixtures.
    static func vectors() throws -> [Vector] {
        try fixture("lunar-vectors.tsv").split(separator: "\n").compactMap { line -> Vector? in
            if line.hasPrefix("#") || line.hasPrefix("solar") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 5, let day = Int(f[1]), let month = Int(f[2]), let year = Int(f[3]) else {
                Issue.record("unreadable fixture line: \(line)")
                return nil
            }
            return Vector(
                solar: f[0], expected: LunarDate(day: day, month: month, year: year, isLeapMonth: f[4] == "1"),
                note: f.count > 5 ? f[5] : "")
        }
    }

    @Test func fixtureHasEveryVector() throws {
        #expect(try Self.vectors().count == 15)
    }

    @Test(arguments: try vectors())
    func sharedFixtureVectors(_ v: Vector) {
        #expect(lunar.lunar(from: d(v.solar)) == v.expected)
        #expect(lunar.solar(from: v.expected) == d(v.solar))
    }

    /// Years in which the Vietnamese calendar (UTC+7) and Chinese tables (UTC+8) disagree on Tết.
    @Test(arguments: [
        ("1985-01-21", 1985),  // China: 1985-02-20 (the month-11/12 difference of 1984–85)
        ("2007-02-17", 2007),  // China: 2007-02-18
        ("1968-01-29", 1968),  // China: 1968-01-30
        ("2030-02-02", 2030)  // China: 2030-02-03
    ])
    func tetWhereVietnamDiffersFromChina(_ solar: String, _ year: Int) {
        #expect(lunar.newYear(year) == d(solar))
    }

    /// Tết and Giỗ Tổ as published in Vietnam.
    @Test(arguments: [
        (2019, "2019-02-05", "2019-04-14"), (2020, "2020-01-25", "2020-04-02"),
        (2021, "2021-02-12", "2021-04-21"), (2022, "2022-02-01", "2022-04-10"),
        (2023, "2023-01-22", "2023-04-29"), (2024, "2024-02-10", "2024-04-18"),
        (2025, "2025-01-29", "2025-04-07"), (2026, "2026-02-17", "2026-04-26"),
        (2027, "2027-02-06", "2027-04-16")
    ])
    func publishedTetAndGioTo(_ year: Int, _ tet: String, _ gioTo: String) {
        #expect(lunar.newYear(year) == d(tet))
        #expect(lunar.solar(from: LunarDate(day: 10, month: 3, year: year)) == d(gioTo))
    }

    @Test func leapMonths() {
        #expect(lunar.leapMonth(ofYear: 2023) == 2)
        #expect(lunar.leapMonth(ofYear: 2025) == 6)
        #expect(lunar.leapMonth(ofYear: 2024) == nil)
        #expect(lunar.leapMonth(ofYear: 2020) == 4)
    }

    @Test func nonexistentLunarDatesAreRejected() {
        // 2024 has no leap month; month 12 of Giáp Thìn (2024) has 29 days.
        #expect(lunar.solar(from: LunarDate(day: 1, month: 5, year: 2024, isLeapMonth: true)) == nil)
        #expect(lunar.solar(from: LunarDate(day: 30, month: 12, year: 2024)) == nil)
        #expect(lunar.solar(from: LunarDate(day: 29, month: 12, year: 2024)) == d("2025-01-28"))
        #expect(lunar.solar(from: LunarDate(day: 0, month: 1, year: 2025)) == nil)
        #expect(lunar.solar(from: LunarDate(day: 1, month: 13, year: 2025)) == nil)
    }

    @Test func descriptionMarksLeapMonths() {
        #expect(LunarDate(day: 1, month: 2, year: 2023, isLeapMonth: true).description == "1/2/2023 nhuận")
        #expect(LunarDate(day: 10, month: 3, year: 2026).description == "10/3/2026")
    }

    /// Every day from 1900-01-01 to 2100-12-31: solar → lunar → solar is the identity, and consecutive days
    /// form a well-shaped lunar calendar (days count up within 29- or 30-day months, months follow each
    /// other, leap months repeat the month before, the year changes exactly at month 1 day 1).
    @Test func roundTripEveryDay1900To2100() {
        var date = d("1900-01-01")
        let end = d("2100-12-31")
        var previous = lunar.lunar(from: date.adding(days: -1))
        var monthLength = 0
        var failures = 0
        while date <= end {
            let l = lunar.lunar(from: date)
            if lunar.solar(from: l) != date {
                failures += 1
                if failures < 5 { Issue.record("round trip failed at \(date): \(l)") }
            }
            if l.day == previous.day + 1 {
                let sameMonth =
                    l.month == previous.month && l.year == previous.year && l.isLeapMonth == previous.isLeapMonth
                if !sameMonth { Issue.record("month changed mid-month at \(date): \(previous) → \(l)") }
                monthLength += 1
            } else {
                if l.day != 1 { Issue.record("day did not restart at 1 at \(date): \(previous) → \(l)") }
                if monthLength != 0 && !(29...30).contains(monthLength + 1) {
                    Issue.record("month of \(monthLength + 1) days ending \(date.adding(days: -1))")
                }
                monthLength = 0
                if l.isLeapMonth {
                    if !(l.month == previous.month && !previous.isLeapMonth) {
                        Issue.record("leap month does not repeat the previous month at \(date)")
                    }
                } else {
                    let expectedMonth = previous.month == 12 ? 1 : previous.month + 1
                    if l.month != expectedMonth { Issue.record("month skipped at \(date): \(previous) → \(l)") }
                    let expectedYear = l.month == 1 ? previous.year + 1 : previous.year
                    if l.year != expectedYear { Issue.record("year wrong at \(date): \(previous) → \(l)") }
                }
            }
            previous = l
            date = date.adding(days: 1)
        }
        #expect(failures == 0)
    }
}
