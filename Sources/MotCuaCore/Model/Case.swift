/// How the dossier reached the counter (kênh tiếp nhận).
public enum Channel: String, Sendable, CaseIterable {
    case inPerson = "in_person"
    /// Public postal service (bưu chính công ích).
    case post
    case online

    public var vietnameseName: String {
        switch self {
        case .inPerson: "Trực tiếp"
        case .post: "Qua bưu chính"
        case .online: "Trực tuyến"
        }
    }
}

/// Where the applicant collects the result.
public enum CollectMethod: String, Sendable, CaseIterable {
    case counter
    case post

    public var vietnameseName: String {
        switch self {
        case .counter: "Tại Bộ phận một cửa"
        case .post: "Qua dịch vụ bưu chính"
        }
    }
}

public enum ApplicantKind: String, Sendable, CaseIterable {
    case person
    case organisation

    public var vietnameseName: String { self == .person ? "Cá nhân" : "Tổ chức" }
}

/// The kind of identity document (giấy tờ tùy thân) or code an applicant gives.
public enum IDKind: String, Sendable, CaseIterable {
    /// Căn cước / căn cước công dân: 12 digits.
    case citizenCard = "cccd"
    /// Old chứng minh nhân dân: 9 digits.
    case identityCard = "cmnd"
    case passport
    /// Organisation's tax code: 10 digits, or 10 + "-" + 3 for a branch.
    case taxCode = "tax_code"
    case other

    public var vietnameseName: String {
        switch self {
        case .citizenCard: "Căn cước"
        case .identityCard: "CMND"
        case .passport: "Hộ chiếu"
        case .taxCode: "Mã số thuế"
        case .other: "Giấy tờ khác"
        }
    }

    /// Nil when `number` has the right shape for this kind, else what is wrong (Vietnamese).
    public func problem(with number: String) -> String? {
        let digits = number.allSatisfy { $0.isASCII && $0.isNumber }
        switch self {
        case .citizenCard:
            return digits && number.count == 12 ? nil : "số căn cước phải có đúng 12 chữ số"
        case .identityCard:
            return digits && number.count == 9 ? nil : "số CMND phải có đúng 9 chữ số"
        case .passport:
            let ok = (6...12).contains(number.count) && number.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
            return ok ? nil : "số hộ chiếu gồm 6–12 chữ in hoa và chữ số"
        case .taxCode:
            let parts = number.split(separator: "-", omittingEmptySubsequences: false)
            let ok = (parts.count == 1 && parts[0].count == 10 || parts.count == 2 && parts[0].count == 10 && parts[1].count == 3)
                && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
            return ok ? nil : "mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu gạch, 3 chữ số)"
        case .other:
            return (1...30).contains(number.count) ? nil : "số giấy tờ không được để trống và tối đa 30 ký tự"
        }
    }

    /// The kind implied by a number typed without saying: 12 digits → căn cước, 9 digits → CMND.
    public static func infer(from number: String) -> IDKind? {
        guard number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch number.count {
        case 12: return .citizenCard
        case 9: return .identityCard
        default: return nil
        }
    }
}

/// Vietnamese phone numbers.
public enum PhoneNumber {
    /// The number in national form ("0912345678"), or nil when it is not a Vietnamese mobile (10 digits
    /// starting 03, 05, 07, 08, 09) or landline (11 digits starting 02) number. Spaces, dots, dashes and a
    /// +84 / 84 prefix are accepted.
    public static func normalize(_ text: String) -> String? {
        guard text.allSatisfy({ $0.isNumber || " .-()+".contains($0) }) else { return nil }
        var digits = VietnameseText.digits(text)
        if text.trimmingSpaces.hasPrefix("+84") || (digits.hasPrefix("84") && (digits.count == 11 || digits.count == 12)) {
            digits = "0" + digits.dropFirst(2)
        }
        let mobilePrefixes = ["03", "05", "07", "08", "09"]
        if digits.count == 10, mobilePrefixes.contains(where: digits.hasPrefix) { return digits }
        if digits.count == 11, digits.hasPrefix("02") { return digits }
        return nil
    }
}

/// A person or organisation applying (người nộp hồ sơ, tổ chức).
public struct Applicant: Hashable, Sendable {
    public var kind: ApplicantKind
    public var fullName: String
    public var idKind: IDKind?
    public var idNumber: String?
    public var birthDate: CivilDate?
    public var phone: String?
    public var email: String?
    public var address: String?
    /// For an organisation, or a person represented by someone else (người đại diện, người được ủy quyền).
    public var representativeName: String?
    public var representativeIDNumber: String?

    public init(kind: ApplicantKind = .person, fullName: String, idKind: IDKind? = nil, idNumber: String? = nil,
                birthDate: CivilDate? = nil, phone: String? = nil, email: String? = nil, address: String? = nil,
                representativeName: String? = nil, representativeIDNumber: String? = nil) {
        self.kind = kind
        self.fullName = fullName
        self.idKind = idKind
        self.idNumber = idNumber
        self.birthDate = birthDate
        self.phone = phone
        self.email = email
        self.address = address
        self.representativeName = representativeName
        self.representativeIDNumber = representativeIDNumber
    }

    /// The applicant with every text field normalised (NFC, single spaces), empty fields as nil, the phone
    /// in national form when valid.
    public var normalized: Applicant {
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let n = VietnameseText.normalizedField(s)
            return n.isEmpty ? nil : n
        }
        var a = self
        a.fullName = VietnameseText.normalizedField(fullName)
        a.idNumber = clean(idNumber)?.uppercased()
        a.phone = clean(phone).map { PhoneNumber.normalize($0) ?? $0 }
        a.email = clean(email)?.lowercased()
        a.address = clean(address)
        a.representativeName = clean(representativeName)
        a.representativeIDNumber = clean(representativeIDNumber)
        if a.idKind == nil, let number = a.idNumber { a.idKind = IDKind.infer(from: number) }
        return a
    }

    /// What is wrong with the applicant's data, field by field (Vietnamese), given today's date.
    public func problems(today: CivilDate) -> [(field: String, message: String)] {
        var found: [(String, String)] = []
        if fullName.isEmpty { found.append(("fullName", "chưa nhập họ tên")) }
        if fullName.count > 120 { found.append(("fullName", "họ tên quá dài (tối đa 120 ký tự)")) }
        if let number = idNumber {
            if let kind = idKind {
                if let p = kind.problem(with: number) { found.append(("idNumber", p)) }
            } else {
                found.append(("idNumber", "số giấy tờ phải là căn cước 12 chữ số hoặc CMND 9 chữ số; loại giấy tờ khác thì chọn loại"))
            }
        }
        if let b = birthDate {
            if b > today { found.append(("birthDate", "ngày sinh ở tương lai")) }
            if b.year < 1900 { found.append(("birthDate", "năm sinh không hợp lệ")) }
        }
        if let phone, PhoneNumber.normalize(phone) == nil {
            found.append(("phone", "số điện thoại không đúng dạng (di động 10 số bắt đầu 03, 05, 07, 08, 09; cố định 11 số bắt đầu 02)"))
        }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || parts[1].hasSuffix(".") || email.contains(" ") {
                found.append(("email", "địa chỉ thư điện tử không đúng dạng"))
            }
        }
        if kind == .organisation && representativeName == nil {
            found.append(("representativeName", "tổ chức phải có người đại diện"))
        }
        return found
    }
}

/// A document actually received with the dossier.
public struct CaseDocument: Hashable, Sendable {
    public var name: String
    public var form: DocumentForm
    public var quantity: Int
    /// Index in the procedure's checklist, or nil for a document added by hand.
    public var checklistIndex: Int?

    public init(name: String, form: DocumentForm, quantity: Int = 1, checklistIndex: Int? = nil) {
        self.name = name
        self.form = form
        self.quantity = quantity
        self.checklistIndex = checklistIndex
    }
}

/// Everything typed at the counter to register a case, before it has a code.
public struct CaseDraft: Hashable, Sendable {
    public var procedureCode: String
    public var applicant: Applicant
    public var channel: Channel
    public var collect: CollectMethod
    public var collectAddress: String?
    /// Number of sets of the dossier (số bộ hồ sơ).
    public var sets: Int
    public var documents: [CaseDocument]
    public var verificationNeeded: Bool
    /// Fee charged, whole đồng.
    public var fee: Int
    public var feeExemption: String?
    /// Number of the legal fee receipt (biên lai) issued by another system.
    public var feeReceiptNumber: String?
    public var receivedAt: LocalDateTime
    /// Why the reception time differs from the time of entry (a case written up after an outage).
    public var receivedAtReason: String?
    /// For a group procedure, the results the applicant asked for (nil: all).
    public var chosenResults: Set<Int>?
    public var note: String

    public init(procedureCode: String, applicant: Applicant, channel: Channel = .inPerson, collect: CollectMethod = .counter,
                collectAddress: String? = nil, sets: Int = 1, documents: [CaseDocument] = [], verificationNeeded: Bool = false,
                fee: Int = 0, feeExemption: String? = nil, feeReceiptNumber: String? = nil, receivedAt: LocalDateTime,
                receivedAtReason: String? = nil, chosenResults: Set<Int>? = nil, note: String = "") {
        self.procedureCode = procedureCode
        self.applicant = applicant
        self.channel = channel
        self.collect = collect
        self.collectAddress = collectAddress
        self.sets = sets
        self.documents = documents
        self.verificationNeeded = verificationNeeded
        self.fee = fee
        self.feeExemption = feeExemption
        self.feeReceiptNumber = feeReceiptNumber
        self.receivedAt = receivedAt
        self.receivedAtReason = receivedAtReason
        self.chosenResults = chosenResults
        self.note = note
    }
}

/// Case codes (mã hồ sơ): `<unit code>-YYMMDD-XXXX` (TT 01/2018 Art. 19), the pattern kept configurable.
public struct CaseCodeFormat: Hashable, Sendable {
    /// Placeholders: `{unit}`, `{yymmdd}`, `{yyyymmdd}`, `{seq4}` (4 digits), `{seq}`.
    public var pattern: String

    public static let standard = CaseCodeFormat(pattern: "{unit}-{yymmdd}-{seq4}")

    public init(pattern: String) { self.pattern = pattern }

    public var isValid: Bool { pattern.contains("{seq4}") || pattern.contains("{seq}") }

    public func code(unit: String, date: CivilDate, sequence: Int) -> String {
        let c = date.components
        return pattern
            .replacing("{unit}", with: unit)
            .replacing("{yyyymmdd}", with: "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))")
            .replacing("{yymmdd}", with: "\(pad(c.year % 100, 2))\(pad(c.month, 2))\(pad(c.day, 2))")
            .replacing("{seq4}", with: pad(sequence, 4))
            .replacing("{seq}", with: String(sequence))
    }

    /// Largest daily sequence the pattern can print.
    public var maxSequence: Int { pattern.contains("{seq4}") ? 9999 : Int.max }
}
