/// The settings an administrator may change. Kept in the database's `settings` table; a key not set takes
/// its default. Other rows of that table (the forms catalogue, the calendar) are written by `motcua import`.
public enum SettingKey: String, Sendable, CaseIterable, Hashable {
    case idleLockMinutes = "idle_lock_minutes"
    case resumePolicy = "resume_policy"
    case lowDiskWarningMB = "low_disk_warning_mb"
    case commandLineActions = "cli_actions"
    case printerDestination = "printer_destination"
    case printerOptions = "printer_options"
    /// Where `lp` is, when it is not found on the PATH at start (an absolute path).
    case lpPath = "lp_path"
    /// A TrueType font for the PDF when neither Liberation Serif nor DejaVu Serif is installed.
    case fontPath = "font_path"
    /// The provincial portal's lookup address of a case (`…?ma={code}`): the receipt's QR code carries it.
    case caseLookupURL = "case_lookup_url"
    /// The national procedure database's page of a procedure (`…{code}`), for the QR wall sheet.
    case procedureLookupURL = "procedure_lookup_url"
    /// The receipt's paper: a5 (default) or a4.
    case receiptPaper = "receipt_paper"
    /// The ledger's book number ("Quyển số"), printed on receipts and the ledger.
    case ledgerBook = "ledger_book"
    /// How many backups a folder keeps: "days,weeks,months" (the newest of each).
    case backupKeep = "backup_keep"
    /// The printer of each counter on a shared machine: "officer=printer" or "client-address=printer" pairs
    /// (the SSH client's address), before `printer_destination`.
    case counterPrinters = "counter_printers"
    /// A folder where each printed document is also saved for the officer's own counter ("%u" is the
    /// officer's username), e.g. shared to that counter's PC when it has no network printer.
    case documentsShare = "documents_share"
}

/// Which printer a counter's print goes to on a shared machine (setting `counter_printers`): the officer's
/// entry first, then the SSH client address's, else nil (the common `printer_destination`).
public enum CounterPrinters {
    /// The pairs of a setting value, in order, or a Vietnamese message naming the first bad entry.
    public static func parse(_ value: String) -> Result<[(key: String, printer: String)], SettingError> {
        var pairs: [(key: String, printer: String)] = []
        for entry in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
            let parts = entry.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].count <= 64, parts[1].count <= 127,
                parts[0].unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        || ".-_:".unicodeScalars.contains($0)
                }),
                parts[1].unicodeScalars.allSatisfy({
                    $0.value > 0x20 && $0.value < 0x7F && !"/#\\\"'=,;".unicodeScalars.contains($0)
                })
            else {
                return .failure(
                    SettingError(
                        "mục \"\(entry)\": cần dạng tên_đăng_nhập=máy_in hoặc địa_chỉ_máy_quầy=máy_in, cách nhau bởi dấu cách"
                    ))
            }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        return .success(pairs)
    }

    /// The printer for `officer` (a username) at `client` (the SSH client's address, if any).
    public static func printer(for officer: String, client: String?, in value: String) -> String? {
        guard case .success(let pairs) = parse(value) else { return nil }
        if let hit = pairs.first(where: { $0.key == officer }) { return hit.printer }
        if let client, let hit = pairs.first(where: { $0.key == client }) { return hit.printer }
        return nil
    }
}

/// A setting with its meaning, default and the rule its values follow.
public struct SettingDefinition: Sendable {
    public let key: SettingKey
    public let meaning: String
    public let defaultValue: String
    /// The value as stored, or a Vietnamese message saying what is expected.
    public let validate: @Sendable (String) -> Result<String, SettingError>

    /// The printer's settings (the "Máy in" screen), which only an administrator changes.
    public static let printerKeys: [SettingKey] = [.printerDestination, .printerOptions, .lpPath]

    public static let all: [SettingDefinition] = [
        SettingDefinition(
            key: .idleLockMinutes, meaning: "khóa màn hình sau bấy nhiêu phút không dùng (1–240)",
            defaultValue: "10"
        ) { value in
            guard let n = Int(value.trimmingSpaces), (1...240).contains(n) else {
                return .failure(SettingError("phải là số phút từ 1 đến 240"))
            }
            return .success(String(n))
        },
        SettingDefinition(
            key: .resumePolicy,
            meaning:
                "khi nhận đủ hồ sơ bổ sung: restart = tính lại thời hạn từ đầu (theo quy định); shift = cộng thêm thời gian đã dừng",
            defaultValue: "restart"
        ) { value in
            let v = value.trimmingSpaces
            return ResumePolicy(rawValue: v) == nil ? .failure(SettingError("phải là restart hoặc shift")) : .success(v)
        },
        SettingDefinition(
            key: .lowDiskWarningMB,
            meaning: "cảnh báo trên màn hình chính và khi kiểm tra khi ổ đĩa còn ít hơn bấy nhiêu MB trống (10–100000)",
            defaultValue: "200"
        ) { value in
            guard let n = Int(value.trimmingSpaces), (10...100_000).contains(n) else {
                return .failure(SettingError("phải là số MB từ 10 đến 100000"))
            }
            return .success(String(n))
        },
        SettingDefinition(
            key: .commandLineActions,
            meaning:
                "tài khoản he-thong của dòng lệnh (khi không có --officer) được làm: all = mọi việc; import = chỉ nhập hồ sơ từ tệp; none = không việc nào",
            defaultValue: "all"
        ) { value in
            let v = value.trimmingSpaces
            return CommandLinePolicy(rawValue: v) == nil
                ? .failure(SettingError("phải là all, import hoặc none")) : .success(v)
        },
        SettingDefinition(
            key: .printerDestination, meaning: "tên máy in CUPS (lp -d); để trống: máy in mặc định",
            defaultValue: ""
        ) { value in
            let v = value.trimmingSpaces
            guard v.count <= 127,
                v.unicodeScalars.allSatisfy({
                    $0.value > 0x20 && $0.value < 0x7F && !"/#\\\"'".unicodeScalars.contains($0)
                })
            else {
                return .failure(SettingError("chữ không dấu, số, . - _; không có dấu cách, / hoặc #"))
            }
            return .success(v)
        },
        SettingDefinition(
            key: .printerOptions,
            meaning:
                "tùy chọn cho lp dạng -o tên=giá trị hoặc -n số bản, cách nhau bởi dấu cách (vd. -o media=A5 -n 1)",
            defaultValue: ""
        ) { value in
            let words = value.split(separator: " ").map(String.init)
            guard let problem = PrinterOptions.problem(words) else { return .success(words.joined(separator: " ")) }
            return .failure(SettingError(problem))
        },
        SettingDefinition(
            key: .lpPath, meaning: "đường dẫn tuyệt đối tới chương trình lp; để trống: tìm lp trong PATH khi khởi động",
            defaultValue: ""
        ) { value in
            let v = value.trimmingSpaces
            guard
                v.isEmpty
                    || (v.hasPrefix("/") && !v.contains(" ")
                        && v.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }))
            else {
                return .failure(SettingError("phải là đường dẫn tuyệt đối (bắt đầu bằng /), không có dấu cách"))
            }
            return .success(v)
        },
        SettingDefinition(
            key: .fontPath,
            meaning:
                "phông chữ TrueType (.ttf) cho PDF khi máy không có Liberation Serif hay DejaVu Serif; để trống: tự tìm",
            defaultValue: ""
        ) { value in
            let v = value.trimmingSpaces
            guard v.isEmpty || (v.hasPrefix("/") && v.lowercased().hasSuffix(".ttf")) else {
                return .failure(SettingError("phải là đường dẫn tuyệt đối tới một tệp .ttf"))
            }
            return .success(v)
        },
        SettingDefinition(
            key: .caseLookupURL,
            meaning:
                "địa chỉ tra cứu hồ sơ trên cổng dịch vụ công của tỉnh, có {code} (vd. https://dichvucong.tinh.gov.vn/tra-cuu?ma={code}); để trống: mã QR chỉ chứa mã hồ sơ",
            defaultValue: ""
        ) { value in urlTemplate(value, placeholder: "{code}") },
        SettingDefinition(
            key: .procedureLookupURL,
            meaning:
                "địa chỉ trang thủ tục trên Cơ sở dữ liệu quốc gia về TTHC, có {code} (mã thủ tục), cho bảng công khai mã QR",
            defaultValue:
                "https://thutuc.dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
        ) { value in urlTemplate(value, placeholder: "{code}") },
        SettingDefinition(
            key: .receiptPaper, meaning: "khổ giấy của giấy tiếp nhận: a5 (mặc định) hoặc a4", defaultValue: "a5"
        ) { value in
            let v = value.trimmingSpaces.lowercased()
            return v == "a5" || v == "a4" ? .success(v) : .failure(SettingError("phải là a5 hoặc a4"))
        },
        SettingDefinition(
            key: .ledgerBook,
            meaning: "quyển số của sổ theo dõi hồ sơ, in trên giấy tiếp nhận và sổ (vd. 01/2026); để trống: năm",
            defaultValue: ""
        ) { value in
            let v = value.trimmingSpaces
            guard v.count <= 20, TextRules.problem(v) == nil else {
                return .failure(SettingError("tối đa 20 ký tự, không có ký tự điều khiển"))
            }
            return .success(v)
        },
        SettingDefinition(
            key: .backupKeep,
            meaning:
                "số bản sao lưu giữ lại trong một thư mục: ngày,tuần,tháng (bản mới nhất của mỗi ngày, tuần, tháng; vd. 7,4,12)",
            defaultValue: "7,4,12"
        ) { value in
            guard BackupRotation.Policy(setting: value) != nil else {
                return .failure(SettingError("dạng ngày,tuần,tháng: ba số từ 0 đến 366, ngày ít nhất 1 (vd. 7,4,12)"))
            }
            return .success(value.filter { $0 != " " })
        },
        SettingDefinition(
            key: .counterPrinters,
            meaning:
                "máy in của từng quầy khi nhiều quầy dùng chung một máy: tên_đăng_nhập=máy_in hoặc địa_chỉ_máy_quầy=máy_in (địa chỉ SSH), cách nhau bởi dấu cách; ưu tiên hơn printer_destination",
            defaultValue: ""
        ) { value in
            CounterPrinters.parse(value).map { $0.map { "\($0.key)=\($0.printer)" }.joined(separator: " ") }
        },
        SettingDefinition(
            key: .documentsShare,
            meaning:
                "thư mục nhận thêm một bản sao mỗi văn bản in, cho quầy không có máy in mạng (%u: tên đăng nhập, vd. /srv/motcua-quay/%u); để trống: không",
            defaultValue: ""
        ) { value in
            let v = value.trimmingSpaces
            guard
                v.isEmpty
                    || (v.hasPrefix("/") && v.count <= 200 && !v.split(separator: "/").contains("..")
                        && v.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }))
            else {
                return .failure(SettingError("phải là đường dẫn tuyệt đối (bắt đầu bằng /), không có \"..\""))
            }
            return .success(v)
        }
    ]

    /// An http(s) address with `placeholder` where the code goes, or empty.
    static func urlTemplate(_ value: String, placeholder: String) -> Result<String, SettingError> {
        let v = value.trimmingSpaces
        guard !v.isEmpty else { return .success(v) }
        guard (v.hasPrefix("https://") || v.hasPrefix("http://")) && v.contains(placeholder) && v.count <= 300,
            v.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            return .failure(SettingError("phải là địa chỉ http(s):// không dấu cách, có \(placeholder) ở chỗ điền mã"))
        }
        return .success(v)
    }

    public static func named(_ key: String) -> SettingDefinition? { all.first { $0.key.rawValue == key } }
    public static func of(_ key: SettingKey) -> SettingDefinition { all.first { $0.key == key }! }
}

public struct SettingError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// The `lp` options an administrator may set: only `-o name=value` and `-n copies`, never anything the
/// spooler would read as a file name or a shell would interpret (no setting is ever passed to a shell).
public enum PrinterOptions {
    /// Nil when every word is an accepted option, else why not (Vietnamese).
    public static func problem(_ words: [String]) -> String? {
        var i = 0
        while i < words.count {
            let w = words[i]
            guard i + 1 < words.count else { return "\"\(w)\" thiếu giá trị" }
            let v = words[i + 1]
            switch w {
            case "-o":
                let parts = v.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty,
                    v.unicodeScalars.allSatisfy({
                        $0.value > 0x20 && $0.value < 0x7F && !"`$;&|<>\\\"'".unicodeScalars.contains($0)
                    })
                else {
                    return "sau -o cần tên=giá trị (chữ, số, dấu chấm, gạch), không phải \"\(v)\""
                }
            case "-n":
                guard let n = Int(v), (1...99).contains(n) else { return "sau -n cần số bản từ 1 đến 99" }
            default:
                return "chỉ nhận -o tên=giá trị và -n số bản, không nhận \"\(w)\""
            }
            i += 2
        }
        return nil
    }
}
