import MotCuaApp
import MotCuaCore
import Foundation
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing

/// F7: choose a report and a period, preview it (wide tables scroll sideways at 80 columns), print, save,
/// export CSV; the daily summary with the backup.
@Suite struct ReportScreenTests {
    func start() throws -> (TestWorkspace, ScreenDriver) {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        return (ws, try loggedIn(ws))
    }

    @Test func lastMonthsStatisticsInTwoKeysThenCSV() throws {
        let (ws, d) = try start()
        d.press(.function(7))
        #expect(d.shows("Loại:") && d.shows("[Sổ theo dõi hồ sơ]"), "\(d.text)")
        expectGolden(d.frame, "reports-form-80x24")
        d.press(.right)  // Thống kê theo lĩnh vực (Biểu 06)
        d.press(.tab, .right)  // Kỳ: Tháng trước
        #expect(d.shows("01/10/2026") && d.shows("31/10/2026"), "\(d.text)")
        d.press(.function(10))
        #expect(d.shows("TÌNH HÌNH, KẾT QUẢ"), "\(d.text)")
        #expect(d.shows("Số hồ sơ nhận giải quyết"))
        expectGolden(d.frame, "report-preview-stats-80x24")
        // The table is 160 columns wide: → shows the right-hand columns.
        for _ in 0..<12 { d.press(.down) }
        let before = d.text
        d.press(.right)
        #expect(d.text != before, "→ moves the view sideways")
        for _ in 0..<8 { d.press(.right) }
        #expect(d.shows("57,14%") && d.shows("(16)"), "the last column, once scrolled\n\(d.text)")
        d.press(.control("e"))
        #expect(d.shows("Đã lưu bảng tính: documents/thong-ke-2026-10-01-2026-10-31.xlsx và .csv"), "\(d.text)")
        let book = try #require(
            FileManager.default.contents(atPath: ws.directory + "/documents/thong-ke-2026-10-01-2026-10-31.xlsx"))
        #expect(book.prefix(2) == Data("PK".utf8), "an Office Open XML workbook is a ZIP file")
        let csv = try documentText(ws.directory + "/documents/thong-ke-2026-10-01-2026-10-31.csv")
        #expect(csv.hasPrefix("\u{FEFF}STT,") && csv.contains(",Tổng cộng,12,1,7,4,7,2,2,3,4,2,2,1,0,57.14"))
        d.press(.control("s"))
        #expect(FileSystem.exists(ws.directory + "/documents/thong-ke-2026-10-01-2026-10-31.pdf"))
    }

    @Test func dailySummaryWithABackup() throws {
        let (ws, d) = try start()
        let stick = try FileSystem.makeTemporaryDirectory(prefix: "motcua-usb")
        defer { FileSystem.removeTree(stick) }
        d.press(.function(7))
        for _ in 0..<4 { d.press(.right) }  // Tổng hợp cuối ngày
        #expect(d.shows("[Tổng hợp cuối ngày]"), "\(d.text)")
        d.press(.function(10))
        #expect(d.shows("TỔNG HỢP CUỐI NGÀY") && d.shows("Ngày 02/11/2026"), "\(d.text)")
        #expect(d.shows("Tiếp nhận: 1 hồ sơ"), "K, received on the 2nd")
        d.press(.control("b"))
        #expect(d.shows("Sao lưu cơ sở dữ liệu"), "\(d.text)")
        d.press(.control("u"))
        d.paste(stick)
        d.press(.function(10))
        // The file's name comes first: however long the folder's path (CI's TMPDIR is inside its clone),
        // the status line shows it.
        #expect(
            d.shows("Đã sao lưu motcua-2026-11-02-0800.db (") && d.showsWrapped("hồ sơ, đã kiểm tra toàn vẹn"),
            "\(d.text)")
        #expect(FileSystem.exists(stick + "/motcua-2026-11-02-0800.db"))
        #expect(FileSystem.permissions(stick + "/motcua-2026-11-02-0800.db") == 0o600)
        // A second backup the same minute gets a name of its own; nothing is overwritten.
        d.press(.control("b"))
        d.press(.control("u"))
        d.paste(stick)
        d.press(.function(10))
        #expect(d.shows("Đã sao lưu motcua-2026-11-02-0800-2.db ("), "\(d.text)")
        // Rotation (backup_keep, by default on this screen) keeps the newest of each day: the earlier one goes.
        #expect(d.showsWrapped("đã xoá 1 bản cũ"), "\(d.text)")
        #expect(!FileSystem.exists(stick + "/motcua-2026-11-02-0800.db"))
        // The whole message, whatever its length, with Ctrl-O.
        d.press(.control("o"))
        #expect(d.shows("Các thông báo gần đây") && d.showsWrapped("vào thư mục \(stick)"), "\(d.text)")
        d.press(.escape)
        _ = ws
    }

    @Test func badDatesStayOnTheForm() throws {
        let (_, d) = try start()
        d.press(.function(7))
        d.press(.tab, .tab, .control("u"))
        d.type("31022026")
        d.press(.tab)
        #expect(d.shows("ngày không có thật"), "\(d.text)")
        #expect(d.shows("[Tùy chọn]"), "editing a date makes the period a custom one")
    }
}
