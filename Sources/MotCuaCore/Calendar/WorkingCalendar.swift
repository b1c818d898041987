import Synchronization

/// What a date is in the working calendar, and why.
public enum DayStatus: Hashable, Sendable {
    /// An ordinary working weekday.
    case working
    /// A weekly rest day worked to make up for a swapped day (ngày làm bù).
    case makeUp(SpecialDay)
    /// A weekly rest day (Saturday, Sunday by default).
    case restDay(Weekday)
    /// A day off named by the holiday data or the default rule.
    case off(SpecialDay)

    public var isWorking: Bool {
        switch self {
        case .working, .makeUp: true
        case .restDay, .off: false
        }
    }
}

/// The unit's working calendar: which days are working days, and the working-time arithmetic on them.
///
/// Pure (no clock). Each year's table is built on first use from the holiday rules and cached; the cache is
/// shared safely between threads.
public final class WorkingCalendar: Sendable {
    public let schedule: WorkSchedule
    public let holidays: HolidayRules
    private let cache = Mutex<[Int: YearTable]>([:])

    public init(schedule: WorkSchedule = .standard, holidays: HolidayRules) {
        self.schedule = schedule
        self.holidays = holidays
    }

    public convenience init(schedule: WorkSchedule = .standard, holidayData: HolidayData) {
        self.init(
            schedule: schedule,
            holidays: HolidayRules(
                data: holidayData, restDays: Set(Weekday.allCases).subtracting(schedule.workingWeekdays)))
    }

    /// One year of the calendar, flattened for fast stepping.
    struct YearTable: Sendable {
        let year: Int
        let firstDayNumber: Int
        /// Per day of the year: is it a working day?
        let working: [Bool]
        /// `workingBefore[i]` = number of working days among days 0..<i of the year (count + 1 entries).
        let workingBefore: [Int32]
        /// Special days of the year by day-of-year index.
        let special: [Int: SpecialDay]

        var dayCount: Int { working.count }
        var workingDayCount: Int { Int(workingBefore[working.count]) }
    }

    func table(for year: Int) -> YearTable {
        if let t = cache.withLock({ $0[year] }) { return t }
        let built = buildTable(year)
        cache.withLock { $0[year] = built }
        return built
    }

    private func buildTable(_ year: Int) -> YearTable {
        let first = CivilDate.firstOfYear(year)
        let count = CivilDate.daysInYear(year)
        var special: [Int: SpecialDay] = [:]
        for day in holidays.specialDays(of: year) where day.date.year == year {
            let index = day.date.dayNumber - first.dayNumber
            // An official list may name a date twice (off and work); the later entry is kept.
            special[index] = day
        }
        var working = [Bool](repeating: false, count: count)
        var before = [Int32](repeating: 0, count: count + 1)
        var weekday = first.weekday.rawValue
        for i in 0..<count {
            let isWorking: Bool
            if let s = special[i] {
                isWorking = !s.isOff
            } else {
                isWorking = schedule.workingWeekdays.contains(Weekday(rawValue: weekday)!)
            }
            working[i] = isWorking
            before[i + 1] = before[i] + (isWorking ? 1 : 0)
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        return YearTable(
            year: year, firstDayNumber: first.dayNumber, working: working,
            workingBefore: before, special: special)
    }

    // MARK: Days

    public func status(of date: CivilDate) -> DayStatus {
        let t = table(for: date.year)
        let i = date.dayNumber - t.firstDayNumber
        if let s = t.special[i] { return s.isOff ? .off(s) : .makeUp(s) }
        let wd = date.weekday
        return schedule.workingWeekdays.contains(wd) ? .working : .restDay(wd)
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        let t = table(for: date.year)
        return t.working[date.dayNumber - t.firstDayNumber]
    }

    public func yearStatus(_ year: Int) -> HolidayYearStatus { holidays.status(of: year) }

    /// The first working day strictly after `date`.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        nthWorkingDay(1, after: date)
    }

    /// The last working day strictly before `date` (nil before the calendar's first supported year).
    public func previousWorkingDay(before date: CivilDate) -> CivilDate? {
        var day = date.adding(days: -1)
        while CivilDate.supportedYears.contains(day.year) {
            if isWorkingDay(day) { return day }
            day = day.adding(days: -1)
        }
        return nil
    }

    /// The n-th working day strictly after `date` (n ≥ 1).
    public func nthWorkingDay(_ n: Int, after date: CivilDate) -> CivilDate {
        precondition(n >= 1)
        var remaining = n
        var year = date.year
        var t = table(for: year)
        var i = date.dayNumber - t.firstDayNumber + 1
        while true {
            if i >= t.dayCount {
                year += 1
                t = table(for: year)
                i = 0
            }
            let available = t.workingDayCount - Int(t.workingBefore[i])
            if available < remaining {
                // The whole rest of the year is not enough: jump over it.
                remaining -= available
                i = t.dayCount
                continue
            }
            while i < t.dayCount {
                if t.working[i] {
                    remaining -= 1
                    if remaining == 0 { return CivilDate(dayNumber: t.firstDayNumber + i) }
                }
                i += 1
            }
        }
    }

    /// Number of working days in the half-open range [from, to) (0 when `to` ≤ `from`).
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        guard from < to else { return 0 }
        func countBefore(_ d: CivilDate, in t: YearTable) -> Int {
            Int(t.workingBefore[d.dayNumber - t.firstDayNumber])
        }
        if from.year == to.year {
            let t = table(for: from.year)
            return countBefore(to, in: t) - countBefore(from, in: t)
        }
        let first = table(for: from.year)
        var total = first.workingDayCount - countBefore(from, in: first)
        var year = from.year + 1
        while year < to.year {
            total += table(for: year).workingDayCount
            year += 1
        }
        total += countBefore(to, in: table(for: to.year))
        return total
    }

    /// The special days of a year (holidays, compensatory and swapped days off, make-up working days).
    public func specialDays(of year: Int) -> [SpecialDay] {
        table(for: year).special.values.sorted()
    }

    // MARK: Working time

    /// Working minutes in the half-open interval [a, b); negative when b < a.
    public func workingMinutes(from a: LocalDateTime, to b: LocalDateTime) -> Int {
        if b < a { return -workingMinutes(from: b, to: a) }
        let perDay = schedule.minutesPerDay
        let da = a.date
        let db = b.date
        if da == db {
            guard isWorkingDay(da) else { return 0 }
            return schedule.minutesRemaining(after: a.minuteOfDay) - schedule.minutesRemaining(after: b.minuteOfDay)
        }
        var total = 0
        if isWorkingDay(da) { total += schedule.minutesRemaining(after: a.minuteOfDay) }
        total += workingDays(from: da.adding(days: 1), to: db) * perDay
        if isWorkingDay(db) { total += schedule.minutesElapsed(before: b.minuteOfDay) }
        return total
    }

    /// The instant at which `minutes` (≥ 1) working minutes have been used, counting from `start`.
    /// A result at the end of a session is reported as that session's end (e.g. 11:30, not 13:00).
    public func addingWorkingMinutes(_ minutes: Int, to start: LocalDateTime) -> LocalDateTime {
        precondition(minutes >= 1)
        let perDay = schedule.minutesPerDay
        var date = start.date
        var remaining = minutes
        if isWorkingDay(date) {
            let today = schedule.minutesRemaining(after: start.minuteOfDay)
            if remaining <= today {
                return LocalDateTime(
                    date: date, minuteOfDay: schedule.minuteAfterConsuming(remaining, from: start.minuteOfDay))
            }
            remaining -= today
        }
        // Whole working days, then the part of the last one.
        let wholeDays = (remaining - 1) / perDay
        remaining -= wholeDays * perDay
        date = nthWorkingDay(wholeDays + 1, after: date)
        return LocalDateTime(date: date, minuteOfDay: schedule.minuteAfterConsuming(remaining, from: 0))
    }
}
