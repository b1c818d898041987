/// Why a date is special in the working calendar.
public enum SpecialDayKind: String, Sendable, Equatable, CaseIterable {
    /// A statutory holiday (ngày lễ, Tết).
    case holiday
    /// A compensatory day off for a holiday that fell on a weekly rest day (nghỉ bù).
    case compensatory
    /// A working day given off in exchange for a make-up working day (nghỉ hoán đổi).
    case swap
    /// Any other day off announced in an official schedule (e.g. a weekend inside an announced block).
    case other
    /// A make-up working day (ngày làm bù), usually a Saturday.
    case makeUp = "make_up"

    public var isOff: Bool { self != .makeUp }
}

/// A date with a special status and its name, e.g. 2026-04-27 "Nghỉ bù Giỗ Tổ Hùng Vương".
public struct SpecialDay: Hashable, Sendable, Comparable {
    public let date: CivilDate
    public let kind: SpecialDayKind
    public let name: String
    /// True when the entry is a placeholder until the government announces the schedule.
    public let provisional: Bool

    public init(date: CivilDate, kind: SpecialDayKind, name: String, provisional: Bool = false) {
        self.date = date
        self.kind = kind
        self.name = name
        self.provisional = provisional
    }

    public var isOff: Bool { kind.isOff }

    public static func < (a: SpecialDay, b: SpecialDay) -> Bool {
        a.date != b.date ? a.date < b.date : a.kind.rawValue < b.kind.rawValue
    }
}

/// Whether a year's days off come from a published government schedule or from the default rule.
public enum HolidayYearStatus: String, Sendable, Equatable {
    case official
    case `default`
}

/// A year's schedule as announced by the government: exactly these days off and make-up working days.
public struct OfficialHolidayYear: Sendable, Equatable {
    public let year: Int
    public let source: String
    public let days: [SpecialDay]

    public init(year: Int, source: String, days: [SpecialDay]) {
        self.year = year
        self.source = source
        self.days = days.sorted()
    }

    /// True when some entries are placeholders (e.g. National Day 2026, not announced yet).
    public var hasProvisionalDays: Bool { days.contains(where: \.provisional) }
}

/// A holiday on a fixed solar date added by law after the Labour Code 2019 (e.g. a proposed
/// 24 November "Ngày Văn hóa Việt Nam"), applied by the default rule from `firstYear`.
public struct AdditionalHoliday: Sendable, Equatable {
    public let month: Int
    public let day: Int
    public let name: String
    public let firstYear: Int
    public let lastYear: Int?

    public init(month: Int, day: Int, name: String, firstYear: Int, lastYear: Int? = nil) {
        self.month = month
        self.day = day
        self.name = name
        self.firstYear = firstYear
        self.lastYear = lastYear
    }
}

/// The holiday data: official schedules by year, plus additions to the statutory default rule.
public struct HolidayData: Sendable, Equatable {
    public var officialYears: [Int: OfficialHolidayYear]
    public var additionalHolidays: [AdditionalHoliday]

    public init(officialYears: [OfficialHolidayYear] = [], additionalHolidays: [AdditionalHoliday] = []) {
        self.officialYears = Dictionary(officialYears.map { ($0.year, $0) }, uniquingKeysWith: { $1 })
        self.additionalHolidays = additionalHolidays
    }
}

/// The statutory holidays of Vietnam (Bộ luật Lao động 2019, Art. 111–112) as a default rule for years
/// without an official schedule, and the official schedules where they exist.
public struct HolidayRules: Sendable {
    public let data: HolidayData
    /// Weekly rest days: a default holiday falling on one of them gives a compensatory day off.
    public let restDays: Set<Weekday>
    let lunar: LunarCalendar

    public init(
        data: HolidayData, restDays: Set<Weekday> = [.saturday, .sunday],
        lunar: LunarCalendar = LunarCalendar()
    ) {
        self.data = data
        self.restDays = restDays
        self.lunar = lunar
    }

    public func status(of year: Int) -> HolidayYearStatus {
        data.officialYears[year] == nil ? .default : .official
    }

    /// Every special date of `year`, sorted: days off (holidays, compensatory and swapped days, also those
    /// falling on a weekend) and make-up working days.
    public func specialDays(of year: Int) -> [SpecialDay] {
        if let official = data.officialYears[year] { return official.days }
        var days = defaultSpecialDays(of: year).filter { $0.date.year == year }
        // A compensatory day for a holiday at the end of a default previous year may fall in this one.
        if data.officialYears[year - 1] == nil {
            days += defaultSpecialDays(of: year - 1).filter { $0.date.year == year }
        }
        return days.sorted()
    }

    /// The days off the law's default rule gives `year` (holidays and their compensatory days).
    public func defaultDaysOff(of year: Int) -> Int {
        var withoutOfficial = data
        withoutOfficial.officialYears[year] = nil
        withoutOfficial.officialYears[year - 1] = nil
        return HolidayRules(data: withoutOfficial, restDays: restDays, lunar: lunar).specialDays(of: year)
            .filter(\.isOff).count
    }

    /// Official years listing more than ten days off beyond what the law gives: most likely a mistaken file
    /// (a whole month typed as days off), to be confirmed before it moves every due date. (year, listed, law)
    public func unusualYears() -> [(year: Int, listed: Int, law: Int)] {
        data.officialYears.keys.sorted().compactMap { year in
            let listed = data.officialYears[year]!.days.filter { $0.isOff && $0.date.year == year }.count
            let law = defaultDaysOff(of: year)
            return listed > law + 10 ? (year, listed, law) : nil
        }
    }

    /// The statutory holidays of `year` without compensation, in date order.
    public func statutoryHolidays(of year: Int) -> [SpecialDay] {
        var days: [SpecialDay] = []
        func add(_ date: CivilDate?, _ name: String) {
            if let date, date.year == year { days.append(SpecialDay(date: date, kind: .holiday, name: name)) }
        }
        add(CivilDate(year: year, month: 1, day: 1), "Tết Dương lịch")
        let tet = lunar.newYear(year)
        add(tet.adding(days: -1), "Tết Nguyên đán (ngày cuối năm âm lịch)")
        for i in 0..<4 { add(tet.adding(days: i), "Tết Nguyên đán (mùng \(i + 1) Tết)") }
        add(lunar.solar(from: LunarDate(day: 10, month: 3, year: year)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)")
        add(CivilDate(year: year, month: 4, day: 30), "Ngày Chiến thắng (30/4)")
        add(CivilDate(year: year, month: 5, day: 1), "Ngày Quốc tế Lao động (1/5)")
        let nationalDay = CivilDate(year: year, month: 9, day: 2)!
        add(nationalDay, "Quốc khánh (2/9)")
        if nationalDay.weekday == .tuesday {
            add(nationalDay.adding(days: -1), "Quốc khánh (1/9)")
        } else {
            add(nationalDay.adding(days: 1), "Quốc khánh (3/9)")
        }
        for extra in data.additionalHolidays where extra.firstYear <= year && (extra.lastYear ?? year) >= year {
            add(CivilDate(year: year, month: extra.month, day: extra.day), extra.name)
        }
        // Two rules may name the same day; keep the first name.
        var seen = Set<CivilDate>()
        return days.sorted().filter { seen.insert($0.date).inserted }
    }

    /// The default rule: statutory holidays, and for each block of consecutive holidays as many
    /// compensatory days off as it has days on a weekly rest day, on the next working days after the block.
    public func defaultSpecialDays(of year: Int) -> [SpecialDay] {
        let holidays = statutoryHolidays(of: year)
        let holidayDates = Set(holidays.map(\.date))
        var taken = holidayDates
        var result = holidays
        var i = 0
        while i < holidays.count {
            // A block: holidays on consecutive dates.
            var j = i
            while j + 1 < holidays.count, holidays[j + 1].date.dayNumber == holidays[j].date.dayNumber + 1 { j += 1 }
            let onRestDays = holidays[i...j].filter { restDays.contains($0.date.weekday) }
            var candidate = holidays[j].date.adding(days: 1)
            for lost in onRestDays {
                while restDays.contains(candidate.weekday) || taken.contains(candidate) {
                    candidate = candidate.adding(days: 1)
                }
                taken.insert(candidate)
                result.append(
                    SpecialDay(
                        date: candidate, kind: .compensatory,
                        name: "Nghỉ bù \(lost.name) rơi vào \(lost.date.weekday.vietnameseName) \(lost.date.vietnamese)"
                    ))
            }
            i = j + 1
        }
        return result.sorted()
    }
}
