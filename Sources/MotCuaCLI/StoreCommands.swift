import MotCuaCore
import MotCuaDesk
import MotCuaDocuments
import MotCuaDefaults
import MotCuaStore
import MotCuaSystem

/// `init`, `import`, `export`, `backup`, `check`.
enum StoreCommands {
    static let dbHelp =
        "  --db PATH         cơ sở dữ liệu (mặc định: $XDG_DATA_HOME/motcua/motcua.db, hoặc ~/.local/share/motcua/motcua.db)"

    static let initCommand = Command(
        name: "init",
        summary: "Tạo cơ sở dữ liệu mới và nạp dữ liệu ban đầu từ thư mục cấu hình.",
        usage: "motcua init [--db PATH] [--config DIR] [--admin USER [--admin-name \"Họ tên\"]]",
        help: """
            Tạo tệp cơ sở dữ liệu (chỉ chủ sở hữu đọc, ghi được) và nạp: thông tin đơn vị (unit.json), các cơ quan
            (bodies.json), danh mục thủ tục (catalogue.json), lịch nghỉ và giờ làm việc (holidays.json). Tệp nào
            không có trong --config thì dùng tệp đi kèm chương trình. Không bao giờ ghi đè tệp đã có.

            Tuỳ chọn:
            \(dbHelp)
              --config DIR      thư mục cấu hình (mặc định: cấu hình đi kèm chương trình, như thư mục Config/)
              --admin USER      tạo tài khoản quản trị đầu tiên; mật khẩu đọc từ dòng đầu của stdin
              --admin-name TEN  họ tên của quản trị viên (mặc định: USER)

            """,
        spec: OptionSpec(valued: ["db", "config", "admin", "admin-name"]),
        run: { args, io in
            let path = StoreAccess.databasePath(args, io)
            let seed = try args.value("config").map { try ShippedConfig.seed(directory: $0) } ?? ShippedConfig.seed()
            var admin: (String, String, String)?
            if let username = args.value("admin") {
                guard Officer.isValidUsername(username) else {
                    throw UsageError(
                        "--admin: tên đăng nhập \"\(username)\" gồm 2–32 chữ thường không dấu, chữ số, '.', '-', '_', bắt đầu bằng chữ"
                    )
                }
                let password = firstLine(of: String(decoding: io.readStdin(), as: UTF8.self))
                guard password.count >= 6 else {
                    throw UsageError("--admin: mật khẩu (dòng đầu của stdin) phải có ít nhất 6 ký tự")
                }
                admin = (username, args.value("admin-name") ?? username, password)
            } else if args.value("admin-name") != nil {
                throw UsageError("--admin-name chỉ dùng cùng --admin")
            }
            let store = try StoreAccess.create(path: path, seed: seed, admin: admin)
            store.keepReserve()
            io.out("Đã tạo cơ sở dữ liệu: \(path)")
            io.out(
                "Đơn vị: \(seed.unit.name) (mã \(seed.unit.unitCode))\(seed.unit.isExample ? " — dữ liệu MẪU, cần sửa trước khi dùng" : "")"
            )
            io.out(
                "Cơ quan: \(seed.bodies.count); thủ tục: \(seed.procedures.count); năm có lịch nghỉ chính thức: \(seed.calendar.holidays.officialYears.keys.sorted().map(String.init).joined(separator: ", "))"
            )
            if let admin { io.out("Quản trị viên: \(admin.0)") }
            _ = store
            return ExitStatus.success
        }
    )

    static let importCommand = Command(
        name: "import",
        summary: "Nhập danh mục thủ tục, lịch nghỉ, thông tin đơn vị hoặc cơ quan từ tệp JSON.",
        usage: "motcua import FILE [--db PATH] [--yes [--accept-warnings]] [--effective-from YYYY-MM-DD]",
        help: """
            Đọc tệp (loại tệp theo trường "format": motcua-catalogue, motcua-holidays, motcua-unit, motcua-bodies),
            in ra những gì sẽ thay đổi, rồi áp dụng khi được xác nhận (gõ "c" rồi Enter) hoặc khi có --yes.
            Thủ tục thay đổi được lưu thành phiên bản mới; hồ sơ cũ giữ phiên bản đã tiếp nhận.

            Tuỳ chọn:
            \(dbHelp)
              --yes                      áp dụng không hỏi lại (trừ khi có cảnh báo, dòng bắt đầu bằng "!": ví dụ một
                                         năm có nhiều hơn số ngày nghỉ theo luật quá 10 ngày)
              --accept-warnings          cùng --yes: áp dụng cả khi có cảnh báo
              --effective-from DATE      ngày hiệu lực cho các thủ tục thay đổi (mặc định: theo tệp)

            Mọi chuỗi trong tệp: không có ký tự điều khiển, độ dài giới hạn (tên đơn vị 200 ký tự…); lỗi ghi rõ tệp
            và trường.

            """,
        spec: OptionSpec(
            valued: ["db", "effective-from"], flags: ["yes", "accept-warnings"], positionals: 1...1,
            positionalNames: ["tệp FILE"]),
        run: { args, io in try ImportCommand.run(args, io) }
    )

    static let exportCommand = Command(
        name: "export",
        summary: "Xuất hồ sơ kèm toàn bộ lịch sử (JSON Lines, CSV hoặc bảng tính XLSX).",
        usage:
            "motcua export [--db PATH] [--format jsonl|csv|xlsx] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--output FILE [--force]]",
        help: """
            Mỗi hồ sơ tiếp nhận trong khoảng ngày (tính cả hai đầu) thành một dòng JSON gồm các sự kiện của nó
            (jsonl), hoặc mỗi sự kiện một dòng CSV kèm thông tin hồ sơ (csv, UTF-8), hoặc các dòng ấy trong một bảng
            tính (xlsx, cần --output). Ghi dần từng lô: bộ nhớ không tăng theo số hồ sơ. Khi ghi ra tệp và stderr là
            màn hình, một dòng tiến độ cho biết số hồ sơ đã xuất. Tệp xuất chứa dữ liệu cá nhân: được tạo chỉ chủ sở
            hữu đọc được.

            Tuỳ chọn:
            \(dbHelp)
              --format jsonl|csv|xlsx   (mặc định jsonl)
              --from DATE, --to DATE   ngày tiếp nhận từ, đến
            \(StoreAccess.outputHelp)

            """,
        spec: OptionSpec(valued: ["db", "format", "from", "to", "output"], flags: ["force"]),
        run: { args, io in
            let format = args.value("format") ?? "jsonl"
            guard ["jsonl", "csv", "xlsx"].contains(format) else {
                throw UsageError("--format phải là jsonl, csv hoặc xlsx")
            }
            if format == "xlsx" && args.value("output") == nil {
                throw UsageError(
                    "--format xlsx cần --output FILE.xlsx (bảng tính là tệp nhị phân, không in ra màn hình)")
            }
            let from = try args.value("from").map { try CalendarCommands.parseDate($0, what: "--from") }
            let to = try args.value("to").map { try CalendarCommands.parseDate($0, what: "--to") }
            if let from, let to, to < from { throw UsageError("--to phải từ --from trở đi") }
            let store = try StoreAccess.open(args, io)
            // Streamed: a batch of text at a time to the file (whole or not at all) or to stdout.
            let file = try StoreAccess.output(args, store: store)
            let progress = Progress(io: io, enabled: file != nil)
            if format == "xlsx", let file {
                let count = try file.writeStaged { path in
                    try CaseExportWorkbook.write(
                        store, from: from, to: to, path: path, at: io.now(), progress: progress.update)
                }
                progress.finish()
                io.err("Đã xuất \(count) hồ sơ vào \(file.path)")
                return ExitStatus.success
            }
            var output = ""
            var count = 0
            func flush() throws {
                if let file { try file.write(output) } else { io.writeOut(output) }
                output = ""
            }
            if format == "csv" {
                // One joined query, a row per event (no case record rebuilt: the CSV has no derived fields).
                output += CSV.line(CaseExport.csvHeader)
                try store.forEachExportRow(
                    from: from, to: to,
                    afterCase: {
                        count = $0
                        progress.update($0)
                    }
                ) { row in
                    output += CSV.line(row)
                    if output.utf8.count > 1 << 16 { try flush() }
                }
            } else {
                try store.exportCases(from: from, to: to) { record, events in
                    count += 1
                    output += CaseExport.json(record, events: events).compactText + "\n"
                    if output.utf8.count > 1 << 16 { try flush() }
                    progress.update(count)
                }
            }
            try flush()
            progress.finish()
            if let file {
                try file.commit()
                io.err("Đã xuất \(count) hồ sơ vào \(file.path)")
            }
            return ExitStatus.success
        }
    )

    static let backupCommand = Command(
        name: "backup",
        summary: "Sao lưu cơ sở dữ liệu thành một tệp nhất quán, kể cả khi máy khác đang ghi.",
        usage: "motcua backup PATH | --rotate THƯ_MỤC [--db PATH]",
        help: """
            Tạo bản sao bằng VACUUM INTO (không sao chép tệp thô) dưới một tên tạm trong thư mục đích, kiểm tra
            toàn vẹn đầy đủ bản sao (integrity_check), rồi mới đặt tên; ghi kết quả kiểm tra và mã lịch sử (mắt xích
            cuối) vào cơ sở dữ liệu. Không ghi đè bất cứ thứ gì đã có (kể cả liên kết tượng trưng).

            motcua backup PATH            bản sao tại PATH
            motcua backup --rotate THƯ_MỤC  bản sao motcua-YYYY-MM-DD-HHMM.db trong THƯ_MỤC, rồi xoá các bản cũ của
                                          thư mục đó theo thiết lập backup_keep (mặc định 7,4,12: bản mới nhất của
                                          7 ngày, 4 tuần, 12 tháng gần nhất); chỉ xoá tệp có tên do chương trình đặt
                                          (dùng cho bộ hẹn giờ sao lưu hằng ngày)

            Tuỳ chọn:
            \(dbHelp)

            """,
        spec: OptionSpec(valued: ["db"], flags: ["rotate"], positionals: 1...1, positionalNames: ["đường dẫn PATH"]),
        run: { args, io in
            if args.has("rotate") {
                let desk = try StoreAccess.desk(args, io, for: .maintenance)
                StoreAccess.reportDiskSpace(desk.store, io)
                let actor = try desk.commandLineActor()
                let (record, removed) = try desk.backup(into: args.positionals[0], rotate: true, by: actor)
                io.out(Messages.text(record))
                if !removed.isEmpty { io.out("Đã xoá \(removed.count) bản sao cũ: \(removed.joined(separator: ", "))") }
                return ExitStatus.success
            }
            let destination = FileSystem.absolute(args.positionals[0])
            let store = try StoreAccess.open(args, io)
            StoreAccess.reportDiskSpace(store, io)
            let backup = try store.backup(to: destination)
            io.out(Messages.text(backup))
            return ExitStatus.success
        }
    )

    static let restoreCommand = Command(
        name: "restore",
        summary: "Khôi phục cơ sở dữ liệu từ một bản sao lưu (mọi quầy phải tắt motcua).",
        usage: "motcua restore BẢN_SAO [--db PATH] [--yes]",
        help: """
            Thay cơ sở dữ liệu bằng bản sao BẢN_SAO: từ chối khi còn chương trình khác đang mở cơ sở dữ liệu (tắt
            motcua ở mọi quầy trước); bản sao phải là cơ sở dữ liệu motcua, qua kiểm tra toàn vẹn đầy đủ
            (integrity_check) và không thuộc phiên bản mới hơn. Tệp đang dùng được giữ lại bên cạnh với tên
            <tệp>.truoc-khoi-phuc-YYMMDD-HHMM (cùng -wal, -shm nếu có), bản sao được chép sang tên tạm, ghi xuống đĩa
            rồi đổi tên vào chỗ (không bao giờ có tệp dở dang). Dấu "hư hỏng" (nếu có) được gỡ. Sau đó chạy
            motcua check để xác nhận. Hỏi lại trước khi làm (gõ "c"), trừ khi có --yes.

            Tuỳ chọn:
            \(dbHelp)
              --yes          không hỏi lại

            """,
        spec: OptionSpec(valued: ["db"], flags: ["yes"], positionals: 1...1, positionalNames: ["bản sao BẢN_SAO"]),
        run: { args, io in
            let backup = FileSystem.absolute(args.positionals[0])
            let db = StoreAccess.databasePath(args, io)
            if !args.has("yes") {
                io.writeOut("Thay \(db) bằng bản sao \(backup)? Tệp hiện tại được giữ lại bên cạnh. (c/k): ")
                let answer = VietnameseText.fold(firstLine(of: String(decoding: io.readStdin(), as: UTF8.self)))
                    .trimmingSpaces
                guard ["c", "co", "y", "yes"].contains(answer) else {
                    io.out("Không khôi phục.")
                    return ExitStatus.refused
                }
            }
            let report = try Store.restore(backup: backup, into: db, at: io.clock.now())
            io.out(
                "Đã khôi phục \(db) từ \(backup): \(report.cases) hồ sơ\(report.chainHash.map { "; lịch sử đến mã \($0.prefix(16))" } ?? "")"
            )
            if let aside = report.keptAside { io.out("Tệp cũ được giữ lại: \(aside)") }
            // Opened once (migrated if the copy is older) and checked.
            let store = try Store.open(path: db)
            let findings = try store.check(now: io.clock.now())
            if findings.isEmpty {
                io.out("Kiểm tra: không phát hiện vấn đề.")
                return ExitStatus.success
            }
            for f in findings { io.out(f.message) }
            return ExitStatus.refused
        }
    )

    static let checkCommand = Command(
        name: "check",
        summary: "Kiểm tra toàn vẹn cơ sở dữ liệu, chuỗi lịch sử và các ràng buộc của dữ liệu hồ sơ.",
        usage: "motcua check [--anchor YYYY-MM-DD MÃ] [--db PATH]",
        help: """
            Chạy integrity_check và foreign_key_check của SQLite, kiểm tra chỉ mục tìm kiếm, và kiểm tra:
            - chuỗi lịch sử: mỗi sự kiện mang mã SHA-256 nối với sự kiện trước; sửa, xóa hay chèn sự kiện ngoài
              chương trình làm đứt chuỗi (báo mắt xích đứt đầu tiên); dữ liệu mỗi hồ sơ khớp với dấu mà sự kiện
              cuối của nó mang; mắt xích mà các lần sao lưu đã ghi vẫn còn nguyên;
            - từng hồ sơ: trạng thái lưu khớp với trạng thái tính lại từ lịch sử, số vào sổ liên tục trong năm, bộ
              đếm không lùi, thời điểm các sự kiện theo đúng thứ tự, không có sự kiện ở tương lai, sự kiện nhập sau
              (quá 30 phút) có lý do.
            Thoát với mã 0 nếu không có vấn đề, 1 nếu có (in từng vấn đề). Khi stderr là màn hình, in tiến độ.

            Tuỳ chọn:
              --anchor NGÀY MÃ  lịch sử đến hết NGÀY phải kết thúc ở mã MÃ (in ở cuối bản tổng hợp cuối ngày và
                                trong mỗi lần sao lưu; nhập ít nhất 16 chữ số đầu, bỏ qua dấu cách). Một lần
                                sửa rồi tính lại toàn bộ chuỗi sẽ bị phát hiện khi so với mã đã ghi trên giấy.
            \(dbHelp)

            """,
        spec: OptionSpec(valued: ["db", "anchor"], positionals: 0...1, positionalNames: ["MÃ"]),
        run: { args, io in
            var anchor: ChainAnchor?
            if let text = args.value("anchor") {
                guard let date = CivilDate(iso: text) ?? CivilDate(vietnamese: text) else {
                    throw UsageError("--anchor: \"\(text)\" không phải ngày có thật (YYYY-MM-DD)")
                }
                try RecordingTime.checkYear(date)
                guard date <= io.clock.now().date else {
                    throw UsageError(
                        "--anchor: ngày \(date.vietnamese) chưa đến (mã chỉ được ghi cho ngày đã qua hoặc hôm nay)")
                }
                guard args.positionals.count == 1, let a = ChainAnchor(date: date, hash: args.positionals[0]) else {
                    throw UsageError("--anchor NGÀY MÃ: MÃ là 16 đến 64 chữ số thập lục phân (0-9, a-f)")
                }
                anchor = a
            } else if !args.positionals.isEmpty {
                throw UsageError("\"\(args.positionals[0])\" chỉ dùng sau --anchor NGÀY")
            }
            let store = try StoreAccess.open(args, io)
            StoreAccess.reportDiskSpace(store, io)
            let stopwatch = Stopwatch()
            let showProgress = io.stderrIsTerminal
            // The passes run at once: one line shows them all, rewritten in place.
            var passes: [CheckPass: (done: Int, total: Int)] = [:]
            var lineOpen = false
            let findings = try store.check(
                now: io.clock.now(), anchor: anchor,
                progress: showProgress
                    ? { pass, done, total in
                        passes[pass] = (done, total)
                        var parts: [String] = []
                        for (p, what) in [(CheckPass.cases, "hồ sơ"), (.chain, "chuỗi lịch sử")] {
                            if let n = passes[p] {
                                parts.append("\(what) \(Money.grouped(n.done))/\(Money.grouped(n.total))")
                            }
                        }
                        if let n = passes[.integrity] {
                            parts.append("tệp SQLite \(n.done == n.total ? "xong" : "đang kiểm tra")")
                        }
                        io.writeErr("\rKiểm tra: \(parts.joined(separator: " · "))\u{1B}[K")
                        lineOpen = true
                    } : nil,
                note: { text in
                    // A note starts on a line of its own, not after the progress line.
                    if lineOpen { io.writeErr("\n") }
                    lineOpen = false
                    io.out("Lưu ý: \(text)")
                })
            if lineOpen { io.writeErr("\n") }
            let cases = try store.caseCount()
            if findings.isEmpty {
                var line = "ok: \(cases) hồ sơ, không phát hiện vấn đề"
                if let anchor { line += "; lịch sử đến hết ngày \(anchor.date.vietnamese) khớp mã đã ghi" }
                io.out(line)
                if showProgress { io.err("(\(Int(stopwatch.elapsedSeconds.rounded())) giây)\n") }
                return ExitStatus.success
            }
            for f in findings { io.out(f.message) }
            io.out("Phát hiện \(findings.count) vấn đề (\(cases) hồ sơ).")
            return ExitStatus.refused
        }
    )
}

/// The first line of a text, without its line ending (LF or CRLF).
func firstLine(of text: String) -> String {
    // "\r\n" is a single Character in Swift, so both endings are checked.
    String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
}
