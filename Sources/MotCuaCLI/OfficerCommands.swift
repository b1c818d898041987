import MotCuaCore
import MotCuaStore

/// `officer add|list|password|lock|unlock`: accounts and roles (also on the F9 screen "Cán bộ, quyền").
enum OfficerCommands {
    static let roleNames: [String: Role] = ["desk": .deskOfficer, "department": .departmentOfficer, "leader": .leader, "admin": .administrator]

    static let add = Command(
        name: "officer add",
        summary: "Tạo tài khoản cán bộ (mật khẩu đọc từ dòng đầu của stdin).",
        usage: "motcua officer add USER --name \"Họ tên\" --role desk|department|leader|admin [--body CODE] [--db PATH]",
        help: """
        Tạo tài khoản đăng nhập cho một cán bộ; mật khẩu (ít nhất 6 ký tự) đọc từ dòng đầu của stdin, không hiện
        trên dòng lệnh.
          --role VAI_TRO    desk (công chức tiếp nhận), department (công chức chuyên môn của một cơ quan),
                            leader (lãnh đạo), admin (quản trị)
          --body CODE       cơ quan của công chức chuyên môn (bắt buộc với department), ví dụ TUPHAP
        \(StoreCommands.dbHelp)

        """,
        spec: OptionSpec(valued: ["db", "name", "role", "body"], positionals: 1...1, positionalNames: ["tên đăng nhập USER"]),
        run: { args, io in
            guard let roleText = args.value("role") else { throw UsageError("thiếu --role (desk, department, leader, admin)") }
            guard let role = roleNames[roleText] else { throw UsageError("--role phải là desk, department, leader hoặc admin") }
            guard let name = args.value("name") else { throw UsageError("thiếu --name (họ tên cán bộ)") }
            let body = args.value("body")
            if role == .departmentOfficer && body == nil { throw UsageError("công chức chuyên môn cần --body (mã cơ quan)") }
            if role != .departmentOfficer && body != nil { throw UsageError("--body chỉ dùng với --role department") }
            let store = try StoreAccess.open(args, io, for: .writing)
            if let body, try !store.bodies().contains(where: { $0.code == body }) {
                throw UsageError("không có cơ quan mã \(body)")
            }
            let password = firstLine(of: String(decoding: io.readStdin(), as: UTF8.self))
            let officer = try store.createOfficer(username: args.positionals[0], fullName: name, role: role, bodyCode: body,
                                                  password: password)
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
            let store = try StoreAccess.open(args, io, for: .writing)
            for o in try store.officers() {
                io.out("\(o.username)\t\(o.fullName)\t\(o.role.rawValue)\t\(o.bodyCode ?? "")\t\(o.isActive ? "active" : "inactive")")
            }
            return ExitStatus.success
        }
    )

    static let password = Command(
        name: "officer password",
        summary: "Đặt mật khẩu mới cho một cán bộ (đọc từ dòng đầu của stdin).",
        usage: "motcua officer password USER [--db PATH]",
        help: """
        Đặt lại mật khẩu của tài khoản USER (khi cán bộ quên mật khẩu); mật khẩu mới (ít nhất 6 ký tự) đọc từ
        dòng đầu của stdin, không hiện trên dòng lệnh.
        \(StoreCommands.dbHelp)

        """,
        spec: OptionSpec(valued: ["db"], positionals: 1...1, positionalNames: ["tên đăng nhập USER"]),
        run: { args, io in
            let store = try StoreAccess.open(args, io, for: .writing)
            let username = args.positionals[0]
            try store.setPassword(username: username, password: firstLine(of: String(decoding: io.readStdin(), as: UTF8.self)))
            io.out("Đã đặt mật khẩu mới cho \(username)")
            return ExitStatus.success
        }
    )

    static let lock = activation(lock: true)
    static let unlock = activation(lock: false)

    /// `officer lock|unlock USER`: an account that left stays in the history of the cases it handled, so it
    /// is locked, never deleted.
    static func activation(lock: Bool) -> Command {
        Command(
            name: lock ? "officer lock" : "officer unlock",
            summary: lock ? "Khóa tài khoản cán bộ (không đăng nhập được; lịch sử giữ nguyên)." : "Mở lại tài khoản cán bộ đã khóa.",
            usage: "motcua officer \(lock ? "lock" : "unlock") USER [--db PATH]",
            help: """
            \(lock ? "Khóa tài khoản USER: cán bộ không đăng nhập được nữa, các hồ sơ đã xử lý vẫn ghi tên. Không khóa được tài khoản quản trị cuối cùng." : "Mở lại tài khoản USER đã khóa.")
            \(StoreCommands.dbHelp)

            """,
            spec: OptionSpec(valued: ["db"], positionals: 1...1, positionalNames: ["tên đăng nhập USER"]),
            run: { args, io in
                let store = try StoreAccess.open(args, io, for: .writing)
                let username = args.positionals[0]
                try store.setOfficerActive(username: username, active: !lock)
                io.out(lock ? "Đã khóa tài khoản \(username)" : "Đã mở lại tài khoản \(username)")
                return ExitStatus.success
            }
        )
    }
}
