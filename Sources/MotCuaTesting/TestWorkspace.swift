import MotCuaApp
import MotCuaCore
import MotCuaDefaults
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import Synchronization
import TerminalUI

/// A clock tests set by hand (thread-safe: the application layer reads it from its own closures).
public final class TestClock: Sendable {
    private let state: Mutex<LocalDateTime>
    public init(_ now: LocalDateTime) { state = Mutex(now) }
    public var now: LocalDateTime {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// A temporary database seeded with the shipped configuration and a fixed, settable clock.
public final class TestWorkspace {
    public let directory: String
    public let path: String
    public let store: Store
    /// The workspace's settable clock, shared with the application layer it makes.
    public let clock: TestClock
    public var now: LocalDateTime {
        get { clock.now }
        set { clock.now = newValue }
    }
    /// The application layer driven as the rules' tests want (each call at its own moment).
    public private(set) lazy var rules: RuleDriver = try! RuleDriver(store: store, clock: clock)

    /// - Parameters:
    ///   - officers: accounts to create (username, full name, role, password).
    ///   - unit: the unit profile (the shipped example when nil).
    public init(
        now: String = "2026-11-20 09:00", officers: [(String, String, Role, String)] = TestWorkspace.defaultOfficers,
        unit: UnitProfile? = TestWorkspace.unit
    ) throws {
        directory = try FileSystem.makeTemporaryDirectory(prefix: "motcua-ws")
        path = directory + "/motcua.db"
        self.clock = TestClock(LocalDateTime(iso: now)!)
        let seed = try ShippedConfig.seed()
        store = try Store.create(path: path) { s in
            try s.saveUnitProfile(unit ?? seed.unit)
            for b in seed.bodies { try s.saveBody(b) }
            for p in seed.procedures { try s.saveProcedure(p) }
            try s.saveCalendarConfig(seed.calendar)
            for (username, name, role, password) in officers {
                try s.createOfficer(
                    username: username, fullName: name, role: role,
                    bodyCode: role == .departmentOfficer ? "TUPHAP" : nil, password: password)
            }
        }
    }

    deinit { FileSystem.removeTree(directory) }

    public static let defaultOfficers: [(String, String, Role, String)] = [
        ("quantri", "Nguyễn Quản Trị", .administrator, "mat-khau-qt"),
        ("tiepnhan", "Lê Thị Tiếp", .deskOfficer, "mat-khau-tn"),
        ("lanhdao", "Trần Văn Lãnh", .leader, "mat-khau-ld"),
        ("tuphap", "Phạm Thị Hộ", .departmentOfficer, "mat-khau-tp")
    ]

    public static let unit = UnitProfile(
        name: "Xã Tân Phú", governingBody: "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
        counterName: "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", unitCode: "000.00.15.H42",
        province: "Tỉnh Đồng Nai", address: "Ấp 1, xã Tân Phú", phone: "0251 3861 234",
        placeName: "Tân Phú")

    public func calendar() throws -> WorkingCalendar { try store.calendarConfig().makeCalendar() }

    /// `motcua check` on this database, as seen at the workspace clock's time.
    public func check() throws -> [CheckFinding] { try store.check(now: clock.now) }

    /// The application layer on this database, on the workspace's clock (the recording time follows it, so
    /// that test data recorded "as it happens" is never an entry after the fact). No real printer: a PATH
    /// without `lp` (tests that print point it at a fake spooler of their own).
    public func desk() throws -> Desk {
        let clock = self.clock
        let desk = try Desk(store: store, clock: .following { clock.now })
        desk.spoolerEnvironment = ["PATH": directory + "/no-printer"]
        return desk
    }

    /// The officer `username` acting from `channel`.
    public func actor(_ username: String, channel: RecordingChannel = .screen) throws -> Actor {
        guard let officer = try store.officer(username: username) else {
            throw DeskError.refused(.missingOfficer(username: username))
        }
        return Actor(officer: officer, channel: channel)
    }

    /// An application on this database with the workspace's clock.
    public func application(
        size: Size = Size(columns: 80, rows: 24), catalog: ScreenCatalog = .standard,
        idleLockMinutes: Int = 10
    ) throws -> Application {
        // The application keeps the workspace (and its clock and folder) alive as long as it runs.
        let env = AppEnvironment(desk: try desk(), idleLockMinutes: idleLockMinutes, terminal: "test")
        return Application(env: env, size: size, catalog: catalog)
    }

    /// Registers a case through the application layer at `received` (the clock is there for the registration,
    /// then back where it was), by the desk officer (test data). A person without an ID number gets one made
    /// from the name.
    @discardableResult
    public func register(
        _ name: String, procedure: String = "1.004873", at received: String, id: String? = nil,
        phone: String? = nil, by officer: String = "tiepnhan", channel: Channel = .inPerson,
        address: String? = nil
    ) throws -> RegisteredCase {
        let before = now
        defer { now = before }
        now = LocalDateTime(iso: received)!
        let draft = CaseDraft(
            procedureCode: procedure,
            applicant: Applicant(
                fullName: name, idNumber: id ?? TestWorkspace.idNumber(for: name), phone: phone,
                address: address),
            channel: channel, receivedAt: now)
        return try desk().register(draft, by: try actor(officer)).registered
    }

    /// Records an action on a case at `at` (the clock is there for it, then back where it was), by `officer`.
    @discardableResult
    public func act(_ action: CaseAction, on code: String, at: String, by officer: String) throws -> ActionOutcome {
        let before = now
        defer { now = before }
        now = LocalDateTime(iso: at)!
        return try desk().perform(action, on: code, by: try actor(officer))
    }

    /// True when the officer can log in with this password now (through the application layer, as the login
    /// screen does; the clock is not moved).
    public func canLogIn(_ username: String, _ password: String) -> Bool {
        guard let desk = try? desk() else { return false }
        return (try? desk.login(username: username, password: password, channel: .screen, terminal: "test")) != nil
    }

    /// A 12-digit căn cước number made from a name (stable, distinct enough for test data).
    public static func idNumber(for name: String) -> String {
        var hash: UInt64 = 1_469_598_103_934_665_603
        for b in name.utf8 { hash = (hash ^ UInt64(b)) &* 1_099_511_628_211 }
        return "0" + String(String(hash % 100_000_000_000).reversed()).padding(11)
    }
}

extension String {
    /// Right-pads with "0" to `width` characters.
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: "0", count: width - count)
    }
}
