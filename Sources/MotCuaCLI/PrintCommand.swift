import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// `motcua print receipt|supplement|refusal CODE [--output FILE]`: reprints and scripts.
enum PrintCommands {
    static let command = Command(
        name: "print",
        summary:
            "In (hoặc ghi ra tệp PDF) giấy tiếp nhận, phiếu bổ sung, từ chối, chuyển xử lý, kiểm soát, xin lỗi, dừng; bảng công khai, hướng dẫn thủ tục.",
        usage:
            "motcua print receipt|supplement|refusal|transfer|control-sheet|apology|stop CODE | catalogue | guide MÃ_THỦ_TỤC [--output FILE] [--step N] [--db PATH] [--officer USER]",
        help: """
            receipt CODE      giấy tiếp nhận hồ sơ và hẹn trả kết quả của hồ sơ CODE (hai liên)
            supplement CODE   phiếu yêu cầu bổ sung: số phiếu lập tại quầy (BS-…), hoặc mã hồ sơ đã được yêu cầu bổ sung
            refusal CODE      phiếu từ chối: số phiếu lập tại quầy (TC-…), hoặc mã hồ sơ bị từ chối sau thẩm định
            transfer CODE     phiếu chuyển xử lý của bước đã giao gần nhất (--step N: của bước N)
            control-sheet CODE  phiếu kiểm soát quá trình giải quyết hồ sơ (tình trạng đến lúc in)
            apology CODE      văn bản xin lỗi và hẹn lại ngày trả kết quả (hồ sơ đã được hẹn lại)
            stop CODE         thông báo dừng giải quyết hồ sơ
            catalogue         bảng công khai thủ tục hành chính: mỗi thủ tục đang áp dụng với mã, thời hạn, lệ phí và
                              mã QR dẫn tới trang của thủ tục trên CSDL quốc gia (thiết lập procedure_lookup_url)
            guide MÃ          phiếu hướng dẫn một thủ tục cho người dân: thành phần hồ sơ, lệ phí, thời hạn, nơi và giờ
                              nộp, nhận kết quả

            Văn bản in là PDF có nhúng phông chữ (Liberation Serif, hoặc DejaVu Serif, hoặc thiết lập font_path), có
            mã QR của mã hồ sơ trên giấy tiếp nhận, phiếu chuyển và phiếu kiểm soát (hoặc địa chỉ tra cứu trên cổng
            dịch vụ công của tỉnh: thiết lập case_lookup_url).
            Không có --output: gửi tới máy in (lp) và lưu bản PDF trong thư mục documents cạnh cơ sở dữ liệu.
            Với --output FILE: ghi ra FILE — PDF, hoặc văn bản UTF-8 nếu FILE có đuôi .txt. Lần in sau lần đầu được
            ghi "BẢN IN LẠI" và ghi nhận. Không có phông chữ dùng được: in văn bản thường và nói rõ lý do.

            Tuỳ chọn:
            \(StoreCommands.dbHelp)
            \(StoreAccess.outputHelp)
              --step N          (transfer) bước thứ N của quy trình
            \(StoreAccess.officerHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "output", "officer", "step"], flags: ["force", "password-stdin"], positionals: 1...2,
            positionalNames: ["loại văn bản", "mã CODE"]),
        run: { args, io in try run(args, io) }
    )

    static let kinds = [
        "receipt", "supplement", "refusal", "transfer", "control-sheet", "apology", "stop", "catalogue", "guide"
    ]

    static func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let kind = args.positionals[0]
        guard kinds.contains(kind) else {
            throw UsageError("loại văn bản phải là một trong: \(kinds.joined(separator: ", "))")
        }
        if kind == "catalogue" {
            guard args.positionals.count == 1 else { throw UsageError("catalogue không cần mã") }
            return try printPublic(.catalogue, args, io)
        }
        guard args.positionals.count == 2 else { throw UsageError("thiếu mã: motcua print \(kind) MÃ") }
        let code = args.positionals[1]
        if kind == "guide" { return try printPublic(.guide(procedureCode: code), args, io) }
        var step: Int?
        if let value = args.value("step") {
            guard kind == "transfer", let n = Int(value), n >= 1 else {
                throw UsageError("--step N (từ 1) chỉ dùng với transfer")
            }
            step = n - 1
        }
        let desk = try StoreAccess.desk(args, io, for: .writing)
        let store = desk.store
        let actor = try StoreAccess.actor(args, io, desk)
        let source: DocumentSource
        switch kind {
        case "receipt": source = .receipt(caseCode: code)
        case "transfer": source = .transfer(caseCode: code, step: step)
        case "control-sheet": source = .controlSheet(caseCode: code)
        case "apology": source = .apology(caseCode: code)
        case "stop": source = .stopNotice(caseCode: code)
        default:
            // A slip given at the counter by its number, else the case's own request or refusal.
            if let contact = try store.contact(number: code) {
                let wanted: ReceptionContact.Kind = kind == "supplement" ? .supplement : .refusal
                guard contact.kind == wanted else {
                    throw CommandFailure(
                        "phiếu \(code) không phải \(kind == "supplement" ? "phiếu yêu cầu bổ sung" : "phiếu từ chối")")
                }
                source = .contact(number: contact.number)
            } else if try store.caseRecord(code: code) != nil {
                source = kind == "supplement" ? .caseSupplement(caseCode: code) : .caseRefusal(caseCode: code)
            } else {
                throw CommandFailure("không có phiếu hoặc hồ sơ mã \(code)")
            }
        }
        if let output = try StoreAccess.output(args, store: store) {
            let document = try desk.write(source, to: output, by: actor)
            io.err("Đã ghi \(document.caption.lowercased()) vào \(output.path)")
            return ExitStatus.success
        }
        let result = try desk.print(source, saveOnly: false, printer: try PrinterSettings.stored(in: store), by: actor)
        if case .printed? = result.outcome {
            io.out(Messages.text(result))
            return ExitStatus.success
        }
        io.err(Messages.text(result))
        return ExitStatus.refused
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }

    /// The catalogue's wall sheet or a procedure's guidance slip: to the printer, or to `--output`.
    static func printPublic(_ kind: PublicDocument, _ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let desk = try StoreAccess.desk(args, io, for: .reading)
        let output = try StoreAccess.output(args, store: desk.store)
        let result = try desk.print(kind, printer: try PrinterSettings.stored(in: desk.store), output: output)
        if output != nil {
            io.err("Đã ghi vào \(result.path)")
            return ExitStatus.success
        }
        if case .printed? = result.outcome {
            io.out(Messages.text(result))
            return ExitStatus.success
        }
        io.err(Messages.text(result))
        return ExitStatus.refused
    }
}
