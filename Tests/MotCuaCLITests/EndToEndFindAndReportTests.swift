import MotCuaSystem
import MotCuaTesting
import Testing

/// Issue 12 §6 and §8 with the real binary in a real terminal of 80×24: the last digits of a phone typed on
/// the home screen find the case; a scanner's code and Enter open it; a report is a screen table whose
/// identifying columns stay while → moves the others one column at a time, up to the last.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EndToEndFindAndReportTests {
    final class Counter {
        let home: String
        let db: String
        let codes: [String]

        init() throws {
            home = try temporaryDirectory()
            db = home + "/counter.db"
            try FileSystem.makeDirectories(home + "/bin")  // no spooler
            let r = try runBinary(
                ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n")
            precondition(r.status == 0, r.stderrText)
            var codes: [String] = []
            for (name, id, phone, at) in [
                ("Đặng Văn Đức", "001099012345", "0912345678", "2026-11-20 09:00"),
                ("Nguyễn Thị Hoa", "001199054321", "0987654321", "2026-11-20 09:30")
            ] {
                let added = try runBinary(
                    [
                        "case", "add", "--procedure", "XA.CT.02", "--name", name, "--id", id, "--phone", phone,
                        "--db", db
                    ], at: at)
                precondition(added.status == 0, added.stderrText)
                codes.append(String(added.stdoutText.split(separator: "\t")[0]))
            }
            self.codes = codes
        }
        deinit { FileSystem.removeTree(home) }

        func session() -> TmuxSession {
            let command = TmuxSession.motcuaCommand(
                "--db '\(db)'", home: home, now: "2026-11-20 10:00", path: home + "/bin")
            let t = try! TmuxSession(columns: 80, rows: 24, command: command)
            t.expect("Đăng nhập")
            t.type("quantri"); t.keys("Tab"); t.type("matkhau1"); t.keys("Enter")
            t.expect("Bàn làm việc")
            return t
        }
    }

    @Test func lastDigitsOnTheHomeScreenAndAScannedCode() throws {
        let counter = try Counter()
        #expect(counter.codes == ["000.00.00.H00-261120-0001", "000.00.00.H00-261120-0002"])
        let t = counter.session()
        t.expect("Gõ để tra cứu")
        // "Số đuôi": the phone's last four digits, typed on the home screen.
        t.type("5678")
        t.expect("Tìm: 5678")
        t.expect("261120-0001  Đặng Văn Đức")
        #expect(!t.screen.contains("Nguyễn Thị Hoa"))
        t.keys("Enter")
        t.expect("Mã hồ sơ: 000.00.00.H00-261120-0001")
        t.keys("Escape")
        t.expect("Tìm: 5678")
        t.keys("Escape")
        t.keys("Escape")
        t.expect("Nhận hôm nay: 2")
        // A USB scanner types the receipt's code and Enter, as fast as it can.
        t.type(counter.codes[1])
        t.keys("Enter")
        t.expect("Mã hồ sơ: 000.00.00.H00-261120-0002")
        t.expect("Nguyễn Thị Hoa")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }

    @Test func theLedgerIsAScreenTableAndTheDailySummaryFits() throws {
        let counter = try Counter()
        let t = counter.session()
        t.keys("F7")
        t.expect("Loại:")
        t.keys("F10")  // Sổ theo dõi hồ sơ, this month
        t.expect("SỔ THEO DÕI HỒ SƠ")
        t.expect("Người nộp")
        t.expect("Thủ tục")
        t.expect("Cột 4–")
        // → moves one column: Thủ tục goes, the code and the applicant stay.
        t.keys("Right")
        t.expect("Cột 5–")
        #expect(t.waitForAbsence("Thủ tục"), "\(t.screen)")
        #expect(t.screen.contains("261120-0001") && t.screen.contains("Đặng Văn Đức"), "\(t.screen)")
        for _ in 0..<15 { t.keys("Right") }
        t.expect("Đã đến cột cuối cùng")
        t.expect("Ghi")  // "Ghi chú", the last column, its heading wrapped on two lines
        t.expect("chú")
        #expect(t.screen.contains("Mã hồ sơ") && t.screen.contains("261120-0002"), "\(t.screen)")
        // The daily summary needs no sideways scrolling at 80 columns.
        t.keys("Escape")
        t.expect("Loại:")
        for _ in 0..<4 { t.keys("Right") }
        t.expect("[Tổng hợp cuối ngày]")
        t.keys("F10")
        t.expect("TỔNG HỢP CUỐI NGÀY")
        t.expect("Tiếp nhận: 2 hồ sơ")
        t.expect("Thủ tục")
        t.keys("Right")
        t.expect("Bảng vừa màn hình: không còn cột nào bên phải")
        #expect(!t.screen.contains("»"), "\(t.screen)")
        t.keys("C-q", "c")
        t.expect("[motcua exited 0]")
    }
}
