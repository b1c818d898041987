import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem

/// `case handover|acknowledge|step-done|supplement|resume|refuse|reschedule|result|return|evaluate|withdraw|stop|cancel
/// CODE …`: every step of a case's life after reception, for scripts and bulk work. Each only turns its options
/// into an action of the application layer, which decides it exactly as for the screens; a refused action
/// exits 1 and says why.
enum CaseActionCommands {
    /// Builds the action from the parsed options (input only: the rules are the application layer's).
    typealias Make = @Sendable (_ args: ParsedArguments) throws -> CaseAction

    static func action(
        _ name: String, summary: String, options: String, help: String, valued: Set<String> = [],
        flags: Set<String> = [], repeatable: Set<String> = [], make: @escaping Make
    ) -> Command {
        Command(
            name: "case \(name)",
            summary: summary,
            usage:
                "motcua case \(name) CODE \(options.isEmpty ? "" : options + " ")[--at \"YYYY-MM-DD HH:MM\" [--late-reason TEXT]] [--officer USER [--password-stdin]] [--json] [--db PATH]",
            help: """
                \(help)
                In một dòng: mã hồ sơ, trạng thái, thời điểm hẹn trả (cách nhau bởi dấu tab); với --json: hồ sơ dạng JSON.
                Việc không được phép (sai trạng thái, sai vai trò, sai thời điểm) in lý do và thoát với mã 1.

                Tuỳ chọn chung:
                  --at THOI_DIEM    thời điểm của việc (mặc định: bây giờ), dạng "YYYY-MM-DD HH:MM", giờ Việt Nam;
                                    không được ở tương lai, không trước việc đã ghi của hồ sơ
                  --late-reason TEXT  lý do nhập sau, bắt buộc khi --at đã qua hơn 30 phút (quá một ngày làm việc:
                                    chỉ lãnh đạo, quản trị viên); việc được đánh dấu "nhập sau" kèm thời điểm ghi thật
                \(StoreAccess.officerHelp)
                \(StoreCommands.dbHelp)

                """,
            spec: OptionSpec(
                valued: valued.union(["db", "at", "officer", "late-reason"]),
                flags: flags.union(["json", "password-stdin"]),
                repeatable: repeatable, positionals: 1...1, positionalNames: ["mã hồ sơ CODE"]),
            run: { args, io in
                let code = args.positionals[0].trimmingSpaces
                let action = try make(args)
                let at = try instant(args.value("at"), "--at")
                let desk = try StoreAccess.desk(args, io, for: .writing)
                let actor = try StoreAccess.actor(args, io, desk)
                let outcome = try desk.perform(
                    action, on: code, by: actor, at: at, lateReason: args.value("late-reason"))
                let record = outcome.record
                if args.has("json") {
                    io.out(CaseExport.json(record, events: try desk.store.events(caseID: record.id)).compactText)
                } else {
                    io.out("\(record.code)\t\(record.state.status.rawValue)\t\(record.state.appointment.iso)")
                }
                io.err(Messages.text(outcome))
                return ExitStatus.success
            }
        )
    }

    static func instant(_ text: String?, _ what: String) throws -> LocalDateTime? {
        guard let text else { return nil }
        guard let t = LocalDateTime(iso: text.trimmingSpaces) else {
            throw UsageError("\(what): \"\(text)\" không phải thời điểm có thật dạng \"YYYY-MM-DD HH:MM\"")
        }
        return t
    }

    static func step(_ args: ParsedArguments) throws -> Int? {
        guard let text = args.value("step") else { return nil }
        guard let n = Int(text), (1...100).contains(n) else { throw UsageError("--step: số thứ tự bước, từ 1") }
        return n - 1
    }

    static func required(_ args: ParsedArguments, _ name: String) throws -> String {
        guard let v = args.value(name), !v.trimmingSpaces.isEmpty else { throw UsageError("thiếu --\(name)") }
        return v
    }

    static let stepHelp = "  --step N          bước thứ N của quy trình (mặc định: bước đang chờ việc này)"

    static let handover = action(
        "handover", summary: "Giao hồ sơ cho cơ quan xử lý bước tiếp theo (tính hạn của bước).",
        options: "[--step N] [--slip SO]",
        help: """
            Giao hồ sơ cho cơ quan của bước tiếp theo trong quy trình ("Giao"); hạn của bước được tính từ thời điểm
            giao theo thời gian làm việc. Cơ quan ngoài xã: ghi số phiếu chuyển hoặc số biên nhận bưu chính (--slip).
            \(stepHelp)
              --slip SO         số phiếu chuyển / biên nhận bưu chính
            """,
        valued: ["step", "slip"]
    ) { args in .handOver(step: try step(args), slip: args.value("slip")) }

    static let acknowledge = action(
        "acknowledge", summary: "Ghi nhận cơ quan đã nhận hồ sơ của bước đã giao.",
        options: "[--step N] [--receipt SO]",
        help: """
            Cơ quan đã nhận hồ sơ ("Nhận"). Cán bộ một cửa ghi nhận thay cơ quan ngoài xã, kèm số biên nhận (--receipt);
            cơ quan trong xã do cán bộ của cơ quan đó tự xác nhận.
            \(stepHelp)
              --receipt SO      số biên nhận của cơ quan nhận
            """,
        valued: ["step", "receipt"]
    ) { args in .acknowledge(step: try step(args), receipt: args.value("receipt")) }

    static let stepDone = action(
        "step-done", summary: "Ghi nhận cơ quan đã xử lý xong bước của mình (kèm kết quả xử lý).",
        options: "--note TEXT [--step N] [--next [--slip SO]]",
        help: """
            Cơ quan đã xử lý xong nhiệm vụ của bước; kết quả của bước (trước hạn, đúng hạn, quá hạn) so với hạn của bước.
            Kết quả xử lý (--note) là bắt buộc: không ghi bước trống.
            \(stepHelp)
              --note TEXT       kết quả xử lý của bước
              --next            giao luôn cho cơ quan của bước sau cùng thời điểm (--slip: số phiếu chuyển)
            """,
        valued: ["step", "note", "slip"], flags: ["next"]
    ) { args in
        .finishStep(
            step: try step(args), note: args.value("note") ?? "", handOverNext: args.has("next"),
            slip: args.value("slip"))
    }

    static let supplement = action(
        "supplement", summary: "Yêu cầu bổ sung hồ sơ trong khi giải quyết (dừng tính thời hạn).",
        options: "--item TEXT [--item TEXT…] [--reason TEXT]",
        help: """
            Cơ quan giải quyết yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, qua Bộ phận một cửa): nêu một lần mọi nội
            dung cần bổ sung. Thời hạn dừng lại; khi nhận đủ hồ sơ (case resume) thời hạn được tính lại.
              --item TEXT       một nội dung cần bổ sung (lặp lại cho mỗi nội dung)
              --reason TEXT     lý do
            In phiếu: motcua print supplement CODE.
            """,
        valued: ["item", "reason"], repeatable: ["item"]
    ) { args in
        guard !args.all("item").isEmpty else { throw UsageError("cần ít nhất một --item (nội dung cần bổ sung)") }
        return .requestSupplement(items: args.all("item"), reason: args.value("reason") ?? "")
    }

    static let resume = action(
        "resume", summary: "Nhận đủ hồ sơ bổ sung: thời hạn được tính lại.",
        options: "",
        help: """
            Người nộp đã bổ sung đủ hồ sơ. Thời hạn giải quyết được tính lại từ đầu (mặc định, theo quy định) hoặc cộng
            thêm thời gian đã dừng (thiết lập resume_policy = shift); hạn cũ vẫn lưu trong lịch sử.
            """
    ) { _ in .resume }

    static let refuse = action(
        "refuse", summary: "Từ chối giải quyết sau khi thẩm định (kết quả của hồ sơ).",
        options: "--reason TEXT [--reason TEXT…]",
        help: """
            Từ chối giải quyết: là kết quả của hồ sơ, nêu rõ lý do (Mẫu 03). Từ chối sau thời hạn được đánh dấu.
              --reason TEXT     một lý do (lặp lại cho mỗi lý do)
            In phiếu: motcua print refusal CODE.
            """,
        valued: ["reason"], repeatable: ["reason"]
    ) { args in
        guard !args.all("reason").isEmpty else { throw UsageError("cần ít nhất một --reason (lý do từ chối)") }
        return .refuse(reasons: args.all("reason"))
    }

    static let reschedule = action(
        "reschedule", summary: "Xin lỗi và hẹn lại ngày trả kết quả (một lần).",
        options: "--new-due \"YYYY-MM-DD HH:MM\" --reason TEXT",
        help: """
            Hồ sơ không kịp hạn: văn bản xin lỗi và hẹn lại ngày trả (Mẫu 04), chỉ một lần cho mỗi hồ sơ; lãnh đạo
            thực hiện. Ngày hẹn mới thay ngày hẹn trên giấy tiếp nhận; thống kê vẫn tính theo hạn ban đầu. Xin lỗi khi
            còn chưa đến một ngày làm việc trước hạn được ghi là "xin lỗi muộn".
              --new-due T       thời điểm hẹn trả mới (ngày làm việc)
              --reason TEXT     lý do chậm trễ
            In văn bản: motcua print apology CODE.
            """,
        valued: ["new-due", "reason"]
    ) { args in
        guard let newDue = try instant(args.value("new-due"), "--new-due") else { throw UsageError("thiếu --new-due") }
        return .reschedule(newDue: newDue, reason: try required(args, "reason"))
    }

    static let result = action(
        "result", summary: "Ghi nhận kết quả đã về Bộ phận một cửa.",
        options: "--number SO [--date YYYY-MM-DD] [--override-reason TEXT]",
        help: """
            Kết quả giải quyết đã về Bộ phận một cửa, chờ trả cho người nộp; ghi số và ngày của văn bản kết quả.
            Bước cuối còn đang xử lý thì được ghi nhận hoàn thành cùng lúc (kết quả đã về là bước đã xong). Hồ sơ liên
            thông chỉ nhận kết quả khi mọi bước đã xong; lãnh đạo có thể ghi nhận trước kèm lý do (--override-reason),
            ghi trên phiếu kiểm soát.
              --number SO       số văn bản kết quả (giấy khai sinh, quyết định…)
              --date NGAY       ngày của văn bản kết quả (mặc định: ngày của --at)
              --override-reason TEXT  (lãnh đạo) lý do ghi nhận kết quả khi các bước chưa xong
            """,
        valued: ["number", "date", "override-reason"]
    ) { args in
        var date: CivilDate?
        if let text = args.value("date") {
            guard let d = CivilDate(iso: text) ?? CivilDate(vietnamese: text) else {
                throw UsageError("--date: \"\(text)\" không phải ngày có thật")
            }
            date = d
        }
        return .resultReceived(
            number: try required(args, "number"), date: date, overrideReason: args.value("override-reason"))
    }

    static let returnCase = action(
        "return", summary: "Trả kết quả cho người nộp (tại quầy hoặc qua bưu chính).",
        options: "[--method counter|post] [--postal-receipt SO] [--told yes|no]",
        help: """
            Trả kết quả cho người nộp; ghi nhận trước hạn, đúng hạn hoặc quá hạn so với ngày hẹn (so sánh theo ngày).
            Trả trước ngày hẹn phải ghi đã báo trước cho người nộp hay chưa (--told yes|no).
              --method M        counter (tại Bộ phận một cửa, mặc định) hoặc post (qua bưu chính)
              --postal-receipt SO  số biên nhận bưu chính (khi trả qua bưu chính)
              --told yes|no     trả sớm: đã báo trước cho người nộp (yes) hay không (no)
            """,
        valued: ["method", "postal-receipt", "told"]
    ) { args in
        let method: CollectMethod
        switch args.value("method") ?? "counter" {
        case "counter": method = .counter
        case "post": method = .post
        case let other: throw UsageError("--method phải là counter hoặc post, không phải \"\(other)\"")
        }
        var told: Bool?
        switch args.value("told") {
        case nil: told = nil
        case "yes"?: told = true
        case "no"?: told = false
        case let other?: throw UsageError("--told phải là yes hoặc no, không phải \"\(other)\"")
        }
        return .returnToApplicant(method: method, postalReceipt: args.value("postal-receipt"), told: told)
    }

    static let evaluate = action(
        "evaluate", summary: "Ghi đánh giá của người nộp khi trả kết quả.",
        options: "(--satisfaction MUC | --scores 2,2,1,2,2)",
        help: """
            Đánh giá của người nộp (sau khi trả kết quả), theo một trong hai cách:
              --satisfaction MUC  very_satisfied (rất hài lòng), satisfied (hài lòng), dissatisfied (không hài lòng)
              --scores A,B,C,D,E  điểm 2/1/0 của năm chỉ số 1, 2, 3, 4 và 7, theo thứ tự:
            \(EvaluationIndex.allCases.map { "                      \($0.lawNumber). \($0.vietnameseName) (\($0.rawValue))" }.joined(separator: "\n"))
            """,
        valued: ["satisfaction", "scores"]
    ) { args in
        switch (args.value("satisfaction"), args.value("scores")) {
        case (let level?, nil):
            guard let l = SatisfactionLevel(rawValue: level) else {
                throw UsageError(
                    "--satisfaction phải là một trong: \(SatisfactionLevel.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return .evaluate(.satisfaction(l))
        case (nil, let text?):
            let parts = text.split(separator: ",").map { String($0).trimmingSpaces }
            let scores = parts.compactMap { $0.count == 1 ? Int($0) : nil }
            guard parts.count == EvaluationIndex.allCases.count, scores.count == parts.count,
                scores.allSatisfy({ (0...2).contains($0) })
            else {
                throw UsageError(
                    "--scores: \(EvaluationIndex.allCases.count) điểm 0, 1 hoặc 2 cách nhau bởi dấu phẩy, ví dụ 2,2,1,2,2"
                )
            }
            var byIndex: [String: Int] = [:]
            for (i, index) in EvaluationIndex.allCases.enumerated() { byIndex[index.rawValue] = scores[i] }
            return .evaluate(.indices(byIndex))
        default:
            throw UsageError("cần đúng một trong --satisfaction hoặc --scores")
        }
    }

    static func closing(
        _ name: String, summary: String, help: String, _ make: @escaping @Sendable (String) -> CaseAction
    ) -> Command {
        action(
            name, summary: summary, options: "--reason TEXT", help: help + "\n  --reason TEXT     lý do (bắt buộc)",
            valued: ["reason"]
        ) { args in
            make(try required(args, "reason"))
        }
    }

    static let withdraw = closing(
        "withdraw", summary: "Người nộp rút hồ sơ.",
        help: "Người nộp rút hồ sơ theo đề nghị của họ, khi chưa có kết quả; hồ sơ kết thúc, không bị xóa."
    ) {
        .withdraw(reason: $0)
    }
    static let stop = closing(
        "stop", summary: "Dừng giải quyết hồ sơ (thông báo Mẫu 05).",
        help: "Dừng giải quyết hồ sơ (lãnh đạo); in thông báo: motcua print stop CODE."
    ) { .stop(reason: $0) }
    static let cancel = closing(
        "cancel", summary: "Hủy hồ sơ nhập nhầm (lãnh đạo, quản trị).",
        help:
            "Hủy hồ sơ nhập nhầm: chỉ lãnh đạo hoặc quản trị viên, phải ghi lý do; hồ sơ không bị xóa, số không dùng lại."
    ) {
        .cancel(reason: $0)
    }

    static let all: [Command] = [
        handover, acknowledge, stepDone, supplement, resume, refuse, reschedule, result, returnCase,
        evaluate, withdraw, stop, cancel
    ]
}
