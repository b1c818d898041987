import MotCuaDefaults
import Testing
@testable import MotCuaCore

@Suite struct HolidayTests {
    let shipped = ShippedConfig.calendarConfig()
    var calendar: WorkingCalendar { shipped.makeCalendar() }
    /// The default rule alone (no official years).
    let defaultOnly = WorkingCalendar(holidayData: HolidayData())

    func offDays(_ cal: WorkingCalendar, _ year: Int) -> [String] {
        cal.specialDays(of: year).filter(\.isOff).map(\.date.iso)
    }

    @Test func shippedYearsAreOfficialOthersDefault() {
        #expect(calendar.yearStatus(2025) == .official)
        #expect(calendar.yearStatus(2026) == .official)
        #expect(calendar.yearStatus(2024) == .default)
        #expect(calendar.yearStatus(2027) == .default)
    }

    @Test func official2025() {
        let cal = calendar
        #expect(
            offDays(cal, 2025) == [
                "2025-01-01",
                "2025-01-25", "2025-01-26", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
                "2025-02-01", "2025-02-02",
                "2025-04-07",
                "2025-04-30", "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04",
                "2025-08-30", "2025-08-31", "2025-09-01", "2025-09-02"
            ])
        // Fri 02/05 swapped for Sat 26/04 worked.
        #expect(cal.isWorkingDay(d("2025-04-26")))
        #expect(!cal.isWorkingDay(d("2025-05-02")))
        #expect(cal.specialDays(of: 2025).filter { !$0.isOff }.map(\.date) == [d("2025-04-26")])
        // Every entry has a name.
        #expect(cal.specialDays(of: 2025).allSatisfy { !$0.name.isEmpty })
    }

    @Test func official2026() {
        let cal = calendar
        #expect(
            offDays(cal, 2026) == [
                "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                "2026-02-14", "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-02-21", "2026-02-22",
                "2026-04-26", "2026-04-27",
                "2026-04-30", "2026-05-01",
                "2026-09-02", "2026-09-03"
            ])
        #expect(cal.isWorkingDay(d("2026-01-10")), "Saturday 10/01/2026 is a make-up working day")
        #expect(!cal.isWorkingDay(d("2026-01-02")))
        #expect(!cal.isWorkingDay(d("2026-04-27")), "Monday 27/04/2026 compensates Giỗ Tổ on a Sunday")
        if case .off(let s) = cal.status(of: d("2026-04-27")) {
            #expect(s.kind == .compensatory)
        } else {
            Issue.record("27/04 not off")
        }
        // National Day 2026 is not announced: kept as the default rule would give it, flagged provisional.
        let provisional = cal.specialDays(of: 2026).filter(\.provisional).map(\.date)
        #expect(provisional == [d("2026-09-02"), d("2026-09-03")])
        #expect(shipped.holidays.officialYears[2026]!.hasProvisionalDays)
        #expect(!shipped.holidays.officialYears[2025]!.hasProvisionalDays)
    }

    /// The official 2025–2026 schedules agree with the default rule on every statutory holiday.
    @Test(arguments: [2025, 2026])
    func officialYearsContainTheStatutoryHolidays(_ year: Int) {
        let off = Set(offDays(calendar, year))
        for h in defaultOnly.holidays.statutoryHolidays(of: year) {
            #expect(off.contains(h.date.iso), "\(h.name) \(h.date) missing from the official \(year) list")
        }
    }

    struct DefaultYear: CustomTestStringConvertible, Sendable {
        let year: Int
        let off: [String]
        var testDescription: String { String(year) }
    }

    /// Worked by hand from the rule: holidays, then compensatory days after each block for every holiday
    /// on a Saturday or Sunday.
    @Test(arguments: [
        // Tết Sat 06/02 (eve Fri 05/02) → Sat 06, Sun 07 compensated Wed 10, Thu 11; 1 May Sat → Mon 03/05;
        // 2/9 Thu → plus 3/9.
        DefaultYear(
            year: 2027,
            off: [
                "2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                "2027-02-10", "2027-02-11", "2027-04-16", "2027-04-30", "2027-05-01", "2027-05-03",
                "2027-09-02", "2027-09-03"
            ]),
        // 1 Jan Sat → Mon 03/01; Tết Wed 26/01 (eve Tue 25/01), mùng 4 Sat 29/01 → Mon 31/01;
        // Giỗ Tổ Tue 04/04; 30/4 Sun + 1/5 Mon → Tue 02/05; 2/9 Sat + 3/9 Sun → Mon 04/09, Tue 05/09.
        DefaultYear(
            year: 2028,
            off: [
                "2028-01-01", "2028-01-03", "2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28",
                "2028-01-29", "2028-01-31", "2028-04-04", "2028-04-30", "2028-05-01", "2028-05-02",
                "2028-09-02", "2028-09-03", "2028-09-04", "2028-09-05"
            ]),
        // 2/9 is a Tuesday in 2025: the rule adds 1/9, not 3/9 (the official 2025 list did the same).
        DefaultYear(
            year: 2025,
            off: [
                "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                "2025-02-03", "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02"
            ]),
        // Tết 2030 is Sat 02/02 in Vietnam: eve Fri 01/02, mùng 1–4 Sat–Tue → Wed 06/02, Thu 07/02.
        DefaultYear(
            year: 2030,
            off: [
                "2030-01-01", "2030-02-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05",
                "2030-02-06", "2030-02-07", "2030-04-12", "2030-04-30", "2030-05-01",
                "2030-09-02", "2030-09-03"
            ])
    ])
    func defaultRule(_ expected: DefaultYear) {
        #expect(offDays(defaultOnly, expected.year) == expected.off)
        #expect(defaultOnly.yearStatus(expected.year) == .default)
        #expect(
            defaultOnly.specialDays(of: expected.year).allSatisfy { $0.isOff }, "the default rule has no make-up days")
    }

    @Test func compensatoryDaysSkipOtherHolidays() {
        // An added holiday on Sunday 29/04/2029 makes one block with 30/4 and 1/5.
        let data = HolidayData(additionalHolidays: [
            AdditionalHoliday(month: 4, day: 29, name: "Ngày thử", firstYear: 2029)
        ])
        let cal = WorkingCalendar(holidayData: data)
        // 2029: 29/4 Sun (added), 30/4 Mon, 1/5 Tue; Sunday compensated on Wed 02/05.
        #expect(!cal.isWorkingDay(d("2029-05-02")))
        #expect(cal.isWorkingDay(d("2029-05-03")))
        #expect(cal.yearStatus(2028) == .default)
        // The added holiday applies only from its first year.
        #expect(WorkingCalendar(holidayData: data).isWorkingDay(d("2028-04-28")))
    }

    @Test func additionalHolidayProposal24November() {
        let data = HolidayData(additionalHolidays: [
            AdditionalHoliday(month: 11, day: 24, name: "Ngày Văn hóa Việt Nam", firstYear: 2027)
        ])
        let cal = WorkingCalendar(holidayData: data)
        #expect(!cal.isWorkingDay(d("2027-11-24")))
        #expect(cal.isWorkingDay(d("2026-11-24")), "not before its first year")
    }

    @Test func workingDayCountsAcrossYears() {
        let cal = calendar
        // 2026 has 261 weekdays; minus official weekday days off, plus the make-up Saturday.
        let weekdaysOff2026 = cal.specialDays(of: 2026).filter { $0.isOff && $0.date.weekday.rawValue <= 5 }.count
        #expect(cal.workingDays(from: d("2026-01-01"), to: d("2027-01-01")) == 261 - weekdaysOff2026 + 1)
        var naive = 0
        var day = d("2024-03-15")
        while day < d("2027-08-02") { if cal.isWorkingDay(day) { naive += 1 }; day = day.adding(days: 1) }
        #expect(cal.workingDays(from: d("2024-03-15"), to: d("2027-08-02")) == naive)
    }
}
