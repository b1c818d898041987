import TerminalUI

/// Feeds terminal events to the application and draws its frames until it quits.
public enum RunLoop {
    /// Milliseconds between ticks when no key arrives (idle lock, clock on the title line, refreshes).
    public static let tickMilliseconds = 1000

    /// Runs until the application asks to quit or `shouldStop` (a termination signal) says so.
    public static func run(_ app: Application, on terminal: Terminal, shouldStop: () -> Bool = { false }) {
        if terminal.size != app.size { app.handle(.resize(terminal.size)) }
        terminal.draw(app.render())
        while !app.quitRequested && !shouldStop() {
            let event = terminal.nextEvent(timeoutMilliseconds: tickMilliseconds) ?? .tick
            app.handle(event)
            terminal.draw(app.render())
        }
    }
}
