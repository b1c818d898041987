import MotCuaApp
import MotCuaCore
import MotCuaTesting
import TerminalUI
import Testing

/// Thousands of random keys (F-keys, Esc sequences, control keys, Vietnamese letters, pastes, resizes) into
/// the application without a terminal: it never crashes and its state stays valid after every event.
@Suite struct RandomKeyTests {
    static let letters: [Character] = Array(
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵ0123456789 .,-/@")

    static func randomEvent(_ rng: inout SplitMix64) -> InputEvent {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<45: return .key(.character(letters.randomElement(using: &rng)!))
        case 45..<55: return .key(.function(Int.random(in: 1...12, using: &rng)))
        case 55..<62: return .key([.enter, .tab, .backTab, .backspace, .delete, .escape].randomElement(using: &rng)!)
        case 62..<72:
            return .key(
                [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .wordLeft, .wordRight].randomElement(
                    using: &rng)!)
        case 72..<80:
            // Control keys, Ctrl-Q included (quitting is answered below).
            return .key(.control(Array("abdefgkqrstuwxz").randomElement(using: &rng)!))
        case 80..<84: return .key(.alt(Array("bf1290x").randomElement(using: &rng)!))
        case 84..<88:
            return .text(
                ["Ho\u{0300}a", "Nguye\u{0302}\u{0303}n Văn", "0912 345 678", "中文", "😀", "\u{7}"].randomElement(
                    using: &rng)!)
        case 88..<92: return .tick
        default:
            return .resize(
                Size(columns: Int.random(in: 20...200, using: &rng), rows: Int.random(in: 5...60, using: &rng)))
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomKeysNeverBreakTheApplication(seed: UInt64) throws {
        let ws = try GoldenFrameTests.workspaceWithCases()
        var rng = SplitMix64(seed: seed)
        var app = try ws.application()
        var quits = 0
        // Half the runs start logged in, to reach the home screen's keys.
        if seed % 2 == 0 {
            let d = ScreenDriver(app: app)
            d.type("quantri\tmat-khau-qt\n")
        }
        for step in 0..<2500 {
            let event = Self.randomEvent(&rng)
            app.handle(event)
            if app.quitRequested {
                quits += 1
                app = try ws.application()
                continue
            }
            ws.now = ws.now.adding(minutes: step % 97 == 0 ? 3 : 0)
            let frame = app.render()
            #expect(frame.size == app.size)
            #expect(!app.stack.isEmpty, "a screen is always shown")
            if let cursor = frame.cursor {
                #expect(
                    cursor.row >= 0 && cursor.row < frame.size.rows && cursor.column >= 0
                        && cursor.column <= frame.size.columns,
                    "cursor inside the frame after \(event)")
            }
        }
        // The database is still consistent after whatever the keys did.
        #expect(try ws.check().isEmpty)
        _ = quits
    }
}
