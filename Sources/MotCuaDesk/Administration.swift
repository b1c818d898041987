import MotCuaCore
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// What the audit log records (changes to accounts and settings).
public enum AuditAction: String, Sendable {
    case officerCreated = "officer_created"
    case passwordReset = "password_reset"
    case ownPasswordChanged = "own_password_changed"
    case officerLocked = "officer_locked"
    case officerUnlocked = "officer_unlocked"
    case accountLocked = "account_locked_after_failed_logins"
    case settingsChanged = "settings_changed"
    case unitProfileChanged = "unit_profile_changed"
    case backup
}

/// A setting with its meaning and value, as the settings screen and `motcua setting` show it.
public struct SettingValue: Hashable, Sendable {
    public var key: SettingKey
    public var meaning: String
    public var value: String

    public init(key: SettingKey, meaning: String, value: String) {
        self.key = key
        self.meaning = meaning
        self.value = value
    }
}

extension Desk {
    /// Appends to the audit log, and to the program's log.
    func audit(_ action: AuditAction, detail: String, by actor: Actor) throws {
        try store.appendAudit(action: action.rawValue, detail: detail, author: author(actor))
        log?.write("\(action.rawValue): \(detail) by \(actor.username) (\(actor.channel.rawValue), \(actor.osUser))")
    }

    // MARK: Settings

    /// The values of some settings (administrators).
    public func settings(_ keys: [SettingKey], by actor: Actor) throws(DeskError) -> [SettingValue] {
        try run {
            try requireAdministrator(actor)
            return try keys.map { key in
                SettingValue(key: key, meaning: SettingDefinition.of(key).meaning, value: try store.settingValue(key))
            }
        }
    }

    /// Changes settings (administrators): all are checked before any is written, then all written in one
    /// transaction and recorded in the audit log.
    public func changeSettings(_ values: [(key: SettingKey, value: String)], by actor: Actor) throws(DeskError) {
        try run {
            try requireAdministrator(actor)
            var checked: [(key: SettingKey, value: String)] = []
            for (key, value) in values {
                if let problem = TextRules.problem(value) { throw Refusal.invalidField(.settingValue, problem) }
                switch SettingDefinition.of(key).validate(value) {
                case .success(let v): checked.append((key, v))
                case .failure(let e): throw Refusal.invalidSetting(key: key.rawValue, message: e.message)
                }
            }
            try store.storeSettings(checked)
            try audit(
                .settingsChanged, detail: checked.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ", "),
                by: actor)
        }
    }

    // MARK: The unit

    /// The names printed at the head of every form (administrators). The unit's code, part of every case
    /// number, changes only while no case carries the old one (checked in the write).
    public func saveUnitProfile(_ profile: UnitProfile, by actor: Actor) throws(DeskError) -> UnitProfile {
        try run {
            try requireAdministrator(actor)
            var u = profile
            u.name = try TextRules.clean(profile.name, .unitName, limit: .name, required: true)
            u.governingBody = try TextRules.clean(profile.governingBody, .governingBody, limit: .name, required: true)
            u.counterName = try TextRules.clean(profile.counterName, .counterName, limit: .name, required: true)
            u.unitCode = try TextRules.clean(profile.unitCode, .unitCode, limit: .short, required: true)
            guard UnitProfile.isValidUnitCode(u.unitCode) else {
                throw Refusal.invalidField(.unitCode, .shape(.unitCode))
            }
            u.province = try TextRules.clean(profile.province, .province, limit: .name)
            u.address = try TextRules.clean(profile.address, .unitAddress, limit: .address)
            u.phone = try TextRules.clean(profile.phone, .unitPhone, limit: .short)
            u.placeName = try TextRules.clean(profile.placeName, .placeName, limit: .name, required: true)
            u.isExample = false
            try store.saveUnitProfile(u, keepingNumbering: true)
            try audit(.unitProfileChanged, detail: u.unitCode, by: actor)
            return u
        }
    }

    // MARK: Backup

    /// Backs the database up into `folder` under a dated name (`motcua-2026-11-20-1630.db`), verified before
    /// it gets its name; the verdict is recorded.
    public func backup(into folder: String, by actor: Actor) throws(DeskError) -> BackupRecord {
        try backup(into: folder, rotate: false, by: actor).record
    }

    /// A verified backup into `folder` under a name that says when it was made
    /// (`motcua-YYYY-MM-DD-HHMM.db`, `-2`… when one was made that minute); with `rotate`, older backups of
    /// that folder are then removed as the setting `backup_keep` says (only files named as ours).
    public func backup(into folder: String, rotate: Bool, by actor: Actor) throws(DeskError) -> (
        record: BackupRecord, removed: [String]
    ) {
        try run {
            let now = clock.now()
            let base = FileSystem.absolute(folder.hasSuffix("/") ? String(folder.dropLast()) : folder)
            let stem = "motcua-\(now.date.iso)-\(now.time.text.replacing(":", with: ""))"
            var n = 1
            var path = "\(base)/\(stem).db"
            while FileSystem.exists(path) || FileSystem.isSymbolicLink(path) {
                n += 1
                path = "\(base)/\(stem)-\(n).db"
            }
            let record = try store.backup(to: path, at: clock.unixSeconds())
            log?.write(
                "backup: \(record.bytes) bytes, \(record.cases) cases, check \(record.verdict) by \(actor.username)")
            var removed: [String] = []
            if rotate {
                let policy =
                    BackupRotation.Policy(setting: try store.settingValue(.backupKeep)) ?? BackupRotation.Policy()
                for name in BackupRotation.toDelete(try FileSystem.list(base), policy: policy) {
                    let candidate = "\(base)/\(name)"
                    // Only SQLite files (backups), never a link, a folder or the live database itself.
                    guard !FileSystem.isSymbolicLink(candidate), !FileSystem.isDirectory(candidate),
                        FileSystem.isSQLiteFile(candidate),
                        FileIdentity(path: candidate) != FileIdentity(path: store.path)
                    else { continue }
                    FileSystem.remove(candidate)
                    removed.append(name)
                }
                if !removed.isEmpty { log?.write("backup rotation: removed \(removed.count) old backups") }
            }
            return (record, removed)
        }
    }
}
