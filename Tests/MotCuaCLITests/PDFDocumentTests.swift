import MotCuaCore
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// What the counter prints, read back with real tools (issue 11 §5): the PDF's structure (`qpdf --check`),
/// its embedded font subsets (`pdffonts`), its text (`pdftotext`, Vietnamese exact) and its QR codes
/// (`pdftoppm` + `zbarimg`); and a receipt printed through a real CUPS queue to a PDF printer.
@Suite(.serialized) struct PDFDocumentTests {
    static let tools = ["qpdf", "pdffonts", "pdftotext", "pdftoppm", "zbarimg"]
    static let haveTools = tools.allSatisfy { Subprocess.which($0) != nil }

    final class Office {
        let dir: String
        var db: String { dir + "/motcua.db" }
        var code = ""
        init() throws {
            dir = try temporaryDirectory()
            #expect(runCLI(["init", "--db", db]).status == 0)
            let add = runCLI(
                [
                    "case", "add", "--db", dir + "/motcua.db", "--procedure", "XA.LT.01", "--name", "Đặng Thị Ngọc Ánh",
                    "--id", "001190012345", "--phone", "0912345678"
                ], now: "2026-11-19 09:00")
            code = String(add.out.prefix { $0 != "\t" })
            #expect(runCLI(["case", "handover", code, "--db", db], now: "2026-11-19 09:30").status == 0)
        }
        deinit { FileSystem.removeTree(dir) }

        func print(_ kind: String, to name: String) throws -> String {
            let path = dir + "/" + name
            let r = runCLI(["print", kind, code, "--output", path, "--db", db], now: "2026-11-19 10:00")
            #expect(r.status == 0, "\(r.err)")
            return path
        }
    }

    static func qrCodes(_ pdf: String) throws -> [String] {
        let prefix = pdf + "-page"
        #expect(try Subprocess.run(["pdftoppm", "-r", "200", "-png", pdf, prefix]).succeeded)
        let pages = try FileSystem.list(FileSystem.directoryName(pdf)).filter {
            $0.hasPrefix(FileSystem.baseName(prefix)) && $0.hasSuffix(".png")
        }.sorted()
        var codes: [String] = []
        for page in pages {
            let r = try Subprocess.run([
                "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                FileSystem.directoryName(pdf) + "/" + page
            ])
            codes += r.stdoutText.split(separator: "\n").map(String.init)
        }
        return codes
    }

    @Test(.enabled(if: haveTools, "needs poppler-utils, qpdf and zbar-tools"))
    func theReceiptIsARealPDFWithItsQRCode() throws {
        let office = try Office()
        let pdf = try office.print("receipt", to: "giay-tiep-nhan.pdf")
        #expect(try FileSystem.readPrefix(pdf, count: 8) == Array("%PDF-1.7".utf8))
        #expect(try Subprocess.run(["qpdf", "--check", pdf]).succeeded)
        let fonts = try Subprocess.run(["pdffonts", pdf]).stdoutText
        #expect(fonts.contains("CID TrueType") && fonts.contains("Identity-H"), "\(fonts)")
        for line in fonts.split(separator: "\n").dropFirst(2) {
            #expect(line.contains(" yes yes yes"), "embedded, subset, with a ToUnicode map: \(line)")
        }
        let text = try documentText(pdf)
        for phrase in [
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: \(office.code)", "Đặng Thị Ngọc Ánh", "0912345678",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        ] {
            #expect(text.contains(phrase), "\(phrase)\n\(text)")
        }
        #expect(
            text.unicodeScalars.elementsEqual(VietnameseText.nfc(text).unicodeScalars), "the text comes back in NFC")
        // Both copies (the applicant's and the counter's) carry the code.
        #expect(try Self.qrCodes(pdf) == [office.code, office.code])
        #expect((FileSystem.size(pdf) ?? 0) < 100_000, "a receipt stays small: \(FileSystem.size(pdf) ?? 0) bytes")
    }

    @Test(.enabled(if: haveTools, "needs poppler-utils, qpdf and zbar-tools"))
    func withTheProvincePortalTheQRCodeOpensTheCaseOnline() throws {
        let office = try Office()
        #expect(
            runCLI([
                "setting", "case_lookup_url", "https://dichvucong.tinhmau.gov.vn/tra-cuu?ma={code}", "--db", office.db
            ]).status == 0)
        #expect(runCLI(["setting", "case_lookup_url", "ftp://x/{code}", "--db", office.db]).status != 0)
        let pdf = try office.print("transfer", to: "phieu-chuyen.pdf")
        #expect(try Self.qrCodes(pdf) == ["https://dichvucong.tinhmau.gov.vn/tra-cuu?ma=\(office.code)"])
        let sheet = try office.print("control-sheet", to: "phieu-kiem-soat.pdf")
        #expect(try Subprocess.run(["qpdf", "--check", sheet]).succeeded)
        #expect(try Self.qrCodes(sheet).first == "https://dichvucong.tinhmau.gov.vn/tra-cuu?ma=\(office.code)")
        #expect(try documentText(sheet).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"))
        // The text output is still there on request.
        let text = try office.print("receipt", to: "giay-tiep-nhan.txt")
        #expect(try FileSystem.readText(text).contains("[Mã QR: \(office.code)]"))
    }

    /// The wall sheet: every procedure in force, a QR code of its national page for the national codes;
    /// and a procedure's guidance slip.
    @Test(.enabled(if: haveTools, "needs poppler-utils, qpdf and zbar-tools"))
    func theCatalogueWallSheetAndAGuidanceSlip() throws {
        let office = try Office()
        let wall = office.dir + "/cong-khai.pdf"
        #expect(
            runCLI(["print", "catalogue", "--output", wall, "--db", office.db], now: "2026-11-19 10:00").status == 0)
        #expect(try Subprocess.run(["qpdf", "--check", wall]).succeeded)
        let text = try documentText(wall)
        #expect(
            text.contains("CÔNG KHAI THỦ TỤC HÀNH CHÍNH") && text.contains("Chứng thực chữ ký")
                && text.contains("1.004873"))
        let codes = try Self.qrCodes(wall)
        #expect(!codes.isEmpty && codes.allSatisfy { $0.hasPrefix("https://thutuc.dichvucong.gov.vn/") }, "\(codes)")
        #expect(codes.contains { $0.hasSuffix("ma_thu_tuc=1.004873") } && !codes.contains { $0.contains("XA.") })
        let guide = office.dir + "/huong-dan.pdf"
        #expect(
            runCLI(["print", "guide", "1.004873", "--output", guide, "--db", office.db], now: "2026-11-19 10:00").status
                == 0)
        let g = try documentText(guide)
        for phrase in [
            "HƯỚNG DẪN THỰC HIỆN THỦ TỤC HÀNH CHÍNH", "Thành phần hồ sơ", "Thời hạn giải quyết: 3 ngày làm việc",
            "Thời gian làm việc: Thứ Hai đến thứ Sáu"
        ] {
            #expect(g.contains(phrase), "\(phrase)\n\(g)")
        }
        #expect(try Subprocess.run(["pdfinfo", guide]).stdoutText.contains("Pages:           1"))
        #expect(
            runCLI(["print", "guide", "KHONG.CO", "--output", office.dir + "/x.pdf", "--db", office.db]).status == 1)
        #expect(runCLI(["print", "catalogue", "thừa", "--db", office.db]).status == 2)
    }

    static let cupsQueue = "motcua-pdf"
    static let haveCUPS: Bool = {
        guard let r = try? Subprocess.run(["lpstat", "-p", cupsQueue]) else { return false }
        return r.succeeded
    }()

    /// The program's normal print path to a real CUPS queue whose printer writes PDF files (cups-pdf): the
    /// file that comes out holds the receipt. `.ci/run` starts cupsd and adds the queue.
    @Test(.enabled(if: haveCUPS && haveTools, "no CUPS scheduler with the cups-pdf queue motcua-pdf on this machine"))
    func aReceiptThroughARealSpooler() throws {
        let office = try Office()
        #expect(runCLI(["setting", "printer_destination", Self.cupsQueue, "--db", office.db]).status == 0)
        let out = Environment.homeDirectory() + "/PDF"
        // cups-pdf names its files after the job's title: what is newer than this marker is ours.
        let marker = office.dir + "/before-print"
        try FileSystem.writeAtomically(marker, text: "")
        SystemClock.sleep(milliseconds: 1100)
        let r = runCLI(["print", "receipt", office.code, "--db", office.db], now: "2026-11-19 10:00")
        #expect(r.status == 0 && (r.err + r.out).contains("Đã gửi lệnh in"), "\(r.out) \(r.err)")
        var produced: String?
        for _ in 0..<100 where produced == nil {
            SystemClock.sleep(milliseconds: 200)
            let found = try? Subprocess.run(["find", out, "-maxdepth", "1", "-name", "*.pdf", "-newer", marker])
            produced = found?.stdoutText.split(separator: "\n").first.map { FileSystem.baseName(String($0)) }
        }
        let file = try #require(produced, "cups-pdf wrote nothing in \(out)")
        SystemClock.sleep(milliseconds: 500)
        // cups-pdf redraws the job through Ghostscript, which keeps the page but not the text layer: what
        // came out is checked by what a scanner reads on it, the case code of each copy.
        let copy = office.dir + "/from-cups.pdf"
        _ = try Subprocess.run(["cp", out + "/" + file, copy])
        FileSystem.remove(out + "/" + file)
        #expect(try Subprocess.run(["qpdf", "--check", copy]).succeeded)
        #expect(try Self.qrCodes(copy) == [office.code, office.code])
    }
}
