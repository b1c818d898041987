import MotCuaCore
import MotCuaSystem
import MotCuaTesting
import Testing

/// `--format xlsx` of every report and of `export` (issue 11 §4), read back by a real spreadsheet program:
/// LibreOffice converts each workbook to CSV and every text and whole-number cell of the command's own CSV
/// output must be found there, Vietnamese exact, as many times as the CSV has it.
@Suite(
    .serialized,
    .enabled(if: Subprocess.which("soffice") != nil, "LibreOffice (soffice) is not installed: workbooks not read back"))
struct SpreadsheetCommandTests {
    /// The cells of a workbook as LibreOffice shows them, converted to CSV (UTF-8, first sheet).
    static func libreOfficeCells(_ workbook: String, scratch: String) throws -> [[String]] {
        // The last token (-1) writes every sheet, each to <name>-<sheet>.csv.
        let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1"
        let result = try Subprocess.run(
            [
                "soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(scratch)/profile",
                "--convert-to", filter, "--outdir", scratch + "/out", workbook
            ], environment: ["HOME": scratch, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"])
        try #require(result.succeeded, "soffice: \(result.stderrText)")
        let files = try FileSystem.list(scratch + "/out").filter { $0.hasSuffix(".csv") }.sorted()
        try #require(!files.isEmpty, "no CSV from soffice")
        return try files.flatMap { try rows(FileSystem.readText("\(scratch)/out/\($0)")) }
    }

    static func rows(_ text: String) throws -> [[String]] {
        var reader = CSVReader(bytes: Array(text.utf8))
        var rows: [[String]] = []
        while let row = try reader.next() { rows.append(row.fields) }
        return rows
    }

    /// Cells whose text must survive unchanged: words (not ISO times, not the lower-case codes some CSV
    /// columns keep for programs, such as "in_progress" or "khong") and whole numbers.
    static func comparable(_ cell: String) -> Bool {
        if cell.isEmpty || LocalDateTime(iso: cell) != nil || CivilDate(iso: cell) != nil { return false }
        if cell.allSatisfy({ ("a"..."z").contains($0) || $0 == "_" }) { return false }
        if cell.allSatisfy(\.isNumber) { return true }
        return cell.contains(where: \.isLetter) && Double(cell) == nil
    }

    /// Every comparable cell of `csv` (without its header row) appears in `sheet` at least as often.
    static func expectCells(of csv: [[String]], in sheet: [[String]], _ what: String) {
        var available: [String: Int] = [:]
        for cell in sheet.joined() { available[cell, default: 0] += 1 }
        var compared = 0
        for cell in csv.dropFirst().joined() where comparable(cell) {
            compared += 1
            let cleaned = cell.hasPrefix("'") ? String(cell.dropFirst()) : cell  // CSV's formula guard
            if let n = available[cleaned], n > 0 {
                available[cleaned] = n - 1
            } else if let n = available[cell], n > 0 {
                available[cell] = n - 1
            } else {
                Issue.record("\(what): \"\(cell)\" of the CSV is not in the workbook")
            }
        }
        #expect(compared > 0, "\(what): nothing compared")
    }

    @Test func everyReportAsAWorkbook() throws {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        for kind in ["stats", "ledger", "late", "evaluations", "daily"] {
            let period = kind == "daily" ? ["--date", "2026-10-26"] : ["--month", "2026-10"]
            let book = "\(dir)/\(kind).xlsx"
            let r = runCLI(
                ["report", kind, "--db", ws.path, "--format", "xlsx", "--output", book] + period,
                now: "2026-11-02 08:00")
            try #require(r.status == 0, "\(kind): \(r.err)")
            #expect(r.out.isEmpty && r.err.contains(book))
            #expect(FileSystem.permissions(book) == 0o600)
            let csv = runCLI(
                ["report", kind, "--db", ws.path, "--format", "csv"] + period, now: "2026-11-02 08:00")
            try #require(csv.status == 0)
            let sheet = try Self.libreOfficeCells(book, scratch: "\(dir)/lo-\(kind)")
            Self.expectCells(of: try Self.rows(String(csv.out.dropFirst())), in: sheet, kind)
        }
        // The statistics keep the printed form's grouped titles (merged cells) above the columns.
        let stats = try Self.libreOfficeCells("\(dir)/stats.xlsx", scratch: "\(dir)/lo-stats-again")
        #expect(stats.contains { $0.contains("Số hồ sơ nhận giải quyết") })
        #expect(stats.contains { $0.contains("Tổng cộng") && $0.contains("12") })
    }

    @Test func theCaseExportAsAWorkbook() throws {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        let book = "\(dir)/ho-so.xlsx"
        let r = runCLI(["export", "--db", ws.path, "--format", "xlsx", "--output", book], now: "2026-11-02 08:00")
        try #require(r.status == 0, "\(r.err)")
        #expect(r.err.contains("Đã xuất") && r.out.isEmpty)
        let csv = runCLI(["export", "--db", ws.path, "--format", "csv"], now: "2026-11-02 08:00")
        let csvRows = try Self.rows(csv.out)
        let sheet = try Self.libreOfficeCells(book, scratch: "\(dir)/lo")
        #expect(sheet.first == csvRows.first, "the same column names")
        #expect(sheet.count == csvRows.count, "one row per event, as in the CSV")
        Self.expectCells(of: csvRows, in: sheet, "export")
    }

    @Test func aWorkbookNeedsAFileAndNeverReplacesTheDatabase() throws {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        for args in [["report", "stats", "--format", "xlsx"], ["export", "--format", "xlsx"]] {
            let r = runCLI(args + ["--db", ws.path])
            #expect(r.status == 2 && r.err.contains("--output"), "\(args): \(r.err)")
            let over = runCLI(args + ["--db", ws.path, "--output", ws.path, "--force"])
            #expect(over.status != 0, "\(args)")
            #expect(FileSystem.isSQLiteFile(ws.path))
        }
    }
}
