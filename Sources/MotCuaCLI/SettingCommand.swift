import MotCuaStore

/// `motcua setting [KEY [VALUE]]`: shows or changes the settings an administrator may change (printer,
/// idle lock), with validation, until the administration screens exist.
enum SettingCommand {
    static let command = Command(
        name: "setting",
        summary: "Xem hoặc đặt các thiết lập (máy in, thời gian khóa màn hình).",
        usage: "motcua setting [KEY [VALUE]] [--db PATH]",
        help: """
        Không có KEY: in mọi thiết lập, mỗi dòng KEY<TAB>giá trị<TAB>ý nghĩa.
        Với KEY: in giá trị của thiết lập đó. Với KEY VALUE: kiểm tra rồi lưu giá trị mới.

        \(SettingDefinition.all.map { "  \($0.key): \($0.meaning) (mặc định: \($0.defaultValue.isEmpty ? "trống" : $0.defaultValue))" }.joined(separator: "\n"))

        Tuỳ chọn:
        \(StoreCommands.dbHelp)

        """,
        spec: OptionSpec(valued: ["db"], positionals: 0...2, positionalNames: ["KEY", "VALUE"]),
        run: { args, io in
            let store = try StoreAccess.open(args, io, for: .writing)
            switch args.positionals.count {
            case 0:
                for d in SettingDefinition.all { io.out("\(d.key)\t\(try store.settingValue(d))\t\(d.meaning)") }
            case 1:
                guard let d = SettingDefinition.named(args.positionals[0]) else {
                    throw UsageError("không có thiết lập \(args.positionals[0]) (các thiết lập: \(SettingDefinition.all.map(\.key).joined(separator: ", ")))")
                }
                io.out(try store.settingValue(d))
            default:
                try store.changeSetting(args.positionals[0], to: args.positionals[1])
                io.out("\(args.positionals[0]) = \(try store.setting(args.positionals[0]) ?? "")")
            }
            return ExitStatus.success
        }
    )
}
