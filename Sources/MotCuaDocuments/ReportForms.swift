import MotCuaCore
import MotCuaStore

/// A report: the document for the preview and the printer, and the same data as CSV for a spreadsheet.
public struct Report: Sendable {
    public let document: Document
    /// File name without extension, e.g. "so-theo-doi-2026-10-01-2026-12-31".
    public let name: String
    let makeCSV: @Sendable () -> String

    public init(document: Document, csv: @escaping @Sendable () -> String, name: String) {
        self.document = document
        self.makeCSV = csv
        self.name = name
    }

    /// UTF-8 CSV text starting with a byte-order mark (so spreadsheet programs read Vietnamese correctly),
    /// lines ending CRLF. Built when asked (a year's ledger is large).
    public var csv: String { makeCSV() }
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
}

/// The reports (F7, `motcua report`): the tracking ledger, the period statistics (Biểu 06/VPCP/KSTT), late
/// cases, evaluations and the daily summary.
public enum ReportForms {
    /// Builds a report from the store: `period` for all but the daily summary, which is of `day`.
    public static func build(
        _ kind: ReportKind, period: ReportPeriod?, day: CivilDate, store: Store, context ctx: PrintContext,
        now: LocalDateTime
    ) throws -> Report {
        let calendar = try store.calendarConfig().makeCalendar()
        let p = period ?? ReportPeriod(from: day, to: day)!
        switch kind {
        case .ledger: return ledger(try store.ledger(p), period: p, ctx, printedAt: now)
        case .stats: return statistics(try store.periodStatistics(p, now: now), ctx, printedAt: now)
        case .late:
            return lateCases(try store.lateCases(p, now: now, calendar: calendar), period: p, ctx, printedAt: now)
        case .evaluations:
            return evaluations(
                EvaluationSummary(try store.evaluations(p), period: p, unitName: "Toàn đơn vị"), ctx, printedAt: now)
        case .daily: return daily(try store.dailySummary(day, calendar: calendar), ctx, printedAt: now)
        }
    }

    static let bom = "\u{FEFF}"

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

    /// Splits a long table into pages: the first page after `first` blocks, the others after a one-line
    /// heading; each page ends with "Trang i/n".
    static func paginate(
        _ table: DocumentTable, first: [DocumentBlock], continuation: String, after: [DocumentBlock],
        pageSize: PageSize
    ) -> [DocumentBlock] {
        let renderer = TextRenderer(pageSize: pageSize)
        let (headerHeight, heights) = renderer.rowHeights(table)
        // Per page: the borders and headers, the page number and the space before it, and room for the lines
        // after the table (only the last page has them; reserving them everywhere keeps this simple).
        let frame = 3 + headerHeight + 2 + renderer.lineCount(after)
        var pages: [[Int]] = []
        var current: [Int] = []
        var used = renderer.lineCount(first) + frame
        for (i, h) in heights.enumerated() {
            let lines = h + (table.ruled && !current.isEmpty ? 1 : 0)  // a rule between rows
            if !current.isEmpty && used + lines > pageSize.textLines {
                pages.append(current)
                current = []
                used = 2 + frame  // the continuation heading
            }
            used += h + (table.ruled && !current.isEmpty ? 1 : 0)
            current.append(i)
        }
        pages.append(current)
        var blocks = first
        for (n, page) in pages.enumerated() {
            // The page breaks, continuation headings and page numbers are the text rendering's own: the PDF
            // renderer skips them, joins the chunks into one table and numbers its pages itself.
            if n > 0 {
                blocks.append(.textPagination([.pageBreak, .line("\(continuation) (tiếp theo)", .left), .space(1)]))
            }
            var chunk = table
            chunk.rows = page.map { table.rows[$0] }
            blocks.append(.table(chunk))
            if n == pages.count - 1 { blocks += after }
            blocks.append(.textPagination([.space(1), .line("Trang \(n + 1)/\(pages.count)", .right)]))
        }
        return blocks
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

    // MARK: Ledger

    static func ledgerNote(_ r: LedgerRow) -> String {
        var notes: [String] = []
        switch r.status {
        case .cancelled: notes.append("Đã hủy")
        case .withdrawn: notes.append("Rút hồ sơ")
        case .stopped: notes.append("Dừng giải quyết")
        case .waitingSupplement: notes.append("Chờ bổ sung")
        default: break
        }
        if r.resultIsRefusal { notes.append("Từ chối") }
        if r.rescheduled { notes.append("Hẹn lại \(date(r.appointment))") }
        if r.lateEntries > 0 { notes.append("Nhập sau: \(r.lateEntries) việc") }
        if !r.note.isEmpty { notes.append(r.note) }
        return notes.joined(separator: "; ")
    }

    /// Sổ theo dõi hồ sơ: one row per case received in the period, in ledger order, with the law's columns.
    public static func ledger(_ rows: [LedgerRow], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime)
        -> Report
    {
        let entry = ctx.forms.entry(.ledger)
        let first = heading(
            entry.title, number: ctx.forms.numberLine(.ledger), ctx, period: period.vietnamese, printedAt: printedAt)
        let table = DocumentTable(
            headers: [
                "Số", "Mã hồ sơ", "Thủ tục", "Số bộ", "Người nộp", "Địa chỉ, điện thoại", "Cơ quan chủ trì", "Nhận",
                "Hẹn trả", "Chuyển", "Có KQ", "Trả", "Ký nhận", "Ghi chú"
            ],
            // In characters: they add up to the line's room at 160 columns (14 columns).
            widths: [5, 14, 16, 3, 12, 13, 10, 6, 6, 6, 6, 6, 5, 9],
            alignments: [
                .right, .left, .left, .right, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left
            ],
            rows: rows.map { r in
                [
                    String(r.ledgerNumber), splitCode(r.code), r.procedureName, String(r.sets), r.applicantName,
                    [r.address, r.phone].compactMap { $0 }.joined(separator: "; "), r.leadBody ?? "",
                    dateTime(r.receivedAt),
                    dateTime(r.appointment), date(r.handedOverAt), date(r.resultAt), date(r.returnedAt), "",
                    ledgerNote(r)
                ]
            }, ruled: true)
        let after: [DocumentBlock] = [.space(1), .line("Tổng số: \(rows.count) hồ sơ", .left)]
        let blocks = paginate(
            table, first: first, continuation: "\(entry.title) — \(period.vietnamese)", after: after,
            pageSize: .a4Landscape)
        let document = Document(
            kind: "so-theo-doi-\(periodName(period))", caption: "Sổ theo dõi hồ sơ", pageSize: .a4Landscape,
            blocks: blocks)
        let csvText: @Sendable () -> String = {
            csv(
                [
                    "so_vao_so", "nam", "ma_ho_so", "thu_tuc", "so_bo", "nguoi_nop", "dia_chi", "dien_thoai",
                    "co_quan_chu_tri",
                    "tiep_nhan", "han_giai_quyet", "hen_tra", "chuyen", "co_ket_qua", "tra_ket_qua", "trang_thai",
                    "ghi_chu"
                ],
                rows.map { r in
                    [
                        String(r.ledgerNumber), String(r.ledgerYear), r.code, r.procedureName, String(r.sets),
                        r.applicantName,
                        r.address ?? "", r.phone ?? "", r.leadBody ?? "", r.receivedAt.iso, r.legalDue.iso,
                        r.appointment.iso,
                        r.handedOverAt?.iso ?? "", r.resultAt?.iso ?? "", r.returnedAt?.iso ?? "", r.status.rawValue,
                        ledgerNote(r)
                    ]
                })
        }
        return Report(document: document, csv: csvText, name: document.kind)
    }

    // MARK: Statistics

    static let statisticsHeaders = [
        "Lĩnh vực", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển sang",
        "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Tổng số", "Trong hạn", "Quá hạn", "(%)"
    ]

    static func statisticsCells(_ r: StatisticsRow) -> [String] {
        [
            r.field, String(r.received), String(r.receivedOnline), String(r.receivedInPersonOrPost),
            String(r.carriedOver),
            String(r.resolved), String(r.early), String(r.onTime), String(r.late),
            String(r.pending), String(r.pendingWithinLimit), String(r.pendingOverdue), r.onTimeRateText
        ]
    }

    /// The period statistics in the layout of Biểu 06/VPCP/KSTT: one row per field and the total; the
    /// identities are checked and any violation printed under the table.
    public static func statistics(_ s: PeriodStatistics, _ ctx: PrintContext, printedAt: LocalDateTime) -> Report {
        var b = heading(
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", number: "Biểu số 06/VPCP/KSTT", ctx,
            period: s.period.vietnamese, printedAt: printedAt)
        b.append(.line("Đơn vị tính: số hồ sơ", .right))
        // Widths in characters: they add up to the line's room at 160 columns (13 columns).
        b.append(
            .table(
                DocumentTable(
                    headers: statisticsHeaders, widths: [24, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8],
                    alignments: [.left] + Array(repeating: .right, count: 12),
                    rows: s.rows.map(statisticsCells) + [statisticsCells(s.total)],
                    groups: [
                        ("", 1), ("Số hồ sơ tiếp nhận", 4), ("Số hồ sơ đã giải quyết", 4),
                        ("Số hồ sơ đang giải quyết", 3),
                        ("Tỷ lệ đúng hạn", 1)
                    ])))
        b.append(
            .paragraph(
                "Tiếp nhận = trực tuyến + trực tiếp, bưu chính + kỳ trước chuyển sang; đã giải quyết = trước hạn + đúng hạn + quá hạn (ngày có kết quả so với hạn giải quyết theo quy định, hạn hẹn lại không tính); đang giải quyết = trong hạn + quá hạn (tại cuối kỳ); tỷ lệ = (trước hạn + đúng hạn) / đã giải quyết. Hồ sơ liên thông tính một lần; hồ sơ hủy do nhập nhầm không tính."
            ))
        if s.total.closedWithoutResult > 0 {
            b.append(
                .paragraph(
                    "Ngoài bảng: \(s.total.closedWithoutResult) hồ sơ người nộp rút hoặc dừng giải quyết trong kỳ (đã tính ở cột tiếp nhận, không tính đã giải quyết hay đang giải quyết)."
                ))
        }
        let problems = s.identityProblems
        b.append(
            .line(
                problems.isEmpty
                    ? "Kiểm tra: các đẳng thức của biểu đều đúng." : "SAI LỆCH: " + problems.joined(separator: "; "),
                .left))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI LẬP BIỂU"),
                Signature(title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)")
            ]))
        let document = Document(
            kind: "thong-ke-\(periodName(s.period))", caption: "Thống kê tình hình giải quyết hồ sơ",
            pageSize: .a4Landscape, blocks: b)
        let csvText: @Sendable () -> String = {
            csv(
                [
                    "linh_vuc", "tiep_nhan_tong", "tiep_nhan_truc_tuyen", "tiep_nhan_truc_tiep_buu_chinh",
                    "ky_truoc_chuyen_sang",
                    "da_giai_quyet_tong", "truoc_han", "dung_han", "qua_han", "dang_giai_quyet_tong", "trong_han",
                    "dang_giai_quyet_qua_han", "ty_le_dung_han", "rut_dung_trong_ky"
                ],
                (s.rows + [s.total]).map { statisticsCells($0) + [String($0.closedWithoutResult)] })
        }
        return Report(document: document, csv: csvText, name: document.kind)
    }

    // MARK: Late cases

    public static func lateCases(
        _ cases: [LateCase], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime
    ) -> Report {
        let first = heading("DANH SÁCH HỒ SƠ QUÁ HẠN", ctx, period: period.vietnamese, printedAt: printedAt)
        let table = DocumentTable(
            headers: [
                "Mã hồ sơ", "Người nộp", "Thủ tục", "Hạn giải quyết", "Có kết quả", "Quá", "Cơ quan trễ hạn", "Lý do"
            ],
            widths: [14, 11, 14, 10, 10, 8, 14, 14],
            rows: cases.map { c in
                [
                    splitCode(c.code), c.applicantName, c.procedureName,
                    "\(c.legalDue.time.text) \(c.legalDue.date.vietnamese)",
                    c.resultAt.map { "\($0.time.text) \($0.date.vietnamese)" } ?? "chưa có",
                    RemainingTime.durationText(minutes: c.lateMinutes),
                    c.lateBodies.isEmpty ? "(không bước nào quá hạn riêng)" : c.lateBodies.joined(separator: "\n"),
                    c.reasons.joined(separator: "\n")
                ]
            }, ruled: true)
        let after: [DocumentBlock] = [
            .space(1),
            .line(
                "Tổng số: \(cases.count) hồ sơ quá hạn (đã có kết quả quá hạn trong kỳ, hoặc chưa có kết quả và quá hạn tại cuối kỳ)",
                .left)
        ]
        let blocks = paginate(
            table, first: first, continuation: "Danh sách hồ sơ quá hạn — \(period.vietnamese)", after: after,
            pageSize: .a4)
        let document = Document(
            kind: "ho-so-qua-han-\(periodName(period))", caption: "Danh sách hồ sơ quá hạn", pageSize: .a4,
            blocks: blocks)
        let csvText: @Sendable () -> String = {
            csv(
                [
                    "ma_ho_so", "nguoi_nop", "thu_tuc", "linh_vuc", "han_giai_quyet", "co_ket_qua", "qua_phut_lam_viec",
                    "co_quan_tre_han", "ly_do"
                ],
                cases.map { c in
                    [
                        c.code, c.applicantName, c.procedureName, c.field, c.legalDue.iso, c.resultAt?.iso ?? "",
                        String(c.lateMinutes),
                        c.lateBodies.joined(separator: "; "), c.reasons.joined(separator: "; ")
                    ]
                })
        }
        return Report(document: document, csv: csvText, name: document.kind)
    }

    // MARK: Evaluations

    static func percent(_ v: Double?) -> String { v.map { vietnameseDecimal($0 * 100, digits: 1) + "%" } ?? "—" }

    static func evaluationCells(_ g: EvaluationSummary.Group) -> [String] {
        [g.name, String(g.indexedCases)]
            + EvaluationIndex.allCases.map { g.average($0).map { vietnameseDecimal($0) } ?? "—" }
            + [g.averagePoints.map { vietnameseDecimal($0) } ?? "—", g.band ?? "—", String(g.levelCases)]
            + SatisfactionLevel.allCases.map { percent(g.share($0)) }
    }

    public static func evaluations(_ s: EvaluationSummary, _ ctx: PrintContext, printedAt: LocalDateTime) -> Report {
        var b = heading("KẾT QUẢ ĐÁNH GIÁ CỦA NGƯỜI NỘP HỒ SƠ", ctx, period: s.period.vietnamese, printedAt: printedAt)
        let headers =
            ["Cán bộ tiếp nhận", "Số hồ sơ chấm điểm"] + ["Chỉ số 1", "Chỉ số 2", "Chỉ số 3", "Chỉ số 4", "Chỉ số 5"]
            + ["Điểm bình quân (0–10)", "Xếp loại", "Số phiếu hài lòng"]
            + SatisfactionLevel.allCases.map(\.vietnameseName)
        b.append(
            .table(
                DocumentTable(
                    headers: headers, widths: [22, 8, 7, 7, 7, 7, 7, 9, 15, 8, 8, 7, 8],
                    alignments: [.left] + Array(repeating: .right, count: 7) + [.left]
                        + Array(repeating: .right, count: 4),
                    rows: s.officers.map(evaluationCells) + [evaluationCells(s.unit)])))
        b.append(.paragraph("Các chỉ số (điểm 2, 1 hoặc 0 cho mỗi hồ sơ, bình quân theo số hồ sơ chấm điểm):"))
        for (i, index) in EvaluationIndex.allCases.enumerated() {
            b.append(
                .listItem(
                    number: i + 1,
                    text:
                        "\(index.vietnameseName): 2 — \(index.scoreMeanings[0]); 1 — \(index.scoreMeanings[1]); 0 — \(index.scoreMeanings[2])"
                ))
        }
        b.append(
            .paragraph(
                "Xếp loại: điểm bình quân từ 5 trở lên là hoàn thành. Dòng cuối là của toàn đơn vị. Tỷ lệ hài lòng tính trên số phiếu chọn mức độ hài lòng."
            ))
        let document = Document(
            kind: "danh-gia-\(periodName(s.period))", caption: "Kết quả đánh giá của người nộp hồ sơ",
            pageSize: .a4Landscape, blocks: b)
        let csvText: @Sendable () -> String = {
            csv(
                ["can_bo", "so_ho_so_cham_diem"] + EvaluationIndex.allCases.map(\.rawValue)
                    + ["diem_binh_quan", "xep_loai", "so_phieu_hai_long"] + SatisfactionLevel.allCases.map(\.rawValue),
                (s.officers + [s.unit]).map(evaluationCells))
        }
        return Report(document: document, csv: csvText, name: document.kind)
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
            kind: "tong-hop-ngay-\(d.date.iso)", caption: "Tổng hợp cuối ngày", pageSize: .a4, blocks: b)
        let csvText: @Sendable () -> String = {
            csv(
                ["loai", "ma_ho_so", "nguoi_nop", "thu_tuc", "thoi_diem"],
                d.received.map { ["tiep_nhan", $0.code, $0.applicantName, $0.procedureName, $0.receivedAt.iso] }
                    + d.dueNext.map { ["den_han", $0.code, $0.applicantName, $0.procedureName, $0.appointment.iso] })
        }
        return Report(document: document, csv: csvText, name: document.kind)
    }
}
