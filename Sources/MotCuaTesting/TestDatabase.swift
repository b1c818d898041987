import MotCuaCore
import MotCuaDefaults
import MotCuaDesk
import MotCuaStore
import MotCuaSystem

/// A private folder with a freshly seeded database, removed at the end of the test.
public final class TestDatabase {
    public let directory: String
    public let path: String
    public let store: Store
    public let calendar: WorkingCalendar
    /// The clock of the rules' tests: moved to each action's moment by `rules`.
    public let clock = TestClock(LocalDateTime(iso: "2026-11-16 09:00")!)
    /// The application layer on this database, driven as the rules' tests want.
    public private(set) lazy var rules: RuleDriver = try! RuleDriver(store: store, clock: clock)

    public init(admin: Bool = true) throws {
        directory = try FileSystem.makeTemporaryDirectory(prefix: "motcua-store-test")
        path = directory + "/motcua.db"
        let seed = try ShippedConfig.seed()
        store = try Store.create(path: path) { s in
            try s.saveUnitProfile(
                UnitProfile(
                    name: "Xã Tân Phú", governingBody: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
                    counterName: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", unitCode: "000.00.15.H42",
                    province: "Tỉnh Mẫu", placeName: "Tân Phú"))
            for b in seed.bodies { try s.saveBody(b) }
            for p in seed.procedures { try s.saveProcedure(p) }
            try s.saveCalendarConfig(seed.calendar)
            if admin {
                try s.createOfficer(
                    username: "quantri", fullName: "Nguyễn Quản Trị", role: .administrator, password: "matkhau-quantri")
                try s.createOfficer(
                    username: "tiepnhan", fullName: "Lê Thị Tiếp", role: .deskOfficer, password: "matkhau-tiepnhan")
            }
        }
        calendar = try store.calendarConfig().makeCalendar()
    }

    deinit { FileSystem.removeTree(directory) }

    /// `motcua check` on this database. The rules' tests move the clock to each action and back, so "now"
    /// is by default after everything they recorded (each event is still checked against its own recording
    /// time).
    public func check(now: LocalDateTime = LocalDateTime(iso: "2199-12-31 23:59")!, anchor: ChainAnchor? = nil) throws
        -> [CheckFinding]
    {
        try store.check(now: now, anchor: anchor)
    }

    /// A draft for a person; without an ID number one is made from the name (a person must give one).
    public func draft(
        _ name: String, id: String? = nil, phone: String? = nil, procedure: String = "1.001193",
        at received: String = "2026-11-16 09:00"
    ) -> CaseDraft {
        CaseDraft(
            procedureCode: procedure,
            applicant: Applicant(fullName: name, idNumber: id ?? TestWorkspace.idNumber(for: name), phone: phone),
            receivedAt: LocalDateTime(iso: received)!)
    }

    /// Registers a case by the desk officer, the clock at the reception's moment.
    @discardableResult
    public func register(
        _ name: String, id: String? = nil, phone: String? = nil, procedure: String = "1.001193",
        at received: String = "2026-11-16 09:00"
    ) throws -> RegisteredCase {
        try rules.registerCase(
            draft(name, id: id, phone: phone, procedure: procedure, at: received), officer: "tiepnhan")
    }
}
