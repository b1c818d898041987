/// The unit running the counter (đơn vị): names as printed on forms and its official code.
public struct UnitProfile: Hashable, Sendable {
    /// Commune or ward name, e.g. "Xã Tân Phú".
    public var name: String
    /// Governing body as printed on the first header line, e.g. "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ".
    public var governingBody: String
    /// Counter name as printed on the second header line, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG".
    public var counterName: String
    /// The agency's official code used in case codes (mã định danh, e.g. "000.00.15.H42").
    public var unitCode: String
    public var province: String
    public var address: String
    public var phone: String
    /// Place name written before dates on forms: "Tân Phú, ngày 21 tháng 11 năm 2026".
    public var placeName: String
    /// True while the profile is the shipped example and must be completed by the administrator.
    public var isExample: Bool

    public init(
        name: String, governingBody: String, counterName: String, unitCode: String, province: String,
        address: String = "", phone: String = "", placeName: String, isExample: Bool = false
    ) {
        self.name = name
        self.governingBody = governingBody
        self.counterName = counterName
        self.unitCode = unitCode
        self.province = province
        self.address = address
        self.phone = phone
        self.placeName = placeName
        self.isExample = isExample
    }

    /// Whether a unit code has the shape of an official identifier: letters, digits and dots, e.g.
    /// `000.00.15.H42` (V1V2V3.Z1Z2.Y1Y2.MX1X2). The exact pattern may change (TT 03/2025), so the check is loose.
    public static func isValidUnitCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 40
            && code.unicodeScalars.allSatisfy {
                ($0.value >= 48 && $0.value <= 57) || ($0.value >= 65 && $0.value <= 90) || $0 == "."
            } && !code.hasPrefix(".") && !code.hasSuffix(".")
    }
}

/// What kind of body takes part in cases.
public enum BodyKind: String, Sendable, CaseIterable {
    /// The one-stop counter itself.
    case counter
    /// An office or civil servant of the commune (Tư pháp - Hộ tịch, Địa chính…).
    case communeOffice = "commune_office"
    /// The commune's leaders, who sign.
    case leadership
    /// Commune police (Công an xã).
    case police
    /// Social insurance (Bảo hiểm xã hội).
    case socialInsurance = "social_insurance"
    /// Land registration office (Văn phòng / Chi nhánh đăng ký đất đai).
    case landRegistration = "land_registration"
    /// A provincial department (Sở …).
    case provincialDepartment = "provincial_department"
    case other

    public var vietnameseName: String {
        switch self {
        case .counter: "Bộ phận một cửa"
        case .communeOffice: "Phòng, công chức cấp xã"
        case .leadership: "Lãnh đạo"
        case .police: "Công an"
        case .socialInsurance: "Bảo hiểm xã hội"
        case .landRegistration: "Đăng ký đất đai"
        case .provincialDepartment: "Sở, ngành cấp tỉnh"
        case .other: "Cơ quan khác"
        }
    }
}

/// A body that acts on cases: one of the commune's offices or an outside agency (cơ quan, đơn vị).
public struct Body: Hashable, Sendable {
    public var code: String
    public var name: String
    public var kind: BodyKind
    /// True for the commune's own offices; false for outside agencies, whose receipts are recorded by the
    /// officer with the transfer slip's number or the postal receipt.
    public var isInternal: Bool
    public var isActive: Bool

    public init(code: String, name: String, kind: BodyKind, isInternal: Bool, isActive: Bool = true) {
        self.code = code
        self.name = name
        self.kind = kind
        self.isInternal = isInternal
        self.isActive = isActive
    }
}

/// What an officer may do.
public enum Role: String, Sendable, CaseIterable, Comparable {
    /// Desk officer (công chức tiếp nhận): receives, hands over, returns.
    case deskOfficer = "desk"
    /// Department officer (công chức chuyên môn): acknowledges and records step results for their body.
    case departmentOfficer = "department"
    /// Leader (lãnh đạo): signs off, reschedules, cancels.
    case leader
    /// Administrator (quản trị): configures.
    case administrator = "admin"

    public var vietnameseName: String {
        switch self {
        case .deskOfficer: "Công chức tiếp nhận"
        case .departmentOfficer: "Công chức chuyên môn"
        case .leader: "Lãnh đạo"
        case .administrator: "Quản trị"
        }
    }

    public static func < (a: Role, b: Role) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An officer account. The password hash never leaves the store.
public struct Officer: Hashable, Sendable {
    public var id: Int64
    public var username: String
    public var fullName: String
    public var role: Role
    /// The body a department officer works for (nil for others).
    public var bodyCode: String?
    public var isActive: Bool

    public init(
        id: Int64, username: String, fullName: String, role: Role, bodyCode: String? = nil, isActive: Bool = true
    ) {
        self.id = id
        self.username = username
        self.fullName = fullName
        self.role = role
        self.bodyCode = bodyCode
        self.isActive = isActive
    }

    /// The account of the command line (seeded, no password: it cannot log in).
    public static let commandLineUsername = "he-thong"

    /// Usernames: 2–32 lower-case ASCII letters, digits, dot, dash or underscore, starting with a letter.
    public static func isValidUsername(_ name: String) -> Bool {
        guard (2...32).contains(name.count), let first = name.unicodeScalars.first, first.properties.isLowercase,
            first.value < 0x80
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ($0.value >= 97 && $0.value <= 122) || ($0.value >= 48 && $0.value <= 57)
                || "._-".unicodeScalars.contains($0)
        }
    }
}
