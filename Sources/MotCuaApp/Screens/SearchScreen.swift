import MotCuaCore
import MotCuaStore
import TerminalUI

/// Tra cứu (F3): one box; matches case code (whole, prefix, last digits), applicant name, ID number, phone
/// (or their last four digits or more), as you type, ignoring diacritics and case (đ ≈ d). Enter opens the
/// case whose whole code is in the box (a USB scanner types a receipt's QR code and Enter), else the
/// selected one. Typing on the home screen opens it with what was typed.
struct SearchScreen: Screen {
    var box = LineEditor(maxLength: 300)
    var results: [CaseSummary] = []
    var list = ListView(widths: [], allowsFilter: false)
    var searched: String?

    init() {}

    /// Opened by typing elsewhere (the home screen): the first key goes into the box as if typed here.
    init(first key: Key, input: VietnameseInputMethod?) {
        _ = box.handle(key, inputMethod: input)
    }

    /// Opened by a paste elsewhere.
    init(pasted text: String) {
        box.insert(text)
    }

    var title: String { "Tra cứu hồ sơ" }
    var keyMap: KeyMap { KeyMap([KeyBinding([.enter], AppCommand.open, inBar: false)]) }

    var helpLines: [String] {
        [
            "Gõ mã hồ sơ, họ tên, số giấy tờ, điện thoại (không cần dấu), hoặc 4 số cuối trở lên của điện thoại, "
                + "số giấy tờ, mã hồ sơ. Enter: mở hồ sơ có đúng mã đã gõ (máy quét mã QR), nếu không thì hồ sơ đang chọn."
        ]
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared:
            return [.perform(.search(box.text))]
        case .key(let key):
            if list.handle(key, pageSize: max(1, context.area.height - 5)) { return [] }
            let before = box.text
            _ = box.handle(key, inputMethod: context.input.active)
            return box.text != before ? [.perform(.search(box.text))] : []
        case .text(let text):
            box.insert(text)
            return [.perform(.search(box.text))]
        case .command(let c) where c.id == AppCommand.open.id:
            // A whole case code (scanned or typed) opens that case whatever the list shows.
            if !box.isEmpty {
                return [.perform(.findScannedCode(box.text))]
            }
            return openSelected()
        case .response(.scannedCode(let query, let code)):
            guard query == box.text else { return [] }
            if let code {
                // Ready for the next scan: back from the case, the box is empty.
                box.setText("")
                searched = nil
                results = []
                list.setRows([])
                return [.openScreen(id: .caseView, argument: code)]
            }
            return openSelected()
        case .command(let c) where c.id == AppCommand.back.id:
            if !box.isEmpty {
                box.setText("")
                return [.perform(.search(""))]
            }
            return [.pop]
        case .response(.searchResults(let query, let found)):
            // Answers to older keystrokes are ignored.
            guard query == box.text else { return [] }
            searched = query
            results = found
            list.setRows(SearchScreen.rows(found, context))
            return []
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        default:
            return []
        }
    }

    func openSelected() -> [Effect] {
        guard let row = list.selectedRow else {
            return box.isEmpty ? [] : [.status("Không có hồ sơ nào khớp với nội dung tìm", .warning)]
        }
        return [.openScreen(id: .caseView, argument: row.id)]
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let wide = area.width >= 110
        frame.put("Tìm:", row: area.row + 1, column: 1, style: .label)
        let boxWidth = area.width - 8
        let (visible, cursor) = box.layout(width: boxWidth)
        frame.put(TextWidth.fit(visible, boxWidth, ellipsis: false), row: area.row + 1, column: 6, style: .focused)
        frame.put(
            "mã hồ sơ, họ tên, số giấy tờ, điện thoại (hoặc 4 số cuối) — không cần dấu", row: area.row + 2, column: 6,
            style: .dim,
            maxWidth: area.width - 7)
        // Wide: the procedure takes what the fixed columns leave, so the remaining time is never cut.
        let widths =
            wide ? [26, 22, max(16, area.width - 8 - (26 + 22 + 15 + 11 + 17)), 15, 11, 0] : [12, 19, 15, 11, 0]
        let header =
            wide
            ? ["Mã hồ sơ", "Người nộp", "Thủ tục", "Trạng thái", "Hẹn trả", "Còn lại"]
            : ["Mã hồ sơ", "Người nộp", "Trạng thái", "Hẹn trả", "Còn lại"]
        putColumnHeadings(header, widths: widths, into: &frame, row: area.row + 4, width: area.width)
        // Rows again for this size and this minute (the stored ones keep the selection).
        var view = list
        view.widths = widths
        view.setRows(SearchScreen.rows(results, context))
        let listRect = Rect(row: area.row + 5, column: 1, width: area.width - 2, height: area.height - 6)
        if results.isEmpty {
            frame.put(searched == nil ? "" : "Không tìm thấy hồ sơ nào.", row: listRect.row, column: 1, style: .dim)
        } else {
            view.render(into: &frame, rect: listRect, focused: false)
            if let sel = view.selectedRow, let i = view.visible.firstIndex(where: { view.rows[$0].id == sel.id }) {
                let r = listRect.row + i - view.firstVisible(height: listRect.height)
                if r >= listRect.row && r < listRect.bottom {
                    frame.restyle(Rect(row: r, column: 1, width: area.width - 2, height: 1), .selected)
                }
            }
        }
        frame.put(
            "\(results.count) hồ sơ\(results.count >= 100 ? " (100 gần nhất)" : "")   ↑ ↓: chọn   Enter: mở   Esc: xóa ô tìm / quay lại",
            row: area.bottom - 1, column: 1, style: .dim, maxWidth: area.width - 2)
        frame.cursor = (area.row + 1, 6 + cursor)
    }

    static func rows(_ items: [CaseSummary], _ context: ScreenContext) -> [ListRow] {
        let wide = context.size.columns >= 110
        let prefix = context.unit.unitCode + "-"
        return items.map { item in
            let closed = item.status.isClosed
            let (remaining, style) = closed ? ("", Style.dim) : HomeScreen.remaining(item, context)
            let code = !wide && item.code.hasPrefix(prefix) ? String(item.code.dropFirst(prefix.count)) : item.code
            let due =
                "\(item.appointment.date.day.zeroPadded())/\(item.appointment.date.month.zeroPadded()) \(item.appointment.time.text)"
            var columns = [code, item.applicantName]
            if wide { columns.append(item.procedureName) }
            columns += [item.status.vietnameseName, due, remaining]
            return ListRow(id: item.code, columns: columns, style: style)
        }
    }
}
