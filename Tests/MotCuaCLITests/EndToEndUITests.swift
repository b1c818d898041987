import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// The real binary in tmux, as an officer uses it.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EndToEndUITests {
    @Test func firstRunLoginHelpResizeQuit() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let t = try TmuxSession(command: TmuxSession.motcuaCommand("", home: home, now: "2026-11-20 09:00"))
        // First run: the database is created in the user's data directory and the setup screen asks.
        t.expect("Tài khoản quản trị")
        #expect(FileSystem.exists(home + "/data/motcua/motcua.db"))
        #expect(FileSystem.permissions(home + "/data/motcua/motcua.db") == 0o600)
        t.type("quantri"); t.keys("Tab")
        t.type("Nguyeenx Quanr Trij"); t.keys("Tab")
        t.type("matkhau1"); t.keys("Tab")
        t.type("matkhau1"); t.keys("Tab")
        t.type("Xax Taan Phus"); t.keys("Tab")
        t.type("UYR BAN NHAAN DAAN XAX TAAN PHUS"); t.keys("Tab", "Tab")
        t.type("000.00.15.H42"); t.keys("Tab")
        t.type("Tirnh DDoongf Nai"); t.keys("Tab")
        t.type("Taan Phus")
        t.expect("Nguyễn Quản Trị")  // typed with the built-in Telex
        t.expect("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ")
        t.keys("F10")
        // Log in.
        t.expect("Hãy đăng nhập")
        t.type("quantri"); t.keys("Tab"); t.type("matkhau1"); t.keys("Enter")
        t.expect("Bàn làm việc")
        t.expect("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")
        t.expect("Nguyễn Quản Trị │ T6 20/11/2026 09:00 │ VI")
        // Help from the key map, then back.
        t.keys("F1")
        t.expect("Trợ giúp — Bàn làm việc")
        t.keys("Escape")
        #expect(t.waitForAbsence("Trợ giúp — Bàn làm việc"))
        // Esc then a digit is the same as the F-key.
        t.keys("Escape", "1")
        t.expect("Trợ giúp — Bàn làm việc")
        t.keys("Escape")
        #expect(t.waitForAbsence("Trợ giúp — Bàn làm việc"))
        // Too small, then back: the message, then the home screen intact.
        t.resize(60, 20)
        t.expect("Cửa sổ quá nhỏ: 60×20")
        t.resize(80, 24)
        t.expect("Nhận hôm nay: 0")
        // The key bar: F1…F10 in fixed slots, labels shortened to fit 80 columns.
        t.expect("1Giúp   2Nhận HS3Tra cứu")
        // Quit, with confirmation; the terminal is given back.
        t.keys("C-q")
        t.expect("Thoát chương trình motcua?")
        t.keys("c")
        t.expect("[motcua exited 0]")
        #expect(!t.screen.contains("Bàn làm việc"), "the curses screen is gone after exit:\n\(t.screen)")
        // The log beside the database holds events, never citizens' data.
        let log = try FileSystem.readText(home + "/data/motcua/motcua.log")
        #expect(log.contains("login: quantri"))
        #expect(FileSystem.permissions(home + "/data/motcua/motcua.log") == 0o600)
    }

    @Test func telexAndVNIInAField() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let t = try TmuxSession(command: TmuxSession.motcuaCommand("", home: home))
        t.expect("Tài khoản quản trị")
        t.type("canbo"); t.keys("Tab")
        t.type("DDawngj Vaawn DDuwcs Huyfnh")
        t.expect("Đặng Văn Đức Huỳnh")
        // Ctrl-T: EN, letters as typed.
        t.keys("C-t")
        t.expect("│ EN\n")
        t.type(" Nguyeenx")
        t.expect("Đặng Văn Đức Huỳnh Nguyeenx")
        // VNI from the menu.
        t.keys("F9")
        t.expect("Menu — mọi chức năng")
        t.type("vni")
        t.keys("Enter")
        t.expect("Kiểu gõ VNI")
        t.keys("C-u")
        t.type("Nguye6n4 Thi5 Hoa2")
        t.expect("Nguyễn Thị Hòa")
        // Letters that arrive already Vietnamese (an OS input method) are kept as they are.
        t.keys("C-u")
        t.type("Trương Thị Giữ")
        t.expect("Trương Thị Giữ")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }

    /// A paste of several lines goes into the focused field only, newlines become spaces; the e-mail
    /// field never composes Telex (issue 12 §5).
    @Test func aMultiLinePasteStaysInItsField() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let db = home + "/m.db"
        #expect(
            try runBinary(
                ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n"
            ).status == 0)
        let t = try TmuxSession(command: TmuxSession.motcuaCommand("--db '\(db)'", home: home))
        t.expect("Đăng nhập")
        t.type("quantri"); t.keys("Tab"); t.type("matkhau1"); t.keys("Enter")
        t.expect("Bàn làm việc")
        t.keys("F2")
        t.expect("Thủ tục")
        t.type("chung thuc chu ky"); t.keys("Enter")
        t.expect("Số giấy tờ")
        t.type("001099012345"); t.keys("Tab")
        t.paste("Đặng Văn Đức\nThôn 3, xã Tân Phú\n")
        t.expect("Đặng Văn Đức Thôn 3, xã Tân Phú")
        #expect(t.screen.contains("Ngày sinh:\n"), "nothing spilled into the next fields\n\(t.screen)")
        t.keys("Tab", "Tab", "Tab", "Tab")
        t.type("tuans@example.vn")
        t.expect("tuans@example.vn")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }

    @Test func loginAfterCommandLineInit() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let db = home + "/m.db"
        let r = try runBinary(
            ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n")
        #expect(r.status == 0)
        let t = try TmuxSession(columns: 120, rows: 40, command: TmuxSession.motcuaCommand("--db '\(db)'", home: home))
        t.expect("Đăng nhập")
        t.type("quantri"); t.keys("Tab"); t.type("sai"); t.keys("Enter")
        t.expect("Tên đăng nhập hoặc mật khẩu không đúng")
        t.type("matkhau1"); t.keys("Enter")
        t.expect("Bàn làm việc")
        t.expect("Thông tin đơn vị còn là dữ liệu mẫu")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }

    /// Issue 5's scenario: a signature certification received at 15:30 on a Friday is due on Monday at 17:00;
    /// the receipt is saved beside the database and the case is found by the name typed without diacritics.
    @Test func receiveSaveReceiptAndFindTheCase() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let db = home + "/counter.db"
        let r = try runBinary(
            ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n")
        #expect(r.status == 0)
        // No spooler on PATH: F8 still saves the document and says so.
        try FileSystem.makeDirectories(home + "/bin")
        let command = TmuxSession.motcuaCommand(
            "--db '\(db)'", home: home, now: "2026-11-20 15:30", path: home + "/bin")
        let t = try TmuxSession(columns: 100, rows: 30, command: command)
        t.expect("Đăng nhập")
        t.type("quantri"); t.keys("Tab"); t.type("matkhau1"); t.keys("Enter")
        t.expect("Bàn làm việc")
        t.keys("F2")
        t.expect("Hẹn trả: chọn thủ tục")
        t.type("chung thuc chu ky")
        t.expect("Chứng thực chữ ký")
        t.keys("Enter")
        t.type("001099012345"); t.keys("Tab")
        t.type("DDawngj Vaawn DDuwcs"); t.keys("Tab")
        t.expect("Đặng Văn Đức")
        t.type("15081990"); t.keys("Tab")
        t.type("0912345678"); t.keys("Tab")
        t.type("Thoon 3, xax Taan Phus")
        t.keys("Tab", "Tab", "Tab", "Enter", "Enter")
        t.expect("Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026")
        t.keys("F10")
        let code = "000.00.00.H00-261120-0001"
        t.expect("Đã tiếp nhận: mã hồ sơ \(code)")
        t.expect("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
        t.keys("F8")
        t.expect("Chưa in được: máy này chưa có chương trình in")
        let receipt = try documentText(home + "/documents/\(code)-giay-tiep-nhan.pdf")
        #expect(receipt.contains(code))
        #expect(receipt.contains("Đặng Văn Đức"))
        #expect(receipt.contains("17 giờ 00 phút"))
        #expect(FileSystem.permissions(home + "/documents/\(code)-giay-tiep-nhan.pdf") == 0o600)
        // Back to the desk, then F3 with the name typed plainly.
        t.keys("Escape")
        t.expect("Bàn làm việc")
        t.keys("F3")
        t.expect("(hoặc 4 số cuối)")
        t.keys("C-t")  // EN: letters as typed, no Telex
        t.type("dang van duc")
        t.expect("261120-0001  Đặng Văn Đức")
        t.keys("Enter")
        t.expect("Chứng thực chữ ký")
        t.expect("Đặng Văn Đức")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let db = home + "/sigterm.db"
        let t = try TmuxSession(command: TmuxSession.motcuaCommand("--db '\(db)'", home: home))
        t.expect("Tài khoản quản trị")
        t.type("dang go")
        // Only this test's process: its command line names its own database.
        #expect(try Subprocess.run(["pkill", "-TERM", "-f", "motcua --db \(db)"]).status == 0)
        t.expect("[motcua exited 0]")
        #expect(!t.screen.contains("Tài khoản quản trị"), "the terminal is restored:\n\(t.screen)")
    }

    /// The window closes without the hang-up signal reaching the program (the terminal was not its
    /// controlling one; seen with a tmux session killed): it ends instead of spinning on a terminal that is
    /// gone (a program left running makes `restore` refuse). Driven by a pseudo-terminal from Python.
    @Test func aTerminalThatGoesAwayEndsTheProgram() throws {
        guard FileSystem.exists("/usr/bin/python3") else { return }
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let db = home + "/gone.db"
        #expect(
            try runBinary(["init", "--db", db, "--admin", "qt", "--admin-name", "Quản Trị"], stdin: "matkhau1\n").status
                == 0)
        let script = """
            import os, pty, select, subprocess, sys, time
            master, slave = pty.openpty()
            env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
            p = subprocess.Popen([sys.argv[1], "--db", sys.argv[2]], stdin=slave, stdout=slave, stderr=slave, env=env)
            os.close(slave)
            seen = b""
            end = time.time() + 10
            while time.time() < end and "Đăng nhập".encode() not in seen:
                if select.select([master], [], [], 0.5)[0]:
                    seen += os.read(master, 65536)
            os.close(master)
            try:
                print("exited", p.wait(timeout=10))
            except subprocess.TimeoutExpired:
                p.kill()
                print("still running")
            """
        let r = try Subprocess.run(["/usr/bin/python3", "-c", script, motcuaBinary, db])
        #expect(r.stdoutText.hasPrefix("exited"), "\(r.stdoutText) \(r.stderrText)")
    }

    @Test func refusesWithoutATerminal() throws {
        let home = try temporaryDirectory()
        defer { FileSystem.removeTree(home) }
        let r = try runBinary(["--db", home + "/x.db"])
        #expect(r.status == 2)
        #expect(r.stderrText.contains("cần chạy trong một cửa sổ dòng lệnh"))
        #expect(!FileSystem.exists(home + "/x.db"), "nothing created when the screen cannot open")
    }
}
