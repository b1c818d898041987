import MotCuaCore
import MotCuaStore
import TerminalUI

/// Theo phòng ban: what each body holds and what waits to be handed to it, by step deadline with the
/// remaining time; Space marks cases waiting for this body and F5 hands them all over at once.
struct BodyScreen: Screen {
    var loads: [BodyLoad] = []
    var bodies = ListView(widths: [], fold: { VietnameseText.fold($0) })
    /// The body opened, and its queue.
    var body: Body?
    var queue: [BodyQueueItem] = []
    var cases = ListView(widths: [], fold: { VietnameseText.fold($0) })
    var marked: Set<String> = []

    var title: String { body.map { "Theo phòng ban — \($0.name)" } ?? "Theo phòng ban" }
    var keyMap: KeyMap {
        var bindings = [KeyBinding([.enter], AppCommand.open, inBar: false)]
        if body != nil {
            bindings.append(KeyBinding([.function(5)], AppCommand.handOver))
            bindings.append(KeyBinding([.function(6)], AppCommand.result))
        }
        bindings.append(KeyBinding([.control("r")], AppCommand.refresh, inBar: false))
        return KeyMap(bindings)
    }

    mutating func handle(_ event: ScreenEvent, _ context: ScreenContext) -> [Effect] {
        switch event {
        case .appeared, .command(AppCommand.refresh):
            return reload()
        case .response(.bodies(let list)):
            loads = list
            bodies.setRows(
                list.map { l in
                    ListRow(
                        id: l.body.code,
                        columns: [l.body.name, String(l.toHandOver), String(l.holding), String(l.overdue)],
                        style: l.overdue > 0 ? .overdue : .normal)
                })
            return []
        case .response(.bodyQueue(let code, let items)) where code == body?.code:
            queue = items
            marked = marked.filter { code in items.contains { $0.summary.code == code && $0.stage == .toHandOver } }
            cases.setRows(rows(context))
            return []
        case .response(.done(let message)):
            marked = []
            return [.status(message, message.contains("không giao được") ? .warning : .ok)] + reload()
        case .response(.failed(let m, _)):
            return [.status(m, .error)]
        case .key(.character(" ")) where body != nil && cases.filter.isEmpty:
            guard let row = cases.selectedRow, let item = queue.first(where: { $0.summary.code == row.id }) else {
                return []
            }
            guard item.stage == .toHandOver else {
                return [.status("Chỉ đánh dấu được hồ sơ đang chờ giao cho cơ quan này", .warning)]
            }
            if marked.contains(row.id) { marked.remove(row.id) } else { marked.insert(row.id) }
            cases.setRows(rows(context))
            _ = cases.handle(.down)
            return [.status("Đã đánh dấu \(marked.count) hồ sơ; F5 để giao tất cả", .dim)]
        case .key(let key):
            if body != nil {
                _ = cases.handle(key, pageSize: max(1, context.area.height - 5))
            } else {
                _ = bodies.handle(key)
            }
            return []
        case .command(let c):
            switch c.id {
            case AppCommand.open.id:
                if body == nil {
                    guard let row = bodies.selectedRow, let load = loads.first(where: { $0.body.code == row.id }) else {
                        return []
                    }
                    body = load.body
                    marked = []
                    queue = []
                    cases = ListView(widths: [], fold: { VietnameseText.fold($0) })
                    return [.perform(.loadBodyQueue(bodyCode: load.body.code))]
                }
                guard let row = cases.selectedRow else { return [] }
                return [.openScreen(id: .caseView, argument: row.id)]
            case AppCommand.handOver.id:
                if !marked.isEmpty {
                    // In the order shown (by deadline), each in its own transaction.
                    let codes = queue.map(\.summary.code).filter(marked.contains)
                    return [.perform(.bulkHandOver(caseCodes: codes))]
                }
                guard let row = cases.selectedRow else { return [] }
                return [.push(CaseActionScreen(code: row.id, intent: .route))]
            case AppCommand.result.id:
                guard let row = cases.selectedRow else { return [] }
                return [.push(CaseActionScreen(code: row.id, intent: .result))]
            case AppCommand.back.id:
                if body != nil {
                    body = nil
                    marked = []
                    return reload()
                }
                return [.pop]
            default:
                return []
            }
        default:
            return []
        }
    }

    func reload() -> [Effect] {
        if let body { return [.perform(.loadBodyQueue(bodyCode: body.code))] }
        return [.perform(.loadBodies)]
    }

    static func stageText(_ stage: BodyQueueItem.Stage) -> String {
        switch stage {
        case .toHandOver: "Chờ giao"
        case .handedOver: "Đã giao, chờ nhận"
        case .processing: "Đang xử lý"
        }
    }

    func rows(_ context: ScreenContext) -> [ListRow] {
        let wide = context.size.columns >= 110
        let prefix = context.unit.unitCode + "-"
        return queue.map { item in
            let s = item.summary
            let code = !wide && s.code.hasPrefix(prefix) ? String(s.code.dropFirst(prefix.count)) : s.code
            var remaining = ""
            var style = Style.normal
            if let due = item.stepDue {
                let r = RemainingTime.between(now: context.now, due: due, calendar: context.calendar)
                remaining = r.description
                style = r.isOverdue ? .overdue : (due.date == context.now.date ? .dueToday : .normal)
            }
            let due =
                item.stepDue.map { "\($0.date.day.zeroPadded())/\($0.date.month.zeroPadded()) \($0.time.text)" } ?? ""
            var columns = [(marked.contains(s.code) ? "[x] " : "[ ] ") + code, s.applicantName]
            if wide { columns.append("\(item.step + 1). \(item.task)") }
            columns += [BodyScreen.stageText(item.stage), due, remaining]
            return ListRow(
                id: s.code, columns: columns, style: style,
                filterText: "\(s.code) \(s.applicantName) \(s.procedureName)")
        }
    }

    func render(into frame: inout Frame, _ context: ScreenContext) {
        let area = context.area
        let width = area.width
        frame.put(title, row: area.row, column: 1, style: .heading, maxWidth: width - 2)
        guard body != nil else {
            let widths = [max(20, width - 36), 10, 10, 0]
            putColumnHeadings(
                ["Cơ quan, bộ phận", "Chờ giao", "Đang giữ", "Quá hạn"], widths: widths, into: &frame,
                row: area.row + 2, width: width)
            var view = bodies
            view.widths = widths
            view.render(
                into: &frame, rect: Rect(row: area.row + 3, column: 1, width: width - 2, height: area.height - 5))
            frame.put(
                "Enter: xem hồ sơ của cơ quan   ↑ ↓: chọn   Esc: quay lại", row: area.bottom - 1, column: 1,
                style: .dim, maxWidth: width - 2)
            return
        }
        let wide = width >= 110
        // Wide: the step's task takes what the fixed columns leave; the remaining time is never cut.
        let widths = wide ? [30, 18, max(12, width - 8 - (30 + 18 + 17 + 11 + 17)), 17, 11, 0] : [16, 17, 17, 11, 0]
        let header =
            wide
            ? ["Mã hồ sơ", "Người nộp", "Bước", "Tình trạng", "Hạn bước", "Còn lại"]
            : ["Mã hồ sơ", "Người nộp", "Tình trạng", "Hạn bước", "Còn lại"]
        putColumnHeadings(header, widths: widths, into: &frame, row: area.row + 2, width: width)
        let listRect = Rect(row: area.row + 3, column: 1, width: width - 2, height: area.height - 5)
        if queue.isEmpty {
            frame.put("Cơ quan này không giữ hồ sơ nào.", row: listRect.row + 1, column: 1, style: .dim)
        } else {
            var view = cases
            view.widths = widths
            view.setRows(rows(context))
            view.render(into: &frame, rect: listRect)
        }
        frame.put(
            "\(queue.count) hồ sơ   Space: đánh dấu   F5: giao\(marked.isEmpty ? "" : " \(marked.count) hồ sơ đã đánh dấu")   Enter: mở   Esc: danh sách cơ quan",
            row: area.bottom - 1, column: 1, style: .dim, maxWidth: width - 2)
    }
}
