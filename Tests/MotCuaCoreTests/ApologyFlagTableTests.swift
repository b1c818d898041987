import MotCuaDefaults
import Testing

@testable import MotCuaCore

private let calendar = ShippedConfig.calendarConfig().makeCalendar()

/// Issue 12 §1: the apology flag ("Cần xin lỗi") is raised only at real risk — no result, not rescheduled,
/// and the last working day before the appointment has begun (or the appointment has passed) — never at
/// reception; for limits of one working day or less only once overdue. One row per (limit, reception, now,
/// state), the appointment computed by the calendar as at the counter; the status text is the one
/// `CaseStanding` gives every screen.
@Suite struct ApologyFlagTableTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let limit: TimeLimit
        let received: String
        let now: String
        var status: CaseStatus = .received
        var hasResult = false
        var rescheduled = false
        let flagged: Bool
        let why: String
        var testDescription: String { "\(limit) received \(received), now \(now): \(why)" }
    }

    static let rows: [Row] = [
        // Same-day certifications: the morning's receptions never raise alarms.
        Row(
            limit: .sameDay, received: "2026-11-20 09:00", now: "2026-11-20 09:00", flagged: false, why: "at reception"),
        Row(
            limit: .sameDay, received: "2026-11-20 09:00", now: "2026-11-20 16:30", flagged: false,
            why: "due today, not late"),
        Row(limit: .sameDay, received: "2026-11-20 09:00", now: "2026-11-20 17:01", flagged: true, why: "overdue"),
        // Received after 15:00, or outside hours (evening, Saturday): due the next working day — still no alarm.
        Row(
            limit: .sameDay, received: "2026-11-20 15:30", now: "2026-11-20 15:30", flagged: false,
            why: "after the 15:00 rule, at reception"),
        Row(
            limit: .sameDay, received: "2026-11-20 15:30", now: "2026-11-23 08:00", flagged: false,
            why: "after 15:00, the next working day's morning"),
        Row(
            limit: .sameDay, received: "2026-11-20 18:00", now: "2026-11-23 07:45", flagged: false,
            why: "received in the evening"),
        Row(
            limit: .sameDay, received: "2026-11-21 09:00", now: "2026-11-23 10:00", flagged: false,
            why: "received on a Saturday"),
        Row(
            limit: .sameDay, received: "2026-11-21 09:00", now: "2026-11-24 08:00", flagged: true,
            why: "received on a Saturday, overdue"),
        Row(
            limit: .workingDays(1), received: "2026-11-20 16:00", now: "2026-11-23 09:00", flagged: false,
            why: "one working day, received after 15:00"),
        Row(
            limit: .workingHours(4), received: "2026-11-20 14:00", now: "2026-11-23 08:00", flagged: false,
            why: "four working hours over the weekend, not yet due"),
        // Longer limits: the flag rises when the last working day before the appointment begins.
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-17 09:00", flagged: false,
            why: "3 days, at reception"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-18 17:00", flagged: false,
            why: "3 days, the evening before the last working day"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-19 07:30", flagged: true,
            why: "3 days → Fri 20/11 09:00; Thursday, the last working day before, begins"),
        Row(
            limit: .workingDays(3), received: "2026-11-20 16:00", now: "2026-11-20 16:00", flagged: false,
            why: "3 days, received after 15:00 on a Friday, at reception"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-19 10:00", status: .inProgress,
            flagged: true, why: "in progress at risk"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-19 10:00", status: .inProgress,
            hasResult: true, flagged: false, why: "the result is back"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-19 10:00", status: .inProgress,
            rescheduled: true, flagged: false, why: "already apologised once"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-19 10:00",
            status: .waitingSupplement, flagged: false, why: "waiting for a supplement: the clock is paused"),
        Row(
            limit: .workingDays(3), received: "2026-11-17 09:00", now: "2026-11-25 10:00", status: .returned,
            hasResult: true, flagged: false, why: "returned"),
        // Over Tết: 5 working days from Thursday 12/02/2026 run past the holiday.
        Row(
            limit: .workingDays(5), received: "2026-02-12 09:00", now: "2026-02-16 09:00", flagged: false,
            why: "5 days across Tết, during the holiday")
    ]

    @Test(arguments: rows) func theFlag(_ row: Row) throws {
        let received = try #require(LocalDateTime(iso: row.received))
        let now = try #require(LocalDateTime(iso: row.now))
        let appointment = calendar.due(DueRule(limit: row.limit), receivedAt: received)
        let facts = CaseStanding.Facts(
            status: row.status, receivedAt: received, appointment: appointment, rescheduled: row.rescheduled,
            hasResult: row.hasResult)
        #expect(
            CaseStanding.needsApology(facts, now: now, calendar: calendar) == row.flagged,
            "appointment \(appointment.iso)")
        let standing = CaseStanding.of(facts, now: now, calendar: calendar)
        #expect(standing.apologyDue == row.flagged)
        if !row.flagged { #expect(standing.statusText != "Cần xin lỗi", "\(standing.statusText)") }
    }
}

/// `counter_printers`: pairs checked strictly, the officer's entry before the client address's.
@Suite struct CounterPrintersTests {
    @Test func pairsAndOrder() throws {
        let table = "tiepnhan1=Quay1 10.0.0.21=Quay2,fe80::1=Quay3"
        #expect(CounterPrinters.printer(for: "tiepnhan1", client: "10.0.0.21", in: table) == "Quay1")
        #expect(CounterPrinters.printer(for: "tiepnhan2", client: "10.0.0.21", in: table) == "Quay2")
        #expect(CounterPrinters.printer(for: "tiepnhan2", client: "fe80::1", in: table) == "Quay3")
        #expect(CounterPrinters.printer(for: "tiepnhan2", client: nil, in: table) == nil)
        #expect(CounterPrinters.printer(for: "x", client: nil, in: "") == nil)
        for bad in ["tiepnhan1", "=Quay", "a=", "a=b=c", "a b=Quay", "a=Qu/ay", "a=Quay#1", "tiếp=Quay"] {
            if case .success = CounterPrinters.parse(bad) { Issue.record("accepted \(bad)") }
        }
    }
}
