import MotCuaSystem
import MotCuaCore
import MotCuaDocuments
import TerminalUI

/// Báo cáo (F7): which report, for which period (this month, last month, this quarter, last quarter, this
/// year, or any dates), then the preview with print, file and CSV export.
struct ReportsScreen: Screen {
    var form: ScrollForm
    /// The period shortcut last applied (editing a date switches to "Tùy chọn").
    var shortcut = 0

    static let shortcuts = ["Tháng này", "Tháng trước", "Quý này", "Quý trước", "Năm nay", "Tùy chọn"]
    static let showCommand = Command(
        id: .showReport, title: "Xem báo cáo", help: "lập và xem trước báo cáo đã chọn", short: "Xem")

    init(now: LocalDateTime) {
        let p = ReportsScreen.period(0, today: now.date)
        form = ScrollForm([
            .section("Báo cáo"),
            .choice(ChoiceField(id: .kind, label: "Loại", options: ReportKind.allCases.map(\.vietnameseName))),
            .choice(ChoiceField(id: .period, label: "Kỳ", options: ReportsScreen.shortcuts)),
            .field(
                Field(id: .from, label: "Từ ngày", text: p.from.vietnamese, mask: .date, required: true) {
                    CivilDate(vietnamese: $0) == nil ? "ngày không có thật" : nil
                }),
            .field(
                Field(id: .to, label: "Đến ngày", text: p.to.vietnamese, mask: .date, required: true) {
                    CivilDate(vietnamese: $0) == nil ? "ngày không có thật" : nil
                }),
            .info("Tổng hợp cuối ngày: lấy ngày \"Đến ngày\". F10: xem báo cáo.", .dim)
        ])
    }

    var title: String { "Báo cáo" }
    var isForm: Bool { true }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding([.function(10), .control("s")], ReportsScreen.showCommand),
            KeyBinding([.control("p")], ReportsScreen.catalogueCommand)
        ])
    }

    static let catalogueCommand = Command(
        id: .printCatalogue, title: "In bảng công khai",
        help: "in bảng công khai thủ tục hành chính: mỗi thủ tục với mã, thời hạn, lệ phí và mã QR")

    /// The period of a shortcut on `today` (the current ones run to today).
    static func period(_ shortcut: Int, today: CivilDate) -> ReportPeriod {
        let c = today.components
        let quarter = (c.month - 1) / 3 + 1
        switch shortcut {
        case 1:
            let (y, m) = c.month == 1 ? (c.year - 1, 12) : (c.year, c.month - 1)
            return ReportPeriod.month(y, m)!
        case 2: return ReportPeriod(from: ReportPeriod.quarter(c.year, quarter)!.from, to: today)!
        case 3: return quarter == 1 ? ReportPeriod.quarter(c.year - 1, 4)! : ReportPeriod.quarter(c.year, quarter - 1)!
        case 4: return ReportPeriod(from: CivilDate(year: c.year, month: 1, day: 1)!, to: today)!
        default: return ReportPeriod(from: CivilDate(year: c.year, month: c.month, day: 1)!, to: today)!
        }
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            let before = (form.value(.from), form.value(.to))
            let outcome = form.handle(key, inputMethod: nil)
            if case .edited(.period) = outcome, let s = form.choice(.period)?.selected,
                s < ReportsScreen.shortcuts.count - 1
            {
                let p = ReportsScreen.period(s, today: context.now.date)
                form.setValue(.from, p.from.vietnamese)
                form.setValue(.to, p.to.vietnamese)
            } else if (form.value(.from), form.value(.to)) != before {
                form.setChoice(.period, ReportsScreen.shortcuts.count - 1)
            }
            if case .invalid(let m) = outcome { return [.status(m, .error)] }
            if case .completed = outcome { return show() }
            return []
        case .command(let c) where c.id == ReportsScreen.showCommand.id:
            return show()
        case .command(let c) where c.id == ReportsScreen.catalogueCommand.id:
            return [.status("Đang in bảng công khai thủ tục…", .dim), .perform(.printPublic(.catalogue))]
        case .response(.printed(_, let message, _, let failed)):
            return [.status(message, failed ? .error : .ok)]
        case .response(.failed(let message, _)):
            return [.status(message, .error)]
        case .command(let c) where c.id == AppCommand.back.id:
            return [.pop]
        default:
            return []
        }
    }

    mutating func show() -> [Effect] {
        if let error = form.checkAll() { return [.status(error, .error)] }
        guard let from = CivilDate(vietnamese: form.value(.from)), let to = CivilDate(vietnamese: form.value(.to)),
            let period = ReportPeriod(from: from, to: to)
        else {
            form.focus(on: .from)
            return [.status("Từ ngày phải không sau đến ngày", .error)]
        }
        let kind = ReportKind.allCases[form.choice(.kind)?.selected ?? 0]
        let source = DocumentSource.report(kind, kind == .daily ? nil : period, day: to)
        return [.push(DocumentPreviewScreen(source: source, onTheSpot: false, headline: ""))]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 3),
            labelWidth: 12)
        frame.put(
            "←/→: chọn   Tab: ô sau   F10: xem báo cáo   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}

/// The end-of-day backup into a folder (a USB stick): a new file named by the date and time, checked
/// after writing, never overwriting.
struct BackupScreen: Screen {
    /// The removable drives found when the screen opened (F4 goes from one to the next).
    let drives: [String]
    var form: ScrollForm

    init(drives: [String] = FileSystem.removableMounts()) {
        self.drives = drives
        let items: [ScrollForm.Item] = [
            .info("Sao lưu cơ sở dữ liệu (bản sao nhất quán, kiểm tra toàn vẹn sau khi ghi, không ghi đè).", .dim),
            .info(
                drives.isEmpty
                    ? "Chưa thấy ổ USB nào được gắn (/media, /run/media): cắm ổ rồi mở lại, hoặc nhập thư mục."
                    : "Ổ USB đang gắn: \(drives.joined(separator: ", ")) (F4: chọn ổ khác)",
                drives.isEmpty ? .warning : .ok),
            .field(
                Field(
                    id: .folder, label: "Thư mục", text: drives.first ?? "/media", maxLength: 300, required: true,
                    hint: "thư mục đích, ví dụ USB: /media/usb (tệp mới motcua-NGÀY-GIỜ.db); F4: ổ USB khác",
                    pickList: !drives.isEmpty, vietnamese: false)),
            .choice(
                ChoiceField(
                    id: .rotate, label: "Bản cũ", options: ["Giữ theo thiết lập backup_keep", "Giữ tất cả"], selected: 0
                ))
        ]
        form = ScrollForm(items)
    }

    var title: String { "Sao lưu" }
    var isForm: Bool { true }
    var keyMap: KeyMap {
        KeyMap([
            KeyBinding(
                [.function(10), .control("s")],
                Command(id: .save, title: "Sao lưu", help: "sao lưu vào thư mục đã nhập", short: "Lưu"))
        ])
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            let outcome = form.handle(key, inputMethod: nil)
            if case .pick(.folder) = outcome, !drives.isEmpty {
                let next = ((drives.firstIndex(of: form.value(.folder)) ?? -1) + 1) % drives.count
                form.setValue(.folder, drives[next])
                return [.status("Ổ USB: \(drives[next])", .dim)]
            }
            if case .invalid(let m) = outcome { return [.status(m, .error)] }
            return []
        case .text(let t):
            _ = form.paste(t)
            return []
        case .command(let c) where c.id == .save:
            if let error = form.checkAll() { return [.status(error, .error)] }
            return [.perform(.backup(folder: form.value(.folder), rotate: form.choice(.rotate)?.selected == 0))]
        case .command(let c) where c.id == AppCommand.back.id:
            return [.pop]
        case .response(.done(let message)):
            return [.status(message, .ok), .pop]
        case .response(.failed(let message, _)):
            // The folder stays as typed: plug the stick in and try again.
            return [.status(message, .error)]
        default:
            return []
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        form.render(
            into: &frame, rect: Rect(row: area.row + 1, column: 1, width: area.width - 2, height: area.height - 3),
            labelWidth: 12)
        frame.put(
            "F10: sao lưu   F4: ổ USB khác   Esc: quay lại", row: area.bottom - 1, column: 1, style: .dim,
            maxWidth: area.width - 2)
    }
}
