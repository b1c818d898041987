import MotCuaApp
import MotCuaCore
import MotCuaTesting
import TerminalUI
import Testing

/// Golden frames of the reception path: the form (empty, filled, with errors, the appointment explained), the
/// three previews, search results and the case view.
@Suite struct ReceptionGoldenTests {
    func start(_ size: Size = Size(columns: 80, rows: 24)) throws -> (TestWorkspace, ScreenDriver) {
        let ws = try TestWorkspace(now: "2026-11-20 15:30")
        return (ws, try loggedIn(ws, size: size))
    }

    @Test(arguments: GoldenFrameTests.sizes)
    func emptyForm(_ size: Size) throws {
        let (_, d) = try start(size)
        d.press(.function(2))
        expectGolden(d.frame, "reception-empty-\(GoldenFrameTests.suffix(size))")
        d.type("khai sinh")
        expectGolden(d.frame, "reception-matches-\(GoldenFrameTests.suffix(size))")
    }

    @Test(arguments: GoldenFrameTests.sizes)
    func filledForm(_ size: Size) throws {
        let (_, d) = try start(size)
        ReceptionTests().fillSignatureCase(CountingDriver(d))
        expectGolden(d.frame, "reception-filled-\(GoldenFrameTests.suffix(size))")
    }

    @Test func formWithErrors() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n00109\t")
        expectGolden(d.frame, "reception-error-id-80x24")
        d.press(.control("u"))
        d.press(.tab)
        d.press(.function(10))
        expectGolden(d.frame, "reception-error-required-80x24")
    }

    @Test func appointmentExplained() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n")
        d.press(.control("g"))
        expectGolden(d.frame, "reception-explain-80x24")
    }

    @Test func previews() throws {
        let (_, d) = try start()
        ReceptionTests().fillSignatureCase(CountingDriver(d))
        d.press(.function(10))
        expectGolden(d.frame, "preview-receipt-80x24")
        d.press(.escape)
        d.press(.function(2))
        d.type("tinh trang hon nhan\n001199054321\tNguyeenx Thij Hoa\t")
        d.press(.control("b"))
        expectGolden(d.frame, "slip-supplement-80x24")
        d.press(.function(10))
        expectGolden(d.frame, "preview-supplement-80x24")
        d.press(.escape)
        d.press(.function(2))
        d.type("chung thuc chu ky\n\tTraafn Vawn Ba\t")
        d.press(.control("r"))
        d.type("Vawn barn bawngf tieengs nuwowcs ngoaif")
        d.press(.function(10))
        expectGolden(d.frame, "preview-refusal-80x24")
    }

    @Test(arguments: GoldenFrameTests.sizes)
    func searchAndCaseView(_ size: Size) throws {
        let (ws, d) = try start(size)
        try ws.register(
            "Đặng Văn Đức", procedure: "XA.CT.02", at: "2026-11-20 09:00", id: "001099012345", phone: "0912345678")
        try ws.register("Đặng Thị Dung", procedure: "1.004873", at: "2026-11-19 10:00")
        try ws.register("Nguyễn Văn An", procedure: "XA.LT.01", at: "2026-11-18 08:00")
        d.press(.function(3))
        d.type("dang")
        expectGolden(d.frame, "search-dang-\(GoldenFrameTests.suffix(size))")
        d.press(.enter)
        expectGolden(d.frame, "case-view-\(GoldenFrameTests.suffix(size))")
    }

    /// Keystrokes for a second typical case (procedure known, applicant new): the data plus at most 12.
    @Test func keystrokesForAMaritalStatusCertificate() throws {
        let (ws, d) = try start()
        let c = CountingDriver(d)
        c.press(.function(2))
        c.type("tinh trang hon nhan")
        c.press(.enter)  // the cursor goes straight to the ID number
        c.type("001199054321")
        c.press(.tab)
        c.type("Nguyeenx Thij Hoa")
        c.press(.tab)
        c.type("02031995")
        c.press(.tab)
        c.type("0987654321")
        c.press(.tab)
        c.type("AAsp 2, xax Taan Phus")
        c.press(.enter)  // Enter after the address: on to the checklist (Tab reaches e-mail, representative)
        c.press(.enter, .down, .enter)  // tờ khai; the optional proof skipped; the identity document
        c.press(.function(10))
        #expect(d.shows("Đã tiếp nhận: mã hồ sơ 000.00.15.H42-261120-0001"), "\(d.text)")
        let data = "tinh trang hon nhan".count + 12 + "Nguyeenx Thij Hoa".count + 8 + 10 + "AAsp 2, xax Taan Phus".count
        #expect(c.keys - data == 11, "\(c.keys - data) keys beyond the data (docs/PERFORMANCE.md)")
        let r = try ws.store.caseRecord(code: "000.00.15.H42-261120-0001")!
        #expect(r.documents.map(\.checklistIndex) == [0, 2])
        #expect(r.applicant.address == "Ấp 2, xã Tân Phú")
        #expect(r.state.appointment == LocalDateTime(iso: "2026-11-25 15:30"))
    }
}
