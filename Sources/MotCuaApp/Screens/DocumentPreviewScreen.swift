import MotCuaDocuments
import TerminalUI

/// The preview of a document as it will print: F8 prints it (and always saves it beside the database),
/// Ctrl-S only saves it. A second print is marked "BẢN IN LẠI" and recorded. A report is shown as screen
/// tables instead of pages (`ReportOnScreen`); F8 prints its pages all the same.
struct DocumentPreviewScreen: Screen {
    let source: DocumentSource
    /// The case's procedure gives its result on the spot: Ctrl-D records it as returned now.
    let onTheSpot: Bool
    let headline: String
    var document: Document?
    var viewer = TextViewer(lines: [])
    /// A report, as read on the screen.
    var report: ReportOnScreen?
    var returned = false

    static let printCommand = Command(id: .print, title: "In", help: "in văn bản (và lưu tệp cạnh cơ sở dữ liệu)")
    static let saveCommand = Command(id: .saveFile, title: "Lưu tệp", help: "chỉ lưu văn bản thành tệp, không in")
    static let returnCommand = Command(
        id: .returnNow, title: "Trả ngay", help: "thủ tục trả kết quả ngay: ghi nhận đã trả cho người nộp")
    static let csvCommand = Command(
        id: .exportData, title: "Bảng tính",
        help: "lưu số liệu của báo cáo thành bảng tính .xlsx (Excel, LibreOffice: số là số, ngày là ngày) và tệp CSV, "
            + "cạnh cơ sở dữ liệu")
    static let backupCommand = Command(
        id: .backup, title: "Sao lưu", help: "sao lưu cơ sở dữ liệu ra một thư mục (ví dụ USB) cuối ngày")

    var isReport: Bool { if case .report = source { true } else { false } }
    var isDaily: Bool { if case .report(.daily, _, _) = source { true } else { false } }

    init(source: DocumentSource, onTheSpot: Bool, headline: String) {
        self.source = source
        self.onTheSpot = onTheSpot
        self.headline = headline
    }

    var title: String { document?.caption ?? "Xem trước" }
    var helpLines: [String] {
        guard isReport else { return [] }
        return [
            "Báo cáo trên màn hình là bảng: ← → sang cột trước, cột sau (các cột STT, mã hồ sơ, người nộp đứng yên); "
                + "↑ ↓ PgUp PgDn Home End: cuộn dòng, tiêu đề cột luôn hiện. F8 in đúng mẫu trang giấy."
        ]
    }
    var keyMap: KeyMap {
        var bindings = [
            KeyBinding([.function(8)], DocumentPreviewScreen.printCommand),
            KeyBinding([.control("s")], DocumentPreviewScreen.saveCommand)
        ]
        if onTheSpot && !returned { bindings.append(KeyBinding([.control("d")], DocumentPreviewScreen.returnCommand)) }
        if isReport { bindings.append(KeyBinding([.control("e")], DocumentPreviewScreen.csvCommand)) }
        if isDaily { bindings.append(KeyBinding([.control("b")], DocumentPreviewScreen.backupCommand)) }
        return KeyMap(bindings)
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared:
            return document == nil ? [.perform(.buildDocument(source))] : []
        case .key(let key):
            if var r = report {
                let (width, height) = DocumentPreviewScreen.tableArea(context)
                let before = r.viewer.left
                _ = r.viewer.handle(key, width: width, height: height)
                report = r
                // ← → that cannot move say why (never silence).
                if key == .right && r.viewer.left == before {
                    return [
                        .status(
                            r.viewer.maxLeft(width: width) == 0
                                ? "Bảng vừa màn hình: không còn cột nào bên phải" : "Đã đến cột cuối cùng", .dim)
                    ]
                }
                if key == .left && r.viewer.left == before && before == 0 {
                    return [.status("Đang ở cột đầu tiên", .dim)]
                }
                return []
            }
            _ = viewer.handle(key, height: context.area.height - 3)
            return []
        case .command(let c):
            switch c.id {
            case DocumentPreviewScreen.printCommand.id: return [.perform(.printDocument(source, saveOnly: false))]
            case DocumentPreviewScreen.saveCommand.id: return [.perform(.printDocument(source, saveOnly: true))]
            case DocumentPreviewScreen.csvCommand.id:
                return [.perform(.exportData(source))]
            case DocumentPreviewScreen.backupCommand.id:
                return [.push(BackupScreen())]
            case DocumentPreviewScreen.returnCommand.id:
                guard case .receipt(let code) = source, !returned else { return [] }
                return [.perform(.returnOnTheSpot(caseCode: code))]
            case AppCommand.back.id: return [.pop]
            default: return []
            }
        case .response(.document(let d)):
            show(d, unitCode: context.unit.unitCode)
            return headline.isEmpty ? [] : [.status(headline, .ok)]
        case .response(.printed(_, let message, let next, let failed)):
            if let next { show(next, unitCode: context.unit.unitCode) }
            return [.status(message, failed ? .error : .ok)]
        case .response(.done(let message)):
            if !isReport { returned = true }
            return [.status(message, .ok)]
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    mutating func show(_ d: Document, unitCode: String) {
        document = d
        if isReport {
            var shown = ReportOnScreen(d, unitCode: unitCode)
            if let previous = report { shown.viewer.keepPosition(of: previous.viewer) }
            report = shown
            return
        }
        let top = viewer.top
        viewer = TextViewer(lines: TextRenderer(pageSize: d.pageSize, forPrinting: false).render(d))
        for _ in 0..<top { _ = viewer.handle(.down, height: 1) }
    }

    /// The report's table area: under its title and period, above the hint line.
    static func tableArea(_ context: ScreenContext) -> (width: Int, height: Int) {
        (context.area.width - 2, context.area.height - 3)
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        guard document != nil else {
            frame.put("Đang chuẩn bị văn bản…", row: area.row + 1, column: 2, style: .dim)
            return
        }
        if let report {
            renderReport(report, into: &frame, context)
            return
        }
        // Forms are narrow; reports use the whole width and scroll sideways (←/→) when wider.
        let width = document?.pageSize == .a5 ? min(area.width - 2, 76) : area.width - 2
        let rect = Rect(row: area.row, column: (area.width - width) / 2, width: width, height: area.height - 1)
        frame.box(rect, style: .frame, title: title)
        viewer.render(
            into: &frame,
            rect: Rect(row: rect.row + 1, column: rect.column + 2, width: rect.width - 3, height: rect.height - 2))
        var help = "F8: in   Ctrl-S: lưu tệp   Esc: đóng   \(viewer.position(height: rect.height - 2))"
        if isReport {
            help = "F8: in   Ctrl-E: bảng tính   ↑↓←→: cuộn   Esc: đóng   \(viewer.position(height: rect.height - 2))"
        }
        if onTheSpot && !returned { help = "Ctrl-D: trả ngay   " + help }
        frame.put(help, row: area.bottom - 1, column: 1, style: .dim, maxWidth: area.width - 2)
        frame.cursor = nil
    }

    /// A report on the screen: its title and period fixed at the top, the tables and text under them, and a
    /// hint line with where the view is.
    func renderReport(_ report: ReportOnScreen, into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let (width, height) = DocumentPreviewScreen.tableArea(context)
        frame.put(TextWidth.fit(report.title, width), row: area.row, column: 1, style: .heading)
        let numberWidth = TextWidth.width(of: report.number)
        if numberWidth > 0 && TextWidth.width(of: report.title) + 2 + numberWidth <= width {
            frame.put(report.number, row: area.row, column: 1 + width - numberWidth, style: .dim)
        }
        frame.put(TextWidth.fit(report.subtitle, width), row: area.row + 1, column: 1, style: .normal)
        report.viewer.render(
            into: &frame, rect: Rect(row: area.row + 2, column: 1, width: width, height: height))
        // What matters first: where the view is, then the keys (the key bar repeats F8 and Ctrl-E).
        var pieces = [report.viewer.position(width: width, height: height)]
        if let columns = report.viewer.columns(width: width) { pieces.append("←→: \(columns)") }
        pieces.append("↑↓ PgUp PgDn: dòng")
        pieces += ["F8: in trang", "Ctrl-E: bảng tính"]
        if isDaily { pieces.append("Ctrl-B: sao lưu") }
        pieces.append("Esc: đóng")
        var hint = ""
        for piece in pieces where !piece.isEmpty {
            let next = hint.isEmpty ? piece : hint + "   " + piece
            if TextWidth.width(of: next) <= width { hint = next }
        }
        frame.put(hint, row: area.bottom - 1, column: 1, style: .dim, maxWidth: width)
        frame.cursor = nil
    }
}
