import Foundation
import MotCuaCore
import MotCuaDefaults
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import TerminalUI
import Testing
@testable import MotCuaDocuments

let goldenDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path + "/Tests/Goldens"
}()

func expectGoldenText(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let difference = Golden.check(text, name: name, directory: goldenDirectory) {
        Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
    }
}

let forms = try! FormCatalog.parse(ShippedConfig.text("forms.json"), file: "Config/forms.json")

@Suite struct RendererTests {
    let r = TextRenderer(width: 40)

    @Test func headerCentresTwoColumns() {
        let lines = r.render(.header(left: ["UBND XÃ A"], right: ["CỘNG HÒA", "Độc lập"]))
        #expect(lines == ["     UBND XÃ A            CỘNG HÒA", "                          Độc lập"])
    }

    @Test func fieldsWrapUnderTheValue() {
        #expect(
            r.render(.field(label: "Họ tên", value: "Nguyễn Thị Ánh Tuyết Hồng Nhung Ngọc Bích")) == [
                "Họ tên: Nguyễn Thị Ánh Tuyết Hồng Nhung", "        Ngọc Bích"
            ])
        // A long label: continuation lines take a small indent.
        #expect(
            r.render(
                .field(label: "5. Thời gian trả kết quả giải quyết", value: "17 giờ 00 phút, thứ Hai ngày 23/11/2026"))
                == ["5. Thời gian trả kết quả giải quyết:", "    17 giờ 00 phút, thứ Hai ngày", "    23/11/2026"])
        // A long label and a long value: the value starts on its own line, whole.
        #expect(
            TextRenderer(width: 72).render(
                .field(
                    label: "5. Thời gian trả kết quả giải quyết hồ sơ", value: "17 giờ 00 phút, thứ Hai ngày 23/11/2026"
                )) == ["5. Thời gian trả kết quả giải quyết hồ sơ:", "    17 giờ 00 phút, thứ Hai ngày 23/11/2026"])
    }

    /// The governing body in running text (Biểu 06's "Đơn vị báo cáo", the stop notice): "UBND …" is the
    /// people's committee, with the place's capitals; another name written in capitals stays as written.
    @Test func governingBodyInRunningText() {
        var unit = TestWorkspace.unit
        #expect(ReceptionForms.governingBodyInText(unit) == "Ủy ban nhân dân xã Tân Phú")
        unit.governingBody = "UBND HUYỆN HÒA VANG"
        unit.name = "Huyện Hòa Vang"
        #expect(ReceptionForms.governingBodyInText(unit) == "Ủy ban nhân dân huyện Hòa Vang")
        unit.governingBody = "CÔNG AN XÃ TÂN PHÚ"
        #expect(ReceptionForms.governingBodyInText(unit) == "CÔNG AN XÃ TÂN PHÚ")
    }

    /// A value typed without spaces (a long name, an address, a reason) is cut to the page's width, under the
    /// value, instead of running past the paper's edge.
    @Test func aFieldsLongWordIsCutToThePage() {
        let r72 = TextRenderer(width: 72)
        let name = String(repeating: "Nguyễn", count: 17)
        let lines = r72.render(.field(label: "Ông/Bà", value: name))
        #expect(lines.allSatisfy { TextWidth.width(of: $0) <= 72 }, "\(lines)")
        #expect(
            lines.first?.hasPrefix("Ông/Bà: Nguyễn") == true
                && lines.dropFirst().allSatisfy { $0.hasPrefix("        ") })
        #expect(
            lines.map { $0.replacingOccurrences(of: "Ông/Bà: ", with: "").trimmingCharacters(in: .whitespaces) }
                .joined() == name)
        let wide = r72.render(.field(label: "Địa chỉ", value: "Số 3 " + String(repeating: "中", count: 300)))
        #expect(wide.allSatisfy { TextWidth.width(of: $0) <= 72 }, "\(wide)")
    }

    @Test func tablesWrapCellsAndAlign() {
        let t = DocumentTable(
            headers: ["STT", "Tên", "SL"], widths: [4, 10, 4], alignments: [.right, .left, .right],
            rows: [["1", "Tờ khai đăng ký khai sinh", "2"]])
        let lines = r.render(.table(t))
        #expect(lines.first?.hasPrefix("┌") == true && lines.last?.hasPrefix("└") == true)
        #expect(lines.allSatisfy { TextWidth.width(of: $0) == 40 })
        #expect(lines.contains { $0.contains("│ Tờ khai đăng ký    │") || $0.contains("Tờ khai") })
    }

    @Test func signaturesAndPageBreaks() {
        let lines = r.render(
            .signatures([
                Signature(title: "NGƯỜI NỘP", name: "Đặng Văn Đức"), Signature(title: "CÁN BỘ", name: "Lê Thị Tiếp")
            ]))
        #expect(lines.first == "     NGƯỜI NỘP             CÁN BỘ")
        #expect(lines.last == "    Đặng Văn Đức        Lê Thị Tiếp")
        #expect(r.render(.pageBreak) == ["\u{000C}"])
        #expect(TextRenderer(width: 40, forPrinting: false).render(.pageBreak)[1].hasPrefix("┄"))
    }

    @Test func formalDates() {
        #expect(FormalDate.phrase(CivilDate(year: 2026, month: 2, day: 5)!) == "ngày 05 tháng 02 năm 2026")
        #expect(FormalDate.phrase(CivilDate(year: 2026, month: 11, day: 20)!) == "ngày 20 tháng 11 năm 2026")
        #expect(FormalDate.instant(LocalDateTime(iso: "2026-11-20 15:30")!) == "15 giờ 30 phút, ngày 20/11/2026")
    }

    @Test func formCatalogIsData() throws {
        #expect(forms.numberLine(.receipt) == "Mẫu số 01")
        #expect(forms.entry(.controlSheet).number == "06")
        #expect(forms.entry(.transfer).number.isEmpty)
        #expect(try FormCatalog.parse(forms.json.prettyText, file: "x") == forms)
        #expect(throws: ConfigError.self) {
            try FormCatalog.parse(#"{"format":"motcua-forms","version":1,"circular":"x","forms":{}}"#, file: "f.json")
        }
    }
}

/// The receipt, request to supplement and refusal for fixed data, against golden files (layout, wording,
/// every field the law lists).
@Suite struct FormGoldenTests {
    static func fixedCase() throws -> (TestWorkspace, CaseRecord) {
        let ws = try TestWorkspace(now: "2026-11-20 15:30")
        let draft = CaseDraft(
            procedureCode: "XA.CT.02",
            applicant: Applicant(
                fullName: "Đặng Văn Đức", idNumber: "001099012345", phone: "0912345678", email: "duc.dang@example.vn",
                address: "Thôn 3, xã Tân Phú, tỉnh Đồng Nai"),
            documents: [
                CaseDocument(
                    name: "Giấy tờ, văn bản cần chứng thực chữ ký", form: .original, quantity: 2, checklistIndex: 0),
                CaseDocument(
                    name: "Giấy tờ tùy thân của người nộp hồ sơ (căn cước, hộ chiếu)", form: .presentOriginal,
                    quantity: 1, checklistIndex: 1)
            ],
            fee: 20000, feeReceiptNumber: "0001234", receivedAt: LocalDateTime(iso: "2026-11-20 15:30")!)
        let r = try ws.rules.registerCase(draft, officer: "tiepnhan")
        return (ws, try ws.store.caseRecord(code: r.code)!)
    }

    @Test func receipt() throws {
        let (ws, c) = try Self.fixedCase()
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let events = try ws.store.events(caseID: c.id)
        let text = TextRenderer(pageSize: .a5).text(ReceptionForms.receipt(c, events, ctx))
        expectGoldenText(text, "receipt-000.00.15.H42-261120-0001")
        for required in [
            "Mã hồ sơ: 000.00.15.H42-261120-0001", "Ông/Bà: Đặng Văn Đức", "Thôn 3, xã Tân Phú", "0912345678",
            "duc.dang@example.vn", "Chứng thực chữ ký", "Bản chính", "01 bộ", "trong ngày",
            "15 giờ 30 phút, ngày 20/11/2026",
            "17 giờ 00 phút, thứ Hai ngày 23/11/2026", "Quyển số 2026, số thứ tự 1", "20.000 đ; biên lai số 0001234",
            "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Lê Thị Tiếp", "Liên 1: Lưu", "Liên 2: Giao người nộp",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
            "Tân Phú, ngày 20 tháng 11 năm 2026", "Mẫu số 01"
        ] {
            #expect(text.contains(required), "receipt lacks \(required)")
        }
        #expect(text.components(separatedBy: "\u{000C}").count == 2, "two copies, one page each")
        #expect(!text.contains("001099012345"), "the receipt does not need the ID number")
        let reprint = TextRenderer(pageSize: .a5).text(ReceptionForms.receipt(c, events, ctx, reprint: true))
        #expect(reprint.contains("BẢN IN LẠI"))
        #expect(!text.contains("BẢN IN LẠI"))
    }

    @Test func supplementAndRefusal() throws {
        let ws = try TestWorkspace(now: "2026-11-20 10:00")
        let ctx = PrintContext(unit: try ws.store.unitProfile(), forms: forms)
        let slip = Slip(
            number: "BS-261120-0001", at: LocalDateTime(iso: "2026-11-20 10:00")!, officerName: "Lê Thị Tiếp",
            procedureName: "Cấp Giấy xác nhận tình trạng hôn nhân", applicantName: "Nguyễn Thị Hoa",
            applicantAddress: "Ấp 2, xã Tân Phú", applicantPhone: "0987654321",
            items: ["Bản sao Giấy chứng nhận kết hôn trước đây", "Quyết định ly hôn (bản sao chứng thực)"],
            reason: "Người yêu cầu đã kết hôn trước đây")
        let supplement = TextRenderer(pageSize: .a5).text(ReceptionForms.supplement(slip, ctx))
        expectGoldenText(supplement, "supplement-BS-261120-0001")
        #expect(supplement.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"))
        #expect(supplement.contains("Mẫu số 02"))
        #expect(supplement.contains("\n  1. Bản sao Giấy chứng nhận kết hôn trước đây\n"))
        #expect(supplement.contains("NGƯỜI HƯỚNG DẪN"))
        var refusalSlip = slip
        refusalSlip.number = "TC-261120-0001"
        refusalSlip.items = ["Thủ tục thuộc thẩm quyền cơ quan khác"]
        refusalSlip.reason = ""
        let refusal = TextRenderer(pageSize: .a5).text(ReceptionForms.refusal(refusalSlip, ctx))
        expectGoldenText(refusal, "refusal-TC-261120-0001")
        #expect(refusal.contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"))
        #expect(refusal.contains("Mẫu số 03"))
        #expect(refusal.contains("từ chối tiếp nhận, giải quyết hồ sơ này"))
    }

    /// Renumbering the forms (another circular) changes the printed numbers without touching the code.
    @Test func formNumbersComeFromData() throws {
        let (ws, c) = try Self.fixedCase()
        var old = forms
        old.entries[.receipt] = .init(number: "01/TT01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
        let text = TextRenderer(pageSize: .a5).text(
            ReceptionForms.receipt(
                c, try ws.store.events(caseID: c.id), PrintContext(unit: try ws.store.unitProfile(), forms: old)))
        #expect(text.contains("Mẫu số 01/TT01"))
    }
}

@Suite struct PrintingTests {
    final class Fake {
        let dir: String
        init(lp: String?, paps: Bool = false) throws {
            dir = try FileSystem.makeTemporaryDirectory(prefix: "motcua-print")
            if let lp {
                try FileSystem.writeAtomically(
                    dir + "/lp",
                    text: "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(dir)/lp-args'\n/bin/cat > '\(dir)/lp-input'\n\(lp)\n",
                    mode: 0o755)
            }
            if paps {
                try FileSystem.writeAtomically(
                    dir + "/paps",
                    text: "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(dir)/paps-args'\necho '%!PS-Adobe-3.0'\n/bin/cat\n",
                    mode: 0o755)
            }
        }
        deinit { FileSystem.removeTree(dir) }
        var args: [String] {
            ((try? FileSystem.readText(dir + "/lp-args")) ?? "").split(separator: "\n").map(String.init)
        }
        var input: String { (try? FileSystem.readText(dir + "/lp-input")) ?? "" }
    }

    let text = "Giấy tiếp nhận: Đặng Văn Đức\n"

    @Test func plainTextToTheDefaultPrinter() throws {
        let fake = try Fake(lp: "echo 'request id is HP-42 (1 file(s))'")
        let service = PrintService(settings: PrinterSettings(), environment: ["PATH": fake.dir])
        let outcome = service.print(text, pageSize: .a5, title: "Giấy tiếp nhận")
        #expect(outcome == .printed(job: "request id is HP-42 (1 file(s))", filtered: false))
        #expect(fake.input == text)
        #expect(fake.args == ["-t", "Giấy tiếp nhận", "-o", "document-format=text/plain", "-o", "media=A5"])
        #expect(outcome.message.contains("cài gói paps"))
    }

    @Test func throughPapsToANamedPrinterWithOptions() throws {
        let fake = try Fake(lp: "echo 'request id is Quay1-7'", paps: true)
        let service = PrintService(
            settings: PrinterSettings(destination: "Quay1", options: ["-n", "2"]),
            environment: ["PATH": fake.dir])
        #expect(
            service.print(text, pageSize: .a5, title: "Phiếu") == .printed(job: "request id is Quay1-7", filtered: true)
        )
        #expect(fake.input.hasPrefix("%!PS-Adobe-3.0\n") && fake.input.contains("Đặng Văn Đức"))
        #expect(fake.args == ["-t", "Phiếu", "-o", "document-format=application/postscript", "-d", "Quay1", "-n", "2"])
        #expect(((try? FileSystem.readText(fake.dir + "/paps-args")) ?? "").contains("--font=DejaVu Sans Mono 10"))
    }

    @Test func aPDFGoesToLpAsItIs() throws {
        let fake = try Fake(lp: "echo 'request id is Quay1-9'")
        let service = PrintService(
            settings: PrinterSettings(destination: "Quay1", options: ["-o", "media=A5"]),
            environment: ["PATH": fake.dir])
        let pdf = Array("%PDF-1.7\n…\n%%EOF\n".utf8)
        #expect(
            service.print(pdf, format: .pdf, pageSize: .a5, title: "Giấy tiếp nhận")
                == .printed(job: "request id is Quay1-9", filtered: true))
        #expect(Array(fake.input.utf8) == pdf, "the bytes as rendered, no filter")
        #expect(
            fake.args == [
                "-t", "Giấy tiếp nhận", "-o", "document-format=application/pdf", "-d", "Quay1", "-o", "media=A5"
            ])
    }

    @Test func noSpoolerAndRefusals() throws {
        let none = try Fake(lp: nil)
        #expect(
            PrintService(settings: PrinterSettings(), environment: ["PATH": none.dir]).print(
                text, pageSize: .a5, title: "x") == .noSpooler)
        #expect(PrintOutcome.noSpooler.message.contains("cups-client"))
        let refusing = try Fake(lp: "echo 'lp: Error - No default destination.' >&2; exit 1")
        let outcome = PrintService(settings: PrinterSettings(), environment: ["PATH": refusing.dir]).print(
            text, pageSize: .a4, title: "x")
        #expect(outcome == .failed("lp: Error - No default destination."))
    }

    @Test func archiveNeverOverwritesAndIsPrivate() throws {
        let dir = try FileSystem.makeTemporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        let archive = DocumentArchive(folder: dir + "/documents")
        let a = try archive.save("một", name: "000.00.15.H42-261120-0001-giay-tiep-nhan")
        let b = try archive.save("hai", name: "000.00.15.H42-261120-0001-giay-tiep-nhan")
        #expect(a.hasSuffix("/000.00.15.H42-261120-0001-giay-tiep-nhan.txt"))
        #expect(b.hasSuffix("-giay-tiep-nhan-2.txt"))
        #expect(try FileSystem.readText(a) == "một")
        #expect(FileSystem.permissions(a) == 0o600)
        #expect(FileSystem.permissions(dir + "/documents") == 0o700)
    }
}
