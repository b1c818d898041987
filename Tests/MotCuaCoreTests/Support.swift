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

/// A small deterministic generator (SplitMix64), so random tests are reproducible from their seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
