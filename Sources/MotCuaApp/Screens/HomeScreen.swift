import MotCuaCore
import MotCuaStore
import TerminalUI

/// Bàn làm việc: today's counts and the cases needing action, soonest due first, each with its remaining
/// working time in words ("Còn 1 ngày 3 giờ", "Quá 2 ngày") — colour repeats the text, never replaces it.
/// Typing here starts a search (Tra cứu) with what is typed: a name, the last digits of a phone, or a whole
/// case code typed by a USB scanner followed by Enter, which opens that case.
struct HomeScreen: Screen {
    var data: HomeData?
    var list = ListView(widths: [], allowsFilter: false)
    var error: String?
    /// Ticks since the last refresh (one tick a second).
    var ticks = 0

    var title: String { "Bàn làm việc" }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.enter], AppCommand.open, inBar: false),
            KeyBinding([.function(5)], AppCommand.handOver),
            KeyBinding([.function(6)], AppCommand.result),
            KeyBinding([.control("r")], AppCommand.refresh, inBar: false)
        ])
    }

    var helpLines: [String] {
        [
            "Gõ chữ hoặc số ở đây để tra cứu ngay: mã hồ sơ, họ tên, số giấy tờ, điện thoại, hoặc 4 số cuối trở lên "
                + "của điện thoại, số giấy tờ, mã hồ sơ. Máy quét mã QR trên giấy tiếp nhận mở thẳng hồ sơ."
        ]
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared:
            return [.perform(.loadHome)]
        case .tick:
            ticks += 1
            if ticks >= 30 {
                ticks = 0
                return [.perform(.loadHome)]
            }
            return []
        case .command(let c) where c.id == AppCommand.refresh.id:
            return [.perform(.loadHome)]
        case .command(let c) where c.id == AppCommand.open.id:
            guard let row = list.selectedRow else { return [] }
            return [.openScreen(id: .caseView, argument: row.id)]
        case .command(let c) where c.id == AppCommand.handOver.id || c.id == AppCommand.result.id:
            guard let row = list.selectedRow else { return [.status("Chọn một hồ sơ trong danh sách", .warning)] }
            return [.push(CaseActionScreen(code: row.id, intent: c.id == AppCommand.handOver.id ? .route : .result))]
        case .key(.character(let c)) where !c.isWhitespace:
            return [.push(SearchScreen(first: .character(c), input: context.input.active))]
        case .text(let text) where !text.trimmingSpaces.isEmpty:
            return [.push(SearchScreen(pasted: text))]
        case .key(let key):
            _ = list.handle(key, pageSize: max(1, context.area.height - 6))
            return []
        case .response(.home(let home)):
            data = home
            error = nil
            list.setRows(HomeScreen.rows(home.items, context, attention: home.attention))
            return []
        case .response(.failed(let message, _)):
            error = message
            return [.status(message, .error)]
        default:
            return []
        }
    }

    /// Remaining-time text and style of an item at `now`.
    static func remaining(_ item: CaseSummary, _ context: ScreenContext) -> (String, Style) {
        switch item.status {
        case .waitingSupplement: return ("Chờ bổ sung", .dim)
        default:
            let r = RemainingTime.between(now: context.now, due: item.appointment, calendar: context.calendar)
            let style: Style =
                r.isOverdue ? .overdue : (item.appointment.date == context.now.date ? .dueToday : .normal)
            return (r.description, item.status == .resultReady && !r.isOverdue ? .ok : style)
        }
    }

    static func rows(_ items: [CaseSummary], _ context: ScreenContext, attention: Attention = Attention()) -> [ListRow]
    {
        let wide = context.size.columns >= 110
        let prefix = context.unit.unitCode + "-"
        // Paused cases last; the others by appointment (the store's order).
        let ordered =
            items.filter { $0.status != .waitingSupplement } + items.filter { $0.status == .waitingSupplement }
        return ordered.map { item in
            var (remaining, style) = remaining(item, context)
            let code = !wide && item.code.hasPrefix(prefix) ? String(item.code.dropFirst(prefix.count)) : item.code
            let due =
                "\(item.appointment.date.day.zeroPadded())/\(item.appointment.date.month.zeroPadded()) \(item.appointment.time.text)"
            var columns = [code, item.applicantName]
            if wide { columns.append(item.procedureName) }
            // The flags say in words what needs doing (colour only repeats them).
            var status = item.status.vietnameseName
            if attention.handOverLate.contains(item.code) {
                status = "Chưa chuyển!"
                if style != .overdue { style = .warning }
            } else if attention.apologyDue.contains(item.code) {
                status = "Cần xin lỗi"
                if style != .overdue { style = .warning }
            }
            columns += [status, due, remaining]
            return ListRow(id: item.code, columns: columns, style: style)
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let width = area.width
        frame.put("Bàn làm việc", row: area.row, column: 1, style: .heading)
        var column = 16
        if let name = context.officer?.fullName {
            column = frame.put("Cán bộ: \(name)", row: area.row, column: 16, style: .normal, maxWidth: width - 17)
        }
        // Typing starts a search: said where the officer looks first.
        let hint = "Gõ để tra cứu: mã, họ tên, số cuối"
        if column + 3 + TextWidth.width(of: hint) <= width - 1 {
            frame.put(hint, row: area.row, column: width - 1 - TextWidth.width(of: hint), style: .dim)
        }
        guard let data else {
            frame.put(error ?? "Đang tải số liệu…", row: area.row + 2, column: 1, style: error == nil ? .dim : .error)
            return
        }
        let c = data.counts
        let wideLabels = width >= 100
        let counts: [(String, String, Int, Style)] = [
            ("Tiếp nhận hôm nay", "Nhận hôm nay", c.receivedToday, .normal),
            ("Đến hạn hôm nay", "Đến hạn", c.dueToday, c.dueToday > 0 ? .dueToday : .normal),
            ("Quá hạn", "Quá hạn", c.overdue, c.overdue > 0 ? .overdue : .normal),
            ("Chờ bổ sung", "Chờ bổ sung", c.waitingSupplement, .normal),
            ("Chờ trả kết quả", "Chờ trả", c.readyToReturn, c.readyToReturn > 0 ? .ok : .normal)
        ]
        var col = 1
        var row = area.row + 1
        for (i, (long, short, value, style)) in counts.enumerated() {
            let text = "\(wideLabels ? long : short): \(value)"
            if col + TextWidth.width(of: text) + 1 > width { row += 1; col = 1 }
            if i > 0 && col > 1 { col = frame.put(" │ ", row: row, column: col, style: .dim) }
            col = frame.put(text, row: row, column: col, style: style)
        }
        row += 1
        var warnings: [String] = []
        if data.unitIsExample { warnings.append("Thông tin đơn vị còn là dữ liệu mẫu: quản trị viên cần sửa (F9).") }
        if !data.attention.handOverLate.isEmpty {
            warnings.append(
                "\(data.attention.handOverLate.count) hồ sơ chưa chuyển đúng hạn (\"Chưa chuyển!\") — F5 để giao.")
        }
        if !data.attention.apologyDue.isEmpty {
            warnings.append(
                "\(data.attention.apologyDue.count) hồ sơ sắp hoặc đã quá hạn, chưa có kết quả: cần xin lỗi, hẹn lại.")
        }
        for year in data.missingOfficialYears {
            warnings.append("Chưa có lịch nghỉ chính thức năm \(year) (đang tính theo quy tắc mặc định).")
        }
        for warning in warnings.prefix(3) {
            frame.put("⚠ " + warning, row: row, column: 1, style: .warning, maxWidth: width - 2)
            row += 1
        }
        row += 1
        let wide = width >= 110
        // At 80 columns the last column keeps 17 cells: "Quá 1 ngày 1 giờ" fits whole.
        let widths = wide ? [26, 21, 22, 15, 11, 0] : [12, 19, 15, 11, 0]
        let header =
            wide
            ? ["Mã hồ sơ", "Người nộp", "Thủ tục", "Trạng thái", "Hẹn trả", "Còn lại"]
            : ["Mã hồ sơ", "Người nộp", "Trạng thái", "Hẹn trả", "Còn lại"]
        var headerColumn = 1
        for (i, h) in header.enumerated() {
            let w = widths[i] > 0 ? widths[i] : width - headerColumn - 1
            headerColumn = frame.put(TextWidth.fit(h, w) + " ", row: row, column: headerColumn, style: .heading)
        }
        row += 1
        let listRect = Rect(row: row, column: 1, width: width - 2, height: area.bottom - row)
        if data.items.isEmpty {
            frame.put("Không có hồ sơ nào cần xử lý.", row: row + 1, column: 1, style: .dim)
            frame.cursor = nil
            return
        }
        // Rows are rebuilt at each render: the codes' width follows the terminal, "Còn …" follows the clock.
        var view = list
        view.widths = widths
        view.setRows(HomeScreen.rows(data.items, context, attention: data.attention))
        view.render(into: &frame, rect: listRect)
    }
}
