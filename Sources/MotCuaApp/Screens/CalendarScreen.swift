import MotCuaCore
import TerminalUI

/// Lịch nghỉ, giờ làm việc (F9): a year's days off, make-up working days and the working hours, as the
/// appointment engine uses them; whether the year's schedule is the government's or the Labour Code's
/// default. Read-only here: a new official schedule is imported from a file (`motcua import`), checked and
/// shown before it is applied.
struct CalendarScreen: Screen {
    var year: Int
    var list = ListView(widths: [11, 9, 10, 14, 0], allowsFilter: false)

    init(year: Int) { self.year = year }

    var title: String { "Lịch nghỉ, giờ làm việc" }
    var keyMap: KeyMap { KeyMap([]) }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared:
            list.setRows(CalendarScreen.rows(year: year, calendar: context.calendar))
            return []
        case .key(let key) where key == .left || key == .right:
            let next = year + (key == .left ? -1 : 1)
            guard (1900...2199).contains(next) else { return [] }
            year = next
            list = ListView(widths: list.widths, allowsFilter: false)
            list.setRows(CalendarScreen.rows(year: year, calendar: context.calendar))
            return []
        case .key(let key):
            _ = list.handle(key, pageSize: max(1, context.area.height - 10))
            return []
        case .command(let c) where c.id == AppCommand.back.id:
            return [.pop]
        default:
            return []
        }
    }

    static func kindText(_ kind: SpecialDayKind) -> String {
        switch kind {
        case .holiday: "Nghỉ lễ, Tết"
        case .compensatory: "Nghỉ bù"
        case .swap: "Nghỉ hoán đổi"
        case .other: "Nghỉ"
        case .makeUp: "Làm bù"
        }
    }

    /// The rows of a year: date, weekday, lunar date, kind, name.
    static func rows(year: Int, calendar: WorkingCalendar) -> [ListRow] {
        let lunar = LunarCalendar()
        return calendar.specialDays(of: year).map { day in
            let l = lunar.lunar(from: day.date)
            let lunarText = "\(l.day)/\(l.month)" + (l.isLeapMonth ? "n" : "") + " ÂL"
            return ListRow(
                id: day.date.iso,
                columns: [
                    day.date.vietnamese, day.date.weekday.vietnameseName, lunarText, kindText(day.kind),
                    day.name + (day.provisional ? " (tạm tính)" : "")
                ],
                style: day.isOff ? .normal : .warning)
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let width = area.width
        let calendar = context.calendar
        frame.put("\(title) — năm \(year)", row: area.row, column: 1, style: .heading, maxWidth: width - 2)
        let official = calendar.yearStatus(year) == .official
        frame.put(
            official
                ? "Lịch nghỉ chính thức đã nhập."
                : "Chưa có lịch nghỉ chính thức: tính theo quy tắc mặc định của Bộ luật Lao động 2019.",
            row: area.row + 1, column: 1, style: official ? .ok : .warning, maxWidth: width - 2)
        let schedule = calendar.schedule
        let sessions = schedule.sessions.map { "\($0.start.text)–\($0.end.text)" }.joined(separator: ", ")
        let days = Weekday.allCases.filter(schedule.workingWeekdays.contains).map(\.vietnameseName).joined(
            separator: ", ")
        frame.put(
            "Giờ làm việc: \(sessions); giờ chốt trả trong ngày: \(schedule.sameDayCutoff.text)", row: area.row + 2,
            column: 1,
            maxWidth: width - 2)
        frame.put("Ngày làm việc: \(days)", row: area.row + 3, column: 1, maxWidth: width - 2)
        let widths = [11, 9, 10, 14, 0]
        putColumnHeadings(
            ["Ngày", "Thứ", "Âm lịch", "Loại", "Tên"], widths: widths, into: &frame, row: area.row + 5, width: width)
        var view = list
        view.widths = widths
        view.render(into: &frame, rect: Rect(row: area.row + 6, column: 1, width: width - 2, height: area.height - 10))
        // The selected day in full, on two lines: names are long ("Nghỉ bù Giỗ Tổ Hùng Vương rơi vào Chủ nhật
        // 26/04/2026").
        if let row = list.selectedRow {
            let detail = "\(row.columns[0]), \(row.columns[1]) (\(row.columns[2])): \(row.columns[4])"
            for (i, line) in TextWidth.wrap(detail, width - 2).prefix(2).enumerated() {
                frame.put(line, row: area.bottom - 3 + i, column: 1, style: .status, maxWidth: width - 2)
            }
        }
        frame.put(
            "←/→: năm trước/sau   ↑↓: cuộn   Lịch mới: motcua import TỆP   Esc: quay lại", row: area.bottom - 1,
            column: 1, style: .dim, maxWidth: width - 2)
    }
}
