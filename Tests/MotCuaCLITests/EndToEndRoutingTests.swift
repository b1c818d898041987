import Foundation
import MotCuaCore
import MotCuaDesk
import MotCuaSystem
import MotCuaTesting
import Testing

/// Issue 6 with the real binary in tmux: a case's journey over several working days, one program run per
/// day (the system clock faked for the program with `faketime`), as the counter lives it.
@Suite(.enabled(if: TmuxSession.isAvailable, "needs tmux"))
struct EndToEndRoutingTests {
    final class Office {
        let home: String
        let db: String
        init() throws {
            home = try temporaryDirectory()
            db = home + "/counter.db"
            try FileSystem.makeDirectories(home + "/bin")  // no spooler: documents are saved, never printed
            let r = try runBinary(
                ["init", "--db", db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "matkhau1\n")
            precondition(r.status == 0, r.stderrText)
        }
        deinit { FileSystem.removeTree(home) }

        /// A command run with the system clock faked to `now` (Vietnam time), as if typed at that moment.
        func cli(_ args: [String], stdin: String? = nil, now: String = "2026-11-25 17:00") throws -> Subprocess.Result {
            try runBinary(args + ["--db", db], stdin: stdin, at: now)
        }

        /// One run of the program at `now`, logged in, then quit.
        func day(
            _ now: String, as user: String = "quantri", password: String = "matkhau1",
            _ work: (TmuxSession) throws -> Void
        ) throws {
            let command = TmuxSession.motcuaCommand("--db '\(db)'", home: home, now: now, path: home + "/bin")
            let t = try TmuxSession(columns: 100, rows: 32, command: command)
            t.expect("Đăng nhập")
            t.type(user); t.keys("Tab"); t.type(password); t.keys("Enter")
            t.expect("Bàn làm việc")
            try work(t)
            t.keys("C-q", "c")
            t.expect("[motcua exited 0]")
        }
    }

    func t20(_ time: String) -> LocalDateTime { LocalDateTime(iso: "2026-11-20 \(time)")! }

    /// Opens a case from the search screen by text typed without diacritics.
    func open(_ t: TmuxSession, _ text: String, expecting code: String) {
        t.keys("F3")
        t.expect("(hoặc 4 số cuối)")
        t.keys("C-t")
        t.type(text)
        t.expect(String(code.suffix(11)))
        t.keys("Enter")
        t.expect("Mã hồ sơ: \(code)")
        t.keys("C-t")
    }

    @Test func birthResidenceHealthCardAcrossAWeekendWithOneStepLate() throws {
        let office = try Office()
        let code = "000.00.00.H00-261119-0001"
        // Thursday: received at the counter, handed to the civil-status officer, who confirms.
        try office.day("2026-11-19 09:00") { t in
            t.keys("F2")
            t.expect("Hẹn trả: chọn thủ tục")
            t.type("lien thong khai sinh")
            t.expect("Liên thông: Đăng ký khai sinh")
            t.keys("Enter")
            t.type("001190012345"); t.keys("Tab")
            t.type("Traanf Thij Mai")
            t.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Enter", "Enter", "Enter")
            t.expect("Hẹn trả: 09 giờ 00 phút, thứ Ba ngày 24/11/2026")
            t.keys("F10")
            t.expect("Đã tiếp nhận: mã hồ sơ \(code)")
            t.keys("Escape")
            t.expect("Bàn làm việc")
            open(t, "tran thi mai", expecting: code)
            t.keys("F5")
            t.expect("Bước 1/3: Công chức Tư pháp - Hộ tịch")
            t.keys("F10")
            t.expect(
                Messages.text(
                    ActionDone.handedOver(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", due: t20("09:00"))))
            t.keys("F5")
            t.expect("Cơ quan nhận hồ sơ")
            t.keys("F10")
            t.expect(Messages.text(ActionDone.acknowledged(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch")))
        }
        // Friday: the birth is registered (the step's result is written, never empty); the dossier goes on to the
        // commune police.
        try office.day("2026-11-20 09:00") { t in
            open(t, "tran thi mai", expecting: code)
            t.keys("F5")
            t.expect("Giao bước 2 cho Công an xã")
            t.keys("F10")
            t.expect(Messages.text(Refusal.emptyStepResult))
            t.type("KS 123")
            t.keys("F10")
            t.expect("In phiếu chuyển xử lý?")
            t.keys("k")
            t.expect("Mã hồ sơ: \(code)")  // the case view again
            t.keys("F5")
            t.expect("Cơ quan nhận hồ sơ")
            t.keys("F10")
            t.expect(Messages.text(ActionDone.acknowledged(step: 1, bodyName: "Công an xã")))
        }
        // Tuesday, after the weekend: the police finish a day late (their step was due Monday 09:00).
        try office.day("2026-11-24 10:00") { t in
            #expect(t.waitFor("261119-0001"))
            open(t, "tran thi mai", expecting: code)
            t.keys("F5")
            t.expect("Giao bước 3 cho Bảo hiểm xã hội cơ sở")
            t.type("DKTT 45")
            t.keys("F10")
            t.expect("In phiếu chuyển xử lý?")
            t.keys("k")
            t.keys("F5")
            t.expect("Cơ quan nhận hồ sơ")
            t.keys("F10")
            t.expect(Messages.text(ActionDone.acknowledged(step: 2, bodyName: "Bảo hiểm xã hội cơ sở")))
        }
        // Wednesday: the health card is issued, the result comes back and is returned; the control sheet is saved.
        try office.day("2026-11-25 09:00") { t in
            open(t, "tran thi mai", expecting: code)
            t.keys("F6")
            t.expect("Số văn bản kết quả")
            t.keys("C-t"); t.type("KS-45"); t.keys("C-t")
            t.keys("F10")
            t.expect(Messages.text(ActionDone.resultReceived(number: "KS-45", verdict: .late, overridden: false)))
            t.keys("F6")
            t.expect("Trả kết quả cho người nộp")
            t.keys("F10")
            t.expect("Ghi đánh giá của người nộp?")
            t.keys("k")
            t.expect("Đã trả kết quả")
            t.keys("C-p")
            t.expect("Phiếu kiểm soát quá trình giải quyết hồ sơ")
            t.keys("Down", "Enter")
            t.expect("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ")
            t.keys("C-s")
            t.expect("Đã lưu documents/\(code)-phieu-kiem-soat.pdf")
        }
        let sheet = try documentText(office.home + "/documents/\(code)-phieu-kiem-soat.pdf")
        // Step 1 on time (done at the minute it was due), step 2 late, step 3 on time (done before its hour);
        // the result and the return after the legal due date (Tuesday 09:00): late. The PDF's text does not keep
        // the table's rows in reading order, so the verdicts are counted here and checked row by row below.
        // (The column title and the explanatory paragraph write them in lower case.)
        func count(_ verdict: String) -> Int { sheet.components(separatedBy: verdict).count - 1 }
        #expect(count("Trước hạn") == 0 && count("Đúng hạn") == 2 && count("Quá hạn") == 3, "\(sheet)")
        let json = try office.cli(["case", "show", code, "--json"]).stdoutText
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.compactMap { $0["punctuality"] as? String } == ["on_time", "late", "on_time"])
        #expect(object["returnPunctuality"] as? String == "late")
        #expect(sheet.contains("Mã hồ sơ: \(code)") && sheet.contains("Trần Thị Mai") && sheet.contains("KS-45"))
        let show = try office.cli(["case", "show", code, "--json"])
        #expect(show.stdoutText.contains("\"status\":\"returned\""))
        #expect(show.stdoutText.contains("\"punctuality\":\"late\""))
    }

    @Test func aSupplementRequestStopsTheClockAndTheDeadlineRestarts() throws {
        let office = try Office()
        let add = try office.cli(
            [
                "case", "add", "--procedure", "1.004873", "--name", "Phan Thị Dung", "--id", "001185012345",
                "--received", "2026-11-16 10:00"
            ], now: "2026-11-16 10:00")
        let code = try #require(add.stdoutText.split(separator: "\t").first.map(String.init), "\(add.stderrText)")
        #expect(add.stdoutText.hasSuffix("2026-11-19 10:00\n"))
        #expect(try office.cli(["case", "handover", code], now: "2026-11-16 10:30").status == 0)
        try office.day("2026-11-17 09:00") { t in
            open(t, "phan thi dung", expecting: code)
            t.keys("C-b")
            t.expect("Yêu cầu bổ sung hồ sơ")
            t.type("Banr sao quyeets ddinhj ly hoon")
            t.keys("F10")
            t.expect("In phiếu yêu cầu bổ sung?")
            t.keys("c")
            t.expect("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
            t.expect("Bản sao quyết định ly hôn")
            t.keys("F8")
            t.expect("Chưa in được: máy này chưa có chương trình in")
            t.keys("Escape")
            t.expect("Trạng thái: Chờ bổ sung")
        }
        // Monday: the complete dossier is back; 3 working days from now, not from the reception.
        try office.day("2026-11-23 09:00") { t in
            open(t, "phan thi dung", expecting: code)
            t.keys("C-b")
            t.expect("Nhận hồ sơ bổ sung")
            t.keys("F10")
            t.expect(Messages.text(ActionDone.resumed(newDue: LocalDateTime(iso: "2026-11-26 09:00")!)))
            t.expect("Hẹn trả: 09 giờ 00 phút, thứ Năm ngày 26/11/2026")
        }
        let shown = try office.cli(["case", "show", code])
        #expect(shown.stdoutText.contains("Hẹn trả: 09 giờ 00 phút, thứ Năm ngày 26/11/2026"), "\(shown.stdoutText)")
    }

    @Test func aLateCaseGetsItsApologyPrinted() throws {
        let office = try Office()
        #expect(
            try office.cli(
                ["officer", "add", "lanhdao", "--name", "Trần Văn Lãnh", "--role", "leader"], stdin: "matkhau2\n",
                now: "2026-11-16 08:00"
            ).status == 0)
        let add = try office.cli(
            [
                "case", "add", "--procedure", "1.004873", "--name", "Nguyễn Văn Bình", "--id", "001085054321",
                "--received", "2026-11-16 10:00"
            ], now: "2026-11-16 10:00")
        let code = try #require(add.stdoutText.split(separator: "\t").first.map(String.init), "\(add.stderrText)")
        #expect(try office.cli(["case", "handover", code], now: "2026-11-16 10:30").status == 0)
        // Wednesday 10:00: one working day before Thursday 10:00 and no result — the leader apologises.
        try office.day("2026-11-18 10:00", as: "lanhdao", password: "matkhau2") { t in
            t.expect("Cần xin lỗi")
            open(t, "nguyen van binh", expecting: code)
            t.keys("C-l")
            t.expect("Xin lỗi, hẹn lại ngày trả")
            t.keys("C-u")
            t.type("23/11/2026 10:00"); t.keys("Tab")
            t.type("Caanf xacs minh theem tinhf trangj hoon nhaan")
            t.keys("F10")
            t.expect("In văn bản xin lỗi, hẹn lại?")
            t.keys("c")
            t.expect("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN")
            t.keys("F8")
            t.expect("Chưa in được: máy này chưa có chương trình in")
        }
        let apology = try documentText(office.home + "/documents/\(code)-van-ban-xin-loi.pdf")
        #expect(apology.contains("10 giờ 00 phút, thứ Năm ngày 19/11/2026"), "the original date")
        #expect(apology.contains("10 giờ 00 phút, thứ Hai ngày 23/11/2026"), "the new date")
        #expect(apology.contains("Cần xác minh thêm tình trạng hôn nhân"))
        #expect(apology.contains("Trần Văn Lãnh"))
        // Only once, and the statistics still see the original due date.
        let again = try office.cli(
            [
                "case", "reschedule", code, "--new-due", "2026-11-25 10:00", "--reason", "Lần hai", "--officer",
                "lanhdao",
                "--password-stdin"
            ], stdin: "matkhau2\n", now: "2026-11-18 10:30")
        #expect(again.status == 1)
        #expect(again.stderrText.contains("chỉ được hẹn lại một lần"), "\(again.stderrText)")
        let json = try office.cli(["case", "show", code, "--json"]).stdoutText
        #expect(json.contains("\"due\":\"2026-11-19 10:00\"") && json.contains("\"appointment\":\"2026-11-23 10:00\""))
    }
}
