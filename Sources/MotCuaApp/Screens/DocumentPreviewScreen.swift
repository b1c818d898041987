import MotCuaDocuments
import TerminalUI

/// The preview of a document as it will print: F8 prints it (and always saves it beside the database),
/// Ctrl-S only saves it. A second print is marked "BẢN IN LẠI" and recorded.
struct DocumentPreviewScreen: Screen {
    let source: DocumentSource
    /// The case's procedure gives its result on the spot: Ctrl-D records it as returned now.
    let onTheSpot: Bool
    let headline: String
    var document: Document?
    var viewer = TextViewer(lines: [])
    var returned = false

    static let printCommand = Command(id: .print, title: "In", help: "in văn bản (và lưu tệp cạnh cơ sở dữ liệu)")
    static let saveCommand = Command(id: .saveFile, title: "Lưu tệp", help: "chỉ lưu văn bản thành tệp, không in")
    static let returnCommand = Command(
        id: .returnNow, title: "Trả ngay", help: "thủ tục trả kết quả ngay: ghi nhận đã trả cho người nộp")
    static let csvCommand = Command(
        id: .exportCSV, title: "Xuất CSV",
        help: "lưu số liệu của báo cáo thành tệp CSV (mở bằng bảng tính) cạnh cơ sở dữ liệu")
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
            _ = viewer.handle(key, height: context.area.height - 3)
            return []
        case .command(let c):
            switch c.id {
            case DocumentPreviewScreen.printCommand.id: return [.perform(.printDocument(source, saveOnly: false))]
            case DocumentPreviewScreen.saveCommand.id: return [.perform(.printDocument(source, saveOnly: true))]
            case DocumentPreviewScreen.csvCommand.id:
                return [.perform(.exportCSV(source))]
            case DocumentPreviewScreen.backupCommand.id:
                return [.push(BackupScreen())]
            case DocumentPreviewScreen.returnCommand.id:
                guard case .receipt(let code) = source, !returned else { return [] }
                return [.perform(.returnOnTheSpot(caseCode: code))]
            case AppCommand.back.id: return [.pop]
            default: return []
            }
        case .response(.document(let d)):
            show(d)
            return headline.isEmpty ? [] : [.status(headline, .ok)]
        case .response(.printed(_, let message, let next, let failed)):
            if let next { show(next) }
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

    mutating func show(_ d: Document) {
        document = d
        let top = viewer.top
        viewer = TextViewer(lines: TextRenderer(pageSize: d.pageSize, forPrinting: false).render(d))
        for _ in 0..<top { _ = viewer.handle(.down, height: 1) }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        guard document != nil else {
            frame.put("Đang chuẩn bị văn bản…", row: area.row + 1, column: 2, style: .dim)
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
            help = "F8: in   Ctrl-E: CSV   ↑↓←→: cuộn   Esc: đóng   \(viewer.position(height: rect.height - 2))"
        }
        if onTheSpot && !returned { help = "Ctrl-D: trả ngay   " + help }
        frame.put(help, row: area.bottom - 1, column: 1, style: .dim, maxWidth: area.width - 2)
        frame.cursor = nil
    }
}
