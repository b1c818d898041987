import MotCuaCore
import MotCuaSystem

/// What a restore did.
public struct RestoreReport: Sendable {
    /// The restored copy's case count and the last link of its history.
    public let cases: Int
    public let chainHash: String?
    /// Where the file that was replaced was kept (with its -wal/-shm beside it, if any).
    public let keptAside: String?
}

extension Store {
    /// Replaces the database at `databasePath` with the verified backup `backup`: refused while another
    /// process has the database open (every counter must be stopped); the copy must be a motcua database
    /// that passes a full `integrity_check` and is not of a newer version. The current file is kept aside
    /// (renamed `<db>.truoc-khoi-phuc-YYYYMMDD-HHMM`), the copy written beside it under a temporary name,
    /// synced, and renamed into place; the damage mark, if any, is removed. Nothing of the backup is changed.
    public static func restore(backup: String, into databasePath: String, at now: LocalDateTime) throws(StoreError)
        -> RestoreReport
    {
        guard FileSystem.exists(backup), !FileSystem.isDirectory(backup) else {
            throw .system(SystemError(operation: "Không có tệp sao lưu", path: backup, code: 2))
        }
        if FileIdentity(path: backup) != nil && FileIdentity(path: backup) == FileIdentity(path: databasePath) {
            throw .refused("Tệp sao lưu chính là cơ sở dữ liệu đang dùng")
        }
        let holders = ProtectedFiles.companionSuffixes.reduce(FileSystem.otherProcessesHolding(databasePath)) {
            $0 + FileSystem.otherProcessesHolding(databasePath + $1)
        }
        if !holders.isEmpty {
            throw .refused(
                "Cơ sở dữ liệu đang được mở bởi \(Set(holders).count) chương trình khác (tiến trình \(Set(holders).sorted().map(String.init).joined(separator: ", "))): tắt motcua ở mọi quầy rồi khôi phục"
            )
        }
        // The copy: a motcua database, not newer, whole.
        try validateHeader(path: backup)
        let copy: Database
        do { copy = try Database(path: backup, create: false, access: .readOnly) } catch {
            throw classify(error, path: backup)
        }
        let (cases, chain): (Int, String?) = try storeCall {
            let integrity = try copy.rows("PRAGMA integrity_check") { $0.text(0) }
            guard integrity == ["ok"] else {
                throw StoreError.corrupt(
                    path: backup,
                    detail: "bản sao không qua integrity_check: " + integrity.prefix(3).joined(separator: "; "))
            }
            let cases = Int(try copy.scalarInt("SELECT count(*) FROM cases") ?? 0)
            let hasChain =
                try copy.scalarInt("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'chain_hash'") ?? 0
            let head = hasChain > 0 ? try HistoryChain.head(copy).hash : nil
            return (cases, head)
        }
        let stamp = "\(now.date.compactYYMMDD)-\(now.time.text.replacing(":", with: ""))"
        let aside = FileSystem.exists(databasePath) ? "\(databasePath).truoc-khoi-phuc-\(stamp)" : nil
        let temporary =
            "\(FileSystem.directoryName(databasePath))/.\(FileSystem.baseName(databasePath)).khoi-phuc-\(CurrentProcess.id)"
        FileSystem.remove(temporary)
        do throws(SystemError) {
            try FileSystem.copyNew(backup, to: temporary)
            if let aside {
                if FileSystem.exists(aside) { throw SystemError(operation: "Đã có tệp", path: aside, code: 17) }
                try FileSystem.move(databasePath, to: aside)
                for suffix in ProtectedFiles.companionSuffixes where FileSystem.exists(databasePath + suffix) {
                    try FileSystem.move(databasePath + suffix, to: aside + suffix)
                }
            }
            try FileSystem.move(temporary, to: databasePath)
            FileSystem.syncDirectory(containing: databasePath)
        } catch {
            FileSystem.remove(temporary)
            // Put the old file back if it was moved and the new one did not take its place.
            if let aside, !FileSystem.exists(databasePath), FileSystem.exists(aside) {
                try? FileSystem.move(aside, to: databasePath)
            }
            throw .system(error)
        }
        FileSystem.remove(damageMarkerPath(databasePath))
        return RestoreReport(cases: cases, chainHash: chain, keptAside: aside)
    }
}
