import MotCuaApp
import MotCuaCore
import MotCuaStore
import MotCuaTesting
import TerminalUI
import Testing

/// Issue 12 §6 on the screens: typing on the home screen starts a search; the last digits of a phone or an
/// ID number find the case; a USB scanner typing a receipt's code (or the lookup address in its QR code)
/// followed by Enter opens the case at once, on the home screen and in F3.
@Suite struct FindCaseScreenTests {
    func start() throws -> (TestWorkspace, RegisteredCase, RegisteredCase, ScreenDriver) {
        let ws = try TestWorkspace(now: "2026-11-20 10:00")
        let duc = try ws.register(
            "Đặng Văn Đức", procedure: "XA.CT.02", at: "2026-11-20 09:00", id: "001099012345", phone: "0912345678")
        let hoa = try ws.register(
            "Nguyễn Thị Hoa", procedure: "1.004873", at: "2026-11-20 09:30", id: "001199054321", phone: "0987654321")
        return (ws, duc, hoa, try loggedIn(ws))
    }

    @Test func typingOnTheHomeScreenSearchesByTheLastDigits() throws {
        let (_, duc, _, d) = try start()
        #expect(d.shows("Bàn làm việc") && d.shows("Gõ để tra cứu"), "\(d.text)")
        d.type("5678")
        #expect(d.shows("Tìm: 5678"), "\(d.text)")
        #expect(d.shows("261120-0001  Đặng Văn Đức"), "\(d.text)")
        #expect(!d.shows("Nguyễn Thị Hoa"))
        expectGolden(d.frame, "search-last-digits-80x24")
        d.press(.enter)
        #expect(d.shows("Mã hồ sơ: \(duc.code)"), "\(d.text)")
        // Back: the search as it was, then the home screen.
        d.press(.escape)
        #expect(d.shows("Tìm: 5678"), "\(d.text)")
        d.press(.escape)
        d.press(.escape)
        #expect(d.shows("Bàn làm việc") && !d.shows("Tìm:"), "\(d.text)")
        // The ID number's last digits, typed in F3.
        d.press(.function(3))
        d.type("54321")
        #expect(d.shows("Nguyễn Thị Hoa") && !d.shows("Đặng Văn Đức"), "\(d.text)")
    }

    @Test func aScannedCodeOpensTheCaseFromTheHomeScreen() throws {
        let (ws, _, hoa, d) = try start()
        // A closed case is not on the home list: the scan opens it all the same.
        try ws.act(.withdraw(reason: "Người nộp xin rút"), on: hoa.code, at: "2026-11-20 09:45", by: "tiepnhan")
        d.press(.control("r"))
        #expect(!d.shows("Nguyễn Thị Hoa"), "\(d.text)")
        d.type(hoa.code + "\n")
        #expect(d.shows("Mã hồ sơ: \(hoa.code)"), "\(d.text)")
        #expect(d.shows("Nguyễn Thị Hoa"))
        // Back from the case the box is empty, ready for the next scan.
        d.press(.escape)
        #expect(d.shows("Tìm:") && !d.shows("Tìm: 000"), "\(d.text)")
    }

    @Test func aScannedLookupAddressOpensTheCaseInSearch() throws {
        let (_, duc, _, d) = try start()
        d.press(.function(3))
        // The QR code holds the province's lookup address when there is one (setting case_lookup_url).
        d.type("https://dichvucong.example.vn/tra-cuu?ma=\(duc.code)\n")
        #expect(d.shows("Mã hồ sơ: \(duc.code)"), "\(d.text)")
        d.press(.escape)
        #expect(d.shows("Tìm:") && !d.shows("https"), "\(d.text)")
    }

    @Test func enterWithoutAMatchSaysSo() throws {
        let (_, _, _, d) = try start()
        d.type("khong ai co ten nay")
        #expect(d.shows("Không tìm thấy hồ sơ nào."), "\(d.text)")
        d.press(.enter)
        #expect(d.shows("Không có hồ sơ nào khớp với nội dung tìm"), "\(d.text)")
    }

    /// Names from other scripts or with emoji (an import, a foreign applicant) on the desk list: the list, the
    /// search and the case view draw them, cut to their columns, and the program goes on (such a name used to
    /// stop it at every login: cutting and padding measured it differently).
    @Test(arguments: ["Nguyễn Thị Lan 👍🏽👍🏽👍🏽", "Somchai สมชาย กำแพงเพชร", String(repeating: "कामा", count: 25)])
    func namesInOtherScriptsAreDrawn(_ name: String) throws {
        let ws = try TestWorkspace(now: "2026-11-20 10:00")
        let c = try ws.register(name, procedure: "XA.CT.02", at: "2026-11-20 09:00", id: "001099012345")
        for size in [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)] {
            let d = try loggedIn(ws, size: size)
            #expect(d.shows("Bàn làm việc") && d.shows(String(c.code.suffix(11))), "\(d.text)")
            d.type("001099012345")
            #expect(d.shows(String(c.code.suffix(11))), "\(d.text)")
            d.press(.enter)
            #expect(d.shows("Mã hồ sơ: \(c.code)"), "\(d.text)")
        }
    }
}
