import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import Testing

/// The ways the record could be bent from the command line (issue 10), each now refused with its reason and
/// nothing written: times in the future or outside the calendar, a back-dated action without a reason, a
/// leader named without a password, the machine's time zone.
@Suite struct RecordBendingTests {
    typealias Dir = PrintCommandTests.Dir
    static let today = "2026-12-05 10:00"

    func database() throws -> Dir {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        let leader = runCLI(
            ["officer", "add", "lanhdao1", "--name", "Trần Văn Lãnh", "--role", "leader", "--db", dir.db],
            stdin: "matkhau-ld1\n")
        #expect(leader.status == 0, "\(leader.err)")
        #expect(
            runCLI(
                ["officer", "add", "tiepnhan1", "--name", "Lê Thị Tiếp", "--role", "desk", "--db", dir.db],
                stdin: "matkhau-tn1\n"
            ).status == 0)
        return dir
    }

    func add(_ dir: Dir, received: String? = nil, extra: [String] = [], now: String = RecordBendingTests.today)
        -> CommandResult
    {
        runCLI(
            ["case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", "Đặng Thị Mai", "--id", "001190012345"]
                + (received.map { ["--received", $0] } ?? []) + extra, now: now)
    }

    func code(_ r: CommandResult) -> String { String(r.lines.first?.split(separator: "\t").first ?? "") }

    func caseCount(_ dir: Dir) throws -> Int {
        try Store.open(path: dir.db, options: .init(readOnly: true)).caseCount()
    }

    @Test func noReceptionInTheFutureNorOutsideTheCalendar() throws {
        let dir = try database()
        for (received, refusal) in [
            ("2027-03-10 09:00", Refusal.timeInFuture(LocalDateTime(iso: "2027-03-10 09:00")!)),
            ("2150-01-05 09:00", .timeInFuture(LocalDateTime(iso: "2150-01-05 09:00")!)),
            ("3000-01-06 09:00", .yearOutOfRange(3000)),
            ("9999-12-31 23:59", .yearOutOfRange(9999))
        ] {
            let r = add(dir, received: received, extra: ["--reason", "Thử"])
            #expect(r.status != 0 && r.refusals == [refusal], "\(received): \(r.refusals) \(r.err)")
        }
        // Five minutes ahead (two counters' clocks) is accepted as "now".
        #expect(add(dir, received: "2026-12-05 10:04").status == 0)
        #expect(try caseCount(dir) == 1)
        // Overflowing numbers are refused, not trapped on.
        let overflow = add(dir, extra: ["--results", "-9223372036854775808"])
        #expect(overflow.status == 2 && overflow.err.contains("results"), "\(overflow.err)")
        #expect(try caseCount(dir) == 1)
    }

    @Test func noActionInTheFutureAndBackDatingNeedsAReasonThenALeader() throws {
        let dir = try database()
        let received = add(dir, received: "2026-12-02 09:00", now: "2026-12-02 09:00")
        #expect(received.status == 0, "\(received.err)")
        let code = code(received)
        func act(_ args: [String], officer: String? = nil, password: String? = nil) -> CommandResult {
            runCLI(
                ["case"] + [args[0], code] + args.dropFirst() + ["--db", dir.db]
                    + (officer.map { ["--officer", $0] } ?? []),
                now: Self.today, password: password)
        }
        for at in ["2027-05-01 08:00", "9999-12-31 23:59"] {
            let r = act(["handover", "--at", at])
            #expect(r.status != 0 && !r.refusals.isEmpty, "\(at): \(r.out)")
        }
        #expect(
            act(["handover", "--at", "2026-12-05 09:00"]).refusals == [
                .lateReasonRequired(LocalDateTime(iso: "2026-12-05 09:00")!)
            ])
        // Thursday 09:30 seen on Saturday: more than one working day ago.
        #expect(
            act(
                ["handover", "--at", "2026-12-03 09:30", "--late-reason", "Mất điện"], officer: "tiepnhan1",
                password: "matkhau-tn1"
            )
            .refusals == [.backdatingNeedsLeader(LocalDateTime(iso: "2026-12-03 09:30")!)])
        // A leader, with the password, may record it; it is marked as typed after the fact.
        let late = act(
            ["handover", "--at", "2026-12-03 09:30", "--late-reason", "Mất điện cả buổi"], officer: "lanhdao1",
            password: "matkhau-ld1")
        #expect(late.status == 0, "\(late.err)")
        let show = runCLI(["case", "show", code, "--db", dir.db], now: Self.today)
        #expect(show.out.contains("nhập sau lúc 05/12/2026 10:00: Mất điện cả buổi"), "\(show.out)")
        // The real-time actions after it still work (nothing was put in the future), and check finds nothing.
        #expect(act(["acknowledge"]).status == 0)
        #expect(runCLI(["check", "--db", dir.db], now: Self.today).status == 0)
    }

    @Test func namingAnOfficerNeedsTheirPassword() throws {
        let dir = try database()
        let code = code(add(dir))
        let cancel = ["case", "cancel", code, "--reason", "Nhầm", "--db", dir.db, "--officer", "lanhdao1"]
        let noTerminal = runCLI(cancel, now: Self.today, password: nil)
        #expect(noTerminal.refusals == [.passwordRequired(username: "lanhdao1")], "\(noTerminal.err)")
        let wrong = runCLI(cancel, now: Self.today, password: "doan-mo")
        #expect(wrong.refusals == [.wrongPassword])
        #expect(runCLI(cancel + ["--password-stdin"], stdin: "matkhau-ld1\n", now: Self.today).status == 0)
        let store = try Store.open(path: dir.db, options: .init(readOnly: true))
        let events = try store.events(caseID: try store.caseID(code: code)!)
        #expect(events.last?.event.officer == "lanhdao1" && events.last?.channel == .commandLine)
        #expect(
            events.first?.event.officer == Officer.commandLineUsername,
            "without --officer: the command line's own account")
    }

    /// The legal times are Vietnam time whatever TZ says: the real binary under two time zones, the same
    /// instant on its (faked) system clock, records the same reception time.
    @Test func theTimeZoneChangesNothing() throws {
        let dir = try database()
        var received: [String] = []
        for tz in ["Asia/Ho_Chi_Minh", "Etc/GMT+12", "America/New_York"] {
            let r = try runBinary(
                [
                    "case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", "Người \(tz)", "--id",
                    "001190012345",
                    "--json"
                ], environment: ["TZ": tz], at: "2026-12-05 10:00")
            #expect(r.status == 0, "\(r.stderrText)")
            let store = try Store.open(path: dir.db, options: .init(readOnly: true))
            received.append(try store.caseRecord(id: Int64(received.count + 1)).receivedAt.iso)
        }
        #expect(Set(received).count == 1 && received[0].hasPrefix("2026-12-05 10:0"), "\(received)")
    }
}

/// `check --anchor DATE HASH` against the hash the day's summary prints.
@Suite struct AnchorCommandTests {
    @Test func theDailySummaryPinsTheDayAndCheckVerifiesIt() throws {
        let dir = try PrintCommandTests.Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        for (name, time) in [("Đặng Thị Mai", "2026-12-04 09:00"), ("Lê Văn Nam", "2026-12-04 10:00")] {
            let r = runCLI(
                ["case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", name, "--id", "001190012345"],
                now: time)
            #expect(r.status == 0, "\(r.err)")
        }
        let daily = runCLI(["report", "daily", "--date", "2026-12-04", "--db", dir.db], now: "2026-12-04 17:00")
        #expect(daily.status == 0, "\(daily.err)")
        let line = try #require(daily.lines.first { $0.contains("motcua check --anchor 2026-12-04 ") }, "\(daily.out)")
        let hash = String(try #require(line.split(separator: " ").drop { $0 != "2026-12-04" }.dropFirst().first))
        #expect(hash.count == 16)
        let ok = runCLI(["check", "--anchor", "2026-12-04", hash, "--db", dir.db], now: "2026-12-05 08:00")
        #expect(ok.status == 0 && ok.out.contains("khớp mã đã ghi"), "\(ok.out)\(ok.err)")
        // The next day's work does not change the day's anchor.
        #expect(
            runCLI(
                [
                    "case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", "Phan Văn An", "--id",
                    "001190012346"
                ],
                now: "2026-12-05 09:00"
            ).status == 0)
        #expect(runCLI(["check", "--anchor", "2026-12-04", hash, "--db", dir.db], now: "2026-12-05 09:30").status == 0)
        let wrong = runCLI(
            ["check", "--anchor", "2026-12-04", "0000000000000000", "--db", dir.db], now: "2026-12-05 09:30")
        #expect(wrong.status == 1 && wrong.out.contains("không khớp mã đã ghi"), "\(wrong.out)")
        for bad in [
            ["--anchor", "2026-12-04"], ["--anchor", "2026-13-04", hash], ["--anchor", "2026-12-04", "xyz"], [hash]
        ] {
            #expect(runCLI(["check"] + bad + ["--db", dir.db]).status == 2, "\(bad)")
        }
        // No paper can pin a day that has not come yet (it would "match" whatever the file says now).
        let future = runCLI(["check", "--anchor", "2026-12-06", hash, "--db", dir.db], now: "2026-12-05 09:30")
        #expect(future.status == 2 && future.err.contains("chưa đến"), "\(future.err)")
        // What a hostile argument echoes in a message cannot drive the terminal, nor flood it.
        let hostile = runCLI(
            ["check", "--anchor", "\u{1B}[31m\u{07}" + String(repeating: "9", count: 100_000), hash, "--db", dir.db],
            now: "2026-12-05 09:30")
        #expect(hostile.status == 2 && !hostile.err.contains("\u{1B}") && !hostile.err.contains("\u{07}"))
        #expect(hostile.err.count < 2_000 && hostile.err.contains("…"), "\(hostile.err.count)")
    }
}
