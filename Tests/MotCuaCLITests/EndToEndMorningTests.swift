import MotCuaSystem
import MotCuaTesting
import Testing

/// Issue 12 §1, §2, §3, §4, §7 and §9 with the real binary in a real terminal of 80×24: a same-day
/// certification received after 15:00 raises no alarm; a print with no printer says so first and does not
/// count as printed; F5 where a body records for itself says why at once; the required mark and the key bar
/// survive 80 columns; the procedure's Enter goes straight to the ID number.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EndToEndMorningTests {
    final class Counter {
        let home: String
        let db: String

        init() throws {
            home = try temporaryDirectory()
            db = home + "/counter.db"
            try FileSystem.makeDirectories(home + "/bin")  // no spooler
            let r = try runBinary(
                ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n")
            precondition(r.status == 0, r.stderrText)
            let desk = try runBinary(
                ["officer", "add", "tiepnhan", "--name", "Lê Thị Tiếp", "--role", "desk", "--db", db],
                stdin: "matkhau2\n")
            precondition(desk.status == 0, desk.stderrText)
        }
        deinit { FileSystem.removeTree(home) }

        func session(_ user: String, _ password: String, now: String) -> TmuxSession {
            let command = TmuxSession.motcuaCommand(
                "--db '\(db)'", home: home, now: now, path: home + "/bin")
            let t = try! TmuxSession(columns: 80, rows: 24, command: command)
            t.expect("Đăng nhập")
            t.type(user); t.keys("Tab"); t.type(password); t.keys("Enter")
            t.expect("Bàn làm việc")
            return t
        }
    }

    /// The last line of the screen: the key bar.
    func keyBar(_ t: TmuxSession) -> String {
        String(t.screen.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.last ?? "")
    }

    @Test func aCertificationAfterThreeNoAlarmAFailedPrintSaysSo() throws {
        let counter = try Counter()
        let t = counter.session("tiepnhan", "matkhau2", now: "2026-11-20 15:30")
        // §7: F1…F10 in their slots, nothing dropped at 80 columns.
        let bar = keyBar(t)
        #expect(bar.hasPrefix("1Giúp   2Nhận HS3Tra cứu4"), "\(bar)")
        #expect(bar.contains("9Menu") && bar.contains("10"), "\(bar)")
        // §9: Enter on the procedure goes straight to the ID number.
        t.keys("F2")
        t.expect("Hẹn trả: chọn thủ tục")
        t.type("chung thuc chu ky")
        t.expect("Chứng thực chữ ký")
        t.keys("Enter")
        t.type("001099012345")
        t.expect("Số giấy tờ:          001099012345")
        t.keys("Tab")
        t.type("DDawngj Vaawn DDuwcs"); t.keys("Tab")
        t.type("15081990"); t.keys("Tab")
        t.type("0912345678"); t.keys("Tab")
        t.type("Thoon 3, xax Taan Phus")
        t.keys("Enter")
        // §4: the required mark comes first and a cut name ends in "…".
        t.expect("[ ] * Giấy tờ tùy thân của người nộp hồ sơ (…")
        t.keys("Enter", "Enter")
        t.expect("Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026")
        t.keys("F10")
        let code = "000.00.00.H00-261120-0001"
        t.expect("Đã tiếp nhận: mã hồ sơ \(code)")
        // §2: no printer: the failure first, the copy's full path readable in full with Ctrl-O.
        t.keys("F8")
        t.expect("Chưa in được: máy này chưa có chương trình in")
        t.keys("C-o")
        t.expect("documents/\(code)-giay-tiep-nhan.pdf")  // relative to the data folder F1 names
        t.keys("Escape")
        #expect(!t.screen.contains("BẢN IN LẠI"), "a failed print is not the first print\n\(t.screen)")
        let shown = runCLIText(["case", "show", code, "--db", counter.db])
        #expect(shown.contains("In không thành công"), "\(shown)")
        // §1: received after 15:00, due Monday 17:00: no apology alarm, the same status everywhere.
        t.keys("Escape")
        t.expect("Bàn làm việc")
        t.expect("Đã tiếp nhận")
        #expect(!t.screen.contains("xin lỗi"), "\(t.screen)")
        t.keys("F3")
        t.type("5678")
        t.expect("261120-0001")
        #expect(!t.screen.contains("Cần xin lỗi"), "\(t.screen)")
        t.keys("Escape", "Escape", "C-q", "c")
        t.expect("[motcua exited 0]")
    }

    @Test func f5WhereABodyRecordsForItselfSaysWhyAtOnce() throws {
        let counter = try Counter()
        let added = try runBinary(
            [
                "case", "add", "--procedure", "XA.LT.01", "--name", "Trần Thị Mai", "--id", "001199012345", "--db",
                counter.db
            ],
            at: "2026-11-19 09:00")
        try #require(added.status == 0, "\(added.stderrText)")
        let code = String(added.stdoutText.split(separator: "\t")[0])
        let handed = try runBinary(["case", "handover", code, "--db", counter.db], at: "2026-11-19 09:30")
        try #require(handed.status == 0, "\(handed.stderrText)")
        let t = counter.session("tiepnhan", "matkhau2", now: "2026-11-19 10:00")
        t.keys("F3")
        t.type(String(code.suffix(4)))
        t.expect(String(code.suffix(11)))
        t.keys("Enter")
        t.expect("Mã hồ sơ: \(code)")
        // §3: F5 on a step a commune office confirms itself: the reason at once, no form.
        t.keys("F5")
        t.expect("là cơ quan trong xã: cán bộ của cơ quan đó tự xác")  // wrapped on the status lines
        #expect(!t.screen.contains("F10"), "no form opened\n\(t.screen)")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }
}

/// A command's stdout, run in-process.
private func runCLIText(_ args: [String]) -> String { runCLI(args, now: "2026-11-20 15:40").out }
