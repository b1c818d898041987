import MotCuaCore
import MotCuaDesk
import MotCuaStore

/// `officer add|list|password|lock|unlock`: accounts and roles (also on the F9 screen "Cán bộ, quyền"), decided
/// by the application layer.
enum OfficerCommands {
    static let roleNames: [String: Role] = [
        "desk": .deskOfficer, "department": .departmentOfficer, "leader": .leader, "admin": .administrator
    ]

    /// The new password: the first line of stdin (the second with `--password-stdin`, whose first line is the
    /// acting officer's own password).
    static func newPassword(_ args: ParsedArguments, _ lines: [String]) -> String {
        let index = args.has("password-stdin") ? 1 : 0
        return lines.indices.contains(index) ? lines[index] : ""
    }

    static func stdinLines(_ io: CommandIO) -> [String] {
        String(decoding: io.readStdin(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    }

    /// The acting officer for an account command: with `--password-stdin` the first line of stdin is theirs.
    static func actor(_ args: ParsedArguments, _ io: CommandIO, _ desk: Desk, lines: [String]) throws -> Actor {
        var lineIO = io
        lineIO.readStdin = { Array((lines.first ?? "").utf8) }
        return try StoreAccess.actor(args, lineIO, desk)
    }

    static let passwordNote =
        "mật khẩu mới (ít nhất 6 ký tự) đọc từ dòng đầu của stdin (dòng thứ hai khi có --password-stdin), không hiện trên dòng lệnh"

    static let add = Command(
        name: "officer add",
        summary: "Tạo tài khoản cán bộ (mật khẩu đọc từ stdin).",
        usage:
            "motcua officer add USER --name \"Họ tên\" --role desk|department|leader|admin [--body CODE] [--officer ADMIN [--password-stdin]] [--db PATH]",
        help: """
            Tạo tài khoản đăng nhập cho một cán bộ (quản trị viên); \(passwordNote).
              --role VAI_TRO    desk (công chức tiếp nhận), department (công chức chuyên môn của một cơ quan),
                                leader (lãnh đạo), admin (quản trị)
              --body CODE       cơ quan của công chức chuyên môn (bắt buộc với department), ví dụ TUPHAP
            \(StoreAccess.officerHelp)
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "name", "role", "body", "officer"], flags: ["password-stdin"], positionals: 1...1,
            positionalNames: ["tên đăng nhập USER"]),
        run: { args, io in
            guard let roleText = args.value("role") else {
                throw UsageError("thiếu --role (desk, department, leader, admin)")
            }
            guard let role = roleNames[roleText] else {
                throw UsageError("--role phải là desk, department, leader hoặc admin")
            }
            guard let name = args.value("name") else { throw UsageError("thiếu --name (họ tên cán bộ)") }
            let body = args.value("body")
            if role == .departmentOfficer && body == nil {
                throw UsageError("công chức chuyên môn cần --body (mã cơ quan)")
            }
            if role != .departmentOfficer && body != nil { throw UsageError("--body chỉ dùng với --role department") }
            let lines = stdinLines(io)
            let desk = try StoreAccess.desk(args, io, for: .writing)
            let officer = try desk.createOfficer(
                username: args.positionals[0], fullName: name, role: role, bodyCode: body,
                password: newPassword(args, lines), by: try actor(args, io, desk, lines: lines))
            io.out("Đã tạo tài khoản \(officer.username) (\(role.vietnameseName)\(body.map { ", \($0)" } ?? ""))")
            return ExitStatus.success
        }
    )

    static let list = Command(
        name: "officer list",
        summary: "Danh sách cán bộ: tên đăng nhập, họ tên, vai trò, cơ quan, hoạt động.",
        usage: "motcua officer list [--db PATH]",
        help: """
            Mỗi dòng: tên đăng nhập, họ tên, vai trò (desk/department/leader/admin), mã cơ quan, active/inactive
            (cách nhau bởi dấu tab).
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(valued: ["db"]),
        run: { args, io in
            let store = try StoreAccess.open(args, io, for: .reading)
            for o in try store.officers() {
                io.out(
                    "\(o.username)\t\(o.fullName)\t\(o.role.rawValue)\t\(o.bodyCode ?? "")\t\(o.isActive ? "active" : "inactive")"
                )
            }
            return ExitStatus.success
        }
    )

    static let password = Command(
        name: "officer password",
        summary: "Đặt mật khẩu mới cho một cán bộ (đọc từ stdin); cách lấy lại mật khẩu quản trị đã quên.",
        usage: "motcua officer password USER [--officer ADMIN [--password-stdin]] [--db PATH]",
        help: """
            Đặt lại mật khẩu của tài khoản USER (khi cán bộ quên mật khẩu); \(passwordNote).
            Không có --officer: làm bằng tài khoản dòng lệnh, kể cả khi cli_actions = none (để lấy lại mật khẩu quản
            trị viên đã quên, cần quyền trên tệp cơ sở dữ liệu); ghi vào nhật ký quản trị kèm người dùng máy.
            \(StoreAccess.officerHelp)
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "officer"], flags: ["password-stdin"], positionals: 1...1,
            positionalNames: ["tên đăng nhập USER"]),
        run: { args, io in
            let lines = stdinLines(io)
            let desk = try StoreAccess.desk(args, io, for: .writing)
            let username = args.positionals[0]
            try desk.resetPassword(
                username: username, password: newPassword(args, lines), by: try actor(args, io, desk, lines: lines))
            io.out("Đã đặt mật khẩu mới cho \(username)")
            return ExitStatus.success
        }
    )

    static let lock = activation(lock: true)
    static let unlock = activation(lock: false)

    /// `officer lock|unlock USER`: an account that left stays in the history of the cases it handled, so it
    /// is locked, never deleted. Unlocking also clears wrong passwords counted against it.
    static func activation(lock: Bool) -> Command {
        Command(
            name: lock ? "officer lock" : "officer unlock",
            summary: lock
                ? "Khóa tài khoản cán bộ (không đăng nhập được; lịch sử giữ nguyên)."
                : "Mở lại tài khoản cán bộ đã khóa.",
            usage: "motcua officer \(lock ? "lock" : "unlock") USER [--officer ADMIN [--password-stdin]] [--db PATH]",
            help: """
                \(lock ? "Khóa tài khoản USER: cán bộ không đăng nhập được nữa, các hồ sơ đã xử lý vẫn ghi tên. Không khóa được tài khoản quản trị cuối cùng." : "Mở lại tài khoản USER đã khóa (kể cả khóa do sai mật khẩu nhiều lần).")
                \(StoreAccess.officerHelp)
                \(StoreCommands.dbHelp)

                """,
            spec: OptionSpec(
                valued: ["db", "officer"], flags: ["password-stdin"], positionals: 1...1,
                positionalNames: ["tên đăng nhập USER"]),
            run: { args, io in
                let desk = try StoreAccess.desk(args, io, for: .writing)
                let username = args.positionals[0]
                try desk.setOfficerActive(username: username, active: !lock, by: try StoreAccess.actor(args, io, desk))
                io.out(lock ? "Đã khóa tài khoản \(username)" : "Đã mở lại tài khoản \(username)")
                return ExitStatus.success
            }
        )
    }
}
