import MotCuaCore
import MotCuaDefaults
import MotCuaSystem

/// `lunar`, `calendar`, `due`: the working-time calendar from the command line.
enum CalendarCommands {
    /// Years the calendar supports (lunar astronomy and holiday rules).
    static let supportedYears = 1900...2199

    static func parseDate(_ text: String, what: String) throws(UsageError) -> CivilDate {
        guard let d = CivilDate(iso: text) else {
            throw UsageError("\(what): \"\(text)\" không phải ngày có thật dạng YYYY-MM-DD")
        }
        guard supportedYears.contains(d.year) else {
            throw UsageError(
                "\(what): năm \(d.year) nằm ngoài khoảng hỗ trợ \(supportedYears.lowerBound)–\(supportedYears.upperBound)"
            )
        }
        return d
    }

    static func parseDateTime(_ text: String, what: String) throws(UsageError) -> LocalDateTime {
        guard let t = LocalDateTime(iso: text) else {
            throw UsageError("\(what): \"\(text)\" không phải thời điểm có thật dạng \"YYYY-MM-DD HH:MM\"")
        }
        guard supportedYears.contains(t.date.year) else {
            throw UsageError(
                "\(what): năm \(t.date.year) nằm ngoài khoảng hỗ trợ \(supportedYears.lowerBound)–\(supportedYears.upperBound)"
            )
        }
        return t
    }

    /// The calendar configuration: `--holidays FILE` when given, else the shipped one.
    /// The calendar configuration: `--holidays FILE` when given, else the database's with `--db`, else the
    /// shipped one.
    static func loadCalendarConfig(_ args: ParsedArguments, _ io: CommandIO) throws -> CalendarConfig {
        if let path = args.value("holidays") {
            if args.value("db") != nil { throw UsageError("chỉ dùng một trong --holidays và --db") }
            return try CalendarConfig.parse(try FileSystem.readText(path), file: path)
        }
        if args.value("db") != nil { return try StoreAccess.open(args, io, for: .reading).calendarConfig() }
        return ShippedConfig.calendarConfig()
    }

    static let lunar = Command(
        name: "lunar",
        summary: "Đổi ngày dương lịch sang âm lịch Việt Nam (múi giờ UTC+7).",
        usage: "motcua lunar YYYY-MM-DD",
        help: """
            In một dòng D/M/YYYY (ngày/tháng/năm âm lịch), thêm " nhuận" nếu là tháng nhuận.
            Ví dụ: motcua lunar 2023-03-22  →  1/2/2023 nhuận

            """,
        spec: OptionSpec(positionals: 1...1, positionalNames: ["ngày dương lịch YYYY-MM-DD"]),
        run: { args, io in
            let date = try parseDate(args.positionals[0], what: "ngày")
            io.out(LunarCalendar().lunar(from: date).description)
            return ExitStatus.success
        }
    )

    static let calendar = Command(
        name: "calendar",
        summary: "Liệt kê ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm.",
        usage: "motcua calendar YEAR [--holidays FILE | --db PATH]",
        help: """
            Dòng đầu: "YEAR official" (năm có lịch nghỉ chính thức trong dữ liệu) hoặc "YEAR default"
            (tính theo quy tắc mặc định của Bộ luật Lao động 2019). Sau đó mỗi ngày đặc biệt một dòng,
            theo thứ tự ngày, các cột cách nhau bằng dấu tab:
              YYYY-MM-DD  off   tên   (ngày nghỉ lễ, nghỉ bù, nghỉ hoán đổi; kể cả khi rơi vào cuối tuần)
              YYYY-MM-DD  work  tên   (ngày làm bù)

            Tuỳ chọn:
              --holidays FILE   tệp lịch nghỉ (mặc định: Config/holidays.json đi kèm chương trình)
              --db PATH         dùng lịch nghỉ và giờ làm việc trong cơ sở dữ liệu

            """,
        spec: OptionSpec(valued: ["holidays", "db"], positionals: 1...1, positionalNames: ["năm YEAR"]),
        run: { args, io in
            let text = args.positionals[0]
            guard text.count == 4, let year = Int(text), supportedYears.contains(year) else {
                throw UsageError(
                    "năm \"\(text)\" không hợp lệ (cần 4 chữ số, từ \(supportedYears.lowerBound) đến \(supportedYears.upperBound))"
                )
            }
            let calendar = try loadCalendarConfig(args, io).makeCalendar()
            io.out("\(year) \(calendar.yearStatus(year).rawValue)")
            for day in calendar.specialDays(of: year) {
                io.out("\(day.date.iso)\t\(day.isOff ? "off" : "work")\t\(day.name)")
            }
            return ExitStatus.success
        }
    )

    static let due = Command(
        name: "due",
        summary: "Tính thời điểm hẹn trả kết quả theo thời gian làm việc.",
        usage:
            "motcua due --received \"YYYY-MM-DD HH:MM\" (--working-days N | --working-hours H | --same-day | --calendar-days N) [--cutoff HH:MM] [--extra-days N] [--holidays FILE | --db PATH] [--explain]",
        help: """
            In dòng đầu "YYYY-MM-DD HH:MM" là thời điểm hẹn trả. Với --explain, các dòng sau giải thích
            từng bước: giờ tiếp nhận được tính từ lúc nào, từng ngày được tính hoặc bỏ qua và lý do
            (nghỉ cuối tuần, ngày lễ, nghỉ bù, ngày làm bù, sau giờ chốt).

            Tuỳ chọn:
              --received "YYYY-MM-DD HH:MM"  thời điểm tiếp nhận hồ sơ (bắt buộc)
              --working-days N      thời hạn N ngày làm việc, giữ nguyên giờ tiếp nhận
              --working-hours H     thời hạn H giờ làm việc
              --same-day            trả trong ngày; tiếp nhận sau giờ chốt thì trả cuối ngày làm việc sau
              --calendar-days N     thời hạn N ngày theo lịch; ngày cuối là ngày nghỉ thì lùi sang ngày làm việc
              --cutoff HH:MM        giờ chốt cho --same-day (mặc định theo cấu hình, thường là 15:00)
              --extra-days N        cộng thêm N ngày làm việc khi cần xác minh
              --holidays FILE       tệp lịch nghỉ (mặc định: Config/holidays.json đi kèm chương trình)
              --db PATH             dùng lịch nghỉ và giờ làm việc trong cơ sở dữ liệu
              --explain             giải thích cách tính

            """,
        spec: OptionSpec(
            valued: [
                "received", "working-days", "working-hours", "calendar-days", "cutoff",
                "extra-days", "holidays", "db"
            ],
            flags: ["same-day", "explain"]),
        run: { args, io in
            let received = try parseDateTime(try args.require("received"), what: "--received")
            var limits: [TimeLimit] = []
            if let n = try args.int("working-days", in: 1...3650) { limits.append(.workingDays(n)) }
            if let h = try args.int("working-hours", in: 1...29200) { limits.append(.workingHours(h)) }
            if let n = try args.int("calendar-days", in: 1...3650) { limits.append(.calendarDays(n)) }
            if args.has("same-day") { limits.append(.sameDay) }
            guard limits.count == 1, let limit = limits.first else {
                throw UsageError(
                    limits.isEmpty
                        ? "thiếu thời hạn: cần một trong --working-days, --working-hours, --same-day, --calendar-days"
                        : "chỉ được cho một thời hạn: --working-days, --working-hours, --same-day hoặc --calendar-days")
            }
            var cutoff: ClockTime?
            if let text = args.value("cutoff") {
                guard limit == .sameDay else { throw UsageError("--cutoff chỉ dùng cùng --same-day") }
                guard let t = ClockTime(text: text) else {
                    throw UsageError("--cutoff: \"\(text)\" không phải giờ hợp lệ dạng HH:MM")
                }
                cutoff = t
            }
            let extra = try args.int("extra-days", in: 0...365) ?? 0
            let calendar = try loadCalendarConfig(args, io).makeCalendar()
            let rule = DueRule(limit: limit, cutoff: cutoff, extraWorkingDays: extra)
            if args.has("explain") {
                let result = calendar.explainDue(rule, receivedAt: received)
                io.out(result.due.iso)
                for line in result.explanation { io.out(line) }
                for year in Set([received.date.year, result.due.date.year]).sorted()
                where calendar.yearStatus(year) == .default {
                    io.out(
                        "Lưu ý: năm \(year) chưa có lịch nghỉ chính thức trong dữ liệu; ngày nghỉ được tính theo quy tắc mặc định."
                    )
                }
            } else {
                io.out(calendar.due(rule, receivedAt: received).iso)
            }
            return ExitStatus.success
        }
    )
}
