import MotCuaCore
import MotCuaStore

/// Sổ theo dõi hồ sơ (Mẫu 07): the ledger's document, its streamed text, its sheet and CSV.
extension ReportForms {
    // MARK: Ledger

    /// The ledger's notes: what became of the case, the requests to supplement, entries typed after the fact.
    /// The new date of an apology has its own column.
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
        for round in r.supplements {
            var text = "Yêu cầu bổ sung \(date(round.requestedAt))"
            if let back = round.receivedAt { text += ", nhận đủ \(date(back))" }
            if let due = round.newDue { text += ", hạn mới \(date(due))" }
            notes.append(text)
        }
        if r.lateEntries > 0 { notes.append("Nhập sau: \(r.lateEntries) việc") }
        if !r.note.isEmpty { notes.append(r.note) }
        return notes.joined(separator: "; ")
    }

    /// The books ("Quyển số") of the ledger's rows, in order: one, or several when the period spans years.
    static func ledgerBooks(_ rows: [LedgerRow], period: ReportPeriod, _ ctx: PrintContext) -> [String] {
        ledgerBooks(years: Array(Set(rows.map(\.ledgerYear))), period: period, ctx)
    }

    static func ledgerBooks(years: [Int], period: ReportPeriod, _ ctx: PrintContext) -> [String] {
        var years = years.sorted()
        if years.isEmpty { years = [period.from.year] }
        var seen = Set<String>()
        return years.map { ctx.ledgerBook(year: $0) }.filter { seen.insert($0).inserted }
    }

    static let ledgerColumns: [ReportSheet.Column] = [
        .init("Số thứ tự", width: 8), .init("Quyển số", width: 10), .init("Mã hồ sơ", width: 26),
        .init("Thủ tục", width: 40), .init("Số bộ", width: 6), .init("Người nộp", width: 24),
        .init("Địa chỉ", width: 30), .init("Điện thoại", width: 13), .init("Cơ quan chủ trì", width: 26),
        .init("Tiếp nhận", width: 16), .init("Hẹn trả (giấy tiếp nhận)", width: 16), .init("Hẹn lại", width: 16),
        .init("Hạn giải quyết theo quy định", width: 16), .init("Chuyển", width: 16),
        .init("Có kết quả", width: 16), .init("Trả kết quả", width: 16), .init("Trạng thái", width: 16),
        .init("Ghi chú", width: 40)
    ]

    static func ledgerValues(_ r: LedgerRow, _ ctx: PrintContext) -> [SheetValue] {
        [
            .integer(r.ledgerNumber), .text(ctx.ledgerBook(year: r.ledgerYear)), .text(r.code), .text(r.procedureName),
            .integer(r.sets), .text(r.applicantName), .text(r.address ?? ""), .text(r.phone ?? ""),
            .text(r.leadBody ?? ""), .dateTime(r.receivedAt), .dateTime(r.receiptAppointment),
            r.rescheduled ? .dateTime(r.appointment) : .empty, .dateTime(r.legalDue),
            optionalDateTime(r.handedOverAt), optionalDateTime(r.resultAt), optionalDateTime(r.returnedAt),
            .text(r.status.vietnameseName), .text(ledgerNote(r))
        ]
    }

    /// Sổ theo dõi hồ sơ (Mẫu 07): one row per case received in the period, in ledger order, with the law's
    /// columns: the appointment of the receipt and, in its own column, the new date of an apology; requests
    /// to supplement in the notes; the book number in the heading; the closing signatures.
    public static func ledger(
        _ rows: [LedgerRow], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime,
        layout: ReportLayout = .pages
    ) -> Report {
        let books = ledgerBooks(rows, period: period, ctx)
        var table = ledgerTable
        table.rows = rows.map(ledgerCells)
        let blocks = paginate(
            table, first: ledgerFirst(books: books, period: period, ctx, printedAt: printedAt),
            continuation: ledgerContinuation(period, ctx),
            after: ledgerAfter(count: rows.count, from: rows.first, to: rows.last, ctx, printedAt: printedAt),
            pageSize: .a4Landscape, layout: layout)
        return ledgerReport(blocks, books: books, period: period, ctx) { body in for r in rows { try body(r) } }
    }

    /// The ledger's report from its blocks, its CSV and sheet read from `each` when they are written.
    static func ledgerReport(
        _ blocks: [DocumentBlock], books: [String], period: ReportPeriod, _ ctx: PrintContext,
        _ each: @escaping LedgerSource
    ) -> Report {
        let document = Document(
            kind: ledgerName(period), caption: ReportKind.ledger.caption, pageSize: .a4Landscape, blocks: blocks)
        let csvText: @Sendable () -> String = {
            var out = ""
            try? writeLedgerCSV(each) { out += $0 }
            return out
        }
        return Report(
            document: document, csv: csvText, name: document.kind,
            sheets: [ledgerSheet(books: books, period: period, ctx, each)])
    }

    /// The ledger's file name without extension ("so-theo-doi-2026-10-01-2026-12-31").
    static func ledgerName(_ period: ReportPeriod) -> String { "so-theo-doi-\(periodName(period))" }

    /// The ledger as one table whose lines are read as they are drawn: its cases' order is read (8 bytes a
    /// case), their lines a page at a time as the screen scrolls to them or the PDF renderer reaches them;
    /// the CSV and sheets are read from the store as they are written. A year's ledger opens at once on the
    /// screen and its PDF never holds the year.
    static func ledgerReadAsDrawn(_ period: ReportPeriod, store: Store, _ ctx: PrintContext, printedAt: LocalDateTime)
        throws -> Report
    {
        let ids = try store.ledgerOrder(period)
        let books = ledgerBooks(years: try store.ledgerYears(period), period: period, ctx)
        let ends = try store.ledgerRows(ids: [ids.first, ids.last].compactMap { $0 })
        // The rows are read on the thread that draws them, from the store it uses.
        let reader = StoreReader(store)
        var table = ledgerTable
        table.rowSource = DocumentRowSource(count: ids.count) { range in
            try reader.store.ledgerRows(ids: Array(ids[range])).map(ledgerCells)
        }
        let blocks =
            ledgerFirst(books: books, period: period, ctx, printedAt: printedAt) + [.table(table)]
            + ledgerAfter(count: ids.count, from: ends.first, to: ends.last, ctx, printedAt: printedAt)
        return ledgerReport(blocks, books: books, period: period, ctx) { body in
            try reader.store.forEachLedgerRow(period, body)
        }
    }

    /// The ledger of a period as text, written page by page as its rows are read from the store (twice, in
    /// one snapshot): the same text as `ledger(...)`'s document, without holding the period.
    public static func writeLedgerText(
        period: ReportPeriod, store: Store, context ctx: PrintContext, now: LocalDateTime,
        _ write: (String) throws -> Void
    ) throws {
        try store.snapshot {
            let books = ledgerBooks(years: try store.ledgerYears(period), period: period, ctx)
            var low: LedgerRow?
            var high: LedgerRow?
            var measuring = true
            try writePagedText(
                ledgerTable, first: ledgerFirst(books: books, period: period, ctx, printedAt: now),
                continuation: ledgerContinuation(period, ctx),
                after: { count in
                    measuring = false
                    return ledgerAfter(count: count, from: low, to: high, ctx, printedAt: now)
                },
                pageSize: .a4Landscape,
                rows: { body in
                    try store.forEachLedgerRow(period) { r in
                        if measuring {
                            if low == nil { low = r }
                            high = r
                        }
                        try body(ledgerCells(r))
                    }
                }, write: write)
        }
    }

    /// The ledger's first page above its table: the heading with the form's number and the books.
    static func ledgerFirst(books: [String], period: ReportPeriod, _ ctx: PrintContext, printedAt: LocalDateTime)
        -> [DocumentBlock]
    {
        var first = heading(
            ctx.forms.entry(.ledger).title, number: ctx.forms.numberLine(.ledger), ctx, period: period.vietnamese,
            printedAt: printedAt)
        first.insert(.line("Quyển số: \(books.joined(separator: "; "))", .center), at: first.count - 2)
        return first
    }

    static func ledgerContinuation(_ period: ReportPeriod, _ ctx: PrintContext) -> String {
        "\(ctx.forms.entry(.ledger).title) — \(period.vietnamese)"
    }

    /// The ledger's printed table, without rows.
    static let ledgerTable = DocumentTable(
        headers: [
            "Số", "Mã hồ sơ", "Thủ tục", "Số bộ", "Người nộp", "Địa chỉ, điện thoại", "Cơ quan chủ trì", "Nhận",
            "Hẹn trả", "Hẹn lại", "Chuyển", "Có KQ", "Trả", "Ký nhận", "Ghi chú"
        ],
        // In characters: they add up to the line's room at 160 columns (15 columns).
        widths: [5, 14, 14, 3, 12, 11, 9, 6, 6, 6, 6, 5, 5, 5, 7],
        alignments: [
            .right, .left, .left, .right, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left,
            .left
        ],
        rows: [], ruled: true)

    /// One case's printed row.
    static func ledgerCells(_ r: LedgerRow) -> [String] {
        [
            String(r.ledgerNumber), splitCode(r.code), r.procedureName, String(r.sets), r.applicantName,
            [r.address, r.phone].compactMap { $0 }.joined(separator: "; "), r.leadBody ?? "",
            dateTime(r.receivedAt), dateTime(r.receiptAppointment),
            r.rescheduled ? dateTime(r.appointment) : "",
            date(r.handedOverAt), date(r.resultAt), date(r.returnedAt), "", ledgerNote(r)
        ]
    }

    /// What follows the ledger's table: the count and the numbers it runs from and to, place and date, the
    /// signatures.
    static func ledgerAfter(
        count: Int, from first: LedgerRow?, to last: LedgerRow?, _ ctx: PrintContext, printedAt: LocalDateTime
    ) -> [DocumentBlock] {
        var closing = "Tổng số: \(count) hồ sơ"
        if let low = first?.ledgerNumber, let high = last?.ledgerNumber {
            closing += " (số thứ tự từ \(low) đến \(high))"
        }
        return [
            .space(1), .line(closing, .left),
            .line(FormalDate.placeAndDate(ctx.unit.placeName, printedAt.date), .right),
            .signatures([
                Signature(title: "NGƯỜI GHI SỔ"),
                Signature(title: "THỦ TRƯỞNG ĐƠN VỊ", note: "(Ký, ghi rõ họ tên, đóng dấu)")
            ])
        ]
    }

    /// The ledger's rows, one at a time (from an array, or from the store as they are read).
    typealias LedgerSource = @Sendable (_ body: (LedgerRow) throws -> Void) throws -> Void

    static func ledgerSheet(books: [String], period: ReportPeriod, _ ctx: PrintContext, _ each: @escaping LedgerSource)
        -> ReportSheet
    {
        ReportSheet(
            name: "Sổ theo dõi hồ sơ",
            heading: sheetHeading(
                ctx.forms.entry(.ledger).title, ctx,
                period: "\(period.vietnamese) — Quyển số \(books.joined(separator: "; "))"),
            columns: ledgerColumns
        ) { emit in
            try each { try emit(ledgerValues($0, ctx)) }
        }
    }

    static let ledgerCSVHeader = [
        "so_vao_so", "nam", "ma_ho_so", "thu_tuc", "so_bo", "nguoi_nop", "dia_chi", "dien_thoai", "co_quan_chu_tri",
        "tiep_nhan", "han_giai_quyet", "hen_tra_giay_tiep_nhan", "hen_tra", "chuyen", "co_ket_qua", "tra_ket_qua",
        "trang_thai", "ghi_chu"
    ]

    /// The ledger as CSV for programs (ISO times, status codes), written a line at a time.
    static func writeLedgerCSV(_ each: LedgerSource, _ write: (String) throws -> Void) throws {
        try write(bom + CSV.line(ledgerCSVHeader))
        try withoutActuallyEscaping(write) { write in
            try ledgerCSVLines(each, write)
        }
    }

    private static func ledgerCSVLines(_ each: LedgerSource, _ write: @escaping (String) throws -> Void) throws {
        try each { r in
            try write(
                CSV.line([
                    String(r.ledgerNumber), String(r.ledgerYear), r.code, r.procedureName, String(r.sets),
                    r.applicantName,
                    r.address ?? "", r.phone ?? "", r.leadBody ?? "", r.receivedAt.iso, r.legalDue.iso,
                    r.receiptAppointment.iso, r.appointment.iso,
                    r.handedOverAt?.iso ?? "", r.resultAt?.iso ?? "", r.returnedAt?.iso ?? "", r.status.rawValue,
                    ledgerNote(r)
                ]))
        }
    }
}
