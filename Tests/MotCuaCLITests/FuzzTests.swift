import MotCuaCore
import MotCuaSystem
import MotCuaTesting
import Testing

@testable import MotCuaCLI
@_spi(Benchmark) import MotCuaStore

/// Every subcommand of the real binary driven with hostile arguments (issue 15): nothing crashes (no exit
/// status of 128 or more, which is a signal), nothing hangs (each run is killed after 20 s), nothing invalid
/// is stored (`check` is clean and no stored text has a control character), and every refusal is a message
/// with exit status 1 or 2. A NUL cannot be passed in an argument (the kernel's argv is C strings); NULs are
/// in the CSV the import is given instead.
@Suite(.serialized) struct FuzzTests {
    static let hostile: [String] = [
        "", " ", "\t", String(repeating: "9", count: 100_000), String(repeating: "Đặng ", count: 5_000),
        "\u{1B}[2J\u{1B}[31mĐỏ", "\u{07}\u{08}\u{7F}", "a\r\nb", "0000-01-01", "9999-12-31", "9999-12-31 23:59",
        "1900-01-01 00:00", "-1", "0", "-9223372036854775808", "9223372036854775807", "18446744073709551616", "1e309",
        "NaN", "../../../../etc/passwd", "/dev/zero", "/", "%n%s%x", "'; DROP TABLE cases; --", "--db", "-",
        "2026-02-30", "2026-11-20 25:61", "000.00.00.H00-261120-0001", "\u{202E}ngược", "\u{FEFF}", "\u{FFFD}"
    ]

    struct Office {
        let dir: String
        var db: String { dir + "/motcua.db" }
        init() throws {
            dir = try temporaryDirectory()
            #expect(
                try runBinary(
                    ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "mat-khau-1\n"
                ).status == 0)
            for (name, id) in [("Đặng Thị Mai", "001190012345"), ("Lê Văn Nam", "001190012346")] {
                #expect(
                    try runBinary(["case", "add", "--db", db, "--procedure", "1.004222", "--name", name, "--id", id])
                        .status == 0)
            }
        }
    }

    /// A plausible value for a positional (so that the options behind it are reached).
    static func plausible(_ command: String) -> [String] {
        switch command {
        case "lunar": ["2026-11-20"]
        case "calendar": ["2026"]
        case "import", "case import": ["/dev/null"]
        case "backup": ["/tmp/motcua-fuzz-no-such-dir/b.db"]
        case "print": ["receipt", "000.00.00.H00-261120-0001"]
        case "setting": ["idle_lock_minutes"]
        case "report": ["daily"]
        case "case show", "case find": ["Mai"]
        case "officer add", "officer password", "officer lock", "officer unlock": ["canbo1"]
        default: command.hasPrefix("case ") ? ["000.00.00.H00-261120-0001"] : []
        }
    }

    /// Runs one argument list; returns a description of what went wrong, or nil.
    static func run(_ args: [String], db: String) throws -> String? {
        // In the office's folder, so that a hostile relative --output lands there, never in the checkout.
        let r = try Subprocess.run(
            [
                "sh", "-c", "cd \"$0\" && exec \"$@\"", FileSystem.directoryName(db), "timeout", "-s", "KILL", "20",
                motcuaBinary
            ]
                + args, input: [], environment: ["XDG_DATA_HOME": FileSystem.directoryName(db) + "/data"])
        if r.status == 137 || r.status == 124 { return "hang: \(args.map { String($0.prefix(40)) })" }
        if r.status >= 128 {
            return "signal \(r.status - 128): \(args.map { String($0.prefix(40)) })\n\(r.stderrText.prefix(500))"
        }
        if r.status != 0 && r.stderrText.trimmingSpaces.isEmpty {
            return "exit \(r.status) without a message: \(args.map { String($0.prefix(40)) })"
        }
        return nil
    }

    @Test func everySubcommandSurvivesHostileArguments() throws {
        let office = try Office()
        defer { FileSystem.removeTree(office.dir) }
        var problems: [String] = []
        var runs = 0
        var rotation = 0
        // Each argument slot of each command gets eight of the hostile values, rotating so that every value
        // reaches every kind of slot across the commands.
        func values() -> [String] {
            defer { rotation += 3 }
            return (0..<8).map { Self.hostile[(rotation + $0 * 5) % Self.hostile.count] }
        }
        for command in MotCuaCommandLine.commands where command.name != "ui" {
            let words = command.name.split(separator: " ").map(String.init)
            let positionals = Self.plausible(command.name)
            let base = words + positionals + ["--db", office.db]
            // Each positional slot.
            for i in positionals.indices {
                for v in values() {
                    var p = positionals
                    p[i] = v
                    runs += 1
                    if let problem = try Self.run(words + p + ["--db", office.db], db: office.db) {
                        problems.append(problem)
                    }
                }
            }
            // Each valued option.
            for option in command.spec.valued.sorted() where option != "db" {
                for v in values() {
                    runs += 1
                    if let problem = try Self.run(base + ["--\(option)", v], db: office.db) { problems.append(problem) }
                }
            }
            // Flags given twice and an unknown option.
            runs += 1
            if let problem = try Self.run(
                base + command.spec.flags.sorted().flatMap { ["--\($0)", "--\($0)"] } + ["--khong-co"], db: office.db)
            {
                problems.append(problem)
            }
        }
        // A hostile database path, and arguments that are not UTF-8 (through the shell, which passes bytes).
        for db in ["", "/", "/dev/zero", "/dev/null", office.dir, office.db + "-wal"] {
            runs += 1
            if let problem = try Self.run(["check", "--db", db], db: office.db) { problems.append(problem) }
        }
        let shell = try Subprocess.run([
            "sh", "-c",
            "cd \"$(dirname \"$1\")\"; for a in \"$(printf '\\377\\376')\" \"$(printf 'Mai\\300')\"; do timeout -s KILL 20 \"$0\" case find \"$a\" --db \"$1\"; echo \"status $?\"; timeout -s KILL 20 \"$0\" case add --procedure 1.004222 --name \"$a\" --id 001190012399 --db \"$1\"; echo \"status $?\"; done",
            motcuaBinary, office.db
        ])
        for line in shell.stdoutText.split(separator: "\n") where line.hasPrefix("status ") {
            runs += 1
            // Refused as given (a search for "��" used to list every case).
            if Int(line.dropFirst(7)) != 2 { problems.append("not UTF-8, not refused: \(line)") }
        }
        #expect(
            problems.isEmpty,
            "\(problems.count) problems in \(runs) runs:\n\(problems.prefix(20).joined(separator: "\n"))")
        #expect(runs > 500)

        // Nothing invalid stored: the file checks clean and no stored text has a control character.
        let check = try runBinary(["check", "--db", office.db])
        #expect(check.status == 0, "\(check.stdoutText)")
        let store = try Store.open(path: office.db, options: .init(readOnly: true))
        let texts = try store.rawDatabase.rows(
            "SELECT applicant_name || coalesce(applicant_address, '') || note FROM cases"
        ) { $0.text(0) }
        #expect(
            texts.allSatisfy { TextRules.problem($0, multiline: true) == nil }, "\(texts.map { $0.debugDescription })")
    }

    /// NUL and other control characters inside a CSV (where they can be): refused by row, never stored.
    @Test func controlCharactersInAnImportAreNeverStored() throws {
        let office = try Office()
        defer { FileSystem.removeTree(office.dir) }
        let csv = office.dir + "/x.csv"
        var bytes = Array("procedure,name,id,received\n".utf8)
        bytes += Array("1.004222,Mai".utf8) + [0] + Array("Ẩn,001190012377,2026-11-20 08:00\n".utf8)
        bytes += Array("1.004222,Nam\u{1B}[8m,001190012378,2026-11-20 08:00\n".utf8)
        try FileSystem.writeAtomically(csv, bytes: bytes)
        let r = try runBinary(["case", "import", csv, "--db", office.db])
        #expect(r.status == 1 && r.stdoutText.isEmpty, "\(r.stderrText)")
        #expect(try Store.open(path: office.db).caseCount() == 2)
    }

    /// A right-to-left override makes a printed name read otherwise than the stored one: refused, with what to
    /// do, from the command line and from an import, like any control character.
    @Test func directionOverridesAreRefused() throws {
        let office = try Office()
        defer { FileSystem.removeTree(office.dir) }
        let before = try Store.open(path: office.db).caseCount()
        for mark in ["\u{202E}", "\u{2066}", "\u{200F}"] {
            let r = try runBinary([
                "case", "add", "--procedure", "1.004222", "--name", "Nguyễn \(mark)naL", "--id", "001190012379",
                "--db", office.db
            ])
            #expect(r.status == 2 && r.stderrText.contains("đổi chiều viết"), "\(r.stderrText)")
            #expect(!r.stderrText.contains("Nguyễn"), "no personal data in the message")
        }
        let csv = office.dir + "/rlo.csv"
        try FileSystem.writeAtomically(
            csv, text: "procedure,name,id,received\n1.004222,Mai \u{202E}nA,001190012377,2026-11-20 08:00\n")
        let i = try runBinary(["case", "import", csv, "--db", office.db])
        #expect(i.status != 0 && i.stderrText.contains("đổi chiều viết"), "\(i.stderrText)")
        #expect(try Store.open(path: office.db).caseCount() == before)
    }
}
