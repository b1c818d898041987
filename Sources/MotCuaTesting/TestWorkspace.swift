import MotCuaApp
import MotCuaCore
import MotCuaDefaults
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import TerminalUI

/// A temporary database seeded with the shipped configuration and a fixed, settable clock.
public final class TestWorkspace {
    public let directory: String
    public let path: String
    public let store: Store
    public var now: LocalDateTime

    /// - Parameters:
    ///   - officers: accounts to create (username, full name, role, password).
    ///   - unit: the unit profile (the shipped example when nil).
    public init(now: String = "2026-11-20 09:00", officers: [(String, String, Role, String)] = TestWorkspace.defaultOfficers,
                unit: UnitProfile? = TestWorkspace.unit) throws {
        directory = try FileSystem.makeTemporaryDirectory(prefix: "motcua-ws")
        path = directory + "/motcua.db"
        self.now = LocalDateTime(iso: now)!
        let seed = try ShippedConfig.seed()
        store = try Store.create(path: path) { s in
            try s.saveUnitProfile(unit ?? seed.unit)
            for b in seed.bodies { try s.saveBody(b) }
            for p in seed.procedures { try s.saveProcedure(p) }
            try s.saveCalendarConfig(seed.calendar)
            for (username, name, role, password) in officers {
                try s.createOfficer(username: username, fullName: name, role: role,
                                    bodyCode: role == .departmentOfficer ? "TUPHAP" : nil, password: password)
            }
        }
    }

    deinit { FileSystem.removeTree(directory) }

    public static let defaultOfficers: [(String, String, Role, String)] = [
        ("quantri", "Nguyễn Quản Trị", .administrator, "mat-khau-qt"),
        ("tiepnhan", "Lê Thị Tiếp", .deskOfficer, "mat-khau-tn"),
        ("lanhdao", "Trần Văn Lãnh", .leader, "mat-khau-ld"),
        ("tuphap", "Phạm Thị Hộ", .departmentOfficer, "mat-khau-tp"),
    ]

    public static let unit = UnitProfile(name: "Xã Tân Phú", governingBody: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
                                         counterName: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", unitCode: "000.00.15.H42",
                                         province: "Tỉnh Đồng Nai", address: "Ấp 1, xã Tân Phú", phone: "0251 3861 234",
                                         placeName: "Tân Phú")

    public func calendar() throws -> WorkingCalendar { try store.calendarConfig().makeCalendar() }

    /// An application on this database with the workspace's clock.
    public func application(size: Size = Size(columns: 80, rows: 24), catalog: ScreenCatalog = .standard,
                            idleLockMinutes: Int = 10) throws -> Application {
        // No real printer in tests: a PATH without `lp` (tests that print use a fake spooler of their own).
        // The application keeps the workspace (and its clock and folder) alive as long as it runs.
        let env = AppEnvironment(store: store, calendar: try calendar(), clock: { self.now },
                                 idleLockMinutes: idleLockMinutes,
                                 printer: PrintService(settings: PrinterSettings(), environment: ["PATH": directory + "/no-printer"]))
        return Application(env: env, size: size, catalog: catalog)
    }

    /// Registers a case directly in the store (test data).
    @discardableResult
    public func register(_ name: String, procedure: String = "1.004873", at received: String, id: String? = nil,
                         phone: String? = nil) throws -> RegisteredCase {
        let draft = CaseDraft(procedureCode: procedure, applicant: Applicant(fullName: name, idNumber: id, phone: phone),
                              receivedAt: LocalDateTime(iso: received)!)
        return try store.registerCase(draft, officer: "tiepnhan", calendar: try calendar())
    }
}
