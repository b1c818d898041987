import MotCuaCore
import Testing

/// Which backups a folder keeps: the newest of each of the last days, then weeks, then months; never a
/// file that is not named as ours.
@Suite struct BackupRotationTests {
    @Test func namesThatAreOurs() {
        #expect(BackupRotation.time(ofFileName: "motcua-2026-11-20-0900.db")?.iso == "2026-11-20 09:00")
        #expect(BackupRotation.time(ofFileName: "motcua-2026-11-20-0900-2.db")?.iso == "2026-11-20 09:00")
        for name in [
            "motcua.db", "motcua-2026-11-20.db", "motcua-2026-13-01-0900.db", "motcua-2026-11-20-2500.db",
            "khac-2026-11-20-0900.db", "motcua-2026-11-20-0900.db.bak", "motcua-2026-11-20-09:0.db"
        ] {
            #expect(BackupRotation.time(ofFileName: name) == nil, "\(name)")
        }
    }

    @Test func keepsDaysThenWeeksThenMonths() {
        // One backup a day at 18:00 for 120 days, two on the last day, and files that are not ours.
        var names: [String] = []
        var day = CivilDate(iso: "2026-08-01")!
        for _ in 0..<120 {
            names.append("motcua-\(day.iso)-1800.db")
            day = day.adding(days: 1)
        }
        let last = day.adding(days: -1)
        names += ["motcua-\(last.iso)-1900.db", "motcua.db", "ghi-chu.txt", "motcua-\(last.iso)-1800-2.db"]
        let deleted = Set(BackupRotation.toDelete(names, policy: .init(daily: 7, weekly: 4, monthly: 3)))
        let kept = names.filter { !deleted.contains($0) && BackupRotation.time(ofFileName: $0) != nil }
        #expect(!deleted.contains("motcua.db") && !deleted.contains("ghi-chu.txt"))
        // 7 days (the newest of the last day: 19:00), 4 weeks, 3 months.
        #expect(kept.count == 7 + 4 + 3, "\(kept.sorted())")
        #expect(kept.contains("motcua-\(last.iso)-1900.db") && !kept.contains("motcua-\(last.iso)-1800.db"))
        #expect(kept.contains("motcua-2026-08-31-1800.db") || kept.contains("motcua-2026-09-30-1800.db"))
        #expect(!kept.contains("motcua-2026-08-01-1800.db"), "the oldest month is beyond three")
        #expect(BackupRotation.Policy(setting: "7,4,12") == .init(daily: 7, weekly: 4, monthly: 12))
        for bad in ["0,4,12", "7,4", "a,b,c", "7,-1,2", "7,4,999"] {
            #expect(BackupRotation.Policy(setting: bad) == nil, "\(bad)")
        }
    }
}
