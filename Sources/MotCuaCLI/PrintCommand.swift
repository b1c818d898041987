import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// `motcua print receipt|supplement|refusal CODE [--output FILE]`: reprints and scripts.
enum PrintCommands {
    static let command = Command(
        name: "print",
        summary: "In (hoặc ghi ra tệp) giấy tiếp nhận, phiếu yêu cầu bổ sung, phiếu từ chối.",
        usage: "motcua print receipt|supplement|refusal CODE [--output FILE] [--db PATH] [--officer USER]",
        help: """
        receipt CODE      giấy tiếp nhận hồ sơ và hẹn trả kết quả của hồ sơ CODE (hai liên)
        supplement CODE   phiếu yêu cầu bổ sung: số phiếu lập tại quầy (BS-…), hoặc mã hồ sơ đã được yêu cầu bổ sung
        refusal CODE      phiếu từ chối: số phiếu lập tại quầy (TC-…), hoặc mã hồ sơ bị từ chối sau thẩm định

        Không có --output: gửi tới máy in (lp) và lưu bản sao trong thư mục documents cạnh cơ sở dữ liệu.
        Với --output FILE: chỉ ghi văn bản UTF-8 ra FILE. Lần in sau lần đầu được ghi "BẢN IN LẠI" và ghi nhận.

        Tuỳ chọn:
        \(StoreCommands.dbHelp)
          --output FILE     ghi ra tệp thay vì in
        \(CaseCommands.officerHelp)

        """,
        spec: OptionSpec(valued: ["db", "output", "officer"], positionals: 2...2, positionalNames: ["loại văn bản", "mã CODE"]),
        run: { args, io in try run(args, io) }
    )

    static func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        let kind = args.positionals[0]
        let code = args.positionals[1]
        guard ["receipt", "supplement", "refusal"].contains(kind) else {
            throw UsageError("loại văn bản phải là receipt, supplement hoặc refusal")
        }
        let store = try StoreAccess.open(args, io, quickCheck: false)
        let officer = args.value("officer") ?? "he-thong"
        let ctx = PrintContext(unit: try store.unitProfile(), forms: try StoreAccess.forms(store))
        let document: Document
        var record: () throws -> Void = {}
        var name: String
        switch kind {
        case "receipt":
            guard let c = try store.caseRecord(code: code) else { throw CommandFailure("không có hồ sơ mã \(code)") }
            let reprint = try store.receiptPrintCount(caseID: c.id) > 0
            document = ReceptionForms.receipt(c, ctx, reprint: reprint)
            name = "\(c.code)-giay-tiep-nhan\(reprint ? "-in-lai" : "")"
            record = { try store.record(.printed(document: "receipt", reprint: reprint), caseCode: c.code, at: io.now(), officer: officer) }
        default:
            let wanted: ReceptionContact.Kind = kind == "supplement" ? .supplement : .refusal
            if let contact = try store.contact(number: code) {
                guard contact.kind == wanted else { throw CommandFailure("phiếu \(code) không phải \(kind == "supplement" ? "phiếu yêu cầu bổ sung" : "phiếu từ chối")") }
                let slip = Slip(number: contact.number, at: contact.at, officerName: contact.officerName, procedureName: contact.procedureName,
                                applicantName: contact.applicant.fullName, applicantAddress: contact.applicant.address,
                                applicantPhone: contact.applicant.phone, items: contact.items, reason: contact.reason)
                let reprint = contact.printCount > 0
                document = wanted == .supplement ? ReceptionForms.supplement(slip, ctx, reprint: reprint) : ReceptionForms.refusal(slip, ctx, reprint: reprint)
                name = "\(contact.number)-\(document.kind)\(reprint ? "-in-lai" : "")"
                record = { try store.markContactPrinted(number: contact.number) }
            } else if let c = try store.caseRecord(code: code) {
                let events = try store.events(caseID: c.id)
                let slip: Slip
                if wanted == .supplement {
                    guard let e = events.last(where: { $0.event.kind == .supplementRequested }),
                          case let .supplementRequested(items, reason) = e.event.payload else {
                        throw CommandFailure("hồ sơ \(code) chưa có yêu cầu bổ sung")
                    }
                    slip = Slip(number: c.code, caseCode: c.code, at: e.event.at, officerName: e.officerName, procedureName: c.procedure.name,
                                applicantName: c.applicant.fullName, applicantAddress: c.applicant.address, applicantPhone: c.applicant.phone,
                                items: items, reason: reason)
                    document = ReceptionForms.supplement(slip, ctx)
                } else {
                    guard let e = events.last(where: { $0.event.kind == .refused }), case let .refused(reasons) = e.event.payload else {
                        throw CommandFailure("hồ sơ \(code) không bị từ chối")
                    }
                    slip = Slip(number: c.code, caseCode: c.code, at: e.event.at, officerName: e.officerName, procedureName: c.procedure.name,
                                applicantName: c.applicant.fullName, applicantAddress: c.applicant.address, applicantPhone: c.applicant.phone,
                                items: reasons, reason: "")
                    document = ReceptionForms.refusal(slip, ctx)
                }
                name = "\(c.code)-\(document.kind)"
                record = { try store.record(.printed(document: document.kind, reprint: false), caseCode: c.code, at: io.now(), officer: officer) }
            } else {
                throw CommandFailure("không có phiếu hoặc hồ sơ mã \(code)")
            }
        }
        let text = TextRenderer(pageSize: document.pageSize).text(document)
        if let output = args.value("output") {
            try FileSystem.writeAtomically(output, text: text, mode: 0o600)
            try record()
            io.err("Đã ghi \(document.caption.lowercased()) vào \(output)")
            return ExitStatus.success
        }
        let path = try DocumentArchive(databasePath: store.path).save(text, name: name)
        // The spooler is looked up in the command's own PATH (scripts and tests may point it elsewhere).
        let spoolerPath = io.environment("PATH").map { ["PATH": $0] } ?? [:]
        let outcome = PrintService(settings: try StoreAccess.printer(store), environment: spoolerPath)
            .print(text, pageSize: document.pageSize, title: document.caption)
        try record()
        io.out("Đã lưu: \(path)")
        switch outcome {
        case .printed:
            io.out(outcome.message)
            return ExitStatus.success
        default:
            io.err(outcome.message)
            return ExitStatus.refused
        }
    }
}
