import Foundation
import MotCuaSystem
import MotCuaTesting
import Testing

/// The export of the report dataset is pinned byte for byte (Tests/Goldens/export-dataset-*.txt): the
/// streamed export writes exactly what the export wrote before it streamed, and the same bytes whether it
/// goes to stdout or to a file.
@Suite struct ExportGoldenTests {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Tests/Goldens"
    }()

    @Test(arguments: ["jsonl", "csv"]) func theExportIsPinned(_ format: String) throws {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        let out = runCLI(["export", "--db", ws.path, "--format", format], now: "2026-11-02 08:00")
        try #require(out.status == 0, "\(out.err)")
        #expect(out.out.utf8.filter { $0 == 10 }.count >= 9, "one line per case (jsonl) or per event (csv)")
        if let difference = Golden.check(out.out, name: "export-dataset-\(format)", directory: Self.directory) {
            Issue.record(Comment(rawValue: difference))
        }
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        let file = runCLI(
            ["export", "--db", ws.path, "--format", format, "--output", dir + "/x"], now: "2026-11-02 08:00")
        #expect(file.status == 0)
        #expect(try FileSystem.readText(dir + "/x") == out.out)
    }
}
