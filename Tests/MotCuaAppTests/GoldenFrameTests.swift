import MotCuaApp
import MotCuaTesting
import TerminalUI
import Testing

/// Golden frames: the plain text of screens (with the cursor position), Vietnamese included, at the two sizes
/// officers use most. `MOTCUA_RECORD_GOLDENS=1 swift test --filter GoldenFrameTests` re-records; the diff of
/// Tests/Goldens is reviewed like code.
@Suite struct GoldenFrameTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40)]

    static func suffix(_ size: Size) -> String { "\(size.columns)x\(size.rows)" }

    static func workspaceWithCases() throws -> TestWorkspace {
        let ws = try TestWorkspace(now: "2026-11-20 09:00")
        try ws.register("Đặng Văn Đức", procedure: "1.004873", at: "2026-11-17 10:00", id: "001099012345")
        try ws.register("Nguyễn Thị Ánh Tuyết", procedure: "XA.CT.02", at: "2026-11-19 16:00")
        try ws.register("Trần Văn Ba", procedure: "1.004222", at: "2026-11-20 08:00")
        try ws.register("Lê Thị Bốn", procedure: "XA.CT.02", at: "2026-11-18 10:00")
        try ws.register("Huỳnh Quốc Khuê", procedure: "XA.LT.01", at: "2026-11-19 09:30")
        return ws
    }

    @Test(arguments: sizes)
    func login(_ size: Size) throws {
        let ws = try TestWorkspace()
        let d = ScreenDriver(app: try ws.application(size: size))
        d.type("tiepnhan")
        expectGolden(d.frame, "login-\(Self.suffix(size))")
    }

    @Test(arguments: sizes)
    func homeEmpty(_ size: Size) throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws, size: size)
        expectGolden(d.frame, "home-empty-\(Self.suffix(size))")
    }

    @Test(arguments: sizes)
    func homeWithCases(_ size: Size) throws {
        let ws = try Self.workspaceWithCases()
        let d = try loggedIn(ws, size: size)
        d.press(.down)
        expectGolden(d.frame, "home-cases-\(Self.suffix(size))")
    }

    @Test(arguments: sizes)
    func help(_ size: Size) throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws, size: size)
        d.press(.function(1))
        expectGolden(d.frame, "help-home-\(Self.suffix(size))")
    }

    @Test(arguments: sizes)
    func menu(_ size: Size) throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws, as: "quantri", password: "mat-khau-qt", size: size)
        d.press(.function(9))
        expectGolden(d.frame, "menu-\(Self.suffix(size))")
    }

    @Test func firstRunSetup() throws {
        let ws = try TestWorkspace(officers: [], unit: nil)
        let d = ScreenDriver(app: try ws.application())
        d.type("quantri\tTraafn Thij Huyeenf\t")
        expectGolden(d.frame, "setup-80x24")
    }

    @Test func tooSmall() throws {
        let ws = try TestWorkspace()
        let d = try loggedIn(ws, size: Size(columns: 60, rows: 20))
        expectGolden(d.frame, "too-small-60x20")
    }
}
