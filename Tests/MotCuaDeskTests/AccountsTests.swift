import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// Who did it (issue 10 §4): wrong passwords are throttled and then lock the account, every failure is
/// logged without the password; the command line's own account does what `cli_actions` allows.
@Suite struct AccountsTests {
    func desk(_ ws: TestWorkspace, log: Logger? = nil) throws -> Desk {
        let clock = ws.clock
        return try Desk(store: ws.store, clock: .following { clock.now }, log: log)
    }

    @Test func wrongPasswordsAreThrottledThenLockTheAccount() throws {
        let ws = try TestWorkspace(now: "2026-11-20 09:00")
        let logPath = ws.directory + "/motcua.log"
        let desk = try desk(ws, log: Logger(path: logPath))
        func login(_ password: String) -> Refusal? {
            do {
                _ = try desk.login(username: "tiepnhan", password: password, channel: .screen, terminal: "tty3")
                return nil
            } catch {
                guard case .refused(let r) = error else { Issue.record("\(error)"); return nil }
                return r
            }
        }
        // Three tries are free.
        for _ in 1...2 { #expect(login("sai-mat-khau") == .wrongPassword) }
        #expect(login("sai-mat-khau") == .wrongPassword)
        // The next try waits 30 s — even with the right password.
        #expect(login("mat-khau-tn") == .loginThrottled(seconds: 30))
        ws.now = ws.now.adding(minutes: 1)
        #expect(login("sai-mat-khau") == .wrongPassword)  // the 4th: 60 s
        #expect(login("mat-khau-tn") == .loginThrottled(seconds: 60))
        // The waits double up to five minutes.
        #expect(LoginThrottle.wait(afterFailures: 3) == 30 && LoginThrottle.wait(afterFailures: 5) == 120)
        #expect(LoginThrottle.wait(afterFailures: 8) == 300 && LoginThrottle.wait(afterFailures: 9) == 300)
        // The right password after the wait clears the count.
        ws.now = ws.now.adding(minutes: 2)
        #expect(login("mat-khau-tn") == nil)
        #expect(try ws.store.loginFailures(username: "tiepnhan").count == 0)
        // Ten wrong in a row lock the account until an administrator unlocks it.
        for i in 1...10 {
            ws.now = ws.now.adding(minutes: 6)
            #expect(login("sai-\(i)") == (i == 10 ? .accountLocked(username: "tiepnhan") : .wrongPassword))
        }
        ws.now = ws.now.adding(minutes: 6)
        #expect(login("mat-khau-tn") == .accountLocked(username: "tiepnhan"))
        try desk.setOfficerActive(username: "tiepnhan", active: true, by: try ws.actor("quantri"))
        #expect(login("mat-khau-tn") == nil)
        // Logged: the account and the terminal, never a password; the lock in the audit log.
        let log = try FileSystem.readText(logPath)
        #expect(log.contains("login failed: tiepnhan, 1 wrong in a row (tty3)"))
        #expect(log.contains("account locked"))
        #expect(!log.contains("sai-") && !log.contains("mat-khau"))
        #expect(
            try ws.store.auditLog().contains {
                $0.action == "account_locked_after_failed_logins" && $0.detail == "tiepnhan"
            })
    }

    @Test func anUnknownAccountIsAWrongPasswordToo() throws {
        let ws = try TestWorkspace()
        let desk = try desk(ws)
        #expect(throws: DeskError.refused(.wrongPassword)) {
            try desk.login(username: "khong-co", password: "x", channel: .screen, terminal: "tty1")
        }
        #expect(throws: DeskError.refused(.wrongPassword), "the command line's account has no password") {
            try desk.login(username: Officer.commandLineUsername, password: "", channel: .screen, terminal: "tty1")
        }
    }

    @Test func theCommandLineAccountDoesWhatTheSettingAllows() throws {
        let ws = try TestWorkspace(now: "2026-11-18 10:00")
        let desk = try desk(ws)
        let code = try ws.register("Nguyễn Văn Bình", procedure: "1.004222", at: "2026-11-16 09:00").code
        let admin = try ws.actor("quantri")
        // Default: all.
        let cli = try desk.commandLineActor()
        #expect(cli.username == Officer.commandLineUsername && cli.channel == .commandLine)
        try desk.perform(.handOver(step: 0), on: code, by: cli)
        // Import only.
        try desk.changeSettings([(key: .commandLineActions, value: "import")], by: admin)
        #expect(throws: DeskError.refused(.commandLineNotAllowed(policy: .importOnly))) {
            try desk.perform(.acknowledge(step: 0), on: code, by: try desk.commandLineActor())
        }
        let paper = CaseDraft(
            procedureCode: "1.004222", applicant: Applicant(fullName: "Lê Văn Giấy", idNumber: "001099000555"),
            channel: .inPerson, receivedAt: ws.now)
        try desk.register(paper, by: try desk.commandLineActor(importing: true))
        // None.
        try desk.changeSettings([(key: .commandLineActions, value: "none")], by: admin)
        #expect(throws: DeskError.refused(.commandLineNotAllowed(policy: .none))) {
            try desk.register(paper, by: try desk.commandLineActor(importing: true))
        }
        // An officer who gives their password still acts from the command line.
        try desk.perform(
            .acknowledge(step: 0), on: code,
            by: try desk.login(
                username: "tiepnhan", password: "mat-khau-tn",
                channel: .commandLine, terminal: "pts/1"))
        // A wrong value is refused, naming the setting.
        #expect(throws: DeskError.self) {
            try desk.changeSettings([(key: .commandLineActions, value: "some")], by: admin)
        }
        // The events say who and where.
        let events = try ws.store.events(caseID: try ws.store.caseID(code: code)!)
        let handOver = events[1]
        #expect(handOver.event.officer == Officer.commandLineUsername && handOver.channel == .commandLine)
        #expect(handOver.osUser == CurrentProcess.userName)
        // Settings changes are in the audit log.
        #expect(try ws.store.auditLog().filter { $0.action == "settings_changed" }.count == 2)
    }
}
