internal import CNcursesW
#if canImport(Glibc)
    import Glibc
#endif
import TerminalUI

/// The real terminal, through ncursesw: the only code in motcua that calls curses.
///
/// Initialises from the locale (forcing C.UTF-8 when the locale is not UTF-8), reads keys with the wide API,
/// keypad mode, raw input, a 50 ms escape delay and the Esc + digit F-key fallback; draws frames by
/// difference and puts the hardware cursor on the focused field; restores the terminal on every exit path.
public final class NcursesTerminal: Terminal {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case cannotInitialise

        public var description: String {
            switch self {
            case .notATerminal:
                "motcua: cần chạy trong một cửa sổ dòng lệnh (terminal); đầu vào hoặc đầu ra hiện không phải terminal."
            case .cannotInitialise: "motcua: không khởi tạo được màn hình (kiểm tra biến TERM)."
            }
        }
    }

    private let screen: OpaquePointer
    private var window: UnsafeMutablePointer<WINDOW>
    public private(set) var theme: Theme
    /// True when the locale could be switched to UTF-8; false means Vietnamese will not display.
    public let localeIsUTF8: Bool
    private var previous: Frame?
    private var pairs: [Int32: Int16] = [:]
    private var combiner = EscapeCombiner()
    private var pendingKeys: [Key] = []
    private var pendingEvents: [InputEvent] = []
    private var paste = PasteDecoder()
    private var isActive = true

    /// Starts curses. `monochrome` forces attributes only (also chosen without colours or with `NO_COLOR`).
    public init(monochrome: Bool = false, logFileDescriptor: Int32 = -1) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        motcua_unblock_signals()
        localeIsUTF8 = motcua_setup_utf8_locale() == 1
        guard let s = motcua_newterm() else { throw StartError.cannotInitialise }
        screen = s
        set_term(s)
        guard let w = NcursesTerminal.standardScreen() else { throw StartError.cannotInitialise }
        window = w
        raw()
        noecho()
        nonl()
        keypad(w, true)
        set_escdelay(50)
        meta(w, true)
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }.map { !$0.isEmpty } ?? false
        if !monochrome && !noColor && has_colors() {
            start_color()
            use_default_colors()
            theme = .color
        } else {
            theme = .monochrome
        }
        motcua_install_signal_handlers(logFileDescriptor)
        curs_set(1)
        wclear(w)
        // Bracketed paste: pasted text arrives as one piece, never as keys (a newline as Enter).
        NcursesTerminal.writeToTerminal("\u{1B}[?2004h")
    }

    /// Writes a control sequence to the terminal directly (curses does not know the paste mode).
    private static func writeToTerminal(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
    }

    deinit { restore() }

    /// The standard window of the current screen (curses resizes it on KEY_RESIZE).
    private static func standardScreen() -> UnsafeMutablePointer<WINDOW>? { motcua_stdscr() }

    /// Gives the terminal back in the state it was found (idempotent).
    public func restore() {
        guard isActive else { return }
        isActive = false
        NcursesTerminal.writeToTerminal("\u{1B}[?2004l")
        endwin()
        delscreen(screen)
    }

    public var size: Size { Size(columns: Int(getmaxx(window)), rows: Int(getmaxy(window))) }

    /// True once SIGTERM or SIGHUP arrived: the program should save nothing half-done and quit.
    public var terminationRequested: Bool { motcua_termination_requested() == 1 }

    private var now: Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if let event = pendingEvents.first {
            pendingEvents.removeFirst()
            return event
        }
        if !pendingKeys.isEmpty { return .key(pendingKeys.removeFirst()) }
        // A negative timeout waits until something happens.
        let deadline = timeoutMilliseconds < 0 ? Int.max : now + timeoutMilliseconds
        while true {
            if terminationRequested { return .key(.control("q")) }
            // While an Esc waits for a digit (or for the rest of a paste bracket), wait only for its window.
            let wait =
                combiner.isPending || paste.isPending
                ? combiner.windowMilliseconds : max(0, deadline == Int.max ? 1000 : deadline - now)
            var value: UInt32 = 0
            let kind = motcua_read_key(window, Int32(min(wait, 1000)), &value)
            // Nothing read: the terminal may have gone (its window closed) without the hang-up signal.
            if kind == 0 && motcua_terminal_gone() == 1 { return .key(.control("q")) }
            if kind == 0 {
                for output in paste.flush() { enqueue(output) }
                if let event = pendingEvents.first {
                    pendingEvents.removeFirst()
                    return event
                }
                let flushed = combiner.flush(at: now)
                if !flushed.isEmpty { return deliver(flushed) }
                if combiner.isPending || paste.isPending { continue }
                if now >= deadline { return nil }
                continue
            }
            if kind == 2 && value == UInt32(KEY_RESIZE) {
                previous = nil
                return .resize(size)
            }
            if kind == 2 {
                guard let key = decodeFunctionKey(Int32(value)) else { continue }
                let keys = combiner.feed(key, at: now)
                if !keys.isEmpty { return deliver(keys) }
                continue
            }
            for output in paste.feed(value) { enqueue(output) }
            if let event = pendingEvents.first {
                pendingEvents.removeFirst()
                return event
            }
        }
    }

    /// Queues what the paste decoder gave back: a paste as text, characters through the Esc combiner.
    private func enqueue(_ output: PasteDecoder.Output) {
        switch output {
        case .paste(let text):
            pendingEvents.append(.text(Normalization.nfc(text)))
        case .characters(let values):
            for v in values {
                guard let key = decodeCharacter(v) else { continue }
                for k in combiner.feed(key, at: now) { pendingEvents.append(.key(k)) }
            }
        }
    }

    private func deliver(_ keys: [Key]) -> InputEvent {
        pendingKeys += keys.dropFirst()
        return .key(keys[0])
    }

    private func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x1B: return .escape
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60)!))
        case 0x00..<0x20: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    private func decodeFunctionKey(_ code: Int32) -> Key? {
        for n in 1...12 where code == motcua_key_f(Int32(n)) { return .function(n) }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SLEFT, 545, 546: return .wordLeft
        case KEY_SRIGHT, 560, 561: return .wordRight
        default: return nil
        }
    }

    private func pair(for appearance: Appearance) -> Int16 {
        guard theme.usesColor, appearance.foreground != .standard || appearance.background != .standard else {
            return 0
        }
        let key = Int32(appearance.foreground.rawValue + 1) * 16 + Int32(appearance.background.rawValue + 1)
        if let p = pairs[key] { return p }
        let number = Int16(pairs.count + 1)
        init_pair(number, appearance.foreground.rawValue, appearance.background.rawValue)
        pairs[key] = number
        return number
    }

    private func attributes(for appearance: Appearance) -> UInt32 {
        var a = motcua_attr_normal()
        if appearance.bold { a |= motcua_attr_bold() }
        if appearance.reverse { a |= motcua_attr_reverse() }
        if appearance.underline { a |= motcua_attr_underline() }
        if appearance.dim { a |= motcua_attr_dim() }
        return a
    }

    /// Draws only the runs that changed since the last frame, then places (or hides) the cursor.
    public func draw(_ frame: Frame) {
        for run in frame.changes(from: previous) {
            var column = run.column
            var i = 0
            while i < run.cells.count {
                // Group cells of one style into a single call.
                let style = run.cells[i].style
                var text = ""
                let start = column
                while i < run.cells.count && run.cells[i].style == style {
                    if !run.cells[i].isContinuation { text.append(run.cells[i].character) }
                    column += 1
                    i += 1
                }
                let look = theme.appearance(style)
                _ = motcua_draw_utf8(window, Int32(run.row), Int32(start), text, attributes(for: look), pair(for: look))
            }
        }
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        previous = frame
    }

    /// The C library's `wcwidth` for a scalar in the current locale (tests compare it with `TextWidth`).
    public static func systemWidth(_ scalar: Unicode.Scalar) -> Int { Int(motcua_wcwidth(scalar.value)) }

    /// Sets the locale as the terminal does, for width comparisons outside a terminal.
    @discardableResult
    public static func prepareLocale() -> Bool { motcua_setup_utf8_locale() == 1 }

    /// The locale's codeset after `prepareLocale()`.
    public static var codeset: String { String(cString: motcua_codeset()) }
}
