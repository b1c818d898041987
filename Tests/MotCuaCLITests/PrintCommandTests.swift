import Foundation
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// `motcua print receipt|supplement|refusal CODE [--output FILE]` and `motcua import` of a forms file.
@Suite struct PrintCommandTests {
    final class Dir {
        let path: String
        init() throws { path = try temporaryDirectory() }
        deinit { FileSystem.removeTree(path) }
        var db: String { path + "/motcua.db" }
    }

    /// A database with one case (a birth registration received on Friday 20/11/2026 at 09:00).
    func prepared() throws -> (Dir, String) {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        let add = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", "1.001193", "--name", "Đặng Văn Đức",
                "--id", "001085012345", "--phone", "0912345678", "--received", "2026-11-20 09:00"
            ],
            now: "2026-11-20 09:00")
        #expect(add.status == 0, "\(add.err)")
        let code = String(add.out.split(separator: "\t").first ?? "")
        return (dir, code)
    }

    @Test func receiptToAFileThenAReprint() throws {
        let (dir, code) = try prepared()
        let first = runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.path + "/r1.txt"])
        #expect(first.status == 0, "\(first.err)")
        let text = try FileSystem.readText(dir.path + "/r1.txt")
        #expect(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        #expect(text.contains(code) && text.contains("Đặng Văn Đức"))
        #expect(text.contains("Liên 1") && text.contains("Liên 2"), "two copies")
        #expect(!text.contains("BẢN IN LẠI"))
        #expect(FileSystem.permissions(dir.path + "/r1.txt") == 0o600)

        let second = runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.path + "/r2.txt"])
        #expect(second.status == 0)
        #expect(try FileSystem.readText(dir.path + "/r2.txt").contains("BẢN IN LẠI"))
        let store = try Store.open(path: dir.db)
        let c = try #require(try store.caseRecord(code: code))
        let prints = try store.events(caseID: c.id).compactMap { e -> Bool? in
            if case let .printed(document, reprint, _) = e.event.payload, document == "receipt" { reprint } else { nil }
        }
        #expect(prints == [false, true], "both prints recorded, the second as a reprint")
    }

    @Test func unknownCodesAndKindsAreRefused() throws {
        let (dir, code) = try prepared()
        let unknown = runCLI([
            "print", "receipt", "000.00.00.X00-991231-9999", "--db", dir.db, "--output", dir.path + "/x.txt"
        ])
        #expect(unknown.status == 1)
        #expect(
            unknown.refusals == [.documentUnavailable("Không có hồ sơ mã 000.00.00.X00-991231-9999")], "\(unknown.err)")
        #expect(!FileSystem.exists(dir.path + "/x.txt"))
        let notRefused = runCLI(["print", "refusal", code, "--db", dir.db, "--output", dir.path + "/x.txt"])
        #expect(notRefused.status == 1)
        #expect(notRefused.err.contains("không bị từ chối"))
        let wrongKind = runCLI(["print", "letter", code, "--db", dir.db])
        #expect(wrongKind.status == 2)
        #expect(runCLI(["print", "receipt", "--db", dir.db]).status == 2, "the code is required")
    }

    @Test func counterSlipsByNumberWithTheirKindChecked() throws {
        let (dir, _) = try prepared()
        let rules = try RuleDriver(
            store: try Store.open(path: dir.db), clock: TestClock(LocalDateTime(iso: "2026-11-20 10:00")!))
        rules.channel = .commandLine
        let slip = try rules.recordContact(
            .supplement, procedureCode: "1.001193",
            applicant: Applicant(fullName: "Trần Thị Bích", phone: "0987654321"),
            items: ["Giấy chứng sinh (bản chính)"], reason: "Hồ sơ chưa đủ thành phần",
            at: LocalDateTime(iso: "2026-11-20 10:00")!, officer: "he-thong")
        let r = runCLI(["print", "supplement", slip.number, "--db", dir.db, "--output", dir.path + "/bs.txt"])
        #expect(r.status == 0, "\(r.err)")
        let text = try FileSystem.readText(dir.path + "/bs.txt")
        #expect(text.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
        #expect(text.contains("Trần Thị Bích") && text.contains("Giấy chứng sinh (bản chính)"))
        #expect(try rules.store.contact(number: slip.number)?.printCount == 1)
        let asRefusal = runCLI(["print", "refusal", slip.number, "--db", dir.db, "--output", dir.path + "/tc.txt"])
        #expect(asRefusal.status == 1)
        #expect(asRefusal.err.contains("không phải phiếu từ chối"))
    }

    @Test func toThePrinterSavesACopyAndSaysWhenThereIsNoSpooler() throws {
        let (dir, code) = try prepared()
        // No lp anywhere on PATH: the document is saved beside the database and the officer told.
        try FileSystem.makeDirectories(dir.path + "/empty-bin")
        let none = runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": dir.path + "/empty-bin"])
        #expect(none.status == 1)
        #expect(none.err.hasPrefix("Chưa in được") && none.err.contains("lp"), "\(none.err)")
        let saved = dir.path + "/documents/\(code)-giay-tiep-nhan.pdf"
        #expect(FileSystem.exists(saved))
        #expect(none.err.contains(saved), "the saved copy's full path")
        #expect(FileSystem.permissions(saved) == 0o600)

        // A fake lp that keeps what it was given: the job goes through with the configured destination.
        let bin = dir.path + "/bin"
        try FileSystem.makeDirectories(bin)
        try FileSystem.writeAtomically(
            bin + "/lp",
            text:
                "#!/bin/sh\necho \"$@\" > \"\(dir.path)/lp-args\"\n/bin/cat > \"\(dir.path)/lp-input\"\necho 'request id is Quay-7 (1 file(s))'\n",
            mode: 0o755)
        try Store.open(path: dir.db).setSetting("printer_destination", "Quay")
        let printed = runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin])
        #expect(printed.status == 0, "\(printed.err)")
        #expect(try FileSystem.readText(dir.path + "/lp-args").contains("-d Quay"))
        let sent = try documentText(dir.path + "/lp-input")
        #expect(
            sent.contains(code) && !sent.contains("BẢN IN LẠI"),
            "no spooler before: nothing was printed, this is the first paper")
        #expect(FileSystem.exists(dir.path + "/documents/\(code)-giay-tiep-nhan-2.pdf"))
    }

    /// Several counters on one machine (issue 13 §3): `counter_printers` sends an officer's prints, or an SSH
    /// client's, to that counter's printer before the common one; `documents_share` keeps one more copy in
    /// the officer's own folder and the message names it.
    @Test func eachCounterPrintsToItsOwnPrinter() throws {
        let (dir, code) = try prepared()
        let bin = dir.path + "/bin"
        try FileSystem.makeDirectories(bin)
        try FileSystem.writeAtomically(
            bin + "/lp",
            text: "#!/bin/sh\necho \"$@\" >> \"\(dir.path)/lp-args\"\n/bin/cat > /dev/null\necho 'request id is X-1'\n",
            mode: 0o755)
        let store = try Store.open(path: dir.db)
        try store.setSetting("printer_destination", "Chung")
        #expect(runCLI(["setting", "counter_printers", "he-thong=Quay1 bad entry", "--db", dir.db]).status != 0)
        let set = runCLI(["setting", "counter_printers", "he-thong=Quay1, 10.0.0.21=Quay2", "--db", dir.db])
        #expect(set.status == 0, "\(set.err)")
        #expect(runCLI(["setting", "counter_printers", "--db", dir.db]).out == "he-thong=Quay1 10.0.0.21=Quay2\n")
        func lastDestination() throws -> String {
            String(try FileSystem.readText(dir.path + "/lp-args").split(separator: "\n").last ?? "")
        }
        #expect(runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin]).status == 0)
        #expect(try lastDestination().contains("-d Quay1"), "the officer's own entry first")
        try store.setSetting("counter_printers", "10.0.0.21=Quay2")
        let ssh = runCLI(
            ["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin, "SSH_CLIENT": "10.0.0.21 50122 22"])
        #expect(ssh.status == 0)
        #expect(try lastDestination().contains("-d Quay2"), "the SSH client's address")
        #expect(runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin]).status == 0)
        #expect(try lastDestination().contains("-d Chung"), "no entry: the common printer")
        // The shared folder of the officer's counter.
        #expect(runCLI(["setting", "documents_share", "relative/%u", "--db", dir.db]).status != 0)
        #expect(runCLI(["setting", "documents_share", "/tmp/../etc", "--db", dir.db]).status != 0)
        #expect(runCLI(["setting", "documents_share", dir.path + "/quay/%u", "--db", dir.db]).status == 0)
        let shared = runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin])
        #expect(shared.status == 0)
        let copy = dir.path + "/quay/he-thong/\(code)-giay-tiep-nhan-in-lai-3.pdf"
        #expect((shared.out + shared.err).contains("bản cho quầy: \(dir.path)/quay/he-thong/"), "\(shared.out)")
        #expect(try FileSystem.list(dir.path + "/quay/he-thong").count == 1, "\(copy)")
        // A share that cannot be written (here: a file where the folder should be) never stops the print.
        try FileSystem.writeAtomically(dir.path + "/not-a-folder", text: "x")
        #expect(runCLI(["setting", "documents_share", dir.path + "/not-a-folder/%u", "--db", dir.db]).status == 0)
        let unshared = runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin])
        #expect(unshared.status == 0, "\(unshared.err)")
        #expect((unshared.out + unshared.err).contains("không lưu được bản cho quầy"), "\(unshared.out)")
        #expect(try lastDestination().contains("-d Chung"), "printed all the same")
    }

    /// A printer that refuses the job (stopped, unknown destination): the copy is saved but the print does not
    /// count, so the paper the citizen finally gets is not marked as a reprint.
    @Test func aRefusedPrintDoesNotCount() throws {
        let (dir, code) = try prepared()
        let bin = dir.path + "/bin"
        try FileSystem.makeDirectories(bin)
        try FileSystem.writeAtomically(
            bin + "/lp",
            text: "#!/bin/sh\n/bin/cat > /dev/null\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n",
            mode: 0o755)
        let refused = runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin])
        #expect(refused.status == 1)
        #expect(refused.err.contains("The printer or class does not exist"), "\(refused.err)")
        let store = try Store.open(path: dir.db)
        let c = try #require(try store.caseRecord(code: code))
        #expect(try store.receiptPrintCount(caseID: c.id) == 0)
        try FileSystem.writeAtomically(
            bin + "/lp", text: "#!/bin/sh\n/bin/cat > \"\(dir.path)/lp-input\"\necho 'request id is Quay-8'\n",
            mode: 0o755)
        #expect(runCLI(["print", "receipt", code, "--db", dir.db], environment: ["PATH": bin]).status == 0)
        #expect(
            !(try documentText(dir.path + "/lp-input")).contains("BẢN IN LẠI"),
            "the first receipt actually printed")
        #expect(try store.receiptPrintCount(caseID: c.id) == 1)
    }

    @Test func outputNeverReplacesADatabase() throws {
        let (dir, code) = try prepared()
        let r = runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.db])
        #expect(r.status == 2)
        #expect(r.err.contains("cơ sở dữ liệu"), "\(r.err)")
        #expect(runCLI(["report", "ledger", "--db", dir.db, "--output", dir.db]).status == 2)
        #expect(runCLI(["case", "show", code, "--db", dir.db]).status == 0, "the database is intact")
        // An existing text file is replaced only when asked (scripts run the same report again with --force).
        try FileSystem.writeAtomically(dir.path + "/r.txt", text: "old")
        #expect(runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.path + "/r.txt"]).status == 2)
        #expect(try FileSystem.readText(dir.path + "/r.txt") == "old")
        #expect(
            runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.path + "/r.txt", "--force"]).status == 0)
        #expect(try FileSystem.readText(dir.path + "/r.txt").contains(code))
    }

    @Test func importedFormNumbersReachThePrint() throws {
        let (dir, code) = try prepared()
        let file = dir.path + "/forms.json"
        // The administrator copies the shipped file and edits it (a unit still on the 2018 numbering).
        let shipped = try FileSystem.readText(repositoryRoot + "/Config/forms.json")
        let edited =
            shipped
            .replacingOccurrences(of: #""receipt": {"number": "01""#, with: #""receipt": {"number": "02""#)
            .replacingOccurrences(
                of: "\"circular\": \"Thông tư 03/2025/TT-VPCP\"", with: "\"circular\": \"Thông tư 01/2018/TT-VPCP\"")
        #expect(edited != shipped)
        try FileSystem.writeAtomically(file, text: edited)
        let r = runCLI(["import", file, "--db", dir.db, "--yes"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("~ mẫu receipt: Mẫu số 01"), "\(r.out)")
        #expect(r.out.contains("Thông tư 03/2025/TT-VPCP → Thông tư 01/2018/TT-VPCP"))
        let out = runCLI(["print", "receipt", code, "--db", dir.db, "--output", dir.path + "/r.txt"])
        #expect(out.status == 0)
        let text = try FileSystem.readText(dir.path + "/r.txt")
        #expect(text.contains("Mẫu số 02") && !text.contains("Mẫu số 01"))

        let bad = dir.path + "/bad.json"
        try FileSystem.writeAtomically(
            bad, text: #"{"format": "motcua-forms", "version": 1, "forms": {"receipt": {"number": 2}}}"#)
        let refused = runCLI(["import", bad, "--db", dir.db, "--yes"])
        #expect(refused.status == 2)
        #expect(refused.err.contains(bad) && refused.err.contains("number"), "\(refused.err)")
    }

    @Test func settingsAreListedValidatedAndStored() throws {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        let list = runCLI(["setting", "--db", dir.db])
        #expect(list.status == 0)
        #expect(!list.lines.contains { $0.hasPrefix("print_filter") }, "no setting runs a command any more")
        #expect(list.lines.contains { $0.hasPrefix("cli_actions\tall\t") })
        #expect(list.lines.contains { $0.hasPrefix("idle_lock_minutes\t10\t") })
        #expect(runCLI(["setting", "printer_destination", "Quay_1", "--db", dir.db]).status == 0)
        #expect(runCLI(["setting", "printer_destination", "--db", dir.db]).out == "Quay_1\n")
        let bad = runCLI(["setting", "idle_lock_minutes", "0", "--db", dir.db])
        #expect(bad.status == 2)
        #expect(bad.err.contains("idle_lock_minutes") && bad.err.contains("từ 1 đến 240"), "\(bad.err)")
        #expect(runCLI(["setting", "idle_lock_minutes", "--db", dir.db]).out == "10\n", "unchanged after a refusal")
        let unknown = runCLI(["setting", "mau_nen", "xanh", "--db", dir.db])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("printer_options"), "the message lists the settings")
    }
}
