import Foundation
import MotCuaCore
@testable import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// The store under real processes: several writers at once, SIGKILL mid-transaction, a full disk.
@Suite(.serialized) struct StoreProcessTests {
    final class Workspace {
        let dir: String
        let db: String
        init() throws {
            dir = try FileSystem.makeTemporaryDirectory(prefix: "motcua-proc")
            db = dir + "/motcua.db"
            let r = try runBinary(["init", "--db", db])
            precondition(r.status == 0, r.stderrText)
        }
        deinit { FileSystem.removeTree(dir) }

        /// A CSV of `count` cases (distinct names and ID numbers per `tag`).
        func csv(_ name: String, count: Int, tag: Int) throws -> String {
            var text = "procedure,name,id,received,phone,reason\n"
            let procedures = ["1.004873", "XA.CT.02", "XA.LT.01", "1.004222"]
            for i in 0..<count {
                let id = "0\(tag)1099\(String(100_000 + i))"
                text +=
                    "\(procedures[i % procedures.count]),Nguyễn Văn Thử \(tag)-\(i),\(id),2026-11-\(16 + i % 5) 0\(7 + i % 3):\(10 + i % 50),09\(String(10_000_000 + i)),Nhập bù hồ sơ ghi giấy\n"
            }
            let path = dir + "/" + name
            try FileSystem.writeAtomically(path, text: text)
            return path
        }
    }

    @Test func threeProcessesRegisterAtOnce() throws {
        let w = try Workspace()
        var pids: [pid_t] = []
        for tag in 1...3 {
            let csv = try w.csv("batch\(tag).csv", count: 300, tag: tag)
            pids.append(
                try Subprocess.start(
                    [motcuaBinary, "case", "import", csv, "--db", w.db],
                    stdoutPath: w.dir + "/out\(tag).txt", stderrPath: w.dir + "/err\(tag).txt"))
        }
        let statuses = pids.map { Subprocess.wait($0) }
        #expect(statuses == [0, 0, 0])
        var codes: [String] = []
        for tag in 1...3 {
            #expect(try FileSystem.readText(w.dir + "/err\(tag).txt").isEmpty, "no error shown to writer \(tag)")
            let lines = try FileSystem.readText(w.dir + "/out\(tag).txt").split(separator: "\n")
            #expect(lines.count == 300)
            codes += lines.map { String($0.split(separator: "\t")[0]) }
        }
        #expect(Set(codes).count == 900, "900 distinct case codes")
        let store = try Store.open(path: w.db)
        #expect(try store.caseCount() == 900)
        let ledger = try store.db.rows("SELECT DISTINCT ledger_number FROM cases") { $0.int(0) }
        #expect(ledger.count == 900 && ledger.max() == 900, "ledger numbers 1…900, each once")
        let check = try runBinary(["check", "--db", w.db])
        #expect(check.status == 0, "\(check.stdoutText)")
    }

    @Test func separateCommandsFromThreeShellsAtOnce() throws {
        let w = try Workspace()
        var pids: [pid_t] = []
        for tag in 1...3 {
            let script =
                "for i in $(seq 1 40); do '\(motcuaBinary)' case add --db '\(w.db)' --procedure XA.CT.02 --name \"Trần Thị Song $i\" --id 00\(tag)19900$(printf %04d $i) --received '2026-11-20 09:00' --reason 'Nhập bù' || echo FAIL >&2; done"
            pids.append(
                try Subprocess.start(
                    ["sh", "-c", script], stdoutPath: w.dir + "/o\(tag)", stderrPath: w.dir + "/e\(tag)"))
        }
        #expect(pids.map { Subprocess.wait($0) } == [0, 0, 0])
        var codes = Set<String>()
        for tag in 1...3 {
            #expect(try FileSystem.readText(w.dir + "/e\(tag)").isEmpty)
            for line in try FileSystem.readText(w.dir + "/o\(tag)").split(separator: "\n") {
                codes.insert(String(line.prefix { $0 != "\t" }))
            }
        }
        #expect(codes.count == 120)
        #expect(codes.allSatisfy { $0.hasPrefix("000.00.00.H00-261120-") })
    }

    /// SIGKILL at random moments while registering, 200+ times: every case whose code was printed is
    /// present and complete, and the database passes every check.
    @Test func powerCutLoop() throws {
        let w = try Workspace()
        let csv = try w.csv("big.csv", count: 2000, tag: 4)
        var printed: [String] = []
        var rng = SystemRandomNumberGenerator()
        let kills = 220
        for i in 0..<kills {
            let out = w.dir + "/kill\(i).txt"
            let pid = try Subprocess.start([motcuaBinary, "case", "import", csv, "--db", w.db], stdoutPath: out)
            // Each writer quick-checks the file before its first write (tens of milliseconds here).
            usleep(UInt32.random(in: 20_000...120_000, using: &rng))
            kill(pid, SIGKILL)
            Subprocess.wait(pid)
            let text = (try? FileSystem.readText(out)) ?? ""
            // Only whole lines count as printed.
            let whole = text.hasSuffix("\n") ? text : String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)])
            printed += whole.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        }
        #expect(printed.count > kills, "the loop registered cases between kills (\(printed.count))")
        let check = try runBinary(["check", "--db", w.db])
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
        let store = try Store.open(path: w.db)
        for code in printed {
            guard let record = try store.caseRecord(code: code) else {
                Issue.record("case \(code) was printed but is missing")
                continue
            }
            #expect(!record.documents.isEmpty, "\(code) documents")
            #expect(record.steps.count == record.procedure.route.count, "\(code) route")
            #expect(try store.events(caseID: record.id).first?.event.kind == .received, "\(code) history")
        }
    }

    /// A file-size limit stops the write (as a full disk would): clear message, database intact, and the
    /// same command succeeds once the limit is gone.
    @Test func fileSizeLimitIsReportedAsFullDisk() throws {
        let w = try Workspace()
        let args =
            "case add --db '\(w.db)' --procedure XA.CT.02 --name 'Lê Văn Giới Hạn' --id 001099123123 --received '2026-11-20 09:00' --reason 'Nhập bù'"
        let limited = try Subprocess.run(["sh", "-c", "trap '' XFSZ; ulimit -f 1; exec '\(motcuaBinary)' \(args)"])
        #expect(limited.status == 1)
        #expect(limited.stderrText.contains("ổ đĩa đã đầy"), "\(limited.stderrText)")
        #expect(!limited.stderrText.contains("Giới Hạn") && !limited.stderrText.contains("001099123123"))
        let retry = try Subprocess.run(["sh", "-c", "exec '\(motcuaBinary)' \(args)"])
        #expect(retry.status == 0, "\(retry.stderrText)")
        #expect(retry.stdoutText.hasPrefix("000.00.00.H00-261120-0001\t"), "the failed attempt consumed no number")
        #expect(try runBinary(["check", "--db", w.db]).status == 0)
    }

    static let canMountTmpfs: Bool = {
        guard getuid() == 0, let dir = try? FileSystem.makeTemporaryDirectory(prefix: "motcua-tmpfs-probe") else {
            return false
        }
        defer { FileSystem.removeTree(dir) }
        guard (try? Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir]))?.status == 0 else {
            return false
        }
        _ = try? Subprocess.run(["umount", dir])
        return true
    }()

    /// A real full disk (a small tmpfs): the import stops at the first row that does not fit, says which
    /// row to resume from, the database stays consistent, and resuming after freeing space completes it.
    @Test(.enabled(if: canMountTmpfs, "needs root to mount a small tmpfs"))
    func realFullDiskOnTmpfs() throws {
        let w = try Workspace()
        let mountPoint = w.dir + "/usb"
        try FileSystem.makeDirectories(mountPoint)
        #expect(try Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint]).status == 0)
        defer { _ = try? Subprocess.run(["umount", "-l", mountPoint]) }
        let db = mountPoint + "/motcua.db"
        #expect(try runBinary(["init", "--db", db]).status == 0)
        // Leave about 160 KiB free.
        let free = try Subprocess.run(["sh", "-c", "df -k --output=avail '\(mountPoint)' | tail -1"]).stdoutText
        let fillKB = max(0, (Int(free.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) - 160)
        _ = try Subprocess.run(["dd", "if=/dev/zero", "of=\(mountPoint)/filler", "bs=1k", "count=\(fillKB)"])
        let csv = try w.csv("many.csv", count: 400, tag: 5)
        let first = try runBinary(["case", "import", csv, "--db", db])
        #expect(first.status == 1)
        #expect(first.stderrText.contains("ổ đĩa đã đầy"), "\(first.stderrText)")
        let done = first.stdoutText.split(separator: "\n").count
        #expect(done < 400)
        // The message counts exactly the rows not imported.
        #expect(first.stderrText.contains("Dừng nhập: \(400 - done) dòng chưa nhập"), "\(first.stderrText)")
        FileSystem.remove(mountPoint + "/filler")
        #expect(try runBinary(["check", "--db", db]).status == 0)
        // Resuming is running the same command again: the rows already saved are skipped, none is doubled.
        let second = try runBinary(["case", "import", csv, "--db", db])
        #expect(second.status == 0, "\(second.stderrText) \(done)")
        #expect(second.stdoutText.split(separator: "\n").count == 400)
        #expect(second.stderrText.contains("\(done) dòng đã được nhập trước đó"), "\(second.stderrText)")
        #expect(try Store.open(path: db).caseCount() == 400)
        #expect(try runBinary(["check", "--db", db]).status == 0)
    }
}
