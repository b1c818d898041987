import MotCuaCore
import MotCuaDesk
import MotCuaStore

/// `motcua setting [KEY [VALUE]]`: shows or changes the settings an administrator may change (printer,
/// idle lock, what the command line may do…), checked and recorded by the application layer.
enum SettingCommand {
    static let command = Command(
        name: "setting",
        summary: "Xem hoặc đặt các thiết lập (máy in, khóa màn hình, quyền của dòng lệnh…).",
        usage: "motcua setting [KEY [VALUE]] [--officer USER [--password-stdin]] [--db PATH]",
        help: """
            Không có KEY: in mọi thiết lập, mỗi dòng KEY<TAB>giá trị<TAB>ý nghĩa.
            Với KEY: in giá trị của thiết lập đó. Với KEY VALUE: kiểm tra rồi lưu giá trị mới (quản trị viên; ghi vào
            nhật ký quản trị kèm người làm và người dùng máy).

            \(SettingDefinition.all.map { "  \($0.key.rawValue): \($0.meaning) (mặc định: \($0.defaultValue.isEmpty ? "trống" : $0.defaultValue))" }.joined(separator: "\n"))

            Tuỳ chọn:
            \(StoreAccess.officerHelp)
            \(StoreCommands.dbHelp)

            """,
        spec: OptionSpec(
            valued: ["db", "officer"], flags: ["password-stdin"], positionals: 0...2, positionalNames: ["KEY", "VALUE"]),
        run: { args, io in
            func key(_ text: String) throws -> SettingKey {
                guard let k = SettingKey(rawValue: text) else {
                    throw UsageError(
                        "không có thiết lập \(text) (các thiết lập: \(SettingKey.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                return k
            }
            switch args.positionals.count {
            case 0:
                let store = try StoreAccess.open(args, io, for: .reading)
                for d in SettingDefinition.all {
                    io.out("\(d.key.rawValue)\t\(try store.settingValue(d.key))\t\(d.meaning)")
                }
            case 1:
                let k = try key(args.positionals[0])
                io.out(try StoreAccess.open(args, io, for: .reading).settingValue(k))
            default:
                let k = try key(args.positionals[0])
                let desk = try StoreAccess.desk(args, io, for: .writing)
                try desk.changeSettings([(k, args.positionals[1])], by: try StoreAccess.actor(args, io, desk))
                io.out("\(k.rawValue) = \(try desk.store.settingValue(k))")
            }
            return ExitStatus.success
        }
    )
}
