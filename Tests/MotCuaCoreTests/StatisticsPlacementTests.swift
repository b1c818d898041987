import Testing
@testable import MotCuaCore

/// Where one case falls in a period's statistics, rule by rule (the store-level figures are in the report
/// tests of the documents module).
@Suite struct StatisticsPlacementTests {
    static let october = ReportPeriod.month(2026, 10)!
    func t(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
    func facts(
        received: String, due: String, result: String? = nil, closed: String? = nil, paused: String? = nil,
        status: CaseStatus = .inProgress, channel: Channel = .inPerson
    ) -> CaseFacts {
        CaseFacts(
            code: "X", field: "Hộ tịch", channel: channel, status: status, receivedAt: t(received), legalDue: t(due),
            resultAt: result.map(t), closedAt: closed.map(t), pausedAt: paused.map(t))
    }
    let after = LocalDateTime(iso: "2026-11-15 08:00")!

    @Test func receivedResolvedAndOutside() {
        let p = Self.october
        #expect(
            StatisticsPlacement.place(
                facts(received: "2026-10-05 09:00", due: "2026-10-08 09:00", result: "2026-10-07 10:00"), in: p,
                now: after)
                == .counted(.inPersonOrPost, .resolved(.early)))
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-10-05 09:00", due: "2026-10-08 09:00", result: "2026-10-08 08:30", channel: .online),
                in: p, now: after) == .counted(.online, .resolved(.onTime)), "on the due day, before the due time")
        #expect(
            StatisticsPlacement.place(
                facts(received: "2026-10-05 09:00", due: "2026-10-08 09:00", result: "2026-10-08 16:00"), in: p,
                now: after) == .counted(.inPersonOrPost, .resolved(.late)), "on the due day, after the due time")
        #expect(
            StatisticsPlacement.place(
                facts(received: "2026-09-28 09:00", due: "2026-10-01 09:00", result: "2026-10-02 09:00"), in: p,
                now: after)
                == .counted(.carriedOver, .resolved(.late)))
        // A result at the period's end instant belongs to the next period: pending (overdue) at the end of this one.
        #expect(
            StatisticsPlacement.place(
                facts(received: "2026-10-26 09:00", due: "2026-10-29 09:00", result: "2026-11-01 00:00"), in: p,
                now: after)
                == .counted(.inPersonOrPost, .pendingOverdue))
        #expect(
            StatisticsPlacement.place(
                facts(received: "2026-09-21 09:00", due: "2026-09-24 09:00", result: "2026-09-23 09:00"), in: p,
                now: after) == .outside)
        #expect(
            StatisticsPlacement.place(facts(received: "2026-11-02 09:00", due: "2026-11-05 09:00"), in: p, now: after)
                == .outside)
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-10-14 09:00", due: "2026-10-14 17:00", closed: "2026-10-14 09:30",
                    status: .cancelled),
                in: p, now: after) == .outside, "a wrong entry never counts")
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-10-12 09:00", due: "2026-10-15 09:00", closed: "2026-10-13 10:00",
                    status: .withdrawn),
                in: p, now: after) == .counted(.inPersonOrPost, .withdrawn))
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-10-12 09:00", due: "2026-10-15 09:00", closed: "2026-10-14 10:00",
                    status: .stopped),
                in: p, now: after) == .counted(.inPersonOrPost, .stopped), "stopped: a column of its own")
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-09-12 09:00", due: "2026-09-15 09:00", closed: "2026-09-20 10:00",
                    status: .withdrawn),
                in: p, now: after) == .outside, "withdrawn before the period")
        // Withdrawn after its result: resolved.
        #expect(
            StatisticsPlacement.place(
                facts(
                    received: "2026-10-12 09:00", due: "2026-10-15 09:00", result: "2026-10-14 10:00",
                    closed: "2026-10-16 10:00", status: .withdrawn), in: p, now: after)
                == .counted(.inPersonOrPost, .resolved(.early)))
    }

    /// A period that has not ended is judged now: a case due later today is not overdue yet.
    @Test func aRunningPeriodIsJudgedNow() {
        let p = Self.october
        let f = facts(received: "2026-10-15 09:00", due: "2026-10-20 17:00")
        #expect(
            StatisticsPlacement.place(f, in: p, now: t("2026-10-20 08:00"))
                == .counted(.inPersonOrPost, .pendingWithinLimit))
        #expect(
            StatisticsPlacement.place(f, in: p, now: t("2026-10-20 17:00"))
                == .counted(.inPersonOrPost, .pendingWithinLimit), "at the deadline: not past it")
        #expect(
            StatisticsPlacement.place(f, in: p, now: t("2026-10-20 17:01"))
                == .counted(.inPersonOrPost, .pendingOverdue))
        #expect(StatisticsPlacement.place(f, in: p, now: after) == .counted(.inPersonOrPost, .pendingOverdue))
    }

    /// The clock stops for a supplement, but not for one asked after the deadline had already passed.
    @Test func pausedBeforeOrAfterTheDeadline() {
        let p = Self.october
        let before = facts(
            received: "2026-10-01 09:00", due: "2026-10-06 09:00", paused: "2026-10-02 09:00",
            status: .waitingSupplement)
        #expect(StatisticsPlacement.place(before, in: p, now: after) == .counted(.inPersonOrPost, .pendingWithinLimit))
        let late = facts(
            received: "2026-10-01 09:00", due: "2026-10-06 09:00", paused: "2026-10-20 09:00",
            status: .waitingSupplement)
        #expect(StatisticsPlacement.place(late, in: p, now: after) == .counted(.inPersonOrPost, .pendingOverdue))
    }

    @Test func monthsAtTheEdgeOfTheCalendar() {
        #expect(ReportPeriod.month(9999, 12)?.to.iso == "9999-12-31")
        #expect(ReportPeriod.month(2026, 13) == nil)
        #expect(ReportPeriod.month(9999, 12)!.vietnamese == "Tháng 12 năm 9999")
    }
}
