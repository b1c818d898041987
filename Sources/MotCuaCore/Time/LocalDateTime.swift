/// A time of day in whole minutes since midnight (0 ... 1440; 1440 only as the end of a day).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minuteOfDay: Int

    public init?(minuteOfDay: Int) {
        guard (0...1440).contains(minuteOfDay) else { return nil }
        self.minuteOfDay = minuteOfDay
    }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.minuteOfDay = hour * 60 + minute
    }

    /// Parses `HH:MM` (one- or two-digit hour, two-digit minute).
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = parseDigits(parts[0]), let m = parseDigits(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minuteOfDay < b.minuteOfDay }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// `HH:MM`
    public var text: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
    public var description: String { text }

    /// "17 giờ 00 phút", as receipts print the appointment hour.
    public var vietnameseLong: String { "\(pad(hour, 2)) giờ \(pad(minute, 2)) phút" }
}

/// A local date and time in Vietnam, to the minute: minutes since 1970-01-01 00:00 local time.
///
/// Vietnam keeps UTC+7 all year, so local minutes are a total order with no gaps or repeats.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let minutesPerDay = 1440

    /// Minutes since 1970-01-01 00:00 local time.
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    public init(date: CivilDate, minuteOfDay: Int) {
        self.minutes = date.dayNumber * LocalDateTime.minutesPerDay + minuteOfDay
    }

    public init(date: CivilDate, time: ClockTime) {
        self.init(date: date, minuteOfDay: time.minuteOfDay)
    }

    /// Vietnam's offset from UTC (UTC+7, no daylight saving): legal times are Vietnam time.
    public static let vietnamOffsetMinutes = 420

    /// The local time of a UTC instant given in seconds since the Unix epoch (floored to the minute).
    public init(unixSeconds: Int64, utcOffsetMinutes: Int = LocalDateTime.vietnamOffsetMinutes) {
        let seconds = unixSeconds + Int64(utcOffsetMinutes) * 60
        let minutes = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        self.minutes = Int(minutes)
    }

    /// The first second of this minute as a Unix time, this being Vietnam time.
    public var unixSeconds: Int64 { Int64(minutes - LocalDateTime.vietnamOffsetMinutes) * 60 }

    public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.minutes < b.minutes }

    public var date: CivilDate {
        CivilDate(dayNumber: minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440)
    }

    public var minuteOfDay: Int { minutes - date.dayNumber * 1440 }
    public var time: ClockTime { ClockTime(minuteOfDay: minuteOfDay)! }

    public func adding(minutes m: Int) -> LocalDateTime { LocalDateTime(minutes: minutes + m) }

    /// `YYYY-MM-DD HH:MM`
    public var iso: String {
        let c = date.components
        let m = minuteOfDay
        guard (0...9999).contains(c.year) else { return "\(date.iso) \(time.text)" }
        // Written digit by digit into the string's own storage: exports format millions of these.
        return String(unsafeUninitializedCapacity: 16) { buffer in
            func put(_ value: Int, _ digits: Int, at offset: Int) {
                var v = value
                for k in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[k] = UInt8(48 + v % 10)
                    v /= 10
                }
            }
            put(c.year, 4, at: 0)
            buffer[4] = 0x2D
            put(c.month, 2, at: 5)
            buffer[7] = 0x2D
            put(c.day, 2, at: 8)
            buffer[10] = 0x20
            put(m / 60, 2, at: 11)
            buffer[13] = 0x3A
            put(m % 60, 2, at: 14)
            return 16
        }
    }
    /// `dd/mm/yyyy HH:MM`
    public var vietnamese: String { "\(date.vietnamese) \(time.text)" }
    public var description: String { iso }

    /// Parses `YYYY-MM-DD HH:MM` (also with `T` between date and time).
    public init?(iso text: some StringProtocol) {
        // The usual form read straight from the bytes: "YYYY-MM-DD HH:MM" (or with T), sixteen ASCII bytes.
        let fast = text.utf8.withContiguousStorageIfAvailable { b -> LocalDateTime? in
            guard b.count == 16, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20 || b[10] == 0x54, b[13] == 0x3A,
                let y = asciiNumber(b, 0, 4), let mo = asciiNumber(b, 5, 2), let d = asciiNumber(b, 8, 2),
                let h = asciiNumber(b, 11, 2), let mi = asciiNumber(b, 14, 2),
                let date = CivilDate(year: y, month: mo, day: d), let time = ClockTime(hour: h, minute: mi)
            else { return nil }
            return LocalDateTime(date: date, time: time)
        }
        if let fast, let fast {
            self = fast
            return
        }
        let s = String(text)
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let d = CivilDate(iso: parts[0]), let t = ClockTime(text: parts[1])
        else { return nil }
        self.init(date: d, time: t)
    }

    /// Parses `dd/mm/yyyy HH:MM`, as officers type it.
    public init?(vietnamese text: some StringProtocol) {
        let parts = String(text).split(separator: " ")
        guard parts.count == 2, let d = CivilDate(vietnamese: parts[0]), let t = ClockTime(text: parts[1]) else {
            return nil
        }
        self.init(date: d, time: t)
    }

    /// "09 giờ 30 phút, thứ Hai ngày 24/11/2026" — the appointment as officers read it.
    public var vietnameseAppointment: String {
        "\(time.vietnameseLong), \(date.weekday.vietnameseName) ngày \(date.vietnamese)"
    }
}
