/// The calendar configuration: working hours and holiday data, as in `Config/holidays.json`.
///
/// Format (documented in the README):
/// ```json
/// {
///   "format": "motcua-holidays", "version": 1,
///   "workingTime": { "weekdays": ["mon","tue","wed","thu","fri"],
///                    "sessions": [{"start": "07:30", "end": "11:30"}, {"start": "13:00", "end": "17:00"}],
///                    "sameDayCutoff": "15:00" },
///   "additionalHolidays": [{"date": "11-24", "name": "…", "fromYear": 2027}],
///   "years": [{ "year": 2026, "status": "official", "source": "…",
///               "daysOff": [{"date": "2026-01-01", "kind": "holiday", "name": "Tết Dương lịch"}],
///               "workDays": [{"date": "2026-01-10", "name": "Làm bù ngày 02/01/2026"}] }]
/// }
/// ```
public struct CalendarConfig: Sendable, Equatable {
    public var schedule: WorkSchedule
    public var holidays: HolidayData

    public init(schedule: WorkSchedule = .standard, holidays: HolidayData = HolidayData()) {
        self.schedule = schedule
        self.holidays = holidays
    }

    public static let formatName = "motcua-holidays"
    public static let formatVersion = 1

    public func makeCalendar() -> WorkingCalendar {
        WorkingCalendar(schedule: schedule, holidayData: holidays)
    }

    /// Parses a calendar configuration. `file` names the file in error messages.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> CalendarConfig {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers(["format", "version", "note", "workingTime", "additionalHolidays", "years"])
        let format = try root.member("format")
        guard try format.string() == formatName else { throw format.fail("phải là \"\(formatName)\"") }
        let version = try root.member("version")
        guard try version.int() == formatVersion else {
            throw version.fail(
                "phiên bản \(try version.int()) chưa được hỗ trợ (chương trình đọc phiên bản \(formatVersion))")
        }
        var config = CalendarConfig()
        if let wt = try root.optionalMember("workingTime") { config.schedule = try parseSchedule(wt) }

        var extras: [AdditionalHoliday] = []
        if let list = try root.optionalMember("additionalHolidays") {
            for item in try list.array() {
                try item.rejectUnknownMembers(["date", "name", "fromYear", "toYear"])
                let dateField = try item.member("date")
                let text = try dateField.string()
                let parts = text.split(separator: "-")
                guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
                    let m = parseDigits(parts[0]), let d = parseDigits(parts[1]),
                    (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: 2000, month: m)
                else { throw dateField.fail("\"\(text)\" không phải ngày hợp lệ dạng MM-DD") }
                let from = try item.member("fromYear").int(in: 1900...2199)
                let to = try item.optionalMember("toYear")?.int(in: from...2199)
                extras.append(
                    AdditionalHoliday(
                        month: m, day: d, name: try item.member("name").nonEmptyString(),
                        firstYear: from, lastYear: to))
            }
        }

        var years: [OfficialHolidayYear] = []
        var seenYears = Set<Int>()
        if let list = try root.optionalMember("years") {
            for item in try list.array() {
                try item.rejectUnknownMembers(["year", "status", "source", "note", "daysOff", "workDays"])
                let yearField = try item.member("year")
                let year = try yearField.int(in: 1900...2199)
                guard seenYears.insert(year).inserted else { throw yearField.fail("năm \(year) được khai báo hai lần") }
                let statusField = try item.member("status")
                let status = try statusField.string()
                if status == "default" { continue }
                guard status == "official" else { throw statusField.fail("phải là \"official\" hoặc \"default\"") }
                let source = try item.member("source").nonEmptyString()
                var days: [SpecialDay] = []
                var seenDates: [CivilDate: String] = [:]
                func parseDay(_ entry: JSONReader, off: Bool) throws(ConfigError) -> SpecialDay {
                    try entry.rejectUnknownMembers(
                        off ? ["date", "name", "kind", "provisional"] : ["date", "name", "provisional"])
                    let dateField = try entry.member("date")
                    let date = try dateField.date()
                    guard date.year == year else { throw dateField.fail("ngày \(date.iso) không thuộc năm \(year)") }
                    if let other = seenDates[date] { throw dateField.fail("ngày \(date.iso) đã có trong \(other)") }
                    seenDates[date] = entry.path
                    var kind = SpecialDayKind.makeUp
                    if off {
                        kind = .holiday
                        if let k = try entry.optionalMember("kind") {
                            let text = try k.string()
                            guard let parsed = SpecialDayKind(rawValue: text), parsed != .makeUp else {
                                throw k.fail("phải là một trong: holiday, compensatory, swap, other")
                            }
                            kind = parsed
                        }
                    }
                    let provisional = try entry.optionalMember("provisional")?.bool() ?? false
                    return SpecialDay(
                        date: date, kind: kind, name: try entry.member("name").nonEmptyString(),
                        provisional: provisional)
                }
                for entry in try item.member("daysOff").array() { days.append(try parseDay(entry, off: true)) }
                if let work = try item.optionalMember("workDays") {
                    for entry in try work.array() { days.append(try parseDay(entry, off: false)) }
                }
                years.append(OfficialHolidayYear(year: year, source: source, days: days))
            }
        }
        config.holidays = HolidayData(officialYears: years, additionalHolidays: extras)
        return config
    }

    private static func parseSchedule(_ wt: JSONReader) throws(ConfigError) -> WorkSchedule {
        try wt.rejectUnknownMembers(["weekdays", "sessions", "sameDayCutoff"])
        var weekdays = WorkSchedule.standard.workingWeekdays
        if let list = try wt.optionalMember("weekdays") {
            weekdays = []
            for item in try list.array() {
                let name = try item.string()
                guard let wd = Weekday(shortName: name) else {
                    throw item.fail("\"\(name)\" không phải tên ngày (mon, tue, wed, thu, fri, sat, sun)")
                }
                weekdays.insert(wd)
            }
        }
        var sessions = WorkSchedule.standard.sessions
        if let list = try wt.optionalMember("sessions") {
            sessions = []
            for item in try list.array() {
                try item.rejectUnknownMembers(["start", "end"])
                let start = try item.member("start").clockTime()
                let endField = try item.member("end")
                guard let session = WorkSession(start: start, end: try endField.clockTime()) else {
                    throw endField.fail("giờ kết thúc phải sau giờ bắt đầu")
                }
                sessions.append(session)
            }
        }
        let cutoff = try wt.optionalMember("sameDayCutoff")?.clockTime() ?? WorkSchedule.standard.sameDayCutoff
        do {
            return try WorkSchedule(workingWeekdays: weekdays, sessions: sessions, sameDayCutoff: cutoff)
        } catch {
            throw wt.fail(error.message)
        }
    }

    /// The configuration as JSON in the same format, for export and for the administration screen.
    public var json: JSONValue {
        var root: [(key: String, value: JSONValue)] = [
            ("format", .string(CalendarConfig.formatName)),
            ("version", .int(CalendarConfig.formatVersion)),
            (
                "workingTime",
                .object([
                    ("weekdays", .array(schedule.workingWeekdays.sorted().map { .string($0.shortName) })),
                    (
                        "sessions",
                        .array(
                            schedule.sessions.map {
                                .object([("start", .string($0.start.text)), ("end", .string($0.end.text))])
                            })
                    ),
                    ("sameDayCutoff", .string(schedule.sameDayCutoff.text))
                ])
            )
        ]
        if !holidays.additionalHolidays.isEmpty {
            root.append(
                (
                    "additionalHolidays",
                    .array(
                        holidays.additionalHolidays.map { h in
                            var m: [(key: String, value: JSONValue)] = [
                                ("date", .string("\(pad(h.month, 2))-\(pad(h.day, 2))")), ("name", .string(h.name)),
                                ("fromYear", .int(h.firstYear))
                            ]
                            if let last = h.lastYear { m.append(("toYear", .int(last))) }
                            return .object(m)
                        })
                ))
        }
        root.append(
            (
                "years",
                .array(
                    holidays.officialYears.keys.sorted().map { year in
                        let y = holidays.officialYears[year]!
                        func entry(_ d: SpecialDay) -> JSONValue {
                            var m: [(key: String, value: JSONValue)] = [("date", .string(d.date.iso))]
                            if d.isOff { m.append(("kind", .string(d.kind.rawValue))) }
                            m.append(("name", .string(d.name)))
                            if d.provisional { m.append(("provisional", .bool(true))) }
                            return .object(m)
                        }
                        return .object([
                            ("year", .int(year)), ("status", .string("official")), ("source", .string(y.source)),
                            ("daysOff", .array(y.days.filter(\.isOff).map(entry))),
                            ("workDays", .array(y.days.filter { !$0.isOff }.map(entry)))
                        ])
                    })
            ))
        return .object(root)
    }
}
