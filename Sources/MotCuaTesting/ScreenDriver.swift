import MotCuaCore
import MotCuaApp
import TerminalUI

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

    /// True when the text is on screen, perhaps wrapped over lines (a long status message takes two).
    public func showsWrapped(_ text: String) -> Bool {
        let joined = self.text.split(separator: "\n").map { String($0).trimmingSpaces }.joined(separator: " ")
        return joined.contains(text)
    }
}
