import MotCuaDefaults
import Testing
@testable import MotCuaCore

/// The fast working-time arithmetic checked against a naive minute-by-minute walk, on thousands of random
/// instants and limits. The naive side does not use the calendar's year tables: it derives working days
/// directly from the holiday list and the weekday.
@Suite struct WorkingTimeOracleTests {
    let config = ShippedConfig.calendarConfig()
    let calendar: WorkingCalendar
    let naive: NaiveCalendar

    init() {
        calendar = config.makeCalendar()
        naive = NaiveCalendar(config: config, years: 2024...2029)
    }

    /// Independent reference: a set of working day numbers and the session minutes.
    struct NaiveCalendar {
        let workingDays: Set<Int>
        let sessions: [(Int, Int)]

        init(config: CalendarConfig, years: ClosedRange<Int>) {
            let rules = HolidayRules(data: config.holidays)
            var days = Set<Int>()
            for year in years {
                var special: [Int: Bool] = [:]
                for s in rules.specialDays(of: year) { special[s.date.dayNumber] = !s.isOff }
                var date = CivilDate.firstOfYear(year)
                while date.year == year {
                    let working = special[date.dayNumber] ?? config.schedule.workingWeekdays.contains(date.weekday)
                    if working { days.insert(date.dayNumber) }
                    date = date.adding(days: 1)
                }
            }
            workingDays = days
            sessions = config.schedule.sessions.map { ($0.start.minuteOfDay, $0.end.minuteOfDay) }
        }

        func isWorkingMinute(_ minute: Int) -> Bool {
            let day = minute >= 0 ? minute / 1440 : (minute - 1439) / 1440
            guard workingDays.contains(day) else { return false }
            let m = minute - day * 1440
            return sessions.contains { m >= $0.0 && m < $0.1 }
        }

        /// Walks minute by minute until `count` working minutes have passed.
        func add(_ count: Int, to start: Int) -> Int {
            var used = 0
            var m = start
            while used < count {
                if isWorkingMinute(m) { used += 1 }
                m += 1
            }
            return m
        }

        func count(from a: Int, to b: Int) -> Int {
            var n = 0
            var m = a
            while m < b {
                if isWorkingMinute(m) { n += 1 }
                m += 1
            }
            return n
        }

        /// The first instant at or after `r` that is inside a working session.
        func normalize(_ r: Int) -> Int {
            var m = r
            while !isWorkingMinute(m) { m += 1 }
            return m
        }

        func nthWorkingDay(_ n: Int, after day: Int) -> Int {
            var d = day
            var left = n
            while left > 0 {
                d += 1
                if workingDays.contains(d) { left -= 1 }
            }
            return d
        }
    }

    /// A random instant between 2024-06-01 and 2028-06-01, minute precision.
    func randomInstant(_ rng: inout SplitMix64) -> LocalDateTime {
        let from = t("2024-06-01 00:00").minutes
        let to = t("2028-06-01 00:00").minutes
        return LocalDateTime(minutes: Int.random(in: from..<to, using: &rng))
    }

    @Test func addingWorkingMinutesMatchesTheWalk() {
        var rng = SplitMix64(seed: 20261121)
        for _ in 0..<2000 {
            let start = randomInstant(&rng)
            let minutes = Int.random(in: 1...(30 * 60), using: &rng)
            let fast = calendar.addingWorkingMinutes(minutes, to: start)
            let slow = naive.add(minutes, to: start.minutes)
            if fast.minutes != slow {
                Issue.record("adding \(minutes) min to \(start): fast \(fast), walk \(LocalDateTime(minutes: slow))")
                return
            }
        }
    }

    @Test func workingMinutesBetweenMatchesTheWalk() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let a = randomInstant(&rng)
            let b = a.adding(minutes: Int.random(in: -15000...15000, using: &rng))
            let fast = calendar.workingMinutes(from: a, to: b)
            let slow =
                b >= a ? naive.count(from: a.minutes, to: b.minutes) : -naive.count(from: b.minutes, to: a.minutes)
            if fast != slow {
                Issue.record("working minutes \(a) → \(b): fast \(fast), walk \(slow)")
                return
            }
        }
    }

    @Test func dueDatesMatchTheirDefinitions() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let r = randomInstant(&rng)
            let n = Int.random(in: 1...25, using: &rng)
            let start = naive.normalize(r.minutes)
            let startDay = start / 1440
            // N working days: same clock time as the normalised reception, N working days later.
            let wd = calendar.due(DueRule(limit: .workingDays(n)), receivedAt: r)
            let expectedWD = naive.nthWorkingDay(n, after: startDay) * 1440 + (start - startDay * 1440)
            if wd.minutes != expectedWD {
                Issue.record("\(r) + \(n) working days: fast \(wd), expected \(LocalDateTime(minutes: expectedWD))")
                return
            }
            // H working hours: H×60 working minutes consumed from the normalised reception.
            let hours = calendar.due(DueRule(limit: .workingHours(n)), receivedAt: r)
            if hours.minutes != naive.add(n * 60, to: start) {
                Issue.record("\(r) + \(n) working hours: fast \(hours)")
                return
            }
            // Same day: up to 15:00 on a working day → 17:00 that day, else 17:00 the next working day.
            let sameDay = calendar.due(DueRule(limit: .sameDay), receivedAt: r)
            let day = r.date.dayNumber
            let expectedSameDay =
                naive.workingDays.contains(day) && r.minuteOfDay <= 900
                ? day * 1440 + 1020 : naive.nthWorkingDay(1, after: day) * 1440 + 1020
            if sameDay.minutes != expectedSameDay {
                Issue.record("\(r) same day: fast \(sameDay), expected \(LocalDateTime(minutes: expectedSameDay))")
                return
            }
            // Calendar days: the date N days later, moved to a working day, at 17:00.
            let cal = calendar.due(DueRule(limit: .calendarDays(n)), receivedAt: r)
            var target = day + n
            while !naive.workingDays.contains(target) { target += 1 }
            if cal.minutes != target * 1440 + 1020 {
                Issue.record("\(r) + \(n) calendar days: fast \(cal)")
                return
            }
            // Tracing never changes the result.
            if calendar.explainDue(DueRule(limit: .workingDays(n), extraWorkingDays: 2), receivedAt: r).due
                != calendar.due(DueRule(limit: .workingDays(n + 2)), receivedAt: r)
            {
                Issue.record("\(r): extra days differ from a longer limit")
                return
            }
        }
    }
}
