import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import MotCuaSystem
import Testing
@testable import MotCuaStore

@Suite struct StoreFaultTests {
    /// The database cannot grow (as on a full disk): registration fails with a clear message, nothing is
    /// half-written, the caller still has the draft, and the same draft succeeds once there is room.
    @Test func fullDiskKeepsTheDraftForARetry() throws {
        let db = try TestDatabase()
        try db.register("Trước Khi Đầy")
        let pages = try db.store.db.scalarInt("PRAGMA page_count")!
        try db.store.db.execute("PRAGMA max_page_count = \(pages)")
        var draft = db.draft("Nguyễn Văn Đầy Đĩa", id: "001099777888")
        // Enough text to need new pages, each piece within its field's limit.
        draft.note = String(repeating: "Ghi chú dài để cần trang mới. ", count: 60)
        draft.documents = (1...10).map {
            CaseDocument(name: "Giấy tờ \($0): " + String(repeating: "bản sao có chứng thực ", count: 70), form: .copy)
        }
        do {
            try db.rules.registerCase(draft, officer: "tiepnhan")
            Issue.record("registration succeeded on a full database")
        } catch let error as DeskError {
            #expect(error.isRetryable)
            guard case .store(.database(let e)) = error else { Issue.record("unexpected \(error)"); return }
            #expect(e.kind == .diskFull)
            let text = Messages.text(error)
            #expect(text.contains("ổ đĩa đã đầy"))
            #expect(!text.contains("Đầy Đĩa") && !text.contains("001099777888"))
        }
        #expect(try db.store.caseCount() == 1)
        #expect(try db.store.db.scalarInt("SELECT last_number FROM ledger_counters") == 1, "no number consumed")
        try db.store.db.execute("PRAGMA max_page_count = 1000000")
        let retried = try db.rules.registerCase(draft, officer: "tiepnhan")
        #expect(retried.ledgerNumber == 2)
        #expect(try db.check().isEmpty)
    }

    /// Another terminal holds the write lock longer than the busy timeout: a clear, retryable error.
    @Test func busyDatabaseIsRetryable() throws {
        let db = try TestDatabase()
        let slow = try RuleDriver(
            store: try Store.open(path: db.path, options: .init(quickCheck: false, busyTimeoutMilliseconds: 200)),
            clock: db.clock)
        let other = try Store.open(path: db.path)
        try other.db.execute("BEGIN IMMEDIATE")
        let started = Stopwatch()
        do {
            try slow.registerCase(db.draft("Chờ Khóa"), officer: "tiepnhan")
            Issue.record("registered while another connection held the write lock")
        } catch let error as DeskError {
            #expect(error.isRetryable)
            #expect(Messages.text(error).contains("đang bận"))
            #expect(started.elapsedMilliseconds >= 150, "waited for the busy timeout first")
        }
        try other.db.execute("COMMIT")
        #expect(try slow.registerCase(db.draft("Chờ Khóa"), officer: "tiepnhan").ledgerNumber == 1)
    }

    /// Two connections (two terminals) interleaving registrations never collide.
    @Test func twoConnectionsInterleave() throws {
        let db = try TestDatabase()
        let second = try RuleDriver(store: try Store.open(path: db.path), clock: db.clock)
        var codes = Set<String>()
        for i in 0..<50 {
            let terminal = i % 2 == 0 ? db.rules : second
            codes.insert(try terminal.registerCase(db.draft("Người \(i)"), officer: "tiepnhan").code)
        }
        #expect(codes.count == 50)
        #expect(try db.check().isEmpty)
    }
}
