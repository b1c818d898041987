#if canImport(Glibc)
    import Glibc
#endif
import MotCuaApp
import MotCuaCore
import MotCuaDesk
import MotCuaDefaults
import MotCuaDocuments
import MotCuaStore
import MotCuaSystem
import NcursesTerminal
import TerminalUI

/// `motcua` (no arguments) or `motcua ui`: the counter's screens on the terminal.
enum UICommand {
    static let command = Command(
        name: "ui",
        summary: "Mở màn hình làm việc (mặc định khi chạy motcua không có lệnh).",
        usage: "motcua [ui] [--db PATH] [--mono]",
        help: """
            Mở cơ sở dữ liệu (lần đầu: tạo mới, nạp cấu hình đi kèm và hỏi tài khoản quản trị, thông tin đơn vị)
            rồi hiện màn hình Đăng nhập. Cần chạy trong terminal, cửa sổ ít nhất 80×24, ngôn ngữ UTF-8.

            Tuỳ chọn:
            \(StoreCommands.dbHelp)
              --mono            không dùng màu (cũng tự động khi terminal không có màu hoặc có NO_COLOR)

            Nhật ký (không chứa dữ liệu cá nhân) ghi ở motcua.log cạnh cơ sở dữ liệu.

            """,
        spec: OptionSpec(valued: ["db"], flags: ["mono"]),
        run: { args, io in try run(args, io) }
    )

    static func run(_ args: ParsedArguments, _ io: CommandIO) throws -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1 else {
            io.err(NcursesTerminal.StartError.notATerminal.description)
            return ExitStatus.usage
        }
        let path = StoreAccess.databasePath(args, io)
        if !FileSystem.exists(path) {
            _ = try StoreAccess.create(path: path, seed: try ShippedConfig.seed(), admin: nil)
        }
        let store = try Store.open(path: path)
        store.keepReserve()
        let log = Logger(path: FileSystem.directoryName(path) + "/motcua.log")
        log?.write("start: motcua \(MotCuaCommandLine.version)")
        let desk = try Desk(store: store, clock: io.clock, log: log)
        desk.clientAddress = StoreAccess.sshClientAddress(io)
        let lockMinutes = Int(try store.settingValue(.idleLockMinutes)) ?? 10
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(monochrome: args.has("mono"), logFileDescriptor: log?.fileDescriptor ?? -1)
        } catch {
            io.err("\(error)")
            return ExitStatus.usage
        }
        let env = AppEnvironment(
            desk: desk, idleLockMinutes: lockMinutes, printer: try PrinterSettings.stored(in: store),
            terminal: Terminal.name)
        let app = Application(env: env, size: terminal.size, catalog: .standard)
        if let warning = store.diskSpace().warning { app.warn(warning) }
        if let damage = store.damage {
            app.warn("Cơ sở dữ liệu bị đánh dấu hư hỏng (\(damage)): chỉ xem, không ghi được; báo quản trị viên")
        }
        if !terminal.localeIsUTF8 {
            app.warn("Ngôn ngữ của hệ thống không phải UTF-8, chữ tiếng Việt có thể hiển thị sai: đặt LANG=C.UTF-8")
        }
        RunLoop.run(app, on: terminal, shouldStop: { terminal.terminationRequested })
        terminal.restore()
        log?.write("exit: \(terminal.terminationRequested ? "signal" : "quit")")
        return ExitStatus.success
    }
}
