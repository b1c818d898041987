import MotCuaSystem
import TerminalUI

/// Golden-frame files: the plain text of a frame with the cursor position, kept under `Tests/Goldens`.
/// `MOTCUA_RECORD_GOLDENS=1 swift test` rewrites them; the diff is then reviewed like code.
public enum Golden {
    public static var isRecording: Bool { Environment.get("MOTCUA_RECORD_GOLDENS") == "1" }

    /// Compares `actual` with the golden file `name` in `directory`; records it in record mode (or when it is
    /// missing, which then fails so that a new golden is always looked at). Returns a description of the
    /// first difference, or nil when equal.
    public static func check(_ actual: String, name: String, directory: String) -> String? {
        let path = "\(directory)/\(name).txt"
        if isRecording || !FileSystem.exists(path) {
            try? FileSystem.makeDirectories(directory, mode: 0o755)
            try? FileSystem.writeAtomically(path, text: actual)
            return isRecording ? nil : "golden \(name) did not exist; recorded it — review Tests/Goldens and run again"
        }
        guard let expected = try? FileSystem.readText(path) else { return "cannot read \(path)" }
        if expected == actual { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al {
                return
                    "golden \(name), line \(i + 1):\n  expected: \(el)\n  actual:   \(al)\n(MOTCUA_RECORD_GOLDENS=1 swift test re-records)"
            }
        }
        return "golden \(name) differs"
    }
}
