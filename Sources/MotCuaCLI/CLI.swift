import CNcursesW
import CSQLite
import MotCuaCore
import MotCuaDesk
import MotCuaStore
import MotCuaSystem

/// Where a command writes and what it may read from its surroundings. Tests use an in-memory one, with
/// their own clock.
public struct CommandIO {
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    public var readStdin: () -> [UInt8]
    /// The application layer's clock (Vietnam time; tests inject theirs).
    public var clock: DeskClock
    public var environment: (String) -> String?
    /// Asks for a password on the terminal without echo (nil: no terminal).
    public var readPassword: (String) -> String?
    /// Told about every refusal of the rules (the parity test compares them with the screens').
    public var onRefusal: ((Refusal) -> Void)?
    /// Whether stderr is a terminal (progress lines are written only then).
    public var stderrIsTerminal: Bool

    public init(
        writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
        readStdin: @escaping () -> [UInt8], clock: DeskClock,
        environment: @escaping (String) -> String?, readPassword: @escaping (String) -> String? = { _ in nil },
        onRefusal: ((Refusal) -> Void)? = nil, stderrIsTerminal: Bool = false
    ) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readStdin = readStdin
        self.clock = clock
        self.environment = environment
        self.readPassword = readPassword
        self.onRefusal = onRefusal
        self.stderrIsTerminal = stderrIsTerminal
    }

    func now() -> LocalDateTime { clock.now() }
    func out(_ line: String) { writeOut(line + "\n") }
    func err(_ line: String) { writeErr(line + "\n") }
}

/// Exit statuses of the command line.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// The action was refused or the check found problems.
    public static let refused: Int32 = 1
    /// Wrong arguments or unusable input (bad file, bad date).
    public static let usage: Int32 = 2
}

/// One subcommand: its name, a one-line summary, its help text, and what it does.
struct Command: Sendable {
    let name: String
    let summary: String
    let usage: String
    let help: String
    let spec: OptionSpec
    let run: @Sendable (ParsedArguments, CommandIO) throws -> Int32
}

public enum MotCuaCommandLine {
    public static let version = "0.1.0"

    static let commands: [Command] =
        [
            CalendarCommands.lunar, CalendarCommands.calendar, CalendarCommands.due,
            StoreCommands.initCommand, StoreCommands.importCommand, StoreCommands.exportCommand,
            StoreCommands.backupCommand, StoreCommands.restoreCommand,
            StoreCommands.checkCommand, UICommand.command, PrintCommands.command, SettingCommand.command,
            ReportCommand.command,
            CaseCommands.add, CaseCommands.show, CaseCommands.find, CaseCommands.importCases,
            OfficerCommands.add, OfficerCommands.list, OfficerCommands.password, OfficerCommands.lock,
            OfficerCommands.unlock
        ] + CaseActionCommands.all

    /// The command named by the first one or two arguments ("due", "case add"), and how many it used.
    static func lookup(_ arguments: [String]) -> (Command, Int)? {
        if arguments.count >= 2, let c = commands.first(where: { $0.name == "\(arguments[0]) \(arguments[1])" }) {
            return (c, 2)
        }
        if let c = commands.first(where: { $0.name == arguments[0] }) { return (c, 1) }
        return nil
    }

    /// Runs the command line. `arguments` excludes the program name.
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        // No command (or only the screen's options): the counter's screens.
        guard let first = arguments.first,
            !["--db", "--mono"].contains(where: { first == $0 || first.hasPrefix($0 + "=") })
        else {
            return run(["ui"] + arguments, io: io)
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let (command, _) = lookup(Array(arguments.dropFirst())) {
                io.writeOut(helpText(command))
            } else {
                io.writeOut(generalHelp)
            }
            return ExitStatus.success
        case "--version", "-V", "version":
            io.out(versionText)
            return ExitStatus.success
        default:
            break
        }
        guard let (command, used) = lookup(arguments) else {
            let group = commands.filter { $0.name.hasPrefix(first + " ") }
            if !group.isEmpty {
                io.err(
                    "motcua \(first): cần một lệnh con: \(group.map { String($0.name.dropFirst(first.count + 1)) }.joined(separator: ", "))"
                )
            } else {
                io.err("motcua: lệnh không hợp lệ: \(first)")
            }
            io.err("Xem: motcua --help")
            return ExitStatus.usage
        }
        let rest = arguments.dropFirst(used)
        if rest.contains("--help") || rest.contains("-h") {
            io.writeOut(helpText(command))
            return ExitStatus.success
        }
        do {
            let parsed = try ParsedArguments.parse(rest, spec: command.spec)
            return try command.run(parsed, io)
        } catch let error as UsageError {
            io.err("motcua \(command.name): \(CommandErrors.printable(error.message))")
            io.err("Cách dùng: \(command.usage)")
            io.err("Xem: motcua \(command.name) --help")
            return ExitStatus.usage
        } catch {
            // A rule checked before the application layer was reached (a date outside the calendar while
            // reading the options): reported like the layer's own refusals.
            if let refusal = error as? Refusal { io.onRefusal?(refusal) }
            io.err("motcua \(command.name): \(CommandErrors.printable(CommandErrors.message(error)))")
            if case .refused(.invalidField)? = error as? DeskError {
                // A field's value the rules refuse came from an option: show how the command is written.
                io.err("Cách dùng: \(command.usage)")
            }
            return CommandErrors.status(error)
        }
    }

    static var versionText: String {
        let sqlite = String(cString: sqlite3_libversion())
        let curses = String(cString: motcua_curses_version())
        return "motcua \(version) (SQLite \(sqlite), \(curses))"
    }

    static func helpText(_ command: Command) -> String {
        "Cách dùng: \(command.usage)\n\n\(command.summary)\n\n\(command.help)"
    }

    static var generalHelp: String {
        var lines = [
            "motcua \(version): chương trình Bộ phận một cửa của xã, phường (tiếp nhận và trả kết quả hồ sơ).",
            "",
            "Cách dùng: motcua <lệnh> [tuỳ chọn]",
            "",
            "Lệnh:"
        ]
        let width = commands.map(\.name.count).max() ?? 0
        for c in commands {
            lines.append("  \(c.name)\(String(repeating: " ", count: width - c.name.count + 2))\(c.summary)")
        }
        lines += [
            "",
            "Tuỳ chọn chung:",
            "  --help      xem hướng dẫn (cũng dùng sau mỗi lệnh: motcua due --help)",
            "  --version   xem phiên bản",
            "",
            "Chạy motcua không có lệnh (hoặc chỉ với --db, --mono) để mở màn hình làm việc.",
            "",
            "Ai ghi, lúc nào:",
            "  --officer USER       ghi nhận là cán bộ USER: hỏi mật khẩu của người đó (hoặc đọc dòng đầu của",
            "                       stdin với --password-stdin). Không có --officer: ghi là tài khoản he-thong",
            "                       của dòng lệnh, được làm những việc thiết lập cli_actions cho phép.",
            "  --at \"YYYY-MM-DD HH:MM\"  giờ Việt Nam (UTC+7), không theo TZ của máy; không được sau lúc này",
            "                       quá 5 phút. Đã qua hơn 30 phút: cần --late-reason (ghi \"nhập sau\");",
            "                       quá một ngày làm việc: chỉ lãnh đạo, quản trị viên.",
            "",
            "Mã thoát: 0 thành công; 1 việc bị từ chối hoặc kiểm tra phát hiện vấn đề; 2 sai tham số, ngày giờ",
            "không có thật, tệp không đọc được hoặc không hợp lệ."
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// How errors reach the user of the command line: one Vietnamese message and an exit status.
enum CommandErrors {
    /// A message as it may reach a terminal: what a hostile argument echoed in it cannot drive the terminal
    /// (control characters shown as "�", line breaks kept) nor flood it (cut after 500 characters).
    static func printable(_ message: String) -> String {
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in message.unicodeScalars {
            if count == 500 {
                out.append("…")
                break
            }
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v < 0xA0)
            out.append(control ? "\u{FFFD}" : scalar)
            count += 1
        }
        return String(out)
    }

    static func message(_ error: Error) -> String {
        switch error {
        case let e as DeskError: Messages.text(e)
        case let e as Refusal: Messages.text(e)
        case let e as UsageError: e.message
        case let e as CommandFailure: e.message
        case let e as ConfigError: "tệp không hợp lệ: \(e)"
        case let e as SystemError: e.description
        case let e as OutputRefusal: e.description
        case let e as StoreError: e.description
        case let e as DatabaseError: e.description
        default: "lỗi: \(error)"
        }
    }

    static func status(_ error: Error) -> Int32 {
        switch error {
        case let e as DeskError:
            switch e {
            case .refused(let r): return status(r)
            case .store(let s): return status(s)
            case .system: return ExitStatus.usage
            case .output: return ExitStatus.usage
            }
        case let r as Refusal:
            // Input that is not acceptable (a field, a setting, a date out of range, a body that does not
            // exist) is a usage error, as a wrong argument; everything else the rules refuse exits 1.
            switch r {
            case .invalidField, .invalidSetting, .yearOutOfRange, .missingBody: return ExitStatus.usage
            default: return ExitStatus.refused
            }
        case is UsageError, is ConfigError, is SystemError, is OutputRefusal: return ExitStatus.usage
        case let e as CommandFailure: return e.status
        case let e as StoreError:
            switch e {
            case .invalid, .notFound, .alreadyExists, .notMotcuaDatabase, .corrupt, .newerSchema, .system, .output:
                return ExitStatus.usage
            case .refused, .missing, .database, .damaged, .readOnlyFile: return ExitStatus.refused
            }
        default: return ExitStatus.refused
        }
    }
}
