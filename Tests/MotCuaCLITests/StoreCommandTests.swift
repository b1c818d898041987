import MotCuaCore
@testable import MotCuaStore
import MotCuaSystem
import Testing

@Suite struct StoreCommandTests {
    final class Dir {
        let path: String
        init() throws { path = try temporaryDirectory() }
        deinit { FileSystem.removeTree(path) }
        var db: String { path + "/motcua.db" }
    }

    func initDB(_ dir: Dir, admin: Bool = false) -> CommandResult {
        admin
            ? runCLI(
                ["init", "--db", dir.db, "--admin", "quantri", "--admin-name", "Nguyễn Quản Trị"], stdin: "mat-khau-1\n"
            )
            : runCLI(["init", "--db", dir.db])
    }

    @Test func initCreatesSeedsAndRefusesToOverwrite() throws {
        let dir = try Dir()
        let r = initDB(dir, admin: true)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Đã tạo cơ sở dữ liệu: \(dir.db)"))
        #expect(FileSystem.permissions(dir.db) == 0o600)
        let store = try Store.open(path: dir.db)
        #expect(try store.procedures(on: CivilDate(iso: "2026-11-21")!).count == 31)
        #expect(try store.officer(username: "quantri")?.role == .administrator)
        #expect(canLogIn(store.path, "quantri", "mat-khau-1"))
        #expect(try store.calendarConfig().holidays.officialYears.keys.sorted() == [2025, 2026])
        let again = runCLI(["init", "--db", dir.db])
        #expect(again.status == 2)
        #expect(again.err.contains("không ghi đè"))
    }

    @Test func initWithoutDbUsesTheUserDataDirectory() throws {
        let dir = try Dir()
        let r = runCLI(["init"], environment: ["XDG_DATA_HOME": dir.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileSystem.exists(dir.path + "/motcua/motcua.db"))
        #expect(FileSystem.permissions(dir.path + "/motcua") == 0o700)
        let home = try Dir()
        #expect(runCLI(["init"], environment: ["HOME": home.path]).status == 0)
        #expect(FileSystem.exists(home.path + "/.local/share/motcua/motcua.db"))
    }

    @Test func initFromAConfigFolder() throws {
        let dir = try Dir()
        try FileSystem.writeAtomically(
            dir.path + "/unit.json",
            text: """
                {"format": "motcua-unit", "version": 1, "name": "Phường Hòa Bình", "governingBody": "ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH",
                 "counterName": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG", "unitCode": "000.00.21.H05", "province": "Tỉnh Phú Thọ",
                 "placeName": "Hòa Bình"}
                """)
        let r = runCLI(["init", "--db", dir.db, "--config", dir.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(try Store.open(path: dir.db).unitProfile().unitCode == "000.00.21.H05")
        #expect(
            try Store.open(path: dir.db).procedures(on: CivilDate(iso: "2026-11-21")!).count == 31,
            "other files from the shipped Config")
    }

    @Test func badConfigNamesFileAndField() throws {
        let dir = try Dir()
        try FileSystem.makeDirectories(dir.path + "/cfg")
        try FileSystem.writeAtomically(
            dir.path + "/cfg/catalogue.json",
            text: """
                {"format": "motcua-catalogue", "version": 1, "procedures": [{"code": "X", "name": "Thủ tục thử", "field": "Hộ tịch",
                 "limitUnit": "weeks", "limit": 2, "fee": {"kind": "free"}, "certainty": "law"}]}
                """)
        let r = runCLI(["init", "--db", dir.db, "--config", dir.path + "/cfg"])
        #expect(r.status == 2)
        #expect(r.err.contains(dir.path + "/cfg/catalogue.json"))
        #expect(r.err.contains("procedures[0].limitUnit"))
        #expect(!FileSystem.exists(dir.db), "nothing created")
    }

    @Test func adminPasswordComesFromStdin() throws {
        let dir = try Dir()
        let short = runCLI(["init", "--db", dir.db, "--admin", "quantri"], stdin: "123\n")
        #expect(short.status == 2)
        #expect(!FileSystem.exists(dir.db))
        let badName = runCLI(["init", "--db", dir.db, "--admin", "Quản Trị"], stdin: "mat-khau-1\n")
        #expect(badName.status == 2)
        let crlf = runCLI(["init", "--db", dir.db, "--admin", "quantri"], stdin: "mat-khau-1\r\n")
        #expect(crlf.status == 0)
        #expect(canLogIn(dir.db, "quantri", "mat-khau-1"))
    }

    @Test func caseAddShowFind() throws {
        let dir = try Dir()
        _ = initDB(dir)
        let add = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", "chung thuc chu ky", "--name", "Đặng Văn Đức",
                "--id", "001099012345", "--phone", "0912 345 678", "--received", "2026-11-20 15:30"
            ], now: "2026-11-20 15:30")
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out == "000.00.00.H00-261120-0001\t2026-11-23 17:00\n")
        let json = runCLI(
            [
                "case", "add", "--db", dir.db, "--procedure", "1.001193", "--name", "Nguyễn Thị Hoa", "--id",
                "001199054321",
                "--received", "2026-11-20 09:00", "--reason", "Nhập bù hồ sơ buổi sáng", "--json"
            ], now: "2026-11-20 15:40")
        #expect(
            json.out
                == #"{"code":"000.00.00.H00-261120-0002","ledgerYear":2026,"ledgerNumber":2,"receivedAt":"2026-11-20 09:00","due":"2026-11-20 17:00","status":"received"}"#
                + "\n")
        let found = runCLI(["case", "find", "--db", dir.db, "dang van duc"])
        #expect(found.out == "000.00.00.H00-261120-0001\tĐặng Văn Đức\tChứng thực chữ ký\tĐã tiếp nhận\n")
        #expect(runCLI(["case", "find", "--db", dir.db, "nguyen thi"]).lines.count == 1)
        #expect(
            runCLI(["case", "find", "--db", dir.db, "0001"]).lines.first?.hasPrefix("000.00.00.H00-261120-0001") == true
        )
        let findJSON = runCLI(["case", "find", "--db", dir.db, "0912", "--json"])
        #expect(findJSON.out.hasPrefix(#"[{"code":"000.00.00.H00-261120-0001","name":"Đặng Văn Đức""#))
        let show = runCLI(["case", "show", "--db", dir.db, "000.00.00.H00-261120-0001"], now: "2026-11-21 09:00")
        #expect(show.status == 0)
        #expect(show.lines.contains("Người nộp: Đặng Văn Đức"))
        #expect(show.lines.contains("Hẹn trả: 17 giờ 00 phút, thứ Hai ngày 23/11/2026"))
        #expect(show.lines.contains("Trạng thái: Đã tiếp nhận — Còn 1 ngày"))
        #expect(show.lines.contains("Điện thoại: 0912345678"))
        let showJSON = runCLI(["case", "show", "--db", dir.db, "000.00.00.H00-261120-0001", "--json"])
        #expect(showJSON.out.contains(#""events":[{"seq":1,"kind":"received","at":"2026-11-20 15:30""#))
        let missing = runCLI(["case", "show", "--db", dir.db, "000.00.00.H00-261120-0099"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("không có hồ sơ mã"))
    }

    @Test(arguments: [
        (["--name", "A B", "--id", "001099012345"], "thiếu tuỳ chọn bắt buộc --procedure"),
        (["--procedure", "1.001193", "--id", "001099012345"], "thiếu tuỳ chọn bắt buộc --name"),
        (["--procedure", "1.001193", "--name", "A B", "--id", "12345"], "12 chữ số"),
        (
            ["--procedure", "1.001193", "--name", "A B", "--received", "2026-02-30 09:00"],
            "không phải thời điểm có thật"
        ),
        (["--procedure", "9.999", "--name", "A B"], "không có thủ tục"),
        (["--procedure", "1.001193", "--name", "A B", "--id", "001099012345", "--phone", "12"], "Số điện thoại"),
        (["--procedure", "1.001193", "--name", "A B"], "Số giấy tờ tùy thân: chưa nhập"),
        (["--procedure", "1.001193", "--name", "A B", "--id", " "], "Số giấy tờ tùy thân: chưa nhập"),
        (["--procedure", "1.001193", "--name", "A\u{1B}[2J B", "--id", "001099012345"], "ký tự điều khiển"),
        (["--procedure", "1.001193", "--name", "A B", "--channel", "fax"], "channel phải là một trong")
    ])
    func caseAddRejectsBadInput(_ args: [String], _ message: String) throws {
        let dir = try Dir()
        _ = initDB(dir)
        let r = runCLI(["case", "add", "--db", dir.db] + args)
        #expect(r.status != 0)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(try Store.open(path: dir.db).caseCount() == 0)
    }

    @Test func commandsRefuseAMissingOrForeignDatabase() throws {
        let dir = try Dir()
        let missing = runCLI(["case", "find", "--db", dir.db, "x"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("Không có cơ sở dữ liệu"))
        try FileSystem.writeAtomically(dir.db, text: "không phải cơ sở dữ liệu")
        let foreign = runCLI(["check", "--db", dir.db])
        #expect(foreign.status == 2)
        #expect(foreign.err.contains("không phải cơ sở dữ liệu motcua"))
        #expect(try FileSystem.readText(dir.db) == "không phải cơ sở dữ liệu")
    }

    @Test func importShowsChangesAndAppliesOnConfirmation() throws {
        let dir = try Dir()
        _ = initDB(dir)
        let file = dir.path + "/catalogue.json"
        try FileSystem.writeAtomically(
            file,
            text: """
                {"format": "motcua-catalogue", "version": 1, "procedures": [
                  {"code": "XA.CT.02", "name": "Chứng thực chữ ký", "field": "Chứng thực", "limitUnit": "same_day", "cutoff": "15:00",
                   "fee": {"kind": "fixed", "amount": 15000}, "certainty": "law", "effectiveFrom": "2027-01-01",
                   "documents": [{"name": "Giấy tờ cần chứng thực chữ ký", "form": "original"}],
                   "results": [{"name": "Văn bản đã chứng thực", "body": "TUPHAP"}],
                   "route": [{"body": "TUPHAP", "task": "Chứng thực", "budgetUnit": "working_hours", "budget": 4, "lead": true}]},
                  {"code": "1.999999", "name": "Thủ tục mới của tỉnh", "field": "Hộ tịch", "limitUnit": "working_days", "limit": 3,
                   "fee": {"kind": "free"}, "certainty": "unverified", "effectiveFrom": "2027-01-01"}
                ]}
                """)
        let declined = runCLI(["import", file, "--db", dir.db], stdin: "k\n")
        #expect(declined.status == 1)
        #expect(declined.out.contains("~ sửa thủ tục XA.CT.02 Chứng thực chữ ký: lệ phí 10.000 đ → 15.000 đ"))
        #expect(declined.out.contains("+ thêm thủ tục 1.999999 Thủ tục mới của tỉnh"))
        #expect(declined.out.contains("Không áp dụng."))
        let store = try Store.open(path: dir.db)
        #expect(try store.procedure(code: "1.999999", on: CivilDate(iso: "2027-06-01")!) == nil)
        let accepted = runCLI(["import", file, "--db", dir.db], stdin: "c\n")
        #expect(accepted.status == 0)
        #expect(
            try store.procedure(code: "XA.CT.02", on: CivilDate(iso: "2027-06-01")!)?.procedure.fee
                == .fixed(amount: 15000, online: nil))
        #expect(
            try store.procedure(code: "XA.CT.02", on: CivilDate(iso: "2026-06-01")!)?.procedure.fee
                == .fixed(amount: 10000, online: nil))
        let again = runCLI(["import", file, "--db", dir.db, "--yes"])
        #expect(again.out == "Không có thay đổi nào so với cơ sở dữ liệu.\n")
    }

    @Test func importHolidaysThenCalendarReadsTheDatabase() throws {
        let dir = try Dir()
        _ = initDB(dir)
        let file = dir.path + "/holidays.json"
        try FileSystem.writeAtomically(
            file,
            text: """
                {"format": "motcua-holidays", "version": 1, "years": [
                  {"year": 2027, "status": "official", "source": "Thông báo thử",
                   "daysOff": [{"date": "2027-02-05", "name": "Tết Nguyên đán"}], "workDays": [{"date": "2027-02-13", "name": "Làm bù"}]}]}
                """)
        let r = runCLI(["import", file, "--db", dir.db, "--yes"])
        #expect(r.status == 0)
        #expect(r.out.contains("+ năm 2027: lịch nghỉ chính thức (1 ngày nghỉ, 1 ngày làm bù)"))
        #expect(r.out.contains("- năm 2025: bỏ lịch chính thức, dùng quy tắc mặc định"))
        let cal = runCLI(["calendar", "2027", "--db", dir.db])
        #expect(cal.out == "2027 official\n2027-02-05\toff\tTết Nguyên đán\n2027-02-13\twork\tLàm bù\n")
        #expect(runCLI(["calendar", "2026", "--db", dir.db]).lines.first == "2026 default")
        let due = runCLI(["due", "--db", dir.db, "--received", "2027-02-04 10:00", "--working-days", "1"])
        #expect(due.out == "2027-02-08 10:00\n")
        #expect(runCLI(["calendar", "2027", "--db", dir.db, "--holidays", file]).status == 2)
    }

    @Test func exportJsonlAndCsv() throws {
        let dir = try Dir()
        _ = initDB(dir)
        for (i, (name, at)) in [
            ("Đặng Văn Đức", "2026-11-10 09:00"), ("Lê Thị Hà", "2026-11-20 10:00"), ("Mai Văn Ba", "2026-12-01 08:00")
        ].enumerated() {
            #expect(
                runCLI(
                    [
                        "case", "add", "--db", dir.db, "--procedure", "XA.CT.02", "--name", name, "--id",
                        "00109901234\(i)",
                        "--received", at
                    ], now: at
                ).status == 0)
        }
        let all = runCLI(["export", "--db", dir.db])
        try #require(all.lines.count == 3)
        #expect(all.lines[0].hasPrefix(#"{"code":"000.00.00.H00-261110-0001","ledgerYear":2026,"ledgerNumber":1"#))
        #expect(all.lines[0].contains(#""events":[{"seq":1,"kind":"received""#))
        let november = runCLI(["export", "--db", dir.db, "--from", "2026-11-01", "--to", "2026-11-20"])
        #expect(november.lines.count == 2)
        let csv = runCLI(["export", "--db", dir.db, "--format", "csv"])
        var reader = CSVReader(bytes: Array(csv.out.utf8))
        var rows: [[String]] = []
        while let row = try reader.next() { rows.append(row.fields) }
        #expect(rows.first == CaseExport.csvHeader)
        #expect(rows.count == 4)
        #expect(rows[1][5] == "Đặng Văn Đức")
        let out = dir.path + "/export.jsonl"
        #expect(runCLI(["export", "--db", dir.db, "--output", out]).status == 0)
        #expect(FileSystem.permissions(out) == 0o600)
        #expect(runCLI(["export", "--db", dir.db, "--format", "xml"]).status == 2)
        #expect(runCLI(["export", "--db", dir.db, "--from", "2026-12-01", "--to", "2026-11-01"]).status == 2)
    }

    @Test func backupIsAConsistentPrivateCopy() throws {
        let dir = try Dir()
        _ = initDB(dir)
        #expect(
            runCLI([
                "case", "add", "--db", dir.db, "--procedure", "XA.CT.02", "--name", "Sao Lưu", "--id", "001099012345"
            ]).status == 0)
        let copy = dir.path + "/usb/motcua-2026-11-21.db"
        try FileSystem.makeDirectories(dir.path + "/usb")
        let r = runCLI(["backup", copy, "--db", dir.db])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileSystem.permissions(copy) == 0o600)
        #expect(try Store.open(path: copy).caseCount() == 1)
        #expect(runCLI(["check", "--db", copy]).status == 0)
        #expect(runCLI(["backup", copy, "--db", dir.db]).status == 2, "never overwrites")
        #expect(runCLI(["backup", dir.path + "/nowhere/x.db", "--db", dir.db]).status == 2)
    }

    @Test func checkReportsTamperingWithExit1() throws {
        let dir = try Dir()
        _ = initDB(dir)
        #expect(
            runCLI([
                "case", "add", "--db", dir.db, "--procedure", "XA.CT.02", "--name", "Kiểm Tra", "--id", "001099012345"
            ]).status == 0)
        #expect(runCLI(["check", "--db", dir.db]).out.hasPrefix("ok: 1 hồ sơ"))
        let store = try Store.open(path: dir.db)
        try store.db.execute("UPDATE cases SET status = 'returned'")
        let r = runCLI(["check", "--db", dir.db])
        #expect(r.status == 1)
        #expect(r.out.contains("000.00.00.H00-"))
        #expect(!r.out.contains("Kiểm Tra"), "findings name cases by code, not by applicant")
    }

    @Test func caseImportReportsBadRowsAndContinues() throws {
        let dir = try Dir()
        _ = initDB(dir)
        let csv = dir.path + "/giay.csv"
        try FileSystem.writeAtomically(
            csv,
            text: """
                procedure,name,id,received,phone,reason
                XA.CT.02,"Nguyễn Văn A, con",001099000001,2026-11-16 08:00,0912000001,Hồ sơ ghi giấy khi mất điện
                XA.CT.02,Sai Số,123,2026-11-16 08:05,,Hồ sơ ghi giấy khi mất điện
                1.004873,Trần Thị B,001199000002,2026-11-16 08:10,,Hồ sơ ghi giấy khi mất điện

                """)
        let r = runCLI(["case", "import", csv, "--db", dir.db])
        #expect(r.status == 1)
        #expect(r.lines.count == 2)
        #expect(r.err.contains("dòng 3:"))
        #expect(!r.err.contains("Sai Số"))
        #expect(
            try Store.open(path: dir.db).caseRecord(code: "000.00.00.H00-261116-0001")?.applicant.fullName
                == "Nguyễn Văn A, con")
    }
}
