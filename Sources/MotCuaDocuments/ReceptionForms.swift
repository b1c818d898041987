import MotCuaCore
import MotCuaStore

/// What every form needs besides its own data: the unit's names, the forms' numbers and titles, and the
/// settings that change how forms print.
public struct PrintContext: Sendable {
    public var unit: UnitProfile
    public var forms: FormCatalog
    /// The provincial portal's lookup address with `{code}` (setting `case_lookup_url`); empty: the QR code
    /// carries the case code alone.
    public var caseLookupURL: String
    /// The receipt's paper (setting `receipt_paper`): A5 by default, or A4.
    public var receiptPaper: PageSize
    /// The ledger's book number as configured (setting `ledger_book`, e.g. "01/2026"); empty: the year.
    public var ledgerBook: String

    public init(
        unit: UnitProfile, forms: FormCatalog, caseLookupURL: String = "", receiptPaper: PageSize = .a5,
        ledgerBook: String = ""
    ) {
        self.unit = unit
        self.forms = forms
        self.caseLookupURL = caseLookupURL
        self.receiptPaper = receiptPaper
        self.ledgerBook = ledgerBook
    }

    /// The paper of the setting's value ("a5", "a4"; anything else: A5).
    public static func receiptPaper(_ setting: String) -> PageSize { setting == "a4" ? .a4 : .a5 }

    /// The book ("Quyển số") of the ledger year `year`: the configured book, unless it names another year
    /// (a book "01/2026" does not hold the entries of 2027, whose receipts then print their year); the year
    /// when nothing is configured.
    public func ledgerBook(year: Int) -> String {
        let book = ledgerBook.trimmingSpaces
        guard !book.isEmpty else { return String(year) }
        let digits = book.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let years = digits.filter { (1900...2199).contains($0) }
        return years.isEmpty || years.contains(year) ? book : String(year)
    }

    /// The counter's name in running text: exactly as configured (the header prints it in capitals).
    public var counterName: String { unit.counterName }

    /// The QR code of a case: its lookup address when the province has one, else its code; the code is
    /// printed under it in any case (a USB scanner typing it opens the case at the counter).
    public func qrCode(_ code: String) -> DocumentBlock {
        let payload = caseLookupURL.isEmpty ? code : caseLookupURL.replacing("{code}", with: code)
        return .qrCode(payload: payload, caption: code)
    }
}

/// A slip given at the counter without a case being opened (request to supplement, refusal), or about a
/// case during processing.
public struct Slip: Hashable, Sendable {
    /// The slip's number ("BS-261120-0001") or, during processing, the case code.
    public var number: String
    public var caseCode: String?
    public var at: LocalDateTime
    public var officerName: String
    public var procedureName: String
    public var applicantName: String
    public var applicantAddress: String?
    public var applicantPhone: String?
    /// Missing items (supplement) or reasons (refusal).
    public var items: [String]
    public var reason: String

    public init(
        number: String, caseCode: String? = nil, at: LocalDateTime, officerName: String, procedureName: String,
        applicantName: String, applicantAddress: String? = nil, applicantPhone: String? = nil, items: [String],
        reason: String
    ) {
        self.number = number
        self.caseCode = caseCode
        self.at = at
        self.officerName = officerName
        self.procedureName = procedureName
        self.applicantName = applicantName
        self.applicantAddress = applicantAddress
        self.applicantPhone = applicantPhone
        self.items = items
        self.reason = reason
    }
}

/// Dates as administrative documents write them (Nghị định 30/2020: days below 10 and the months January and
/// February take a leading zero): "ngày 05 tháng 02 năm 2026", "ngày 20 tháng 11 năm 2026".
public enum FormalDate {
    public static func phrase(_ date: CivilDate) -> String {
        let c = date.components
        let day = c.day < 10 ? "0\(c.day)" : String(c.day)
        let month = c.month <= 2 ? "0\(c.month)" : String(c.month)
        return "ngày \(day) tháng \(month) năm \(c.year)"
    }

    /// "Tân Phú, ngày 20 tháng 11 năm 2026"
    public static func placeAndDate(_ place: String, _ date: CivilDate) -> String { "\(place), \(phrase(date))" }

    /// "15 giờ 30 phút, ngày 20/11/2026"
    public static func instant(_ t: LocalDateTime) -> String { "\(t.time.vietnameseLong), ngày \(t.date.vietnamese)" }
}

/// The forms of the counter (domain.md §5), built as documents from the data.
public enum ReceptionForms {
    /// The header every form shares: form number (and "BẢN IN LẠI"), issuing body, national motto, place and date.
    static func header(_ kind: FormKind, _ ctx: PrintContext, date: CivilDate, reprint: Bool) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        let number = ctx.forms.numberLine(kind)
        if !number.isEmpty { blocks.append(.line(number, .right)) }
        if reprint { blocks.append(.line("BẢN IN LẠI", .right)) }
        blocks.append(
            .header(
                left: [ctx.unit.governingBody.uppercased(), ctx.unit.counterName.uppercased(), "──────────"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "───────────────"]))
        blocks.append(.line(FormalDate.placeAndDate(ctx.unit.placeName, date), .right))
        blocks.append(.space(1))
        return blocks
    }

    static func applicantLabel(_ a: Applicant) -> String { a.kind == .organisation ? "Tổ chức" : "Ông/Bà" }

    /// The fee as the receipt writes it: an amount, an exemption, "Không thu", or a blank to fill by hand when
    /// it was never entered (`FeeStatement`); then the fee receipt's number.
    static func feeText(_ c: CaseRecord) -> String {
        var fee: String
        switch FeeStatement(fee: c.fee, exemption: c.feeExemption, rule: c.procedure.fee) {
        case .amount(let amount, let reduction?): fee = "\(Money.format(amount)) (giảm: \(reduction))"
        case .amount(let amount, nil): fee = Money.format(amount)
        case .exempt(let reason): fee = "Miễn (\(reason))"
        case .free: fee = "Không thu"
        case .notEntered: fee = "…………… đồng"
        }
        if let receipt = c.feeReceiptNumber { fee += "; biên lai số \(receipt)" }
        return fee
    }

    /// Giấy tiếp nhận hồ sơ và hẹn trả kết quả, in two copies: "Liên 1: Lưu" and "Liên 2: Giao người nộp".
    /// A reprint reproduces the receipt as it was issued: the appointment is the receipt's
    /// (`CaseHistory.receiptAppointment`), never a later one (those are on Mẫu 04 and in the ledger).
    public static func receipt(_ c: CaseRecord, _ events: [RecordedEvent], _ ctx: PrintContext, reprint: Bool = false)
        -> Document
    {
        let entry = ctx.forms.entry(.receipt)
        let appointment = CaseHistory.receiptAppointment(events.map(\.event)) ?? c.state.legalDue
        func copy(_ label: String) -> [DocumentBlock] {
            var b = header(.receipt, ctx, date: c.receivedAt.date, reprint: reprint)
            b.append(.title(entry.title, subtitle: ["Mã hồ sơ: \(c.code)", "(\(label))"]))
            b.append(ctx.qrCode(c.code))
            b.append(.space(1))
            b.append(.paragraph("\(ctx.counterName) tiếp nhận hồ sơ của:"))
            b.append(.field(label: applicantLabel(c.applicant), value: c.applicant.fullName))
            if let rep = c.applicant.representativeName { b.append(.field(label: "Người đại diện", value: rep)) }
            b.append(.field(label: "Địa chỉ", value: c.applicant.address ?? ""))
            b.append(.field(label: "Số điện thoại", value: c.applicant.phone ?? ""))
            b.append(.field(label: "Thư điện tử", value: c.applicant.email ?? ""))
            b.append(.field(label: "Nội dung yêu cầu giải quyết", value: c.procedure.name))
            if c.procedure.results.count > 1 {
                let chosen = c.procedure.results.indices.filter { c.chosenResults?.contains($0) ?? true }.map {
                    c.procedure.results[$0].name
                }
                b.append(.field(label: "Kết quả đề nghị", value: chosen.joined(separator: "; ")))
            }
            b.append(.paragraph("1. Thành phần hồ sơ nộp gồm:"))
            b.append(
                .table(
                    DocumentTable(
                        headers: ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"], widths: [5, 44, 16, 9],
                        alignments: [.right, .left, .left, .right],
                        rows: c.documents.enumerated().map { i, d in
                            [String(i + 1), d.name, d.form.vietnameseName, String(d.quantity)]
                        })))
            b.append(.field(label: "2. Số lượng hồ sơ", value: "\(c.sets < 10 ? "0" : "")\(c.sets) bộ"))
            var limit = c.procedure.limit.description
            if c.verificationNeeded && c.procedure.extraVerificationDays > 0 {
                limit += " (cộng \(c.procedure.extraVerificationDays) ngày làm việc để xác minh)"
            }
            b.append(.field(label: "3. Thời gian giải quyết hồ sơ theo quy định", value: limit))
            b.append(.field(label: "4. Thời gian nhận hồ sơ", value: FormalDate.instant(c.receivedAt)))
            b.append(
                .field(
                    label: "5. Thời gian trả kết quả giải quyết hồ sơ", value: appointment.vietnameseAppointment))
            let collect =
                c.collect == .counter
                ? ctx.counterName
                : "Qua dịch vụ bưu chính, địa chỉ: \(c.collectAddress ?? c.applicant.address ?? "")"
            b.append(.field(label: "6. Nơi nhận kết quả", value: collect))
            b.append(
                .field(
                    label: "7. Vào Sổ theo dõi hồ sơ",
                    value: "Quyển số \(ctx.ledgerBook(year: c.ledgerYear)), số thứ tự \(c.ledgerNumber)"))
            b.append(.field(label: "8. Phí, lệ phí", value: feeText(c)))
            b.append(.space(1))
            b.append(
                .signatures([
                    Signature(title: "NGƯỜI NỘP HỒ SƠ", name: c.applicant.representativeName ?? c.applicant.fullName),
                    Signature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: c.receivedByName)
                ]))
            return b
        }
        return Document(
            kind: "giay-tiep-nhan", caption: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", pageSize: ctx.receiptPaper,
            blocks: copy("Liên 1: Lưu") + [.pageBreak] + copy("Liên 2: Giao người nộp"))
    }

    /// Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: every missing item, at once, and the reason.
    public static func supplement(_ slip: Slip, _ ctx: PrintContext, reprint: Bool = false) -> Document {
        var b = slipOpening(.supplement, slip, ctx, reprint: reprint)
        b.append(.paragraph("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:"))
        for (i, item) in slip.items.enumerated() { b.append(.listItem(number: i + 1, text: item)) }
        if !slip.reason.isEmpty { b.append(.field(label: "Lý do", value: slip.reason)) }
        let phone = ctx.unit.phone.isEmpty ? "" : ", số điện thoại \(ctx.unit.phone)"
        b.append(
            .paragraph(
                "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ \(ctx.counterName)\(phone) để được hướng dẫn."
            ))
        b.append(.field(label: "Thời điểm", value: FormalDate.instant(slip.at)))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NỘP HỒ SƠ", name: slip.applicantName),
                Signature(title: "NGƯỜI HƯỚNG DẪN", name: slip.officerName)
            ]))
        return Document(
            kind: "phieu-yeu-cau-bo-sung", caption: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", pageSize: .a5, blocks: b)
    }

    /// Phiếu từ chối tiếp nhận giải quyết hồ sơ, with its reasons: the counter's, at reception.
    public static func refusal(_ slip: Slip, _ ctx: PrintContext, reprint: Bool = false) -> Document {
        var b = slipOpening(.refusal, slip, ctx, reprint: reprint)
        b.append(
            .paragraph(
                "Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, \(ctx.counterName) từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"
            ))
        for (i, item) in slip.items.enumerated() { b.append(.listItem(number: i + 1, text: item)) }
        if !slip.reason.isEmpty { b.append(.paragraph(slip.reason)) }
        b.append(.paragraph("Xin thông báo để Ông/Bà biết và thực hiện."))
        b.append(.field(label: "Thời điểm", value: FormalDate.instant(slip.at)))
        b.append(.space(1))
        b.append(
            .signatures([
                Signature(title: "NGƯỜI NỘP HỒ SƠ", name: slip.applicantName),
                Signature(title: "NGƯỜI TIẾP NHẬN HỒ SƠ", name: slip.officerName)
            ]))
        return Document(
            kind: "phieu-tu-choi", caption: "Phiếu từ chối tiếp nhận giải quyết hồ sơ", pageSize: .a5, blocks: b)
    }

    /// What the request to supplement and the refusal share: header, title with the slip's number, the
    /// applicant, the procedure and, during processing, the case code.
    static func slipOpening(_ kind: FormKind, _ slip: Slip, _ ctx: PrintContext, reprint: Bool) -> [DocumentBlock] {
        var b = header(kind, ctx, date: slip.at.date, reprint: reprint)
        b.append(.title(ctx.forms.entry(kind).title, subtitle: ["Số phiếu: \(slip.number)"]))
        b.append(.space(1))
        b.append(.paragraph("\(ctx.counterName) tiếp nhận hồ sơ của:"))
        b += applicantBlocks(slip)
        b.append(.field(label: "Nội dung yêu cầu giải quyết", value: slip.procedureName))
        if let code = slip.caseCode { b.append(.field(label: "Mã hồ sơ", value: code)) }
        return b
    }

    static func applicantBlocks(_ slip: Slip) -> [DocumentBlock] {
        var b: [DocumentBlock] = [.field(label: "Ông/Bà", value: slip.applicantName)]
        b.append(.field(label: "Địa chỉ", value: slip.applicantAddress ?? ""))
        b.append(.field(label: "Số điện thoại", value: slip.applicantPhone ?? ""))
        return b
    }

    /// The head of an administrative letter (Mẫu 04, Mẫu 05, the refusal after examination): the form's
    /// number, the issuing body (`body`, its last line in bold) beside the national motto, then the letter's
    /// number ("Số: …/…", filled in by the office that registers it) and the place and date.
    static func letterHeader(
        _ kind: FormKind, _ ctx: PrintContext, body: [String], date: CivilDate, reprint: Bool
    ) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        let number = ctx.forms.numberLine(kind)
        if !number.isEmpty { blocks.append(.line(number, .right)) }
        if reprint { blocks.append(.line("BẢN IN LẠI", .right)) }
        blocks.append(
            .header(
                left: body.map { $0.uppercased() } + ["──────────"],
                right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "───────────────"]))
        blocks.append(
            .numberAndDate(number: "Số: ……/……", placeAndDate: FormalDate.placeAndDate(ctx.unit.placeName, date)))
        blocks.append(.space(1))
        return blocks
    }

    /// Who signs for the governing body, as its header names it: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" for a
    /// people's committee, else its head.
    static func issuerSignature(_ unit: UnitProfile, name: String) -> Signature {
        let upper = unit.governingBody.uppercased()
        let title =
            upper.hasPrefix("ỦY BAN NHÂN DÂN") || upper.hasPrefix("UỶ BAN NHÂN DÂN")
            ? "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" : "THỦ TRƯỞNG CƠ QUAN"
        return Signature(title: title, note: "(Ký, ghi rõ họ tên, đóng dấu)", name: name)
    }

    /// "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" → "Trung tâm phục vụ hành chính công" (in running text).
    static func sentenceCase(_ s: String) -> String {
        guard s == s.uppercased() else { return s }
        let lower = s.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }

    /// The governing body in running text, keeping the place's capitals: "Ủy ban nhân dân xã Tân Phú" (not
    /// "…xã tân phú", which sentence case would give).
    /// "UBND …" is the people's committee too. Any other name is kept as typed: lower-casing a name written
    /// in capitals would lose its proper nouns ("Công an xã tân phú").
    static func governingBodyInText(_ unit: UnitProfile) -> String {
        let upper = unit.governingBody.uppercased()
        if upper.hasPrefix("ỦY BAN NHÂN DÂN") || upper.hasPrefix("UỶ BAN NHÂN DÂN") || upper.hasPrefix("UBND ") {
            return "Ủy ban nhân dân \(lowerFirst(unit.name))"
        }
        return unit.governingBody
    }
}
