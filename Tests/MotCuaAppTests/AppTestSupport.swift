import Foundation
import MotCuaApp
import MotCuaTesting
import TerminalUI
import Testing

let goldenDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/Tests/Goldens"
}()

/// Expects the frame to match its golden file (see `Golden`).
func expectGolden(_ frame: Frame, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let difference = Golden.check(frame.text, name: name, directory: goldenDirectory) {
        Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
    }
}

/// Logs in on a fresh application and returns the driver on the home screen.
func loggedIn(
    _ ws: TestWorkspace, as user: String = "tiepnhan", password: String = "mat-khau-tn",
    size: Size = Size(columns: 80, rows: 24)
) throws -> ScreenDriver {
    let driver = ScreenDriver(app: try ws.application(size: size))
    driver.type(user)
    driver.press(.tab)
    driver.type(password)
    driver.press(.enter)
    return driver
}
