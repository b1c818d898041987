import MotCuaApp
import MotCuaCore
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing

/// The journey after reception on the screens: F5 hands over and records receipts and step results, F6 the
/// result and the return with the evaluation, the case view's other actions by role, Theo phòng ban.
@Suite struct RoutingScreenTests {
    static let passwords = [
        "tiepnhan": "mat-khau-tn", "tuphap": "mat-khau-tp", "lanhdao": "mat-khau-ld", "quantri": "mat-khau-qt"
    ]

    func driver(_ ws: TestWorkspace, _ user: String, size: Size = Size(columns: 80, rows: 24)) throws -> ScreenDriver {
        try loggedIn(ws, as: user, password: Self.passwords[user]!, size: size)
    }

    /// Opens a case by its code from the search screen.
    func open(_ d: ScreenDriver, _ code: String) {
        d.press(.function(3))
        d.press(.control("t"))  // EN: the code typed as is
        d.type(String(code.suffix(11)))
        d.press(.enter)
        d.press(.control("t"))
    }

    func t(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

    @Test func handOverReceiptStepResultAndOnToTheNextBody() throws {
        let ws = try TestWorkspace(now: "2026-11-19 09:30")
        let code = try ws.register("Trần Thị Mai", procedure: "XA.LT.01", at: "2026-11-19 09:00").code
        // The desk officer hands the dossier to the civil-status officer.
        let desk = try driver(ws, "tiepnhan")
        open(desk, code)
        #expect(desk.shows("5Chuyển") && desk.frame[23, 33].style == .keyLabel, "\(desk.text)")
        desk.press(.function(5))
        #expect(desk.shows("Giao hồ sơ"))
        #expect(
            desk.shows("Bước 1/3: Công chức Tư pháp - Hộ tịch — Đăng ký khai sinh, 1 ngày làm việc"), "\(desk.text)")
        #expect(desk.shows("Giao bây giờ thì hạn của bước: 20/11/2026 09:30"))
        desk.press(.function(10))
        #expect(
            desk.shows("Đã giao bước 1 cho Công chức Tư pháp - Hộ tịch; hạn của bước: 20/11/2026 09:30"), "\(desk.text)"
        )
        #expect(try ws.store.caseRecord(code: code)!.state.steps[0].stepDue == t("2026-11-20 09:30"))
        // The civil-status office is inside the commune: its own officer confirms, not the desk.
        // F5 keeps its slot but is dimmed: the desk officer is not offered the internal body's receipt.
        #expect(desk.frame[23, 33].style == .keyDisabled, "\(desk.text)")

        let office = try driver(ws, "tuphap")
        ws.now = t("2026-11-19 09:45")
        open(office, code)
        office.press(.function(5))
        #expect(office.shows("Cơ quan nhận hồ sơ"), "\(office.text)")
        office.press(.function(10))
        #expect(try ws.store.caseRecord(code: code)!.state.steps[0].acknowledgedAt == t("2026-11-19 09:45"))
        // Finished the next morning, and handed on to the police at the same instant.
        ws.now = t("2026-11-20 08:00")
        office.press(.function(5))
        #expect(office.shows("Kết quả xử lý của bước"), "\(office.text)")
        #expect(office.shows("Giao bước 2 cho Công an xã"))
        office.type("Đã cấp Giấy khai sinh\t\t")
        office.paste("PC-0045")
        office.press(.function(10))
        #expect(office.shows("In phiếu chuyển xử lý?"), "an outside body: the transfer slip is offered\n\(office.text)")
        office.press(.character("c"))
        #expect(office.shows("PHIẾU CHUYỂN XỬ LÝ HỒ SƠ"), "\(office.text)")
        #expect(office.shows("Số: PC-0045"))
        let r = try ws.store.caseRecord(code: code)!
        #expect(
            r.state.steps[0].doneAt == t("2026-11-20 08:00") && r.state.steps[0].punctuality == .onTime,
            "same date as the step's due")
        #expect(
            r.state.steps[1].handedOverAt == t("2026-11-20 08:00") && r.state.steps[1].stepDue == t("2026-11-23 08:00"))
        #expect(try ws.check().isEmpty)
    }

    @Test func resultReturnAndEvaluationWithF6FromTheHomeList() throws {
        let ws = try TestWorkspace(now: "2026-11-23 10:00")
        let cal = try ws.calendar()
        // police, 7 working days
        let code = try ws.register("Nguyễn Văn Bình", procedure: "1.004222", at: "2026-11-16 09:00").code
        try ws.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        try ws.rules.acknowledge(caseCode: code, at: t("2026-11-16 11:00"), officer: "tiepnhan")
        let d = try driver(ws, "tiepnhan")
        #expect(d.shows("261116-0001"), "\(d.text)")
        // F6 on the selected row of the home list: the result is back (the police's step ends with it).
        d.press(.function(6))
        #expect(d.shows("Nhận kết quả"), "\(d.text)")
        d.type("TB-77\n")
        d.press(.function(10))
        var r = try ws.store.caseRecord(code: code)!
        #expect(r.state.status == .resultReady)
        #expect(r.state.steps[0].doneAt == t("2026-11-23 10:00"))
        #expect(r.state.punctuality == .early, "due 25/11 09:00")
        // F6 again: the return, early, the applicant told.
        d.press(.function(6))
        #expect(d.shows("Trả kết quả cho người nộp"), "\(d.text)")
        #expect(d.shows("Trả bây giờ: trước hạn so với ngày hẹn 25/11/2026"))
        d.press(.function(10))
        #expect(
            d.shows("Trả kết quả trước ngày hẹn: cần ghi đã báo trước cho người nộp hay chưa"),
            "an early return says whether the applicant was told")
        d.press(.right)  // the cursor is on the question: "Có, đã báo trước"
        d.press(.function(10))
        #expect(d.shows("Ghi đánh giá của người nộp?"), "\(d.text)")
        d.press(.character("c"))
        #expect(d.shows("Đánh giá của người nộp"))
        #expect(d.shows("Tổng thời gian giải quyết so với quy định"))
        d.press(.function(10))
        r = try ws.store.caseRecord(code: code)!
        #expect(r.state.status == .returned && r.state.evaluated && r.state.returnPunctuality == .early)
        let events = try ws.store.events(caseID: r.id)
        #expect(
            events.contains {
                $0.event.payload == .returned(method: .counter, postalReceipt: nil, applicantToldEarly: true)
            })
        #expect(
            events.contains {
                $0.event.payload
                    == .evaluated(
                        .indices(["total_time": 2, "body_time": 2, "returns": 2, "bodies_contacted": 2, "attitude": 2]))
            }, "the suggested scores, the attitude at its best unless changed")
    }

    @Test func actionsFollowTheRole() throws {
        let ws = try TestWorkspace(now: "2026-11-18 09:00")
        let code = try ws.register("Lê Văn Cường", procedure: "1.004873", at: "2026-11-16 10:00").code
        let desk = try driver(ws, "tiepnhan")
        open(desk, code)
        desk.press(.function(1))
        #expect(desk.shows("Ctrl-B") && desk.shows("Bổ sung"), "\(desk.text)")
        #expect(!desk.shows("Hẹn lại") && !desk.shows("Ctrl-X"), "a desk officer neither reschedules nor cancels")
        desk.press(.escape)
        desk.press(.control("l"))
        #expect(!desk.shows("Xin lỗi, hẹn lại ngày trả"))
        // The leader reschedules and prints the apology.
        let leader = try driver(ws, "lanhdao")
        open(leader, code)
        leader.press(.control("l"))
        #expect(leader.shows("Xin lỗi, hẹn lại ngày trả"), "\(leader.text)")
        leader.press(.control("u"))
        leader.type("23/11/2026 10:00\t")
        leader.type("Cần xác minh thêm")
        leader.press(.function(10))
        #expect(leader.shows("In văn bản xin lỗi, hẹn lại?"), "\(leader.text)")
        leader.press(.character("c"))
        #expect(leader.shows("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN"), "\(leader.text)")
        leader.press(.function(8))
        #expect(FileSystem.exists(ws.directory + "/documents/\(code)-van-ban-xin-loi.pdf"))
        let s = try ws.store.caseRecord(code: code)!.state
        #expect(s.appointment == t("2026-11-23 10:00") && s.legalDue == t("2026-11-19 10:00"))
        // Only once.
        leader.press(.escape)
        leader.press(.control("l"))
        #expect(!leader.shows("Xin lỗi, hẹn lại ngày trả"))
    }

    @Test func supplementDuringProcessingStopsThenRestartsTheClock() throws {
        let ws = try TestWorkspace(now: "2026-11-17 09:00")
        let cal = try ws.calendar()
        let code = try ws.register("Phan Thị Dung", procedure: "1.004873", at: "2026-11-16 10:00").code
        try ws.rules.handOver(caseCode: code, at: t("2026-11-16 10:30"), officer: "tiepnhan")
        let d = try driver(ws, "tiepnhan")
        open(d, code)
        d.press(.control("b"))
        #expect(d.shows("Yêu cầu bổ sung hồ sơ"), "\(d.text)")
        d.type("Bản sao quyết định ly hôn\n")
        d.press(.function(10))
        #expect(d.shows("In phiếu yêu cầu bổ sung?"), "\(d.text)")
        d.press(.character("k"))
        #expect(try ws.store.caseRecord(code: code)!.state.status == .waitingSupplement)
        ws.now = t("2026-11-23 09:00")
        d.press(.control("b"))
        #expect(d.shows("Nhận hồ sơ bổ sung"), "\(d.text)")
        d.press(.function(10))
        let s = try ws.store.caseRecord(code: code)!.state
        #expect(s.status == .inProgress && s.supplementRounds == 1)
        #expect(s.legalDue == t("2026-11-26 09:00"), "3 working days from the return of the complete dossier")
        #expect(s.steps[0].stepDue == t("2026-11-25 09:00"), "the step being processed restarts too")
    }

    @Test func byBodyListsAndHandsOverInBulk() throws {
        let ws = try TestWorkspace(now: "2026-11-20 09:00")
        let a = try ws.register("Trần Văn An", procedure: "1.004873", at: "2026-11-19 09:00").code
        let b = try ws.register("Lê Thị Bé", procedure: "1.004873", at: "2026-11-19 10:00").code
        let c = try ws.register("Vũ Văn Cảnh", procedure: "1.004222", at: "2026-11-19 11:00").code
        let d = try driver(ws, "tiepnhan", size: Size(columns: 120, rows: 40))
        d.press(.function(9))
        d.type("phong ban")
        d.press(.enter)
        #expect(d.shows("Theo phòng ban"), "\(d.text)")
        #expect(d.shows("Công chức Tư pháp - Hộ tịch"))
        expectGolden(d.frame, "by-body-120x40")
        // Công chức Tư pháp - Hộ tịch is the first body: two cases wait for it.
        d.press(.enter)
        #expect(d.shows("Chờ giao"), "\(d.text)")
        d.press(.character(" "), .character(" "))
        #expect(d.shows("Đã đánh dấu 2 hồ sơ"), "\(d.text)")
        d.press(.function(5))
        #expect(d.shows("Đã giao 2/2 hồ sơ"), "\(d.text)")
        #expect(d.shows("Đã giao, chờ nhận"))
        expectGolden(d.frame, "by-body-tuphap-120x40")
        for code in [a, b] { #expect(try ws.store.caseRecord(code: code)!.state.status == .inProgress) }
        #expect(try ws.store.caseRecord(code: c)!.state.status == .received, "another body's case is untouched")
    }

    @Test func homeFlagsLateHandOversAndApologies() throws {
        let ws = try TestWorkspace(now: "2026-11-23 08:00")
        let cal = try ws.calendar()
        _ = try ws.register("Đỗ Văn Em", procedure: "1.004873", at: "2026-11-20 15:30")  // to hand over by Mon 07:30
        let due = try ws.register("Hà Thị Gấm", procedure: "1.004873", at: "2026-11-18 10:00")  // due Mon 23/11 10:00
        try ws.rules.handOver(caseCode: due.code, at: t("2026-11-18 10:30"), officer: "tiepnhan")
        let d = try driver(ws, "tiepnhan")
        #expect(d.shows("1 hồ sơ chưa chuyển đúng hạn"), "\(d.text)")
        #expect(d.shows("Chưa chuyển!"))
        #expect(d.shows("1 hồ sơ sắp hoặc đã quá hạn, chưa có kết quả: cần xin lỗi, hẹn lại."))
        #expect(d.shows("Cần xin lỗi"))
    }

    /// A group procedure: the applicant does not want the health-insurance card, so social insurance is left
    /// out of the route.
    @Test func chosenResultsShapeTheRoute() throws {
        let ws = try TestWorkspace(now: "2026-11-19 09:00")
        let d = try driver(ws, "tiepnhan")
        d.press(.function(2))
        d.type("lien thong khai sinh\n001190012345\tTraanf Thij Mai")
        d.press(.tab, .tab, .tab, .tab, .tab, .tab, .enter, .enter, .enter)
        d.press(.tab, .tab)  // the optional proof of residence, "Giấy tờ khác" → the results
        #expect(d.shows("Kết quả đề nghị"), "\(d.text)")
        #expect(d.shows("[x]   Giấy khai sinh"), "\(d.text)")
        d.press(.down, .down, .character(" "))
        #expect(d.shows("[ ]   Thẻ bảo hiểm y tế"), "\(d.text)")
        d.press(.function(10))
        #expect(d.shows("Đã tiếp nhận: mã hồ sơ 000.00.15.H42-261119-0001"), "\(d.text)")
        let r = try ws.store.caseRecord(code: "000.00.15.H42-261119-0001")!
        #expect(r.chosenResults == [0, 1])
        #expect(r.steps.map(\.bodyCode) == ["TUPHAP", "CONGAN"])
        #expect(r.documents.count == 3)
    }

    /// Esc closes the documents picker of the case view (not the case), and the desk officer is not offered
    /// the correction of the deadline.
    @Test func escClosesThePickerAndTheDeadlineIsALeadersCorrection() throws {
        let ws = try TestWorkspace(now: "2026-11-17 09:00")
        let code = try ws.register("Lý Văn Sáu", procedure: "1.004873", at: "2026-11-16 10:00").code
        let d = try driver(ws, "tiepnhan")
        open(d, code)
        d.press(.control("p"))
        #expect(d.shows("In văn bản của hồ sơ"), "\(d.text)")
        d.press(.escape)
        #expect(!d.shows("In văn bản của hồ sơ") && d.shows("Mã hồ sơ: \(code)"), "\(d.text)")
        d.press(.control("e"))
        #expect(d.shows("Lý do sửa"), "\(d.text)")
        for _ in 0..<12 { d.press(.right) }
        #expect(!d.shows("Ngày hẹn trả"), "not among the desk officer's fields\n\(d.text)")
        d.press(.escape)
        let leader = try driver(ws, "lanhdao")
        open(leader, code)
        leader.press(.control("e"))
        var seen = false
        for _ in 0..<12 { leader.press(.right); seen = seen || leader.shows("[Ngày hẹn trả]") }
        #expect(seen, "a leader may correct the deadline")
    }

    @Test func escAsksBeforeDroppingATypedReason() throws {
        let ws = try TestWorkspace(now: "2026-11-17 09:00")
        let code = try ws.register("Lý Văn Bảy", procedure: "1.004873", at: "2026-11-16 10:00").code
        let d = try driver(ws, "tiepnhan")
        open(d, code)
        d.press(.control("w"))
        #expect(d.shows("Lý do rút hồ sơ"), "\(d.text)")
        d.type("Nguoi nop xin rut")
        d.press(.escape)
        #expect(d.shows("Bỏ nội dung đang nhập?"), "\(d.text)")
        d.press(.character("k"))
        #expect(d.shows("Lý do rút hồ sơ"), "kept, on the form")
        d.press(.escape)
        d.press(.character("c"))
        #expect(d.shows("Mã hồ sơ: \(code)"))
        #expect(try ws.store.caseRecord(code: code)!.state.status == .received, "nothing recorded")
    }
}
