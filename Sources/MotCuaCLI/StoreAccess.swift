import MotCuaCore
import MotCuaDefaults
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// Opening the database from the command line.
enum StoreAccess {
    /// `$XDG_DATA_HOME/motcua/motcua.db`, else `~/.local/share/motcua/motcua.db`.
    static func defaultDatabasePath(_ io: CommandIO) -> String {
        if let xdg = io.environment("XDG_DATA_HOME"), xdg.hasPrefix("/") { return xdg + "/motcua/motcua.db" }
        let home = io.environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? Environment.homeDirectory()
        return home + "/.local/share/motcua/motcua.db"
    }

    static func databasePath(_ args: ParsedArguments, _ io: CommandIO) -> String {
        args.value("db").map(FileSystem.absolute) ?? defaultDatabasePath(io)
    }

    /// Opens the database named by `--db` (or the default one); errors become `CommandFailure`.
    static func open(_ args: ParsedArguments, _ io: CommandIO, quickCheck: Bool = true) throws -> Store {
        try Store.open(path: databasePath(args, io), options: Store.OpenOptions(quickCheck: quickCheck))
    }

    /// The forms' numbers and titles: the database's (imported), else the shipped `Config/forms.json`.
    static func forms(_ store: Store) throws -> FormCatalog {
        if let text = try store.setting("forms") { return try FormCatalog.parse(text, file: "cơ sở dữ liệu (settings.forms)") }
        return try FormCatalog.parse(ShippedConfig.text("forms.json"), file: "Config/forms.json")
    }

    /// `--output` replaces an existing text file (scripts run reports again), but never a database: a
    /// mistyped path must not turn the office's data into a report.
    static func refuseOverwritingDatabase(_ path: String) throws {
        guard FileSystem.exists(path) else { return }
        let head = (try? FileSystem.readPrefix(path, count: 16)) ?? []
        if head.starts(with: Array("SQLite format 3".utf8)) {
            throw CommandFailure("\(path) là một cơ sở dữ liệu: không ghi đè (chọn tệp khác cho --output)", status: ExitStatus.usage)
        }
    }

    /// The calendar of the database.
    static func calendar(_ store: Store) throws -> WorkingCalendar {
        try store.calendarConfig().makeCalendar()
    }

    /// Creates a database and seeds it (unit, bodies, catalogue, holidays), optionally with a first
    /// administrator.
    static func create(path: String, seed: SeedConfig, admin: (username: String, fullName: String, password: String)?) throws -> Store {
        try Store.create(path: path) { store in
            try store.saveUnitProfile(seed.unit)
            for body in seed.bodies { try store.saveBody(body) }
            for procedure in seed.procedures { try store.saveProcedure(procedure) }
            try store.saveCalendarConfig(seed.calendar)
            if let admin {
                try store.createOfficer(username: admin.username, fullName: admin.fullName, role: .administrator, password: admin.password)
            }
        }
    }
}

/// A command that ran but could not do what was asked: the message goes to stderr with this status.
struct CommandFailure: Error {
    let message: String
    let status: Int32
    init(_ message: String, status: Int32 = ExitStatus.refused) {
        self.message = message
        self.status = status
    }
}
