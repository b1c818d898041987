import MotCuaApp
import MotCuaCore
@testable import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing

/// Counts the keys pressed, to measure the keystroke economy of registering a case.
final class CountingDriver {
    let d: ScreenDriver
    var keys = 0
    init(_ d: ScreenDriver) { self.d = d }
    func type(_ s: String) { keys += s.count; d.type(s) }
    func press(_ k: Key...) { keys += k.count; d.press(k) }
}

@Suite struct ReceptionTests {
    /// A fresh workspace, logged in as the desk officer at Friday 20/11/2026 15:30.
    func start(_ now: String = "2026-11-20 15:30", size: Size = Size(columns: 80, rows: 24)) throws -> (
        TestWorkspace, ScreenDriver
    ) {
        let ws = try TestWorkspace(now: now)
        return (ws, try loggedIn(ws, size: size))
    }

    /// Fills the form for "Chứng thực chữ ký" with a new applicant typed in Telex; returns the keys used.
    @discardableResult
    func fillSignatureCase(_ c: CountingDriver) -> Int {
        c.press(.function(2))
        c.type("chung thuc chu ky")
        c.press(.enter)  // take the first match: the cursor goes to the ID number (Cá nhân, căn cước kept)
        c.type("001099012345")
        c.press(.tab)
        c.type("DDawngj Vaawn DDuwcs")  // Họ tên (Telex)
        c.press(.tab)
        c.type("15081990")  // ngày sinh
        c.press(.tab)
        c.type("0912345678")
        c.press(.tab)
        c.type("Thoon 3, xax Taan Phus")
        c.press(.enter)  // on to the checklist (Tab would reach e-mail and representative)
        c.press(.enter, .enter)  // both documents handed in
        return c.keys
    }

    @Test func registerPreviewPrintAndReprint() throws {
        let (ws, d) = try start()
        let c = CountingDriver(d)
        fillSignatureCase(c)
        #expect(d.shows("Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026"), "the appointment is live before saving")
        c.press(.function(10))
        #expect(d.shows("Đã tiếp nhận: mã hồ sơ 000.00.15.H42-261120-0001, số vào sổ 1/2026"), "\(d.text)")
        #expect(d.shows("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"))
        let record = try ws.store.caseRecord(code: "000.00.15.H42-261120-0001")!
        #expect(record.applicant.fullName == "Đặng Văn Đức")
        #expect(record.applicant.birthDate == CivilDate(year: 1990, month: 8, day: 15))
        #expect(record.applicant.address == "Thôn 3, xã Tân Phú")
        #expect(record.documents.count == 2)
        #expect(record.fee == 10000)
        #expect(record.state.appointment == LocalDateTime(iso: "2026-11-23 17:00"))
        // Keystroke economy: data typed + the keys around it.
        let data =
            "chung thuc chu ky".count + "DDawngj Vaawn DDuwcs".count + 12 + 8 + 10 + "Thoon 3, xax Taan Phus".count
        #expect(c.keys - data == 10, "\(c.keys - data) keys beyond the data (docs/PERFORMANCE.md records 10)")
        d.press(.function(8))
        #expect(d.shows("Chưa in được: máy này chưa có chương trình in"), "no spooler here: \(d.text)")
        let saved = try documentText(ws.directory + "/documents/000.00.15.H42-261120-0001-giay-tiep-nhan.pdf")
        #expect(
            saved.contains("000.00.15.H42-261120-0001") && saved.contains("Đặng Văn Đức")
                && saved.contains("17 giờ 00 phút"))
        #expect(!saved.contains("BẢN IN LẠI"))
        // Nothing reached a printer: the next copy is still the first, and the history says it failed.
        d.press(.function(8))
        let again = try documentText(ws.directory + "/documents/000.00.15.H42-261120-0001-giay-tiep-nhan-2.pdf")
        #expect(!again.contains("BẢN IN LẠI"))
        #expect(!d.shows("BẢN IN LẠI"))
        let printed = try ws.store.events(caseID: record.id).filter { $0.event.kind == .printed }.map(\.event.payload)
        let failed = CaseEventPayload.printed(
            document: "receipt", reprint: false, failure: "máy này chưa có chương trình in (lp)")
        #expect(printed == [failed, failed])
        d.press(.escape)
        #expect(d.shows("Bàn làm việc"))
    }

    @Test func fieldsCannotBeLeftInvalid() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n")
        d.type("12345\tLee Vawn Tams\t")
        #expect(d.shows("Số giấy tờ"))
        d.press(.function(10))
        #expect(d.shows("số căn cước phải có đúng 12 chữ số"), "\(d.text)")
        let (_, d2) = try start()
        d2.press(.function(2))
        d2.type("chung thuc chu ky\n\tAn\t31022000\t")
        #expect(d2.shows("Ngày sinh: ngày không có thật"), "\(d2.text)")
        d2.press(.control("u"))
        d2.type("01012000\t0112\t")
        #expect(d2.shows("Điện thoại: di động 10 số"))
    }

    @Test func incompleteDossierAsksAndSuggestsASupplement() throws {
        let (ws, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n001199054321\tNguyeenx Thij Hoa\t")
        d.press(.function(10))
        #expect(d.shows("Hồ sơ chưa đủ giấy tờ bắt buộc"), "\(d.text)")
        #expect(d.shows("Giấy tờ, văn bản cần chứng thực chữ ký"))
        d.press(.character("k"))
        #expect(try ws.store.caseCount() == 0)
        // The request to supplement lists every missing item, at once.
        d.press(.control("b"))
        #expect(d.shows("Phiếu yêu cầu bổ sung"))
        #expect(d.shows("[x]   Giấy tờ, văn bản cần chứng thực chữ ký (Bản chính)"), "\(d.text)")
        d.press(.function(10))
        #expect(d.shows("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), "\(d.text)")
        #expect(d.shows("Số phiếu: BS-261120-0001"))
        let contact = try ws.store.contact(number: "BS-261120-0001")
        #expect(contact?.items.count == 2)
        #expect(contact?.applicant.fullName == "Nguyễn Thị Hoa")
        d.press(.function(8))
        #expect(FileSystem.exists(ws.directory + "/documents/BS-261120-0001-phieu-yeu-cau-bo-sung.pdf"))
        d.press(.escape)
        #expect(d.shows("Bàn làm việc"))
    }

    @Test func secondVisitForTheSameMatterIsShown() throws {
        let (ws, d) = try start()
        try ws.rules.recordContact(
            .supplement, procedureCode: "1.004873",
            applicant: Applicant(fullName: "Nguyễn Thị Hoa", idNumber: "001199054321"),
            items: ["Quyết định ly hôn"], reason: "", at: LocalDateTime(iso: "2026-11-18 09:00")!, officer: "tiepnhan")
        d.press(.function(2))
        d.type("tinh trang hon nhan\n001199054321\tNguyeenx Thij Hoa\t")
        #expect(d.shows("Đã yêu cầu bổ sung ngày 18/11/2026 (BS-261118-0001): Quyết định ly hôn"), "\(d.text)")
    }

    @Test func refusalSlip() throws {
        let (ws, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n\tTraafn Vawn Ba\t")
        d.press(.control("r"))
        d.type("Giaasy towf khoong thuoocj thaarm quyeefn chuwsng thuwcj cuar xax")
        d.press(.function(10))
        #expect(d.shows("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), "\(d.text)")
        #expect(
            try ws.store.contact(number: "TC-261120-0001")?.items == [
                "Giấy tờ không thuộc thẩm quyền chứng thực của xã"
            ])
    }

    @Test func returningApplicantIsOffered() throws {
        let (ws, d) = try start()
        try ws.register(
            "Vũ Thị Lan", procedure: "1.004873", at: "2026-11-10 09:00", id: "001199000111", phone: "0987654321")
        d.press(.function(2))
        d.type("chung thuc chu ky\n001199000111\t")
        #expect(d.shows("Người nộp đã từng nộp hồ sơ"), "\(d.text)")
        #expect(d.shows("Đã có hồ sơ trước của: Vũ Thị Lan"))
        d.press(.enter)
        #expect(d.shows("Họ tên *:            Vũ Thị Lan"), "\(d.text)")
        #expect(d.shows("0987654321"))
    }

    /// "khai tu" means khai tử: whole words rank before word beginnings ("tu" also starts "tuổi"); F4 lists
    /// what matches the typed words; Enter on words that match nothing says so.
    @Test func typedProcedureWordsPickTheRightOne() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("lien thong khai tu\n")
        #expect(d.shows("Liên thông: Đăng ký khai tử"), "\(d.text)")
        d.press(.escape)
        if d.shows("Bỏ hồ sơ đang nhập?") { d.press(.character("c")) }
        d.press(.function(2))
        // Esc closes the list and keeps the words: Enter opens it again, it does not say nothing matches.
        d.type("khai sinh")
        d.press(.escape)
        d.press(.enter)
        #expect(!d.shows("Không có thủ tục nào khớp") && d.shows("thủ tục khớp"), "\(d.text)")
        d.press(.escape)
        d.press(.control("u"))
        d.type("chung thuc")
        d.press(.function(4))
        #expect(!d.shows("31 thủ tục khớp") && d.shows("thủ tục khớp"), "\(d.text)")
        d.press(.escape)
        d.press(.control("u"))
        d.type("xyzw\n")
        #expect(d.shows("Không có thủ tục nào khớp"), "\(d.text)")
    }

    /// The offer comes up on the ID number's Enter, while the officer may already be typing the name: the
    /// letters go to the name (the "C" of "Cao" used to answer "Có" and fill in another person's details).
    @Test func typingAheadOfTheReturningApplicantOfferKeepsTheName() throws {
        let (ws, d) = try start()
        try ws.register(
            "Đặng Văn Đức", procedure: "1.004873", at: "2026-11-10 09:00", id: "001199000111", phone: "0987654321")
        for name in ["Cao Thij Mai", "Nguyeenx Vawn Ba"] {
            d.press(.function(2))
            d.type("chung thuc chu ky\n001199000111\n")
            #expect(d.shows("Người nộp đã từng nộp hồ sơ") && d.shows("Esc hoặc gõ tiếp: không"), "\(d.text)")
            d.type(name)
            #expect(!d.shows("Người nộp đã từng nộp hồ sơ"), "\(d.text)")
            let typed = name == "Cao Thij Mai" ? "Cao Thị Mai" : "Nguyễn Văn Ba"
            #expect(d.shows("Họ tên *:            \(typed)") && !d.shows("0987654321"), "\(d.text)")
            d.press(.escape)
            if d.shows("Bỏ") || d.shows("chưa lưu") { d.press(.character("c")) }
        }
    }

    @Test func changedReceptionTimeAndFeeNeedReasons() throws {
        let (ws, d) = try start()
        let c = CountingDriver(d)
        fillSignatureCase(c)
        // Down to the fee, then type a fee by hand.
        for _ in 0..<7 { d.press(.tab) }
        #expect(d.app.top.map { "\($0.title)" } == "Tiếp nhận hồ sơ")
        d.press(.control("u"))
        d.type("5000")
        d.press(.function(10))
        #expect(d.shows("Lệ phí đã sửa tay: phải ghi lý do"), "\(d.text)")
        d.type("Mieenx giarm theo quy ddinhj")
        d.press(.tab, .tab)
        d.press(.control("u"))
        d.type("20/11/2026 09:15")
        d.press(.function(10))
        #expect(d.shows("Thời điểm tiếp nhận khác bây giờ: phải ghi lý do"))
        d.type("Nhaapj buf khi maast ddieenj")
        d.press(.function(10))
        #expect(d.shows("Đã tiếp nhận: mã hồ sơ 000.00.15.H42-261120-0001"), "\(d.text)")
        let r = try #require(try ws.store.caseRecord(code: "000.00.15.H42-261120-0001"))
        #expect(r.fee == 5000)
        #expect(r.receivedAtReason == "Nhập bù khi mất điện")
        #expect(r.note.contains("Lệ phí sửa tay: Miễn giảm theo quy định"))
        #expect(r.state.appointment == LocalDateTime(iso: "2026-11-20 17:00"))
        // Typed after the fact (more than 30 minutes later): marked, with the true recording time kept.
        let received = try #require(try ws.store.events(caseID: r.id).first)
        #expect(received.lateReason == "Nhập bù khi mất điện")
        #expect(received.recordedLocal == LocalDateTime(iso: "2026-11-20 15:30"))
        #expect(received.channel == .screen)
    }

    /// A save that fails (here: another terminal holds the write lock beyond the timeout) keeps everything on
    /// screen with the message; the same F10 succeeds once the file is free. (A full disk takes the same path;
    /// it is tested with real full files in the store and process tests.)
    @Test func failedSaveKeepsTheFormForARetry() throws {
        let (ws, d) = try start()
        let c = CountingDriver(d)
        fillSignatureCase(c)
        ws.store.db.setBusyTimeout(milliseconds: 150)
        let other = try Store.open(path: ws.path)
        try other.db.execute("BEGIN IMMEDIATE")
        d.press(.function(10))
        #expect(d.shows("đang bận"), "\(d.text)")
        #expect(d.shows("Đặng Văn Đức"), "the typed form stays on screen")
        #expect(try other.caseCount() == 0)
        try other.db.execute("COMMIT")
        d.press(.function(10))
        #expect(d.shows("Đã tiếp nhận: mã hồ sơ 000.00.15.H42-261120-0001"))
    }

    @Test func leavingWithTypedDataAsks() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("chung")
        d.press(.escape)  // closes the matches
        d.press(.escape)
        #expect(d.shows("Bỏ hồ sơ đang nhập?"))
        d.press(.character("k"))
        #expect(d.shows("Tiếp nhận hồ sơ") || d.shows("Thủ tục *:"))
        d.press(.escape, .character("c"))
        #expect(d.shows("Bàn làm việc"))
    }

    @Test func onTheSpotResultClosesTheCase() throws {
        let (ws, d) = try start("2026-11-20 10:00")
        let c = CountingDriver(d)
        fillSignatureCase(c)
        d.press(.function(10))
        d.press(.control("d"))
        #expect(d.shows("Đã trả kết quả ngay cho người nộp"), "\(d.text)")
        #expect(try ws.store.caseRecord(code: "000.00.15.H42-261120-0001")?.state.status == .returned)
    }

    @Test func explanationOfTheAppointment() throws {
        let (_, d) = try start()
        d.press(.function(2))
        d.type("chung thuc chu ky\n")
        d.press(.control("g"))
        #expect(d.shows("Vì sao có ngày hẹn này"))
        #expect(d.shows("Tiếp nhận lúc 15:30 thứ Sáu 20/11/2026, sau 15:00"))
        #expect(d.shows("Bỏ qua thứ Bảy 21/11/2026: ngày nghỉ hằng tuần."))
        d.press(.escape)
        #expect(d.shows("Thủ tục *:"))
    }

    @Test func searchAsYouTypeAndTheCaseView() throws {
        let (ws, d) = try start()
        try ws.register("Đặng Văn Đức", procedure: "XA.CT.02", at: "2026-11-20 09:00", id: "001099012345")
        try ws.register("Nguyễn Thị Hoa", procedure: "1.004873", at: "2026-11-20 09:30")
        d.press(.function(3))
        d.type("dang van duc")
        #expect(d.shows("261120-0001  Đặng Văn Đức"), "\(d.text)")
        #expect(!d.shows("Nguyễn Thị Hoa"))
        d.press(.enter)
        #expect(d.shows("Mã hồ sơ: 000.00.15.H42-261120-0001"))
        #expect(d.shows("Hẹn trả: 17 giờ 00 phút, thứ Sáu ngày 20/11/2026"))
        #expect(d.shows("Diễn biến:"))
        #expect(d.shows("Tiếp nhận — Lê Thị Tiếp"))
    }

    @Test func correctionIsRecordedFieldByFieldThenReprintOffered() throws {
        let (ws, d) = try start()
        let r = try ws.register(
            "Đặng Văn Đức", procedure: "XA.CT.02", at: "2026-11-20 09:00", id: "001099012345", phone: "0912345678")
        d.press(.function(3))
        d.type("0912")
        d.press(.enter)
        d.press(.control("e"))
        #expect(d.shows("Sửa thông tin hồ sơ") || d.shows("Giá trị mới"))
        d.press(.right, .right, .right)  // Điện thoại
        #expect(d.shows("Hiện tại: 0912345678"), "\(d.text)")
        d.press(.tab)
        d.press(.control("u"))
        d.type("0987000111\tGox nhaamf soos\n")
        d.press(.function(10))
        #expect(d.shows("In lại giấy tiếp nhận?"), "\(d.text)")
        d.press(.character("k"))
        #expect(try ws.store.caseRecord(code: r.code)?.applicant.phone == "0987000111")
        d.press(.end)  // the newest event is at the end of the timeline
        #expect(d.shows("Sửa thông tin — Lê Thị Tiếp: Số điện thoại: 0912345678"), "\(d.text)")
        #expect(d.shows("→ 0987000111; lý do: Gõ nhầm số"), "\(d.text)")
    }
}

/// F8 on a procedure in the reception's pick list prints its guidance slip for a citizen who only asks.
@Suite struct GuidanceSlipScreenTests {
    @Test func f8OnTheHighlightedProcedurePrintsItsGuide() throws {
        let ws = try TestWorkspace(now: "2026-11-20 09:00")
        let d = try loggedIn(ws)
        d.press(.function(2))
        d.type("chung thuc chu ky")
        d.press(.function(8))
        #expect(d.showsWrapped("Chưa in được") && d.showsWrapped("documents/huong-dan-XA.CT.02.pdf"), "\(d.text)")
        let text = try documentText(ws.directory + "/documents/huong-dan-XA.CT.02.pdf")
        #expect(text.contains("HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH") && text.contains("Chứng thực chữ ký"))
        #expect(d.shows("Thủ tục"), "the form is still there")
    }
}
