import MotCuaCore
import MotCuaSystem
import MotCuaTesting
import Testing

/// `motcua report ledger|stats|late|evaluations|daily` over the fixed dataset of the report tests.
@Suite struct ReportCommandTests {
    func dataset() throws -> (TestWorkspace, ReportDataset.Codes) {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        return (ws, try ReportDataset.build(ws))
    }

    @Test func statisticsAsTextAndCSV() throws {
        let (ws, _) = try dataset()
        let text = runCLI(["report", "stats", "--db", ws.path, "--month", "2026-10"], now: "2026-11-02 08:00")
        #expect(text.status == 0, "\(text.err)")
        #expect(
            text.out.contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
                && text.out.contains("Tháng 10 năm 2026"))
        #expect(text.out.contains("57,14%"))
        let csv = runCLI([
            "report", "stats", "--db", ws.path, "--from", "2026-10-01", "--to", "31/10/2026", "--format", "csv"
        ])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("\u{FEFF}STT,Lĩnh vực giải quyết,"), "a byte-order mark; the printed titles")
        #expect(csv.out.contains("\r\n,Tổng cộng,12,1,7,4,7,2,2,3,4,2,2,1,0,57.14\r\n"))
        // The same period written as a quarter's month or as dates gives the same figures.
        let quarter = runCLI(["report", "stats", "--db", ws.path, "--quarter", "2026-Q4", "--format", "csv"])
        #expect(quarter.out.contains("Tổng cộng,"))
        #expect(!quarter.out.contains("Tổng cộng,12,1,7,4,"), "the quarter also counts K (received 02/11)")
    }

    @Test func everyReportToAFile() throws {
        let (ws, codes) = try dataset()
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        for (kind, expected) in [
            ("ledger", "SỔ THEO DÕI HỒ SƠ"), ("late", "DANH SÁCH HỒ SƠ QUÁ HẠN"),
            ("evaluations", "KẾT QUẢ ĐÁNH GIÁ CỦA NGƯỜI NỘP HỒ SƠ")
        ] {
            let r = runCLI(["report", kind, "--db", ws.path, "--month", "2026-10", "--output", "\(dir)/\(kind).txt"])
            #expect(r.status == 0, "\(kind): \(r.err)")
            #expect(r.out.isEmpty)
            #expect(try FileSystem.readText("\(dir)/\(kind).txt").contains(expected))
            #expect(FileSystem.permissions("\(dir)/\(kind).txt") == 0o600)
        }
        #expect(try FileSystem.readText("\(dir)/ledger.txt").contains(String(codes["D"]!.suffix(11))))
        let daily = runCLI(["report", "daily", "--db", ws.path, "--date", "2026-10-26"])
        #expect(daily.out.contains("TỔNG HỢP CUỐI NGÀY") && daily.out.contains("Tiếp nhận: 2 hồ sơ"))
    }

    /// `--format pdf` writes the report as it prints (needs --output): a PDF whose text holds the title and
    /// the cases.
    @Test func aReportAsPDF() throws {
        let (ws, codes) = try dataset()
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        #expect(runCLI(["report", "ledger", "--db", ws.path, "--month", "2026-10", "--format", "pdf"]).status == 2)
        let r = runCLI(
            ["report", "ledger", "--db", ws.path, "--month", "2026-10", "--format", "pdf", "--output", dir + "/so.pdf"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try FileSystem.readBytes(dir + "/so.pdf").starts(with: Array("%PDF-".utf8)))
        let text = try documentText(dir + "/so.pdf")
        #expect(
            text.contains("SỔ THEO DÕI HỒ SƠ") && text.contains(String(codes["D"]!.suffix(11))), "\(text.prefix(400))")
        #expect(FileSystem.permissions(dir + "/so.pdf") == 0o600)
    }

    @Test func wrongPeriodsAreUsageErrors() throws {
        let (ws, _) = try dataset()
        for args in [
            ["--month", "2026-13"], ["--from", "2026-10-31", "--to", "2026-10-01"], ["--from", "2026-10-01"],
            ["--quarter", "2026-Q5"], ["--month", "2026-10", "--year", "2026"], ["--format", "pdf"],
            ["--date", "2026-10-26"]
        ] {
            let r = runCLI(["report", "stats", "--db", ws.path] + args)
            #expect(r.status == 2, "\(args): \(r.err)")
            #expect(!r.err.isEmpty)
        }
        #expect(runCLI(["report", "sales", "--db", ws.path]).status == 2)
        #expect(runCLI(["report", "daily", "--db", ws.path, "--month", "2026-10"]).status == 2)
    }

    @Test func withoutAPeriodTheMonthSoFar() throws {
        let (ws, _) = try dataset()
        let r = runCLI(["report", "ledger", "--db", ws.path, "--format", "csv"], now: "2026-11-20 09:00")
        #expect(r.status == 0)
        #expect(r.out.components(separatedBy: "\r\n").count == 3, "November so far: K only (header, one row, end)")
    }
}
