import Foundation
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import Testing

/// `motcua case handover|acknowledge|step-done|supplement|resume|reschedule|result|return|evaluate|cancel …`,
/// `officer add|list` and the routing prints (issue 6), in-process with explicit --at times.
///
/// XA.LT.01 (3 working days) goes TUPHAP 1 wd → CONGAN 1 wd → BHXH 1 wd; 1.004873 (3 working days) goes
/// TUPHAP 2 wd → LANHDAO 1 wd. 21–22/11/2026 is a weekend. The shipped unit code is 000.00.00.H00.
@Suite struct CaseActionCommandTests {
    typealias Dir = PrintCommandTests.Dir

    /// A fresh database.
    func initialised() throws -> Dir {
        let dir = try Dir()
        let r = runCLI(["init", "--db", dir.db])
        #expect(r.status == 0, "\(r.err)")
        return dir
    }

    /// Registers a case by `case add`; returns its code.
    func add(
        _ dir: Dir, _ procedure: String, received: String, name: String = "Đặng Thị Mai", id: String = "001190012345",
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let r = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", procedure, "--name", name, "--id", id, "--fee", "0",
                "--received", received
            ], now: received)
        #expect(r.status == 0, "\(r.err)", sourceLocation: sourceLocation)
        return try #require(
            r.lines.first?.split(separator: "\t").first.map(String.init), sourceLocation: sourceLocation)
    }

    /// `motcua case ACTION CODE EXTRA… --at AT --db …` with the clock at `at`; with `officer`, as that officer
    /// (their password "matkhau-USER" on stdin).
    func act(_ dir: Dir, _ action: String, _ code: String, _ extra: [String] = [], at: String, officer: String? = nil)
        -> CommandResult
    {
        let who = officer.map { ["--officer", $0, "--password-stdin"] } ?? []
        return runCLI(
            ["case", action, code] + extra + who + ["--at", at, "--db", dir.db],
            stdin: officer.map { "matkhau-\($0)\n" } ?? "",
            now: at)
    }

    /// `case show CODE --json` as a dictionary.
    func json(_ dir: Dir, _ code: String) throws -> [String: Any] {
        let r = runCLI(["case", "show", code, "--json", "--db", dir.db])
        #expect(r.status == 0, "\(r.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    func eventKinds(_ dir: Dir, _ code: String) throws -> [String] {
        let events = try #require(try json(dir, code)["events"] as? [[String: Any]])
        return events.compactMap { $0["kind"] as? String }
    }

    /// A printed text with its line breaks and indentation folded to single spaces (fields wrap at 72 columns).
    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    // MARK: The whole journey

    @Test func theBirthResidenceInsuranceJourneyByCommands() throws {
        let dir = try initialised()
        // Thursday 19/11 09:00 + 3 working days → Tuesday 24/11 09:00.
        let add = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", "XA.LT.01", "--name", "Đặng Thị Mai", "--id",
                "001190012345",
                "--received", "2026-11-19 09:00"
            ], now: "2026-11-19 09:00")
        #expect(add.status == 0, "\(add.err)")
        let code = try #require(add.lines.first?.split(separator: "\t").first.map(String.init))
        #expect(add.lines == ["\(code)\t2026-11-24 09:00"])

        func t(_ text: String) -> LocalDateTime { LocalDateTime(iso: text)! }
        let tuphap = "Công chức Tư pháp - Hộ tịch", police = "Công an xã", insurance = "Bảo hiểm xã hội cơ sở"
        let script: [(action: String, extra: [String], at: String, status: String, done: ActionDone)] = [
            (
                "handover", [], "2026-11-19 10:00", "in_progress",
                .handedOver(step: 0, bodyName: tuphap, due: t("2026-11-20 10:00"))
            ),
            ("acknowledge", [], "2026-11-19 10:15", "in_progress", .acknowledged(step: 0, bodyName: tuphap)),
            (
                "step-done", ["--note", "Đã đăng ký khai sinh"], "2026-11-20 09:00", "in_progress",
                .stepDone(step: 0, bodyName: tuphap, verdict: .onTime, next: nil)
            ),
            // Friday 10:00 + 1 working day, across the weekend → Monday 10:00.
            (
                "handover", ["--slip", "PC-01"], "2026-11-20 10:00", "in_progress",
                .handedOver(step: 1, bodyName: police, due: t("2026-11-23 10:00"))
            ),
            (
                "acknowledge", ["--receipt", "BN-7"], "2026-11-20 10:30", "in_progress",
                .acknowledged(step: 1, bodyName: police)
            ),
            // Finished on Tuesday, after Monday's deadline.
            (
                "step-done", ["--note", "Đã đăng ký thường trú"], "2026-11-24 07:40", "in_progress",
                .stepDone(step: 1, bodyName: police, verdict: .late, next: nil)
            ),
            (
                "handover", [], "2026-11-24 07:45", "in_progress",
                .handedOver(step: 2, bodyName: insurance, due: t("2026-11-25 07:45"))
            ),
            ("acknowledge", [], "2026-11-24 07:50", "in_progress", .acknowledged(step: 2, bodyName: insurance)),
            (
                "step-done", ["--note", "Đã cấp thẻ"], "2026-11-24 08:00", "in_progress",
                .stepDone(step: 2, bodyName: insurance, verdict: .early, next: nil)
            ),
            // On the due day, before the due time (09:00).
            (
                "result", ["--number", "KS-123"], "2026-11-24 08:30", "result_ready",
                .resultReceived(number: "KS-123", verdict: .onTime, overridden: false)
            ),
            ("return", [], "2026-11-24 08:45", "returned", .returned(verdict: .onTime))
        ]
        for s in script {
            let r = act(dir, s.action, code, s.extra, at: s.at)
            #expect(r.status == 0, "\(s.action) \(s.at): \(r.err)")
            #expect(r.lines == ["\(code)\t\(s.status)\t2026-11-24 09:00"], "\(s.action) \(s.at)")
            #expect(r.err == Messages.text(s.done) + "\n", "\(s.action) \(s.at)")
        }

        let evaluated = act(dir, "evaluate", code, ["--scores", "1,0,2,2,2", "--json"], at: "2026-11-24 08:50")
        #expect(evaluated.status == 0, "\(evaluated.err)")
        #expect(evaluated.err == Messages.text(ActionDone.evaluated) + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(evaluated.out.utf8)) as? [String: Any])
        #expect(object["code"] as? String == code)
        #expect(object["status"] as? String == "returned")
        #expect(object["due"] as? String == "2026-11-24 09:00")
        #expect(object["punctuality"] as? String == "on_time")
        #expect(object["returnPunctuality"] as? String == "on_time")
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["body"] as? String } == ["TUPHAP", "CONGAN", "BHXH"])
        #expect(
            steps.compactMap { $0["stepDue"] as? String } == [
                "2026-11-20 10:00", "2026-11-23 10:00", "2026-11-25 07:45"
            ])
        #expect(steps.compactMap { $0["punctuality"] as? String } == ["on_time", "late", "early"])
        let events = try #require(object["events"] as? [[String: Any]])
        let last = try #require(events.last)
        #expect(last["kind"] as? String == "evaluated")
        let indices = (last["data"] as? [String: Any])?["indices"] as? [String: Any]
        #expect(indices?["body_time"] as? Int == 0 && indices?["total_time"] as? Int == 1)

        // The control sheet: each step judged against its own deadline, the result against the legal deadline, the
        // return against the appointment.
        let sheetPath = dir.path + "/kiem-soat.txt"
        let sheet = runCLI(
            ["print", "control-sheet", code, "--output", sheetPath, "--db", dir.db], now: "2026-11-24 17:00")
        #expect(sheet.status == 0, "\(sheet.err)")
        let text = try FileSystem.readText(sheetPath)
        func row(_ n: Int) -> String {
            text.split(separator: "\n").first { $0.contains("│ \(n). Giao:") }.map(String.init) ?? ""
        }
        #expect(row(1).contains("Đúng hạn"), "\(row(1))")
        #expect(row(2).contains("Quá hạn"), "\(row(2))")
        #expect(row(3).contains("Trước hạn"), "\(row(3))")
        #expect(row(4).contains("Đúng hạn"), "the result: \(row(4))")
        #expect(row(5).contains("Đúng hạn"), "the return: \(row(5))")
        #expect(text.components(separatedBy: "Quá hạn").count == 2, "only the police's step is late")
        #expect(text.contains("PC-01"), "the slip number in the step's notes")
        #expect(text.contains("BN-7"), "the police's receipt number")

        // The transfer slip of step 2: to the police, its task and its deadline.
        let slipPath = dir.path + "/chuyen-2.txt"
        let transfer = runCLI(["print", "transfer", code, "--step", "2", "--output", slipPath, "--db", dir.db])
        #expect(transfer.status == 0, "\(transfer.err)")
        let slip = flat(try FileSystem.readText(slipPath))
        #expect(slip.contains("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ"))
        #expect(slip.contains("Số: PC-01"))
        #expect(slip.contains("Kính gửi: Công an xã"))
        #expect(slip.contains("Bước: 2/3"))
        #expect(slip.contains("Nhiệm vụ: Đăng ký thường trú cho trẻ"))
        #expect(slip.contains("1 ngày làm việc, đến 10 giờ 00 phút, ngày 23/11/2026"))
        #expect(slip.contains("Sau khi xử lý xong: chuyển tiếp cho Bảo hiểm xã hội cơ sở"))
        #expect(
            runCLI(["print", "transfer", code, "--step", "4", "--output", dir.path + "/x.txt", "--db", dir.db]).status
                == 1)
        #expect(!FileSystem.exists(dir.path + "/x.txt"))
    }

    // MARK: Refusals and usage errors

    @Test func refusedActionsExitOneWithTheReasonAndWriteNothing() throws {
        let dir = try initialised()
        // Monday 16/11 09:00 + 3 working days → Thursday 19/11 09:00.
        let code = try add(dir, "1.004873", received: "2026-11-16 09:00")

        let notReady = act(dir, "return", code, at: "2026-11-16 10:00")
        #expect(notReady.status == 1)
        #expect(notReady.refusals == [.wrongState(action: .returned, status: .received)], "\(notReady.err)")
        #expect(notReady.err.contains(Messages.text(Refusal.wrongState(action: .returned, status: .received))))
        #expect(notReady.out.isEmpty)
        let notReturned = act(dir, "evaluate", code, ["--satisfaction", "satisfied"], at: "2026-11-16 10:00")
        #expect(notReturned.status == 1)
        #expect(notReturned.refusals == [.wrongState(action: .evaluated, status: .received)], "\(notReturned.err)")

        #expect(act(dir, "handover", code, at: "2026-11-16 10:00").status == 0)
        #expect(act(dir, "acknowledge", code, at: "2026-11-16 10:10").status == 0)
        let tuphap = "Công chức Tư pháp - Hộ tịch"
        let twice = act(dir, "acknowledge", code, at: "2026-11-16 10:20")
        #expect(twice.status == 1)
        #expect(twice.refusals == [.stepWaiting(step: 0, bodyName: tuphap, for: .stepDone)], "\(twice.err)")
        let twiceByNumber = act(dir, "acknowledge", code, ["--step", "1"], at: "2026-11-16 10:20")
        #expect(twiceByNumber.status == 1)
        #expect(twiceByNumber.refusals == [.stepAlreadyAcknowledged(0)], "\(twiceByNumber.err)")
        let early = act(dir, "handover", code, ["--step", "2"], at: "2026-11-16 10:20")
        #expect(early.status == 1)
        #expect(early.refusals == [.previousStepNotDone(step: 1)], "\(early.err)")

        let first = act(
            dir, "reschedule", code, ["--new-due", "2026-11-26 09:00", "--reason", "Chờ xác minh"],
            at: "2026-11-18 10:00")
        #expect(first.status == 0, "\(first.err)")
        #expect(first.lines == ["\(code)\tin_progress\t2026-11-26 09:00"])
        let second = act(
            dir, "reschedule", code, ["--new-due", "2026-11-27 09:00", "--reason", "Lại chậm"], at: "2026-11-25 10:00")
        #expect(second.status == 1)
        #expect(second.refusals == [.rescheduledAlready], "\(second.err)")

        let unknown = act(dir, "handover", "000.00.00.H00-261116-9999", at: "2026-11-16 10:00")
        #expect(unknown.status == 1)
        #expect(unknown.refusals == [.missingCase(code: "000.00.00.H00-261116-9999")], "\(unknown.err)")

        #expect(
            try eventKinds(dir, code) == ["received", "handed_over", "acknowledged", "rescheduled"],
            "refusals wrote nothing")
        #expect(try json(dir, code)["appointment"] as? String == "2026-11-26 09:00")
    }

    @Test func usageErrorsExitTwo() throws {
        let dir = try initialised()
        let code = try add(dir, "1.004873", received: "2026-11-16 09:00")
        let cases: [(args: [String], fragment: String)] = [
            (["handover", code, "--at", "2026-11-31 10:00"], "--at"),
            (["handover", code, "--at", "mai"], "--at"),
            (["handover", code, "--step", "0", "--at", "2026-11-16 10:00"], "--step"),
            (["cancel", code, "--at", "2026-11-16 10:00"], "thiếu --reason"),
            (["stop", code, "--reason", "  ", "--at", "2026-11-16 10:00"], "thiếu --reason"),
            (["evaluate", code, "--scores", "2,2,3,2,2", "--at", "2026-11-16 10:00"], "--scores"),
            (["evaluate", code, "--scores", "2,2,1,2", "--at", "2026-11-16 10:00"], "--scores"),
            (["return", code, "--method", "post", "--at", "2026-11-16 10:00"], "--postal-receipt"),
            (["reschedule", code, "--reason", "Chậm", "--at", "2026-11-16 10:00"], "--new-due"),
            (["supplement", code, "--reason", "Thiếu", "--at", "2026-11-16 10:00"], "--item")
        ]
        for c in cases {
            let r = runCLI(["case"] + c.args + ["--db", dir.db], now: "2026-11-16 10:00")
            #expect(r.status == 2, "\(c.args): \(r.err)")
            #expect(r.err.contains(c.fragment), "\(c.args): \(r.err)")
            #expect(r.err.contains("Cách dùng: motcua case \(c.args[0])"), "\(c.args)")
        }
        #expect(try eventKinds(dir, code) == ["received"])
    }

    @Test func rolesByCommand() throws {
        let dir = try initialised()
        let a = try add(dir, "XA.LT.01", received: "2026-11-19 09:00")
        let b = try add(dir, "XA.LT.01", received: "2026-11-19 09:05", name: "Trần Văn Bảy", id: "001190012346")
        let officers: [(user: String, name: String, role: String, body: String?)] = [
            ("thu", "Lê Văn Thu", "desk", nil), ("lanhdao", "Võ Văn Lãnh", "leader", nil),
            ("tuphap", "Phạm Thị Hộ", "department", "TUPHAP")
        ]
        for (user, name, role, body) in officers {
            let r = runCLI(
                ["officer", "add", user, "--name", name, "--role", role, "--db", dir.db]
                    + (body.map { ["--body", $0] } ?? []),
                stdin: "matkhau-\(user)\n")
            #expect(r.status == 0, "\(user): \(r.err)")
        }
        // An account that does not exist is refused like a wrong password (nobody learns which accounts exist).
        let unknownOfficer = act(dir, "handover", b, at: "2026-11-19 09:30", officer: "khongco")
        #expect(unknownOfficer.status == 1)
        #expect(unknownOfficer.refusals == [.wrongPassword], "\(unknownOfficer.err)")
        // Without the password there is no acting as someone else.
        let noPassword = runCLI(
            ["case", "handover", b, "--officer", "thu", "--at", "2026-11-19 09:30", "--db", dir.db],
            now: "2026-11-19 09:30")
        #expect(noPassword.status == 1)
        #expect(noPassword.refusals == [.passwordRequired(username: "thu")])
        // The desk officer hands over but does not acknowledge for the commune's own civil-status office.
        #expect(act(dir, "handover", a, at: "2026-11-19 10:00", officer: "thu").status == 0)
        let deskAck = act(dir, "acknowledge", a, at: "2026-11-19 10:10", officer: "thu")
        #expect(deskAck.status == 1)
        #expect(deskAck.refusals == [.bodyRecordsItself(bodyName: "Công chức Tư pháp - Hộ tịch")], "\(deskAck.err)")
        #expect(act(dir, "acknowledge", a, at: "2026-11-19 10:10", officer: "tuphap").status == 0)
        // The civil-status office finishes its step and passes the dossier on to the police itself.
        #expect(
            act(dir, "step-done", a, ["--note", "Đã đăng ký khai sinh"], at: "2026-11-20 09:00", officer: "tuphap")
                .status == 0)
        let passOn = act(dir, "handover", a, at: "2026-11-20 10:00", officer: "tuphap")
        #expect(passOn.status == 0, "\(passOn.err)")
        #expect(
            passOn.err == Messages.text(
                ActionDone.handedOver(step: 1, bodyName: "Công an xã", due: LocalDateTime(iso: "2026-11-23 10:00")!))
                + "\n")

        // Cancelling is for leaders and administrators.
        let deskCancel = act(dir, "cancel", a, ["--reason", "Nhập nhầm"], at: "2026-11-20 11:00", officer: "thu")
        #expect(deskCancel.status == 1)
        #expect(deskCancel.refusals == [.leaderOnly(.cancel)], "\(deskCancel.err)")
        #expect(try json(dir, a)["status"] as? String == "in_progress")
        let deskStop = act(dir, "stop", a, ["--reason", "Không bổ sung"], at: "2026-11-20 11:00", officer: "thu")
        #expect(deskStop.status == 1)
        let leader = act(dir, "cancel", a, ["--reason", "Nhập nhầm"], at: "2026-11-20 11:00", officer: "lanhdao")
        #expect(leader.status == 0, "\(leader.err)")
        #expect(leader.lines == ["\(a)\tcancelled\t2026-11-24 09:00"])
        #expect(leader.err == Messages.text(ActionDone.cancelled) + "\n")
        // The history says who did it, from where.
        let history = try #require(try json(dir, a)["events"] as? [[String: Any]])
        #expect(history.last?["officer"] as? String == "lanhdao")
        let admin = act(dir, "cancel", b, ["--reason", "Nhập nhầm"], at: "2026-11-20 11:00")
        #expect(admin.status == 0, "the command line's own account is an administrator: \(admin.err)")
        #expect(admin.lines == ["\(b)\tcancelled\t2026-11-24 09:05"])
        #expect(
            act(dir, "cancel", b, ["--reason", "Lần nữa"], at: "2026-11-20 11:30").status == 1,
            "a cancelled case stays cancelled")
    }

    // MARK: Supplement, resume, reschedule and their prints

    @Test func aSupplementStopsTheClockAndTheResumeRestartsIt() throws {
        let dir = try initialised()
        // Monday 16/11 09:00 → Thursday 19/11 09:00; TUPHAP's 2 working days from 10:00 → Wednesday 18/11 10:00.
        let code = try add(dir, "1.004873", received: "2026-11-16 09:00", name: "Trần Văn Bảy")
        #expect(act(dir, "handover", code, at: "2026-11-16 10:00").status == 0)
        #expect(act(dir, "acknowledge", code, at: "2026-11-16 10:15").status == 0)
        let notWaiting = act(dir, "resume", code, at: "2026-11-16 11:00")
        #expect(notWaiting.status == 1)
        #expect(notWaiting.refusals == [.notWaitingForSupplement], "\(notWaiting.err)")

        let ask = act(
            dir, "supplement", code,
            [
                "--item", "Bản sao giấy chứng nhận ly hôn", "--item", "Tờ khai có chữ ký",
                "--reason", "Hồ sơ chưa đủ"
            ], at: "2026-11-17 10:30")
        #expect(ask.status == 0, "\(ask.err)")
        #expect(ask.lines == ["\(code)\twaiting_supplement\t2026-11-19 09:00"])
        #expect(
            ask.err == Messages.text(ActionDone.supplementRequested(round: 1, late: false)) + "\n",
            "asked within 3 working days: no warning")

        let slipPath = dir.path + "/bo-sung.txt"
        let printed = runCLI(
            ["print", "supplement", code, "--output", slipPath, "--db", dir.db], now: "2026-11-17 10:35")
        #expect(printed.status == 0, "\(printed.err)")
        let slip = flat(try FileSystem.readText(slipPath))
        #expect(slip.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
        #expect(slip.contains("Trần Văn Bảy"))
        #expect(slip.contains("Bản sao giấy chứng nhận ly hôn") && slip.contains("Tờ khai có chữ ký"))
        #expect(slip.contains("Hồ sơ chưa đủ"))

        // Back on Friday 14:00: 3 working days from then → Wednesday 25/11 14:00; the step's 2 → Tuesday 24/11 14:00.
        let resumed = act(dir, "resume", code, at: "2026-11-20 14:00")
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.lines == ["\(code)\tin_progress\t2026-11-25 14:00"])
        #expect(resumed.err == "Đã nhận đủ hồ sơ bổ sung; hạn mới: 14 giờ 00 phút, thứ Tư ngày 25/11/2026\n")
        let object = try json(dir, code)
        #expect(object["due"] as? String == "2026-11-25 14:00")
        #expect(object["supplementRounds"] as? Int == 1)
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.first?["stepDue"] as? String == "2026-11-24 14:00")
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(
            (events.first?["data"] as? [String: Any])?["due"] as? String == "2026-11-19 09:00",
            "the original deadline stays in the history")
        let again = act(dir, "resume", code, at: "2026-11-20 15:00")
        #expect(again.status == 1)

        // A second request, long after reception: recorded with a warning.
        let lateAsk = act(dir, "supplement", code, ["--item", "Ảnh chân dung"], at: "2026-11-30 09:00")
        #expect(lateAsk.status == 0)
        #expect(
            lateAsk.err.contains("lần 2") && lateAsk.err.contains("Lưu ý: quá 3 ngày làm việc kể từ khi tiếp nhận"),
            "\(lateAsk.err)")
    }

    @Test func theShiftSettingKeepsTheTimeLeft() throws {
        let dir = try initialised()
        let bad = runCLI(["setting", "resume_policy", "later", "--db", dir.db])
        #expect(bad.status == 2)
        #expect(bad.err.contains("restart hoặc shift"), "\(bad.err)")
        #expect(runCLI(["setting", "resume_policy", "shift", "--db", dir.db]).status == 0)
        let code = try add(dir, "1.004873", received: "2026-11-16 09:00")
        #expect(act(dir, "handover", code, at: "2026-11-16 10:00").status == 0)
        #expect(act(dir, "acknowledge", code, at: "2026-11-16 10:15").status == 0)
        #expect(act(dir, "supplement", code, ["--item", "Tờ khai"], at: "2026-11-17 10:30").status == 0)
        // 870 working minutes were left at the pause → Tuesday 24/11 11:00 counted from Friday 14:00.
        let resumed = act(dir, "resume", code, at: "2026-11-20 14:00")
        #expect(resumed.status == 0, "\(resumed.err)")
        #expect(resumed.lines == ["\(code)\tin_progress\t2026-11-24 11:00"])
        #expect(resumed.err == "Đã nhận đủ hồ sơ bổ sung; hạn mới: 11 giờ 00 phút, thứ Ba ngày 24/11/2026\n")
    }

    @Test func theApologyCarriesTheNewDateAndTheReason() throws {
        let dir = try initialised()
        // Monday 16/11 09:00 → Thursday 19/11 09:00.
        let code = try add(dir, "1.004873", received: "2026-11-16 09:00", name: "Trần Văn Bảy")
        let path = dir.path + "/xin-loi.txt"
        let before = runCLI(["print", "apology", code, "--output", path, "--db", dir.db], now: "2026-11-16 10:00")
        #expect(before.status == 1)
        #expect(before.err.contains("chưa được hẹn lại"), "\(before.err)")
        #expect(!FileSystem.exists(path))

        let weekend = act(
            dir, "reschedule", code, ["--new-due", "2026-11-28 09:00", "--reason", "Chờ xác minh"],
            at: "2026-11-17 10:00")
        #expect(weekend.status == 1)
        #expect(weekend.refusals == [.newDueNotWorkingDay(CivilDate(iso: "2026-11-28")!)], "\(weekend.err)")
        // Tuesday 10:00: more than one working day before Thursday 09:00 — in time.
        let newDue = LocalDateTime(iso: "2026-11-26 09:00")!
        let r = act(
            dir, "reschedule", code,
            ["--new-due", "2026-11-26 09:00", "--reason", "Chờ kết quả xác minh của Công an xã"],
            at: "2026-11-17 10:00")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.lines == ["\(code)\treceived\t2026-11-26 09:00"])
        #expect(
            r.err == Messages.text(ActionDone.rescheduled(newDue: newDue, late: false)) + "\n",
            "in time: not a late apology")

        let printed = runCLI(["print", "apology", code, "--output", path, "--db", dir.db], now: "2026-11-17 10:05")
        #expect(printed.status == 0, "\(printed.err)")
        let text = flat(try FileSystem.readText(path))
        #expect(text.contains("VĂN BẢN XIN LỖI"))
        #expect(text.contains("Kính gửi: Ông/Bà Trần Văn Bảy"))
        #expect(text.contains("Thời gian hẹn trả kết quả: 09 giờ 00 phút, thứ Năm ngày 19/11/2026"))
        #expect(text.contains("Lý do: Chờ kết quả xác minh của Công an xã"))
        #expect(text.contains("Thời gian hẹn trả kết quả mới: 09 giờ 00 phút, thứ Năm ngày 26/11/2026"))

        // Rescheduled less than one working day before the due time (here after it): accepted, marked late.
        let late = try add(dir, "1.004873", received: "2026-11-16 09:30", name: "Lê Văn Chín", id: "001190012347")
        let lateR = act(
            dir, "reschedule", late, ["--new-due", "2026-11-26 09:00", "--reason", "Chờ xác minh"],
            at: "2026-11-19 10:00")
        #expect(lateR.status == 0, "\(lateR.err)")
        #expect(lateR.err == Messages.text(ActionDone.rescheduled(newDue: newDue, late: true)) + "\n", "\(lateR.err)")
        let lateData = try #require(
            (try json(dir, late)["events"] as? [[String: Any]])?.last?["data"] as? [String: Any])
        #expect(lateData["late"] as? Bool == true, "the history keeps it: xin lỗi muộn")
    }

    // MARK: Officers

    @Test func officerAccountsAreValidatedAndListed() throws {
        let dir = try initialised()
        func add(_ args: [String], password: String = "matkhau-123\n") -> CommandResult {
            runCLI(["officer", "add"] + args + ["--db", dir.db], stdin: password)
        }
        let noBody = add(["tuphap", "--name", "Phạm Thị Hộ", "--role", "department"])
        #expect(noBody.status == 2)
        #expect(noBody.err.contains("cần --body"), "\(noBody.err)")
        let unknownBody = add(["tuphap", "--name", "Phạm Thị Hộ", "--role", "department", "--body", "KHONGCO"])
        #expect(unknownBody.status == 2)
        #expect(unknownBody.refusals == [.missingBody(code: "KHONGCO")], "\(unknownBody.err)")
        let deskWithBody = add(["thu", "--name", "Lê Văn Thu", "--role", "desk", "--body", "TUPHAP"])
        #expect(deskWithBody.status == 2)
        #expect(deskWithBody.err.contains("--body chỉ dùng với --role department"), "\(deskWithBody.err)")
        #expect(add(["thu", "--name", "Lê Văn Thu", "--role", "boss"]).status == 2)
        #expect(add(["thu", "--role", "desk"]).status == 2, "the name is required")
        let shortPassword = add(["thu", "--name", "Lê Văn Thu", "--role", "desk"], password: "abc\n")
        #expect(shortPassword.status == 2)
        #expect(shortPassword.err.contains("ít nhất 6 ký tự"), "\(shortPassword.err)")

        let department = add(["tuphap", "--name", "Phạm Thị Hộ", "--role", "department", "--body", "TUPHAP"])
        #expect(department.status == 0, "\(department.err)")
        #expect(department.out == "Đã tạo tài khoản tuphap (Công chức chuyên môn, TUPHAP)\n")
        let desk = add(["thu", "--name", "Lê Văn Thu", "--role", "desk"])
        #expect(desk.status == 0, "\(desk.err)")
        #expect(desk.out == "Đã tạo tài khoản thu (Công chức tiếp nhận)\n")
        let duplicate = add(["thu", "--name", "Lê Văn Thu", "--role", "leader"])
        #expect(duplicate.status == 1)
        #expect(duplicate.err.contains("đã có"), "\(duplicate.err)")

        let list = runCLI(["officer", "list", "--db", dir.db])
        #expect(list.status == 0)
        #expect(
            list.lines == [
                "he-thong\tHệ thống (dòng lệnh)\tadmin\t\tactive",
                "tuphap\tPhạm Thị Hộ\tdepartment\tTUPHAP\tactive",
                "thu\tLê Văn Thu\tdesk\t\tactive"
            ], "refused accounts were not created")
    }

    @Test func passwordsAreResetAndAccountsLockedNeverTheLastAdministrator() throws {
        let dir = try initialised()
        #expect(
            runCLI(
                ["officer", "add", "thu", "--name", "Lê Văn Thu", "--role", "desk", "--db", dir.db],
                stdin: "matkhau-123\n"
            ).status == 0)
        #expect(
            runCLI(
                ["officer", "add", "qt", "--name", "Ngô Quản", "--role", "admin", "--db", dir.db],
                stdin: "matkhau-qt1\n"
            ).status == 0)
        let short = runCLI(["officer", "password", "thu", "--db", dir.db], stdin: "abc\n")
        #expect(short.status == 2 && short.err.contains("ít nhất 6 ký tự"), "\(short.err)")
        let reset = runCLI(["officer", "password", "thu", "--db", dir.db], stdin: "mat-khau-moi\n")
        #expect(reset.status == 0 && reset.out == "Đã đặt mật khẩu mới cho thu\n", "\(reset.err)")
        #expect(!reset.out.contains("mat-khau-moi") && !reset.err.contains("mat-khau-moi"))
        #expect(canLogIn(dir.db, "thu", "mat-khau-moi"))
        let unknown = runCLI(["officer", "password", "khongco", "--db", dir.db], stdin: "mat-khau-moi\n")
        #expect(unknown.status != 0 && unknown.err.contains("Không có cán bộ khongco"), "\(unknown.err)")

        let lock = runCLI(["officer", "lock", "thu", "--db", dir.db])
        #expect(lock.status == 0 && lock.out == "Đã khóa tài khoản thu\n", "\(lock.err)")
        #expect(!canLogIn(dir.db, "thu", "mat-khau-moi"))
        #expect(runCLI(["officer", "list", "--db", dir.db]).lines.contains("thu\tLê Văn Thu\tdesk\t\tinactive"))
        #expect(runCLI(["officer", "unlock", "thu", "--db", dir.db]).out == "Đã mở lại tài khoản thu\n")
        #expect(canLogIn(dir.db, "thu", "mat-khau-moi"))

        // The only administrator who can log in stays unlocked.
        let lastAdmin = runCLI(["officer", "lock", "qt", "--db", dir.db])
        #expect(lastAdmin.status != 0 && lastAdmin.err.contains("tài khoản quản trị cuối cùng"), "\(lastAdmin.err)")
        #expect(canLogIn(dir.db, "qt", "matkhau-qt1"))
    }
}
