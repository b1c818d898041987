import MotCuaCore
import MotCuaStore

/// A report: the document for the preview and the printer, the same data as CSV, and its tables typed for a
/// spreadsheet (`sheets`: numbers as numbers, dates as dates, the printed column titles and widths).
public struct Report: Sendable {
    public let document: Document
    /// File name without extension, e.g. "so-theo-doi-2026-10-01-2026-12-31".
    public let name: String
    let makeCSV: @Sendable () -> String
    /// One sheet per table of the report, in the printed order.
    public let sheets: [ReportSheet]

    public init(document: Document, csv: @escaping @Sendable () -> String, name: String, sheets: [ReportSheet] = []) {
        self.document = document
        self.makeCSV = csv
        self.name = name
        self.sheets = sheets
    }

    /// UTF-8 CSV text starting with a byte-order mark (so spreadsheet programs read Vietnamese correctly),
    /// lines ending CRLF. Built when asked (a year's ledger is large).
    public var csv: String { makeCSV() }
}

/// What a report's data export writes: its CSV (written piece by piece) and its sheets.
public struct ReportData: Sendable {
    /// File name without extension, the same as the report's.
    public let name: String
    public let caption: String
    public let sheets: [ReportSheet]
    /// Writes the CSV (UTF-8 with a byte-order mark, CRLF) through `write`, piece by piece.
    public let writeCSV: @Sendable (_ write: (String) throws -> Void) throws -> Void
}

/// A store used by a report's streamed rows: they are read synchronously, on the thread that writes them.
final class StoreReader: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}

/// How a report's long tables are laid out: in text pages (printing as text, saving, `motcua report`), or
/// each as one table for what lays out or scrolls rows itself — the screen (F7) and the PDF renderer, which
/// draws one table exactly as the text pages' chunks (a test renders both). Built from the store as one
/// table, the ledger's lines are read as they are drawn (`DocumentTable.rowSource`), never all at once.
public enum ReportLayout: Sendable {
    case pages
    case oneTable
}

/// The reports of F7 and `motcua report`.
public enum ReportKind: String, Sendable, CaseIterable {
    case ledger, stats, late, evaluations, daily

    public var vietnameseName: String {
        switch self {
        case .ledger: "Sổ theo dõi hồ sơ"
        case .stats: "Thống kê theo lĩnh vực (Biểu 06)"
        case .late: "Hồ sơ quá hạn"
        case .evaluations: "Đánh giá của người nộp"
        case .daily: "Tổng hợp cuối ngày"
        }
    }

    /// The caption of the report's document (what a saved or written copy is called).
    public var caption: String {
        switch self {
        case .ledger: "Sổ theo dõi hồ sơ"
        case .stats: "Thống kê tình hình giải quyết hồ sơ"
        case .late: "Danh sách hồ sơ quá hạn"
        case .evaluations: "Kết quả đánh giá của người nộp hồ sơ"
        case .daily: "Tổng hợp cuối ngày"
        }
    }
}

/// The reports (F7, `motcua report`): the tracking ledger, the period statistics (Biểu 06/VPCP/KSTT), late
/// cases, evaluations and the daily summary.
public enum ReportForms {
    /// Builds a report from the store: `period` for all but the daily summary, which is of `day`.
    public static func build(
        _ kind: ReportKind, period: ReportPeriod?, day: CivilDate, store: Store, context ctx: PrintContext,
        now: LocalDateTime, layout: ReportLayout = .pages
    ) throws -> Report {
        let calendar = try store.calendarConfig().makeCalendar()
        let p = period ?? ReportPeriod(from: day, to: day)!
        switch kind {
        case .ledger where layout == .oneTable: return try ledgerReadAsDrawn(p, store: store, ctx, printedAt: now)
        case .ledger: return ledger(try store.ledger(p), period: p, ctx, printedAt: now, layout: layout)
        case .stats: return statistics(try store.periodStatistics(p, now: now), ctx, printedAt: now)
        case .late:
            return lateCases(
                try store.lateCases(p, now: now, calendar: calendar), period: p, ctx, printedAt: now, layout: layout)
        case .evaluations:
            return evaluations(
                EvaluationSummary(try store.evaluations(p), period: p, unitName: "Toàn đơn vị"), ctx, printedAt: now)
        case .daily: return daily(try store.dailySummary(day, calendar: calendar), ctx, printedAt: now)
        }
    }

    static let bom = "\u{FEFF}"

    /// A report as text (as printed) through `write`, one page at a time for the long lists: the ledger is
    /// read from the store as it is written, the late list laid out page by page; the others are built whole
    /// (a bounded number of rows). The text is the built document's, byte for byte.
    public static func writeText(
        _ kind: ReportKind, period: ReportPeriod?, day: CivilDate, store: Store, context ctx: PrintContext,
        now: LocalDateTime, _ write: (String) throws -> Void
    ) throws {
        switch (kind, period) {
        case (.ledger, let p?):
            try writeLedgerText(period: p, store: store, context: ctx, now: now, write)
        case (.late, let p?):
            let calendar = try store.calendarConfig().makeCalendar()
            try writeLateText(
                try store.lateCases(p, now: now, calendar: calendar), period: p, ctx, printedAt: now, write)
        default:
            let report = try build(kind, period: period, day: day, store: store, context: ctx, now: now)
            try write(TextRenderer(pageSize: report.document.pageSize).text(report.document))
        }
    }

    /// A report's data without its document, for `--format csv|xlsx` and Ctrl-E. The ledger's rows come
    /// from the store as they are written, so a year's ledger is never held whole; the other reports hold
    /// a bounded number of rows (fields, late cases, evaluations of a period, a day) and take their data from
    /// the built report.
    public static func data(
        _ kind: ReportKind, period: ReportPeriod?, day: CivilDate, store: Store, context ctx: PrintContext,
        now: LocalDateTime
    ) throws -> ReportData {
        guard kind == .ledger, let p = period else {
            let report = try build(kind, period: period, day: day, store: store, context: ctx, now: now)
            return ReportData(
                name: report.name, caption: report.document.caption, sheets: report.sheets,
                writeCSV: { try $0(report.csv) })
        }
        let books = ledgerBooks(years: try store.ledgerYears(p), period: p, ctx)
        // The sheet's rows are read while it is written, on this thread; the store is not shared.
        let reader = StoreReader(store)
        let each: LedgerSource = { body in try reader.store.forEachLedgerRow(p, body) }
        return ReportData(
            name: ledgerName(p), caption: ReportKind.ledger.caption,
            sheets: [ledgerSheet(books: books, period: p, ctx, each)],
            writeCSV: { try writeLedgerCSV(each, $0) })
    }

    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        bom + CSV.line(header) + rows.map(CSV.line).joined()
    }

    static func periodName(_ p: ReportPeriod) -> String { "\(p.from.iso)-\(p.to.iso)" }

    /// The heading every report shares: issuing body and counter, title, period.
    static func heading(
        _ title: String, number: String = "", _ ctx: PrintContext, period: String, printedAt: LocalDateTime
    ) -> [DocumentBlock] {
        var b: [DocumentBlock] = []
        if !number.isEmpty { b.append(.line(number, .right)) }
        b.append(
            .header(
                left: [ctx.unit.governingBody.uppercased(), ctx.unit.counterName.uppercased()],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]))
        b.append(.space(1))
        b.append(.title(title, subtitle: [period]))
        b.append(.line("Lập lúc \(printedAt.time.text) ngày \(printedAt.date.vietnamese)", .center))
        b.append(.space(1))
        return b
    }

    /// "000.00.15.H42-261119-0001" on two lines, broken after the unit's code (a narrow column).
    static func splitCode(_ code: String) -> String {
        guard let dash = code.firstIndex(of: "-") else { return code }
        return String(code[...dash]) + "\n" + String(code[code.index(after: dash)...])
    }

    static func date(_ t: LocalDateTime?) -> String {
        t.map { "\(($0.date.day).zeroPadded())/\(($0.date.month).zeroPadded())" } ?? ""
    }
    static func dateTime(_ t: LocalDateTime) -> String {
        "\((t.date.day).zeroPadded())/\((t.date.month).zeroPadded())\n\(t.time.text)"
    }

    /// The heading lines of a report's sheet: title, unit, period.
    static func sheetHeading(_ title: String, _ ctx: PrintContext, period: String) -> [String] {
        [title, "\(ReceptionForms.governingBodyInText(ctx.unit)) — \(ctx.counterName)", period]
    }

    /// The CSV of a sheet (UTF-8 with a byte-order mark, CRLF), as one string.
    static func csv(of sheet: ReportSheet) -> String {
        var out = ""
        try? sheet.writeCSV { out += $0 }
        return out
    }

    static func optionalDateTime(_ t: LocalDateTime?) -> SheetValue { t.map { .dateTime($0) } ?? .empty }

    // MARK: Statistics

    static let statisticsTitle =
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"

    /// The printed columns (1) to (16): STT, field, the thirteen of the form's body, then withdrawn and
    /// stopped (so that the received add up), and the rate.
    static let statisticsColumns: [ReportSheet.Column] = [
        .init("STT", width: 5), .init("Lĩnh vực giải quyết", width: 24), .init("Tổng số", width: 9),
        .init("Trực tuyến", width: 9), .init("Trực tiếp, bưu chính", width: 10),
        .init("Kỳ trước chuyển sang", width: 10), .init("Tổng số", width: 9), .init("Trước hạn", width: 9),
        .init("Đúng hạn", width: 9), .init("Quá hạn", width: 9), .init("Tổng số", width: 9),
        .init("Trong hạn", width: 9), .init("Quá hạn", width: 9), .init("Rút hồ sơ", width: 9),
        .init("Dừng giải quyết", width: 10), .init("(%)", width: 9)
    ]

    static let statisticsGroups: [(title: String, span: Int)] = [
        ("", 1), ("", 1), ("Số hồ sơ nhận giải quyết", 4), ("Số hồ sơ đã giải quyết", 4),
        ("Số hồ sơ đang giải quyết", 3), ("Số hồ sơ không tiếp tục giải quyết", 2), ("Tỷ lệ đúng hạn", 1)
    ]

    static func statisticsValues(_ r: StatisticsRow, number: Int?) -> [SheetValue] {
        [number.map { .integer($0) } ?? .empty, .text(r.field)] + r.counts.map { .integer($0) }
            + [r.onTimeRate.map { .decimal(($0 * 10000).rounded() / 100) } ?? .empty]
    }

    static func statisticsCells(_ r: StatisticsRow, number: Int?) -> [String] {
        [number.map(String.init) ?? "", r.field] + r.counts.map(String.init) + [r.onTimeRateText]
    }

    /// The form's identities with the column numbers, the checks' figures on the total row, and what failed.
    static func statisticsChecks(_ s: PeriodStatistics, printedAt: LocalDateTime) -> [DocumentBlock] {
        func name(_ identity: StatisticsCheck.Identity) -> String {
            switch identity {
            case .receivedByChannel: "(3) = (4) + (5) + (6)"
            case .receivedByOutcome: "(3) = (7) + (11) + (14) + (15)"
            case .resolvedByVerdict: "(7) = (8) + (9) + (10)"
            case .pendingByLimit: "(11) = (12) + (13)"
            case .totalOfColumn(let column): "cột (\(column)) của dòng \(s.total.field) = tổng các lĩnh vực"
            }
        }
        func figures(_ c: StatisticsCheck) -> String {
            "\(c.left) \(c.holds ? "=" : "≠") \(c.right.map(String.init).joined(separator: " + "))"
        }
        let onTotal = s.total.checks.map { "\(name($0.identity)): \(figures($0))" }
        let failed = s.failedChecks
        let verdict =
            failed.isEmpty
            ? "Kết quả kiểm tra: các đẳng thức đúng trên mọi dòng; dòng \(s.total.field) bằng tổng các lĩnh vực ở mọi cột."
            : "SAI LỆCH: " + failed.map { "\($0.row): \(name($0.identity)): \(figures($0))" }.joined(separator: "; ")
                + "."
        return [
            .paragraph(
                "Kiểm tra trên dòng \(s.total.field): \(onTotal.joined(separator: "; ")). \(verdict) Số liệu lập lúc \(printedAt.time.text) ngày \(printedAt.date.vietnamese)."
            )
        ]
    }

    /// "Kỳ báo cáo: Tháng 10 năm 2026 (từ ngày 01/10/2026 đến ngày 31/10/2026)".
    static func reportingPeriod(_ p: ReportPeriod) -> String {
        let range = "từ ngày \(p.from.vietnamese) đến ngày \(p.to.vietnamese)"
        let name = p.vietnamese
        return name.hasPrefix("Từ ngày") ? "Kỳ báo cáo: \(range)" : "Kỳ báo cáo: \(name) (\(range))"
    }

    /// The unit that receives the commune's report: the province's people's committee office.
    static func receivingUnit(_ unit: UnitProfile) -> String {
        unit.province.isEmpty
            ? "Văn phòng Ủy ban nhân dân tỉnh" : "Văn phòng Ủy ban nhân dân \(ReceptionForms.lowerFirst(unit.province))"
    }

    /// The period statistics in the layout of Biểu 06/VPCP/KSTT: the full title, the reporting period, the
    /// reporting and receiving units, one numbered row per field and the total, the row of column numbers,
    /// withdrawn and stopped cases in their own columns (14) and (15) so that (3) = (7) + (11) + (14) + (15)
    /// holds on the paper; every identity checked and printed with its figures.
    public static func statistics(_ s: PeriodStatistics, _ ctx: PrintContext, printedAt: LocalDateTime) -> Report {
        var b: [DocumentBlock] = [.line("Biểu số 06/VPCP/KSTT", .right)]
        b.append(
            .header(
                left: [ctx.unit.governingBody.uppercased(), ctx.unit.counterName.uppercased()],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]))
        b.append(.space(1))
        b.append(.title(statisticsTitle, subtitle: [reportingPeriod(s.period)]))
        b.append(.space(1))
        b.append(.field(label: "Đơn vị báo cáo", value: ReceptionForms.governingBodyInText(ctx.unit)))
        b.append(.field(label: "Đơn vị nhận báo cáo", value: receivingUnit(ctx.unit)))
        b.append(.line("Đơn vị tính: số hồ sơ", .right))
        // Widths in characters: they add up to the line's room at 160 columns (16 columns).
        b.append(
            .table(
                DocumentTable(
                    headers: statisticsColumns.map(\.title), widths: [3, 22] + Array(repeating: 6, count: 13) + [8],
                    alignments: [.right, .left] + Array(repeating: .right, count: 14),
                    rows: s.rows.enumerated().map { statisticsCells($1, number: $0 + 1) }
                        + [statisticsCells(s.total, number: nil)],
                    groups: statisticsGroups, columnNumbers: DocumentTable.numbers(16))))
        b.append(
            .paragraph(
                "(3) = (4) + (5) + (6) = (7) + (11) + (14) + (15); (7) = (8) + (9) + (10); (11) = (12) + (13); (16) = [(8) + (9)] / (7). Đã giải quyết: có kết quả (hoặc từ chối) trong kỳ, so với hạn giải quyết theo quy định, không theo hạn hẹn lại — trước hạn: trước ngày hết hạn; đúng hạn: trong ngày hết hạn, không muộn hơn giờ hết hạn; quá hạn: sau giờ hết hạn. Đang giải quyết: chưa có kết quả tại cuối kỳ. Hồ sơ liên thông tính một lần; hồ sơ hủy do nhập nhầm không tính."
            ))
        b += statisticsChecks(s, printedAt: printedAt)
        b.append(.line(FormalDate.placeAndDate(ctx.unit.placeName, printedAt.date), .right))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI LẬP BIỂU"),
                Signature(title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)")
            ]))
        let document = Document(
            kind: "thong-ke-\(periodName(s.period))", caption: ReportKind.stats.caption,
            pageSize: .a4Landscape, blocks: b)
        let rows = s.rows
        let sheet = ReportSheet(
            name: "Biểu 06",
            heading: [
                "Biểu số 06/VPCP/KSTT", statisticsTitle, reportingPeriod(s.period),
                "Đơn vị báo cáo: \(ReceptionForms.governingBodyInText(ctx.unit))",
                "Đơn vị nhận báo cáo: \(receivingUnit(ctx.unit))"
            ],
            groups: statisticsGroups, columns: statisticsColumns,
            totals: [statisticsValues(s.total, number: nil)]
        ) { emit in
            for (i, r) in rows.enumerated() { try emit(statisticsValues(r, number: i + 1)) }
        }
        return Report(document: document, csv: { csv(of: sheet) }, name: document.kind, sheets: [sheet])
    }

    // MARK: Late cases

    /// "Có", "Có (xin lỗi muộn)" or "CHƯA CÓ": whether the late case had its apology (Mẫu 04).
    static func apologyText(_ c: LateCase) -> String {
        c.apologised ? (c.lateApology ? "Có (xin lỗi muộn)" : "Có") : "CHƯA CÓ"
    }

    static let lateColumns: [ReportSheet.Column] = [
        .init("Mã hồ sơ", width: 26), .init("Người nộp", width: 24), .init("Thủ tục", width: 40),
        .init("Lĩnh vực", width: 14), .init("Hạn giải quyết", width: 16), .init("Có kết quả", width: 16),
        .init("Quá hạn (phút làm việc)", width: 12), .init("Quá hạn", width: 14), .init("Cơ quan trễ hạn", width: 40),
        .init("Văn bản xin lỗi (Mẫu 04)", width: 14), .init("Lý do chậm trễ", width: 50)
    ]

    /// The late list as text, written page by page (its rows are laid out twice, never all at once; their
    /// cells are made once, as the cases they come from are held).
    static func writeLateText(
        _ cases: [LateCase], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime,
        _ write: (String) throws -> Void
    ) throws {
        let cells = cases.map(lateCells)
        try writePagedText(
            lateTable, first: lateFirst(period, ctx, printedAt: printedAt), continuation: lateContinuation(period),
            after: { _ in lateAfter(cases) }, pageSize: .a4Landscape,
            rows: { body in for row in cells { try body(row) } }, write: write)
    }

    static func lateFirst(_ period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime) -> [DocumentBlock] {
        heading("DANH SÁCH HỒ SƠ QUÁ HẠN", ctx, period: period.vietnamese, printedAt: printedAt)
    }

    static func lateContinuation(_ period: ReportPeriod) -> String { "Danh sách hồ sơ quá hạn — \(period.vietnamese)" }

    /// The late list's printed table, without rows.
    static let lateTable = DocumentTable(
        headers: [
            "Mã hồ sơ", "Người nộp", "Thủ tục", "Hạn giải quyết", "Có kết quả", "Quá", "Cơ quan trễ hạn",
            "Xin lỗi (Mẫu 04)", "Lý do chậm trễ"
        ],
        widths: [15, 14, 18, 11, 11, 8, 20, 9, 26], rows: [], ruled: true)

    static func lateCells(_ c: LateCase) -> [String] {
        [
            splitCode(c.code), c.applicantName, c.procedureName,
            "\(c.legalDue.time.text) \(c.legalDue.date.vietnamese)",
            c.resultAt.map { "\($0.time.text) \($0.date.vietnamese)" } ?? "chưa có",
            RemainingTime.durationText(minutes: c.lateMinutes),
            c.lateBodies.isEmpty ? "(không bước nào quá hạn riêng)" : c.lateBodies.joined(separator: "\n"),
            apologyText(c), c.reasons.isEmpty ? "(không ghi nhận lý do)" : c.reasons.joined(separator: "\n")
        ]
    }

    static func lateAfter(_ cases: [LateCase]) -> [DocumentBlock] {
        let unapologised = cases.filter { !$0.apologised }.count
        return [
            .space(1),
            .line(
                "Tổng số: \(cases.count) hồ sơ quá hạn (đã có kết quả quá hạn trong kỳ, hoặc chưa có kết quả và quá hạn tại cuối kỳ); \(unapologised) hồ sơ chưa có văn bản xin lỗi (Mẫu 04).",
                .left)
        ]
    }

    public static func lateCases(
        _ cases: [LateCase], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime,
        layout: ReportLayout = .pages
    ) -> Report {
        var table = lateTable
        table.rows = cases.map(lateCells)
        let blocks = paginate(
            table, first: lateFirst(period, ctx, printedAt: printedAt), continuation: lateContinuation(period),
            after: lateAfter(cases), pageSize: .a4Landscape, layout: layout)
        let document = Document(
            kind: "ho-so-qua-han-\(periodName(period))", caption: ReportKind.late.caption, pageSize: .a4Landscape,
            blocks: blocks)
        let sheet = ReportSheet(
            name: "Hồ sơ quá hạn", heading: sheetHeading("DANH SÁCH HỒ SƠ QUÁ HẠN", ctx, period: period.vietnamese),
            columns: lateColumns
        ) { emit in
            for c in cases {
                try emit([
                    .text(c.code), .text(c.applicantName), .text(c.procedureName), .text(c.field),
                    .dateTime(c.legalDue),
                    optionalDateTime(c.resultAt), .integer(c.lateMinutes),
                    .text(RemainingTime.durationText(minutes: c.lateMinutes)),
                    .text(c.lateBodies.joined(separator: "; ")),
                    .text(apologyText(c)), .text(c.reasons.joined(separator: "; "))
                ])
            }
        }
        let csvText: @Sendable () -> String = {
            csv(
                [
                    "ma_ho_so", "nguoi_nop", "thu_tuc", "linh_vuc", "han_giai_quyet", "co_ket_qua", "qua_phut_lam_viec",
                    "co_quan_tre_han", "xin_loi_mau_04", "ly_do"
                ],
                cases.map { c in
                    [
                        c.code, c.applicantName, c.procedureName, c.field, c.legalDue.iso, c.resultAt?.iso ?? "",
                        String(c.lateMinutes),
                        c.lateBodies.joined(separator: "; "), c.apologised ? (c.lateApology ? "muon" : "co") : "khong",
                        c.reasons.joined(separator: "; ")
                    ]
                })
        }
        return Report(document: document, csv: csvText, name: document.kind, sheets: [sheet])
    }

    // MARK: Evaluations

    static func percent(_ v: Double?) -> String { v.map { vietnameseDecimal($0 * 100, digits: 1) + "%" } ?? "—" }

    /// Averages with one decimal (domain.md §8).
    static func average(_ v: Double?) -> String { v.map { vietnameseDecimal($0, digits: 1) } ?? "—" }

    static func evaluationCells(_ g: EvaluationSummary.Group) -> [String] {
        [g.name, String(g.indexedCases)] + EvaluationIndex.allCases.map { average(g.average($0)) }
            + [average(g.averagePoints), g.band ?? "—", String(g.levelCases)]
            + SatisfactionLevel.allCases.map { percent(g.share($0)) }
    }

    static func evaluationValues(_ g: EvaluationSummary.Group) -> [SheetValue] {
        func one(_ v: Double?) -> SheetValue { v.map { .decimal(($0 * 10).rounded() / 10) } ?? .empty }
        return [.text(g.name), .integer(g.indexedCases)] + EvaluationIndex.allCases.map { one(g.average($0)) }
            + [one(g.averagePoints), g.band.map { .text($0) } ?? .empty, .integer(g.levelCases)]
            + SatisfactionLevel.allCases.map { level in one(g.share(level).map { $0 * 100 }) }
    }

    static func evaluationHeaders(_ first: String) -> [String] {
        [first, "Số hồ sơ chấm điểm"] + EvaluationIndex.allCases.map { "Chỉ số \($0.lawNumber)" }
            + ["Điểm bình quân (0–10)", "Xếp loại", "Số phiếu mức độ hài lòng"]
            + SatisfactionLevel.allCases.map { "\($0.vietnameseName) (%)" }
    }

    /// The three groupings of the evaluations: by receiving officer, by processing body, by field.
    static func evaluationTables(_ s: EvaluationSummary) -> [(
        title: String, first: String, groups: [EvaluationSummary.Group]
    )] {
        [
            ("Theo cán bộ tiếp nhận", "Cán bộ tiếp nhận", s.officers),
            ("Theo cơ quan giải quyết (chỉ số 2 là của chính cơ quan)", "Cơ quan giải quyết", s.bodies),
            ("Theo lĩnh vực", "Lĩnh vực", s.fields)
        ]
    }

    /// The evaluations of the period (domain.md §8): the indices 1, 2, 3, 4 and 7 averaged with one decimal,
    /// per receiving officer, per processing body and per field, each table ending with the unit; the
    /// satisfaction levels' shares beside them.
    public static func evaluations(_ s: EvaluationSummary, _ ctx: PrintContext, printedAt: LocalDateTime) -> Report {
        var b = heading("KẾT QUẢ ĐÁNH GIÁ CỦA NGƯỜI NỘP HỒ SƠ", ctx, period: s.period.vietnamese, printedAt: printedAt)
        for (i, t) in evaluationTables(s).enumerated() {
            b.append(.line("\(i + 1). \(t.title)", .left))
            b.append(
                .table(
                    DocumentTable(
                        headers: evaluationHeaders(t.first), widths: [22, 8, 7, 7, 7, 7, 7, 9, 15, 8, 8, 7, 8],
                        alignments: [.left] + Array(repeating: .right, count: 7) + [.left]
                            + Array(repeating: .right, count: 4),
                        rows: t.groups.map(evaluationCells) + [evaluationCells(s.unit)])))
            b.append(.space(1))
        }
        b.append(.paragraph("Các chỉ số (điểm 2, 1 hoặc 0 cho mỗi hồ sơ, bình quân theo số hồ sơ chấm điểm):"))
        for index in EvaluationIndex.allCases {
            b.append(
                .listItem(
                    number: index.lawNumber,
                    text:
                        "\(index.vietnameseName): 2 — \(index.scoreMeanings[0]); 1 — \(index.scoreMeanings[1]); 0 — \(index.scoreMeanings[2])"
                ))
        }
        b.append(
            .paragraph(
                "Chỉ số 1 và 2 tính theo hồ sơ (thời điểm có kết quả so với hạn giải quyết; mỗi bước so với hạn của bước, hồ sơ lấy điểm của cơ quan thấp nhất); chỉ số 7 theo thời gian khi không có phản ánh, 0 khi có phản ánh; chỉ số 3 và 4 theo phiếu đánh giá. Xếp loại: điểm bình quân từ 5 trở lên là hoàn thành. Dòng cuối mỗi bảng là của toàn đơn vị. Tỷ lệ hài lòng tính trên số phiếu chọn mức độ hài lòng."
            ))
        let document = Document(
            kind: "danh-gia-\(periodName(s.period))", caption: ReportKind.evaluations.caption,
            pageSize: .a4Landscape, blocks: b)
        let widths: [Double] = [30, 10, 8, 8, 8, 8, 8, 10, 16, 10, 12, 10, 12]
        let sheets = evaluationTables(s).map { t in
            let groups = t.groups
            return ReportSheet(
                name: t.first,
                heading: sheetHeading(
                    "KẾT QUẢ ĐÁNH GIÁ CỦA NGƯỜI NỘP HỒ SƠ — \(t.title)", ctx, period: s.period.vietnamese),
                columns: zip(evaluationHeaders(t.first), widths).map { ReportSheet.Column($0, width: $1) },
                totals: [evaluationValues(s.unit)]
            ) { emit in
                for g in groups { try emit(evaluationValues(g)) }
            }
        }
        let csvText: @Sendable () -> String = {
            csv(
                ["nhom", "ten", "so_ho_so_cham_diem"] + EvaluationIndex.allCases.map { "chi_so_\($0.lawNumber)" }
                    + ["diem_binh_quan", "xep_loai", "so_phieu_hai_long"] + SatisfactionLevel.allCases.map(\.rawValue),
                [("can_bo", s.officers), ("co_quan", s.bodies), ("linh_vuc", s.fields), ("don_vi", [s.unit])].flatMap {
                    kind, groups in groups.map { [kind] + evaluationCells($0) }
                })
        }
        return Report(document: document, csv: csvText, name: document.kind, sheets: sheets)
    }

    // MARK: Daily summary

    /// A hash in groups of eight digits, to be read and typed back from paper.
    static func groupedHash(_ hash: String) -> String {
        stride(from: 0, to: hash.count, by: 8).map { i in
            let start = hash.index(hash.startIndex, offsetBy: i)
            return String(hash[start..<hash.index(start, offsetBy: min(8, hash.count - i))])
        }.joined(separator: " ")
    }

    public static func daily(_ d: DailySummary, _ ctx: PrintContext, printedAt: LocalDateTime) -> Report {
        var b = heading("TỔNG HỢP CUỐI NGÀY", ctx, period: "Ngày \(d.date.vietnamese)", printedAt: printedAt)
        b.append(.field(label: "Tiếp nhận", value: "\(d.received.count) hồ sơ"))
        b.append(.field(label: "Giao cho cơ quan xử lý", value: "\(d.handedOver) hồ sơ"))
        b.append(.field(label: "Nhận kết quả", value: "\(d.resultsReceived) hồ sơ"))
        b.append(.field(label: "Trả cho người nộp", value: "\(d.returned) hồ sơ"))
        b.append(.field(label: "Đang quá hạn", value: "\(d.overdue) hồ sơ"))
        b.append(.field(label: "Nhập sau trong ngày (có lý do)", value: "\(d.lateEntries) việc"))
        func table(_ list: [CaseSummary], due: Bool) -> DocumentBlock {
            .table(
                DocumentTable(
                    headers: ["Mã hồ sơ", "Người nộp", "Thủ tục", due ? "Hẹn trả" : "Tiếp nhận"],
                    widths: [26, 22, 40, 12],
                    rows: list.map { c in
                        let t = due ? c.appointment : c.receivedAt
                        return [c.code, c.applicantName, c.procedureName, "\(t.time.text) \(t.date.vietnamese)"]
                    }))
        }
        b.append(.space(1))
        b.append(.line("Hồ sơ tiếp nhận trong ngày:", .left))
        b.append(d.received.isEmpty ? .line("(không có)", .left) : table(d.received, due: false))
        b.append(.space(1))
        b.append(
            .line(
                "Hồ sơ đến hạn trả ngày làm việc tiếp theo (\(d.nextWorkingDay.weekday.vietnameseName) \(d.nextWorkingDay.vietnamese)):",
                .left))
        b.append(d.dueNext.isEmpty ? .line("(không có)", .left) : table(d.dueNext, due: true))
        b.append(.space(1))
        if let link = d.lastLink {
            b.append(
                .paragraph(
                    "Mã kiểm tra lịch sử đến hết ngày \(d.date.vietnamese) (mắt xích số \(link.number)): \(ReportForms.groupedHash(link.hash))"
                ))
            b.append(
                .paragraph(
                    "Giữ bản giấy này: motcua check --anchor \(d.date.iso) \(link.hash.prefix(16)) xác nhận lịch sử đến hết ngày chưa bị sửa."
                ))
        } else {
            b.append(.paragraph("Chưa có sự kiện nào được ghi đến hết ngày \(d.date.vietnamese)."))
        }
        let document = Document(
            kind: "tong-hop-ngay-\(d.date.iso)", caption: ReportKind.daily.caption, pageSize: .a4, blocks: b)
        let csvText: @Sendable () -> String = {
            csv(
                ["loai", "ma_ho_so", "nguoi_nop", "thu_tuc", "thoi_diem"],
                d.received.map { ["tiep_nhan", $0.code, $0.applicantName, $0.procedureName, $0.receivedAt.iso] }
                    + d.dueNext.map { ["den_han", $0.code, $0.applicantName, $0.procedureName, $0.appointment.iso] })
        }
        let sheet = ReportSheet(
            name: "Tổng hợp cuối ngày",
            heading: sheetHeading("TỔNG HỢP CUỐI NGÀY", ctx, period: "Ngày \(d.date.vietnamese)"),
            columns: [
                .init("Loại", width: 22), .init("Mã hồ sơ", width: 26), .init("Người nộp", width: 24),
                .init("Thủ tục", width: 40), .init("Thời điểm", width: 16)
            ]
        ) { emit in
            for c in d.received {
                try emit([
                    .text("Tiếp nhận"), .text(c.code), .text(c.applicantName), .text(c.procedureName),
                    .dateTime(c.receivedAt)
                ])
            }
            for c in d.dueNext {
                try emit([
                    .text("Đến hạn trả \(d.nextWorkingDay.vietnamese)"), .text(c.code), .text(c.applicantName),
                    .text(c.procedureName), .dateTime(c.appointment)
                ])
            }
        }
        return Report(document: document, csv: csvText, name: document.kind, sheets: [sheet])
    }
}
