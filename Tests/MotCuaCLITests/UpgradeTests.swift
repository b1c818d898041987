import Foundation
import MotCuaCore
@_spi(Benchmark) import MotCuaStore
import MotCuaSystem
import MotCuaTesting
import Testing

/// A database made by the released version 0.1.0 (schema 3, committed under Tests/Fixtures/release-0.1.0
/// with what its `case show --json` printed then) opened by this binary (issue 13 §5): migrated, and every
/// case, event and setting still there; a database of a newer version refused and left untouched.
@Suite struct UpgradeTests {
    static let fixture = testFixturesDirectory + "/release-0.1.0"
    static let codes = [
        "000.00.00.H00-261116-0001", "000.00.00.H00-261116-0002", "000.00.00.H00-261117-0001",
        "000.00.00.H00-261118-0001", "000.00.00.H00-261119-0001"
    ]

    func copy() throws -> (dir: String, db: String) {
        let dir = try temporaryDirectory()
        try FileSystem.writeAtomically(
            dir + "/motcua.db", bytes: try FileSystem.readBytes(Self.fixture + "/m.db"), mode: 0o600)
        return (dir, dir + "/motcua.db")
    }

    /// Every key and value of the old JSON is in the new one (new keys may be added).
    static func contained(_ old: Any, in new: Any, at path: String = "") -> [String] {
        switch (old, new) {
        case let (o as [String: Any], n as [String: Any]):
            return o.flatMap { key, value in
                n[key].map { contained(value, in: $0, at: path + "/" + key) } ?? ["missing \(path)/\(key)"]
            }
        case let (o as [Any], n as [Any]):
            guard o.count == n.count else { return ["\(path): \(o.count) items, now \(n.count)"] }
            return zip(o, n).enumerated().flatMap {
                contained($0.element.0, in: $0.element.1, at: "\(path)/\($0.offset)")
            }
        default:
            return (old as? NSObject) == (new as? NSObject) ? [] : ["\(path): \(old) → \(new)"]
        }
    }

    @Test func aReleasedDatabaseIsMigratedWithNothingLost() throws {
        let (dir, db) = try copy()
        defer { FileSystem.removeTree(dir) }
        let check = try runBinary(["check", "--db", db])
        #expect(check.status == 0, "\(check.stdoutText)\(check.stderrText)")
        let store = try Store.open(path: db, options: .init(readOnly: true))
        #expect(try store.appliedMigrations() == Array(1...Schema.currentVersion))
        #expect(try store.caseCount() == 5)
        var events = 0
        for code in Self.codes { events += try store.events(caseID: try #require(try store.caseID(code: code))).count }
        #expect(events == 18)
        #expect(try store.settingValue(.idleLockMinutes) == "15")
        #expect(
            try store.officer(username: "lanhdao")?.role == .leader
                && store.officer(username: "quantri")?.role == .administrator)
        for code in Self.codes {
            let shown = try runBinary(["case", "show", code, "--json", "--db", db], at: "2026-11-20 10:00")
            #expect(shown.status == 0)
            let old = try JSONSerialization.jsonObject(
                with: Data(try FileSystem.readBytes(Self.fixture + "/show-\(code).json")))
            let new = try JSONSerialization.jsonObject(with: Data(shown.stdout))
            let lost = Self.contained(old, in: new)
            #expect(lost.isEmpty, "\(code): \(lost)")
        }
        // The migrated history is chained: an edit is found from now on.
        #expect(try store.rawDatabase.scalarInt("SELECT count(*) FROM events WHERE chain_hash IS NULL") == 0)
        // Migration 7 gave the old cases their reversed numbers: found by the last digits (and `check`, run
        // above, verified them).
        let bySuffix = try runBinary(["case", "find", "5678", "--db", db])
        #expect(bySuffix.stdoutText.hasPrefix("000.00.00.H00-261116-0001\t"), "\(bySuffix.stdoutText)")
        let byIDSuffix = try runBinary(["case", "find", "12348", "--db", db])
        #expect(byIDSuffix.stdoutText.hasPrefix("000.00.00.H00-261118-0001\t"), "\(byIDSuffix.stdoutText)")
        #expect(byIDSuffix.stdoutText.split(separator: "\n").count == 1)
    }

    @Test func aNewerDatabaseIsRefusedAndLeftUntouched() throws {
        let (dir, db) = try copy()
        defer { FileSystem.removeTree(dir) }
        #expect(try runBinary(["check", "--db", db]).status == 0)
        do {
            let raw = try Store.open(path: db)
            try raw.rawDatabase.execute("PRAGMA user_version = 99")
            try raw.rawDatabase.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = try FileSystem.readBytes(db)
        for args in [
            ["check"], ["case", "find", "Mai"],
            ["case", "add", "--procedure", "1.004222", "--name", "X Y", "--id", "001190012399"]
        ] {
            let r = try runBinary(args + ["--db", db])
            #expect(r.status == 2 && r.stderrText.contains("mới hơn"), "\(args): \(r.stderrText)")
        }
        #expect(try FileSystem.readBytes(db) == before)
    }
}
