import MotCuaApp
import MotCuaCore
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing

/// Issue 12 §8: at 80×24 a report is a screen table, not a page: its title stays at the top, the columns
/// that identify a case (STT, mã hồ sơ, người nộp) stay in place while → and ← move the others one column
/// at a time, scrolling stops at the last column, the headings stay while the rows scroll, and the daily
/// summary fits. F8 still prints the page layout.
@Suite struct ReportTableScreenTests {
    func open(_ report: Int, period: Int = 1, more: Int = 0) throws -> (TestWorkspace, ScreenDriver) {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        _ = try ReportDataset.build(ws)
        // More cases in October, for a ledger longer than the screen.
        for i in 0..<more {
            try ws.register(
                "Trần Văn Thêm \(i + 1)", procedure: "XA.CT.02",
                at: "2026-10-30 \(8 + i / 20):\((i % 20 * 3).zeroPadded())")
        }
        let d = try loggedIn(ws)
        d.press(.function(7))
        for _ in 0..<report { d.press(.right) }
        d.press(.tab)
        for _ in 0..<period { d.press(.right) }  // 1: Tháng trước (October)
        d.press(.function(10))
        return (ws, d)
    }

    /// The screen's lines, the key bar and status excluded.
    func lines(_ d: ScreenDriver) -> [String] {
        d.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The line holding the column headings (the one with "Mã hồ sơ").
    func headingLine(_ d: ScreenDriver) -> String? { lines(d).first { $0.contains("Mã hồ sơ") } }

    /// The table's heading lines, from under the title and period to the line with "Mã hồ sơ", joined.
    func headings(_ d: ScreenDriver) -> String {
        let all = lines(d)
        guard let last = all.firstIndex(where: { $0.contains("Mã hồ sơ") }) else { return "" }
        return all[3...last].joined(separator: "\n")
    }

    /// What the screen shows above the status line (the hint line included).
    func screen(_ d: ScreenDriver) -> [String] { Array(lines(d).prefix(22)) }

    @Test func theLedgerKeepsItsIdentifyingColumnsAndScrollsOneColumnAtATime() throws {
        let (ws, d) = try open(0)
        #expect(d.shows("SỔ THEO DÕI HỒ SƠ") && d.shows("Tháng 10 năm 2026"), "\(d.text)")
        #expect(!d.shows("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), "the letterhead is for paper")
        let heading = try #require(headingLine(d), "\(d.text)")
        #expect(heading.contains("Số") && heading.contains("Người nộp"), "the applicant next to the code\n\(d.text)")
        #expect(heading.contains("Thủ tục") && heading.hasSuffix("»"), "more columns on the right\n\(d.text)")
        expectGolden(d.frame, "report-ledger-80x24")
        // One column at a time: the first scrolling column goes, the identifying ones stay.
        #expect(headings(d).contains("Thủ tục"))
        d.press(.right)
        let after = headings(d)
        #expect(!after.contains("Thủ tục") && after.contains("Địa chỉ"), "\(d.text)")
        #expect(lines(d).contains { $0.contains("Đỗ Văn Dũng   │  1 Thôn 1") }, "the sets first\n\(d.text)")
        expectGolden(d.frame, "report-ledger-one-column-on-80x24")
        #expect(after.contains("Mã hồ sơ") && after.contains("Người nộp") && after.contains("«"), "\(d.text)")
        #expect(d.shows("Cột 5–"), "the hint says which columns are in view\n\(d.text)")
        // To the end, and no further: the last column (notes) is in view and → says so.
        for _ in 0..<20 { d.press(.right) }
        let end = screen(d)
        #expect(headingLine(d)?.contains("Ghi chú") == true && headingLine(d)?.hasSuffix("»") == false, "\(d.text)")
        #expect(d.shows("Đã đến cột cuối cùng"), "\(d.text)")
        d.press(.right)
        #expect(screen(d) == end)
        expectGolden(d.frame, "report-ledger-last-column-80x24")
        // The identifying columns still say which case each row is.
        let codes = try ws.store.ledger(ReportPeriod.month(2026, 10)!).map { String($0.code.suffix(11)) }
        #expect(codes.count > 5)
        #expect(d.shows(codes[0]), "\(d.text)")
        // Back to the first column.
        d.press(.home)
        #expect(headingLine(d)?.contains("Thủ tục") == true)
    }

    @Test func headingsStayWhileTheRowsScroll() throws {
        let (ws, d) = try open(0, more: 30)
        let rows = try ws.store.ledger(ReportPeriod.month(2026, 10)!)
        #expect(rows.count == 39)
        // Down past the first rows: the title, the period and the column headings are still there.
        for _ in 0..<8 { d.press(.down) }
        #expect(d.shows("SỔ THEO DÕI HỒ SƠ"), "\(d.text)")
        #expect(headingLine(d) != nil, "the headings are pinned\n\(d.text)")
        #expect(!d.shows(String(rows[0].code.suffix(11))), "the first row has scrolled under the headings\n\(d.text)")
        d.press(.end)
        #expect(headingLine(d) != nil && d.shows("Tổng số: \(rows.count) hồ sơ"), "\(d.text)")
        expectGolden(d.frame, "report-ledger-end-80x24")
    }

    @Test func theDailySummaryFits80Columns() throws {
        let (_, d) = try open(4, period: 0)
        #expect(d.shows("TỔNG HỢP CUỐI NGÀY") && d.shows("Ngày 02/11/2026"), "\(d.text)")
        let heading = try #require(headingLine(d), "\(d.text)")
        for title in ["Mã hồ sơ", "Người nộp", "Thủ tục", "Tiếp nhận"] {
            #expect(heading.contains(title), "\(title)\n\(d.text)")
        }
        #expect(!heading.hasSuffix("»"))
        expectGolden(d.frame, "report-daily-80x24")
        let before = screen(d)
        d.press(.right)
        #expect(d.shows("Bảng vừa màn hình: không còn cột nào bên phải"), "\(d.text)")
        #expect(screen(d) == before)
    }

    @Test func theStatisticsKeepTheirFieldColumnAndGroupTitles() throws {
        let (_, d) = try open(1)
        #expect(
            d.shows("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH") && d.shows("Số hồ sơ nhận giải quyết"),
            "\(d.text)")
        expectGolden(d.frame, "report-preview-stats-80x24")
        for _ in 0..<20 { d.press(.right) }
        #expect(d.shows("Lĩnh vực") && d.shows("Tổng cộng") && d.shows("57,14%"), "\(d.text)")
        #expect(d.shows("Tỷ lệ") && d.shows("(%)"), "the rate's own heading\n\(d.text)")
        expectGolden(d.frame, "report-stats-last-column-80x24")
    }

    @Test func lateCasesAndEvaluationsAreTablesToo() throws {
        let (_, late) = try open(2)
        #expect(headingLine(late)?.contains("Người nộp") == true, "\(late.text)")
        expectGolden(late.frame, "report-late-80x24")
        let (_, evaluations) = try open(3)
        #expect(evaluations.shows("Cán bộ") && evaluations.shows("Toàn đơn vị"), "\(evaluations.text)")
        expectGolden(evaluations.frame, "report-evaluations-80x24")
    }

    /// F8 prints pages: the saved copy has the letterhead and the page numbers the screen leaves out.
    @Test func f8StillPrintsThePageLayout() throws {
        let (ws, d) = try open(0)
        d.press(.control("s"))
        let file = ws.directory + "/documents/so-theo-doi-2026-10-01-2026-10-31.pdf"
        #expect(FileSystem.exists(file), "\(d.text)")
        let text = try documentText(file)
        #expect(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") && text.contains("Ký nhận"))
    }
}
