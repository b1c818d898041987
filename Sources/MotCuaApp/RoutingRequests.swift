import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

extension Application {
    /// Performs the routing requests (issue 6): actions on a case after reception, the bodies' queues, bulk
    /// hand-over. Errors are turned into `.failed` by the caller.
    func performRoutingRequest(_ request: Request) throws -> Response? {
        switch request {
        case let .caseAction(code, action, at):
            let message = try perform(action, on: code, at: at ?? env.clock())
            guard let record = try env.store.caseRecord(code: code) else { return .failed("Không có hồ sơ mã \(code)") }
            env.log?.write("case action: \(code) \(action.logName) by \(officerName)")
            return .actionDone(message, record)
        case .loadBodies:
            return .bodies(try env.store.bodyLoads(now: env.clock()))
        case .loadBodyQueue(let body):
            return .bodyQueue(bodyCode: body, try env.store.bodyQueue(bodyCode: body))
        case .bulkHandOver(let codes):
            var done = 0
            var failures: [String] = []
            let now = env.clock()
            for code in codes {
                do {
                    try env.store.handOver(caseCode: code, at: now, officer: officerName, calendar: env.calendar)
                    done += 1
                } catch {
                    failures.append("\(code): \(error)")
                }
            }
            env.log?.write("bulk hand-over: \(done) of \(codes.count) by \(officerName)")
            let message = "Đã giao \(done)/\(codes.count) hồ sơ" + (failures.isEmpty ? "" : "; không giao được: " + failures.joined(separator: "; "))
            return .done(message)
        case .exportCSV(let source):
            guard case .success(let built) = try build(source), let csv = built.csv else { return .failed("Báo cáo này không có dữ liệu CSV") }
            let path = try env.archive.save(csv, name: built.name, extension: "csv")
            env.log?.write("report exported: \(built.name).csv")
            return .done("Đã lưu CSV: \(shown(path))")
        case .backup(let folder):
            let now = env.clock()
            let name = "motcua-\(now.date.iso)-\(now.time.text.replacing(":", with: "")).db"
            let target = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/" + name
            let backup = try env.store.backup(to: target)
            env.log?.write("backup: \(backup.bytes) bytes, \(backup.cases) cases, check \(backup.verdict)")
            // The new file's name first: a long folder path is what the 80-column status line may cut.
            return .done("Đã sao lưu \(name) (\(backup.bytes / 1024) KiB, \(backup.cases) hồ sơ, đã kiểm tra) vào thư mục \(folder)")
        default:
            return nil
        }
    }

    /// A path under the database's folder shown relative to it ("documents/…").
    func shown(_ path: String) -> String {
        let base = FileSystem.directoryName(env.store.path) + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Records one action; returns what was done, in Vietnamese.
    func perform(_ action: CaseAction, on code: String, at: LocalDateTime) throws -> String {
        let store = env.store
        let me = officerName
        switch action {
        case let .handOver(step, slip):
            let state = try store.handOver(caseCode: code, step: step, slipNumber: slip, at: at, officer: me, calendar: env.calendar)
            return "Đã giao bước \(step + 1); hạn của bước: \(state.steps[step].stepDue?.vietnamese ?? "")"
        case let .acknowledge(step, receipt):
            try store.acknowledge(caseCode: code, step: step, receiptNumber: receipt, at: at, officer: me)
            return "Đã ghi nhận cơ quan nhận hồ sơ (bước \(step + 1))"
        case let .finishStep(step, note, next, slip):
            let record = try store.caseRecord(code: code)
            if next, let record, step + 1 < record.steps.count {
                let state = try store.finishAndHandOver(caseCode: code, step: step, note: note, slipNumber: slip, at: at, officer: me,
                                                        calendar: env.calendar)
                return "Bước \(step + 1) xong: \(state.steps[step].punctuality?.vietnameseName.lowercased() ?? ""); "
                    + "đã giao bước \(step + 2), hạn \(state.steps[step + 1].stepDue?.vietnamese ?? "")"
            }
            let state = try store.finishStep(caseCode: code, step: step, note: note, at: at, officer: me)
            return "Bước \(step + 1) xong: \(state.steps[step].punctuality?.vietnameseName.lowercased() ?? "")"
        case let .resultReceived(number, date):
            // A last step still open is finished by the result coming back (one transaction).
            let state = try store.receiveResult(caseCode: code, documentNumber: number, documentDate: date, at: at, officer: me)
            return "Đã nhận kết quả: \(state.punctuality?.vietnameseName.lowercased() ?? "")"
        case let .returnToApplicant(method, receipt, told):
            let state = try store.record(.returned(method: method, postalReceipt: receipt, applicantToldEarly: told), caseCode: code, at: at, officer: me)
            return "Đã trả kết quả: \(state.returnPunctuality?.vietnameseName.lowercased() ?? "")"
        case .evaluate(let evaluation):
            try store.record(.evaluated(evaluation), caseCode: code, at: at, officer: me)
            return "Đã ghi đánh giá của người nộp"
        case let .requestSupplement(items, reason):
            let state = try store.record(.supplementRequested(items: items, reason: reason), caseCode: code, at: at, officer: me)
            var message = "Đã ghi yêu cầu bổ sung (lần \(state.supplementRounds)); thời hạn tạm dừng"
            if let record = try store.caseRecord(code: code),
               Routing.isLateSupplementRequest(receivedAt: record.receivedAt, requestedAt: at, calendar: env.calendar) {
                message += " — lưu ý: quá 3 ngày làm việc kể từ khi tiếp nhận"
            }
            return message
        case .resume:
            let state = try store.resumeAfterSupplement(caseCode: code, at: at, officer: me, calendar: env.calendar,
                                                        policy: try store.resumePolicy())
            return "Đã nhận đủ hồ sơ bổ sung; hạn mới \(state.legalDue.vietnamese)"
        case .refuse(let reasons):
            let state = try store.record(.refused(reasons: reasons), caseCode: code, at: at, officer: me)
            return state.punctuality == .late ? "Đã ghi từ chối giải quyết — sau thời hạn" : "Đã ghi từ chối giải quyết"
        case let .reschedule(newDue, reason):
            try store.record(.rescheduled(newDue: newDue, reason: reason), caseCode: code, at: at, officer: me)
            return "Đã hẹn lại: \(newDue.vietnameseAppointment)"
        case .withdraw(let reason):
            try store.record(.withdrawn(reason: reason), caseCode: code, at: at, officer: me)
            return "Đã ghi người nộp rút hồ sơ"
        case .stop(let reason):
            try store.record(.stopped(reason: reason), caseCode: code, at: at, officer: me)
            return "Đã dừng giải quyết hồ sơ"
        case .cancel(let reason):
            try store.record(.cancelled(reason: reason), caseCode: code, at: at, officer: me)
            return "Đã hủy hồ sơ"
        }
    }
}

extension CaseAction {
    /// For the log: the action, never a citizen's data.
    var logName: String {
        switch self {
        case .handOver(let s, _): "hand-over step \(s + 1)"
        case .acknowledge(let s, _): "acknowledge step \(s + 1)"
        case .finishStep(let s, _, let next, _): "step \(s + 1) done\(next ? " and handed on" : "")"
        case .resultReceived: "result received"
        case .returnToApplicant: "returned"
        case .evaluate: "evaluated"
        case .requestSupplement: "supplement requested"
        case .resume: "supplement received"
        case .refuse: "refused"
        case .reschedule: "rescheduled"
        case .withdraw: "withdrawn"
        case .stop: "stopped"
        case .cancel: "cancelled"
        }
    }
}
