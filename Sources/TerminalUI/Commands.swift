/// The identity of a command. Each program declares its commands' identities once, as static members
/// (`CommandID.save`), so that a misspelt one is a compile error rather than a key that silently does nothing.
public struct CommandID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// A command the officer can give. Commands are data: the key bar and the help screen are rendered from
/// the key map that binds them, never from hand-written text.
public struct Command: Hashable, Sendable {
    /// A stable identifier (`.help`, `.newCase`…), used by screens to dispatch.
    public let id: CommandID
    /// The short Vietnamese title shown on the key bar ("Trợ giúp").
    public let title: String
    /// One line of Vietnamese for the help screen.
    public let help: String
    /// The title in the key bar's slot (at most 7 columns at 80 columns); the title when it fits.
    public let shortTitle: String

    public init(id: CommandID, title: String, help: String, short: String? = nil) {
        self.id = id
        self.title = title
        self.help = help
        self.shortTitle = short ?? title
    }
}

/// A key bound to a command, in a key map.
public struct KeyBinding: Hashable, Sendable {
    public let keys: [Key]
    public let command: Command
    /// Shown on the bottom key bar (the rest appear in help only).
    public let inBar: Bool
    /// Why the command cannot act here now (nil: it can). The key stays bound so that pressing it says why
    /// at once; the bar shows it dimmed and help lists the reason.
    public let unavailable: String?

    public init(_ keys: [Key], _ command: Command, inBar: Bool = true, unavailable: String? = nil) {
        self.keys = keys
        self.command = command
        self.inBar = inBar
        self.unavailable = unavailable
    }
}

/// The keys of one screen: its own bindings over the global ones. One table answers "which command does
/// this key give", "what goes on the key bar" and "what does help list".
public struct KeyMap: Hashable, Sendable {
    public let bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) { self.bindings = bindings }

    /// This map's bindings, then `fallback`'s for keys and commands this map does not bind.
    public func over(_ fallback: KeyMap) -> KeyMap {
        let keys = Set(bindings.flatMap(\.keys))
        let ids = Set(bindings.map(\.command.id))
        return KeyMap(
            bindings + fallback.bindings.filter { !ids.contains($0.command.id) && Set($0.keys).isDisjoint(with: keys) })
    }

    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// The binding a key triggers, if any.
    public func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) }
    }

    public func keys(for commandID: CommandID) -> [Key] {
        bindings.first { $0.command.id == commandID }?.keys ?? []
    }

    public func contains(_ commandID: CommandID) -> Bool { bindings.contains { $0.command.id == commandID } }

    /// Key bar entries in order: ("F1", "Trợ giúp"); commands that cannot act now are left out.
    public func barItems() -> [(key: String, title: String)] {
        bindings.filter { $0.inBar && $0.unavailable == nil }.map {
            ($0.keys.map(\.name).joined(separator: "/"), $0.command.title)
        }
    }

    /// Help lines: "F2          Tiếp nhận — …", what can be done now first, then each command that cannot
    /// act now with its reason.
    public func helpLines(keyColumn: Int = 16) -> [String] {
        func line(_ b: KeyBinding) -> String {
            let keys = b.keys.map(\.name).joined(separator: ", ")
            return TextWidth.fit(keys, keyColumn, ellipsis: false) + "\(b.command.title) — \(b.command.help)"
        }
        let now = bindings.filter { $0.unavailable == nil }.map(line)
        let later = bindings.filter { $0.unavailable != nil }
        guard !later.isEmpty else { return now }
        return now + ["", "Chưa làm được lúc này:"] + later.map { line($0) + " — \($0.unavailable!)" }
    }
}

/// The bottom line, as Midnight Commander lays it out: ten equal slots, F1 to F10 always in the same
/// place, each with the label of what that key does on this screen — dimmed when it cannot act now, blank
/// where the key does nothing here — so that officers learn the keys by position. Labels are shortened to
/// fit the slot, never dropped. Wider terminals show the other bar commands (Ctrl-Q Thoát…) after the slots.
public enum KeyBar {
    public static func render(_ map: KeyMap, into frame: inout Frame, row: Int) {
        let width = frame.size.columns
        frame.fill(Rect(row: row, column: 0, width: width, height: 1), style: .keyLabel)
        let slot = max(4, min(12, width / 10))
        for n in 1...10 {
            let start = (n - 1) * slot
            guard start + 2 < width else { break }
            let number = String(n)
            var col = frame.put(number, row: row, column: start, style: .keyName)
            let room = min(slot, width - start) - TextWidth.width(of: number)
            guard let binding = map.binding(for: .function(n)), room > 0 else { continue }
            let label = TextWidth.prefix(binding.command.shortTitle, fitting: room)
            col = frame.put(label, row: row, column: col, style: binding.unavailable == nil ? .keyLabel : .keyDisabled)
            _ = col
        }
        // Room left after the ten slots: the bar's other commands ("Ctrl-Q Thoát").
        var col = 10 * slot + 1
        for item in map.barItems() where !item.key.hasPrefix("F") {
            let need = TextWidth.width(of: item.key) + 1 + TextWidth.width(of: item.title) + 1
            if col + need > width { break }
            col = frame.put(item.key, row: row, column: col, style: .keyName)
            col = frame.put(" " + item.title + " ", row: row, column: col, style: .keyLabel)
        }
    }
}
