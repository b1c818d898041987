import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// `motcua report ledger|stats|late|evaluations|daily [period] [--format text|csv|xlsx|pdf] [--output FILE]`.
enum ReportCommand {
    static let kinds = ReportKind.allCases.map(\.rawValue)

    static let command = Command(
        name: "report",
        summary: "Sổ theo dõi hồ sơ, thống kê theo Biểu 06, hồ sơ quá hạn, đánh giá, tổng hợp cuối ngày.",
        usage:
            "motcua report ledger|stats|late|evaluations|daily (--from DATE --to DATE | --month YYYY-MM | --quarter YYYY-Qn | --year YYYY | --date DATE) [--format text|csv|xlsx|pdf] [--output FILE] [--db PATH]",
        help: """
            ledger        sổ theo dõi hồ sơ: mỗi hồ sơ tiếp nhận trong kỳ một dòng, theo số vào sổ
            stats         tình hình, kết quả giải quyết theo lĩnh vực (Biểu 06/VPCP/KSTT): tiếp nhận, đã giải quyết
                          (trước hạn, đúng hạn, quá hạn), đang giải quyết (trong hạn, quá hạn), tỷ lệ đúng hạn
            late          hồ sơ quá hạn trong kỳ, cơ quan trễ hạn ở từng bước và lý do đã ghi
            evaluations   đánh giá của người nộp theo cán bộ tiếp nhận và toàn đơn vị
            daily         tổng hợp cuối ngày (--date, mặc định hôm nay)

            Kỳ báo cáo (mặc định: tháng hiện tại): --from NGAY --to NGAY (cả hai ngày đều tính), hoặc --month 2026-11,
            --quarter 2026-Q4, --year 2026. Ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy.

            Tuỳ chọn:
              --format F        text (mặc định: văn bản như khi in), csv (UTF-8 có BOM, mở được bằng bảng tính)
                                xlsx (bảng tính Excel/LibreOffice: số là số, ngày là ngày, tiêu đề cố định;
                                cần --output) hoặc pdf (đúng mẫu trang in; cần --output)
            \(StoreAccess.outputHelp)
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "from", "to", "month", "quarter", "year", "date", "format", "output"], flags: ["force"],
            positionals: 1...1,
            positionalNames: ["loại báo cáo"]),
        run: { args, io in try run(args, io) }
    )

    static func date(_ text: String, _ what: String) throws -> CivilDate {
        guard let d = CivilDate(iso: text) ?? CivilDate(vietnamese: text) else {
            throw UsageError("\(what): \"\(text)\" không phải ngày có thật (YYYY-MM-DD hoặc dd/mm/yyyy)")
        }
        return d
    }

    /// The period from the options; the current month when none is given.
    static func period(_ args: ParsedArguments, today: CivilDate) throws -> ReportPeriod {
        let given = ["from", "month", "quarter", "year"].filter { args.value($0) != nil }
        if given.count > 1 {
            throw UsageError("chỉ dùng một cách chọn kỳ: --from/--to, --month, --quarter hoặc --year")
        }
        if let from = args.value("from") {
            guard let to = args.value("to") else { throw UsageError("--from cần đi cùng --to") }
            guard let p = ReportPeriod(from: try date(from, "--from"), to: try date(to, "--to")) else {
                throw UsageError("--from phải không sau --to")
            }
            return p
        }
        if args.value("to") != nil { throw UsageError("--to cần đi cùng --from") }
        if let m = args.value("month") {
            let parts = m.split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let mo = Int(parts[1]), let p = ReportPeriod.month(y, mo)
            else {
                throw UsageError("--month: dạng YYYY-MM, ví dụ 2026-11")
            }
            return p
        }
        if let q = args.value("quarter") {
            let parts = q.uppercased().split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]),
                let n = Int(parts[1].hasPrefix("Q") ? parts[1].dropFirst() : parts[1]),
                let p = ReportPeriod.quarter(y, n)
            else {
                throw UsageError("--quarter: dạng YYYY-Qn, ví dụ 2026-Q4")
            }
            return p
        }
        if let y = args.value("year") {
            guard let year = Int(y), let p = ReportPeriod.year(year) else {
                throw UsageError("--year: một năm, ví dụ 2026")
            }
            return p
        }
        let c = today.components
        return ReportPeriod(from: CivilDate(year: c.year, month: c.month, day: 1)!, to: today)!
    }

    static func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let kind = args.positionals[0]
        guard kinds.contains(kind) else {
            throw UsageError("loại báo cáo phải là một trong: \(kinds.joined(separator: ", "))")
        }
        let format = args.value("format") ?? "text"
        guard ["text", "csv", "xlsx", "pdf"].contains(format) else {
            throw UsageError("--format phải là text, csv, xlsx hoặc pdf")
        }
        if (format == "xlsx" || format == "pdf") && args.value("output") == nil {
            throw UsageError("--format \(format) cần --output FILE.\(format) (tệp nhị phân, không in ra màn hình)")
        }
        let now = io.now()
        if kind == "daily" {
            if ["from", "to", "month", "quarter", "year"].contains(where: { args.value($0) != nil }) {
                throw UsageError("báo cáo daily dùng --date")
            }
        } else if args.value("date") != nil {
            throw UsageError("--date chỉ dùng với daily")
        }
        let period = kind == "daily" ? nil : try period(args, today: now.date)
        let day = try args.value("date").map { try date($0, "--date") } ?? now.date
        let desk = try StoreAccess.desk(args, io, for: .reading)
        if format == "xlsx", let output = try StoreAccess.output(args, store: desk.store) {
            try desk.writeSpreadsheet(.report(ReportKind(rawValue: kind)!, period, day: day), to: output)
            io.err("Đã ghi bảng tính vào \(output.path)")
            return ExitStatus.success
        }
        let source = DocumentSource.report(ReportKind(rawValue: kind)!, period, day: day)
        if format == "pdf", let output = try StoreAccess.output(args, store: desk.store) {
            try desk.writeReportPDF(source, to: output)
            io.err("Đã ghi \(ReportKind(rawValue: kind)!.vietnameseName.lowercased()) (PDF) vào \(output.path)")
            return ExitStatus.success
        }
        if format == "csv" {
            // Streamed: the ledger of a year is written as it is read.
            try stream(args, desk, io, done: "dữ liệu CSV") { try desk.writeReportCSV(source, $0) }
            return ExitStatus.success
        }
        // Streamed like the CSV: the ledger's pages are written as its rows are read.
        try stream(args, desk, io, done: ReportKind(rawValue: kind)!.caption.lowercased()) {
            try desk.writeReportText(ReportKind(rawValue: kind)!, period: period, day: day, $0)
        }
        return ExitStatus.success
    }

    /// Runs `produce` with a writer to `--output` (a temporary file named when complete) or to stdout, in
    /// 64 KB pieces; says what was written where when it was a file.
    static func stream(
        _ args: ParsedArguments, _ desk: Desk, _ io: CommandIO, done what: String,
        _ produce: (_ write: (String) throws -> Void) throws -> Void
    ) throws {
        let output = try StoreAccess.output(args, store: desk.store)
        var buffer = ""
        func flush() throws {
            if let output { try output.write(buffer) } else { io.writeOut(buffer) }
            buffer = ""
        }
        try produce { piece in
            buffer += piece
            if buffer.utf8.count >= 1 << 16 { try flush() }
        }
        try flush()
        if let output {
            try output.commit()
            io.err("Đã ghi \(what) vào \(output.path)")
        }
    }
}
