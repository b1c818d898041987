import MotCuaCore
import MotCuaDesk
import MotCuaTesting
import Testing
@testable import MotCuaStore

/// The inter-linked route (issue 6) through the store: each step's deadline, what the route expects next,
/// who may record what for which body, supplements and the resume policy, the by-body view and the home
/// screen's attention flags.
///
/// Catalogue: XA.LT.01 (3 working days) goes TUPHAP 1 wd → CONGAN 1 wd → BHXH 1 wd; 1.004873 (3 working
/// days) goes TUPHAP 2 wd → LANHDAO 1 wd; 1.004222 (7 working days) is one CONGAN step. TUPHAP and LANHDAO
/// are the commune's own, CONGAN and BHXH are outside. 21–22/11/2026 is a weekend.
@Suite struct StoreRoutingTests {
    // MARK: Support

    /// The test database with, beside "quantri" (administrator) and "tiepnhan" (desk officer): a department
    /// officer of the civil-status office, one of the commune office, and a leader.
    static func withOfficers() throws -> TestDatabase {
        let db = try TestDatabase()
        try db.store.createOfficer(
            username: "tuphap", fullName: "Phạm Thị Hộ", role: .departmentOfficer, bodyCode: "TUPHAP",
            password: "matkhau-tuphap")
        try db.store.createOfficer(
            username: "vanphong", fullName: "Đỗ Văn Phòng", role: .departmentOfficer, bodyCode: "VANPHONG",
            password: "matkhau-vanphong")
        try db.store.createOfficer(
            username: "lanhdao", fullName: "Võ Văn Lãnh", role: .leader, password: "matkhau-lanhdao")
        return db
    }

    static func eventCount(_ db: TestDatabase, _ code: String) throws -> Int {
        let id = try #require(try db.store.caseID(code: code))
        return try db.store.events(caseID: id).count
    }

    static func state(_ db: TestDatabase, _ code: String) throws -> CaseState {
        try #require(try db.store.caseRecord(code: code)).state
    }

    /// The stored state equals the one replayed from the events, and the whole database checks clean.
    static func expectConsistent(_ db: TestDatabase, _ code: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let record = try #require(try db.store.caseRecord(code: code), sourceLocation: sourceLocation)
        #expect(try db.store.derivedState(caseID: record.id) == record.state, sourceLocation: sourceLocation)
        #expect(try db.check().isEmpty, sourceLocation: sourceLocation)
    }

    /// `body` is refused by the rules with exactly `expected`, and neither an event nor the case's state changed.
    static func expectRefused<R>(
        _ db: TestDatabase, _ code: String, _ expected: Refusal,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> R
    ) throws {
        let events = try eventCount(db, code)
        let before = try state(db, code)
        #expect(throws: DeskError.refused(expected), sourceLocation: sourceLocation) { _ = try body() }
        #expect(try eventCount(db, code) == events, "a refused action writes no event", sourceLocation: sourceLocation)
        #expect(try state(db, code) == before, sourceLocation: sourceLocation)
    }

    // MARK: Step deadlines and the next step

    @Test func eachHandOverStoresItsStepDeadlineAndTheRoutePicksTheNextStep() throws {
        let db = try Self.withOfficers()
        let s = db.store
        let cal = db.calendar
        // Thursday 19/11 09:00 + 3 working days → Tuesday 24/11 09:00.
        let r = try db.register("Đặng Thị Mai", procedure: "XA.LT.01", at: "2026-11-19 09:00")
        let code = r.code
        #expect(r.due == t("2026-11-24 09:00"))

        // Nothing handed over yet: only the hand-over of step 1 may come.
        try Self.expectRefused(
            db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .handedOver)
        ) {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-19 09:30"), officer: "tuphap")
        }
        try Self.expectRefused(
            db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .handedOver)
        ) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-19 09:30"), officer: "tuphap")
        }
        try Self.expectRefused(db, code, .previousStepNotDone(step: 1)) {
            try db.rules.handOver(caseCode: code, step: 1, at: t("2026-11-19 09:30"), officer: "tiepnhan")
        }
        #expect(throws: DeskError.refused(.noSuchStep(3))) {
            try db.rules.handOver(caseCode: code, step: 3, at: t("2026-11-19 09:30"), officer: "tiepnhan")
        }
        #expect(throws: DeskError.refused(.missingCase(code: "000.00.15.H42-261119-0099"))) {
            try db.rules.handOver(caseCode: "000.00.15.H42-261119-0099", at: t("2026-11-19 09:30"), officer: "tiepnhan")
        }

        // Step 1 by default; one working day keeps the clock time.
        var state = try db.rules.handOver(caseCode: code, at: t("2026-11-19 10:00"), officer: "tiepnhan")
        #expect(state.status == .inProgress)
        #expect(state.steps.map(\.stepDue) == [t("2026-11-20 10:00"), nil, nil])
        #expect(state.steps[0].handedOverAt == t("2026-11-19 10:00"))
        #expect(Routing.next(state) == .acknowledge(step: 0))
        try Self.expectRefused(
            db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .acknowledged)
        ) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-19 10:05"), officer: "tiepnhan")
        }
        try Self.expectRefused(db, code, .stepAlreadyHandedOver(0)) {
            try db.rules.handOver(caseCode: code, step: 0, at: t("2026-11-19 10:05"), officer: "tiepnhan")
        }
        try Self.expectRefused(
            db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .acknowledged)
        ) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-19 10:05"), officer: "tuphap")
        }
        try Self.expectConsistent(db, code)

        // The acknowledgement defaults to the step handed over; twice is refused, by default or by number.
        state = try db.rules.acknowledge(
            caseCode: code, receiptNumber: "  BN   01 ", at: t("2026-11-19 10:15"), officer: "tuphap")
        #expect(state.steps[0].acknowledgedAt == t("2026-11-19 10:15"))
        #expect(Routing.next(state) == .finish(step: 0))
        try Self.expectRefused(db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .stepDone))
        {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-19 10:20"), officer: "tuphap")
        }
        try Self.expectRefused(db, code, .stepAlreadyAcknowledged(0)) {
            try db.rules.acknowledge(caseCode: code, step: 0, at: t("2026-11-19 10:20"), officer: "tuphap")
        }
        try Self.expectRefused(db, code, .stepWaiting(step: 0, bodyName: "Công chức Tư pháp - Hộ tịch", for: .stepDone))
        {
            try db.rules.handOver(caseCode: code, at: t("2026-11-19 10:20"), officer: "tiepnhan")
        }

        // Finished the next morning, before the step's deadline but on its day: on time.
        state = try db.rules.finishStep(
            caseCode: code, note: "Đã đăng ký khai sinh", at: t("2026-11-20 09:00"), officer: "tuphap")
        #expect(state.steps[0].doneAt == t("2026-11-20 09:00"))
        #expect(state.steps[0].punctuality == .onTime)
        #expect(Routing.next(state) == .handOver(step: 1))
        try Self.expectRefused(db, code, .stepWaiting(step: 1, bodyName: "Công an xã", for: .handedOver)) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-20 09:05"), officer: "tuphap")
        }

        // Step 2 (police) handed over on Friday 10:00: due Monday 10:00, across the weekend; finished Tuesday: late.
        state = try db.rules.handOver(
            caseCode: code, slipNumber: "PC-01", at: t("2026-11-20 10:00"), officer: "tiepnhan")
        #expect(state.steps[1].stepDue == t("2026-11-23 10:00"))
        state = try db.rules.acknowledge(caseCode: code, at: t("2026-11-20 10:30"), officer: "tiepnhan")
        #expect(state.steps[1].acknowledgedAt == t("2026-11-20 10:30"))
        state = try db.rules.finishStep(caseCode: code, at: t("2026-11-24 08:00"), officer: "tiepnhan")
        #expect(state.steps[1].punctuality == .late)

        // Step 3 handed over after hours: counted from the next session (Wed 25/11 07:30) → Thu 26/11 07:30.
        state = try db.rules.handOver(caseCode: code, at: t("2026-11-24 17:30"), officer: "tiepnhan")
        #expect(state.steps[2].stepDue == t("2026-11-26 07:30"))
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-25 08:00"), officer: "tiepnhan")
        state = try db.rules.finishStep(caseCode: code, at: t("2026-11-25 09:00"), officer: "tiepnhan")
        #expect(state.steps[2].punctuality == .early)
        #expect(Routing.next(state) == .receiveResult)
        try Self.expectRefused(db, code, .routeFinished) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-25 09:05"), officer: "tiepnhan")
        }

        // What was stored: each step's deadline and verdict, and the hand-over events with their body and slip.
        let record = try #require(try s.caseRecord(code: code))
        #expect(
            record.steps.map(\.progress.stepDue) == [
                t("2026-11-20 10:00"), t("2026-11-23 10:00"), t("2026-11-26 07:30")
            ])
        #expect(record.steps.map(\.progress.punctuality) == [.onTime, .late, .early])
        let events = try s.events(caseID: record.id)
        let handOvers = events.compactMap { e -> String? in
            guard case let .handedOver(step, due, slip) = e.event.payload else { return nil }
            return "\(step) \(due.iso) \(slip ?? "-") \(e.event.bodyCode ?? "-")"
        }
        #expect(
            handOvers == ["0 2026-11-20 10:00 - TUPHAP", "1 2026-11-23 10:00 PC-01 CONGAN", "2 2026-11-26 07:30 - BHXH"]
        )
        let receipts = events.compactMap { e -> String? in
            if case let .acknowledged(step, receipt) = e.event.payload { "\(step) \(receipt ?? "-")" } else { nil }
        }
        #expect(receipts == ["0 BN 01", "1 -", "2 -"], "the receipt number is stored normalised")
        #expect(events.first?.event.payload == .received(due: t("2026-11-24 09:00")))

        // With the result at the counter the route expects nothing more.
        state = try db.rules.record(
            .resultReceived(documentNumber: "KS-1", documentDate: d("2026-11-25")), caseCode: code,
            at: t("2026-11-25 10:00"), officer: "tiepnhan")
        #expect(Routing.next(state) == .none)
        try Self.expectRefused(db, code, .wrongState(action: .handedOver, status: .resultReady)) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-25 10:05"), officer: "tiepnhan")
        }
        try Self.expectConsistent(db, code)
    }

    // MARK: Roles and bodies

    @Test func theCounterRecordsForOutsideBodiesAndEachOfficeForItsOwnSteps() throws {
        let db = try Self.withOfficers()
        let s = db.store
        let cal = db.calendar
        let code = try db.register("Đặng Thị Mai", procedure: "XA.LT.01", at: "2026-11-19 09:00").code

        // A department officer does not take a dossier from the counter; the desk officer hands it over.
        try Self.expectRefused(db, code, .notOwnBody(holder: "Bộ phận một cửa")) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-19 09:30"), officer: "tuphap")
        }
        try db.rules.handOver(caseCode: code, at: t("2026-11-19 10:00"), officer: "tiepnhan")

        // Step 1 is the civil-status office's (internal): neither the counter nor another office records it.
        try Self.expectRefused(db, code, .bodyRecordsItself(bodyName: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-19 10:15"), officer: "tiepnhan")
        }
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-19 10:15"), officer: "vanphong")
        }
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-19 10:15"), officer: "tuphap")
        try Self.expectRefused(db, code, .bodyRecordsItself(bodyName: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-20 09:00"), officer: "tiepnhan")
        }
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-20 09:00"), officer: "vanphong")
        }
        try db.rules.finishStep(caseCode: code, at: t("2026-11-20 09:00"), officer: "tuphap")

        // Another office may not pass on what the civil-status office finished…
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-20 09:30"), officer: "vanphong")
        }
        // …but the civil-status office hands its own dossier on to step 2, with that step's deadline.
        let passed = try db.rules.handOver(caseCode: code, at: t("2026-11-20 10:00"), officer: "tuphap")
        #expect(passed.steps[1].handedOverAt == t("2026-11-20 10:00"))
        #expect(passed.steps[1].stepDue == t("2026-11-23 10:00"))

        // The police are outside the commune: the counter records their receipt and result, the civil-status office may not.
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công an xã")) {
            try db.rules.acknowledge(caseCode: code, at: t("2026-11-20 10:30"), officer: "tuphap")
        }
        try db.rules.acknowledge(caseCode: code, receiptNumber: "BN-7", at: t("2026-11-20 10:30"), officer: "tiepnhan")
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công an xã")) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-23 09:00"), officer: "tuphap")
        }
        try db.rules.finishStep(caseCode: code, at: t("2026-11-23 09:00"), officer: "tiepnhan")

        // Step 3 follows the police's step, not the civil-status office's: not for it to hand over.
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công an xã")) {
            try db.rules.handOver(caseCode: code, at: t("2026-11-23 09:30"), officer: "tuphap")
        }
        try db.rules.handOver(caseCode: code, at: t("2026-11-23 09:30"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-23 10:00"), officer: "tiepnhan")
        let done = try db.rules.finishStep(caseCode: code, at: t("2026-11-23 15:00"), officer: "tiepnhan")
        #expect(done.steps.allSatisfy { $0.doneAt != nil })
        let officers = try s.events(caseID: try #require(try s.caseID(code: code))).map {
            "\($0.event.kind.rawValue):\($0.event.officer)"
        }
        #expect(
            Array(officers.dropFirst()) == [
                "handed_over:tiepnhan", "acknowledged:tuphap", "step_done:tuphap", "handed_over:tuphap",
                "acknowledged:tiepnhan",
                "step_done:tiepnhan", "handed_over:tiepnhan", "acknowledged:tiepnhan", "step_done:tiepnhan"
            ])
        try Self.expectConsistent(db, code)

        // The leadership (internal, no accounts per body): a leader records it, the counter may not.
        let second = try db.register("Trần Văn Bảy", procedure: "1.004873", at: "2026-11-16 09:00").code
        try db.rules.handOver(caseCode: second, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: second, at: t("2026-11-16 10:15"), officer: "tuphap")
        try db.rules.finishStep(caseCode: second, at: t("2026-11-17 09:00"), officer: "tuphap")
        try db.rules.handOver(caseCode: second, at: t("2026-11-17 09:30"), officer: "tiepnhan")
        try Self.expectRefused(db, second, .bodyRecordsItself(bodyName: "Lãnh đạo UBND xã")) {
            try db.rules.acknowledge(caseCode: second, at: t("2026-11-17 10:00"), officer: "tiepnhan")
        }
        try Self.expectRefused(db, second, .notOwnBody(holder: "Lãnh đạo UBND xã")) {
            try db.rules.acknowledge(caseCode: second, at: t("2026-11-17 10:00"), officer: "tuphap")
        }
        try db.rules.acknowledge(caseCode: second, at: t("2026-11-17 10:00"), officer: "lanhdao")
        try Self.expectRefused(db, second, .bodyRecordsItself(bodyName: "Lãnh đạo UBND xã")) {
            try db.rules.finishStep(caseCode: second, at: t("2026-11-17 14:00"), officer: "tiepnhan")
        }
        let signed = try db.rules.finishStep(caseCode: second, at: t("2026-11-17 14:00"), officer: "lanhdao")
        #expect(signed.steps[1].doneAt == t("2026-11-17 14:00"))
        try Self.expectConsistent(db, second)
    }

    @Test func aDepartmentAsksForASupplementOnlyWhileItHoldsTheDossier() throws {
        let db = try Self.withOfficers()
        let s = db.store
        let code = try db.register("Trần Văn Bảy", procedure: "XA.LT.01", at: "2026-11-19 09:00").code
        let ask = CaseEventPayload.supplementRequested(items: ["Giấy chứng sinh (bản chính)"], reason: "Thiếu giấy tờ")
        try db.rules.handOver(caseCode: code, at: t("2026-11-19 10:00"), officer: "tiepnhan")
        try Self.expectRefused(db, code, .notOwnBody(holder: "Công chức Tư pháp - Hộ tịch")) {
            try db.rules.record(ask, caseCode: code, at: t("2026-11-19 10:30"), officer: "vanphong")
        }
        let paused = try db.rules.record(ask, caseCode: code, at: t("2026-11-19 10:30"), officer: "tuphap")
        #expect(paused.status == .waitingSupplement)
        try Self.expectConsistent(db, code)

        // A case still at the counter is held by no office: not for the commune office to pause.
        let atCounter = try db.register("Lê Văn Chín", procedure: "XA.LT.01", at: "2026-11-19 09:10").code
        try Self.expectRefused(db, atCounter, .notOwnBody(holder: "Bộ phận một cửa")) {
            try db.rules.record(ask, caseCode: atCounter, at: t("2026-11-19 10:30"), officer: "vanphong")
        }
        try Self.expectRefused(db, atCounter, .notOwnBody(holder: "Bộ phận một cửa")) {
            try db.rules.record(
                .refused(reasons: ["Không thuộc thẩm quyền"]), caseCode: atCounter, at: t("2026-11-19 10:30"),
                officer: "vanphong")
        }
    }

    @Test func onlyLeadersRescheduleStopAndCancel() throws {
        let db = try Self.withOfficers()
        let s = db.store
        // 1.004873, Monday 16/11 09:00 → Thursday 19/11 09:00.
        let a = try db.register("Người Một", procedure: "1.004873", at: "2026-11-16 09:00").code
        let b = try db.register("Người Hai", procedure: "1.004873", at: "2026-11-16 09:05").code
        let c = try db.register("Người Ba", procedure: "1.004873", at: "2026-11-16 09:10").code
        let actions: [(CaseEventPayload, LeaderAction)] = [
            (.rescheduled(newDue: t("2026-11-20 09:00"), reason: "Chờ xác minh"), .reschedule),
            (.stopped(reason: "Người nộp không bổ sung"), .stop),
            (.cancelled(reason: "Nhập nhầm"), .cancel)
        ]
        for (payload, leaderAction) in actions {
            for officer in ["tiepnhan", "tuphap"] {
                try Self.expectRefused(db, a, .leaderOnly(leaderAction)) {
                    try db.rules.record(payload, caseCode: a, at: t("2026-11-18 10:00"), officer: officer)
                }
            }
        }
        let rescheduled = try db.rules.record(actions[0].0, caseCode: a, at: t("2026-11-18 10:00"), officer: "lanhdao")
        #expect(rescheduled.appointment == t("2026-11-20 09:00") && rescheduled.rescheduleCount == 1)
        #expect(rescheduled.legalDue == t("2026-11-19 09:00"), "statistics keep the legal deadline")
        #expect(
            try db.rules.record(actions[1].0, caseCode: b, at: t("2026-11-18 10:00"), officer: "lanhdao").status
                == .stopped)
        #expect(
            try db.rules.record(actions[2].0, caseCode: c, at: t("2026-11-18 10:00"), officer: "lanhdao").status
                == .cancelled)
        #expect(
            try db.rules.record(
                .cancelled(reason: "Nhập nhầm"), caseCode: a, at: t("2026-11-18 11:00"), officer: "quantri"
            ).status == .cancelled)
        for code in [a, b, c] { try Self.expectConsistent(db, code) }
    }

    // MARK: Supplement and resume

    @Test func theDeadlineAndTheStepRestartAfterASupplementByDefault() throws {
        let db = try Self.withOfficers()
        let s = db.store
        #expect(try s.resumePolicy() == .restartFromZero)
        // Monday 16/11 09:00 + 3 working days → Thursday 19/11 09:00; TUPHAP's 2 from 10:00 → Wednesday 18/11 10:00.
        let code = try db.register("Trần Văn Bảy", procedure: "1.004873", at: "2026-11-16 09:00").code
        let id = try #require(try s.caseID(code: code))
        var state = try db.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        #expect(state.steps[0].stepDue == t("2026-11-18 10:00"))
        try Self.expectConsistent(db, code)
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-16 10:15"), officer: "tuphap")
        try Self.expectConsistent(db, code)

        try Self.expectRefused(db, code, .notWaitingForSupplement) {
            try db.rules.resumeAfterSupplement(caseCode: code, at: t("2026-11-17 09:00"), officer: "tiepnhan")
        }
        // The office asks for a paper on Tuesday: the clock stops.
        state = try db.rules.record(
            .supplementRequested(items: ["Bản sao giấy chứng nhận ly hôn"], reason: "Thiếu giấy tờ"), caseCode: code,
            at: t("2026-11-17 10:30"), officer: "tuphap")
        #expect(
            state.status == .waitingSupplement && state.pausedAt == t("2026-11-17 10:30") && state.supplementRounds == 1
        )
        try Self.expectConsistent(db, code)
        try Self.expectRefused(db, code, .wrongState(action: .stepDone, status: .waitingSupplement)) {
            try db.rules.finishStep(caseCode: code, at: t("2026-11-18 09:00"), officer: "tuphap")
        }
        // The counter takes the complete dossier back, not the office.
        try Self.expectRefused(db, code, .roleMayNot(role: .departmentOfficer, action: .supplementReceived)) {
            try db.rules.resumeAfterSupplement(caseCode: code, at: t("2026-11-20 14:00"), officer: "tuphap")
        }

        // The paper comes on Friday 14:00: 3 working days from then → Wed 25/11 14:00; the step's 2 → Tue 24/11 14:00.
        state = try db.rules.resumeAfterSupplement(caseCode: code, at: t("2026-11-20 14:00"), officer: "tiepnhan")
        #expect(state.status == .inProgress && state.pausedAt == nil)
        #expect(state.legalDue == t("2026-11-25 14:00") && state.appointment == t("2026-11-25 14:00"))
        #expect(state.steps.map(\.stepDue) == [t("2026-11-24 14:00"), nil])
        try Self.expectConsistent(db, code)
        let events = try s.events(caseID: id)
        #expect(
            events.first?.event.payload == .received(due: t("2026-11-19 09:00")),
            "the original deadline stays in the history")
        #expect(
            events.last?.event.payload
                == .supplementReceived(newDue: t("2026-11-25 14:00"), stepDue: t("2026-11-24 14:00")))
        try Self.expectRefused(db, code, .notWaitingForSupplement) {
            try db.rules.resumeAfterSupplement(caseCode: code, at: t("2026-11-20 15:00"), officer: "tiepnhan")
        }
        // Judged against the restarted step deadline, finishing on Tuesday is on time.
        state = try db.rules.finishStep(caseCode: code, at: t("2026-11-24 11:00"), officer: "tuphap")
        #expect(state.steps[0].punctuality == .onTime)
        try Self.expectConsistent(db, code)

        // Asked while still at the counter: back to the counter, no step deadline.
        let counter = try db.register("Lê Văn Chín", procedure: "1.004873", at: "2026-11-16 09:00").code
        try db.rules.record(
            .supplementRequested(items: ["Tờ khai có chữ ký"], reason: ""), caseCode: counter,
            at: t("2026-11-16 09:30"),
            officer: "tiepnhan")
        state = try db.rules.resumeAfterSupplement(caseCode: counter, at: t("2026-11-18 09:00"), officer: "tiepnhan")
        #expect(state.status == .received)
        #expect(state.legalDue == t("2026-11-23 09:00"))
        #expect(state.steps.allSatisfy { $0.stepDue == nil })
        try Self.expectConsistent(db, counter)
    }

    @Test func theShiftPolicyKeepsTheWorkingTimeLeftAtThePause() throws {
        let db = try Self.withOfficers()
        let s = db.store
        let admin = try db.rules.actor("quantri")
        #expect(throws: DeskError.refused(.invalidSetting(key: "resume_policy", message: "phải là restart hoặc shift")))
        {
            try db.rules.desk.changeSettings([(.resumePolicy, "later")], by: admin)
        }
        #expect(try s.setting("resume_policy") == nil, "a refused value is not stored")
        #expect(try s.resumePolicy() == .restartFromZero)
        try db.rules.desk.changeSettings([(.resumePolicy, " shift ")], by: admin)
        #expect(try s.setting("resume_policy") == "shift")
        #expect(try s.resumePolicy() == .shiftByPausedTime)

        let code = try db.register("Trần Văn Bảy", procedure: "1.004873", at: "2026-11-16 09:00").code
        try db.rules.handOver(caseCode: code, at: t("2026-11-16 10:00"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: code, at: t("2026-11-16 10:15"), officer: "tuphap")
        try db.rules.record(
            .supplementRequested(items: ["Bản sao giấy chứng nhận ly hôn"], reason: ""), caseCode: code,
            at: t("2026-11-17 10:30"), officer: "tuphap")
        try Self.expectConsistent(db, code)
        // Left at Tue 10:30: to the case's Thu 19/11 09:00, 60 + 240 + 480 + 90 = 870 working minutes; to the step's
        // Wed 18/11 10:00, 300 + 150 = 450. From Fri 20/11 14:00: 180 that day, 480 on Monday, then 210 → Tue 24/11
        // 11:00; the step's 450 → Mon 23/11 13:30.
        let state = try db.rules.resumeAfterSupplement(caseCode: code, at: t("2026-11-20 14:00"), officer: "tiepnhan")
        #expect(state.legalDue == t("2026-11-24 11:00"))
        #expect(state.appointment == t("2026-11-24 11:00"))
        #expect(state.steps[0].stepDue == t("2026-11-23 13:30"))
        let events = try s.events(caseID: try #require(try s.caseID(code: code)))
        #expect(events.first?.event.payload == .received(due: t("2026-11-19 09:00")))
        try Self.expectConsistent(db, code)

        try db.rules.desk.changeSettings([(.resumePolicy, "restart")], by: admin)
        #expect(try s.resumePolicy() == .restartFromZero)
    }

    // MARK: By body

    @Test func eachBodySeesWhatItHoldsAndWhatWaitsForIt() throws {
        let db = try Self.withOfficers()
        let s = db.store
        let cal = db.calendar
        // Registered in an order different from the expected one (by step deadline, then appointment).
        // TUPHAP: to hand over (due Tue 24/11)
        let a = try db.register("Người A", procedure: "XA.LT.01", at: "2026-11-19 09:00").code
        let c = try db.register("Người C", procedure: "1.004873", at: "2026-11-19 08:00").code  // TUPHAP: processing
        let b = try db.register("Người B", procedure: "XA.LT.01", at: "2026-11-19 09:30").code  // TUPHAP: handed over
        // TUPHAP: to hand over (due Mon 23/11)
        let k = try db.register("Người K", procedure: "1.004873", at: "2026-11-18 09:00").code
        let d2 = try db.register("Người D", procedure: "XA.LT.01", at: "2026-11-19 08:00").code  // CONGAN: to hand over
        let e = try db.register("Người E", procedure: "1.004222", at: "2026-11-19 09:00").code  // CONGAN: handed over
        let f = try db.register("Người F", procedure: "1.004873", at: "2026-11-19 09:00").code  // paused
        let g = try db.register("Người G", procedure: "XA.LT.01", at: "2026-11-19 09:00").code  // cancelled
        let h = try db.register("Người H", procedure: "1.004873", at: "2026-11-19 09:00").code  // result ready

        try db.rules.handOver(caseCode: c, at: t("2026-11-19 08:30"), officer: "tiepnhan")  // due Mon 23/11 08:30
        try db.rules.acknowledge(caseCode: c, at: t("2026-11-19 08:45"), officer: "tuphap")
        try db.rules.handOver(caseCode: b, at: t("2026-11-19 10:00"), officer: "tiepnhan")  // due Fri 20/11 10:00
        try db.rules.handOver(caseCode: d2, at: t("2026-11-19 08:10"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: d2, at: t("2026-11-19 08:20"), officer: "tuphap")
        try db.rules.finishStep(caseCode: d2, at: t("2026-11-19 09:00"), officer: "tuphap")
        try db.rules.handOver(caseCode: e, at: t("2026-11-19 09:10"), officer: "tiepnhan")  // 7 wd → Mon 30/11 09:10
        try db.rules.handOver(caseCode: f, at: t("2026-11-19 09:15"), officer: "tiepnhan")
        try db.rules.acknowledge(caseCode: f, at: t("2026-11-19 09:20"), officer: "tuphap")
        try db.rules.record(
            .supplementRequested(items: ["Tờ khai"], reason: ""), caseCode: f, at: t("2026-11-19 09:30"),
            officer: "tuphap")
        try db.rules.record(.cancelled(reason: "Nhập nhầm"), caseCode: g, at: t("2026-11-19 09:05"), officer: "lanhdao")
        try db.rules.record(
            .resultReceived(documentNumber: "XN-1", documentDate: d("2026-11-19"), overrideReason: "Kết quả có ngay"),
            caseCode: h, at: t("2026-11-19 09:30"), officer: "lanhdao")

        func describe(_ items: [BodyQueueItem]) -> [String] {
            items.map { "\($0.summary.applicantName) \($0.step + 1) \($0.stage.rawValue) \($0.stepDue?.iso ?? "-")" }
        }
        let tuphap = try s.bodyQueue(bodyCode: "TUPHAP")
        #expect(
            describe(tuphap) == [
                "Người B 1 handed_over 2026-11-20 10:00",
                "Người C 1 processing 2026-11-23 08:30",
                "Người K 1 to_hand_over -",
                "Người A 1 to_hand_over -"
            ])
        #expect(tuphap.map(\.summary.code) == [b, c, k, a])
        #expect(
            tuphap.map(\.task) == [
                "Đăng ký khai sinh", "Thẩm định, trình ký", "Thẩm định, trình ký", "Đăng ký khai sinh"
            ])
        #expect(tuphap.allSatisfy { $0.bodyCode == "TUPHAP" })
        #expect(
            describe(try s.bodyQueue(bodyCode: "CONGAN")) == [
                "Người E 1 handed_over 2026-11-30 09:10",
                "Người D 2 to_hand_over -"
            ])
        #expect(try s.bodyQueue(bodyCode: "BHXH").isEmpty, "step 3 waits for the police's step")
        #expect(try s.bodyQueue(bodyCode: "LANHDAO").isEmpty, "the leadership's steps wait for the civil-status office")
        let all = try s.bodyQueue(bodyCode: nil)
        #expect(all.count == 6)
        #expect(
            Set(all.map(\.summary.code)).isDisjoint(with: [f, g, h]), "paused, closed and finished cases are not queued"
        )

        func loads(_ now: String) throws -> [String: [Int]] {
            Dictionary(
                uniqueKeysWithValues: try s.bodyLoads(now: t(now)).map {
                    ($0.body.code, [$0.toHandOver, $0.holding, $0.overdue])
                })
        }
        let friday = try loads("2026-11-20 11:00")
        #expect(friday["TUPHAP"] == [2, 2, 1], "B is past its Friday 10:00 deadline")
        #expect(friday["CONGAN"] == [1, 1, 0])
        #expect(friday["BHXH"] == [0, 0, 0])
        #expect(friday["LANHDAO"] == [0, 0, 0])
        #expect(friday["MOTCUA"] == nil, "the counter is not a body holding cases")
        #expect(friday.count == 9, "every active body but the counter")
        let later = try loads("2026-11-30 09:11")
        #expect(later["TUPHAP"] == [2, 2, 2])
        #expect(later["CONGAN"] == [1, 1, 1])
    }

    // MARK: Attention

    @Test func aCaseNotHandedOverInTimeIsFlagged() throws {
        let db = try Self.withOfficers()
        let s = db.store
        // 1.004222 (7 working days): no apology is due in these days.
        // after the 15:00 cut-off
        let evening = try db.register("Người Chiều", procedure: "1.004222", at: "2026-11-20 15:30").code
        let afternoon = try db.register("Người Trưa", procedure: "1.004222", at: "2026-11-20 14:00").code
        let saturday = try db.register("Người Thứ Bảy", procedure: "1.004222", at: "2026-11-21 09:00").code
        let handed = try db.register("Người Đã Giao", procedure: "1.004222", at: "2026-11-20 08:00").code
        try db.rules.handOver(caseCode: handed, at: t("2026-11-20 08:30"), officer: "tiepnhan")

        func late(_ now: String) throws -> Set<String> {
            try s.attention(now: t(now), calendar: db.calendar).handOverLate
        }
        #expect(try late("2026-11-20 17:00") == [])
        #expect(try late("2026-11-20 17:01") == [afternoon], "received before the cut-off: by the end of the day")
        #expect(try late("2026-11-23 07:30") == [afternoon])
        #expect(
            try late("2026-11-23 07:31") == [afternoon, evening],
            "after the cut-off: by the start of the next working day")
        #expect(try late("2026-11-23 17:00") == [afternoon, evening])
        #expect(
            try late("2026-11-23 17:01") == [afternoon, evening, saturday],
            "on a day off: by the end of the next working day")
        try db.rules.handOver(caseCode: evening, at: t("2026-11-23 08:00"), officer: "tiepnhan")
        #expect(try late("2026-11-23 17:01") == [afternoon, saturday], "handing over clears the flag")
        #expect(try s.attention(now: t("2026-11-23 17:01"), calendar: db.calendar).apologyDue.isEmpty)
    }

    @Test func anApologyIsDueOnceTheLastWorkingDayBeforeTheAppointmentBegins() throws {
        let db = try Self.withOfficers()
        let s = db.store
        // 1.004873: Monday 16/11 09:00 → Thursday 19/11 09:00; the last working day before it, Wednesday 18/11,
        // begins at 07:30.
        let rescheduled = try db.register("Người Hẹn Lại", procedure: "1.004873", at: "2026-11-16 09:00").code
        let resulted = try db.register("Người Có Kết Quả", procedure: "1.004873", at: "2026-11-16 09:00").code
        let handed = try db.register("Người Đang Giải Quyết", procedure: "1.004873", at: "2026-11-16 09:00").code
        // → Fri 20/11 09:00
        let later = try db.register("Người Sau", procedure: "1.004873", at: "2026-11-17 09:00").code
        try db.rules.handOver(caseCode: handed, at: t("2026-11-16 10:00"), officer: "tiepnhan")

        func due(_ now: String) throws -> Set<String> { try s.attention(now: t(now), calendar: db.calendar).apologyDue }
        /// The store's flags agree with `CaseStanding`, the one rule, on each case.
        func agrees(_ now: String) throws -> Bool {
            let flagged = try due(now)
            return try [rescheduled, resulted, handed, later].allSatisfy { code in
                let record = try #require(try s.caseRecord(code: code))
                return CaseStanding.needsApology(CaseStanding.Facts(record), now: t(now), calendar: db.calendar)
                    == flagged.contains(code)
            }
        }
        #expect(try due("2026-11-18 07:29") == [], "Tuesday's evening and Wednesday before opening: not yet")
        #expect(
            try due("2026-11-18 07:30") == [rescheduled, resulted, handed], "Wednesday, the last working day, begins")
        #expect(try due("2026-11-19 07:30") == [rescheduled, resulted, handed, later])
        #expect(
            try due("2026-11-19 10:00") == [rescheduled, resulted, handed, later], "past the appointment, still due")
        #expect(try agrees("2026-11-18 07:29") && agrees("2026-11-18 07:30") && agrees("2026-11-19 10:00"))

        // The leader reschedules one; a result comes back for another (the route not done: the leader records why).
        try db.rules.record(
            .rescheduled(newDue: t("2026-11-24 09:00"), reason: "Chờ xác minh"), caseCode: rescheduled,
            at: t("2026-11-18 10:00"), officer: "lanhdao")
        try db.rules.record(
            .resultReceived(documentNumber: "XN-5", documentDate: d("2026-11-18"), overrideReason: "Xác nhận tại chỗ"),
            caseCode: resulted, at: t("2026-11-18 10:00"), officer: "lanhdao")
        #expect(try due("2026-11-18 10:00") == [handed])
        #expect(try due("2026-11-23 10:00") == [handed, later], "rescheduled once: not again, even near the new date")
        #expect(try agrees("2026-11-18 10:00") && agrees("2026-11-23 10:00"))
        #expect(
            try s.attention(now: t("2026-11-18 10:00"), calendar: db.calendar).handOverLate == [rescheduled, later],
            "the flags are independent: not handed over is still flagged")
    }
}
