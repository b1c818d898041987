import MotCuaDefaults
import Testing
@testable import MotCuaCore

@Suite struct DueDateTests {
    let calendar = ShippedConfig.calendarConfig().makeCalendar()

    struct Case: CustomTestStringConvertible, Sendable {
        let note: String
        let received: String
        let rule: DueRule
        let due: String
        var testDescription: String { "\(note): \(received) + \(rule.limit) → \(due)" }
    }

    @Test(arguments: [
        // Working days keep the clock time of the (normalised) reception.
        Case(
            note: "Monday 10:00 + 2 working days", received: "2026-11-16 10:00", rule: DueRule(limit: .workingDays(2)),
            due: "2026-11-18 10:00"),
        Case(
            note: "Friday over the weekend", received: "2026-11-20 14:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-11-23 14:00"),
        Case(
            note: "across Tết 2026", received: "2026-02-12 10:00", rule: DueRule(limit: .workingDays(3)),
            due: "2026-02-24 10:00"),
        Case(
            note: "received during Tết", received: "2026-02-18 09:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-02-24 07:30"),
        Case(
            note: "make-up Saturday counts", received: "2026-01-09 10:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-01-10 10:00"),
        Case(
            note: "received on the make-up Saturday", received: "2026-01-10 08:00",
            rule: DueRule(limit: .workingDays(1)), due: "2026-01-12 08:00"),
        Case(
            note: "swapped Friday is off", received: "2025-12-31 10:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-01-05 10:00"),
        Case(
            note: "compensatory Monday skipped", received: "2026-04-24 09:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-04-28 09:00"),
        Case(
            note: "30/4 and 1/5 skipped", received: "2026-04-29 15:00", rule: DueRule(limit: .workingDays(2)),
            due: "2026-05-05 15:00"),
        Case(
            note: "lunch break counts from 13:00", received: "2026-11-16 12:10", rule: DueRule(limit: .workingDays(1)),
            due: "2026-11-17 13:00"),
        Case(
            note: "at 11:30 the morning is over", received: "2026-11-16 11:30", rule: DueRule(limit: .workingDays(1)),
            due: "2026-11-17 13:00"),
        Case(
            note: "before opening counts from 07:30", received: "2026-11-16 06:45",
            rule: DueRule(limit: .workingDays(1)), due: "2026-11-17 07:30"),
        Case(
            note: "after hours counts from next morning", received: "2026-11-16 17:20",
            rule: DueRule(limit: .workingDays(1)), due: "2026-11-18 07:30"),
        Case(
            note: "17:00 exactly is after hours", received: "2026-11-20 17:00", rule: DueRule(limit: .workingDays(1)),
            due: "2026-11-24 07:30"),
        Case(
            note: "Sunday reception", received: "2026-11-22 10:00", rule: DueRule(limit: .workingDays(3)),
            due: "2026-11-26 07:30"),
        Case(
            note: "verification adds working days", received: "2026-11-16 10:00",
            rule: DueRule(limit: .workingDays(3), extraWorkingDays: 5), due: "2026-11-26 10:00"),
        Case(
            note: "default year 2027 Tết", received: "2027-02-04 10:00", rule: DueRule(limit: .workingDays(1)),
            due: "2027-02-12 10:00"),

        // Working hours consume working time.
        Case(
            note: "4 hours from 07:30 end at 11:30", received: "2026-11-16 07:30",
            rule: DueRule(limit: .workingHours(4)), due: "2026-11-16 11:30"),
        Case(
            note: "hours skip lunch", received: "2026-11-16 10:00", rule: DueRule(limit: .workingHours(4)),
            due: "2026-11-16 15:30"),
        Case(
            note: "8 hours from 10:00 is next day 10:00", received: "2026-11-16 10:00",
            rule: DueRule(limit: .workingHours(8)), due: "2026-11-17 10:00"),
        Case(
            note: "hours into the make-up Saturday", received: "2026-01-08 16:00",
            rule: DueRule(limit: .workingHours(12)), due: "2026-01-10 10:30"),
        Case(
            note: "hours ending exactly at day end", received: "2026-11-20 13:00",
            rule: DueRule(limit: .workingHours(4)), due: "2026-11-20 17:00"),

        // Same day with the 15:00 cut-off.
        Case(
            note: "same day before the cut-off", received: "2026-11-20 14:59", rule: DueRule(limit: .sameDay),
            due: "2026-11-20 17:00"),
        Case(
            note: "same day at 15:00 itself → that day (the law says after 15:00)", received: "2026-11-20 15:00",
            rule: DueRule(limit: .sameDay), due: "2026-11-20 17:00"),
        Case(
            note: "same day at 15:01 → next working day", received: "2026-11-20 15:01", rule: DueRule(limit: .sameDay),
            due: "2026-11-23 17:00"),
        Case(
            note: "same day after the cut-off on Friday", received: "2026-11-20 15:30", rule: DueRule(limit: .sameDay),
            due: "2026-11-23 17:00"),
        Case(
            note: "same day early morning", received: "2026-11-19 06:30", rule: DueRule(limit: .sameDay),
            due: "2026-11-19 17:00"),
        Case(
            note: "same day on Saturday", received: "2026-11-21 09:00", rule: DueRule(limit: .sameDay),
            due: "2026-11-23 17:00"),
        Case(
            note: "same day with a 16:00 cut-off", received: "2026-11-20 15:30",
            rule: DueRule(limit: .sameDay, cutoff: ClockTime(hour: 16, minute: 0)), due: "2026-11-20 17:00"),
        Case(
            note: "same day before Tết", received: "2026-02-13 15:10", rule: DueRule(limit: .sameDay),
            due: "2026-02-23 17:00"),
        Case(
            note: "same day with verification", received: "2026-11-16 09:00",
            rule: DueRule(limit: .sameDay, extraWorkingDays: 5), due: "2026-11-23 17:00"),

        // Calendar days.
        Case(
            note: "calendar days on a working day", received: "2026-11-16 10:00",
            rule: DueRule(limit: .calendarDays(10)), due: "2026-11-26 17:00"),
        Case(
            note: "calendar days ending on Giỗ Tổ Sunday and its compensatory Monday", received: "2026-04-20 09:00",
            rule: DueRule(limit: .calendarDays(6)), due: "2026-04-28 17:00"),
        Case(
            note: "calendar days ending in Tết", received: "2026-01-17 09:00", rule: DueRule(limit: .calendarDays(30)),
            due: "2026-02-23 17:00"),
        Case(
            note: "calendar days ending on a make-up Saturday", received: "2025-12-31 08:00",
            rule: DueRule(limit: .calendarDays(10)), due: "2026-01-10 17:00")
    ])
    func dueDates(_ c: Case) {
        #expect(calendar.due(c.rule, receivedAt: t(c.received)) == t(c.due))
        // The traced computation gives the same instant as the fast one.
        #expect(calendar.explainDue(c.rule, receivedAt: t(c.received)).due == t(c.due))
    }

    @Test func explanationAcrossTet() {
        let result = calendar.explainDue(DueRule(limit: .workingDays(3)), receivedAt: t("2026-02-12 10:00"))
        #expect(
            result.explanation == [
                "Thời hạn: 3 ngày làm việc, không tính ngày tiếp nhận, giữ nguyên giờ.",
                "Tiếp nhận lúc 10:00 thứ Năm 12/02/2026, trong giờ làm việc: tính từ thời điểm tiếp nhận.",
                "Ngày làm việc thứ 1: thứ Sáu 13/02/2026.",
                "Bỏ qua thứ Bảy 14/02/2026: ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (ngày nghỉ hằng tuần).",
                "Bỏ qua Chủ nhật 15/02/2026: ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (ngày nghỉ hằng tuần).",
                "Bỏ qua thứ Hai 16/02/2026: ngày nghỉ lễ, Tết: Tết Nguyên đán Bính Ngọ.",
                "Bỏ qua thứ Ba 17/02/2026: ngày nghỉ lễ, Tết: Tết Nguyên đán Bính Ngọ.",
                "Bỏ qua thứ Tư 18/02/2026: ngày nghỉ lễ, Tết: Tết Nguyên đán Bính Ngọ.",
                "Bỏ qua thứ Năm 19/02/2026: ngày nghỉ lễ, Tết: Tết Nguyên đán Bính Ngọ.",
                "Bỏ qua thứ Sáu 20/02/2026: ngày nghỉ lễ, Tết: Tết Nguyên đán Bính Ngọ.",
                "Bỏ qua thứ Bảy 21/02/2026: ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (ngày nghỉ hằng tuần).",
                "Bỏ qua Chủ nhật 22/02/2026: ngày nghỉ: Nghỉ Tết Nguyên đán Bính Ngọ (ngày nghỉ hằng tuần).",
                "Ngày làm việc thứ 2: thứ Hai 23/02/2026.",
                "Ngày làm việc thứ 3: thứ Ba 24/02/2026.",
                "Hẹn trả: 10 giờ 00 phút, thứ Ba ngày 24/02/2026."
            ])
    }

    @Test func explanationOfCutoffAndWeekend() {
        let lines = calendar.explainDue(DueRule(limit: .sameDay), receivedAt: t("2026-11-20 15:30")).explanation
        #expect(
            lines == [
                "Thời hạn: trong ngày.",
                "Tiếp nhận lúc 15:30 thứ Sáu 20/11/2026, sau 15:00: trả vào cuối ngày làm việc tiếp theo.",
                "Bỏ qua thứ Bảy 21/11/2026: ngày nghỉ hằng tuần.",
                "Bỏ qua Chủ nhật 22/11/2026: ngày nghỉ hằng tuần.",
                "Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026."
            ])
    }

    @Test func explanationOfMakeUpDayCompensatoryDayAndNormalisation() {
        let makeUp = calendar.explainDue(DueRule(limit: .workingDays(1)), receivedAt: t("2026-01-09 12:00")).explanation
        #expect(
            makeUp.contains("Tiếp nhận lúc 12:00 thứ Sáu 09/01/2026, trong giờ nghỉ trưa: tính từ 13:00 cùng ngày."))
        #expect(
            makeUp.contains(
                "Ngày làm việc thứ 1: thứ Bảy 10/01/2026 (ngày làm bù: Làm bù cho ngày nghỉ thứ Sáu 02/01/2026)."))

        let comp = calendar.explainDue(DueRule(limit: .workingDays(1)), receivedAt: t("2026-04-24 18:00")).explanation
        #expect(
            comp.contains("Tiếp nhận lúc 18:00 thứ Sáu 24/04/2026, sau giờ làm việc: tính từ 07:30 thứ Ba 28/04/2026."))

        let withExtra = calendar.explainDue(
            DueRule(limit: .workingDays(1), extraWorkingDays: 2), receivedAt: t("2026-11-16 10:00")
        ).explanation
        #expect(withExtra.contains("Cộng thêm 2 ngày làm việc để xác minh."))
        #expect(withExtra.last == "Hẹn trả: 10 giờ 00 phút, thứ Năm ngày 19/11/2026.")

        let calendarDays = calendar.explainDue(DueRule(limit: .calendarDays(6)), receivedAt: t("2026-04-20 09:00"))
            .explanation
        #expect(
            calendarDays.contains(
                "Bỏ qua thứ Hai 27/04/2026: ngày nghỉ bù: Nghỉ bù Giỗ Tổ Hùng Vương rơi vào Chủ nhật 26/04/2026."))
    }

    @Test(arguments: [
        (0, false, "Đến hạn"), (45, false, "Còn 45 phút"), (60, false, "Còn 1 giờ"), (195, false, "Còn 3 giờ 15 phút"),
        (660, false, "Còn 1 ngày 3 giờ"), (960, false, "Còn 2 ngày"), (-1020, true, "Quá 2 ngày 1 giờ"),
        (-30, true, "Quá 30 phút"), (0, true, "Quá hạn")
    ])
    func remainingTimeText(_ minutes: Int, _ overdue: Bool, _ text: String) {
        #expect(RemainingTime(workingMinutes: minutes, isOverdue: overdue).description == text)
    }

    @Test func remainingTimeBetweenInstants() {
        // Due Tuesday 10:00, now Monday 15:00: 2 h Monday + 2 h 30 min Tuesday morning.
        let r = RemainingTime.between(now: t("2026-11-16 15:00"), due: t("2026-11-17 10:00"), calendar: calendar)
        #expect(r.description == "Còn 4 giờ 30 phút")
        // Due Friday 17:00, now the next Tuesday 08:30: Monday (8 h) and 1 h on Tuesday.
        let late = RemainingTime.between(now: t("2026-11-24 08:30"), due: t("2026-11-20 17:00"), calendar: calendar)
        #expect(late.description == "Quá 1 ngày 1 giờ")
        // Due Friday 17:00, now Saturday: overdue although no working time has passed.
        #expect(
            RemainingTime.between(now: t("2026-11-21 09:00"), due: t("2026-11-20 17:00"), calendar: calendar)
                .description == "Quá hạn")
    }

    @Test func resumeRestartsFromZeroByDefault() {
        let rule = DueRule(limit: .workingDays(3))
        let received = t("2026-11-16 10:00")
        let original = calendar.due(rule, receivedAt: received)
        #expect(original == t("2026-11-19 10:00"))
        // Paused Tuesday 10:00 (1 day used), complete dossier back on Monday 23/11 09:00.
        let restarted = calendar.dueAfterResume(
            rule, originalDue: original, pausedAt: t("2026-11-17 10:00"),
            resumedAt: t("2026-11-23 09:00"), policy: .restartFromZero)
        #expect(restarted == t("2026-11-26 09:00"))
        // Shift policy: the 2 working days left at the pause continue from the resume.
        let shifted = calendar.dueAfterResume(
            rule, originalDue: original, pausedAt: t("2026-11-17 10:00"),
            resumedAt: t("2026-11-23 09:00"), policy: .shiftByPausedTime)
        #expect(shifted == t("2026-11-25 09:00"))
    }

    @Test func limitStorageSpelling() {
        for limit in [TimeLimit.sameDay, .workingDays(3), .workingHours(4), .calendarDays(30)] {
            #expect(TimeLimit(unitCode: limit.unitCode, value: limit.value) == limit)
        }
        #expect(TimeLimit(unitCode: "working_days", value: 0) == nil)
        #expect(TimeLimit(unitCode: "weeks", value: 2) == nil)
    }

    /// The guidance slip says how the appointment is counted as the engine counts it: a working-days limit
    /// keeps the hour (no 15:00 rule), a same-day limit has its cut-off (15:00 itself is that day's), and the
    /// days added for verification are told.
    @Test func countingRuleAsTheEngineCounts() {
        func version(_ limit: TimeLimit, cutoff: ClockTime? = nil, extra: Int = 0) -> ProcedureVersion {
            ProcedureVersion(
                code: "X", name: "X", field: "X", limit: limit, cutoff: cutoff, extraVerificationDays: extra,
                effectiveFrom: CivilDate(year: 2026, month: 1, day: 1)!)
        }
        let days = version(.workingDays(3), extra: 20).countingRule(schedule: .standard)
        #expect(days.contains("giữ nguyên giờ") && !days.contains("15:00"), "\(days)")
        #expect(days.hasSuffix("Trường hợp cần xác minh: cộng thêm 20 ngày làm việc."), "\(days)")
        let sameDay = version(.sameDay).countingRule(schedule: .standard)
        #expect(sameDay.contains("không quá 15:00, được trả trong ngày") && sameDay.contains("nộp sau 15:00"))
        let own = version(.sameDay, cutoff: ClockTime(hour: 16, minute: 0)).countingRule(schedule: .standard)
        #expect(own.contains("không quá 16:00") && !own.contains("15:00"), "\(own)")
        #expect(!version(.calendarDays(15)).countingRule(schedule: .standard).contains("ngoài giờ"))
    }
}
