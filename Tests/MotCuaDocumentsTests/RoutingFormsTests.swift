import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaTesting
import Testing
@testable import MotCuaDocuments

/// The control sheet, the transfer slip and the apology for fixed cases, against golden files.
@Suite struct RoutingFormsTests {
    static func t(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

    /// A birth – residence – health-card case received on Thursday 19/11/2026 at 09:00, handed along its three
    /// bodies across the weekend; the police finish a day after their step's deadline; the result comes back
    /// and is returned on Wednesday 25/11.
    static func linkedCase() throws -> (TestWorkspace, CaseRecord, [RecordedEvent]) {
        let ws = try TestWorkspace(now: "2026-11-25 15:00")
        let draft = CaseDraft(
            procedureCode: "XA.LT.01",
            applicant: Applicant(
                fullName: "Trần Thị Mai", idNumber: "001190012345", phone: "0987654321",
                address: "Ấp 2, xã Tân Phú"),
            documents: [
                CaseDocument(
                    name: "Tờ khai đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
                    form: .original, quantity: 1, checklistIndex: 0),
                CaseDocument(
                    name: "Giấy chứng sinh hoặc giấy tờ thay thế", form: .original, quantity: 1, checklistIndex: 1)
            ],
            receivedAt: t("2026-11-19 09:00"))
        let code = try ws.rules.registerCase(draft, officer: "tiepnhan").code
        let s = ws.rules
        try s.handOver(caseCode: code, at: t("2026-11-19 09:30"), officer: "tiepnhan")
        try s.acknowledge(caseCode: code, at: t("2026-11-19 09:40"), officer: "tuphap")
        try s.finishStep(
            caseCode: code, note: "Đã cấp Giấy khai sinh số 123", at: t("2026-11-19 16:00"), officer: "tuphap")
        try s.handOver(caseCode: code, slipNumber: "PC-0045", at: t("2026-11-20 08:00"), officer: "tiepnhan")
        try s.acknowledge(caseCode: code, receiptNumber: "BN-17", at: t("2026-11-20 08:30"), officer: "tiepnhan")
        try s.finishStep(caseCode: code, at: t("2026-11-24 10:00"), officer: "tiepnhan")
        try s.handOver(caseCode: code, at: t("2026-11-24 10:30"), officer: "tiepnhan")
        try s.acknowledge(caseCode: code, at: t("2026-11-24 11:00"), officer: "tiepnhan")
        try s.finishStep(caseCode: code, at: t("2026-11-25 08:00"), officer: "tiepnhan")
        try s.record(
            .resultReceived(documentNumber: "KS-123", documentDate: CivilDate(iso: "2026-11-25")), caseCode: code,
            at: t("2026-11-25 09:00"), officer: "tiepnhan")
        try s.record(
            .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false), caseCode: code,
            at: t("2026-11-25 14:00"), officer: "tiepnhan")
        let record = try ws.store.caseRecord(code: code)!
        return (ws, record, try ws.store.events(caseID: record.id))
    }

    @Test func controlSheetOfALinkedCase() throws {
        let (ws, c, events) = try Self.linkedCase()
        // The deadlines the sheet judges against.
        #expect(
            c.steps.map { $0.progress.stepDue?.iso } == ["2026-11-20 09:30", "2026-11-23 08:00", "2026-11-25 10:30"])
        #expect(c.steps.map(\.progress.punctuality) == [.early, .late, .onTime])
        #expect(c.state.legalDue == Self.t("2026-11-24 09:00"))
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let officers = Dictionary(uniqueKeysWithValues: try ws.store.officers().map { ($0.username, $0) })
        let document = RoutingForms.controlSheet(c, events, ctx, now: Self.t("2026-11-25 15:00"), officers: officers)
        #expect(document.pageSize == .a4, "two signature boxes per hand-over beside the times")
        let text = TextRenderer(pageSize: document.pageSize).text(document)
        expectGoldenText(text, "control-sheet-000.00.15.H42-261119-0001")
        for required in [
            "Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: 000.00.15.H42-261119-0001",
            "Cơ quan chủ trì giải quyết: Công chức Tư pháp - Hộ tịch", "Công an xã; Bảo hiểm xã hội cơ sở",
            "PC-0045", "BN-17", "Phạm Thị Hộ", "KS-123"
        ] {
            #expect(text.contains(required), "control sheet lacks \(required)")
        }
        // One verdict per row, in route order: early, late, on time; the result and the return are late (due 24/11).
        let table = try #require(
            document.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(
            table.headers[1...3] == [
                "Thời gian giao, nhận hồ sơ", "Người giao (ký, ghi rõ họ tên)", "Người nhận (ký, ghi rõ họ tên)"
            ])
        #expect(table.rows[0][1] == "Giao: 09 giờ 30 phút, ngày 19/11/2026\nNhận: 09 giờ 40 phút, ngày 19/11/2026")
        #expect(table.rows.map { $0[4] } == ["Trước hạn", "Quá hạn", "Đúng hạn", "Quá hạn", "Quá hạn"])
        // Who gave: the counter's officer; then the counter again (the justice officer finished on the 19th and
        // the counter handed the dossier on the next morning); then the police, recorded at the counter.
        #expect(
            table.rows.map { $0[0].components(separatedBy: "\n")[0] } == [
                "1. Giao: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "2. Giao: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
                "3. Giao: Công an xã", "4. Giao: Bảo hiểm xã hội cơ sở", "5. Giao: TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
            ])
        #expect(
            table.rows.map { $0[2].trimmingSpaces } == [
                "Lê Thị Tiếp", "Lê Thị Tiếp", "(ghi nhận: Lê Thị Tiếp)", "", "Lê Thị Tiếp"
            ])
        #expect(
            table.rows.map { $0[3].trimmingSpaces } == [
                "Phạm Thị Hộ", "(ghi nhận: Lê Thị Tiếp)", "(ghi nhận: Lê Thị Tiếp)", "Lê Thị Tiếp", "Trần Thị Mai"
            ])
    }

    @Test func transferSlipOfTheSecondStep() throws {
        let (ws, c, events) = try Self.linkedCase()
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let text = TextRenderer(pageSize: .a5).text(RoutingForms.transferSlip(c, events, step: 1, ctx))
        expectGoldenText(text, "transfer-000.00.15.H42-261119-0001-2")
        for required in [
            "PHIẾU CHUYỂN XỬ LÝ HỒ SƠ", "Số: PC-0045", "Kính gửi: Công an xã", "Bước: 2/3",
            "Nhiệm vụ: Đăng ký thường trú cho trẻ", "1 ngày làm việc, đến 08 giờ 00 phút, ngày 23/11/2026",
            "chuyển tiếp cho Bảo hiểm xã hội cơ sở", "Giấy chứng sinh", "NGƯỜI GIAO", "NGƯỜI NHẬN"
        ] {
            #expect(text.contains(required), "transfer slip lacks \(required)")
        }
        #expect(!text.contains("Mẫu số"), "the transfer slip has no number in the circular")
    }

    /// A marital-status certificate refused by the civil-status officer after examination: the control sheet
    /// closes that step with the refusal (judged against the step's deadline), sends the result back from
    /// that body and leaves the leader's step, never reached, empty; the evaluation scores only that body.
    @Test func aRefusedCaseOnTheControlSheetAndInTheEvaluation() throws {
        let ws = try TestWorkspace(now: "2026-11-25 15:00")
        let c = try ws.register("Lê Văn Tám", procedure: "1.004873", at: "2026-11-16 10:00")
        let r = ws.rules
        try r.handOver(caseCode: c.code, at: Self.t("2026-11-16 10:30"), officer: "tiepnhan")
        try r.acknowledge(caseCode: c.code, at: Self.t("2026-11-16 10:40"), officer: "tuphap")
        try r.perform(
            .refuse(reasons: ["Đang có quan hệ hôn nhân"]), on: c.code, at: Self.t("2026-11-17 09:00"), by: "tuphap")
        try r.perform(
            .returnToApplicant(method: .counter, told: true), on: c.code, at: Self.t("2026-11-17 10:00"), by: "tiepnhan"
        )
        let scores = Dictionary(uniqueKeysWithValues: EvaluationIndex.allCases.map { ($0.rawValue, 2) })
        try r.perform(.evaluate(.indices(scores)), on: c.code, at: Self.t("2026-11-17 10:05"), by: "tiepnhan")
        let record = try #require(try ws.store.caseRecord(code: c.code))
        let events = try ws.store.events(caseID: record.id)
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let officers = Dictionary(uniqueKeysWithValues: try ws.store.officers().map { ($0.username, $0) })
        let sheet = RoutingForms.controlSheet(record, events, ctx, now: Self.t("2026-11-25 15:00"), officers: officers)
        let rows = try #require(sheet.blocks.compactMap { if case .table(let t) = $0 { t.rows } else { nil } }.first)
        let tuPhap = record.steps[0].bodyName
        #expect(rows[0][4] == "Từ chối giải quyết, trước hạn", "\(rows[0])")
        #expect(rows[1][4] == "" && rows[1][1].contains("…… giờ"), "the leader's step was never reached: \(rows[1])")
        #expect(rows[2][0].hasPrefix("3. Giao: \(tuPhap)\n"), "the refusal comes back from the examining body")
        let summary = EvaluationSummary(
            try ws.store.evaluations(.month(2026, 11)!), period: .month(2026, 11)!, unitName: "Toàn đơn vị")
        #expect(summary.bodies.map(\.name) == [tuPhap], "the leader never had the dossier")
    }

    /// A procedure that is not inter-linked (the civil-status officer examines, the commune's leader signs):
    /// its transfer slip does not speak of an inter-linked process.
    @Test func transferSlipOfASingleBody() throws {
        let ws = try TestWorkspace(now: "2026-11-25 15:00")
        let c = try ws.register("Lê Văn Tám", procedure: "1.004873", at: "2026-11-16 10:00")
        try ws.rules.handOver(caseCode: c.code, at: Self.t("2026-11-16 10:30"), officer: "tiepnhan")
        let record = try #require(try ws.store.caseRecord(code: c.code))
        #expect(!record.procedure.isInterlinked)
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let text = TextRenderer(pageSize: .a5).text(
            RoutingForms.transferSlip(record, try ws.store.events(caseID: record.id), step: 0, ctx))
        #expect(text.contains("chuyển hồ sơ sau đây để xử lý:") && !text.contains("liên thông"), "\(text)")
    }

    /// A marital-status certificate received Monday 16/11 10:00 (due Thursday 19/11 10:00), late: the leader
    /// apologises on Wednesday 18/11 and sets Monday 23/11 10:00.
    @Test func apologyWithTheNewDate() throws {
        let ws = try TestWorkspace(now: "2026-11-18 09:00")
        let r = try ws.register("Nguyễn Văn Bình", procedure: "1.004873", at: "2026-11-16 10:00", id: "001085054321")
        try ws.rules.handOver(caseCode: r.code, at: Self.t("2026-11-16 10:30"), officer: "tiepnhan")
        #expect(throws: DeskError.refused(.leaderOnly(.reschedule)), "a desk officer does not reschedule") {
            try ws.rules.record(
                .rescheduled(newDue: Self.t("2026-11-23 10:00"), reason: "x"), caseCode: r.code,
                at: Self.t("2026-11-18 09:00"), officer: "tiepnhan")
        }
        try ws.rules.record(
            .rescheduled(
                newDue: Self.t("2026-11-23 10:00"), reason: "Cần xác minh thêm thông tin tại nơi cư trú trước đây"),
            caseCode: r.code, at: Self.t("2026-11-18 09:00"), officer: "lanhdao")
        let c = try ws.store.caseRecord(code: r.code)!
        #expect(c.state.legalDue == Self.t("2026-11-19 10:00") && c.state.appointment == Self.t("2026-11-23 10:00"))
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let document = try #require(RoutingForms.apology(c, try ws.store.events(caseID: c.id), ctx))
        let text = TextRenderer(pageSize: document.pageSize).text(document)
        expectGoldenText(text, "apology-000.00.15.H42-261116-0001")
        for required in [
            "Mẫu số 04", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi: Ông/Bà Nguyễn Văn Bình",
            "Cấp Giấy xác nhận tình trạng hôn nhân", "10 giờ 00 phút, thứ Năm ngày 19/11/2026",
            "10 giờ 00 phút, thứ Hai ngày 23/11/2026", "Cần xác minh thêm thông tin tại nơi cư trú trước đây",
            "xin lỗi", "Trần Văn Lãnh", "Tân Phú, ngày 18 tháng 11 năm 2026"
        ] {
            #expect(text.contains(required), "apology lacks \(required)")
        }
        // No reschedule, no apology.
        let other = try ws.register("Lê Văn Cường", at: "2026-11-17 09:00")
        let plain = try ws.store.caseRecord(code: other.code)!
        #expect(RoutingForms.apology(plain, try ws.store.events(caseID: plain.id), ctx) == nil)
    }

    /// Reprints of the transfer slip and apology are marked; the control sheet never is (it is a snapshot).
    @Test func reprintsThroughCaseDocuments() throws {
        let (ws, c, _) = try Self.linkedCase()
        let docs = CaseDocuments(store: ws.store, context: PrintContext(unit: try ws.store.unitProfile(), forms: forms))
        let now = Self.t("2026-11-25 15:00")
        for source in [DocumentSource.transfer(caseCode: c.code, step: 0), .controlSheet(caseCode: c.code)] {
            guard case .success(let first) = try docs.build(source, now: now) else {
                Issue.record("\(source) not built"); continue
            }
            #expect(!first.reprint)
            ws.now = now
            _ = try ws.rules.desk.print(
                source, saveOnly: true, printer: PrinterSettings(), by: try ws.rules.actor("tiepnhan"))
            guard case .success(let second) = try docs.build(source, now: now) else {
                Issue.record("\(source) not built"); continue
            }
            if case .controlSheet = source {
                #expect(!second.reprint && second.name == "\(c.code)-phieu-kiem-soat")
            } else {
                #expect(second.reprint && second.name == "\(c.code)-phieu-chuyen-buoc-1-in-lai")
            }
        }
        guard case .failure(let why) = try docs.build(.apology(caseCode: c.code), now: now) else {
            Issue.record("an apology without a reschedule"); return
        }
        #expect(why.message.contains("chưa được hẹn lại"))
    }
}
