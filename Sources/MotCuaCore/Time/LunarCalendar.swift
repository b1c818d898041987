#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A date in the Vietnamese lunisolar calendar (âm lịch).
public struct LunarDate: Hashable, Sendable, CustomStringConvertible {
    public let day: Int
    public let month: Int
    /// The lunar year, named by the solar year in which its first month mostly falls.
    public let year: Int
    /// True for the intercalary month (tháng nhuận) that repeats `month`.
    public let isLeapMonth: Bool

    public init(day: Int, month: Int, year: Int, isLeapMonth: Bool = false) {
        self.day = day
        self.month = month
        self.year = year
        self.isLeapMonth = isLeapMonth
    }

    /// `D/M/YYYY`, followed by ` nhuận` in a leap month (e.g. `1/2/2023 nhuận`).
    public var description: String { "\(day)/\(month)/\(year)" + (isLeapMonth ? " nhuận" : "") }
}

/// The Vietnamese lunisolar calendar: months begin on the day (at UTC+7) of an astronomical new moon,
/// month 11 is the one containing the winter solstice, and in a year of 13 months the first month after
/// month 11 that contains no principal solar term is the leap month.
///
/// The astronomy follows Jean Meeus' series for the mean new moon with periodic corrections and the sun's
/// apparent longitude, which is the method Hồ Ngọc Đức published for the Vietnamese calendar. Computing at
/// UTC+7 (not UTC+8, as Chinese tables do) is what makes, for example, Tết 2030 fall on 2 February.
///
/// Pure: no clock, no Foundation calendar. Valid for the years 1800–2199 at least.
public struct LunarCalendar: Sendable {
    /// Time zone in hours east of UTC.
    public let timeZone: Double

    public init(timeZone: Double = 7) { self.timeZone = timeZone }

    /// Mean synodic month in days.
    static let synodicMonth = 29.530588853
    /// Julian date of the new moon near 1900-01-01 that numbers k = 0.
    static let epochNewMoon = 2_415_021.076998695

    // MARK: Astronomy

    /// Julian date (days, fractional, TT approximated) of the k-th new moon after the 1900 epoch.
    static func newMoonJulianDate(_ k: Int) -> Double {
        let kd = Double(k)
        let t = kd / 1236.85
        let t2 = t * t
        let t3 = t2 * t
        let rad = Double.pi / 180
        var jd = 2_415_020.75933 + 29.53058868 * kd + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * rad)
        // Mean anomalies of the sun (m) and the moon (mp), and the moon's argument of latitude (f).
        let m = (359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3) * rad
        let mp = (306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3) * rad
        let f = (21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3) * rad
        var c = (0.1734 - 0.000393 * t) * sin(m) + 0.0021 * sin(2 * m)
        c += -0.4068 * sin(mp) + 0.0161 * sin(2 * mp) - 0.0004 * sin(3 * mp)
        c += 0.0104 * sin(2 * f) - 0.0051 * sin(m + mp) - 0.0074 * sin(m - mp)
        c += 0.0004 * sin(2 * f + m) - 0.0004 * sin(2 * f - m) - 0.0006 * sin(2 * f + mp)
        c += 0.0010 * sin(2 * f - mp) + 0.0005 * sin(m + 2 * mp)
        // ΔT (TT − UT) in days.
        let deltaT =
            t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd + c - deltaT
    }

    /// Sun's apparent ecliptic longitude in radians, [0, 2π), at Julian date `jd`.
    static func sunLongitude(julianDate jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36525
        let t2 = t * t
        let rad = Double.pi / 180
        let m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * rad
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(m)
        dl += (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000290 * sin(3 * m)
        let l = (l0 + dl) * rad
        let turn = 2 * Double.pi
        return l - turn * (l / turn).rounded(.down)
    }

    /// Julian day number of the local civil day containing the k-th new moon.
    func newMoonDay(_ k: Int) -> Int {
        Int((LunarCalendar.newMoonJulianDate(k) + 0.5 + timeZone / 24).rounded(.down))
    }

    /// Which of the twelve 30° sectors of the ecliptic the sun is in at the start of local day `jdn`
    /// (0 = from the vernal equinox; sector 9 begins at the winter solstice).
    func sunSector(atStartOf jdn: Int) -> Int {
        let longitude = LunarCalendar.sunLongitude(julianDate: Double(jdn) - 0.5 - timeZone / 24)
        return Int((longitude / Double.pi * 6).rounded(.down))
    }

    /// Julian day number on which lunar month 11 (the month of the winter solstice) of `year` begins.
    func month11Start(ofYear year: Int) -> Int {
        let dec31 = CivilDate(year: year, month: 12, day: 31)!.julianDayNumber
        let k = Int((Double(dec31 - 2_415_021) / LunarCalendar.synodicMonth).rounded(.down))
        let candidate = newMoonDay(k)
        // If the sun has already passed the solstice at that new moon, month 11 began one lunation earlier.
        return sunSector(atStartOf: candidate) >= 9 ? newMoonDay(k - 1) : candidate
    }

    /// Index of the last new moon whose local day is on or before `jdn` (the month containing `jdn`).
    func lunationIndex(startingOnOrBefore jdn: Int) -> Int {
        var k = Int(((Double(jdn) - LunarCalendar.epochNewMoon) / LunarCalendar.synodicMonth).rounded(.down))
        // The mean-month estimate can be one lunation off either way: settle on the true new moons.
        while newMoonDay(k + 1) <= jdn { k += 1 }
        while newMoonDay(k) > jdn { k -= 1 }
        return k
    }

    /// Index of the new moon nearest to day `jdn`.
    func lunationIndex(near jdn: Int) -> Int {
        Int(((Double(jdn) - LunarCalendar.epochNewMoon) / LunarCalendar.synodicMonth + 0.5).rounded(.down))
    }

    /// In a 13-month span beginning with month 11 at `a11`, the offset (in months after month 11) of the
    /// leap month: the first month whose start and the next month's start lie in the same solar sector,
    /// i.e. a month with no principal term.
    func leapMonthOffset(month11 a11: Int) -> Int {
        let k = lunationIndex(near: a11)
        var i = 1
        var sector = sunSector(atStartOf: newMoonDay(k + i))
        var previous: Int
        repeat {
            previous = sector
            i += 1
            sector = sunSector(atStartOf: newMoonDay(k + i))
        } while sector != previous && i < 14
        return i - 1
    }

    // MARK: Conversions

    /// The lunar date of a solar (Gregorian) date.
    public func lunar(from date: CivilDate) -> LunarDate {
        let jdn = date.julianDayNumber
        let monthStart = newMoonDay(lunationIndex(startingOnOrBefore: jdn))
        let solarYear = date.year
        var a11 = month11Start(ofYear: solarYear)
        var b11 = a11
        var lunarYear: Int
        if a11 >= monthStart {
            // Before (or on) this year's month 11: the span runs from last year's month 11.
            lunarYear = solarYear
            a11 = month11Start(ofYear: solarYear - 1)
        } else {
            lunarYear = solarYear + 1
            b11 = month11Start(ofYear: solarYear + 1)
        }
        let day = jdn - monthStart + 1
        let monthsAfter11 = Int((Double(monthStart - a11) / 29).rounded(.down))
        var month = monthsAfter11 + 11
        var isLeap = false
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(month11: a11)
            if monthsAfter11 >= leapOffset {
                month = monthsAfter11 + 10
                isLeap = monthsAfter11 == leapOffset
            }
        }
        if month > 12 { month -= 12 }
        if month >= 11 && monthsAfter11 < 4 { lunarYear -= 1 }
        return LunarDate(day: day, month: month, year: lunarYear, isLeapMonth: isLeap)
    }

    /// The Julian day number on which the given lunar month begins, or nil when that month does not exist
    /// (a leap month that the year does not have).
    func monthStart(month: Int, year: Int, isLeapMonth: Bool) -> Int? {
        guard (1...12).contains(month) else { return nil }
        let a11: Int
        let b11: Int
        if month < 11 {
            a11 = month11Start(ofYear: year - 1)
            b11 = month11Start(ofYear: year)
        } else {
            a11 = month11Start(ofYear: year)
            b11 = month11Start(ofYear: year + 1)
        }
        let k = lunationIndex(near: a11)
        var offset = month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(month11: a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if isLeapMonth && month != leapMonth { return nil }
            if isLeapMonth || offset >= leapOffset { offset += 1 }
        } else if isLeapMonth {
            return nil
        }
        return newMoonDay(k + offset)
    }

    /// Number of days (29 or 30) of a lunar month, or nil when the month does not exist.
    public func length(ofMonth month: Int, year: Int, isLeapMonth: Bool = false) -> Int? {
        guard let start = monthStart(month: month, year: year, isLeapMonth: isLeapMonth) else { return nil }
        return newMoonDay(lunationIndex(startingOnOrBefore: start) + 1) - start
    }

    /// The solar date of a lunar date, or nil when the lunar date does not exist (day 30 of a 29-day month,
    /// a leap month the year does not have).
    public func solar(from lunar: LunarDate) -> CivilDate? {
        guard lunar.day >= 1,
            let days = length(ofMonth: lunar.month, year: lunar.year, isLeapMonth: lunar.isLeapMonth),
            lunar.day <= days,
            let start = monthStart(month: lunar.month, year: lunar.year, isLeapMonth: lunar.isLeapMonth)
        else { return nil }
        return CivilDate(julianDayNumber: start + lunar.day - 1)
    }

    /// The solar date of lunar New Year's day (mùng 1 Tết) of lunar year `year`.
    public func newYear(_ year: Int) -> CivilDate {
        solar(from: LunarDate(day: 1, month: 1, year: year))!
    }

    /// The leap month of a lunar year (the month number it repeats), or nil in a 12-month year.
    public func leapMonth(ofYear year: Int) -> Int? {
        for month in 1...12 where monthStart(month: month, year: year, isLeapMonth: true) != nil {
            return month
        }
        return nil
    }
}
