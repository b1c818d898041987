import Foundation
import MotCuaCore

/// The repository's root, found from this file's path (tests run from any directory).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func fixture(_ name: String) throws -> String {
    try String(contentsOfFile: repositoryRoot + "/Tests/Fixtures/" + name, encoding: .utf8)
}

/// `YYYY-MM-DD` → date, failing the test loudly on a typo in a table.
func d(_ text: String) -> CivilDate {
    guard let date = CivilDate(iso: text) else { fatalError("bad date in test table: \(text)") }
    return date
}

/// `YYYY-MM-DD HH:MM` → local date-time.
func t(_ text: String) -> LocalDateTime {
    guard let value = LocalDateTime(iso: text) else { fatalError("bad date-time in test table: \(text)") }
    return value
}
