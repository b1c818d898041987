import Glibc
import MotCuaCore
import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// `backup --rotate FOLDER` (the daily timer) and `restore FILE` (issue 13 §4).
@Suite struct BackupRestoreTests {
    typealias Dir = PrintCommandTests.Dir

    @Test func rotatingBackupsKeepWhatTheSettingSays() throws {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        #expect(runCLI(["setting", "backup_keep", "3,1,0", "--db", dir.db]).status == 0)
        let folder = dir.path + "/usb"
        try FileSystem.makeDirectories(folder)
        try FileSystem.writeAtomically(folder + "/ghi-chu.txt", text: "của người khác")
        var day = CivilDate(iso: "2026-11-02")!
        for _ in 0..<10 {
            let r = runCLI(["backup", "--rotate", folder, "--db", dir.db], now: "\(day.iso) 18:00")
            #expect(r.status == 0, "\(r.err)")
            day = day.adding(days: 1)
        }
        let again = runCLI(["backup", "--rotate", folder, "--db", dir.db], now: "2026-11-11 18:00")
        #expect(
            again.status == 0 && again.out.contains("motcua-2026-11-11-1800-2.db"),
            "a second one that minute: \(again.out)")
        let left = try FileSystem.list(folder).sorted()
        // 3 days (the newest of the 11th: the second one), 1 week (Monday 2 to Sunday 8: its newest), no month.
        #expect(
            left == [
                "ghi-chu.txt", "motcua-2026-11-08-1800.db", "motcua-2026-11-09-1800.db", "motcua-2026-11-10-1800.db",
                "motcua-2026-11-11-1800-2.db"
            ], "\(left)")
        #expect(try Store.open(path: dir.db).backups().count == 11)
    }

    @Test func restoreSwapsInAVerifiedCopyAndKeepsTheOldFile() throws {
        let dir = try Dir()
        #expect(runCLI(["init", "--db", dir.db]).status == 0)
        #expect(
            runCLI(
                [
                    "case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", "Đặng Thị Mai", "--id",
                    "001190012345"
                ], now: "2026-11-20 09:00"
            ).status == 0)
        let copy = dir.path + "/sao-luu.db"
        #expect(runCLI(["backup", copy, "--db", dir.db]).status == 0)
        #expect(
            runCLI(
                [
                    "case", "add", "--db", dir.db, "--procedure", "1.004222", "--name", "Lê Văn Nam", "--id",
                    "001190012346"
                ], now: "2026-11-20 10:00"
            ).status == 0)
        // Not without a confirmation; not from a file that is not a good copy.
        #expect(runCLI(["restore", copy, "--db", dir.db], stdin: "k\n").status == 1)
        try FileSystem.writeAtomically(dir.path + "/hong.db", text: "không phải cơ sở dữ liệu")
        #expect(runCLI(["restore", dir.path + "/hong.db", "--db", dir.db, "--yes"]).status == 2)
        // Refused while another process has the file open.
        let holder = try Subprocess.start([
            "python3", "-c",
            "import sqlite3,time; c=sqlite3.connect('\(dir.db)'); c.execute('select 1'); time.sleep(30)"
        ])
        SystemClock.sleep(milliseconds: 500)
        let busy = try runBinary(["restore", copy, "--db", dir.db, "--yes"])
        kill(holder, SIGKILL)
        Subprocess.wait(holder)
        #expect(busy.status != 0 && busy.stderrText.contains("đang được mở"), "\(busy.stderrText)")
        let r = try runBinary(["restore", copy, "--db", dir.db, "--yes"], at: "2026-11-20 11:00")
        #expect(
            r.status == 0 && r.stdoutText.contains("1 hồ sơ")
                && r.stdoutText.contains("Kiểm tra: không phát hiện vấn đề"), "\(r.stdoutText)\(r.stderrText)")
        #expect(try Store.open(path: dir.db).caseCount() == 1)
        let aside = dir.db + ".truoc-khoi-phuc-261120-1100"
        #expect(FileSystem.exists(aside))
        #expect(try Store.open(path: aside, options: .init(readOnly: true)).caseCount() == 2)
        #expect(FileSystem.exists(copy), "the backup itself is untouched")
    }
}

/// The backup screen offers the removable drives that are mounted: read from /proc/mounts.
@Suite struct RemovableDriveTests {
    @Test func mountedDrivesUnderMediaAreFound() throws {
        let dir = try temporaryDirectory()
        defer { FileSystem.removeTree(dir) }
        try FileSystem.writeAtomically(
            dir + "/mounts",
            text: """
                /dev/sda1 / ext4 rw,relatime 0 0
                proc /proc proc rw 0 0
                /dev/sdb1 /media/usb0 vfat rw,nosuid 0 0
                /dev/sdc1 /run/media/canbo/KINGSTON\\040USB vfat rw 0 0
                tmpfs /run/user/1000 tmpfs rw 0 0

                """)
        #expect(
            FileSystem.removableMounts(mountsFile: dir + "/mounts") == ["/media/usb0", "/run/media/canbo/KINGSTON USB"])
        #expect(FileSystem.removableMounts(mountsFile: dir + "/none") == [])
    }
}
