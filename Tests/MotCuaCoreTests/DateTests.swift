import Testing
@testable import MotCuaCore

@Suite struct CivilDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2000-02-29", 11016, .tuesday),
        ("2026-11-21", 20778, .saturday),
        ("1900-01-01", -25567, .monday),
        ("2100-12-31", 47846, .friday)
    ])
    func dayNumbersAndWeekdays(_ text: String, _ dayNumber: Int, _ weekday: Weekday) {
        let date = d(text)
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(date.iso == text)
    }

    @Test func everyDayRoundTripsThroughComponents() {
        var date = d("1899-12-25")
        while date <= d("2200-01-05") {
            let c = date.components
            #expect(CivilDate(year: c.year, month: c.month, day: c.day) == date)
            date = date.adding(days: 1)
        }
    }

    @Test(arguments: [
        "2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-01", "2025/01/01", "", "abcd-ef-gh"
    ])
    func impossibleDatesAreRejected(_ text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func vietnameseDateFormat() {
        #expect(d("2026-11-24").vietnamese == "24/11/2026")
        #expect(CivilDate(vietnamese: "4/1/2026") == d("2026-01-04"))
        #expect(CivilDate(vietnamese: "31/02/2026") == nil)
    }

    @Test func localDateTimeParsingAndFormatting() {
        let value = t("2026-11-24 09:30")
        #expect(value.date == d("2026-11-24"))
        #expect(value.minuteOfDay == 570)
        #expect(value.iso == "2026-11-24 09:30")
        #expect(value.vietnameseAppointment == "09 giờ 30 phút, thứ Ba ngày 24/11/2026")
        #expect(LocalDateTime(iso: "2026-11-24 24:00") == nil)
        #expect(LocalDateTime(iso: "2026-11-24 9:60") == nil)
        #expect(LocalDateTime(iso: "2026-11-24T07:05") == t("2026-11-24 07:05"))
        #expect(LocalDateTime(date: d("1969-12-31"), minuteOfDay: 1439).date == d("1969-12-31"))
    }

    /// The usual sixteen-byte form is read from the bytes; every other spelling goes the longer way, and
    /// both must agree on what is a time.
    @Test(
        arguments: [
            ("2026-11-24 09:30", "2026-11-24 09:30"), ("2026-11-24T09:30", "2026-11-24 09:30"),
            ("2026-11-24 9:05", "2026-11-24 09:05"), ("2026-11-24  09:30", "2026-11-24 09:30"),
            (" 2026-11-24 09:30", "2026-11-24 09:30"), ("2028-02-29 23:59", "2028-02-29 23:59"),
            ("2026-02-29 10:00", nil), ("2026-11-24 09:3a", nil), ("2026-11-24_09:30", nil), ("2026/11/24 09:30", nil),
            ("２０２６-11-24 09:30", nil), ("2026-11-24 09:3٠", nil), ("2026-11-24 0930", nil),
            ("2026-11-24 09:30:00", nil),
            ("", nil)
        ] as [(String, String?)])
    func localDateTimeSpellings(_ text: String, _ expected: String?) {
        #expect(LocalDateTime(iso: text)?.iso == expected)
        #expect(LocalDateTime(iso: ("x" + text + "x").dropFirst().dropLast())?.iso == expected, "as a substring")
    }

    @Test func civilDateFromASubstringAndNonASCIIDigits() {
        #expect(CivilDate(iso: "[2026-11-24]".dropFirst().dropLast()) == d("2026-11-24"))
        #expect(CivilDate(iso: "2026-11-2٤") == nil)
        #expect(CivilDate(iso: "2026-11-24 ") == nil)
    }

    @Test func unixSecondsAreShiftedToVietnamTime() {
        // 2026-11-21 00:00:00 UTC is 07:00 in Vietnam.
        let value = LocalDateTime(unixSeconds: 1_795_219_200)
        #expect(value == t("2026-11-21 07:00"))
    }
}
