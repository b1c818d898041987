/// How a case stands now, in words: the one status text and remaining-time text that the home list, the
/// search, the case view, `case show` and the reports all show (one function decides it), with how urgent
/// it is. Colour only repeats the text.
public struct CaseStanding: Hashable, Sendable {
    public enum Urgency: Hashable, Sendable {
        case normal
        /// Due today.
        case dueToday
        /// Something must be done: a late hand-over, an apology to send.
        case warning
        case overdue
        /// The result is ready to return, in time.
        case ready
        /// Paused or closed: the clock does not run.
        case quiet
    }

    /// "Đã tiếp nhận", "Đang giải quyết", "Chờ bổ sung", "Chưa chuyển!", "Cần xin lỗi", "Đã trả kết quả"…
    public let statusText: String
    /// "Còn 1 ngày 3 giờ", "Quá 2 ngày", "Chờ bổ sung" (the clock is paused), "" when closed.
    public let remainingText: String
    public let urgency: Urgency
    /// Not handed over although the counter's hand-over deadline has passed (the 15:00 rule).
    public let handOverLate: Bool
    /// The apology with a new date (Mẫu 04) must go out (independent of `handOverLate`; the status text
    /// names the hand-over first).
    public let apologyDue: Bool

    /// What the standing is computed from: a case's list line carries all of it.
    public struct Facts: Hashable, Sendable {
        public var status: CaseStatus
        public var receivedAt: LocalDateTime
        public var appointment: LocalDateTime
        public var rescheduled: Bool
        public var hasResult: Bool

        public init(
            status: CaseStatus, receivedAt: LocalDateTime, appointment: LocalDateTime, rescheduled: Bool,
            hasResult: Bool
        ) {
            self.status = status
            self.receivedAt = receivedAt
            self.appointment = appointment
            self.rescheduled = rescheduled
            self.hasResult = hasResult
        }

        public init(_ record: CaseRecord) {
            self.init(
                status: record.state.status, receivedAt: record.receivedAt, appointment: record.state.appointment,
                rescheduled: record.state.rescheduleCount > 0, hasResult: record.state.resultAt != nil)
        }
    }

    public static func of(_ facts: Facts, now: LocalDateTime, calendar: WorkingCalendar) -> CaseStanding {
        let status = facts.status
        if status == .waitingSupplement {
            // The clock is paused: never "Quá N ngày" while the applicant is completing the dossier.
            return CaseStanding(
                statusText: status.vietnameseName, remainingText: "Chờ bổ sung", urgency: .quiet,
                handOverLate: false, apologyDue: false)
        }
        if status.isClosed {
            return CaseStanding(
                statusText: status.vietnameseName, remainingText: "", urgency: .quiet, handOverLate: false,
                apologyDue: false)
        }
        let remaining = RemainingTime.between(now: now, due: facts.appointment, calendar: calendar)
        var urgency: Urgency =
            remaining.isOverdue ? .overdue : (facts.appointment.date == now.date ? .dueToday : .normal)
        if status == .resultReady && !remaining.isOverdue { urgency = .ready }
        let late =
            status == .received && Routing.isHandOverLate(receivedAt: facts.receivedAt, now: now, calendar: calendar)
        let apology = needsApology(facts, now: now, calendar: calendar)
        var text = status.vietnameseName
        if late {
            text = "Chưa chuyển!"
        } else if apology {
            text = "Cần xin lỗi"
        }
        if (late || apology) && urgency != .overdue { urgency = .warning }
        return CaseStanding(
            statusText: text, remainingText: remaining.description, urgency: urgency, handOverLate: late,
            apologyDue: apology)
    }

    /// An apology with a new date (Mẫu 04) is due only when the case is at real risk: it is being processed
    /// without a result and not rescheduled yet, and the last working day before its appointment has begun
    /// (or the appointment has passed) — never on the day of reception, and for limits of one working day or
    /// less (same-day certifications…) only once it is overdue.
    public static func needsApology(_ facts: Facts, now: LocalDateTime, calendar: WorkingCalendar) -> Bool {
        guard [.received, .inProgress].contains(facts.status), !facts.hasResult, !facts.rescheduled else {
            return false
        }
        if now > facts.appointment { return true }
        if now.date == facts.receivedAt.date { return false }
        // A limit of one working day or less: due on the day of reception or the next working day (a same-day
        // case received after 15:00 or outside hours included).
        if facts.appointment.date <= calendar.nextWorkingDay(after: facts.receivedAt.date) { return false }
        guard let lastDay = calendar.previousWorkingDay(before: facts.appointment.date) else { return false }
        return now >= LocalDateTime(date: lastDay, time: calendar.schedule.dayStart)
    }

    /// An apology recorded at `at` is late ("xin lỗi muộn") when less than one working day is left before the
    /// due time, or the due time has passed (the law asks for it at least one working day before).
    public static func isLateApology(at: LocalDateTime, due: LocalDateTime, calendar: WorkingCalendar) -> Bool {
        at > due || calendar.workingMinutes(from: at, to: due) < calendar.schedule.minutesPerDay
    }
}
