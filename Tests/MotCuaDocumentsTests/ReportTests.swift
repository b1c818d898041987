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

    /// Cells of a statistics row in the table's column order, (3) to (15).
    func cells(_ r: StatisticsRow) -> [Int] {
        [
            r.received, r.receivedOnline, r.receivedInPersonOrPost, r.carriedOver, r.resolved, r.early, r.onTime,
            r.late,
            r.pending, r.pendingWithinLimit, r.pendingOverdue, r.withdrawn, r.stopped
        ]
    }

    @Test func statisticsEveryCell() throws {
        let (ws, _, _) = try dataset()
        let s = try ws.store.periodStatistics(Self.october, now: Self.printedAt)
        #expect(s.rows.map(\.field) == ["Chứng thực", "Cư trú", "Hộ tịch", "Liên thông"], "Vietnamese dictionary order")
        //                              recv onl pers carr | res ear ont lat | pend wit ovd | wdr stp
        // Chứng thực: E online on time (16:00, due 17:00), O in person on time.
        #expect(cells(s.rows[0]) == [2, 1, 1, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0])
        // Cư trú: B carried, late (result 15:00 on its due day, due 09:00); F by post pending within (due
        // 09/11); L carried pending overdue.
        #expect(cells(s.rows[1]) == [3, 0, 1, 2, 1, 0, 0, 1, 2, 1, 1, 0, 0])
        // Hộ tịch: A carried early; M carried paused (within); D late (rescheduled: still judged on 08/10);
        // N refused late; G pending overdue; I withdrawn; C finished in September and J cancelled: not counted.
        #expect(cells(s.rows[2]) == [6, 0, 4, 2, 3, 1, 0, 2, 2, 1, 1, 1, 0])
        // Liên thông: H early, once.
        #expect(cells(s.rows[3]) == [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0])
        #expect(cells(s.total) == [12, 1, 7, 4, 7, 2, 2, 3, 4, 2, 2, 1, 0])
        #expect(s.rows.map(\.onTimeRateText) == ["100,00%", "0,00%", "33,33%", "100,00%"])
        #expect(s.total.onTimeRateText == "57,14%", "(2 + 2) / 7")
        #expect(s.failedChecks.isEmpty)
        #expect(s.checks.count == 5 * 4 + 13, "four identities on each row, thirteen columns of the total")
        // received = resolved + in progress + withdrawn + stopped, on the paper.
        #expect(s.total.received == s.total.resolved + s.total.pending + s.total.withdrawn + s.total.stopped)
    }

    /// The identities compare counts kept apart: a row or a total that does not add up names itself.
    @Test(arguments: [
        ("an early case counted without its resolved total", StatisticsCheck.Identity.resolvedByVerdict),
        ("a withdrawn case not counted as received", .receivedByOutcome),
        ("a carried-over case counted twice", .receivedByChannel),
        ("an overdue case counted without its pending total", .pendingByLimit)
    ])
    func statisticsChecksAreReal(_ row: (String, StatisticsCheck.Identity)) throws {
        let (ws, _, _) = try dataset()
        let s = try ws.store.periodStatistics(Self.october, now: Self.printedAt)
        var broken = s.rows[2]
        switch row.1 {
        case .resolvedByVerdict: broken.early += 1
        case .receivedByOutcome: broken.withdrawn += 1
        case .receivedByChannel: broken.carriedOver += 1
        case .pendingByLimit: broken.pendingOverdue += 1
        case .totalOfColumn: break
        }
        let rows = s.rows.enumerated().map { $0.offset == 2 ? broken : $0.element }
        let failed = PeriodStatistics(period: s.period, rows: rows, total: s.total).failedChecks
        #expect(failed.contains { $0.row == "Hộ tịch" && $0.identity == row.1 }, "\(row.0)")
        #expect(failed.contains { if case .totalOfColumn = $0.identity { true } else { false } }, "the total disagrees")
    }

    /// The rule the old report broke: received 12 = resolved 7 + in progress 4 + withdrawn 1 + stopped 0, with
    /// the withdrawn case in the table; a stopped case has its own column.
    @Test func withdrawnAndStoppedHaveTheirColumns() {
        let p = Self.october
        func f(_ status: CaseStatus, closed: String?) -> CaseFacts {
            CaseFacts(
                code: "X", field: "Hộ tịch", channel: .inPerson, status: status,
                receivedAt: LocalDateTime(iso: "2026-10-05 09:00")!, legalDue: LocalDateTime(iso: "2026-10-08 09:00")!,
                closedAt: closed.map { LocalDateTime(iso: $0)! })
        }
        let s = PeriodStatistics(
            [
                f(.withdrawn, closed: "2026-10-06 09:00"), f(.stopped, closed: "2026-10-07 09:00"),
                f(.inProgress, closed: nil)
            ],
            period: p, now: Self.printedAt)
        #expect(cells(s.total) == [3, 0, 3, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1])
        #expect(s.failedChecks.isEmpty)
    }

    @Test func statisticsOfOtherPeriods() throws {
        let (ws, _, _) = try dataset()
        // September: L, C, B, M, A received (5, all in person); C resolved early (23/09, due 24/09); at the end
        // of September L is overdue (due 23/09), B and A within (A's result is on 01/10), M paused (within).
        let september = try ws.store.periodStatistics(ReportPeriod.month(2026, 9)!, now: Self.printedAt)
        #expect(cells(september.total) == [5, 0, 5, 0, 1, 1, 0, 0, 4, 3, 1, 0, 0])
        // One day, 26/10: carried over L, M and N (received 20/10, refused that day: late); received that day
        // G and O (both within their limits at the end of the day).
        let day = try ws.store.periodStatistics(
            ReportPeriod(from: CivilDate(iso: "2026-10-26")!, to: CivilDate(iso: "2026-10-26")!)!, now: Self.printedAt)
        #expect(cells(day.total) == [5, 0, 2, 3, 1, 0, 0, 1, 4, 3, 1, 0, 0], "L overdue; M paused, G and O within")
    }

    @Test func statisticsReportAndCSV() throws {
        let (ws, _, ctx) = try dataset()
        let report = ReportForms.statistics(
            try ws.store.periodStatistics(Self.october, now: Self.printedAt), ctx, printedAt: Self.printedAt)
        let text = TextRenderer(pageSize: report.document.pageSize).text(report.document)
        expectGoldenText(text, "report-stats-2026-10")
        #expect(text.contains("Biểu số 06/VPCP/KSTT"))
        #expect(text.contains("Kỳ báo cáo: Tháng 10 năm 2026 (từ ngày 01/10/2026 đến ngày 31/10/2026)"))
        #expect(text.contains("Đơn vị báo cáo: Ủy ban nhân dân xã Tân Phú"))
        #expect(text.contains("Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân tỉnh Đồng Nai"))
        #expect(text.contains("(3) = (7) + (11) + (14) + (15): 12 = 7 + 4 + 1 + 0"))
        #expect(text.contains("Kết quả kiểm tra: các đẳng thức đúng trên mọi"))
        for n in 1...16 { #expect(text.contains("(\(n))"), "column number (\(n))") }
        let csv = report.csv
        #expect(
            csv.hasPrefix(
                "\u{FEFF}STT,Lĩnh vực giải quyết,Số hồ sơ nhận giải quyết: Tổng số,Số hồ sơ nhận giải quyết: Trực tuyến,"
            ), "\(csv.prefix(300))")
        #expect(
            csv.contains(
                ",Số hồ sơ không tiếp tục giải quyết: Rút hồ sơ,Số hồ sơ không tiếp tục giải quyết: Dừng giải quyết,Tỷ lệ đúng hạn (%)\r\n"
            ))
        #expect(csv.contains("\r\n3,Hộ tịch,6,0,4,2,3,1,0,2,2,1,1,1,0,33.33\r\n"), "\(csv)")
        #expect(csv.hasSuffix(",Tổng cộng,12,1,7,4,7,2,2,3,4,2,2,1,0,57.14\r\n"))
        // The sheet: typed values, the grouped headers and the column widths.
        let sheet = try #require(report.sheets.first)
        #expect(sheet.columns.count == 16 && sheet.groups.map(\.span).reduce(0, +) == 16)
        #expect(sheet.totals.first?[2] == .integer(12) && sheet.totals.first?[15] == .decimal(57.14))
        var rows: [[SheetValue]] = []
        try sheet.rows { rows.append($0) }
        #expect(rows.map { $0[0] } == [.integer(1), .integer(2), .integer(3), .integer(4)])
    }

    /// A ward registers tens of thousands of cases a year: a five-digit ledger number stays on one line in the
    /// printed ledger's "Số" column (it used to wrap after four digits). Six digits (100,000 cases in a year,
    /// beyond any commune; the benchmark's synthetic year has them) wrap rather than widen the column on
    /// every page.
    @Test func fiveDigitLedgerNumbersFitTheirColumn() {
        let renderer = TextRenderer(pageSize: .a4Landscape)
        var row = Array(repeating: "", count: ReportForms.ledgerTable.headers.count)
        row[0] = "99999"
        #expect(renderer.rowHeight(row, in: ReportForms.ledgerTable) == 1)
        row[0] = "100000"
        #expect(
            renderer.rowHeight(row, in: ReportForms.ledgerTable) == 2,
            "six digits wrap: the column is no wider than five need")
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
        #expect(d.receiptAppointment.iso == "2026-10-08 09:00", "the receipt's, not the apology's")
        #expect(ReportForms.ledgerNote(rows[2]) == "Rút hồ sơ")
        #expect(ReportForms.ledgerNote(rows[3]) == "Đã hủy")
        #expect(ReportForms.ledgerNote(rows[5]) == "Từ chối")
        #expect(ReportForms.ledgerNote(rows[0]) == "", "the new date has its own column")
        let report = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt)
        let text = TextRenderer(pageSize: report.document.pageSize).text(report.document)
        expectGoldenText(text, "report-ledger-2026-10")
        #expect(text.contains("SỔ THEO DÕI HỒ SƠ") && text.contains("Mẫu số 07") && text.contains("Trang 1/2"))
        #expect(text.contains("Quyển số: 2026") && text.contains("Tổng số: 9 hồ sơ (số thứ tự từ 6 đến 14)"))
        #expect(text.contains("NGƯỜI GHI SỔ") && text.contains("THỦ TRƯỞNG ĐƠN VỊ"))
        let table = try #require(
            report.document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.headers[8...9] == ["Hẹn trả", "Hẹn lại"])
        #expect(table.rows[0][8] == "08/10\n09:00" && table.rows[0][9] == "12/10\n09:00")
        #expect(table.rows[1][9] == "", "no apology, nothing in the column")
        #expect(report.csv.hasPrefix("\u{FEFF}so_vao_so,nam,ma_ho_so,"))
        #expect(report.csv.components(separatedBy: "\r\n").count == 11, "header, 9 rows, the empty end")
        // The sheet: typed values in the printed order.
        let sheet = try #require(report.sheets.first)
        var values: [[SheetValue]] = []
        try sheet.rows { values.append($0) }
        #expect(values.count == 9)
        #expect(values[0][0] == .integer(6) && values[0][1] == .text("2026") && values[0][4] == .integer(1))
        #expect(values[0][10] == .dateTime(LocalDateTime(iso: "2026-10-08 09:00")!))
        #expect(values[0][11] == .dateTime(LocalDateTime(iso: "2026-10-12 09:00")!) && values[1][11] == .empty)
    }

    /// The ledger's data read from the store as it is written (`ReportForms.data`) is the same, byte for byte
    /// and cell for cell, as the data of the ledger built whole; every other report's data is its built one.
    @Test func streamedLedgerDataEqualsTheBuiltLedger() throws {
        let (ws, _, ctx) = try dataset()
        let built = ReportForms.ledger(
            try ws.store.ledger(Self.october), period: Self.october, ctx, printedAt: Self.printedAt)
        let streamed = try ReportForms.data(
            .ledger, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt)
        var pieces: [String] = []
        try streamed.writeCSV { pieces.append($0) }
        #expect(pieces.joined() == built.csv)
        #expect(pieces.count == 1 + 9, "a header and one piece per case, never the whole file at once")
        #expect(streamed.name == built.name)
        func cells(_ sheet: ReportSheet) throws -> [[SheetValue]] {
            var rows: [[SheetValue]] = []
            try sheet.rows { rows.append($0) }
            return rows
        }
        #expect(try cells(streamed.sheets[0]) == cells(built.sheets[0]))
        #expect(streamed.sheets[0].heading == built.sheets[0].heading)
        for kind in [ReportKind.stats, .late, .evaluations] {
            let data = try ReportForms.data(
                kind, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt)
            let report = try ReportForms.build(
                kind, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt)
            var csv = ""
            try data.writeCSV { csv += $0 }
            #expect(csv == report.csv, "\(kind)")
        }
    }

    /// The ledger's text written page by page from the store (`writeLedgerText`, what `motcua report ledger`
    /// prints) is the built ledger's text byte for byte — two pages here, and the one page of an empty period —
    /// and comes one page at a time.
    @Test func ledgerTextWrittenPageByPageEqualsTheBuiltOne() throws {
        let (ws, _, ctx) = try dataset()
        let empty = ReportPeriod(from: CivilDate(iso: "2026-07-01")!, to: CivilDate(iso: "2026-07-31")!)!
        for period in [Self.october, empty] {
            let built = ReportForms.ledger(try ws.store.ledger(period), period: period, ctx, printedAt: Self.printedAt)
            let text = TextRenderer(pageSize: built.document.pageSize).text(built.document)
            var pages: [String] = []
            try ReportForms.writeLedgerText(period: period, store: ws.store, context: ctx, now: Self.printedAt) {
                pages.append($0)
            }
            #expect(pages.joined() == text, "\(period.vietnamese)")
            #expect(pages.count == text.components(separatedBy: "\u{000C}").count, "one piece per page")
        }
        // Every report through the one entry `motcua report` uses: the built document's text.
        for kind in ReportKind.allCases {
            let built = try ReportForms.build(
                kind, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt)
            var text = ""
            try ReportForms.writeText(
                kind, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt
            ) { text += $0 }
            #expect(text == TextRenderer(pageSize: built.document.pageSize).text(built.document), "\(kind)")
        }
        // A late list long enough for several pages, laid out page by page.
        let late = try ws.store.lateCases(Self.october, now: Self.printedAt, calendar: try ws.calendar())
        let many = (0..<40).flatMap { _ in late }
        let built = ReportForms.lateCases(many, period: Self.october, ctx, printedAt: Self.printedAt)
        var pages: [String] = []
        try ReportForms.writeLateText(many, period: Self.october, ctx, printedAt: Self.printedAt) { pages.append($0) }
        let text = TextRenderer(pageSize: built.document.pageSize).text(built.document)
        #expect(pages.count > 2 && pages.joined() == text)
    }

    /// For the screen (F7) a long list is one table with every row and no page furniture: the same rows as
    /// the printed pages, without laying the pages out.
    @Test func onTheScreenALongListIsOneTable() throws {
        let (ws, _, ctx) = try dataset()
        let rows = (0..<12).flatMap { _ in (try? ws.store.ledger(Self.october)) ?? [] }
        func tables(_ d: Document) -> [DocumentTable] {
            d.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
        }
        let paged = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt).document
        let screen = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt, layout: .oneTable)
            .document
        #expect(tables(paged).count > 1)
        #expect(tables(screen).count == 1 && tables(screen)[0].rows == tables(paged).flatMap(\.rows))
        #expect(!screen.blocks.contains { if case .textPagination = $0 { true } else { false } })
        let late = try ws.store.lateCases(Self.october, now: Self.printedAt, calendar: try ws.calendar())
        let lateScreen = ReportForms.lateCases(
            (0..<40).flatMap { _ in late }, period: Self.october, ctx, printedAt: Self.printedAt, layout: .oneTable)
        #expect(tables(lateScreen.document).count == 1 && tables(lateScreen.document)[0].rows.count == 40 * late.count)
    }

    /// The ledger for the screen reads its lines by position from the store: the same lines, in the same
    /// order, as the ledger built whole, in any range asked; the same heading and closing.
    @Test func theLedgerOnTheScreenReadsItsLinesByPosition() throws {
        let (ws, _, ctx) = try dataset()
        let rows = try ws.store.ledger(Self.october)
        #expect(try ws.store.ledgerRows(ids: ws.store.ledgerOrder(Self.october)) == rows)
        let built = ReportForms.ledger(rows, period: Self.october, ctx, printedAt: Self.printedAt, layout: .oneTable)
        let screen = try ReportForms.build(
            .ledger, period: Self.october, day: Self.october.to, store: ws.store, context: ctx, now: Self.printedAt,
            layout: .oneTable)
        func table(_ d: Document) -> DocumentTable? {
            d.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first
        }
        let source = try #require(table(screen.document)?.rowSource)
        let cells = try #require(table(built.document)).rows
        #expect(source.count == cells.count && source.fetch(0..<source.count) == cells)
        #expect(source.fetch(2..<5) == Array(cells[2..<5]))
        var withoutRows = screen.document.blocks
        var expected = built.document.blocks
        for i in withoutRows.indices { if case .table = withoutRows[i] { withoutRows[i] = .space(0) } }
        for i in expected.indices { if case .table = expected[i] { expected[i] = .space(0) } }
        #expect(withoutRows == expected, "heading and closing as the built ledger's")
        #expect(screen.csv == built.csv)
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
        #expect(late.map(\.code) == ["L", "B", "D", "N", "G"].map { codes[$0]! }, "by legal deadline")
        // B: due 02/10 09:00, result 15:00 that day: 09:00–11:30 and 13:00–15:00 late.
        #expect(
            late.map { RemainingTime.durationText(minutes: $0.lateMinutes) } == [
                "27 ngày 6 giờ", "4 giờ 30 phút", "1 ngày 1 giờ", "1 ngày", "1 ngày 6 giờ"
            ])
        #expect(late[0].lateBodies == ["Bộ phận một cửa (chưa chuyển hồ sơ)"] && late[0].resultAt == nil)
        // B's police step: handed over Wed 23/09 10:00 + 7 working days = Fri 02/10 10:00; done 14:00.
        #expect(late[1].lateBodies == ["Công an xã (bước 1, quá 2 giờ 30 phút)"])
        #expect(late[1].reasons.isEmpty && !late[1].apologised, "the step's result note is not a reason for delay")
        #expect(late[2].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 1 ngày 4 giờ)"])
        #expect(late[2].reasons == ["Xin lỗi: Chờ xác minh thông tin khai sinh tại nơi đăng ký trước đây"])
        #expect(late[2].apologised && !late[2].lateApology)
        #expect(late[3].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 1 ngày 7 giờ)"])
        #expect(late[3].reasons == ["Từ chối sau thời hạn: Người yêu cầu không đủ điều kiện theo quy định"])
        #expect(
            late[4].lateBodies == ["Công chức Tư pháp - Hộ tịch (bước 1, quá 2 ngày 5 giờ)"] && late[4].resultAt == nil)
        #expect(late.map(ReportForms.apologyText) == ["CHƯA CÓ", "CHƯA CÓ", "Có", "CHƯA CÓ", "CHƯA CÓ"])
        let report = ReportForms.lateCases(late, period: Self.october, ctx, printedAt: Self.printedAt)
        let text = TextRenderer(pageSize: report.document.pageSize).text(report.document)
        expectGoldenText(text, "report-late-2026-10")
        #expect(text.contains("4 hồ sơ chưa có văn bản xin lỗi (Mẫu 04)"))
        #expect(!text.contains("Đã xử lý xong") && !text.contains("Đã xác minh xong"), "no step result notes")
        #expect(report.csv.hasPrefix("\u{FEFF}ma_ho_so,"))
        #expect(
            report.csv.contains(
                "\(codes["D"]!),Đỗ Văn Dũng,Cấp Giấy xác nhận tình trạng hôn nhân,Hộ tịch,2026-10-08 09:00,2026-10-09 10:00,540,"
            ))
        let sheet = try #require(report.sheets.first)
        var values: [[SheetValue]] = []
        try sheet.rows { values.append($0) }
        #expect(values[2][4] == .dateTime(LocalDateTime(iso: "2026-10-08 09:00")!) && values[2][6] == .integer(540))
        #expect(values[0][5] == .empty, "no result yet")
    }

    /// Worked by hand from the dataset (indices 1, 2, 7 from the record, 3 and 4 as recorded):
    /// - A (Lê Thị Tiếp, Hộ tịch): result 01/10 09:00, due 02/10 10:00: early (2); justice step due 01/10
    ///   10:30 done 30/09, leader's step due 01/10 09:00 done 30/09: both early (2); early return, no
    ///   complaint (7: 2); 3 and 4 recorded 2 — 10 points.
    /// - B (Lê Thị Tiếp, Cư trú): result 15:00 on its due day, due 09:00: late (0); the police step due 02/10
    ///   10:00 done 14:00: late (0); no complaint, not early (7: 1); 3 and 4: 2 — 5 points.
    /// - E (Võ Văn Hai, Chứng thực): result 16:00, due 17:00 that day: on time (1); both steps finished on
    ///   their due day before the hour: on time (1); 7: 1; 3 and 4: 2 — 7 points.
    /// D and H are evaluated with satisfaction levels.
    @Test func evaluationsOfOctober() throws {
        let (ws, _, ctx) = try dataset()
        let summary = EvaluationSummary(
            try ws.store.evaluations(Self.october), period: Self.october, unitName: "Toàn đơn vị")
        #expect(summary.officers.map(\.name) == ["Lê Thị Tiếp", "Võ Văn Hai"])
        let le = summary.officers[0]
        #expect(le.indexedCases == 2 && le.average(.totalTime) == 1 && le.average(.bodyTime) == 1)
        #expect(le.average(.attitude) == 1.5 && le.averagePoints == 7.5)
        #expect(le.band == "Hoàn thành" && le.levelCases == 1 && le.share(.dissatisfied) == 1)
        let vo = summary.officers[1]
        #expect(vo.indexedCases == 1 && vo.averagePoints == 7 && vo.share(.verySatisfied) == 1)
        let unit = summary.unit
        #expect(unit.indexedCases == 3 && unit.levelCases == 2)
        #expect(
            ReportForms.average(unit.average(.totalTime)) == "1,0"
                && ReportForms.average(unit.average(.attitude)) == "1,3")
        #expect(ReportForms.average(unit.averagePoints) == "7,3", "22 / 3, one decimal")
        #expect(unit.share(.verySatisfied) == 0.5 && unit.share(.satisfied) == 0 && unit.share(.dissatisfied) == 0.5)
        // Per processing body, index 2 is the body's own: the police were late on B (0); the justice office
        // early on A (2) and on time on E (1).
        #expect(
            summary.bodies.map(\.name) == [
                "Bảo hiểm xã hội cơ sở", "Công an xã", "Công chức Tư pháp - Hộ tịch", "Lãnh đạo UBND xã"
            ])
        #expect(summary.bodies[1].indexedCases == 1 && summary.bodies[1].average(.bodyTime) == 0)
        #expect(summary.bodies[2].indexedCases == 2 && summary.bodies[2].average(.bodyTime) == 1.5)
        #expect(summary.fields.map(\.name) == ["Chứng thực", "Cư trú", "Hộ tịch", "Liên thông"])
        #expect(summary.fields.map(\.averagePoints) == [7, 5, 10, nil])
        let report = ReportForms.evaluations(summary, ctx, printedAt: Self.printedAt)
        expectGoldenText(
            TextRenderer(pageSize: report.document.pageSize).text(report.document), "report-evaluations-2026-10")
        #expect(
            report.csv.contains(
                "don_vi,Toàn đơn vị,3,\"1,0\",\"1,0\",\"2,0\",\"2,0\",\"1,3\",\"7,3\",Hoàn thành,2,\"50,0%\",\"0,0%\",\"50,0%\""
            ),
            "\(report.csv)")
        #expect(report.sheets.map(\.name) == ["Cán bộ tiếp nhận", "Cơ quan giải quyết", "Lĩnh vực"])
        #expect(
            report.sheets[0].columns.map(\.title)[2...6] == ["Chỉ số 1", "Chỉ số 2", "Chỉ số 3", "Chỉ số 4", "Chỉ số 7"]
        )
        #expect(report.sheets[0].totals.first?[7] == .decimal(7.3))
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
