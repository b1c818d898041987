import MotCuaCore
import MotCuaSystem

/// Free space on the disk holding the database, and the reserve that lets an administrator recover from a
/// full disk.
public struct DiskSpace: Hashable, Sendable {
    /// Bytes free for the program's user.
    public let freeBytes: Int64
    /// The warning threshold (setting `low_disk_warning_mb`).
    public let thresholdBytes: Int64
    /// Bytes held by the reserve file, released when space runs out.
    public let reserveBytes: Int64

    public var isLow: Bool { freeBytes < thresholdBytes }

    /// "Ổ đĩa chỉ còn 150 MB trống (ngưỡng cảnh báo 200 MB)…"
    public var warning: String? {
        guard isLow else { return nil }
        return
            "Ổ đĩa chỉ còn \(freeBytes / 1_048_576) MB trống (ngưỡng cảnh báo \(thresholdBytes / 1_048_576) MB): sao lưu và giải phóng chỗ trống"
    }
}

extension Store {
    /// Size of the reserve file kept beside the database.
    public static let reserveBytes: Int64 = 16 * 1_048_576

    /// `motcua.db.reserve`: space set aside while the disk has room, given back when it is full so that an
    /// administrator can still back up, check and recover.
    public var reservePath: String { path + ProtectedFiles.reserveSuffix }

    /// The free space now, against the threshold.
    public func diskSpace() -> DiskSpace {
        let threshold = Int64((try? settingValue(.lowDiskWarningMB)).flatMap { Int($0) } ?? 200)
        return DiskSpace(
            freeBytes: FileSystem.freeBytes(FileSystem.directoryName(path)) ?? Int64.max,
            thresholdBytes: threshold * 1_048_576, reserveBytes: Int64(FileSystem.size(reservePath) ?? 0))
    }

    /// Creates the reserve file when it is missing and the disk is comfortably above the threshold.
    public func keepReserve() {
        guard !isReadOnly, damage == nil, !FileSystem.exists(reservePath) else { return }
        let space = diskSpace()
        guard space.freeBytes > space.thresholdBytes + Store.reserveBytes * 2 else { return }
        try? FileSystem.allocateNew(reservePath, bytes: Store.reserveBytes)
    }

    /// Gives the reserve back to the disk when space is low; returns the bytes freed (0 if none).
    @discardableResult
    public func releaseReserveIfLow() -> Int64 {
        let space = diskSpace()
        guard space.isLow, space.reserveBytes > 0 else { return 0 }
        FileSystem.remove(reservePath)
        return space.reserveBytes
    }
}
