import MotCuaSystem
import MotCuaTesting
import Testing

@Suite struct LunarCommandTests {
    @Test(arguments: [
        ("2023-03-22", "1/2/2023 nhuận"), ("2023-01-22", "1/1/2023"), ("2025-01-28", "29/12/2024"),
        ("2030-02-02", "1/1/2030"), ("2025-07-25", "1/6/2025 nhuận")
    ])
    func printsOneLine(_ date: String, _ expected: String) {
        let r = runCLI(["lunar", date])
        #expect(r.status == 0)
        #expect(r.out == expected + "\n")
        #expect(r.err.isEmpty)
    }

    @Test(arguments: [
        ["lunar"], ["lunar", "2023-02-30"], ["lunar", "22/03/2023"], ["lunar", "2023-03-22", "x"],
        ["lunar", "--bogus"], ["lunar", "1700-01-01"]
    ])
    func wrongArgumentsExitWith2(_ args: [String]) {
        let r = runCLI(args)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("motcua lunar: "))
    }
}

@Suite struct CalendarCommandTests {
    @Test func official2025() {
        let r = runCLI(["calendar", "2025"])
        #expect(r.status == 0)
        #expect(r.lines.first == "2025 official")
        #expect(r.lines.contains("2025-04-26\twork\tLàm bù cho ngày nghỉ thứ Sáu 02/05/2025"))
        #expect(r.lines.contains { $0.hasPrefix("2025-05-02\toff\t") })
        #expect(r.lines.contains { $0.hasPrefix("2025-01-25\toff\t") }, "weekend days of the Tết block are listed")
        // Sorted by date, every line three tab-separated fields.
        let dates = r.lines.dropFirst().map { String($0.prefix(10)) }
        #expect(dates == dates.sorted())
        #expect(r.lines.dropFirst().allSatisfy { $0.split(separator: "\t").count == 3 })
    }

    @Test func defaultYearListsWeekendHolidaysAndCompensation() {
        let r = runCLI(["calendar", "2028"])
        #expect(r.lines.first == "2028 default")
        // 1 January 2028 is a Saturday: listed, and compensated on Monday 3 January.
        #expect(r.lines.contains { $0.hasPrefix("2028-01-01\toff\t") })
        #expect(r.lines.contains { $0.hasPrefix("2028-01-03\toff\tNghỉ bù") })
        #expect(!r.lines.contains { $0.contains("\twork\t") })
    }

    @Test func holidaysFileReplacesTheShippedOne() throws {
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        let path = dir + "/h.json"
        try FileSystem.writeAtomically(
            path,
            text: """
                {"format": "motcua-holidays", "version": 1, "years": [{"year": 2025, "status": "official", "source": "thử",
                  "daysOff": [{"date": "2025-01-01", "name": "Tết Dương lịch"}]}]}
                """)
        let r = runCLI(["calendar", "2025", "--holidays", path])
        #expect(r.out == "2025 official\n2025-01-01\toff\tTết Dương lịch\n")
        let d = runCLI(["due", "--received", "2025-01-24 10:00", "--working-days", "1", "--holidays", path])
        #expect(d.out == "2025-01-27 10:00\n", "without the official Tết block the Monday is a working day")
    }

    @Test func malformedHolidayFileNamesFileAndField() throws {
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        let path = dir + "/broken.json"
        try FileSystem.writeAtomically(
            path,
            text: """
                {"format": "motcua-holidays", "version": 1, "years": [{"year": 2025, "status": "official", "source": "s",
                  "daysOff": [{"date": "2025-13-01", "name": "x"}]}]}
                """)
        let r = runCLI(["calendar", "2025", "--holidays", path])
        #expect(r.status == 2)
        #expect(r.err.contains(path))
        #expect(r.err.contains("years[0].daysOff[0].date"))
        #expect(r.err.contains("2025-13-01"))
        let missing = runCLI(["calendar", "2025", "--holidays", dir + "/none.json"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("none.json: không tồn tại"))
    }

    @Test(arguments: [
        ["calendar"], ["calendar", "25"], ["calendar", "abcd"], ["calendar", "2025", "2026"], ["calendar", "1800"]
    ])
    func wrongArguments(_ args: [String]) {
        #expect(runCLI(args).status == 2)
    }
}

@Suite struct DueCommandTests {
    @Test(arguments: [
        (["--received", "2026-11-20 15:30", "--same-day"], "2026-11-23 17:00"),
        (["--received", "2026-11-20 15:30", "--same-day", "--cutoff", "16:00"], "2026-11-20 17:00"),
        (["--received", "2026-02-12 10:00", "--working-days", "3"], "2026-02-24 10:00"),
        (["--received", "2026-01-08 16:00", "--working-hours", "12"], "2026-01-10 10:30"),
        (["--received", "2026-04-20 09:00", "--calendar-days", "6"], "2026-04-28 17:00"),
        (["--received=2026-11-16 10:00", "--working-days=3", "--extra-days=5"], "2026-11-26 10:00")
    ])
    func firstLineIsTheDueInstant(_ args: [String], _ expected: String) {
        let r = runCLI(["due"] + args)
        #expect(r.status == 0)
        #expect(r.out == expected + "\n")
    }

    @Test func explainPrintsReasonsAfterTheInstant() {
        let r = runCLI(["due", "--received", "2026-11-20 15:30", "--same-day", "--explain"])
        #expect(
            r.lines == [
                "2026-11-23 17:00",
                "Thời hạn: trong ngày.",
                "Tiếp nhận lúc 15:30 thứ Sáu 20/11/2026, sau 15:00: trả vào cuối ngày làm việc tiếp theo.",
                "Bỏ qua thứ Bảy 21/11/2026: ngày nghỉ hằng tuần.",
                "Bỏ qua Chủ nhật 22/11/2026: ngày nghỉ hằng tuần.",
                "Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026."
            ])
    }

    @Test func explainWarnsAboutDefaultYears() {
        let r = runCLI(["due", "--received", "2027-02-04 10:00", "--working-days", "1", "--explain"])
        #expect(r.lines.first == "2027-02-12 10:00")
        #expect(
            r.lines.last
                == "Lưu ý: năm 2027 chưa có lịch nghỉ chính thức trong dữ liệu; ngày nghỉ được tính theo quy tắc mặc định."
        )
    }

    @Test(arguments: [
        (["due"], "thiếu tuỳ chọn bắt buộc --received"),
        (["due", "--received", "2026-11-20 15:30"], "thiếu thời hạn"),
        (["due", "--received", "2026-11-20 15:30", "--same-day", "--working-days", "2"], "chỉ được cho một thời hạn"),
        (["due", "--received", "2026-02-29 10:00", "--same-day"], "không phải thời điểm có thật"),
        (["due", "--received", "2026-11-20 25:00", "--same-day"], "không phải thời điểm có thật"),
        (["due", "--received", "2026-11-20", "--same-day"], "không phải thời điểm có thật"),
        (["due", "--received", "2026-11-20 10:00", "--working-days", "0"], "phải là số nguyên từ 1"),
        (["due", "--received", "2026-11-20 10:00", "--working-days", "ba"], "phải là số nguyên"),
        (["due", "--received", "2026-11-20 10:00", "--same-day", "--cutoff", "3pm"], "không phải giờ hợp lệ"),
        (
            ["due", "--received", "2026-11-20 10:00", "--working-days", "2", "--cutoff", "15:00"],
            "--cutoff chỉ dùng cùng --same-day"
        ),
        (["due", "--received", "2026-11-20 10:00", "--same-day", "--explain=yes"], "không nhận giá trị"),
        (
            ["due", "--received", "2026-11-20 10:00", "--same-day", "--received", "2026-11-20 11:00"],
            "được cho nhiều lần"
        ),
        (["due", "--received", "2026-11-20 10:00", "--weeks", "2"], "tuỳ chọn không hợp lệ: --weeks"),
        (["due", "--received"], "--received cần một giá trị")
    ])
    func wrongArgumentsAreExplained(_ args: [String], _ message: String) {
        let r = runCLI(args)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.contains("Cách dùng: motcua due"))
    }
}

@Suite struct HelpAndVersionTests {
    @Test func generalHelpListsSubcommands() {
        // (No arguments opens the screens; that is tested through the real binary, without a terminal.)
        for args in [["--help"], ["-h"], ["help"]] {
            let r = runCLI(args)
            #expect(r.status == 0)
            for name in ["lunar", "calendar", "due"] { #expect(r.out.contains("  \(name) ")) }
        }
    }

    @Test(arguments: ["lunar", "calendar", "due"])
    func eachSubcommandHasItsHelp(_ name: String) {
        let r = runCLI([name, "--help"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("Cách dùng: motcua \(name)"))
        #expect(runCLI(["help", name]).out == r.out)
    }

    @Test func version() {
        let r = runCLI(["--version"])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("motcua 0.1.0 (SQLite 3."))
        #expect(r.out.contains("ncurses 6."))
    }

    @Test func unknownCommand() {
        let r = runCLI(["frobnicate"])
        #expect(r.status == 2)
        #expect(r.err.contains("lệnh không hợp lệ: frobnicate"))
    }
}

/// The same contracts through the real process: exit statuses, streams, no crash output.
@Suite struct BinaryTests {
    @Test func realBinaryExitStatuses() throws {
        let ok = try runBinary(["lunar", "2023-03-22"])
        #expect(ok.status == 0)
        #expect(ok.stdoutText == "1/2/2023 nhuận\n")
        let bad = try runBinary(["due", "--received", "2026-13-01 10:00", "--same-day"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderrText.hasPrefix("motcua due: "))
        #expect(!bad.stderrText.contains("Fatal error"))
        // No arguments opens the counter's screens, which need a terminal: refused with a message, exit 2.
        let noArgs = try runBinary([], environment: ["XDG_DATA_HOME": "/nonexistent-motcua-test"])
        #expect(noArgs.status == 2)
        #expect(noArgs.stderrText.contains("cần chạy trong một cửa sổ dòng lệnh"))
        let help = try runBinary(["--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("Cách dùng: motcua <lệnh>"))
    }

    @Test func brokenPipeDoesNotCrash() throws {
        // `motcua calendar 2026 | head -1`: the reader goes away; the writer must not die of SIGPIPE noise.
        let r = try Subprocess.run(["sh", "-c", "'\(motcuaBinary)' calendar 2026 | head -n 1"])
        #expect(r.stdoutText == "2026 official\n")
        #expect(r.stderr.isEmpty)
    }
}
