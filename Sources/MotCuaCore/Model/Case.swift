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

    /// True when `number` has the shape of this kind of document: căn cước 12 digits, CMND 9 digits,
    /// passport 6–12 capital letters and digits, tax code 10 digits (a branch: 10, a dash, 3), other 1–30
    /// characters.
    public func accepts(_ number: String) -> Bool {
        let digits = number.allSatisfy { $0.isASCII && $0.isNumber }
        switch self {
        case .citizenCard: return digits && number.count == 12
        case .identityCard: return digits && number.count == 9
        case .passport:
            return (6...12).contains(number.count)
                && number.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) }
        case .taxCode:
            let parts = number.split(separator: "-", omittingEmptySubsequences: false)
            return
                (parts.count == 1 && parts[0].count == 10
                || parts.count == 2 && parts[0].count == 10 && parts[1].count == 3)
                && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        case .other: return (1...30).contains(number.count)
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
        if text.trimmingSpaces.hasPrefix("+84")
            || (digits.hasPrefix("84") && (digits.count == 11 || digits.count == 12))
        {
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

    public init(
        kind: ApplicantKind = .person, fullName: String, idKind: IDKind? = nil, idNumber: String? = nil,
        birthDate: CivilDate? = nil, phone: String? = nil, email: String? = nil, address: String? = nil,
        representativeName: String? = nil, representativeIDNumber: String? = nil
    ) {
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

    /// What is wrong with the applicant's data (already normalised), field by field, given today's date. A
    /// person must give an identity document number, whose shape is checked for its kind.
    public func problems(today: CivilDate) -> [(field: InputField, problem: FieldProblem)] {
        var found: [(InputField, FieldProblem)] = []
        if fullName.isEmpty { found.append((.applicantName, .empty)) }
        if let number = idNumber {
            if let kind = idKind {
                if !kind.accepts(number) { found.append((.applicantIDNumber, .shape(.idNumber(kind)))) }
            } else {
                found.append((.applicantIDNumber, .shape(.idKindNeeded)))
            }
        } else if kind == .person {
            found.append((.applicantIDNumber, .empty))
        }
        if let b = birthDate {
            if b > today { found.append((.applicantBirthDate, .inFuture)) }
            if !CivilDate.supportedYears.contains(b.year) { found.append((.applicantBirthDate, .shape(.date))) }
        }
        if let phone, PhoneNumber.normalize(phone) == nil { found.append((.applicantPhone, .shape(.phone))) }
        if let email {
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || parts[1].hasSuffix(".")
                || email.contains(" ")
            {
                found.append((.applicantEmail, .shape(.email)))
            }
        }
        if kind == .organisation && representativeName == nil { found.append((.representativeName, .empty)) }
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

    public init(
        procedureCode: String, applicant: Applicant, channel: Channel = .inPerson, collect: CollectMethod = .counter,
        collectAddress: String? = nil, sets: Int = 1, documents: [CaseDocument] = [], verificationNeeded: Bool = false,
        fee: Int = 0, feeExemption: String? = nil, feeReceiptNumber: String? = nil, receivedAt: LocalDateTime,
        receivedAtReason: String? = nil, chosenResults: Set<Int>? = nil, note: String = ""
    ) {
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
        return
            pattern
            .replacing("{unit}", with: unit)
            .replacing("{yyyymmdd}", with: "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))")
            .replacing("{yymmdd}", with: "\(pad(c.year % 100, 2))\(pad(c.month, 2))\(pad(c.day, 2))")
            .replacing("{seq4}", with: pad(sequence, 4))
            .replacing("{seq}", with: String(sequence))
    }

    /// Largest daily sequence the pattern can print.
    public var maxSequence: Int { pattern.contains("{seq4}") ? 9999 : Int.max }
}
