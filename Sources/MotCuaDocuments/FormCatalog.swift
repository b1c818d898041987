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

/// The printed documents whose contents are checked against their templates (`FormCatalog.templateFields`).
public enum FormTemplate: String, Sendable, CaseIterable, Hashable {
    case receipt, supplement, refusalAtReception, refusalAfterExamination, apology, stop, controlSheet, transfer
    case ledger, statistics
}

/// What a template asks its printed document to show: labels (printed as they are, in running text, fields
/// and signature places) and the titles of its table's columns (wrapped inside their cells when printed).
public struct TemplateFields: Sendable, Equatable {
    public let labels: [String]
    public let columns: [String]
    public init(labels: [String], columns: [String] = []) {
        self.labels = labels
        self.columns = columns
    }
}

extension FormCatalog {
    /// What each template asks the printed document to show (domain.md §5 and §7, Thông tư 01/2018 and
    /// 03/2025, Thông tư 01/2020 for Biểu 06): the labels, column titles and signature places that must be on
    /// the paper whatever the case. Data beside the catalogue, so that a test renders every form (text and
    /// PDF) and checks each field is there; the form's number and title come from the catalogue itself.
    public static let templateFields: [FormTemplate: TemplateFields] = {
        let motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
        return [
            .receipt: TemplateFields(
                labels: motto + [
                    "Mã hồ sơ", "tiếp nhận hồ sơ của", "Địa chỉ", "Số điện thoại", "Thư điện tử",
                    "Nội dung yêu cầu giải quyết", "Thành phần hồ sơ nộp gồm", "Số lượng hồ sơ",
                    "Thời gian giải quyết hồ sơ theo quy định", "Thời gian nhận hồ sơ",
                    "Thời gian trả kết quả giải quyết hồ sơ", "Nơi nhận kết quả", "Vào Sổ theo dõi hồ sơ", "Quyển số",
                    "số thứ tự", "Phí, lệ phí", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Liên 1: Lưu",
                    "Liên 2: Giao người nộp"
                ], columns: ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"]),
            .supplement: TemplateFields(
                labels: motto + [
                    "Số phiếu", "tiếp nhận hồ sơ của", "Địa chỉ", "Số điện thoại", "Nội dung yêu cầu giải quyết",
                    "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau", "Lý do", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI HƯỚNG DẪN"
                ]),
            .refusalAtReception: TemplateFields(
                labels: motto + [
                    "Số phiếu", "tiếp nhận hồ sơ của", "Nội dung yêu cầu giải quyết",
                    "từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau", "Xin thông báo để",
                    "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"
                ]),
            .refusalAfterExamination: TemplateFields(
                labels: motto + [
                    "Số:", "Mã hồ sơ", "Kính gửi", "Sau khi thẩm tra hồ sơ",
                    "từ chối giải quyết hồ sơ này với lý do cụ thể như sau", "Xin thông báo để", "NGƯỜI NHẬN PHIẾU"
                ]),
            .apology: TemplateFields(
                labels: motto + [
                    "Số:", "Mã hồ sơ", "Kính gửi", "Thời gian hẹn trả kết quả", "Lý do", "thành thật xin lỗi",
                    "Thời gian hẹn trả kết quả mới", "Nơi nhận:", "Như trên", "Lưu: VT"
                ]),
            .stop: TemplateFields(
                labels: motto + [
                    "Số:", "Mã hồ sơ", "Kính gửi", "Thủ tục", "thông báo dừng giải quyết hồ sơ", "Lý do",
                    "Nơi nhận:", "Như trên", "Lưu: VT"
                ]),
            .controlSheet: TemplateFields(
                labels: motto + ["Mã hồ sơ", "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Giao:", "Nhận:"],
                columns: [
                    "Tên cơ quan, bộ phận", "Thời gian giao, nhận hồ sơ", "Người giao (ký, ghi rõ họ tên)",
                    "Người nhận (ký, ghi rõ họ tên)", "Kết quả giải quyết hồ sơ (trước hạn, đúng hạn, quá hạn)",
                    "Ghi chú"
                ]),
            .transfer: TemplateFields(
                labels: motto + [
                    "Số:", "Kính gửi", "Mã hồ sơ", "Thủ tục", "Nhiệm vụ", "Thời hạn xử lý của bước",
                    "Hạn trả kết quả cho người nộp", "Sau khi xử lý xong", "NGƯỜI GIAO", "NGƯỜI NHẬN"
                ]),
            .ledger: TemplateFields(
                labels: motto + ["Quyển số", "Tổng số", "NGƯỜI GHI SỔ", "THỦ TRƯỞNG ĐƠN VỊ"],
                columns: [
                    "Số", "Mã hồ sơ", "Thủ tục", "Số bộ", "Người nộp", "Địa chỉ, điện thoại", "Cơ quan chủ trì", "Nhận",
                    "Hẹn trả", "Hẹn lại", "Chuyển", "Có KQ", "Trả", "Ký nhận", "Ghi chú"
                ]),
            .statistics: TemplateFields(
                labels: [
                    "Biểu số 06/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "Kỳ báo cáo:",
                    "Đơn vị báo cáo", "Đơn vị nhận báo cáo", "Đơn vị tính", "Tổng cộng", "NGƯỜI LẬP BIỂU",
                    "THỦ TRƯỞNG ĐƠN VỊ"
                ],
                columns: [
                    "STT", "Lĩnh vực giải quyết", "Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết",
                    "Số hồ sơ đang giải quyết", "Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển sang",
                    "Trước hạn", "Đúng hạn", "Quá hạn", "Trong hạn", "Rút hồ sơ", "Dừng giải quyết"
                ] + DocumentTable.numbers(15))
        ]
    }()
}
