/// A key as the screens see it, whatever the terminal sent.
public enum Key: Hashable, Sendable {
    /// A printable character (already NFC). Vietnamese letters arrive whole.
    case character(Character)
    /// F1 … F12.
    case function(Int)
    /// Ctrl + a letter (lower case): Ctrl-Q is `.control("q")`.
    case control(Character)
    /// Alt + a character (arrives as Esc followed by the character).
    case alt(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl + Left / Right (word moves).
    case wordLeft, wordRight

    /// "F2", "Ctrl-S", "Esc", "Enter"… as printed on the key bar and in help.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let c): String(c)
        case .function(let n): "F\(n)"
        case .control(let c): "Ctrl-\(String(c).uppercased())"
        case .alt(let c): "Alt-\(c)"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .wordLeft: "Ctrl-←"
        case .wordRight: "Ctrl-→"
        }
    }
}

/// What reaches a screen: a key, a new terminal size, or a clock tick (for idle lock, live times).
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted or typed faster than keys (several characters at once), already NFC.
    case text(String)
    case resize(Size)
    case tick
}

/// Turns "Esc then a digit" into F-keys (Esc 1 = F1 … Esc 0 = F10): some terminals and the Linux console
/// swallow F-keys, so officers can always reach them. Other characters after Esc become Alt keys. Pure, so
/// the rule is tested without a terminal; the curses module feeds it keys with their arrival times.
///
/// Esc alone must act within about 50 ms, so the window is short: curses already waits its escape delay
/// (50 ms) for the bytes of a sequence, and a digit that belongs to the Esc arrives with it — Alt-1 sends
/// exactly "Esc 1", as does a quick Esc-1. An Esc with nothing after it is delivered once the window ends.
public struct EscapeCombiner: Sendable {
    /// An Esc followed by another key within this many milliseconds is a combination; later, two keys.
    public var windowMilliseconds: Int
    private var pendingEscapeAt: Int?

    public init(windowMilliseconds: Int = 40) { self.windowMilliseconds = windowMilliseconds }

    /// True while an Esc waits for a possible digit.
    public var isPending: Bool { pendingEscapeAt != nil }

    /// Feeds one key received at `time` (ms). Returns the keys to deliver now.
    public mutating func feed(_ key: Key, at time: Int) -> [Key] {
        if let since = pendingEscapeAt {
            pendingEscapeAt = nil
            if time - since <= windowMilliseconds, case .character(let c) = key {
                if let digit = c.wholeNumberValue, c.isASCII { return [.function(digit == 0 ? 10 : digit)] }
                return [.alt(c)]
            }
            if key == .escape {
                pendingEscapeAt = time
                return [.escape]
            }
            return [.escape, key]
        }
        if key == .escape {
            pendingEscapeAt = time
            return []
        }
        return [key]
    }

    /// Called when no key arrived: a pending Esc older than the window is a plain Esc.
    public mutating func flush(at time: Int) -> [Key] {
        guard let since = pendingEscapeAt, time - since >= windowMilliseconds else { return [] }
        pendingEscapeAt = nil
        return [.escape]
    }
}
