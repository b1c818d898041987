import MotCuaCore
import MotCuaStore
import MotCuaTesting
import Testing
@testable import MotCuaDocuments

/// The reports over the fixed dataset (`ReportDataset`, October 2026), every figure worked out by hand from
/// the dataset's comments.
@Suite struct ReportTests {
    static let october = ReportPeriod.month(2026, 10)!
    static let printedAt = LocalDateTime(iso: "2026-11-02 08:00")!

    func dataset() throws -> (TestWorkspace, ReportDataset.Codes, PrintContext) {
        let ws = try TestWorkspace(now: "2026-11-02 08:00")
        let codes = try ReportDataset.build(ws)
        return (ws, codes, PrintContext(unit: try ws.store.unitProfile(), forms: forms))
    }

    /// Cells of a statistics row in the table's column order.
    func cells(_ r: StatisticsRow) -> [Int] {
        [
            r.received, r.receivedOnline, r.receivedInPersonOrPost, r.carriedOver, r.resolved, r.early, r.onTime,
            r.late,
            r.pending, r.pendingWithinLimit, r.pendingOverdue, r.closedWithoutResult
        ]
    }

    @Test func statisticsEveryCell() throws {
        let (ws, _, _) = try dataset()
        let s = try ws.store.periodStatistics(Self.october, now: Self.printedAt)
        #expect(s.rows.map(\.field) == ["Chứng thực", "Cư trú", "Hộ tịch", "Liên thông"], "Vietnamese dictionary order")
        //                              recv onl pers carr | res ear ont lat | pend wit ovd | closed
        // Chứng thực: E online on time, O in person on time.
        #expect(cells(s.rows[0]) == [2, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0, 0])
        // Cư trú: B carried on time; F by post pending within (due 09/11); L carried pending overdue.
        #expect(cells(s.rows[1]) == [3, 0, 1, 2, 1, 0, 1, 0, 2, 1, 1, 0])
        // Hộ tịch: A carried early; M carried paused (within); D late (rescheduled: still judged on 08/10);
        // N refused late; G pending overdue; I withdrawn; C finished in September and J cancelled: not counted.
        #expect(cells(s.rows[2]) == [6, 0, 4, 2, 3, 1, 0, 2, 2, 1, 1, 1])
        // Liên thông: H early, once.
        #expect(cells(s.rows[3]) == [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0])
        #expect(cells(s.total) == [12, 1, 7, 4, 7, 2, 3, 2, 4, 2, 2, 1])
        #expect(s.rows.map(\.onTimeRateText) == ["100,00%", "100,00%", "33,33%", "100,00%"])
        #expect(s.total.onTimeRateText == "71,43%", "(2 + 3) / 7")
        #expect(s.identityProblems.isEmpty)
        // The identities are checked, not assumed: a broken row names itself.
        var broken = s.total
        broken.early += 1
        #expect(broken.identityProblems.count == 1)
    }

    @Test func statisticsOfOtherPeriods() throws {
        let (ws, _, _) = try dataset()
        // September: L, C, B, M, A received (5, all in person); C resolved early (23/09, due 24/09); at the end
        // of September L is overdue (due 23/09), B and A within (A's result is on 01/10), M paused (within).
        let september = try ws.store.periodStatistics(ReportPeriod.month(2026, 9)!, now: Self.printedAt)
        #expect(cells(september.total) == [5, 0, 5, 0, 1, 1, 0, 0, 4, 3, 1, 0])
        // One day, 26/10: carried over L, M and N (received 20/10, refused that day: late); received that day
        // G and O (both within their limits at the end of the day).
        let day = try ws.store.periodStatistics(
            ReportPeriod(from: CivilDate(iso: "2026-10-26")!, to: CivilDate(iso: "2026-10-26")!)!, now: Self.printedAt)
        #expect(cells(day.total) == [5, 0, 2, 3, 1, 0, 0, 1, 4, 3, 1, 0], "L overdue; M paused, G and O within")
    }

    @Test func statisticsReportAndCSV() throws {
        let (ws, _, ctx) = try dataset()
        let report = ReportForms.statistics(
            try ws.store.periodStatistics(Self.october, now: Self.printedAt), ctx, printedAt: Self.printedAt)
        let text = TextRenderer(pageSize: report.document.pageSize).text(report.document)
        expectGoldenText(text, "report-stats-2026-10")
        #expect(text.contains("Biểu số 06/VPCP/KSTT") && text.contains("Tháng 10 năm 2026"))
        #expect(text.contains("Kiểm tra: các đẳng thức của biểu đều đúng."))
        #expect(text.contains("Ngoài bảng: 1 hồ sơ"))
        #expect(report.csv.hasPrefix("\u{FEFF}linh_vuc,tiep_nhan_tong,"))
        #expect(report.csv.contains("\r\nHộ tịch,6,0,4,2,3,1,0,2,2,1,1,\"33,33%\",1\r\n"), "\(report.csv)")
        #expect(report.csv.hasSuffix("Tổng cộng,12,1,7,4,7,2,3,2,4,2,2,\"71,43%\",1\r\n"))
    }

    @Test func ledgerOfOctober() throws {
        let (ws, codes, ctx) = try dataset()
        let rows = try ws.store.ledger(Self.october)
        // Registered in order L C B M A D E I J H N G O F K: October's are numbers 6 to 14.
        #expect(rows.map(\.ledgerNumber) == Array(6...14))
        #expect(rows.map(\.code) == ["D", "E", "I", "J", "H", "N", "G", "O", "F"].map { codes[$0]! })
        let d = rows[0]
        #expect(
            d.leadBody == "Công chức Tư pháp - Hộ tịch" && d.address == "Thôn 1, xã Tân Phú" && d.phone == "0912000004")
        #expect(
            d.handedOverAt?.iso == "2026-10-05 10:00" && d.resultAt?.iso == "2026-10-09 10:00"
                && d.returnedAt?.iso == "2026-10-09 11:00")
        #expect(d.legalDue.iso == "2026-10-08 09:00" && d.appointment.iso == "2026-10-12 09:00" && d.rescheduled)
        #expect(ReportForms.ledgerNote(rows[2]) == "Rút hồ sơ")
        #expect(ReportForms.ledgerNote(rows[3]) == "Đã hủy")
        #expect(ReportForms.ledgerNote(rows[5]) == "Từ chối")
        #expect(ReportForms.ledgerNote(rows[0]) == "Hẹn lại 12/10")
        let report = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt)
        let text = TextRenderer(pageSize: report.document.pageSize).text(report.document)
        expectGoldenText(text, "report-ledger-2026-10")
        #expect(text.contains("SỔ THEO DÕI HỒ SƠ") && text.contains("Mẫu số 07") && text.contains("Trang 1/1"))
        #expect(text.contains("Tổng số: 9 hồ sơ"))
        #expect(report.csv.hasPrefix("\u{FEFF}so_vao_so,nam,ma_ho_so,"))
        #expect(report.csv.components(separatedBy: "\r\n").count == 11, "header, 9 rows, the empty end")
    }

    /// A long ledger is split into numbered pages with the headers on each.
    @Test func ledgerPages() throws {
        let (ws, _, ctx) = try dataset()
        var rows = try ws.store.ledger(Self.october)
        rows = (0..<12).flatMap { _ in rows }  // 108 lines of the ledger
        let report = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt)
        let pages = TextRenderer(pageSize: .a4Landscape).text(report.document).components(separatedBy: "\u{000C}")
        #expect(pages.count > 1)
        for (i, page) in pages.enumerated() {
            #expect(page.contains("Trang \(i + 1)/\(pages.count)"))
            #expect(page.contains("Mã hồ sơ"), "headers on every page")
            #expect(
                page.split(separator: "\n", omittingEmptySubsequences: false).count <= PageSize.a4Landscape.textLines
                    + 1)
        }
    }

    @Test func lateCasesOfOctober() throws {
        let (ws, codes, ctx) = try dataset()
        let late = try ws.store.lateCases(Self.october, now: Self.printedAt, calendar: try ws.calendar())
        #expect(late.map(\.code) == ["L", "D", "N", "G"].map { codes[$0]! }, "by legal deadline")
        #expect(
            late.map { RemainingTime.durationText(minutes: $0.lateMinutes) } == [
                "27 ngày 6 giờ", "1 ngày 1 giờ", "1 ngày", "1 ngày 6 giờ"
            ])
        #expect(late[0].lateBodies == ["Bộ phận một cửa (chưa chuyển hồ sơ)"] && late[0].resultAt == nil)
        #expect(late[1].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 1 ngày 4 giờ)"])
        #expect(
            late[1].reasons == [
                "Công chức Tư pháp - Hộ tịch: Đã xác minh xong",
                "Hẹn lại: Chờ xác minh thông tin khai sinh tại nơi đăng ký trước đây"
            ])
        #expect(late[2].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 1 ngày 7 giờ)"])
        #expect(late[2].reasons == ["Từ chối: Người yêu cầu không đủ điều kiện theo quy định"])
        #expect(
            late[3].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 2 ngày 5 giờ)"] && late[3].resultAt == nil)
        let report = ReportForms.lateCases(late, period: Self.october, ctx, printedAt: Self.printedAt)
        expectGoldenText(TextRenderer(pageSize: report.document.pageSize).text(report.document), "report-late-2026-10")
        #expect(report.csv.hasPrefix("\u{FEFF}ma_ho_so,"))
        #expect(
            report.csv.contains(
                "\(codes["D"]!),Đỗ Văn Dũng,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,2026-10-08 09:00,2026-10-09 10:00,540,"
            ))
    }

    @Test func evaluationsOfOctober() throws {
        let (ws, _, ctx) = try dataset()
        let summary = EvaluationSummary(
            try ws.store.evaluations(Self.october), period: Self.october, unitName: "Toàn đơn vị")
        #expect(summary.officers.map(\.name) == ["Lê Thị Tiếp", "Võ Văn Hai"])
        let le = summary.officers[0]
        #expect(
            le.indexedCases == 2 && le.average(.totalTime) == 1.5 && le.average(.attitude) == 2 && le.averagePoints == 9
        )
        #expect(le.band == "Hoàn thành" && le.levelCases == 1 && le.share(.dissatisfied) == 1)
        let vo = summary.officers[1]
        #expect(vo.indexedCases == 1 && vo.averagePoints == 7 && vo.share(.verySatisfied) == 1)
        let unit = summary.unit
        #expect(unit.indexedCases == 3 && unit.levelCases == 2)
        #expect(
            vietnameseDecimal(unit.average(.totalTime)!) == "1,33"
                && vietnameseDecimal(unit.average(.attitude)!) == "1,67")
        #expect(vietnameseDecimal(unit.averagePoints!) == "8,33")
        #expect(unit.share(.verySatisfied) == 0.5 && unit.share(.satisfied) == 0 && unit.share(.dissatisfied) == 0.5)
        let report = ReportForms.evaluations(summary, ctx, printedAt: Self.printedAt)
        expectGoldenText(
            TextRenderer(pageSize: report.document.pageSize).text(report.document), "report-evaluations-2026-10")
        #expect(
            report.csv.contains(
                "Toàn đơn vị,3,\"1,33\",\"1,33\",\"2,00\",\"2,00\",\"1,67\",\"8,33\",Hoàn thành,2,\"50,0%\",\"0,0%\",\"50,0%\""
            ),
            "\(report.csv)")
    }

    @Test func dailySummaryOfTheTwentySixth() throws {
        let (ws, codes, ctx) = try dataset()
        let d = try ws.store.dailySummary(CivilDate(iso: "2026-10-26")!, calendar: try ws.calendar())
        #expect(d.received.map(\.code) == [codes["G"]!, codes["O"]!])
        #expect(d.handedOver == 1 && d.resultsReceived == 1 && d.returned == 0, "G handed over; N refused")
        #expect(d.nextWorkingDay.iso == "2026-10-27")
        #expect(d.dueNext.map(\.code) == [codes["O"]!], "O was still open at the end of the 26th")
        #expect(d.overdue == 1, "L only: M is paused, D and N have results")
        let report = ReportForms.daily(d, ctx, printedAt: LocalDateTime(iso: "2026-10-26 17:05")!)
        expectGoldenText(
            TextRenderer(pageSize: report.document.pageSize).text(report.document), "report-daily-2026-10-26")
    }

    @Test func periodsAndTheirNames() {
        #expect(ReportPeriod.quarter(2026, 4)!.vietnamese == "Quý IV năm 2026")
        #expect(ReportPeriod.month(2026, 2)!.to.iso == "2026-02-28")
        #expect(ReportPeriod.month(2024, 2)!.to.iso == "2024-02-29")
        #expect(ReportPeriod.year(2026)!.vietnamese == "Năm 2026")
        #expect(
            ReportPeriod(from: CivilDate(iso: "2026-10-05")!, to: CivilDate(iso: "2026-10-09")!)!.vietnamese
                == "Từ ngày 05/10/2026 đến ngày 09/10/2026")
        #expect(ReportPeriod(from: CivilDate(iso: "2026-10-09")!, to: CivilDate(iso: "2026-10-05")!) == nil)
        #expect(ReportPeriod.quarter(2026, 5) == nil)
    }
}
