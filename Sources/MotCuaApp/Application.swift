import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import TerminalUI

/// What the application needs from the outside: the application layer (store, calendar, clock, log) and
/// the terminal's own settings.
public final class AppEnvironment {
    public let desk: Desk
    /// Minutes without a key before the screen locks (0: never).
    public var idleLockMinutes: Int
    /// The printer settings (read again from the store before each print).
    public var printer: PrinterSettings
    /// The terminal this session runs on (a tty, an SSH client), for the log of logins.
    public let terminal: String

    public init(
        desk: Desk, idleLockMinutes: Int = 10, printer: PrinterSettings = PrinterSettings(), terminal: String = ""
    ) {
        self.desk = desk
        self.idleLockMinutes = idleLockMinutes
        self.printer = printer
        self.terminal = terminal
    }

    public var store: Store { desk.store }
    public var calendar: WorkingCalendar { desk.calendar }
    public var log: Logger? { desk.log }
    public func clock() -> LocalDateTime { desk.clock.now() }
}

/// Builds the screens of commands from the global key map (F2, F3, F7…). A command without a screen yet is
/// shown disabled in the menu and says so when its key is pressed — never a fake screen.
public struct ScreenCatalog {
    public typealias Maker = (ScreenContext, AppEnvironment, String?) -> (any Screen)?
    public var makers: [CommandID: Maker]
    public init(makers: [CommandID: Maker] = [:]) { self.makers = makers }
    public func has(_ id: CommandID) -> Bool { makers[id] != nil }
}

/// The application as a state machine: events in, frames out. The run loop feeds it terminal events and
/// draws what it renders; tests do the same without a terminal.
public final class Application {
    enum Overlay {
        case help(TextViewer, title: String)
        case menu(MenuState)
        case dialog(Dialog, tag: DialogTag, owner: Int)
        case quit(Dialog)
        case locked(Form, error: String?)
    }

    public let env: AppEnvironment
    public var catalog: ScreenCatalog
    public private(set) var stack: [any Screen] = []
    var overlay: Overlay?
    public private(set) var status: (text: String, style: Style)? {
        didSet {
            // Every message is kept (the last 50) so that one too long for the status line is read whole
            // with Ctrl-O.
            if let status, !status.text.isEmpty, status.text != messages.last?.text {
                messages.append((context.now, status.text))
                if messages.count > 50 { messages.removeFirst(messages.count - 50) }
            }
        }
    }
    /// The recent status messages in full, oldest first.
    public private(set) var messages: [(at: LocalDateTime, text: String)] = []
    public private(set) var input = InputMode()
    /// The logged-in officer, as the application layer knows them.
    public private(set) var session: Actor?
    public var officer: Officer? { session?.officer }
    public private(set) var size: Size
    public private(set) var quitRequested = false
    private var lastActivity: LocalDateTime
    /// The unit as printed on forms and shown on the title line (changed at first run and on its screen).
    var unit: UnitProfile

    public init(env: AppEnvironment, size: Size, catalog: ScreenCatalog = ScreenCatalog()) {
        self.env = env
        self.size = size
        self.catalog = catalog
        self.lastActivity = env.clock()
        self.unit =
            (try? env.store.unitProfile())
            ?? UnitProfile(
                name: "", governingBody: "", counterName: "MOTCUA",
                unitCode: "0", province: "", placeName: "")
        let needsSetup = !((try? env.store.hasLoginAdministrator()) ?? false)
        push(needsSetup ? SetupScreen(unit: unit) : LoginScreen())
    }

    var context: ScreenContext {
        ScreenContext(now: env.clock(), officer: officer, unit: unit, input: input, calendar: env.calendar, size: size)
    }

    /// The top screen.
    public var top: (any Screen)? { stack.last }

    /// Shows a warning on the status line (e.g. a locale that is not UTF-8).
    public func warn(_ message: String) { status = (message, .warning) }

    /// True while a dialog, menu, help or the lock covers the screen.
    public var hasOverlay: Bool { overlay != nil }

    /// The keys in force: the top screen's over the global ones.
    public var keyMap: KeyMap {
        guard let top else { return AppCommand.global }
        let global = officer == nil || top.isForm ? AppCommand.globalInForm : AppCommand.global
        return top.keyMap.over(global)
    }

    // MARK: Events

    public func handle(_ event: InputEvent) {
        switch event {
        case .resize(let newSize):
            size = newSize
        case .tick:
            tick()
        case .text(let text):
            lastActivity = env.clock()
            guard size.isUsable, overlay == nil else { return }
            deliver(.text(text))
        case .key(let key):
            lastActivity = env.clock()
            guard size.isUsable else {
                if key == .control("q") { quitRequested = true }
                return
            }
            status = nil
            if overlay != nil {
                handleOverlay(key)
                return
            }
            handleKey(key)
        }
    }

    private func tick() {
        let now = env.clock()
        if officer != nil, env.idleLockMinutes > 0, !isLocked,
            now.minutes - lastActivity.minutes >= env.idleLockMinutes
        {
            lock()
            return
        }
        if overlay == nil { deliver(.tick) }
    }

    var isLocked: Bool { if case .locked = overlay { return true } else { return false } }

    private func handleKey(_ key: Key) {
        guard let command = keyMap.command(for: key) else {
            if mustSayWhenIdle(key) { deliverSayingIfIdle(.key(key), what: key.name) } else { deliver(.key(key)) }
            return
        }
        run(command, key: key)
    }

    /// The keys whose doing nothing is said: function keys, and Ctrl keys outside forms (in a form's text
    /// field Ctrl keys edit, and one at the edge of the text rightly changes nothing). Enter, Esc, arrows and
    /// letters are never reported.
    private func mustSayWhenIdle(_ key: Key) -> Bool {
        switch key {
        case .function: true
        case .control: !(top?.isForm ?? false)
        default: false
        }
    }

    /// Gives a key or a command to the top screen; when nothing at all comes of it (no effect, nothing
    /// changed on the screen), says so on the status line: a key that cannot act here never stays silent
    /// (ui.md).
    private func deliverSayingIfIdle(_ event: ScreenEvent, what: String) {
        let before = render()
        let depth = stack.count
        let acted = deliver(event)
        if !acted && status == nil && overlay == nil && stack.count == depth && render() == before {
            status = ("\(what): không dùng được ở màn hình này (F1 xem các phím dùng được)", .warning)
        }
    }

    /// Runs a command, from its key or from the menu.
    func run(_ command: Command, key: Key? = nil) {
        switch command.id {
        case AppCommand.help.id: openHelp()
        case AppCommand.messages.id: openMessages()
        case AppCommand.menu.id: overlay = .menu(MenuState(app: self))
        case AppCommand.quit.id: askQuit()
        case AppCommand.toggleTyping.id:
            input.vietnamese.toggle()
            status = (
                input.vietnamese
                    ? "Bật bộ gõ tiếng Việt (\(input.method.kind == .telex ? "Telex" : "VNI"))"
                    : "Tắt bộ gõ tiếng Việt", .status
            )
        case AppCommand.inputMethodVNI.id:
            input.method.kind = .vni
            input.vietnamese = true
            status = ("Kiểu gõ VNI", .status)
        case AppCommand.inputMethodTelex.id:
            input.method.kind = .telex
            input.vietnamese = true
            status = ("Kiểu gõ Telex", .status)
        case AppCommand.toneStyle.id:
            input.method.toneStyle = input.method.toneStyle == .modern ? .traditional : .modern
            status = (
                input.method.toneStyle == .modern ? "Đặt dấu kiểu mới (hoà, thuỳ)" : "Đặt dấu kiểu cũ (hòa, thủy)",
                .status
            )
        case AppCommand.lock.id: if officer != nil { lock() }
        case AppCommand.logout.id: logout()
        case AppCommand.newCase.id, AppCommand.search.id, AppCommand.reports.id:
            openCommandScreen(command)
        default:
            // Menu entries with a screen of their own (Theo phòng ban…) open it; the rest go to the screen.
            if catalog.has(command.id) {
                openCommandScreen(command)
            } else {
                if let key, mustSayWhenIdle(key) {
                    deliverSayingIfIdle(.command(command), what: "\(key.name) \(command.title)")
                } else {
                    deliver(.command(command))
                }
            }
        }
    }

    /// Opens the screen of a global command, or says that it is not there yet.
    func openCommandScreen(_ command: Command) {
        guard officer != nil else { return }
        open(command.id, title: command.title, argument: nil)
    }

    func open(_ id: CommandID, title: String, argument: String?) {
        guard let make = catalog.makers[id] else {
            status = ("\(title): chức năng này chưa có trong phiên bản này", .warning)
            return
        }
        if let screen = make(context, env, argument) { apply([.push(screen)]) }
    }

    /// Gives an event to the top screen; true when the screen answered with effects.
    @discardableResult
    private func deliver(_ event: ScreenEvent) -> Bool {
        guard !stack.isEmpty else { return false }
        let index = stack.count - 1
        let effects = stack[index].handle(event, context)
        apply(effects, from: index)
        return !effects.isEmpty
    }

    // MARK: Effects

    func apply(_ effects: [Effect], from owner: Int? = nil) {
        for effect in effects {
            switch effect {
            case .push(let screen): push(screen)
            case .pop:
                if stack.count > 1 {
                    stack.removeLast()
                    deliver(.appeared)
                }
            case .replace(let screen):
                if !stack.isEmpty { stack.removeLast() }
                push(screen)
            case .reset(let screen):
                stack.removeAll()
                push(screen)
            case let .status(text, style): status = (text, style)
            case let .ask(dialog, tag): overlay = .dialog(dialog, tag: tag, owner: owner ?? stack.count - 1)
            case .perform(let request):
                let response = perform(request)
                if let owner, stack.indices.contains(owner) {
                    let more = stack[owner].handle(.response(response), context)
                    apply(more, from: owner)
                }
            case .quit: quitRequested = true
            case .lock: lock()
            case .logout: logout()
            case let .openScreen(id, argument):
                open(id, title: id == .caseView ? "Xem hồ sơ" : id.rawValue, argument: argument)
            }
        }
    }

    private func push(_ screen: any Screen) {
        stack.append(screen)
        deliver(.appeared)
    }

    private func lock() {
        overlay = .locked(Form([Field(id: .password, label: "Mật khẩu", mask: .secret, required: true)]), error: nil)
        env.log?.write("lock: screen locked after inactivity or on request")
    }

    private func logout() {
        env.log?.write("logout: \(officer?.username ?? "-")")
        session = nil
        overlay = nil
        stack.removeAll()
        push(LoginScreen())
    }

    private func askQuit() {
        let unsaved = stack.contains { $0.hasUnsavedInput }
        var lines = ["Thoát chương trình motcua?"]
        if unsaved { lines.append("Dữ liệu đang gõ chưa lưu sẽ mất.") }
        overlay = .quit(Dialog(title: "Thoát", lines: lines))
    }

    private func openHelp() {
        let width = max(20, size.columns - 4)
        var lines = ["Phím dùng được ở màn hình \"\(top?.title ?? "")\":", ""]
        // Each key's description wraps under the description, not under the key.
        lines += keyMap.helpLines().flatMap { TextWidth.wrapHanging($0, width, indent: 16) }
        if let extra = top?.helpLines, !extra.isEmpty { lines += [""] + extra }
        lines += [
            "",
            "Esc rồi một chữ số (gõ nhanh, hoặc Alt + chữ số) thay cho phím F tương ứng: Esc 1 = F1 … Esc 0 = F10.",
            "Tab / Shift-Tab: chuyển ô; Enter: nhận ô và sang ô sau; ↑ ↓ PgUp PgDn Home End: di chuyển trong danh sách;",
            "Space: đánh dấu trong danh sách kiểm; gõ chữ trong danh sách để lọc.",
            "",
            "Bộ gõ tiếng Việt có sẵn (Ctrl-T bật/tắt, trạng thái VI/EN ở dòng tiêu đề):",
            "  Telex: s sắc, f huyền, r hỏi, x ngã, j nặng, z bỏ dấu; aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, dd đ.",
            "  VNI: 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0 bỏ dấu; 6 â ê ô, 7 ơ ư, 8 ă, 9 đ.",
            "  Gõ phím dấu hai lần để bỏ dấu vừa đặt (ass → as). Chọn VNI, kiểu đặt dấu trong Menu (F9)."
        ]
        overlay = .help(
            TextViewer(
                lines: lines.flatMap {
                    TextWidth.width(of: $0) <= width ? [$0] : TextWidth.wrapHanging($0, width, indent: 2)
                }),
            title: "Trợ giúp — \(top?.title ?? "")")
    }

    /// The recent messages in full, newest first, each wrapped under its time.
    private func openMessages() {
        let width = max(20, size.columns - 4)
        var lines: [String] = messages.isEmpty ? ["(chưa có thông báo nào)"] : []
        for m in messages.reversed() {
            let wrapped = TextWidth.wrap(m.text, width - 8)
            lines += wrapped.enumerated().map { i, l in (i == 0 ? "\(m.at.time.text)   " : "        ") + l }
        }
        overlay = .help(TextViewer(lines: lines), title: "Các thông báo gần đây (đầy đủ)")
    }

    private func handleOverlay(_ key: Key) {
        guard let current = overlay else { return }
        switch current {
        case .help(var viewer, let title):
            if key == .escape || key == .function(1) || key == .enter {
                overlay = nil
            } else if key == .control("q") {
                askQuit()
            } else {
                _ = viewer.handle(key, height: max(1, size.rows - 6))
                overlay = .help(viewer, title: title)
            }
        case .menu(var menu):
            switch menu.handle(key) {
            case .stay: overlay = .menu(menu)
            case .close: overlay = nil
            case .run(let command):
                overlay = nil
                run(command)
            }
        case let .dialog(dialog, tag, owner):
            var d = dialog
            if !d.lettersAnswer, case .character = key {
                // Typed ahead of a question that came up on the field's Enter: the letters belong to the form
                // (a name being typed), and the question is answered no.
                overlay = nil
                if stack.indices.contains(owner) {
                    apply(stack[owner].handle(.answer(tag: tag, .no), context), from: owner)
                }
                handleKey(key)
            } else if let answer = d.handle(key) {
                overlay = nil
                if stack.indices.contains(owner) {
                    let effects = stack[owner].handle(.answer(tag: tag, answer), context)
                    apply(effects, from: owner)
                }
            } else {
                overlay = .dialog(d, tag: tag, owner: owner)
            }
        case .quit(let dialog):
            var d = dialog
            if let answer = d.handle(key) {
                overlay = nil
                if answer == .yes { quitRequested = true }
            } else {
                overlay = .quit(d)
            }
        case .locked(var form, _):
            if key == .enter || key == .function(10) || key == .control("s") {
                let password = form.value(.password)
                guard let session else { return }
                do {
                    try env.desk.verify(session, password: password, terminal: env.terminal)
                    overlay = nil
                    status = ("Đã mở khóa", .status)
                } catch {
                    form.setValue(.password, "")
                    // The account is known here: only the password can be wrong.
                    overlay = .locked(
                        form, error: error == .refused(.wrongPassword) ? "Mật khẩu không đúng" : Messages.text(error))
                }
            } else if key == .control("q") {
                askQuit()
            } else {
                _ = form.handle(key, inputMethod: nil)
                overlay = .locked(form, error: nil)
            }
        }
    }

    // MARK: Requests

    func perform(_ request: Request) -> Response {
        do {
            switch request {
            case let .login(username, password):
                let actor = try env.desk.login(
                    username: username, password: password, channel: .screen, terminal: env.terminal)
                session = actor
                return .loggedIn(actor.officer)
            case .firstRun(let data):
                let actor = try env.desk.firstRun(
                    username: data.username, fullName: data.fullName, password: data.password,
                    unit: data.unit, channel: .screen)
                unit = (try? env.store.unitProfile()) ?? data.unit
                session = actor
                return .firstRunDone(actor.officer)
            case .unlock:
                return .unlocked
            case .loadHome:
                return .home(try loadHome())
            default:
                if let response = try performRoutingRequest(request) { return response }
                if let response = try performAdminRequest(request) { return response }
                return try performCaseRequest(request)
            }
        } catch let error as DeskError {
            env.log?.write("request refused or failed: \(error.logText)")
            if case .login = request { return .loginFailed(Messages.text(error)) }
            if case .refused(let refusal) = error { return .failed(Messages.text(error), field: refusal.field) }
            return .failed(Messages.text(error))
        } catch {
            env.log?.write("request failed: \(error)")
            return .failed(Messages.text(DeskError.from(error)))
        }
    }

    /// The logged-in officer, for a request that needs one.
    var actor: Actor {
        get throws(DeskError) {
            guard let session else { throw .refused(.noActiveOfficer(username: "")) }
            return session
        }
    }

    func loadHome() throws -> HomeData {
        let now = env.clock()
        // The unit's names may have been changed from another terminal: the title line follows.
        unit = try env.store.unitProfile()
        let counts = try env.store.homeCounts(now: now)
        let items = try env.store.workList(limit: 300)
        var missing: [Int] = []
        let year = now.date.year
        if env.calendar.yearStatus(year) == .default { missing.append(year) }
        if now.date.month >= 10 && env.calendar.yearStatus(year + 1) == .default { missing.append(year + 1) }
        return HomeData(
            counts: counts, items: items, missingOfficialYears: missing, unitIsExample: unit.isExample,
            attention: try env.store.attention(now: now, calendar: env.calendar))
    }

    // MARK: Rendering

    /// The whole screen: title line, the top screen, status line, key bar, and any overlay.
    public func render() -> Frame {
        var frame = Frame(size: size)
        guard size.isUsable else {
            let lines = [
                "Cửa sổ quá nhỏ: \(size.columns)×\(size.rows).",
                "Cần ít nhất \(Size.minimum.columns)×\(Size.minimum.rows): hãy phóng to cửa sổ.",
                "Dữ liệu đang gõ vẫn được giữ."
            ]
            for (i, line) in lines.enumerated() where i < size.rows {
                frame.put(
                    TextWidth.prefix(line, fitting: size.columns), row: i, column: 0, style: i == 0 ? .warning : .normal
                )
            }
            frame.cursor = nil
            return frame
        }
        let ctx = context
        renderTitle(into: &frame, ctx)
        top?.render(into: &frame, ctx)
        renderStatus(into: &frame)
        KeyBar.render(keyMap, into: &frame, row: size.rows - 1)
        renderOverlay(into: &frame)
        return frame
    }

    /// Title line: counter, screen, officer, weekday and date, typing mode. When it does not fit, in order:
    /// the screen's name goes (the screen shows its own heading), the weekday and typing mode get their
    /// short forms ("T6", "VI"), the officer's name is shortened, and last the counter's name.
    private func renderTitle(into frame: inout Frame, _ ctx: ScreenContext) {
        frame.fill(Rect(row: 0, column: 0, width: size.columns, height: 1), style: .title)
        let width = size.columns
        let date = ctx.now.date
        let shortWeekday = date.weekday == .sunday ? "CN" : "T\(date.weekday.rawValue + 1)"
        func right(short: Bool, officerName: String?) -> String {
            let day = "\(short ? shortWeekday : date.weekday.vietnameseName) \(date.vietnamese) \(ctx.now.time.text)"
            let mode = short ? (input.vietnamese ? "VI" : "EN") : input.label
            return (officerName.map { "\($0) │ " } ?? "") + "\(day) │ \(mode) "
        }
        let counter = " \(unit.counterName)"
        let withTitle = "\(counter) — \(top?.title ?? "")"
        var left = withTitle
        var rightText = right(short: false, officerName: officer?.fullName)
        func fits() -> Bool { TextWidth.width(of: left) + 1 + TextWidth.width(of: rightText) <= width }
        if !fits() { left = counter }
        if !fits() { rightText = right(short: true, officerName: officer?.fullName) }
        if !fits(), let name = officer?.fullName {
            let room = width - TextWidth.width(of: left) - 1 - TextWidth.width(of: right(short: true, officerName: ""))
            rightText = right(
                short: true,
                officerName: TextWidth.width(of: name) <= room
                    ? name
                    : TextWidth.prefix(name, fitting: max(8, room - 1)) + "…")
        }
        let rightWidth = TextWidth.width(of: rightText)
        frame.put(TextWidth.fit(left, max(0, width - rightWidth - 1)), row: 0, column: 0, style: .title)
        frame.put(rightText, row: 0, column: max(0, width - rightWidth), style: .title)
    }

    private func renderStatus(into frame: inout Frame) {
        let row = size.rows - 2
        frame.fill(Rect(row: row, column: 0, width: size.columns, height: 1), style: .normal)
        guard let status else {
            // Nothing to say: the keys beyond F1…F10 that act here (Ctrl-B Y/c bổ sung, Ctrl-Q Thoát…), so
            // that the key bar's fixed slots lose nothing.
            let others = keyMap.barItems().filter { !$0.key.hasPrefix("F") }.map { "\($0.key) \($0.title)" }
            if !others.isEmpty {
                frame.put(
                    TextWidth.fit(others.joined(separator: "   "), size.columns), row: row, column: 0, style: .dim)
            }
            return
        }
        // A message too long for one line (a refusal naming a body and a date…) takes the line above too:
        // the officer must read all of it, not guess the end.
        let lines =
            TextWidth.width(of: status.text) <= size.columns ? [status.text] : TextWidth.wrap(status.text, size.columns)
        if lines.count > 1 && size.rows >= 6 {
            frame.fill(Rect(row: row - 1, column: 0, width: size.columns, height: 1), style: .normal)
            frame.put(lines[0], row: row - 1, column: 0, style: status.style)
            frame.put(
                TextWidth.fit(lines.dropFirst().joined(separator: " "), size.columns), row: row, column: 0,
                style: status.style)
        } else {
            frame.put(TextWidth.fit(status.text, size.columns), row: row, column: 0, style: status.style)
        }
    }

    private func renderOverlay(into frame: inout Frame) {
        guard let overlay else { return }
        switch overlay {
        case let .help(viewer, title):
            let rect = Rect(row: 1, column: 0, width: size.columns, height: size.rows - 2)
            frame.fill(rect)
            frame.box(rect, title: title)
            let inner = rect.inset(1)
            viewer.render(
                into: &frame,
                rect: Rect(row: inner.row, column: inner.column + 1, width: inner.width - 2, height: inner.height - 1))
            frame.put(
                "Esc: đóng   ↑ ↓ PgUp PgDn: cuộn   \(viewer.position(height: inner.height - 1))",
                row: rect.bottom - 2, column: inner.column + 1, style: .dim, maxWidth: inner.width - 2)
            frame.cursor = nil
        case .menu(let menu):
            menu.render(into: &frame)
        case let .dialog(dialog, _, _), let .quit(dialog):
            dialog.render(into: &frame)
        case let .locked(form, error):
            let rect = frame.bounds.centered(width: 60, height: 9)
            frame.fill(rect)
            frame.box(rect, title: "Màn hình đã khóa")
            frame.put(
                "Cán bộ: \(officer?.fullName ?? "")", row: rect.row + 2, column: rect.column + 3,
                maxWidth: rect.width - 6)
            form.render(
                into: &frame, rect: Rect(row: rect.row + 4, column: rect.column + 3, width: rect.width - 6, height: 1),
                labelWidth: 12)
            if let error {
                frame.put(error, row: rect.row + 6, column: rect.column + 3, style: .error, maxWidth: rect.width - 6)
            }
            frame.put("Enter: mở khóa   Ctrl-Q: thoát", row: rect.bottom - 2, column: rect.column + 3, style: .dim)
        }
    }
}
