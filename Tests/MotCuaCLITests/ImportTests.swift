import MotCuaCore
import MotCuaStore
import MotCuaSystem
import Testing

/// `case import` (issue 15 §2): strict RFC 4180 with the place of every error and nothing written for a
/// malformed file, never a file's content in a message, idempotent by row keys, a reception time required.
@Suite struct ImportTests {
    typealias Dir = PrintCommandTests.Dir
    static let now = "2026-11-23 09:00"

    func database() throws -> Dir {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        return dir
    }

    func write(_ dir: Dir, _ name: String, _ text: String) throws -> String {
        let path = dir.path + "/" + name
        try FileSystem.writeAtomically(path, text: text)
        return path
    }

    func cases(_ dir: Dir) throws -> Int { try Store.open(path: dir.db, options: .init(readOnly: true)).caseCount() }

    static let good = """
        procedure,name,id,received,phone
        1.004873,Đặng Thị Mai,001190012345,2026-11-20 09:00,0912345678
        XA.CT.02,"Lê Văn Nam, con",001190012346,2026-11-20 09:10,
        1.004873,Đặng Thị Mai,001190012345,2026-11-20 09:00,0912345678

        """

    @Test func aGoodFileImportsOnceThenNothingMore() throws {
        let dir = try database()
        let csv = try write(dir, "giay.csv", Self.good)
        let first = runCLI(["case", "import", csv, "--db", dir.db], now: Self.now)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.lines.count == 3, "two identical paper forms are two cases")
        #expect(try cases(dir) == 3)
        let again = runCLI(["case", "import", csv, "--db", dir.db], now: Self.now)
        #expect(again.status == 0 && again.lines == first.lines, "the same codes printed again")
        #expect(again.err.contains("3 dòng đã được nhập trước đó"))
        #expect(try cases(dir) == 3)
        // Imported after the fact: marked with the file as the reason, through the import channel.
        let store = try Store.open(path: dir.db, options: .init(readOnly: true))
        let events = try store.events(caseID: try store.caseID(code: String(first.lines[0].prefix { $0 != "\t" }))!)
        #expect(events[0].channel == .importer && events[0].lateReason == "Nhập hồ sơ giấy từ tệp giay.csv")
        #expect(runCLI(["check", "--db", dir.db], now: Self.now).status == 0)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Bad(
            name: "unbalanced quote",
            text: "procedure,name,id,received\n1.004873,\"Đặng Thị Mai,001190012345,2026-11-20 09:00\n",
            message: "dòng 3, cột 2: dấu ngoặc kép mở mà không đóng"),
        Bad(
            name: "extra field", text: "procedure,name,id,received\n1.004873,Mai,001190012345,2026-11-20 09:00,thừa\n",
            message: "dòng 3: có 5 trường, nhiều hơn 4 cột"),
        Bad(
            name: "missing column", text: "procedure,name,received\n1.004873,Mai,2026-11-20 09:00\n",
            message: "thiếu cột id"),
        Bad(
            name: "duplicated header",
            text: "procedure,name,id,received,name\n1.004873,Mai,001190012345,2026-11-20 09:00,Mai\n",
            message: "cột 5: tên cột bị lặp"),
        Bad(
            name: "no reception time", text: "procedure,name,id,received\n1.004873,Mai,001190012345,\n",
            message: "dòng 3, cột 4: cột received không được để trống")
    ])
    func aMalformedFileWritesNothing(_ bad: Bad) throws {
        let dir = try database()
        // A good first row: nothing is written even so, the file is checked whole first.
        var lines = bad.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert("1.004873,Lê An,001190012347,2026-11-20 08:00", at: 1)
        let text = lines.joined(separator: "\n")
        let r = runCLI(["case", "import", try write(dir, "x.csv", text), "--db", dir.db], now: Self.now)
        #expect(r.status == 2 && r.err.contains(bad.message), "\(r.err)")
        #expect(try cases(dir) == 0)
    }

    @Test func aMessageNeverShowsTheFileContent() throws {
        let dir = try database()
        let secret = "root:$y$j9T$c2VjcmV0LWhhc2g$Zm9yZ2Vk:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"
        let r = runCLI(["case", "import", try write(dir, "shadow", secret), "--db", dir.db], now: Self.now)
        #expect(r.status == 2)
        #expect(!r.err.contains("root") && !r.err.contains("j9T") && !r.err.contains("daemon"), "\(r.err)")
        let device = runCLI(["case", "import", "/dev/zero", "--db", dir.db], now: Self.now)
        #expect(device.status == 2 && device.err.contains("Không phải tệp thường"), "\(device.err)")
    }

    @Test func badRowsAreReportedWithTheirLineAndTheRestImported() throws {
        let dir = try database()
        let text = """
            procedure,name,id,received
            KHONG.CO,Đặng Thị Mai,001190012345,2026-11-20 09:00
            1.004873,Lê Văn Nam,12345,2026-11-20 09:10
            1.004873,"Phạm \u{1B}[31mĐỏ",001190012347,2026-11-20 09:20
            1.004873,Võ Thị Lan,001190012348,2026-11-20 09:30

            """
        let r = runCLI(["case", "import", try write(dir, "mix.csv", text), "--db", dir.db], now: Self.now)
        #expect(r.status == 1 && r.lines.count == 1, "\(r.out)\(r.err)")
        for line in 2...4 { #expect(r.err.contains("dòng \(line): "), "\(r.err)") }
        #expect(!r.err.contains("\u{1B}"), "control characters are refused, never echoed")
        #expect(try cases(dir) == 1)
    }
}

/// Spreadsheet formula injection: a cell the program writes never starts a formula.
@Suite struct FormulaInjectionTests {
    @Test func cellsThatLookLikeFormulasAreWrittenAsText() throws {
        #expect(
            CSV.line(["=1+2", "+84912", "-x", "@SUM(A1)", "\tTab", "Bình thường", "", "2026-11-20"])
                == "'=1+2,'+84912,'-x,'@SUM(A1),'\tTab,Bình thường,,2026-11-20\r\n")
        #expect(CSV.line(["=HYPERLINK(\"http://x\",\"y\")"]) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n")
        let dir = try PrintCommandTests.Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        let add = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", "1.004873", "--name", "=cmd|' /C calc'!A0", "--id",
                "001190012345",
                "--address", "@SUM(1+1)"
            ], now: "2026-11-20 09:00")
        #expect(add.status == 0, "\(add.err)")
        let export = runCLI(["export", "--format", "csv", "--db", dir.db], now: "2026-11-20 10:00")
        #expect(export.status == 0)
        #expect(export.out.contains(",'=cmd|' /C calc'!A0,") && !export.out.contains(",=cmd"), "\(export.out)")
        let ledger = runCLI(
            ["report", "ledger", "--month", "2026-11", "--format", "csv", "--db", dir.db], now: "2026-11-20 10:00")
        #expect(
            ledger.out.contains("'=cmd") && !ledger.out.contains(",=cmd") && ledger.out.contains("'@SUM"),
            "\(ledger.out)")
    }
}

/// Unit, holiday and catalogue files are validated like typed input: no control characters, bounded
/// lengths, and a year with far more days off than the law gives is confirmed by a person.
@Suite struct ConfigImportValidationTests {
    @Test func controlCharactersAndLengthsAreRefusedNamingTheField() throws {
        let dir = try PrintCommandTests.Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        let escape = dir.path + "/unit.json"
        try FileSystem.writeAtomically(
            escape,
            text: """
                {"format": "motcua-unit", "version": 1, "name": "Xã \\u001b[2JTân Phú", "governingBody": "UBND XÃ TÂN PHÚ",
                 "counterName": "BỘ PHẬN MỘT CỬA", "unitCode": "000.00.15.H42", "province": "Tỉnh Mẫu", "placeName": "Tân Phú"}
                """)
        let r = runCLI(["import", escape, "--yes", "--db", dir.db])
        #expect(
            r.status == 2 && r.err.contains("unit.json") && r.err.contains("name")
                && r.err.contains("ký tự điều khiển"), "\(r.err)")
        let long = dir.path + "/unit2.json"
        try FileSystem.writeAtomically(
            long,
            text: """
                {"format": "motcua-unit", "version": 1, "name": "\(String(repeating: "Tân Phú ", count: 40))", "governingBody": "UBND",
                 "counterName": "BỘ PHẬN MỘT CỬA", "unitCode": "000.00.15.H42", "province": "Tỉnh Mẫu", "placeName": "Tân Phú"}
                """)
        let l = runCLI(["import", long, "--yes", "--db", dir.db])
        #expect(l.status == 2 && l.err.contains("dài quá 200 ký tự"), "\(l.err)")
        #expect(try Store.open(path: dir.db).unitProfile().name != "Tân Phú", "nothing applied")
    }

    @Test func aYearWithTooManyDaysOffIsConfirmedByAPerson() throws {
        let dir = try PrintCommandTests.Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        // All of March 2027 as days off: 31 listed where the law gives about a dozen in the year.
        let days = (1...31).map { "{\"date\": \"2027-03-\(String(format2: $0))\", \"name\": \"Nghỉ\"}" }.joined(
            separator: ", ")
        let file = dir.path + "/holidays.json"
        try FileSystem.writeAtomically(
            file,
            text: """
                {"format": "motcua-holidays", "version": 1,
                 "years": [{"year": 2027, "status": "official", "source": "Thử", "daysOff": [\(days)], "workDays": []}]}
                """)
        let scripted = runCLI(["import", file, "--yes", "--db", dir.db])
        #expect(
            scripted.status == 1 && scripted.out.contains("! năm 2027: 31 ngày nghỉ"), "\(scripted.out)\(scripted.err)")
        #expect(try Store.open(path: dir.db).calendarConfig().holidays.officialYears[2027] == nil)
        let declined = runCLI(["import", file, "--db", dir.db], stdin: "k\n")
        #expect(declined.status == 1)
        let confirmed = runCLI(["import", file, "--db", dir.db], stdin: "c\n")
        #expect(confirmed.status == 0 && confirmed.out.contains("Đã áp dụng"))
    }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
