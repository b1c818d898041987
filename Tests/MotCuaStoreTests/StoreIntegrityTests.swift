import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import Testing
@testable import MotCuaStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HistoryChain {
    /// The link an event row should have after `previous` (the row read with `eventColumns`), from its
    /// values through the string form that writing uses (the check reads bytes: tests compare the two).
    static func expectedLink(_ r: Row, previous: String) -> String {
        link(
            previous: previous, number: r.int64(11), caseID: r.int64(0), seq: r.int(1), kind: r.text(2), at: r.int(3),
            recordedAt: r.int64(4), officerID: r.int64(5), bodyID: r.isNull(6) ? nil : r.int64(6), data: r.text(7),
            channel: r.text(8), osUser: r.text(9), lateReason: r.optionalText(10), rowDigest: r.optionalText(12))
    }
}

/// What the review of the routing and reports work asked the store to guarantee: events in time order,
/// the legal deadline moved only by a leader and only before a result, two-event actions in one
/// transaction, the counter closing the last step when the result comes back.
@Suite struct StoreIntegrityTests {
    func eventCount(_ db: TestDatabase, _ code: String) throws -> Int {
        try db.store.events(caseID: try db.store.caseID(code: code)!).count
    }

    /// `check` runs SQLite's check, the chain and the cases at once on three connections: every pass is
    /// reported, always on the caller's thread, and a break found by the chain's thread names its case.
    @Test func checkRunsItsPassesAtOnceAndReportsThemOnTheCallersThread() throws {
        let db = try TestDatabase()
        var codes: [String] = []
        for (i, name) in ["Trần Văn Một", "Lê Thị Hai", "Phạm Văn Ba", "Đỗ Thị Bốn"].enumerated() {
            codes.append(try db.register(name, procedure: "1.004222", at: "2026-11-16 09:\(10 + i)").code)
        }
        let caller = pthread_self()
        var elsewhere = 0
        var last: [CheckPass: [Int]] = [:]
        let clean = try db.store.check(
            now: t("2026-11-16 14:00"),
            progress: { pass, done, total in
                if pthread_equal(pthread_self(), caller) == 0 { elsewhere += 1 }
                last[pass] = [done, total]
            })
        #expect(clean.isEmpty, "\(clean)")
        #expect(elsewhere == 0, "progress reported from another thread")
        let events = Int(try db.store.db.scalarInt("SELECT count(*) FROM events") ?? 0)
        #expect(last[.chain] == [events, events])
        #expect(last[.cases] == [4, 4])
        #expect(last[.integrity] == [1, 1])

        // An extra key in one event's data: the replay ignores it, only the chain sees it.
        try db.store.db.execute("DROP TRIGGER events_append_only_update")
        let id = try db.store.caseID(code: codes[2])!
        try db.store.db.run("UPDATE events SET data = json_set(data, '$.x', 1) WHERE case_id = ? AND seq = 1", id)
        let number = try db.store.db.scalarInt("SELECT chain_no FROM events WHERE case_id = ? AND seq = 1", id)!
        #expect(
            try db.check(now: t("2026-11-16 14:00")).map(\.message) == [
                "chuỗi lịch sử đứt tại mắt xích số \(number) (sự kiện 1 của hồ sơ \(codes[2])): nội dung đã bị sửa ngoài chương trình"
            ])
    }

    @Test func eventsAreRecordedInTimeOrder() throws {
        let db = try TestDatabase()
        let code = try db.register("Trần Văn Một", procedure: "1.004222", at: "2026-11-16 09:00").code
        // Before the reception itself.
        #expect(throws: DeskError.self) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-16 08:00"), officer: "tiepnhan")
        }
        try db.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        let before = try eventCount(db, code)
        // A receipt dated before the hand-over (a mistyped time) is refused and writes nothing.
        #expect(throws: DeskError.self) {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-16 09:30"), officer: "tiepnhan")
        }
        #expect(try eventCount(db, code) == before)
        // The same instant is fine; a print or a correction is about the case, recorded whenever.
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        try db.rules.record(
            .printed(document: "receipt", reprint: false), caseCode: code, at: t("2026-11-16 09:05"),
            officer: "tiepnhan")
        #expect(try db.check().isEmpty)
    }

    @Test func theLegalDeadlineMovesOnlyByALeaderBeforeAResult() throws {
        let db = try TestDatabase()
        try db.store.createOfficer(
            username: "lanhdao", fullName: "Trần Văn Lãnh", role: .leader, password: "mat-khau-ld")
        let code = try db.register("Trần Văn Hai", procedure: "1.004873", at: "2026-11-16 09:00").code
        #expect(throws: DeskError.self, "a desk officer") {
            try db.rules.correct(
                caseCode: code, field: .appointment, newValue: "2026-11-20 09:00", reason: "x",
                at: t("2026-11-16 10:00"), officer: "tiepnhan")
        }
        try db.rules.correct(
            caseCode: code, field: .appointment, newValue: "2026-11-20 09:00", reason: "Hẹn nhầm",
            at: t("2026-11-16 10:00"), officer: "lanhdao")
        var s = try db.store.caseRecord(code: code)!.state
        #expect(s.legalDue == t("2026-11-20 09:00") && s.appointment == t("2026-11-20 09:00"))
        // After an apology, a correction moves only the promised date: statistics keep the deadline.
        try db.rules.record(
            .rescheduled(newDue: t("2026-11-24 09:00"), reason: "Chờ xác minh"), caseCode: code,
            at: t("2026-11-17 09:00"), officer: "lanhdao")
        try db.rules.correct(
            caseCode: code, field: .appointment, newValue: "2026-11-25 09:00", reason: "Gõ nhầm ngày hẹn lại",
            at: t("2026-11-17 09:05"), officer: "lanhdao")
        s = try db.store.caseRecord(code: code)!.state
        #expect(s.legalDue == t("2026-11-20 09:00") && s.appointment == t("2026-11-25 09:00"))
        // After a result: refused.
        try db.rules.record(
            .resultReceived(
                documentNumber: "KQ-1", documentDate: nil, overrideReason: "Kết quả có ngay, không qua các bước"),
            caseCode: code, at: t("2026-11-23 09:00"), officer: "lanhdao")
        #expect(throws: DeskError.self) {
            try db.rules.correct(
                caseCode: code, field: .appointment, newValue: "2026-11-30 09:00", reason: "x",
                at: t("2026-11-23 10:00"), officer: "lanhdao")
        }
        #expect(
            try db.store.derivedState(caseID: db.store.caseID(code: code)!) == db.store.caseRecord(code: code)!.state)
    }

    @Test func theResultBackAtTheCounterClosesTheLastStepInOneTransaction() throws {
        let db = try TestDatabase()
        // Marital status: TUPHAP then LANHDAO (the leader signs), both commune offices.
        let code = try db.register("Trần Văn Ba", procedure: "1.004873", at: "2026-11-16 09:00").code
        try db.store.createOfficer(
            username: "tuphap", fullName: "Phạm Thị Hộ", role: .departmentOfficer, bodyCode: "TUPHAP",
            password: "mat-khau-tp")
        try db.store.createOfficer(
            username: "lanhdao", fullName: "Trần Văn Lãnh", role: .leader, password: "mat-khau-ld")
        try db.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-16 10:05"), officer: "tuphap")
        try db.rules.finishAndHandOver(caseCode: code, step: 0, at: t("2026-11-17 09:00"), officer: "tuphap")
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-17 09:10"), officer: "lanhdao")
        // The desk officer may not record the leader's step on its own…
        #expect(throws: DeskError.self) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-18 09:00"), officer: "tiepnhan")
        }
        // …but the signed result in hand closes it, together with the result.
        let state = try db.rules.receiveResult(
            caseCode: code, documentNumber: "XN-12", documentDate: d("2026-11-18"), at: t("2026-11-18 09:00"),
            officer: "tiepnhan")
        #expect(state.status == .resultReady && state.steps[1].doneAt == t("2026-11-18 09:00"))
        // A refused result writes neither event.
        let other = try db.register("Trần Văn Bốn", procedure: "1.004873", at: "2026-11-16 09:30").code
        let count = try eventCount(db, other)
        #expect(throws: DeskError.self, "nothing handed over yet… and a step still to hand over") {
            try db.rules.handOver(caseCode: other, at: t("2026-11-16 10:00"), officer: "tiepnhan")
            try db.rules.receiveResult(
                caseCode: other, documentNumber: "X", documentDate: nil, at: t("2026-11-16 11:00"), officer: "tiepnhan")
        }
        #expect(try eventCount(db, other) == count + 1, "only the hand-over")
    }

    @Test func onTheSpotResultAndReturnTogether() throws {
        let db = try TestDatabase()
        let code = try db.register("Trần Văn Năm", procedure: "XA.CT.02", at: "2026-11-16 09:00").code
        let s = try db.rules.returnOnTheSpot(caseCode: code, at: t("2026-11-16 09:10"), officer: "tiepnhan")
        #expect(s.status == .returned && s.resultAt == t("2026-11-16 09:10") && s.returnedAt == t("2026-11-16 09:10"))
        let count = try eventCount(db, code)
        #expect(throws: DeskError.self) {
            try db.rules.returnOnTheSpot(caseCode: code, at: t("2026-11-16 09:20"), officer: "tiepnhan")
        }
        #expect(try eventCount(db, code) == count, "the second attempt wrote nothing")
    }
}

/// `motcua check` finds times that slipped past the recording rules (an older version, a hand-edited file):
/// events out of order, dated after they were recorded, recorded late without a reason.
@Suite struct CheckTimeTests {
    @Test func checkReportsBentTimes() throws {
        let db = try TestDatabase()
        let first = try db.register("Trần Văn Một", procedure: "1.004222", at: "2026-11-16 09:00").code
        let second = try db.register("Trần Văn Hai", procedure: "1.004222", at: "2026-11-16 09:10").code
        let third = try db.register("Trần Văn Ba", procedure: "1.004222", at: "2026-11-16 09:20").code
        for code in [first, second, third] {
            try db.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        }
        // A late entry with its reason is fine.
        let fourth = try db.register("Trần Văn Bốn", procedure: "1.004222", at: "2026-11-16 09:30").code
        db.clock.now = t("2026-11-16 14:00")
        let outcome = try db.rules.desk.perform(
            .handOver(step: 0, slip: nil), on: fourth, by: try db.rules.actor("tiepnhan"),
            at: t("2026-11-16 10:00"), lateReason: "Mất điện, ghi lại từ sổ giấy")
        #expect(outcome.lateEntry)
        #expect(try db.check(now: t("2026-11-16 14:00")).isEmpty)

        let raw = db.store.db
        // A hand-edited file: the append-only trigger dropped first, as such an editor would.
        try raw.execute("DROP TRIGGER events_append_only_update")
        let ids = try [first, second, third].map { try db.store.caseID(code: $0)! }
        // The hand-over moved before the reception.
        try raw.run("UPDATE events SET at = ? WHERE case_id = ? AND seq = 2", t("2026-11-16 08:00").minutes, ids[0])
        // The hand-over dated the next day, recorded at 10:00.
        try raw.run("UPDATE events SET at = ? WHERE case_id = ? AND seq = 2", t("2026-11-17 10:00").minutes, ids[1])
        // The hand-over recorded three hours after it happened, with no reason kept.
        try raw.run("UPDATE events SET recorded_at = recorded_at + 3 * 3600 WHERE case_id = ? AND seq = 2", ids[2])
        let findings = try db.check(now: t("2026-11-16 14:00")).map(\.message)
        // (Moving an event's time also leaves the stored state behind the replayed one: reported too.)
        #expect(findings.filter { $0.contains(": sự kiện 2 ") }.count == 4, "\(findings)")
        // Each edit also breaks the history's chain at the edited event.
        #expect(findings.filter { $0.contains("chuỗi lịch sử đứt tại mắt xích") }.count == 3, "\(findings)")
        #expect(findings.contains { $0.contains(first) && $0.contains("trước sự kiện ghi trước nó") })
        #expect(findings.contains { $0.contains(second) && $0.contains("sau lúc được ghi") })
        #expect(findings.contains { $0.contains(third) && $0.contains("không có lý do nhập sau") })
    }
}

/// The tamper-evident history (issue 15 §4): edits made with `sqlite3` that keep the data consistent are
/// still found — by the chain, by the case row's digest, by a backup's recorded link, by a paper anchor.
@Suite struct HistoryChainTests {
    /// Three cases with a little history, on 16/11/2026.
    func office() throws -> (TestDatabase, [String]) {
        let db = try TestDatabase()
        var codes: [String] = []
        for (i, name) in ["Trần Văn Một", "Lê Thị Hai", "Phạm Văn Ba"].enumerated() {
            let code = try db.register(name, procedure: "1.004222", at: "2026-11-16 0\(7 + i):30").code
            try db.rules.handOver(caseCode: code, at: t("2026-11-16 1\(i):00"), officer: "tiepnhan")
            codes.append(code)
        }
        return (db, codes)
    }

    func unlock(_ db: TestDatabase) throws {
        try db.store.db.execute("DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete")
    }

    @Test func aCleanHistoryChecksCleanAndLinksAreChained() throws {
        let (db, _) = try office()
        #expect(try db.check().isEmpty)
        let links = try db.store.db.rows("SELECT chain_no, chain_hash FROM events ORDER BY chain_no") {
            ($0.int64(0), $0.text(1))
        }
        #expect(links.map(\.0) == Array(1...6))
        #expect(Set(links.map(\.1)).count == 6 && links.allSatisfy { $0.1.count == 64 })
    }

    @Test func aNameChangedWithItsSearchTextIsFound() throws {
        let (db, codes) = try office()
        // Consistent for the old check: the name and its folded search text together.
        try db.store.db.run(
            "UPDATE cases SET applicant_name = 'Trần Văn Mười', search_text = ? WHERE code = ?",
            Store.searchText(
                code: codes[0],
                applicant: Applicant(fullName: "Trần Văn Mười", idNumber: TestWorkspace.idNumber(for: "Trần Văn Một"))),
            codes[0])
        let findings = try db.check().map(\.message)
        #expect(
            findings == [
                "hồ sơ \(codes[0]): dữ liệu hồ sơ khác với lúc ghi sự kiện cuối (đã bị sửa ngoài chương trình)"
            ], "\(findings)")
    }

    @Test func anEditedEventBreaksTheChainAtThatLink() throws {
        let (db, codes) = try office()
        try unlock(db)
        let id = try db.store.caseID(code: codes[1])!
        try db.store.db.run("UPDATE events SET data = replace(data, '2026', '2027') WHERE case_id = ? AND seq = 2", id)
        let findings = try db.check().map(\.message)
        let breaks = findings.filter { $0.contains("chuỗi lịch sử đứt tại mắt xích") }
        #expect(breaks.count == 1 && breaks[0].contains("sự kiện 2 của hồ sơ \(codes[1])"), "\(findings)")
    }

    @Test func anEventInsertedOutsideTheProgramIsFound() throws {
        let (db, codes) = try office()
        let id = try db.store.caseID(code: codes[2])!
        try db.store.db.run(
            """
            INSERT INTO events (case_id, seq, kind, at, recorded_at, officer_id, data)
            SELECT case_id, 3, 'acknowledged', at + 10, recorded_at + 600, officer_id, '{"step":0}' FROM events WHERE case_id = ? AND seq = 2
            """, id)
        #expect(try db.check().contains { $0.message.contains("không có trong chuỗi") })
    }

    /// A day's case-code counter turned back below the codes it gave: the next case of that day would repeat a
    /// code. Only that day's counter is reported, with the number of codes found.
    @Test func aCaseCodeCounterBehindItsCodesIsFound() throws {
        let (db, _) = try office()
        #expect(try db.check().isEmpty)
        try unlock(db)
        let (day, last) = try #require(
            try db.store.db.row("SELECT day, last_sequence FROM case_code_counters ORDER BY day LIMIT 1") {
                ($0.text(0), $0.int(1))
            })
        try db.store.db.run("UPDATE case_code_counters SET last_sequence = ? WHERE day = ?", last - 1, day)
        let findings = try db.check().map(\.message).filter { $0.contains("bộ đếm mã hồ sơ") }
        #expect(findings == ["bộ đếm mã hồ sơ ngày \(day) (\(last - 1)) nhỏ hơn số hồ sơ đã cấp mã (\(last))"])
    }

    /// The last case deleted and the counters turned back: consistent for the old check. A backup taken
    /// after it recorded the link, which is gone; the paper anchor of the day does not match any more.
    @Test func theLastCaseDeletedIsFoundByTheBackupAndByTheAnchor() throws {
        let (db, codes) = try office()
        let anchorHash = try #require(try db.store.chainHead(endOf: CivilDate(iso: "2026-11-16")!)).hash
        let copy = db.directory + "/sao-luu.db"
        _ = try db.store.backup(to: copy)
        try unlock(db)
        let id = try db.store.caseID(code: codes[2])!
        try db.store.db.execute(
            """
            PRAGMA foreign_keys = OFF; DROP TRIGGER cases_never_deleted;
            DELETE FROM events WHERE case_id = \(id); DELETE FROM case_steps WHERE case_id = \(id);
            DELETE FROM case_documents WHERE case_id = \(id); DELETE FROM cases WHERE id = \(id);
            UPDATE ledger_counters SET last_number = last_number - 1;
            UPDATE case_code_counters SET last_sequence = last_sequence - 1;
            """)
        let findings = try db.check().map(\.message)
        #expect(findings.contains { $0.contains("nhưng tệp không còn mắt xích đó") }, "\(findings)")
        let anchored = try db.check(anchor: ChainAnchor(date: CivilDate(iso: "2026-11-16")!, hash: anchorHash)!).map(
            \.message)
        #expect(anchored.contains { $0.contains("không khớp mã đã ghi") }, "\(anchored)")
        // The copy itself is intact and matches the anchor.
        let backup = try Store.open(path: copy)
        #expect(
            try backup.check(
                now: t("2199-12-31 23:59"),
                anchor: ChainAnchor(date: CivilDate(iso: "2026-11-16")!, hash: String(anchorHash.prefix(16)))!
            ).isEmpty)
    }

    /// Someone who knows the algorithm edits a name and recomputes every link and digest after it: the file
    /// is consistent again, but not with the hash written on the day's paper summary.
    @Test func aRecomputedChainIsCaughtByThePaperAnchor() throws {
        let (db, codes) = try office()
        let anchor = try #require(try db.store.chainHead(endOf: CivilDate(iso: "2026-11-16")!))
        try unlock(db)
        let raw = db.store.db
        try raw.run("UPDATE cases SET applicant_name = 'Người Khác' WHERE code = ?", codes[0])
        try raw.run(
            "UPDATE cases SET search_text = ? WHERE code = ?",
            Store.searchText(
                code: codes[0],
                applicant: Applicant(fullName: "Người Khác", idNumber: TestWorkspace.idNumber(for: "Trần Văn Một"))),
            codes[0])
        var previous = HistoryChain.genesis
        let rows = try raw.rows("SELECT \(HistoryChain.eventColumns) FROM events ORDER BY chain_no") {
            r -> (Int64, Int, Int64, String?) in
            (r.int64(0), r.int(1), r.int64(11), r.optionalText(12))
        }
        for (caseID, seq, number, oldDigest) in rows {
            let digest = oldDigest == nil ? nil : try HistoryChain.rowDigest(raw, caseID: caseID)
            try raw.run("UPDATE events SET row_digest = ? WHERE case_id = ? AND seq = ?", digest, caseID, seq)
            let hash = try raw.row(
                "SELECT \(HistoryChain.eventColumns) FROM events WHERE case_id = ? AND seq = ?", [caseID, seq]
            ) {
                HistoryChain.expectedLink($0, previous: previous)
            }!
            try raw.run("UPDATE events SET chain_hash = ? WHERE chain_no = ?", hash, number)
            previous = hash
        }
        #expect(try db.check().isEmpty, "consistent again without the anchor")
        let findings = try db.check(anchor: ChainAnchor(date: CivilDate(iso: "2026-11-16")!, hash: anchor.hash)!).map(
            \.message)
        #expect(findings.count == 1 && findings[0].contains("không khớp mã đã ghi"), "\(findings)")
    }

    @Test func anAnchorNeedsSixteenHexDigits() {
        let day = CivilDate(iso: "2026-11-16")!
        #expect(ChainAnchor(date: day, hash: "0123456789abcde") == nil)
        #expect(ChainAnchor(date: day, hash: "0123 4567 89AB CDEF")?.hash == "0123456789abcdef")
        #expect(ChainAnchor(date: day, hash: "0123456789abcdeg") == nil)
    }
}
