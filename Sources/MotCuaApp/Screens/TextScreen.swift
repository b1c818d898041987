import TerminalUI

/// Scrolling read-only text with a title (the explanation of an appointment, and similar).
struct TextScreen: Screen {
    let title: String
    var viewer: TextViewer

    init(title: String, lines: [String]) {
        self.title = title
        self.viewer = TextViewer(lines: lines)
    }

    var keyMap: KeyMap { KeyMap([KeyBinding([.escape, .enter], AppCommand.back, inBar: false)]) }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .key(let key):
            _ = viewer.handle(key, height: context.area.height - 3)
            return []
        case .command(let c) where c.id == AppCommand.back.id:
            return [.pop]
        default:
            return []
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        frame.put(title, row: area.row, column: 1, style: .heading, maxWidth: area.width - 2)
        let wrapped = TextViewer(lines: viewer.lines.flatMap { TextWidth.wrap($0, area.width - 4) })
        var shown = wrapped
        for _ in 0..<viewer.top { _ = shown.handle(.down, height: area.height - 3) }
        shown.render(
            into: &frame, rect: Rect(row: area.row + 2, column: 2, width: area.width - 4, height: area.height - 3))
        frame.put("Esc: quay lại   ↑ ↓ PgUp PgDn: cuộn", row: area.bottom - 1, column: 1, style: .dim)
        frame.cursor = nil
    }
}
