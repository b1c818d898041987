import MotCuaCore
import TerminalUI

/// The F9 menu: every command of the program, administration included. Commands whose screens do not
/// exist yet are listed disabled ("chưa có"), never faked.
struct MenuState {
    struct Entry {
        let command: Command
        let key: String
        let section: String
        let enabled: Bool
    }

    enum Outcome { case stay, close, run(Command) }

    var entries: [Entry]
    var list: ListView

    /// Administration entries (ui.md "Quản trị").
    static let administration: [Command] = [
        Command(id: .adminUnit, title: "Thông tin đơn vị", help: "tên, mã định danh, địa danh in trên phiếu"),
        Command(id: .adminBodies, title: "Cơ quan, bộ phận", help: "các phòng ban và cơ quan tham gia giải quyết"),
        Command(id: .adminCatalogue, title: "Danh mục thủ tục", help: "thành phần hồ sơ, lệ phí, thời hạn, quy trình"),
        Command(id: .adminCalendar, title: "Lịch nghỉ, giờ làm việc", help: "ngày nghỉ lễ, nghỉ bù, làm bù theo năm"),
        Command(id: .adminOfficers, title: "Cán bộ, quyền", help: "tài khoản và vai trò"),
        Command(id: .adminPrinter, title: "Máy in", help: "máy in và tuỳ chọn in"),
        Command(id: .adminBackup, title: "Sao lưu", help: "sao lưu cơ sở dữ liệu ra thư mục, USB")
    ]

    static let work: [(Command, String)] = [
        (AppCommand.newCase, "F2"), (AppCommand.search, "F3"),
        (Command(id: .byBody, title: "Theo phòng ban", help: "hồ sơ đang ở từng cơ quan; giao hàng loạt"), ""),
        (AppCommand.handOver, "F5"), (AppCommand.result, "F6"), (AppCommand.reports, "F7")
    ]

    init(app: Application) {
        let loggedIn = app.officer != nil
        var entries: [Entry] = []
        for (command, key) in MenuState.work {
            // F5 and F6 act on the case or list in front of the officer: enabled where that screen offers them.
            let offered = app.catalog.has(command.id) || !(app.top?.keyMap.keys(for: command.id).isEmpty ?? true)
            entries.append(Entry(command: command, key: key, section: "Công việc", enabled: loggedIn && offered))
        }
        let isAdmin = app.officer?.role == .administrator
        for command in MenuState.administration {
            entries.append(
                Entry(command: command, key: "", section: "Quản trị", enabled: isAdmin && app.catalog.has(command.id)))
        }
        for command in [AppCommand.inputMethodTelex, AppCommand.inputMethodVNI, AppCommand.toneStyle] {
            entries.append(Entry(command: command, key: "", section: "Bộ gõ", enabled: true))
        }
        entries.append(Entry(command: AppCommand.toggleTyping, key: "Ctrl-T", section: "Bộ gõ", enabled: true))
        entries.append(Entry(command: AppCommand.lock, key: "", section: "Phiên làm việc", enabled: loggedIn))
        entries.append(
            Entry(
                command: AppCommand.changePassword, key: "", section: "Phiên làm việc",
                enabled: loggedIn && app.catalog.has(AppCommand.changePassword.id)))
        entries.append(Entry(command: AppCommand.logout, key: "", section: "Phiên làm việc", enabled: loggedIn))
        entries.append(Entry(command: AppCommand.quit, key: "Ctrl-Q", section: "Phiên làm việc", enabled: true))
        self.entries = entries
        self.list = ListView(rows: [], widths: [18, 26, 8, 0], fold: { VietnameseText.fold($0) })
        list.setRows(
            entries.enumerated().map { i, e in
                ListRow(
                    id: String(i),
                    columns: [e.section, e.command.title, e.key, e.enabled ? e.command.help : "(chưa có)"],
                    style: e.enabled ? .normal : .disabled)
            })
        // Start on the first enabled entry.
        while let row = list.selectedRow, !entries[Int(row.id)!].enabled, list.handle(.down) {
            if list.selection == list.visible.count - 1 { break }
        }
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape, .function(9): return .close
        case .enter:
            guard let row = list.selectedRow else { return .stay }
            let entry = entries[Int(row.id)!]
            return entry.enabled ? .run(entry.command) : .stay
        default:
            _ = list.handle(key, pageSize: 10)
            return .stay
        }
    }

    func render(into frame: inout Frame) {
        let height = min(frame.size.rows - 4, entries.count + 4)
        let rect = frame.bounds.centered(width: min(frame.size.columns - 4, 100), height: height)
        frame.fill(rect)
        frame.box(rect, title: "Menu — mọi chức năng")
        list.render(
            into: &frame,
            rect: Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 4, height: rect.height - 3))
        let filter = list.filter.isEmpty ? "gõ chữ để lọc" : "lọc: \(list.filter.text)"
        frame.put(
            "Enter: chọn   Esc: đóng   \(filter)", row: rect.bottom - 2, column: rect.column + 2, style: .dim,
            maxWidth: rect.width - 4)
    }
}
