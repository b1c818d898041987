/// A day of the week, numbered as in ISO 8601 (Monday = 1 … Sunday = 7).
public enum Weekday: Int, Sendable, CaseIterable, Comparable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    /// "thứ Hai" … "Chủ nhật", as printed on receipts and shown on screen.
    public var vietnameseName: String {
        switch self {
        case .monday: "thứ Hai"
        case .tuesday: "thứ Ba"
        case .wednesday: "thứ Tư"
        case .thursday: "thứ Năm"
        case .friday: "thứ Sáu"
        case .saturday: "thứ Bảy"
        case .sunday: "Chủ nhật"
        }
    }

    /// Parses the short English names used in configuration files ("mon" … "sun").
    public init?(shortName: String) {
        switch shortName.lowercased() {
        case "mon": self = .monday
        case "tue": self = .tuesday
        case "wed": self = .wednesday
        case "thu": self = .thursday
        case "fri": self = .friday
        case "sat": self = .saturday
        case "sun": self = .sunday
        default: return nil
        }
    }

    public var shortName: String {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue - 1]
    }
}

/// A local civil date in the proleptic Gregorian calendar (Vietnam: UTC+7 all year, no daylight saving).
///
/// Internally a day number (days since 1970-01-01), so comparisons and arithmetic are integer operations.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The years the calendar supports (lunar dates, holidays, working time): every date the program records
    /// or computes with lies in them.
    public static let supportedYears = 1900...2199

    /// Creates a date, or nil when the year, month and day do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.dayNumber = CivilDate.dayNumber(year: year, month: month, day: day)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func daysInYear(_ year: Int) -> Int { isLeapYear(year) ? 366 : 365 }

    /// Day number of a Gregorian date (the civil-from-days inverse of Howard Hinnant's public algorithm
    /// description: eras of 400 years, years starting in March).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let r = ((dayNumber + 3) % 7 + 7) % 7  // 0 = Monday
        return Weekday(rawValue: r + 1)!
    }

    /// Zero-based index of the day within its year.
    public var dayOfYear: Int { dayNumber - CivilDate.dayNumber(year: year, month: 1, day: 1) }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// "261120" for 20/11/2026: the date part of case codes and slip numbers.
    public var compactYYMMDD: String { "\((year % 100).zeroPadded())\(month.zeroPadded())\(day.zeroPadded())" }

    public static func firstOfYear(_ year: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber(year: year, month: 1, day: 1))
    }

    /// Julian Day Number of this date (the astronomical day that starts at noon of this civil date).
    public var julianDayNumber: Int { dayNumber + 2_440_588 }

    public init(julianDayNumber: Int) { self.dayNumber = julianDayNumber - 2_440_588 }

    /// `YYYY-MM-DD`
    public var iso: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// `dd/mm/yyyy`, the way dates are written on Vietnamese forms and screens.
    public var vietnamese: String {
        let c = components
        return "\(pad(c.day, 2))/\(pad(c.month, 2))/\(pad(c.year, 4))"
    }

    public var description: String { iso }

    /// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day, a real day).
    public init?(iso text: some StringProtocol) {
        // Read straight from the bytes: the form is exactly ten ASCII bytes with dashes at 4 and 7.
        let bytes = text.utf8.withContiguousStorageIfAvailable { b -> CivilDate? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let y = asciiNumber(b, 0, 4),
                let m = asciiNumber(b, 5, 2), let d = asciiNumber(b, 8, 2)
            else { return nil }
            return CivilDate(year: y, month: m, day: d)
        }
        if let bytes {
            guard let date = bytes else { return nil }
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = parseDigits(parts[0]), let m = parseDigits(parts[1]), let d = parseDigits(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses `dd/mm/yyyy` (one- or two-digit day and month, four-digit year).
    public init?(vietnamese text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4,
            let d = parseDigits(parts[0]), let m = parseDigits(parts[1]), let y = parseDigits(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// Zero-padded decimal rendering without Foundation.
func pad(_ value: Int, _ width: Int) -> String { value.zeroPadded(width) }

extension Int {
    /// The number in decimal with leading zeros up to `width` digits ("07", "0042").
    public func zeroPadded(_ width: Int = 2) -> String {
        let digits = String(self < 0 ? -self : self)
        let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        return self < 0 ? "-" + padded : padded
    }
}

/// The number written by `count` ASCII digits at `start` of `bytes`, or nil if any is not a digit.
@inline(__always)
func asciiNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
    var value = 0
    for i in start..<(start + count) {
        let u = bytes[i]
        guard u >= 48, u <= 57 else { return nil }
        value = value * 10 + Int(u - 48)
    }
    return value
}

/// Parses a non-empty run of ASCII digits (no sign, no spaces).
func parseDigits(_ text: some StringProtocol) -> Int? {
    guard !text.isEmpty, text.count <= 9 else { return nil }
    var value = 0
    for u in text.utf8 {
        guard u >= 48, u <= 57 else { return nil }
        value = value * 10 + Int(u - 48)
    }
    return value
}
