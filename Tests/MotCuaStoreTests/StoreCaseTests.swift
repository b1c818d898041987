import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import MotCuaSystem
import Testing
@testable import MotCuaStore

@Suite struct StoreCaseTests {
    @Test func registrationAllocatesCodeLedgerAndDue() throws {
        let db = try TestDatabase()
        let r = try db.register("Đặng Văn Đức", id: "001099012345", procedure: "XA.CT.02", at: "2026-11-20 15:30")
        #expect(r.code == "000.00.15.H42-261120-0001")
        #expect(r.ledgerYear == 2026 && r.ledgerNumber == 1)
        #expect(r.due == t("2026-11-23 17:00"), "same day after 15:00 on a Friday → Monday 17:00")
        let record = try db.store.caseRecord(code: r.code)!
        #expect(record.applicant.fullName == "Đặng Văn Đức")
        #expect(record.applicant.idKind == .citizenCard)
        #expect(record.state.status == .received)
        #expect(record.state.legalDue == r.due && record.state.appointment == r.due)
        #expect(record.receivedBy == "tiepnhan")
        #expect(record.steps.map(\.bodyCode) == ["TUPHAP", "LANHDAO"])
        let events = try db.store.events(caseID: record.id)
        #expect(events.map(\.event.kind) == [.received])
        #expect(events[0].event.payload == .received(due: r.due))
        // Lower case codes are found too.
        #expect(try db.store.caseRecord(code: r.code.lowercased())?.id == record.id)
    }

    @Test func textIsStoredNFC() throws {
        let db = try TestDatabase()
        // "Nguyễn" typed decomposed: e + circumflex + tilde, with doubled spaces.
        let r = try db.register("Nguye\u{0302}\u{0303}n  Thị   Hoa ", at: "2026-11-16 09:00")
        let stored = try db.store.db.scalarText("SELECT applicant_name FROM cases WHERE code = ?", r.code)!
        #expect(Array(stored.utf8) == Array("Nguyễn Thị Hoa".utf8))
    }

    @Test func invalidDraftsAreRefusedAndNothingIsWritten() throws {
        let db = try TestDatabase()
        var bad = db.draft("Phạm Văn Bình", id: "12345")
        #expect(throws: DeskError.self) { try db.rules.registerCase(bad, officer: "tiepnhan") }
        bad = db.draft("Phạm Văn Bình", phone: "12345")
        #expect(throws: DeskError.self) { try db.rules.registerCase(bad, officer: "tiepnhan") }
        bad = db.draft("", id: "001099012345")
        #expect(throws: DeskError.self) { try db.rules.registerCase(bad, officer: "tiepnhan") }
        bad = db.draft("Phạm Văn Bình", procedure: "9.999999")
        #expect(throws: DeskError.self) { try db.rules.registerCase(bad, officer: "tiepnhan") }
        #expect(throws: DeskError.self) { try db.rules.registerCase(db.draft("Phạm Văn Bình"), officer: "khong-co") }
        #expect(try db.store.caseCount() == 0)
        #expect(
            try db.store.db.scalarInt("SELECT count(*) FROM ledger_counters") == 0,
            "no number consumed by a refused draft")
        // Error texts never contain the applicant's data.
        do {
            _ = try db.rules.registerCase(db.draft("Phạm Văn Bình", id: "12345"), officer: "tiepnhan")
        } catch {
            let text = Messages.text(DeskError.from(error))
            #expect(!text.contains("Bình") && !text.contains("12345"), "\(text)")
        }
    }

    @Test func countersAcrossMidnightAndNewYear() throws {
        let db = try TestDatabase()
        let a = try db.register("Người Một", at: "2026-12-31 23:50")
        let b = try db.register("Người Hai", at: "2026-12-31 23:59")
        let c = try db.register("Người Ba", at: "2027-01-01 00:01")
        let d2 = try db.register("Người Bốn", at: "2027-01-02 08:00")
        let e = try db.register("Người Năm", at: "2026-12-31 10:00")  // entered late, after the New Year cases
        #expect(
            [a.code, b.code, e.code] == [
                "000.00.15.H42-261231-0001", "000.00.15.H42-261231-0002", "000.00.15.H42-261231-0003"
            ])
        #expect(c.code == "000.00.15.H42-270101-0001")
        #expect(d2.code == "000.00.15.H42-270102-0001")
        #expect([a.ledgerNumber, b.ledgerNumber, e.ledgerNumber] == [1, 2, 3])
        #expect([a.ledgerYear, c.ledgerYear] == [2026, 2027])
        #expect([c.ledgerNumber, d2.ledgerNumber] == [1, 2], "the ledger restarts at 1 each calendar year")
        #expect(try db.check().isEmpty)
    }

    @Test func numbersAreNeverReusedAfterCancellation() throws {
        let db = try TestDatabase()
        let a = try db.register("Hủy Thử", at: "2026-11-16 09:00")
        try db.rules.record(
            .cancelled(reason: "Nhập nhầm"), caseCode: a.code, at: t("2026-11-16 09:05"), officer: "quantri")
        let b = try db.register("Sau Hủy", at: "2026-11-16 09:10")
        #expect(b.ledgerNumber == 2)
        #expect(b.code.hasSuffix("-0002"))
        #expect(try db.store.caseRecord(code: a.code)?.state.status == .cancelled)
        #expect(throws: DatabaseError.self) { try db.store.db.execute("DELETE FROM cases") }
    }

    @Test func searchIgnoresDiacriticsCaseAndDStroke() throws {
        let db = try TestDatabase()
        let duc = try db.register("Đặng Văn Đức", id: "001099012345", phone: "0912345678")
        let thi = try db.register("Nguyễn Thị Ánh Tuyết", id: "001199054321")
        let thu = try db.register("Nguyễn Thị Thu", at: "2026-11-17 10:00")
        _ = try db.register("Trần Đình Nguyên", at: "2026-11-17 10:05")
        func find(_ q: String) throws -> [String] { try db.store.searchCases(q).map(\.code) }
        #expect(try find("dang van duc") == [duc.code])
        #expect(try find("ĐẶNG VĂN ĐỨC") == [duc.code])
        #expect(try find("Đặng Văn Đức") == [duc.code])
        #expect(try find("Da\u{0323}\u{0306}ng") == [duc.code], "decomposed input")
        #expect(try find("nguyen thi") == [thu.code, thi.code], "most recent first")
        #expect(try find("nguyen").count == 3, "Trần Đình Nguyên too: every word is a prefix")
        #expect(try find("duc dang") == [duc.code], "word order does not matter")
        #expect(try find("0010990") == [duc.code], "ID number prefix")
        #expect(try find("0912 345") == [duc.code], "phone typed in groups")
        #expect(try find("0912345678") == [duc.code])
        #expect(try find(duc.code) == [duc.code], "the whole code")
        #expect(try find("261116-0002") == [thi.code], "date and sequence")
        #expect(try find("0003").contains(thu.code) == false, "the 17th's case is 0001")
        #expect(try find("xyz").isEmpty)
        #expect(try db.store.searchCases("").count == 4, "empty query: most recent cases")
        #expect(try db.store.searchCasesByScan("nguyen thi").count == 2, "the LIKE baseline agrees")
    }

    @Test func correctionsKeepTheSearchIndexCurrent() throws {
        let db = try TestDatabase()
        let r = try db.register("Lê Văn Tám", at: "2026-11-16 09:00")
        try db.rules.correct(
            caseCode: r.code, field: .applicantName, newValue: "Lê Văn Tâm", reason: "Gõ nhầm dấu",
            at: t("2026-11-16 09:30"), officer: "tiepnhan")
        #expect(try db.store.searchCases("le van tam").map(\.code) == [r.code])
        #expect(try db.store.searchCases("tám").isEmpty == false, "folded: tám and tâm both fold to tam")
        let events = try db.store.events(caseID: try db.store.caseID(code: r.code)!)
        #expect(
            events.last?.event.payload
                == .corrected(field: "applicant.fullName", old: "Lê Văn Tám", new: "Lê Văn Tâm", reason: "Gõ nhầm dấu"))
        #expect(try db.check().isEmpty)
    }

    @Test func eventsAreAppendOnly() throws {
        let db = try TestDatabase()
        try db.register("Không Sửa Lịch Sử")
        #expect(throws: DatabaseError.self) { try db.store.db.execute("UPDATE events SET at = 0") }
        #expect(throws: DatabaseError.self) { try db.store.db.execute("DELETE FROM events") }
    }

    @Test func lifecycleIsEnforcedByTheStore() throws {
        let db = try TestDatabase()
        let r = try db.register("Hoàng Văn Em", procedure: "1.004873", at: "2026-11-16 09:00")
        // Returning a case without a result is refused, and nothing is written.
        #expect(throws: DeskError.self) {
            try db.rules.record(
                .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false), caseCode: r.code,
                at: t("2026-11-16 10:00"), officer: "tiepnhan")
        }
        #expect(try db.store.events(caseID: r.id).count == 1)
        // A desk officer may not cancel; a leader or administrator may.
        #expect(throws: DeskError.self) {
            try db.rules.record(
                .cancelled(reason: "x"), caseCode: r.code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        }
        let due = db.calendar.due(DueRule(limit: .workingDays(2)), receivedAt: t("2026-11-16 10:00"))
        let state = try db.rules.record(
            .handedOver(step: 0, stepDue: due, slipNumber: nil), caseCode: r.code, at: t("2026-11-16 10:00"),
            officer: "tiepnhan")
        #expect(state.status == .inProgress)
        #expect(try db.store.caseRecord(code: r.code)!.steps[0].progress.stepDue == due)
        #expect(try db.store.derivedState(caseID: r.id) == db.store.caseRecord(code: r.code)!.state)
    }

    /// Thousands of random event sequences: the state the store keeps equals the state replayed from the
    /// events, whatever was accepted or refused along the way.
    @Test func storedStateEqualsReplayForRandomSequences() throws {
        let db = try TestDatabase()
        var rng = SplitMix64(seed: 6)
        var cases: [RegisteredCase] = []
        for i in 0..<120 {
            cases.append(
                try db.register(
                    "Người Thứ \(i)", procedure: ["1.004873", "XA.LT.01", "XA.CT.04", "1.004222"][i % 4],
                    at: "2026-11-\(String(10 + i % 10)) 0\(i % 3 + 7):15"))
        }
        var accepted = 0
        var refused = 0
        for step in 0..<2500 {
            let c = cases[Int(rng.next() % UInt64(cases.count))]
            let record = try db.store.caseRecord(code: c.code)!
            // Histories are recorded in order: after the case's last event, mostly; sometimes before it (refused).
            let last = try db.store.events(caseID: record.id).last!.event.at
            let at =
                rng.next() % 10 == 0
                ? last.adding(minutes: -Int(rng.next() % 600) - 1)
                : last.adding(minutes: Int(rng.next() % 1500) + 1)
            let stepIndex = Int(rng.next() % 4)
            let state = record.state
            let nextStep = state.steps.firstIndex { $0.doneAt == nil }
            var payload: CaseEventPayload
            // Mostly the plausible next action for the case's state, sometimes anything at all.
            switch state.status {
            case .received, .inProgress:
                if let i = nextStep {
                    if state.steps[i].handedOverAt == nil {
                        payload = .handedOver(step: i, stepDue: at.adding(minutes: 900), slipNumber: "PC-\(step)")
                    } else if state.steps[i].acknowledgedAt == nil {
                        payload = .acknowledged(step: i, receiptNumber: nil)
                    } else {
                        payload = .stepDone(step: i, note: "Xong")
                    }
                } else {
                    payload = .resultReceived(documentNumber: "KQ-\(step)", documentDate: at.date)
                }
            case .waitingSupplement: payload = .supplementReceived(newDue: at.adding(minutes: 4000), stepDue: nil)
            case .resultReady: payload = .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false)
            case .returned: payload = .evaluated(.satisfaction(.satisfied))
            case .withdrawn, .stopped, .cancelled: payload = .stepDone(step: 0, note: "Xong")
            }
            if rng.next() % 3 == 0 {
                switch rng.next() % 14 {
                case 0: payload = .supplementRequested(items: ["Giấy tờ thiếu"], reason: "Thiếu")
                case 1: payload = .supplementReceived(newDue: at.adding(minutes: 4000), stepDue: nil)
                case 2: payload = .refused(reasons: ["Không đủ điều kiện"])
                case 3, 4:
                    payload = .handedOver(step: stepIndex, stepDue: at.adding(minutes: 900), slipNumber: "PC-\(step)")
                case 5, 6: payload = .acknowledged(step: stepIndex, receiptNumber: nil)
                case 7, 8: payload = .stepDone(step: stepIndex, note: "Xong")
                case 9: payload = .resultReceived(documentNumber: "KQ-\(step)", documentDate: at.date)
                case 10:
                    payload = .rescheduled(
                        newDue: record.state.appointment.adding(minutes: 2000), reason: "Cần xác minh")
                case 11: payload = .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false)
                case 12: payload = .evaluated(.satisfaction(.satisfied))
                default:
                    payload =
                        [.withdrawn(reason: "Rút"), .stopped(reason: "Dừng"), .cancelled(reason: "Nhầm")][
                            Int(rng.next() % 3)]
                }
            }
            do {
                try db.rules.record(payload, caseCode: c.code, at: at, officer: "quantri")
                accepted += 1
            } catch {
                // (A pattern catch here crashes Swift 6.3's compiler with typed throws; see CONTRIBUTING.md.)
                guard case .refused? = error as? DeskError else { throw error }
                refused += 1
            }
        }
        #expect(accepted > 400 && refused > 200, "both paths exercised: \(accepted) accepted, \(refused) refused")
        for c in cases {
            #expect(try db.store.derivedState(caseID: c.id) == db.store.caseRecord(id: c.id).state)
        }
        #expect(try db.check().isEmpty)
        // Tampering with the stored state is found by check.
        try db.store.db.run("UPDATE cases SET appointment_at = appointment_at + 60 WHERE id = ?", cases[0].id)
        #expect(try db.check().contains { $0.message.contains(cases[0].code) })
    }

    @Test func latestApplicantIsOfferedForReuse() throws {
        let db = try TestDatabase()
        try db.register("Vũ Thị Lan", id: "001199000111", phone: "0987654321")
        let found = try db.store.latestApplicant(idNumber: "001199000111")
        #expect(found?.fullName == "Vũ Thị Lan")
        #expect(try db.store.latestApplicant(phone: "+84 987 654 321")?.fullName == "Vũ Thị Lan")
        #expect(try db.store.latestApplicant(idNumber: "999999999999") == nil)
    }
}
