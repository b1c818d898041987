import MotCuaCore

/// The printed forms with a number and title of their own (the keys of `Config/forms.json`).
public enum FormKind: String, Sendable, CaseIterable, Hashable {
    case receipt, supplement, refusal, apology, stop, controlSheet, ledger, transfer
}

/// The forms' numbers and titles, as data: the 2025 circular renumbered them, and a province may follow
/// another numbering (`Config/forms.json`, format `motcua-forms`).
public struct FormCatalog: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var number: String
        public var title: String
        public init(number: String, title: String) {
            self.number = number
            self.title = title
        }
    }

    public static let formatName = "motcua-forms"

    public var circular: String
    public var entries: [FormKind: Entry]

    public init(circular: String, entries: [FormKind: Entry]) {
        self.circular = circular
        self.entries = entries
    }

    /// The forms of Thông tư 03/2025 (used when the database gives none).
    public static let standard = FormCatalog(
        circular: "Thông tư 03/2025/TT-VPCP",
        entries: [
            .receipt: .init(number: "01", title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
            .supplement: .init(number: "02", title: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
            .refusal: .init(number: "03", title: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"),
            .apology: .init(number: "04", title: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"),
            .stop: .init(number: "05", title: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
            .controlSheet: .init(number: "06", title: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
            .ledger: .init(number: "07", title: "SỔ THEO DÕI HỒ SƠ"),
            .transfer: .init(number: "", title: "PHIẾU CHUYỂN XỬ LÝ HỒ SƠ")
        ])

    public func entry(_ kind: FormKind) -> Entry {
        entries[kind] ?? Entry(number: "", title: kind.rawValue.uppercased())
    }

    /// "Mẫu số 01" (empty when the form has no number).
    public func numberLine(_ kind: FormKind) -> String {
        let n = entry(kind).number
        return n.isEmpty ? "" : "Mẫu số \(n)"
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> FormCatalog {
        let root = try JSONReader.parse(text, file: file)
        try root.rejectUnknownMembers(["format", "version", "note", "circular", "forms"])
        let format = try root.member("format")
        guard try format.string() == formatName else { throw format.fail("phải là \"\(formatName)\"") }
        guard try root.member("version").int() == 1 else {
            throw try root.member("version").fail("phiên bản chưa được hỗ trợ")
        }
        let forms = try root.member("forms")
        var entries: [FormKind: Entry] = [:]
        for kind in FormKind.allCases {
            let e = try forms.member(kind.rawValue)
            try e.rejectUnknownMembers(["number", "title"])
            entries[kind] = Entry(
                number: try e.member("number").string(), title: try e.member("title").nonEmptyString())
        }
        try forms.rejectUnknownMembers(Set(FormKind.allCases.map(\.rawValue)))
        return FormCatalog(circular: try root.member("circular").string(), entries: entries)
    }

    public var json: JSONValue {
        .object([
            ("format", .string(FormCatalog.formatName)), ("version", .int(1)), ("circular", .string(circular)),
            (
                "forms",
                .object(
                    FormKind.allCases.map { k in
                        (
                            k.rawValue,
                            .object([("number", .string(entry(k).number)), ("title", .string(entry(k).title))])
                        )
                    })
            )
        ])
    }
}
