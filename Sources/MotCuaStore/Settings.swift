import MotCuaCore

/// The settings an administrator may change, with their meaning and what values they take. Kept in the
/// `settings` table; a key not set takes its default. Other rows of that table (the forms catalogue, the
/// calendar) are written by `motcua import`, not here.
public struct SettingDefinition: Sendable {
    public let key: String
    public let meaning: String
    public let defaultValue: String
    /// The value as stored, or a Vietnamese message saying what is expected.
    public let validate: @Sendable (String) -> Result<String, SettingError>

    public static let all: [SettingDefinition] = [
        SettingDefinition(key: "idle_lock_minutes", meaning: "khóa màn hình sau bấy nhiêu phút không dùng (1–240)",
                          defaultValue: "10") { value in
            guard let n = Int(value.trimmingSpaces), (1...240).contains(n) else { return .failure(SettingError("phải là số phút từ 1 đến 240")) }
            return .success(String(n))
        },
        SettingDefinition(key: "resume_policy", meaning: "khi nhận đủ hồ sơ bổ sung: restart = tính lại thời hạn từ đầu (theo quy định); shift = cộng thêm thời gian đã dừng",
                          defaultValue: "restart") { value in
            let v = value.trimmingSpaces
            return ResumePolicy(rawValue: v) == nil ? .failure(SettingError("phải là restart hoặc shift")) : .success(v)
        },
        SettingDefinition(key: "low_disk_warning_mb", meaning: "cảnh báo trên màn hình chính và khi kiểm tra khi ổ đĩa còn ít hơn bấy nhiêu MB trống (10–100000)",
                          defaultValue: "200") { value in
            guard let n = Int(value.trimmingSpaces), (10...100_000).contains(n) else { return .failure(SettingError("phải là số MB từ 10 đến 100000")) }
            return .success(String(n))
        },
        SettingDefinition(key: "printer_destination", meaning: "tên máy in CUPS (lp -d); để trống: máy in mặc định",
                          defaultValue: "") { value in
            let v = value.trimmingSpaces
            guard !v.contains(where: { $0 == " " || $0 == "/" || $0 == "#" }) else {
                return .failure(SettingError("tên máy in CUPS không có dấu cách, / hoặc #"))
            }
            return .success(v)
        },
        SettingDefinition(key: "printer_options", meaning: "tùy chọn thêm cho lp, cách nhau bởi dấu cách (vd. -o media=A5 -n 1)",
                          defaultValue: "") { value in .success(value.trimmingSpaces) },
        SettingDefinition(key: "print_filter", meaning: "auto: qua paps để in đúng dấu; none: gửi văn bản thường; hoặc một lệnh biến văn bản thành PostScript",
                          defaultValue: "auto") { value in
            let v = value.trimmingSpaces
            return v.isEmpty ? .failure(SettingError("cần auto, none hoặc một lệnh")) : .success(v)
        },
    ]

    public static func named(_ key: String) -> SettingDefinition? { all.first { $0.key == key } }
}

public struct SettingError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

extension Store {
    /// A known setting's value, or its default.
    public func settingValue(_ definition: SettingDefinition) throws(StoreError) -> String {
        try setting(definition.key) ?? definition.defaultValue
    }

    /// Validates every change first, then stores them all in one transaction: all or none.
    public func changeSettings(_ changes: [(key: String, value: String)]) throws(StoreError) {
        var stored: [(String, String)] = []
        for change in changes {
            guard let definition = SettingDefinition.named(change.key) else { throw .invalid("Không có thiết lập \(change.key)") }
            switch definition.validate(change.value) {
            case .success(let value): stored.append((change.key, value))
            case .failure(let e): throw .invalid("\(change.key): \(e.message)")
            }
        }
        try write {
            for (key, value) in stored {
                try db.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           key, value)
            }
        }
    }

    /// Validates and stores a known setting.
    public func changeSetting(_ key: String, to value: String) throws(StoreError) {
        guard let definition = SettingDefinition.named(key) else {
            throw .invalid("Không có thiết lập \(key) (các thiết lập: \(SettingDefinition.all.map(\.key).joined(separator: ", ")))")
        }
        switch definition.validate(value) {
        case .success(let stored): try setSetting(key, stored)
        case .failure(let e): throw .invalid("Thiết lập \(key): \(e.message)")
        }
    }
}
