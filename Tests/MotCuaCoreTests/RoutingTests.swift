import MotCuaDefaults
import Testing
@testable import MotCuaCore

// Table-driven tests of the inter-linked route (liên thông): the lifecycle's transitions, each body's deadline
// on the shipped 2026 calendar, the counter's hand-over deadline, apologies, restarting after a supplement,
// punctuality, the suggested evaluation scores and who may record what.
//
// The 2026 facts the hand-computed values rely on (Config/holidays.json): New Year off Thu 01/01–Sun 04/01
// (Fri 02/01 swapped, worked back on Sat 10/01); Tết off Sat 14/02–Sun 22/02; Giỗ Tổ on Sun 26/04, so Mon
// 27/04 is off; 30/4 and 1/5 are Thu/Fri. Working hours 07:30–11:30 and 13:00–17:00 (480 min), Mon–Fri,
// same-day cut-off 15:00. Route steps are 1-based in names and comments, 0-based in payloads.

/// The shipped calendar, built once for the whole file.
private let calendar = ShippedConfig.calendarConfig().makeCalendar()

/// One event at `YYYY-MM-DD HH:MM`.
private func ev(_ at: String, _ payload: CaseEventPayload) -> CaseEvent {
    CaseEvent(payload, at: t(at), officer: "tiepnhan")
}

/// The state after a whole history (the first event must be the reception).
private func replay(_ events: [CaseEvent], steps: Int = 2) throws -> CaseState {
    try CaseLifecycle.replay(events, stepCount: steps)
}

/// Building blocks of a two-step route. Step 1 (index 0) and step 2 (index 1).
private enum Route {
    static let handOver1: CaseEventPayload = .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: "PG-01")
    static let acknowledge1: CaseEventPayload = .acknowledged(step: 0, receiptNumber: "PN-01")
    static let done1: CaseEventPayload = .stepDone(step: 0, note: "Đã thẩm định")
    static let handOver2: CaseEventPayload = .handedOver(step: 1, stepDue: t("2026-11-18 09:00"), slipNumber: "PG-02")
    static let acknowledge2: CaseEventPayload = .acknowledged(step: 1, receiptNumber: "PN-02")
    static let done2: CaseEventPayload = .stepDone(step: 1, note: "Lãnh đạo đã ký")
    static let bothStepsDone = [handOver1, acknowledge1, done1, handOver2, acknowledge2, done2]
    static let askSupplement: CaseEventPayload = .supplementRequested(
        items: ["Bản sao trích lục khai sinh"], reason: "Thiếu giấy tờ")
    static let result: CaseEventPayload = .resultReceived(documentNumber: "12/QĐ-UBND", documentDate: nil)
    static let returned: CaseEventPayload = .returned(method: .counter, postalReceipt: nil, applicantToldEarly: false)
    static let evaluated: CaseEventPayload = .evaluated(.satisfaction(.satisfied))

    /// Received Monday 16/11/2026 08:00, 3 working days: due Thursday 19/11 08:00.
    static let reception = ev("2026-11-16 08:00", .received(due: t("2026-11-19 08:00")))

    /// The state after `history`, its i-th event at Monday 16/11 09:00 + 30·i minutes (all before the probe time).
    static func state(after history: [CaseEventPayload]) throws -> CaseState {
        let start = t("2026-11-16 09:00")
        let events = history.enumerated().map { CaseEvent($1, at: start.adding(minutes: 30 * $0), officer: "tiepnhan") }
        return try replay([reception] + events)
    }

    /// Every probe is recorded on Wednesday 18/11 15:00, after any history.
    static func probe(_ payload: CaseEventPayload) -> CaseEvent { ev("2026-11-18 15:00", payload) }
}

@Suite struct RoutingTests {}

// MARK: - 1. Transitions

extension RoutingTests {
    @Suite struct Transitions {
        /// A reachable starting state, built by applying real events, and what each kind of event does to it.
        struct StartingState: Sendable, CustomTestStringConvertible {
            let name: String
            let history: [CaseEventPayload]
            let status: CaseStatus
            /// The route's expectation in that state.
            let next: Routing.NextStep
            /// The step (index) that hand-over, acknowledge and step-done probes aim at.
            let step: Int
            /// The kinds allowed, with the status they lead to; every other kind must throw.
            let allowed: [CaseEventKind: CaseStatus]
            var testDescription: String { name }
        }

        /// One probe per kind: what each kind of event looks like when recorded on Wednesday 18/11 15:00.
        static func probe(_ kind: CaseEventKind, step: Int) -> CaseEventPayload {
            switch kind {
            case .received: .received(due: t("2026-11-26 15:00"))
            case .supplementRequested: Route.askSupplement
            // Restarted deadline, after the probe time.
            case .supplementReceived: .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil)
            case .refused: .refused(reasons: ["Không đủ điều kiện"])
            case .handedOver: .handedOver(step: step, stepDue: t("2026-11-19 15:00"), slipNumber: nil)
            case .acknowledged: .acknowledged(step: step, receiptNumber: nil)
            case .stepDone: .stepDone(step: step, note: "")
            case .resultReceived: Route.result
            // Later than the appointment (Thu 19/11 08:00).
            case .rescheduled: .rescheduled(newDue: t("2026-11-25 17:00"), reason: "Cần xác minh thêm")
            case .returned: Route.returned
            case .evaluated: Route.evaluated
            case .withdrawn: .withdrawn(reason: "Người nộp xin rút")
            case .stopped: .stopped(reason: "Thông báo dừng giải quyết")
            case .cancelled: .cancelled(reason: "Nhập nhầm")
            case .corrected:
                .corrected(field: CorrectableField.note.rawValue, old: "", new: "Ghi chú", reason: "Bổ sung ghi chú")
            case .printed: .printed(document: "receipt", reprint: true)
            }
        }

        static let states: [StartingState] = [
            StartingState(
                name: "received, nothing handed over", history: [], status: .received, next: .handOver(step: 0),
                step: 0,
                allowed: [
                    .supplementRequested: .waitingSupplement, .refused: .resultReady, .handedOver: .inProgress,
                    .resultReceived: .resultReady,  // produced at the counter: nothing was handed over
                    .rescheduled: .received, .withdrawn: .withdrawn, .stopped: .stopped, .cancelled: .cancelled,
                    .corrected: .received, .printed: .received
                ]),
            StartingState(
                name: "in progress, step 1 handed over", history: [Route.handOver1], status: .inProgress,
                next: .acknowledge(step: 0), step: 0,
                // Not allowed: handing step 1 over twice, step done before acknowledged, a result while step 1 is open.
                allowed: [
                    .supplementRequested: .waitingSupplement, .refused: .resultReady, .acknowledged: .inProgress,
                    .rescheduled: .inProgress, .withdrawn: .withdrawn, .stopped: .stopped, .cancelled: .cancelled,
                    .corrected: .inProgress, .printed: .inProgress
                ]),
            StartingState(
                name: "in progress, step 1 acknowledged", history: [Route.handOver1, Route.acknowledge1],
                status: .inProgress,
                next: .finish(step: 0), step: 0,
                // Not allowed: acknowledging twice, a result while step 1 is open.
                allowed: [
                    .supplementRequested: .waitingSupplement, .refused: .resultReady, .stepDone: .inProgress,
                    .rescheduled: .inProgress, .withdrawn: .withdrawn, .stopped: .stopped, .cancelled: .cancelled,
                    .corrected: .inProgress, .printed: .inProgress
                ]),
            StartingState(
                name: "in progress, step 1 done", history: [Route.handOver1, Route.acknowledge1, Route.done1],
                status: .inProgress, next: .handOver(step: 1), step: 1,
                // Not allowed: acknowledging or finishing step 2 before it is handed over, a result before step 2.
                allowed: [
                    .supplementRequested: .waitingSupplement, .refused: .resultReady, .handedOver: .inProgress,
                    .rescheduled: .inProgress, .withdrawn: .withdrawn, .stopped: .stopped, .cancelled: .cancelled,
                    .corrected: .inProgress, .printed: .inProgress
                ]),
            StartingState(
                name: "in progress, both steps done", history: Route.bothStepsDone, status: .inProgress,
                next: .receiveResult, step: 1,
                // Not allowed: step 2 handed over, acknowledged or done a second time.
                allowed: [
                    .supplementRequested: .waitingSupplement, .refused: .resultReady, .resultReceived: .resultReady,
                    .rescheduled: .inProgress, .withdrawn: .withdrawn, .stopped: .stopped, .cancelled: .cancelled,
                    .corrected: .inProgress, .printed: .inProgress
                ]),
            StartingState(
                name: "waiting for a supplement while step 1 is open", history: [Route.handOver1, Route.askSupplement],
                status: .waitingSupplement, next: .none, step: 0,
                // Paused: nothing on the route, no second request, no refusal, no result.
                allowed: [
                    .supplementReceived: .inProgress, .rescheduled: .waitingSupplement, .withdrawn: .withdrawn,
                    .stopped: .stopped, .cancelled: .cancelled, .corrected: .waitingSupplement,
                    .printed: .waitingSupplement
                ]),
            StartingState(
                name: "result ready", history: Route.bothStepsDone + [Route.result], status: .resultReady,
                next: .none, step: 1,
                // No reschedule, stop or refusal once there is a result; evaluation only after the return.
                allowed: [
                    .returned: .returned, .withdrawn: .withdrawn, .cancelled: .cancelled, .corrected: .resultReady,
                    .printed: .resultReady
                ]),
            StartingState(
                name: "returned", history: Route.bothStepsDone + [Route.result, Route.returned], status: .returned,
                next: .none, step: 1,
                allowed: [.evaluated: .returned, .cancelled: .cancelled, .corrected: .returned, .printed: .returned]),
            // Withdrawn before anything was handed over: handing step 1 over would otherwise be allowed.
            StartingState(
                name: "withdrawn", history: [.withdrawn(reason: "Người nộp xin rút")], status: .withdrawn,
                next: .none, step: 0, allowed: [.corrected: .withdrawn, .printed: .withdrawn]),
            // Stopped with step 1 acknowledged: finishing step 1 would otherwise be allowed.
            StartingState(
                name: "stopped", history: [Route.handOver1, Route.acknowledge1, .stopped(reason: "Dừng")],
                status: .stopped,
                next: .none, step: 0, allowed: [.corrected: .stopped, .printed: .stopped]),
            // Cancelled after the return (wrongly entered): evaluating would otherwise be allowed. Not even corrected.
            StartingState(
                name: "cancelled",
                history: Route.bothStepsDone + [Route.result, Route.returned, .cancelled(reason: "Nhập nhầm")],
                status: .cancelled, next: .none, step: 1, allowed: [.printed: .cancelled])
        ]

        @Test(arguments: Transitions.states)
        func startingStateIsWhatItClaims(_ row: StartingState) throws {
            let state = try Route.state(after: row.history)
            #expect(state.status == row.status)
            #expect(Routing.next(state) == row.next)
        }

        @Test(arguments: Transitions.states, CaseEventKind.allCases)
        func transition(_ row: StartingState, _ kind: CaseEventKind) throws {
            let state = try Route.state(after: row.history)
            let payload = Self.probe(kind, step: row.step)
            #expect(payload.kind == kind, "probe table typo")
            if let after = row.allowed[kind] {
                let next = try CaseLifecycle.apply(Route.probe(payload), to: state)
                #expect(next.status == after)
            } else {
                #expect(throws: Refusal.self, "\(kind.rawValue) must be refused when \(row.name)") {
                    try CaseLifecycle.apply(Route.probe(payload), to: state)
                }
            }
        }

        /// A forbidden event with, when there is one, an allowed event on the same state: the refusal is about the
        /// point under test, not a frozen state.
        struct Forbidden: Sendable, CustomTestStringConvertible {
            let name: String
            let history: [CaseEventPayload]
            let event: CaseEventPayload
            let control: CaseEventPayload?
            var testDescription: String { name }
        }

        static let forbidden: [Forbidden] = [
            Forbidden(
                name: "a second reschedule",
                history: [Route.handOver1, .rescheduled(newDue: t("2026-11-25 17:00"), reason: "Lần một")],
                event: .rescheduled(newDue: t("2026-11-27 17:00"), reason: "Lần hai"), control: Route.acknowledge1),
            Forbidden(
                name: "a second reschedule while waiting for a supplement",
                history: [
                    Route.handOver1, .rescheduled(newDue: t("2026-11-25 17:00"), reason: "Lần một"), Route.askSupplement
                ],
                event: .rescheduled(newDue: t("2026-11-27 17:00"), reason: "Lần hai"),
                control: .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil)),
            Forbidden(
                name: "rescheduling to the current appointment", history: [Route.handOver1],
                event: .rescheduled(newDue: t("2026-11-19 08:00"), reason: "Hẹn lại"),
                control: .rescheduled(newDue: t("2026-11-19 08:01"), reason: "Hẹn lại")),
            Forbidden(
                name: "rescheduling to an earlier date", history: [Route.handOver1],
                event: .rescheduled(newDue: t("2026-11-18 17:00"), reason: "Hẹn lại"),
                control: .rescheduled(newDue: t("2026-11-19 08:01"), reason: "Hẹn lại")),
            // After the restart the appointment is Tue 24/11 09:00: the new date is compared with that, not the old one.
            Forbidden(
                name: "rescheduling to the restarted appointment after a supplement",
                history: [
                    Route.handOver1, Route.askSupplement,
                    .supplementReceived(newDue: t("2026-11-24 09:00"), stepDue: nil)
                ],
                event: .rescheduled(newDue: t("2026-11-24 09:00"), reason: "Hẹn lại"),
                control: .rescheduled(newDue: t("2026-11-24 09:01"), reason: "Hẹn lại")),
            Forbidden(
                name: "returning a case with no result, route finished", history: Route.bothStepsDone,
                event: Route.returned, control: Route.result),
            Forbidden(
                name: "returning a case with no result, nothing handed over", history: [],
                event: Route.returned, control: Route.result),
            Forbidden(
                name: "acknowledging a step twice", history: [Route.handOver1, Route.acknowledge1],
                event: Route.acknowledge1, control: Route.done1),
            Forbidden(
                name: "acknowledging a step not handed over",
                history: [Route.handOver1, Route.acknowledge1, Route.done1],
                event: Route.acknowledge2, control: Route.handOver2),
            Forbidden(
                name: "handing over step 2 before step 1 is acknowledged", history: [Route.handOver1],
                event: Route.handOver2, control: Route.acknowledge1),
            Forbidden(
                name: "handing over step 2 before step 1 is done", history: [Route.handOver1, Route.acknowledge1],
                event: Route.handOver2, control: Route.done1),
            Forbidden(
                name: "handing over step 2 before step 1 is handed over", history: [],
                event: Route.handOver2, control: Route.handOver1),
            Forbidden(
                name: "handing over a step twice", history: [Route.handOver1],
                event: Route.handOver1, control: Route.acknowledge1),
            Forbidden(
                name: "handing over a step the route does not have", history: [],
                event: .handedOver(step: 2, stepDue: t("2026-11-19 15:00"), slipNumber: nil), control: Route.handOver1),
            Forbidden(
                name: "step done before acknowledged", history: [Route.handOver1],
                event: Route.done1, control: Route.acknowledge1),
            Forbidden(
                name: "step done twice", history: [Route.handOver1, Route.acknowledge1, Route.done1],
                event: Route.done1, control: Route.handOver2),
            Forbidden(
                name: "evaluation before the return", history: Route.bothStepsDone + [Route.result],
                event: Route.evaluated, control: Route.returned),
            Forbidden(
                name: "evaluation twice",
                history: Route.bothStepsDone + [Route.result, Route.returned, Route.evaluated],
                event: .evaluated(.indices(["attitude": 2])), control: .printed(document: "receipt", reprint: true)),
            Forbidden(
                name: "result while step 1 is handed over", history: [Route.handOver1],
                event: Route.result, control: Route.acknowledge1),
            Forbidden(
                name: "result while step 1 is acknowledged", history: [Route.handOver1, Route.acknowledge1],
                event: Route.result, control: Route.done1),
            Forbidden(
                name: "result while step 2 is open",
                history: [Route.handOver1, Route.acknowledge1, Route.done1, Route.handOver2, Route.acknowledge2],
                event: Route.result, control: Route.done2),
            Forbidden(
                name: "result before step 2 is handed over",
                history: [Route.handOver1, Route.acknowledge1, Route.done1],
                event: Route.result, control: Route.handOver2),
            Forbidden(
                name: "supplement received when not waiting, in progress", history: [Route.handOver1],
                event: .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil), control: Route.askSupplement),
            Forbidden(
                name: "supplement received when not waiting, received", history: [],
                event: .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil), control: Route.askSupplement),
            Forbidden(
                name: "supplement received twice",
                history: [
                    Route.handOver1, Route.askSupplement,
                    .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil)
                ],
                event: .supplementReceived(newDue: t("2026-11-24 15:00"), stepDue: nil), control: Route.askSupplement),
            // Probes are at Wed 18/11 15:00: the new deadline must be strictly after it.
            Forbidden(
                name: "supplement received with a new due not after it",
                history: [Route.handOver1, Route.askSupplement],
                event: .supplementReceived(newDue: t("2026-11-18 15:00"), stepDue: nil),
                control: .supplementReceived(newDue: t("2026-11-18 15:01"), stepDue: nil)),
            Forbidden(
                name: "asking for a supplement twice without an answer",
                history: [Route.handOver1, Route.askSupplement],
                event: Route.askSupplement, control: .supplementReceived(newDue: t("2026-11-23 15:00"), stepDue: nil)),
            Forbidden(
                name: "a second reception", history: [], event: .received(due: t("2026-11-19 08:00")),
                control: Route.handOver1)
        ]

        @Test(arguments: Transitions.forbidden)
        func forbiddenTransition(_ row: Forbidden) throws {
            let state = try Route.state(after: row.history)
            #expect(throws: Refusal.self) { try CaseLifecycle.apply(Route.probe(row.event), to: state) }
            if let control = row.control {
                _ = try CaseLifecycle.apply(Route.probe(control), to: state)
            }
        }

        @Test func historyMustStartWithAReception() {
            #expect(throws: Refusal.self) { try replay([]) }
            #expect(throws: Refusal.self) { try replay([ev("2026-11-16 09:00", Route.handOver1)]) }
            #expect(throws: Refusal.self, "one forbidden event spoils the replay") {
                try replay([Route.reception, ev("2026-11-16 09:00", Route.done1)])
            }
        }
    }
}

// MARK: - 2. Each body's deadline across holidays

extension RoutingTests {
    @Suite struct StepDeadlines {
        struct Row: Sendable, CustomTestStringConvertible {
            let note: String
            let handedOver: String
            let budget: TimeLimit
            let due: String
            var testDescription: String { "\(note): \(handedOver) + \(budget) → \(due)" }
        }

        @Test(arguments: [
            // Thu 19/11 10:00 is in session; day 1 = Fri 20/11, clock time kept.
            Row(
                note: "1 working day, Thursday to Friday", handedOver: "2026-11-19 10:00", budget: .workingDays(1),
                due: "2026-11-20 10:00"),
            // Day 1 after Fri 20/11 skips Sat 21 and Sun 22: Mon 23/11.
            Row(
                note: "1 working day over the weekend", handedOver: "2026-11-20 10:00", budget: .workingDays(1),
                due: "2026-11-23 10:00"),
            // Sat 14/02–Sun 22/02 off for Tết: day 1 = Mon 23/02.
            Row(
                note: "1 working day over Tết", handedOver: "2026-02-13 09:00", budget: .workingDays(1),
                due: "2026-02-23 09:00"),
            // Day 1 = Fri 13/02, Tết skipped, day 2 = Mon 23/02.
            Row(
                note: "2 working days over Tết", handedOver: "2026-02-12 14:00", budget: .workingDays(2),
                due: "2026-02-23 14:00"),
            // Handed over on Wed 18/02 (Tết): counts from Mon 23/02 07:30; day 1 = Tue 24/02.
            Row(
                note: "handed over during Tết", handedOver: "2026-02-18 10:00", budget: .workingDays(1),
                due: "2026-02-24 07:30"),
            // 15:00–17:00 Friday is 2 h; Mon 07:30 + 3 h = 10:30.
            Row(
                note: "5 working hours from Friday 15:00", handedOver: "2026-11-20 15:00", budget: .workingHours(5),
                due: "2026-11-23 10:30"),
            // 15:00–17:00 Fri 13/02 is 2 h; Tết; Mon 23/02 07:30 + 2 h = 09:30.
            Row(
                note: "4 working hours over Tết", handedOver: "2026-02-13 15:00", budget: .workingHours(4),
                due: "2026-02-23 09:30"),
            // After 17:00 Thursday: counts from Fri 20/11 07:30; day 1 = Mon 23/11, 07:30 kept.
            Row(
                note: "handed over after 17:00 counts from the next session", handedOver: "2026-11-19 17:30",
                budget: .workingDays(1),
                due: "2026-11-23 07:30"),
            // 17:00 is already after hours: counts from Mon 07:30; 4 h end at the morning session's end, 11:30 (not 13:00).
            Row(
                note: "handed over at 17:00 on Friday, hours", handedOver: "2026-11-20 17:00", budget: .workingHours(4),
                due: "2026-11-23 11:30"),
            // Lunch break: counts from 13:00; + 2 h = 15:00.
            Row(
                note: "handed over in the lunch break", handedOver: "2026-11-16 12:00", budget: .workingHours(2),
                due: "2026-11-16 15:00"),
            // 11:00–11:30 (0.5 h) + 13:00–17:00 (4 h) = 4.5 h Monday; Tue 07:30 + 3.5 h = 11:00.
            Row(
                note: "8 working hours over lunch and the night", handedOver: "2026-11-16 11:00",
                budget: .workingHours(8), due: "2026-11-17 11:00"),
            // Before opening: counts from 07:30; + 4 h = 11:30.
            Row(
                note: "handed over before opening", handedOver: "2026-11-16 07:00", budget: .workingHours(4),
                due: "2026-11-16 11:30"),
            // Day 1 after Fri 09/01 is the make-up Sat 10/01.
            Row(
                note: "make-up Saturday is a working day of the count", handedOver: "2026-01-09 10:00",
                budget: .workingDays(1),
                due: "2026-01-10 10:00"),
            // Handed over on the make-up Sat 10/01 in session: counts from 08:00 that day; day 1 = Mon 12/01.
            Row(
                note: "handed over on the make-up Saturday counts that day", handedOver: "2026-01-10 08:00",
                budget: .workingDays(1),
                due: "2026-01-12 08:00"),
            // An ordinary Saturday (17/01) is a rest day: counts from Mon 19/01 07:30; day 1 = Tue 20/01.
            Row(
                note: "an ordinary Saturday counts from Monday", handedOver: "2026-01-17 08:00",
                budget: .workingDays(1), due: "2026-01-20 07:30"),
            // 15:00–17:00 on the make-up Saturday is 2 h; Mon 12/01 07:30 + 2 h = 09:30.
            Row(
                note: "working hours on the make-up Saturday", handedOver: "2026-01-10 15:00", budget: .workingHours(4),
                due: "2026-01-12 09:30"),
            // Before the 15:00 cut-off on a working day (the make-up Saturday is one): that day's end.
            Row(
                note: "same day on the make-up Saturday", handedOver: "2026-01-10 10:00", budget: .sameDay,
                due: "2026-01-10 17:00"),
            // Fri 02/01 is off (swapped): counts from Mon 05/01 07:30; day 1 = Tue 06/01.
            Row(
                note: "handed over on the swapped New Year Friday", handedOver: "2026-01-02 09:00",
                budget: .workingDays(1), due: "2026-01-06 07:30"),
            // Thu 01/01 holiday, Fri 02/01 swapped, Sat 03 and Sun 04: day 1 = Mon 05/01.
            Row(
                note: "from the last day of 2025 over New Year", handedOver: "2025-12-31 10:00",
                budget: .workingDays(1), due: "2026-01-05 10:00"),
            // Sat 25, Sun 26 (Giỗ Tổ) and its compensatory Mon 27/04: day 1 = Tue 28/04.
            Row(
                note: "Giỗ Tổ's compensatory Monday skipped", handedOver: "2026-04-24 14:00", budget: .workingDays(1),
                due: "2026-04-28 14:00"),
            // Thu 30/4, Fri 1/5, Sat, Sun: day 1 = Mon 04/05.
            Row(
                note: "30/4 and 1/5 skipped", handedOver: "2026-04-29 10:00", budget: .workingDays(1),
                due: "2026-05-04 10:00"),
            // 13:00–17:00 Wed 29/04 is 4 h; Mon 04/05 07:30 + 2 h = 09:30.
            Row(
                note: "working hours over 30/4 and 1/5", handedOver: "2026-04-29 13:00", budget: .workingHours(6),
                due: "2026-05-04 09:30"),
            // Before the cut-off: that day's end.
            Row(
                note: "same day before the cut-off", handedOver: "2026-11-19 10:00", budget: .sameDay,
                due: "2026-11-19 17:00"),
            // At the cut-off itself on the Friday before Tết: still that day; a minute after it, the end of
            // the next working day, Mon 23/02.
            Row(
                note: "same day at the cut-off before Tết", handedOver: "2026-02-13 15:00", budget: .sameDay,
                due: "2026-02-13 17:00"),
            Row(
                note: "same day after the cut-off before Tết", handedOver: "2026-02-13 15:01", budget: .sameDay,
                due: "2026-02-23 17:00"),
            // Mon 09/02 + 5 days = Sat 14/02 (Tết) → first working day Mon 23/02, end of day.
            Row(
                note: "calendar days ending in Tết", handedOver: "2026-02-09 10:00", budget: .calendarDays(5),
                due: "2026-02-23 17:00")
        ])
        func stepDue(_ row: Row) {
            #expect(
                Routing.stepDue(budget: row.budget, handedOverAt: t(row.handedOver), calendar: calendar) == t(row.due))
        }

        /// One step of a three-step route across Tết: its budget, when it is handed over and finished, and the
        /// hand-computed deadline.
        struct RouteStep {
            let budget: TimeLimit
            let handedOver: String
            let due: String
            let acknowledged: String
            let done: String
            let punctuality: Punctuality
        }

        @Test func eachStepOfARouteAcrossTet() throws {
            // Received Thu 12/02 08:00, 3 working days: Fri 13/02, Tết, Mon 23/02, Tue 24/02 → Tue 24/02 08:00.
            let legalDue = calendar.due(DueRule(limit: .workingDays(3)), receivedAt: t("2026-02-12 08:00"))
            #expect(legalDue == t("2026-02-24 08:00"))
            let route = [
                // Thu 12/02 09:00 + 1 working day = Fri 13/02 09:00; done 08:45 that day: on time.
                RouteStep(
                    budget: .workingDays(1), handedOver: "2026-02-12 09:00", due: "2026-02-13 09:00",
                    acknowledged: "2026-02-12 09:30", done: "2026-02-13 08:45", punctuality: .onTime),
                // Fri 13/02 10:00 + 1 working day over Tết = Mon 23/02 10:00; done at 16:00 that day: after the
                // due time, late (the due day alone does not make it on time).
                RouteStep(
                    budget: .workingDays(1), handedOver: "2026-02-13 10:00", due: "2026-02-23 10:00",
                    acknowledged: "2026-02-13 10:30", done: "2026-02-23 16:00", punctuality: .late),
                // Mon 23/02 16:00 + 4 h: 1 h Monday, Tue 07:30 + 3 h = 10:30; done Wednesday: late.
                RouteStep(
                    budget: .workingHours(4), handedOver: "2026-02-23 16:00", due: "2026-02-24 10:30",
                    acknowledged: "2026-02-23 16:10", done: "2026-02-25 08:00", punctuality: .late)
            ]
            var state = try replay([ev("2026-02-12 08:00", .received(due: legalDue))], steps: route.count)
            for (i, step) in route.enumerated() {
                #expect(Routing.next(state) == .handOver(step: i))
                let due = Routing.stepDue(budget: step.budget, handedOverAt: t(step.handedOver), calendar: calendar)
                #expect(due == t(step.due), "step \(i + 1)")
                state = try CaseLifecycle.apply(
                    ev(step.handedOver, .handedOver(step: i, stepDue: due, slipNumber: nil)), to: state)
                #expect(state.currentStep == i)
                state = try CaseLifecycle.apply(
                    ev(step.acknowledged, .acknowledged(step: i, receiptNumber: nil)), to: state)
                #expect(Routing.next(state) == .finish(step: i))
                state = try CaseLifecycle.apply(ev(step.done, .stepDone(step: i, note: "")), to: state)
            }
            #expect(Routing.next(state) == .receiveResult)
            #expect(state.currentStep == nil)
            #expect(state.steps.map(\.stepDue) == route.map { t($0.due) })
            #expect(state.steps.map(\.punctuality) == route.map(\.punctuality))
            state = try CaseLifecycle.apply(ev("2026-02-25 09:00", Route.result), to: state)
            #expect(state.punctuality == .late, "result on Wed 25/02, legal due Tue 24/02")
        }
    }
}

// MARK: - 3. The counter's hand-over deadline

extension RoutingTests {
    @Suite struct HandOver {
        struct Row: Sendable, CustomTestStringConvertible {
            let note: String
            let received: String
            let deadline: String
            var testDescription: String { "\(note): \(received) → \(deadline)" }
        }

        @Test(arguments: [
            Row(
                note: "before the cut-off: end of that day", received: "2026-11-20 14:59", deadline: "2026-11-20 17:00"),
            Row(
                note: "at the cut-off itself: end of that day", received: "2026-11-20 15:00",
                deadline: "2026-11-20 17:00"),
            Row(
                note: "a minute after the cut-off: start of the next working day", received: "2026-11-20 15:01",
                deadline: "2026-11-23 07:30"),
            Row(note: "after the cut-off on Friday", received: "2026-11-20 15:30", deadline: "2026-11-23 07:30"),
            Row(note: "after hours on Thursday", received: "2026-11-19 18:00", deadline: "2026-11-20 07:30"),
            Row(note: "before opening", received: "2026-11-16 06:30", deadline: "2026-11-16 17:00"),
            Row(note: "lunch break", received: "2026-11-16 12:00", deadline: "2026-11-16 17:00"),
            Row(
                note: "Saturday: end of the next working day", received: "2026-11-21 09:00",
                deadline: "2026-11-23 17:00"),
            Row(note: "Sunday evening", received: "2026-11-22 20:00", deadline: "2026-11-23 17:00"),
            Row(note: "Friday morning before Tết", received: "2026-02-13 10:00", deadline: "2026-02-13 17:00"),
            Row(
                note: "Friday after the cut-off before Tết", received: "2026-02-13 15:10", deadline: "2026-02-23 07:30"),
            Row(note: "during Tết", received: "2026-02-18 09:00", deadline: "2026-02-23 17:00"),
            Row(note: "make-up Saturday is a working day", received: "2026-01-10 10:00", deadline: "2026-01-10 17:00"),
            Row(note: "make-up Saturday after the cut-off", received: "2026-01-10 15:30", deadline: "2026-01-12 07:30"),
            Row(
                note: "Friday after the cut-off before the make-up Saturday", received: "2026-01-09 16:00",
                deadline: "2026-01-10 07:30"),
            // Thu 01/01 holiday; Fri 02/01 swapped off; the weekend: Mon 05/01.
            Row(note: "New Year's Day", received: "2026-01-01 09:00", deadline: "2026-01-05 17:00"),
            // Sun 26/04 Giỗ Tổ, Mon 27/04 compensatory: Tue 28/04.
            Row(note: "Giỗ Tổ Sunday", received: "2026-04-26 09:00", deadline: "2026-04-28 17:00"),
            Row(
                note: "Friday after the cut-off before Giỗ Tổ", received: "2026-04-24 15:10",
                deadline: "2026-04-28 07:30"),
            Row(
                note: "Wednesday after the cut-off before 30/4–1/5", received: "2026-04-29 16:00",
                deadline: "2026-05-04 07:30")
        ])
        func deadlineAndLateness(_ row: Row) {
            let deadline = Routing.handOverDeadline(receivedAt: t(row.received), calendar: calendar)
            #expect(deadline == t(row.deadline))
            let received = t(row.received)
            #expect(!Routing.isHandOverLate(receivedAt: received, now: received, calendar: calendar))
            #expect(
                !Routing.isHandOverLate(receivedAt: received, now: t(row.deadline), calendar: calendar),
                "at the deadline minute")
            #expect(
                Routing.isHandOverLate(
                    receivedAt: received, now: t(row.deadline).adding(minutes: 1), calendar: calendar),
                "one minute after the deadline")
        }
    }
}

// MARK: - 4. Apologies

extension RoutingTests {
    @Suite struct Apology {
        /// Received Tue 17/11 09:00 with 6 calendar days: Mon 23/11 17:00 (the appointment).
        static let received: [CaseEvent] = [ev("2026-11-17 09:00", .received(due: t("2026-11-23 17:00")))]
        static let handedOver: [CaseEvent] =
            received + [
                ev("2026-11-17 09:30", .handedOver(step: 0, stepDue: t("2026-11-19 09:30"), slipNumber: nil))
            ]

        @Test func appointmentIsSixCalendarDays() {
            #expect(
                calendar.due(DueRule(limit: .calendarDays(6)), receivedAt: t("2026-11-17 09:00"))
                    == t("2026-11-23 17:00"))
        }

        struct TimeRow: Sendable, CustomTestStringConvertible {
            let now: String
            let why: String
            let needed: Bool
            var testDescription: String { "\(now) (\(why)) → \(needed)" }
        }

        // The last working day before Mon 23/11 is Fri 20/11: the flag is raised when it begins (07:30).
        @Test(arguments: [
            TimeRow(now: "2026-11-17 09:00", why: "the moment of reception", needed: false),
            TimeRow(now: "2026-11-19 17:00", why: "Thursday evening: Friday has not begun", needed: false),
            TimeRow(now: "2026-11-20 07:29", why: "Friday before opening", needed: false),
            TimeRow(
                now: "2026-11-20 07:30", why: "Friday, the last working day before the appointment, begins",
                needed: true),
            TimeRow(now: "2026-11-20 16:59", why: "Friday afternoon", needed: true),
            TimeRow(now: "2026-11-21 10:00", why: "Saturday", needed: true),
            TimeRow(now: "2026-11-23 07:00", why: "Monday before opening", needed: true),
            TimeRow(now: "2026-11-23 16:59", why: "1 minute left", needed: true),
            TimeRow(now: "2026-11-23 17:00", why: "at the appointment", needed: true),
            TimeRow(now: "2026-11-24 09:00", why: "past the appointment", needed: true)
        ])
        func byWorkingTimeLeft(_ row: TimeRow) throws {
            let state = try replay(Self.handedOver)
            #expect(Apology.needed(state, now: row.now) == row.needed)
        }

        static func needed(_ state: CaseState, now: String) -> Bool {
            let facts = CaseStanding.Facts(
                status: state.status, receivedAt: t("2026-11-17 09:00"), appointment: state.appointment,
                rescheduled: state.rescheduleCount > 0, hasResult: state.resultAt != nil)
            return CaseStanding.needsApology(facts, now: t(now), calendar: calendar)
        }

        struct StateRow: Sendable, CustomTestStringConvertible {
            let name: String
            let events: [CaseEvent]
            let needed: Bool
            var testDescription: String { name }
        }

        // All judged on Mon 23/11 07:30, the appointment's day.
        @Test(arguments: [
            StateRow(name: "received, nothing handed over", events: Apology.received, needed: true),
            StateRow(name: "in progress", events: Apology.handedOver, needed: true),
            StateRow(
                name: "in progress, step done, route finished",
                events: Apology.handedOver + [
                    ev("2026-11-17 10:00", .acknowledged(step: 0, receiptNumber: nil)),
                    ev("2026-11-18 10:00", .stepDone(step: 0, note: ""))
                ], needed: true),
            // Moved one minute later, out of working hours: still one working day left, but an apology is allowed once.
            StateRow(
                name: "already rescheduled",
                events: Apology.handedOver + [
                    ev("2026-11-20 16:00", .rescheduled(newDue: t("2026-11-23 17:01"), reason: "Xin lỗi", late: true))
                ], needed: false),
            StateRow(
                name: "result recorded",
                events: Apology.handedOver + [
                    ev("2026-11-17 10:00", .acknowledged(step: 0, receiptNumber: nil)),
                    ev("2026-11-18 10:00", .stepDone(step: 0, note: "")),
                    ev("2026-11-18 11:00", Route.result)
                ], needed: false),
            StateRow(
                name: "refused",
                events: Apology.handedOver + [ev("2026-11-18 11:00", .refused(reasons: ["Không đủ điều kiện"]))],
                needed: false),
            StateRow(
                name: "paused, waiting for a supplement",
                events: Apology.handedOver + [ev("2026-11-18 11:00", Route.askSupplement)], needed: false),
            StateRow(
                name: "returned",
                events: Apology.handedOver + [
                    ev("2026-11-17 10:00", .acknowledged(step: 0, receiptNumber: nil)),
                    ev("2026-11-18 10:00", .stepDone(step: 0, note: "")),
                    ev("2026-11-18 11:00", Route.result), ev("2026-11-18 14:00", Route.returned)
                ], needed: false),
            StateRow(
                name: "withdrawn", events: Apology.handedOver + [ev("2026-11-18 11:00", .withdrawn(reason: "Xin rút"))],
                needed: false),
            StateRow(
                name: "stopped", events: Apology.handedOver + [ev("2026-11-18 11:00", .stopped(reason: "Dừng"))],
                needed: false),
            StateRow(
                name: "cancelled",
                events: Apology.handedOver + [ev("2026-11-18 11:00", .cancelled(reason: "Nhập nhầm"))], needed: false)
        ])
        func byState(_ row: StateRow) throws {
            let state = try replay(row.events, steps: 1)
            #expect(Apology.needed(state, now: "2026-11-23 07:30") == row.needed)
        }
    }
}

// MARK: - 5. Restarting after a supplement

extension RoutingTests {
    @Suite struct Resume {
        /// Received Mon 16/11 10:00 with 3 working days (due Thu 19/11 10:00); step 1 handed over at once with
        /// 2 working days (due Wed 18/11 10:00).
        static let caseRule = DueRule(limit: .workingDays(3))
        static let stepBudget = TimeLimit.workingDays(2)

        static func history(rescheduleTo: String?, rescheduleWhilePaused: Bool) -> [CaseEvent] {
            let legalDue = calendar.due(caseRule, receivedAt: t("2026-11-16 10:00"))
            let stepDue = Routing.stepDue(budget: stepBudget, handedOverAt: t("2026-11-16 10:00"), calendar: calendar)
            var events = [
                ev("2026-11-16 10:00", .received(due: legalDue)),
                ev("2026-11-16 10:00", .handedOver(step: 0, stepDue: stepDue, slipNumber: nil)),
                ev("2026-11-16 10:30", .acknowledged(step: 0, receiptNumber: nil))
            ]
            let reschedule = rescheduleTo.map {
                ev(
                    rescheduleWhilePaused ? "2026-11-18 09:00" : "2026-11-17 09:00",
                    .rescheduled(newDue: t($0), reason: "Cần xác minh"))
            }
            if let reschedule, !rescheduleWhilePaused { events.append(reschedule) }
            // Paused Tue 17/11 10:00: one working day of the case and of the step used.
            events.append(ev("2026-11-17 10:00", Route.askSupplement))
            if let reschedule, rescheduleWhilePaused { events.append(reschedule) }
            return events
        }

        @Test func originalDeadlines() {
            #expect(calendar.due(Self.caseRule, receivedAt: t("2026-11-16 10:00")) == t("2026-11-19 10:00"))
            #expect(
                Routing.stepDue(budget: Self.stepBudget, handedOverAt: t("2026-11-16 10:00"), calendar: calendar)
                    == t("2026-11-18 10:00"))
        }

        struct Row: Sendable, CustomTestStringConvertible {
            let note: String
            let policy: ResumePolicy
            let rescheduleTo: String?
            var rescheduleWhilePaused = false
            let caseDue: String
            let stepDue: String
            let appointment: String
            var testDescription: String { note }
        }

        // Resumed Mon 23/11 09:00.
        // Restart: 3 working days from Mon 09:00 → Thu 26/11 09:00; step 2 working days → Wed 25/11 09:00.
        // Shift: left at the pause, case Tue 10:00 → Thu 10:00 = 330 + 480 + 150 = 960 min, from Mon 09:00: Mon 390,
        //   Tue 480, Wed 07:30 + 90 = 09:00 → Wed 25/11 09:00; step Tue 10:00 → Wed 10:00 = 480 min → Tue 24/11 09:00.
        @Test(arguments: [
            Row(
                note: "restart from zero", policy: .restartFromZero, rescheduleTo: nil,
                caseDue: "2026-11-26 09:00", stepDue: "2026-11-25 09:00", appointment: "2026-11-26 09:00"),
            Row(
                note: "shift by the paused time", policy: .shiftByPausedTime, rescheduleTo: nil,
                caseDue: "2026-11-25 09:00", stepDue: "2026-11-24 09:00", appointment: "2026-11-25 09:00"),
            Row(
                note: "restart, apology date later than the restarted deadline kept", policy: .restartFromZero,
                rescheduleTo: "2026-11-27 17:00",
                caseDue: "2026-11-26 09:00", stepDue: "2026-11-25 09:00", appointment: "2026-11-27 17:00"),
            Row(
                note: "restart, apology date earlier than the restarted deadline", policy: .restartFromZero,
                rescheduleTo: "2026-11-20 17:00",
                caseDue: "2026-11-26 09:00", stepDue: "2026-11-25 09:00", appointment: "2026-11-26 09:00"),
            Row(
                note: "shift, apology while paused later than the shifted deadline kept", policy: .shiftByPausedTime,
                rescheduleTo: "2026-11-27 17:00",
                rescheduleWhilePaused: true, caseDue: "2026-11-25 09:00", stepDue: "2026-11-24 09:00",
                appointment: "2026-11-27 17:00"),
            Row(
                note: "shift, apology while paused earlier than the shifted deadline", policy: .shiftByPausedTime,
                rescheduleTo: "2026-11-24 17:00", rescheduleWhilePaused: true,
                caseDue: "2026-11-25 09:00", stepDue: "2026-11-24 09:00", appointment: "2026-11-25 09:00")
        ])
        func resumeAndApply(_ row: Row) throws {
            let paused = try replay(
                Self.history(rescheduleTo: row.rescheduleTo, rescheduleWhilePaused: row.rescheduleWhilePaused), steps: 2
            )
            #expect(paused.status == .waitingSupplement)
            #expect(paused.pausedAt == t("2026-11-17 10:00"))
            #expect(paused.currentStep == 0)
            let resumedAt = t("2026-11-23 09:00")
            let due = Routing.resume(
                paused, caseRule: Self.caseRule, stepBudget: Self.stepBudget, resumedAt: resumedAt,
                policy: row.policy, calendar: calendar)
            #expect(due.caseDue == t(row.caseDue))
            #expect(due.stepDue == t(row.stepDue))

            let state = try CaseLifecycle.apply(
                CaseEvent(
                    .supplementReceived(newDue: due.caseDue, stepDue: due.stepDue), at: resumedAt,
                    officer: "tiepnhan"), to: paused)
            #expect(state.status == .inProgress)
            #expect(state.pausedAt == nil)
            #expect(
                state.legalDue == t(row.caseDue), "statistics judge against the restarted deadline, never the apology")
            #expect(state.appointment == t(row.appointment))
            #expect(state.steps[0].stepDue == t(row.stepDue))
            #expect(state.steps[1].stepDue == nil, "step 2 is not handed over yet")
            #expect(state.supplementRounds == 1)
            #expect(state.rescheduleCount == (row.rescheduleTo == nil ? 0 : 1))
            #expect(Routing.next(state) == .finish(step: 0))
        }

        @Test func nothingHandedOverGoesBackToTheCounter() throws {
            let paused = try replay([
                ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00"))),
                ev("2026-11-17 10:00", Route.askSupplement)
            ])
            let due = Routing.resume(
                paused, caseRule: Self.caseRule, stepBudget: Self.stepBudget, resumedAt: t("2026-11-23 09:00"),
                policy: .restartFromZero, calendar: calendar)
            #expect(due.caseDue == t("2026-11-26 09:00"))
            #expect(due.stepDue == nil, "no step has the dossier")
            let state = try CaseLifecycle.apply(
                ev("2026-11-23 09:00", .supplementReceived(newDue: due.caseDue, stepDue: due.stepDue)), to: paused)
            #expect(state.status == .received)
            #expect(Routing.next(state) == .handOver(step: 0))
        }

        @Test func pausedBetweenStepsRestartsOnlyTheCase() throws {
            let paused = try replay([
                ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00"))),
                ev("2026-11-16 10:00", .handedOver(step: 0, stepDue: t("2026-11-17 10:00"), slipNumber: nil)),
                ev("2026-11-16 10:30", .acknowledged(step: 0, receiptNumber: nil)),
                ev("2026-11-17 09:00", .stepDone(step: 0, note: "")),
                ev("2026-11-17 10:00", Route.askSupplement)
            ])
            #expect(paused.currentStep == nil)
            let due = Routing.resume(
                paused, caseRule: Self.caseRule, stepBudget: Self.stepBudget, resumedAt: t("2026-11-23 09:00"),
                policy: .restartFromZero, calendar: calendar)
            #expect(due.caseDue == t("2026-11-26 09:00"))
            #expect(due.stepDue == nil)
            // Even if a step due is given, a finished step keeps its own.
            let state = try CaseLifecycle.apply(
                ev("2026-11-23 09:00", .supplementReceived(newDue: due.caseDue, stepDue: t("2026-11-25 09:00"))),
                to: paused)
            #expect(state.status == .inProgress)
            #expect(state.steps.map(\.stepDue) == [t("2026-11-17 10:00"), nil])
            #expect(state.steps[0].punctuality == .onTime)
        }

        @Test func secondRoundIsCounted() throws {
            var state = try replay(Self.history(rescheduleTo: nil, rescheduleWhilePaused: false))
            state = try CaseLifecycle.apply(
                ev("2026-11-23 09:00", .supplementReceived(newDue: t("2026-11-26 09:00"), stepDue: nil)), to: state)
            #expect(state.steps[0].stepDue == t("2026-11-18 10:00"), "no new step due given: the old one stays")
            state = try CaseLifecycle.apply(ev("2026-11-24 09:00", Route.askSupplement), to: state)
            #expect(state.supplementRounds == 2)
            #expect(state.pausedAt == t("2026-11-24 09:00"))
        }
    }
}

// MARK: - 6. Punctuality: the day, and the hour on the due day

extension RoutingTests {
    @Suite struct PunctualityByDates {
        struct StepRow: Sendable, CustomTestStringConvertible {
            let done: String
            let expected: Punctuality
            var testDescription: String { "step due Wed 18/11 10:00, done \(done) → \(expected)" }
        }

        @Test(arguments: [
            StepRow(done: "2026-11-17 17:00", expected: .early),
            StepRow(done: "2026-11-18 07:30", expected: .onTime),
            StepRow(done: "2026-11-18 10:00", expected: .onTime),  // at the due time
            StepRow(done: "2026-11-18 16:59", expected: .late),  // the due date, but after the due time
            StepRow(done: "2026-11-19 07:00", expected: .late)
        ])
        func step(_ row: StepRow) throws {
            let state = try replay(
                [
                    ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00"))),
                    ev("2026-11-16 10:00", .handedOver(step: 0, stepDue: t("2026-11-18 10:00"), slipNumber: nil)),
                    ev("2026-11-16 10:30", .acknowledged(step: 0, receiptNumber: nil)),
                    ev(row.done, .stepDone(step: 0, note: ""))
                ], steps: 1)
            #expect(state.steps[0].punctuality == row.expected)
        }

        struct ResultRow: Sendable, CustomTestStringConvertible {
            let note: String
            let rescheduleTo: String?
            let result: String
            let returned: String?
            let punctuality: Punctuality
            let returnPunctuality: Punctuality?
            var testDescription: String { note }
        }

        // Legal due Thu 19/11 10:00 (a case with no route, its result produced at the counter).
        @Test(arguments: [
            ResultRow(
                note: "result the day before", rescheduleTo: nil, result: "2026-11-18 16:00", returned: nil,
                punctuality: .early, returnPunctuality: nil),
            ResultRow(
                note: "result on the due date before the hour", rescheduleTo: nil, result: "2026-11-19 09:30",
                returned: nil, punctuality: .onTime, returnPunctuality: nil),
            ResultRow(
                note: "result on the due date after the hour", rescheduleTo: nil, result: "2026-11-19 16:30",
                returned: nil, punctuality: .late, returnPunctuality: nil),
            ResultRow(
                note: "result the day after", rescheduleTo: nil, result: "2026-11-20 08:00", returned: nil,
                punctuality: .late, returnPunctuality: nil),
            ResultRow(
                note: "early result returned early", rescheduleTo: nil, result: "2026-11-18 09:00",
                returned: "2026-11-18 14:00",
                punctuality: .early, returnPunctuality: .early),
            ResultRow(
                note: "returned on the due date before the hour", rescheduleTo: nil, result: "2026-11-19 08:00",
                returned: "2026-11-19 09:45", punctuality: .onTime, returnPunctuality: .onTime),
            ResultRow(
                note: "returned on the due date after the hour", rescheduleTo: nil, result: "2026-11-19 09:00",
                returned: "2026-11-19 16:00", punctuality: .onTime, returnPunctuality: .late),
            // Rescheduled to Mon 23/11 17:00: statistics still judge against Thu 19/11.
            ResultRow(
                note: "late result after a reschedule, not returned yet", rescheduleTo: "2026-11-23 17:00",
                result: "2026-11-20 09:00", returned: nil, punctuality: .late, returnPunctuality: nil),
            ResultRow(
                note: "late result returned before the new appointment", rescheduleTo: "2026-11-23 17:00",
                result: "2026-11-20 09:00", returned: "2026-11-20 10:00", punctuality: .late, returnPunctuality: .early),
            ResultRow(
                note: "late result returned on the new appointment date", rescheduleTo: "2026-11-23 17:00",
                result: "2026-11-20 09:00", returned: "2026-11-23 16:00", punctuality: .late, returnPunctuality: .onTime
            ),
            ResultRow(
                note: "late even against the new appointment", rescheduleTo: "2026-11-23 17:00",
                result: "2026-11-23 16:00", returned: "2026-11-24 08:00", punctuality: .late, returnPunctuality: .late)
        ])
        func result(_ row: ResultRow) throws {
            var events = [ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00")))]
            if let newDue = row.rescheduleTo {
                events.append(ev("2026-11-18 08:00", .rescheduled(newDue: t(newDue), reason: "Xin lỗi")))
            }
            events.append(ev(row.result, Route.result))
            if let returned = row.returned { events.append(ev(returned, Route.returned)) }
            let state = try replay(events, steps: 0)
            #expect(state.legalDue == t("2026-11-19 10:00"))
            #expect(state.appointment == t(row.rescheduleTo ?? "2026-11-19 10:00"))
            #expect(state.punctuality == row.punctuality)
            #expect(state.returnPunctuality == row.returnPunctuality)
        }

        @Test func noResultNoPunctuality() throws {
            let state = try replay([ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00")))], steps: 0)
            #expect(state.punctuality == nil)
            #expect(state.returnPunctuality == nil)
        }

        /// Statistics judge the result's date against the legal deadline (it never changes once recorded); the
        /// return is judged separately against the appointment.
        @Test func caseIsJudgedByTheResultDateTheReturnByTheAppointment() throws {
            let ready = try replay(
                [
                    ev("2026-11-16 10:00", .received(due: t("2026-11-19 10:00"))),
                    ev("2026-11-19 09:15", Route.result)
                ], steps: 0)
            #expect(ready.punctuality == .onTime, "before the return: the result's instant")
            let returned = try CaseLifecycle.apply(ev("2026-11-20 08:00", Route.returned), to: ready)
            #expect(returned.returnPunctuality == .late, "collected after the appointment")
            #expect(returned.punctuality == .onTime, "still the result's instant: a period's figures do not move")
        }
    }
}

// MARK: - 7. Suggested evaluation scores

extension RoutingTests {
    @Suite struct SuggestedScores {
        struct Row: Sendable, CustomTestStringConvertible {
            let note: String
            let events: [CaseEvent]
            let scores: [EvaluationIndex: Int]
            var testDescription: String { note }
        }

        /// Index 4: no body to contact (2) when no supplement was needed, else the counter only (1); index 7
        /// from the timing without a complaint: early throughout 2, otherwise 1.
        static func scores(_ total: Int, _ body: Int, _ returns: Int, attitude: Int? = nil) -> [EvaluationIndex: Int] {
            [
                .totalTime: total, .bodyTime: body, .returns: returns, .bodiesContacted: returns == 2 ? 2 : 1,
                .attitude: attitude ?? (total == 2 ? 2 : 1)
            ]
        }

        /// Received Mon 16/11 08:00, due Thu 19/11 08:00; two steps.
        static let reception = ev("2026-11-16 08:00", .received(due: t("2026-11-19 08:00")))

        @Test(arguments: [
            // Step 1 due Tue 17/11, done Mon; step 2 due Wed 18/11, done Tue; result and return Tue (due Thu).
            Row(
                note: "early, no supplement",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-16 15:00", Route.done1),
                    ev("2026-11-16 15:10", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-16 15:20", Route.acknowledge2), ev("2026-11-17 10:00", Route.done2),
                    ev("2026-11-17 11:00", Route.result), ev("2026-11-17 14:00", Route.returned)
                ], scores: SuggestedScores.scores(2, 2, 2)),
            // Step 1 due Mon 16/11 17:00, done Tue 08:00: late; step 2 early; the case itself early.
            Row(
                note: "a late step",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-16 17:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-17 08:00", Route.done1),
                    ev("2026-11-17 08:10", .handedOver(step: 1, stepDue: t("2026-11-18 08:10"), slipNumber: nil)),
                    ev("2026-11-17 08:20", Route.acknowledge2), ev("2026-11-17 10:00", Route.done2),
                    ev("2026-11-17 11:00", Route.result), ev("2026-11-17 14:00", Route.returned)
                ], scores: SuggestedScores.scores(2, 0, 2)),
            // Steps done on their due days before their due times, result and return on the legal due day before
            // its hour.
            Row(
                note: "everything on time",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-17 08:30", Route.done1),
                    ev("2026-11-17 08:40", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-17 08:50", Route.acknowledge2), ev("2026-11-18 15:00", Route.done2),
                    ev("2026-11-19 07:35", Route.result), ev("2026-11-19 07:45", Route.returned)
                ], scores: SuggestedScores.scores(1, 1, 2)),
            // The same days, each after its hour: every body late, the result late (issue 11: "due 09:00, done
            // 16:00 the same day" is not on time).
            Row(
                note: "on the due days but after the hours",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-17 15:00", Route.done1),
                    ev("2026-11-17 15:10", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-17 15:20", Route.acknowledge2), ev("2026-11-18 16:00", Route.done2),
                    ev("2026-11-19 08:45", Route.result), ev("2026-11-19 09:00", Route.returned)
                ], scores: SuggestedScores.scores(0, 0, 2)),
            // One early step, one on time: not every body was early.
            Row(
                note: "one step early, one on time",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-16 15:00", Route.done1),
                    ev("2026-11-16 15:10", .handedOver(step: 1, stepDue: t("2026-11-17 15:10"), slipNumber: nil)),
                    ev("2026-11-16 15:20", Route.acknowledge2), ev("2026-11-17 15:00", Route.done2),
                    ev("2026-11-17 16:30", Route.result), ev("2026-11-17 16:40", Route.returned)
                ], scores: SuggestedScores.scores(2, 1, 2)),
            // Result Fri 20/11, legal due Thu 19/11.
            Row(
                note: "late result",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1), ev("2026-11-16 15:00", Route.done1),
                    ev("2026-11-16 15:10", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-16 15:20", Route.acknowledge2), ev("2026-11-17 10:00", Route.done2),
                    ev("2026-11-20 09:00", Route.result), ev("2026-11-20 10:00", Route.returned)
                ], scores: SuggestedScores.scores(0, 2, 2)),
            // Paused Mon 10:00–14:00; restarted deadlines: case Thu 19/11 14:00, step 1 Tue 17/11 14:00. Still early.
            Row(
                note: "one supplement round",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1),
                    ev("2026-11-16 10:00", Route.askSupplement),
                    ev(
                        "2026-11-16 14:00",
                        .supplementReceived(newDue: t("2026-11-19 14:00"), stepDue: t("2026-11-17 14:00"))),
                    ev("2026-11-16 15:00", Route.done1),
                    ev("2026-11-16 15:10", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-16 15:20", Route.acknowledge2), ev("2026-11-17 10:00", Route.done2),
                    ev("2026-11-17 11:00", Route.result), ev("2026-11-17 14:00", Route.returned)
                ], scores: SuggestedScores.scores(2, 2, 1)),
            Row(
                note: "two supplement rounds",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1),
                    ev("2026-11-16 10:00", Route.askSupplement),
                    ev(
                        "2026-11-16 11:00",
                        .supplementReceived(newDue: t("2026-11-19 11:00"), stepDue: t("2026-11-17 11:00"))),
                    ev("2026-11-16 13:00", Route.askSupplement),
                    ev(
                        "2026-11-16 14:00",
                        .supplementReceived(newDue: t("2026-11-19 14:00"), stepDue: t("2026-11-17 14:00"))),
                    ev("2026-11-16 15:00", Route.done1),
                    ev("2026-11-16 15:10", .handedOver(step: 1, stepDue: t("2026-11-18 15:10"), slipNumber: nil)),
                    ev("2026-11-16 15:20", Route.acknowledge2), ev("2026-11-17 10:00", Route.done2),
                    ev("2026-11-17 11:00", Route.result), ev("2026-11-17 14:00", Route.returned)
                ], scores: SuggestedScores.scores(2, 2, 0)),
            // No result yet and no finished step: neutral (1) for both times.
            Row(
                note: "still processing",
                events: [
                    SuggestedScores.reception,
                    ev("2026-11-16 09:00", .handedOver(step: 0, stepDue: t("2026-11-17 09:00"), slipNumber: nil)),
                    ev("2026-11-16 09:10", Route.acknowledge1)
                ], scores: SuggestedScores.scores(1, 1, 2))
        ])
        func suggested(_ row: Row) throws {
            let state = try replay(row.events)
            #expect(EvaluationIndex.suggestedScores(state) == row.scores)
        }
    }
}

// MARK: - 8. Who may record what

extension RoutingTests {
    @Suite struct Roles {
        struct Row: Sendable, CustomTestStringConvertible {
            let kind: CaseEventKind
            let roles: Set<Role>
            var testDescription: String { kind.rawValue }
        }

        // Desk officers receive, hand over and return (and record what outside bodies did); department officers
        // acknowledge and record results for their own body; leaders sign off, reschedule, stop and cancel;
        // administrators everything.
        static let desk: Set<Role> = [.deskOfficer, .leader, .administrator]
        static let anyOfficer: Set<Role> = [.deskOfficer, .departmentOfficer, .leader, .administrator]
        static let leaders: Set<Role> = [.leader, .administrator]

        static let rows: [Row] = [
            Row(kind: .received, roles: desk),
            Row(kind: .supplementRequested, roles: anyOfficer),
            Row(kind: .supplementReceived, roles: desk),
            Row(kind: .refused, roles: anyOfficer),
            Row(kind: .handedOver, roles: anyOfficer),
            Row(kind: .acknowledged, roles: anyOfficer),
            Row(kind: .stepDone, roles: anyOfficer),
            Row(kind: .resultReceived, roles: desk),
            Row(kind: .rescheduled, roles: leaders),
            Row(kind: .returned, roles: desk),
            Row(kind: .evaluated, roles: desk),
            Row(kind: .withdrawn, roles: desk),
            Row(kind: .stopped, roles: leaders),
            Row(kind: .cancelled, roles: leaders),
            Row(kind: .corrected, roles: desk),
            Row(kind: .printed, roles: Set(Role.allCases))
        ]

        @Test(arguments: Roles.rows)
        func allowedRoles(_ row: Row) {
            #expect(Permissions.roles(for: row.kind) == row.roles)
        }

        @Test func everyKindHasARow() {
            #expect(Self.rows.map(\.kind) == CaseEventKind.allCases)
        }

        @Test func theRulesInWords() {
            for kind in [CaseEventKind.rescheduled, .stopped, .cancelled] {
                #expect(!Permissions.roles(for: kind).contains(.deskOfficer), "desk officer may not \(kind.rawValue)")
                #expect(
                    !Permissions.roles(for: kind).contains(.departmentOfficer),
                    "department officer may not \(kind.rawValue)")
                #expect(Permissions.roles(for: kind).contains(.leader))
                #expect(Permissions.roles(for: kind).contains(.administrator))
            }
            for kind in [CaseEventKind.received, .resultReceived, .returned] {
                #expect(
                    !Permissions.roles(for: kind).contains(.departmentOfficer),
                    "department officer may not \(kind.rawValue)")
                #expect(Permissions.roles(for: kind).contains(.deskOfficer))
            }
            // A department officer passes the dossier on from their own step (the store checks which step).
            for kind in [CaseEventKind.handedOver, .acknowledged, .stepDone] {
                #expect(Permissions.roles(for: kind).contains(.departmentOfficer))
            }
            #expect(CaseEventKind.allCases.allSatisfy { Permissions.roles(for: $0).contains(.administrator) })
            #expect(CaseEventKind.allCases.allSatisfy { Permissions.roles(for: $0).contains(.leader) })
        }
    }
}

// MARK: - Late supplement requests

extension RoutingTests {
    @Suite struct LateSupplementRequest {
        struct Row: Sendable, CustomTestStringConvertible {
            let received: String
            let requested: String
            let late: Bool
            var testDescription: String { "received \(received), asked \(requested) → \(late ? "late" : "in time")" }
        }

        @Test(arguments: [
            // Mon 16/11 10:00 + 3 working days = Thu 19/11 10:00.
            Row(received: "2026-11-16 10:00", requested: "2026-11-19 10:00", late: false),
            Row(received: "2026-11-16 10:00", requested: "2026-11-19 10:01", late: true),
            // Thu 12/02 10:00: Fri 13/02, Tết, Mon 23/02, Tue 24/02 → Tue 24/02 10:00.
            Row(received: "2026-02-12 10:00", requested: "2026-02-23 16:00", late: false),
            Row(received: "2026-02-12 10:00", requested: "2026-02-24 10:01", late: true),
            // After hours Fri 20/11: counts from Mon 23/11 07:30 → Thu 26/11 07:30.
            Row(received: "2026-11-20 17:30", requested: "2026-11-26 07:30", late: false),
            Row(received: "2026-11-20 17:30", requested: "2026-11-26 07:31", late: true)
        ])
        func lateness(_ row: Row) {
            #expect(
                Routing.isLateSupplementRequest(
                    receivedAt: t(row.received), requestedAt: t(row.requested), calendar: calendar) == row.late)
        }
    }
}

/// The one standing of a case: a paused case never reads "Quá N ngày", and an apology recorded less than one
/// working day before the due time is "xin lỗi muộn".
@Suite struct StandingTests {
    @Test func aCaseWaitingForTheApplicantIsNeverShownOverdue() {
        let facts = CaseStanding.Facts(
            status: .waitingSupplement, receivedAt: t("2026-10-01 09:00"), appointment: t("2026-10-06 09:00"),
            rescheduled: false, hasResult: false)
        let standing = CaseStanding.of(facts, now: t("2026-11-20 09:00"), calendar: calendar)
        #expect(
            standing.statusText == "Chờ bổ sung" && standing.remainingText == "Chờ bổ sung"
                && standing.urgency == .quiet)
        #expect(!standing.apologyDue && !standing.remainingText.contains("Quá"))
        // The same case running again is overdue.
        var running = facts
        running.status = .inProgress
        #expect(CaseStanding.of(running, now: t("2026-11-20 09:00"), calendar: calendar).remainingText.hasPrefix("Quá"))
    }

    struct LateRow: Sendable, CustomTestStringConvertible {
        let at: String
        let late: Bool
        var testDescription: String { "\(at) → \(late ? "muộn" : "kịp")" }
    }

    // Due Monday 23/11/2026 17:00; 21–22/11 is a weekend; a working day is 8 hours (07:30–17:00 with lunch).
    @Test(arguments: [
        LateRow(at: "2026-11-19 17:00", late: false),  // Thursday evening: all of Friday and Monday left
        LateRow(at: "2026-11-20 17:00", late: false),  // Friday evening: Monday, one whole working day
        LateRow(at: "2026-11-21 10:00", late: false),  // Saturday: still Monday whole
        LateRow(at: "2026-11-23 07:31", late: true),  // Monday morning: less than a working day
        LateRow(at: "2026-11-23 16:00", late: true),
        LateRow(at: "2026-11-24 09:00", late: true)  // after the due time
    ])
    func anApologyLessThanAWorkingDayBeforeIsLate(_ row: LateRow) {
        #expect(CaseStanding.isLateApology(at: t(row.at), due: t("2026-11-23 17:00"), calendar: calendar) == row.late)
    }
}
