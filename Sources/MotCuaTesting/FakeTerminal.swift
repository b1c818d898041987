import MotCuaApp
import TerminalUI

/// A terminal without a terminal: events are queued by the test, frames are recorded. The same
/// `Application` and `RunLoop` run on it as on curses.
public final class FakeTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var frames: [Frame] = []
    private var queue: [InputEvent] = []

    public init(size: Size = Size(columns: 80, rows: 24)) { self.size = size }

    public var lastFrame: Frame? { frames.last }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        guard !queue.isEmpty else { return nil }
        let event = queue.removeFirst()
        if case .resize(let s) = event { size = s }
        return event
    }

    public func draw(_ frame: Frame) { frames.append(frame) }

    public func enqueue(_ events: [InputEvent]) { queue += events }
}

/// Drives an `Application` directly with keys and text, as an officer would, and reads its frame.
public final class ScreenDriver {
    public let app: Application

    public init(app: Application) { self.app = app }

    /// The frame as it would be drawn now.
    public var frame: Frame { app.render() }
    public var text: String { frame.text }

    public func press(_ keys: Key...) { for k in keys { app.handle(.key(k)) } }
    public func press(_ keys: [Key]) { for k in keys { app.handle(.key(k)) } }

    /// Types text key by key (through the input method when it is on).
    public func type(_ text: String) {
        for c in text { app.handle(.key(c == "\t" ? .tab : (c == "\n" ? .enter : .character(c)))) }
    }

    /// Pastes text in one event (decomposed input, a scanner, a paste).
    public func paste(_ text: String) { app.handle(.text(text)) }

    public func resize(_ columns: Int, _ rows: Int) { app.handle(.resize(Size(columns: columns, rows: rows))) }

    public func tick(_ n: Int = 1) { for _ in 0..<n { app.handle(.tick) } }

    /// True when the screen shows `text` somewhere.
    public func shows(_ text: String) -> Bool { self.text.contains(text) }
}
