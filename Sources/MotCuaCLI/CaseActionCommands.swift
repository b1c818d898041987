import MotCuaCore
import MotCuaStore
import MotCuaSystem

/// `case handover|acknowledge|step-done|supplement|resume|refuse|reschedule|result|return|evaluate|withdraw|stop|cancel
/// CODE …`: every step of a case's life after reception, for scripts and bulk work. The same lifecycle and role
/// checks as the screens; a refused action exits 1 and says why.
enum CaseActionCommands {
    /// What an action does with the parsed arguments: records its event(s) and returns a Vietnamese sentence
    /// describing what was done.
    typealias Perform = @Sendable (_ store: Store, _ code: String, _ args: ParsedArguments, _ at: LocalDateTime, _ officer: String,
                         _ calendar: WorkingCalendar) throws -> String

    static func action(_ name: String, summary: String, options: String, help: String, valued: Set<String> = [],
                       flags: Set<String> = [], repeatable: Set<String> = [], perform: @escaping Perform) -> Command {
        Command(
            name: "case \(name)",
            summary: summary,
            usage: "motcua case \(name) CODE \(options.isEmpty ? "" : options + " ")[--at \"YYYY-MM-DD HH:MM\"] [--officer USER] [--json] [--db PATH]",
            help: """
            \(help)
            In một dòng: mã hồ sơ, trạng thái, thời điểm hẹn trả (cách nhau bởi dấu tab); với --json: hồ sơ dạng JSON.
            Việc không được phép (sai trạng thái, sai vai trò) in lý do và thoát với mã 1.

            Tuỳ chọn chung:
              --at THOI_DIEM    thời điểm của việc (mặc định: bây giờ), dạng "YYYY-MM-DD HH:MM"
            \(CaseCommands.officerHelp)
            \(StoreCommands.dbHelp)

            """,
            spec: OptionSpec(valued: valued.union(["db", "at", "officer"]), flags: flags.union(["json"]), repeatable: repeatable,
                             positionals: 1...1, positionalNames: ["mã hồ sơ CODE"]),
            run: { args, io in
                let store = try StoreAccess.open(args, io, for: .writing)
                let code = args.positionals[0]
                let at = try instant(args.value("at"), "--at") ?? io.now()
                let officer = args.value("officer") ?? "he-thong"
                let message = try perform(store, code, args, at, officer, try StoreAccess.calendar(store))
                guard let record = try store.caseRecord(code: code.trimmingSpaces) else { throw CommandFailure("không có hồ sơ mã \(code)") }
                if args.has("json") {
                    io.out(CaseExport.json(record, events: try store.events(caseID: record.id)).compactText)
                } else {
                    io.out("\(record.code)\t\(record.state.status.rawValue)\t\(record.state.appointment.iso)")
                }
                io.err(message)
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
        guard let n = Int(text), n >= 1 else { throw UsageError("--step: số thứ tự bước, từ 1") }
        return n - 1
    }

    static func required(_ args: ParsedArguments, _ name: String) throws -> String {
        guard let v = args.value(name).map(VietnameseText.normalizedField), !v.isEmpty else {
            throw UsageError("thiếu --\(name)")
        }
        return v
    }

    static func record(_ store: Store, _ code: String) throws -> CaseRecord {
        guard let r = try store.caseRecord(code: code.trimmingSpaces) else { throw CommandFailure("không có hồ sơ mã \(code)") }
        return r
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
    ) { store, code, args, at, officer, calendar in
        let state = try store.handOver(caseCode: code, step: try step(args), slipNumber: args.value("slip"), at: at,
                                       officer: officer, calendar: calendar)
        let r = try record(store, code)
        let k = state.steps.lastIndex { $0.handedOverAt == at } ?? 0
        return "Đã giao bước \(k + 1) cho \(r.steps[k].bodyName); hạn của bước: \(state.steps[k].stepDue?.vietnamese ?? "")"
    }

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
    ) { store, code, args, at, officer, _ in
        let before = try record(store, code)
        let state = try store.acknowledge(caseCode: code, step: try step(args), receiptNumber: args.value("receipt"), at: at, officer: officer)
        let k = state.steps.indices.first { state.steps[$0].acknowledgedAt != before.state.steps[$0].acknowledgedAt } ?? 0
        return "\(before.steps[k].bodyName) đã nhận hồ sơ (bước \(k + 1))"
    }

    static let stepDone = action(
        "step-done", summary: "Ghi nhận cơ quan đã xử lý xong bước của mình.",
        options: "[--step N] [--note TEXT]",
        help: """
        Cơ quan đã xử lý xong nhiệm vụ của bước; kết quả của bước (trước hạn, đúng hạn, quá hạn) so với hạn của bước.
        \(stepHelp)
          --note TEXT       ghi chú kết quả xử lý của bước
        """,
        valued: ["step", "note"]
    ) { store, code, args, at, officer, _ in
        let before = try record(store, code)
        let state = try store.finishStep(caseCode: code, step: try step(args), note: args.value("note") ?? "", at: at, officer: officer)
        let k = state.steps.indices.first { state.steps[$0].doneAt != before.state.steps[$0].doneAt } ?? 0
        return "\(before.steps[k].bodyName) đã xử lý xong bước \(k + 1): \(state.steps[k].punctuality?.vietnameseName ?? "")"
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
    ) { store, code, args, at, officer, calendar in
        let items = args.all("item").map(VietnameseText.normalizedField).filter { !$0.isEmpty }
        guard !items.isEmpty else { throw UsageError("cần ít nhất một --item (nội dung cần bổ sung)") }
        let r = try record(store, code)
        try store.record(.supplementRequested(items: items, reason: VietnameseText.normalizedField(args.value("reason") ?? "")),
                         caseCode: code, at: at, officer: officer)
        var message = "Đã ghi yêu cầu bổ sung (lần \(r.state.supplementRounds + 1)); thời hạn tạm dừng"
        if Routing.isLateSupplementRequest(receivedAt: r.receivedAt, requestedAt: at, calendar: calendar) {
            message += ". Lưu ý: quá 3 ngày làm việc kể từ khi tiếp nhận mới yêu cầu bổ sung"
        }
        return message
    }

    static let resume = action(
        "resume", summary: "Nhận đủ hồ sơ bổ sung: thời hạn được tính lại.",
        options: "",
        help: """
        Người nộp đã bổ sung đủ hồ sơ. Thời hạn giải quyết được tính lại từ đầu (mặc định, theo quy định) hoặc cộng
        thêm thời gian đã dừng (thiết lập resume_policy = shift); hạn cũ vẫn lưu trong lịch sử.
        """
    ) { store, code, _, at, officer, calendar in
        let state = try store.resumeAfterSupplement(caseCode: code, at: at, officer: officer, calendar: calendar,
                                                    policy: try store.resumePolicy())
        return "Đã nhận đủ hồ sơ bổ sung; hạn mới: \(state.legalDue.vietnameseAppointment)"
    }

    static let refuse = action(
        "refuse", summary: "Từ chối giải quyết sau khi thẩm định (kết quả của hồ sơ).",
        options: "--reason TEXT [--reason TEXT…]",
        help: """
        Từ chối giải quyết: là kết quả của hồ sơ, nêu rõ lý do (Mẫu 03). Từ chối sau thời hạn được đánh dấu.
          --reason TEXT     một lý do (lặp lại cho mỗi lý do)
        In phiếu: motcua print refusal CODE.
        """,
        valued: ["reason"], repeatable: ["reason"]
    ) { store, code, args, at, officer, _ in
        let reasons = args.all("reason").map(VietnameseText.normalizedField).filter { !$0.isEmpty }
        guard !reasons.isEmpty else { throw UsageError("cần ít nhất một --reason (lý do từ chối)") }
        let state = try store.record(.refused(reasons: reasons), caseCode: code, at: at, officer: officer)
        return state.punctuality == .late ? "Đã ghi từ chối giải quyết — SAU THỜI HẠN (\(state.legalDue.vietnamese))"
                                          : "Đã ghi từ chối giải quyết"
    }

    static let reschedule = action(
        "reschedule", summary: "Xin lỗi và hẹn lại ngày trả kết quả (một lần).",
        options: "--new-due \"YYYY-MM-DD HH:MM\" --reason TEXT",
        help: """
        Hồ sơ không kịp hạn: văn bản xin lỗi và hẹn lại ngày trả (Mẫu 04), chỉ một lần cho mỗi hồ sơ; lãnh đạo
        thực hiện. Ngày hẹn mới thay ngày hẹn trên giấy tiếp nhận; thống kê vẫn tính theo hạn ban đầu.
          --new-due T       thời điểm hẹn trả mới
          --reason TEXT     lý do chậm trễ
        In văn bản: motcua print apology CODE.
        """,
        valued: ["new-due", "reason"]
    ) { store, code, args, at, officer, calendar in
        guard let newDue = try instant(args.value("new-due"), "--new-due") else { throw UsageError("thiếu --new-due") }
        let reason = try required(args, "reason")
        guard calendar.isWorkingDay(newDue.date) else {
            throw CommandFailure("ngày hẹn mới \(newDue.date.vietnamese) không phải ngày làm việc")
        }
        let r = try record(store, code)
        let late = Routing.needsApology(r.state, now: at, calendar: calendar) && at > r.state.appointment
        try store.record(.rescheduled(newDue: newDue, reason: reason), caseCode: code, at: at, officer: officer)
        return "Đã hẹn lại: \(newDue.vietnameseAppointment)\(late ? ". Lưu ý: văn bản xin lỗi gửi sau ngày hẹn cũ" : "")"
    }

    static let result = action(
        "result", summary: "Ghi nhận kết quả đã về Bộ phận một cửa.",
        options: "--number SO [--date YYYY-MM-DD]",
        help: """
        Kết quả giải quyết đã về Bộ phận một cửa, chờ trả cho người nộp; ghi số và ngày của văn bản kết quả.
        Bước cuối còn đang xử lý thì được ghi nhận hoàn thành cùng lúc (kết quả đã về là bước đã xong).
          --number SO       số văn bản kết quả (giấy khai sinh, quyết định…)
          --date NGAY       ngày của văn bản kết quả (mặc định: ngày của --at)
        """,
        valued: ["number", "date"]
    ) { store, code, args, at, officer, _ in
        let number = try required(args, "number")
        var date = at.date
        if let text = args.value("date") {
            guard let d = CivilDate(iso: text) ?? CivilDate(vietnamese: text) else { throw UsageError("--date: \"\(text)\" không phải ngày có thật") }
            date = d
        }
        let state = try store.receiveResult(caseCode: code, documentNumber: number, documentDate: date, at: at, officer: officer)
        return "Đã nhận kết quả số \(number): \(state.punctuality?.vietnameseName.lowercased() ?? "")"
    }

    static let returnCase = action(
        "return", summary: "Trả kết quả cho người nộp (tại quầy hoặc qua bưu chính).",
        options: "[--method counter|post] [--postal-receipt SO] [--told]",
        help: """
        Trả kết quả cho người nộp; ghi nhận trước hạn, đúng hạn hoặc quá hạn so với ngày hẹn (so sánh theo ngày).
        Trả sớm được phép sau khi đã báo cho người nộp (--told).
          --method M        counter (tại Bộ phận một cửa, mặc định) hoặc post (qua bưu chính)
          --postal-receipt SO  số biên nhận bưu chính (khi trả qua bưu chính)
          --told            đã báo trước cho người nộp (trả sớm)
        """,
        valued: ["method", "postal-receipt"], flags: ["told"]
    ) { store, code, args, at, officer, _ in
        let method: CollectMethod
        switch args.value("method") ?? "counter" {
        case "counter": method = .counter
        case "post": method = .post
        case let other: throw UsageError("--method phải là counter hoặc post, không phải \"\(other)\"")
        }
        let receipt = args.value("postal-receipt").map(VietnameseText.normalizedField).flatMap { $0.isEmpty ? nil : $0 }
        if method == .post && receipt == nil { throw UsageError("trả qua bưu chính cần --postal-receipt") }
        let state = try store.record(.returned(method: method, postalReceipt: receipt, applicantToldEarly: args.has("told")),
                                     caseCode: code, at: at, officer: officer)
        return "Đã trả kết quả: \(state.returnPunctuality?.vietnameseName.lowercased() ?? "")"
    }

    static let evaluate = action(
        "evaluate", summary: "Ghi đánh giá của người nộp khi trả kết quả.",
        options: "(--satisfaction MUC | --scores 2,2,1,2,2)",
        help: """
        Đánh giá của người nộp (sau khi trả kết quả), theo một trong hai cách:
          --satisfaction MUC  very_satisfied (rất hài lòng), satisfied (hài lòng), dissatisfied (không hài lòng)
          --scores A,B,C,D,E  điểm 2/1/0 của năm chỉ số, theo thứ tự:
        \(EvaluationIndex.allCases.enumerated().map { "                      \($0.offset + 1). \($0.element.vietnameseName) (\($0.element.rawValue))" }.joined(separator: "\n"))
        """,
        valued: ["satisfaction", "scores"]
    ) { store, code, args, at, officer, _ in
        let evaluation: Evaluation
        switch (args.value("satisfaction"), args.value("scores")) {
        case (let level?, nil):
            guard let l = SatisfactionLevel(rawValue: level) else {
                throw UsageError("--satisfaction phải là một trong: \(SatisfactionLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            evaluation = .satisfaction(l)
        case (nil, let text?):
            let parts = text.split(separator: ",").map { Int(String($0).trimmingSpaces) }
            guard parts.count == EvaluationIndex.allCases.count, parts.allSatisfy({ $0.map { (0...2).contains($0) } ?? false }) else {
                throw UsageError("--scores: \(EvaluationIndex.allCases.count) điểm 0, 1 hoặc 2 cách nhau bởi dấu phẩy, ví dụ 2,2,1,2,2")
            }
            var scores: [String: Int] = [:]
            for (i, index) in EvaluationIndex.allCases.enumerated() { scores[index.rawValue] = parts[i]! }
            evaluation = .indices(scores)
        default:
            throw UsageError("cần đúng một trong --satisfaction hoặc --scores")
        }
        try store.record(.evaluated(evaluation), caseCode: code, at: at, officer: officer)
        return "Đã ghi đánh giá"
    }

    static func closing(_ name: String, summary: String, help: String, _ make: @escaping @Sendable (String) -> CaseEventPayload,
                        done: String) -> Command {
        action(name, summary: summary, options: "--reason TEXT", help: help + "\n  --reason TEXT     lý do (bắt buộc)", valued: ["reason"]) {
            store, code, args, at, officer, _ in
            try store.record(make(try required(args, "reason")), caseCode: code, at: at, officer: officer)
            return done
        }
    }

    static let withdraw = closing("withdraw", summary: "Người nộp rút hồ sơ.",
                                  help: "Người nộp rút hồ sơ theo đề nghị của họ; hồ sơ kết thúc, không bị xóa.",
                                  { .withdrawn(reason: $0) }, done: "Đã ghi người nộp rút hồ sơ")
    static let stop = closing("stop", summary: "Dừng giải quyết hồ sơ (thông báo Mẫu 05).",
                              help: "Dừng giải quyết hồ sơ (lãnh đạo); in thông báo: motcua print stop CODE.",
                              { .stopped(reason: $0) }, done: "Đã dừng giải quyết hồ sơ")
    static let cancel = closing("cancel", summary: "Hủy hồ sơ nhập nhầm (lãnh đạo, quản trị).",
                                help: "Hủy hồ sơ nhập nhầm: chỉ lãnh đạo hoặc quản trị viên, phải ghi lý do; hồ sơ không bị xóa, số không dùng lại.",
                                { .cancelled(reason: $0) }, done: "Đã hủy hồ sơ")

    static let all: [Command] = [handover, acknowledge, stepDone, supplement, resume, refuse, reschedule, result, returnCase,
                                 evaluate, withdraw, stop, cancel]
}
