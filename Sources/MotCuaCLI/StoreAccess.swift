import MotCuaCore
import MotCuaDefaults
import MotCuaDesk
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem

/// Opening the database from the command line.
enum StoreAccess {
    /// `$XDG_DATA_HOME/motcua/motcua.db`, else `~/.local/share/motcua/motcua.db` (the environment the
    /// command sees: tests give their own).
    static func defaultDatabasePath(_ io: CommandIO) -> String {
        Environment.dataDirectory(environment: io.environment) + "/motcua.db"
    }

    static func databasePath(_ args: ParsedArguments, _ io: CommandIO) -> String {
        args.value("db").map(FileSystem.absolute) ?? defaultDatabasePath(io)
    }

    /// What a command does with the database.
    enum Use {
        /// Only reads: opens fast (no quick check), never takes the write lock.
        case reading
        /// May write: a file up to 64 MiB is quick-checked first, so that a damaged file is refused before
        /// anything is written to it; the disk reserve is kept while there is room.
        case writing
        /// Maintenance (check, backup, export): quick-checked, but a damaged file still opens for reading.
        case maintenance
    }

    /// Opens the database named by `--db` (or the default one).
    static func open(_ args: ParsedArguments, _ io: CommandIO, for use: Use = .maintenance) throws -> Store {
        let store = try Store.open(
            path: databasePath(args, io), options: Store.OpenOptions(quickCheck: use == .writing))
        if use == .writing {
            if let damage = store.damage { throw StoreError.damaged(path: store.path, detail: damage) }
            store.keepReserve()
        }
        if store.ignoresPendingLog {
            io.err(
                "Cảnh báo: thư mục chỉ đọc và tệp \(FileSystem.baseName(store.path))-wal còn thay đổi chưa gộp: những thay đổi cuối không đọc được ở đây. Chép tệp cùng tệp -wal sang thư mục ghi được để đọc đủ."
            )
        }
        return store
    }

    /// The application layer on the database named by `--db`, with the command's clock, logging beside the
    /// database.
    static func desk(_ args: ParsedArguments, _ io: CommandIO, for use: Use) throws -> Desk {
        let store = try open(args, io, for: use)
        let log =
            use == .reading || store.isReadOnly
            ? nil : Logger(path: FileSystem.directoryName(store.path) + "/motcua.log")
        let desk = try Desk(store: store, clock: io.clock, log: log)
        desk.onRefusal = io.onRefusal
        if let path = io.environment("PATH") { desk.spoolerEnvironment = ["PATH": path] }
        desk.clientAddress = sshClientAddress(io)
        return desk
    }

    /// The counter PC's address in an SSH session: the first field of `SSH_CLIENT` ("10.0.0.21 50122 22").
    static func sshClientAddress(_ io: CommandIO) -> String? {
        guard let field = io.environment("SSH_CLIENT")?.split(separator: " ").first, !field.isEmpty else { return nil }
        return String(field)
    }

    /// Who acts: with `--officer USER`, that officer after their password (from the terminal, or the first
    /// line of stdin with `--password-stdin`); without it, the command line's own account (what it may do
    /// is the setting `cli_actions`).
    static func actor(_ args: ParsedArguments, _ io: CommandIO, _ desk: Desk, importing: Bool = false) throws -> Actor {
        guard let username = args.value("officer") else { return try desk.commandLineActor(importing: importing) }
        let password: String?
        if args.has("password-stdin") {
            password = firstLine(of: String(decoding: io.readStdin(), as: UTF8.self))
        } else {
            password = io.readPassword("Mật khẩu của \(username): ")
        }
        guard let password, !password.isEmpty else {
            desk.onRefusal?(.passwordRequired(username: username))
            throw DeskError.refused(.passwordRequired(username: username))
        }
        let actor = try desk.login(
            username: username, password: password, channel: importing ? .importer : .commandLine,
            terminal: Terminal.name)
        return actor
    }

    static let officerHelp = """
          --officer USER    cán bộ thực hiện, phải nhập mật khẩu của cán bộ đó (hỏi trên terminal); không có: tài khoản
                            he-thong của dòng lệnh (được làm gì do thiết lập cli_actions quyết định)
          --password-stdin  đọc mật khẩu của --officer từ dòng đầu của stdin
        """

    /// The file named by `--output`, written whole or not at all. Never the database or one of its files,
    /// never any SQLite file (a backup), never through a symbolic link; an existing file only with `--force`.
    static func output(_ args: ParsedArguments, store: Store) throws -> OutputFile? {
        guard let path = args.value("output") else { return nil }
        guard !path.isEmpty else { throw UsageError("--output: cần tên tệp") }
        // An earlier run to the same file that was interrupted (Ctrl-C, killed) left its temporary file.
        OutputFile.removeAbandoned(target: FileSystem.absolute(path))
        return try OutputFile(
            path: FileSystem.absolute(path), protected: ProtectedFiles(databasePath: store.path),
            replace: args.has("force"))
    }

    static let outputHelp = """
          --output FILE     ghi ra tệp (ghi trọn vẹn rồi mới đặt tên; không bao giờ ghi vào cơ sở dữ liệu hay bản sao lưu)
          --force           cho phép thay thế FILE đã có
        """

    /// Warns on stderr when the disk is low, giving back the reserve so that a backup and a check can run.
    static func reportDiskSpace(_ store: Store, _ io: CommandIO) {
        let freed = store.releaseReserveIfLow()
        if let warning = store.diskSpace().warning { io.err("Cảnh báo: \(warning).") }
        if freed > 0 {
            io.err("Đã trả lại \(freed / 1_048_576) MB dự phòng (\(store.reservePath)) để sao lưu và khắc phục.")
        }
    }

    /// The calendar of the database.
    static func calendar(_ store: Store) throws -> WorkingCalendar {
        try store.calendarConfig().makeCalendar()
    }

    /// Creates a database and seeds it (unit, bodies, catalogue, holidays, forms), optionally with a first
    /// administrator.
    static func create(path: String, seed: SeedConfig, admin: (username: String, fullName: String, password: String)?)
        throws -> Store
    {
        try Store.create(path: path) { store in
            try store.saveUnitProfile(seed.unit)
            for body in seed.bodies { try store.saveBody(body) }
            for procedure in seed.procedures { try store.saveProcedure(procedure) }
            try store.saveCalendarConfig(seed.calendar)
            if let admin {
                try store.createOfficer(
                    username: admin.username, fullName: admin.fullName, role: .administrator, password: admin.password)
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
