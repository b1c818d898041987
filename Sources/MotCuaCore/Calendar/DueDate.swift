/// A procedure's legal time limit (thời hạn giải quyết).
public enum TimeLimit: Hashable, Sendable, CustomStringConvertible {
    /// Same day; received after the cut-off → the next working day (trong ngày).
    case sameDay
    /// N working days (N ≥ 1), keeping the clock time of the (normalised) reception.
    case workingDays(Int)
    /// H working hours (H ≥ 1), consumed from the (normalised) reception.
    case workingHours(Int)
    /// N calendar days (N ≥ 1); a last day that is not a working day moves to the next working day.
    case calendarDays(Int)

    /// "3 ngày làm việc", "trong ngày", "4 giờ làm việc", "30 ngày".
    public var description: String {
        switch self {
        case .sameDay: "trong ngày"
        case .workingDays(let n): "\(n) ngày làm việc"
        case .workingHours(let h): "\(h) giờ làm việc"
        case .calendarDays(let n): "\(n) ngày"
        }
    }

    /// The storage spelling of the unit: `same_day`, `working_days`, `working_hours`, `calendar_days`.
    public var unitCode: String {
        switch self {
        case .sameDay: "same_day"
        case .workingDays: "working_days"
        case .workingHours: "working_hours"
        case .calendarDays: "calendar_days"
        }
    }

    public var value: Int {
        switch self {
        case .sameDay: 0
        case .workingDays(let n), .workingHours(let n), .calendarDays(let n): n
        }
    }

    /// Rebuilds a limit from its storage spelling; nil when the unit is unknown or the value is out of range.
    public init?(unitCode: String, value: Int) {
        switch unitCode {
        case "same_day": self = .sameDay
        case "working_days" where value >= 1: self = .workingDays(value)
        case "working_hours" where value >= 1: self = .workingHours(value)
        case "calendar_days" where value >= 1: self = .calendarDays(value)
        default: return nil
        }
    }
}

/// How to compute a due instant: the limit, the same-day cut-off and extra days for verification.
public struct DueRule: Hashable, Sendable {
    public var limit: TimeLimit
    /// Cut-off for same-day limits; nil = the schedule's (15:00 by default).
    public var cutoff: ClockTime?
    /// Working days added when the dossier needs verification (thời gian xác minh).
    public var extraWorkingDays: Int

    public init(limit: TimeLimit, cutoff: ClockTime? = nil, extraWorkingDays: Int = 0) {
        self.limit = limit
        self.cutoff = cutoff
        self.extraWorkingDays = extraWorkingDays
    }
}

/// One reason behind a computed due instant, for the officer and the applicant.
public enum DueReason: Hashable, Sendable {
    case receivedInSession(LocalDateTime)
    case receivedBeforeSessions(LocalDateTime, countsFrom: LocalDateTime)
    case receivedInBreak(LocalDateTime, countsFrom: LocalDateTime)
    case receivedAfterHours(LocalDateTime, countsFrom: LocalDateTime)
    case receivedOnDayOff(LocalDateTime, DayStatus, countsFrom: LocalDateTime)
    case limit(TimeLimit)
    case sameDayBeforeCutoff(LocalDateTime, cutoff: ClockTime)
    case sameDayAfterCutoff(LocalDateTime, cutoff: ClockTime)
    case sameDayAfterHours(LocalDateTime)
    case sameDayOnDayOff(LocalDateTime, DayStatus)
    case skipped(CivilDate, DayStatus)
    /// The k-th working day of the count (a make-up day carries its status).
    case counted(CivilDate, ordinal: Int, DayStatus)
    /// Working time used on a day of an hours count.
    case consumed(CivilDate, minutes: Int, DayStatus)
    case calendarTarget(CivilDate, days: Int)
    case extraDays(Int)
    case due(LocalDateTime)

    /// The reason as one line of Vietnamese.
    public var vietnamese: String {
        func day(_ d: CivilDate) -> String { "\(d.weekday.vietnameseName) \(d.vietnamese)" }
        func at(_ t: LocalDateTime) -> String { "\(t.time.text) \(day(t.date))" }
        switch self {
        case let .receivedInSession(r):
            return "Tiếp nhận lúc \(at(r)), trong giờ làm việc: tính từ thời điểm tiếp nhận."
        case let .receivedBeforeSessions(r, from):
            return "Tiếp nhận lúc \(at(r)), trước giờ làm việc: tính từ \(from.time.text) cùng ngày."
        case let .receivedInBreak(r, from):
            return "Tiếp nhận lúc \(at(r)), trong giờ nghỉ trưa: tính từ \(from.time.text) cùng ngày."
        case let .receivedAfterHours(r, from):
            return "Tiếp nhận lúc \(at(r)), sau giờ làm việc: tính từ \(at(from))."
        case let .receivedOnDayOff(r, status, from):
            return "Tiếp nhận lúc \(at(r)), \(DueReason.describe(status)): tính từ \(at(from))."
        case let .limit(limit):
            switch limit {
            case .sameDay: return "Thời hạn: trong ngày."
            case .workingDays(let n): return "Thời hạn: \(n) ngày làm việc, không tính ngày tiếp nhận, giữ nguyên giờ."
            case .workingHours(let h):
                return "Thời hạn: \(h) giờ làm việc (8 giờ làm việc là 1 ngày), không tính giờ nghỉ."
            case .calendarDays(let n):
                return
                    "Thời hạn: \(n) ngày theo lịch, không tính ngày tiếp nhận; ngày cuối là ngày nghỉ thì chuyển sang ngày làm việc tiếp theo."
            }
        case let .sameDayBeforeCutoff(r, cutoff):
            return "Tiếp nhận lúc \(at(r)), không quá \(cutoff.text): trả trong ngày, cuối giờ làm việc."
        case let .sameDayAfterCutoff(r, cutoff):
            return "Tiếp nhận lúc \(at(r)), sau \(cutoff.text): trả vào cuối ngày làm việc tiếp theo."
        case let .sameDayAfterHours(r):
            return "Tiếp nhận lúc \(at(r)), sau giờ làm việc: trả vào cuối ngày làm việc tiếp theo."
        case let .sameDayOnDayOff(r, status):
            return "Tiếp nhận lúc \(at(r)), \(DueReason.describe(status)): trả vào cuối ngày làm việc tiếp theo."
        case let .skipped(d, status):
            return "Bỏ qua \(day(d)): \(DueReason.describe(status))."
        case let .counted(d, n, status):
            if case let .makeUp(s) = status {
                return "Ngày làm việc thứ \(n): \(day(d)) (ngày làm bù: \(s.name))."
            }
            return "Ngày làm việc thứ \(n): \(day(d))."
        case let .consumed(d, minutes, status):
            let used = minutes % 60 == 0 ? "\(minutes / 60) giờ" : "\(minutes / 60) giờ \(minutes % 60) phút"
            if case let .makeUp(s) = status {
                return "Tính \(used) làm việc vào \(day(d)) (ngày làm bù: \(s.name))."
            }
            return "Tính \(used) làm việc vào \(day(d))."
        case let .calendarTarget(d, n):
            return "Ngày thứ \(n) kể từ sau ngày tiếp nhận: \(day(d))."
        case let .extraDays(n):
            return "Cộng thêm \(n) ngày làm việc để xác minh."
        case let .due(t):
            return "Hẹn trả: \(t.vietnameseAppointment)."
        }
    }

    static func describe(_ status: DayStatus) -> String {
        switch status {
        case .working: return "ngày làm việc"
        case .makeUp(let s): return "ngày làm bù (\(s.name))"
        case .restDay: return "ngày nghỉ hằng tuần"
        case .off(let s):
            switch s.kind {
            case .holiday: return "ngày nghỉ lễ, Tết: \(s.name)"
            case .compensatory: return "ngày nghỉ bù: \(s.name)"
            case .swap: return "ngày nghỉ hoán đổi: \(s.name)"
            case .other, .makeUp: return "ngày nghỉ: \(s.name)"
            }
        }
    }
}

/// A computed due instant and, when asked for, the reasons behind it.
public struct DueComputation: Hashable, Sendable {
    public let due: LocalDateTime
    public let reasons: [DueReason]

    public var explanation: [String] { reasons.map(\.vietnamese) }
}

/// How a paused case's deadline continues when the complete dossier comes back.
public enum ResumePolicy: String, Sendable, CaseIterable {
    /// The limit restarts from zero at the resume instant (the law's default).
    case restartFromZero = "restart"
    /// The deadline moves later by the working time the case was paused.
    case shiftByPausedTime = "shift"
}

extension WorkingCalendar {
    /// The instant counting starts from, and why: inside a working session → itself; before the first
    /// session of a working day → that session's start; in a break → the next session's start; after the
    /// last session or on a day off → the first session of the next working day.
    public func normalize(_ received: LocalDateTime) -> (start: LocalDateTime, reason: DueReason) {
        let date = received.date
        let status = status(of: date)
        if status.isWorking {
            switch schedule.position(of: received.minuteOfDay) {
            case .inSession:
                return (received, .receivedInSession(received))
            case .beforeFirstSession:
                let start = LocalDateTime(date: date, time: schedule.dayStart)
                return (start, .receivedBeforeSessions(received, countsFrom: start))
            case .inBreak(let resumes):
                let start = LocalDateTime(date: date, time: resumes)
                return (start, .receivedInBreak(received, countsFrom: start))
            case .afterLastSession:
                let start = LocalDateTime(date: nextWorkingDay(after: date), time: schedule.dayStart)
                return (start, .receivedAfterHours(received, countsFrom: start))
            }
        }
        let start = LocalDateTime(date: nextWorkingDay(after: date), time: schedule.dayStart)
        return (start, .receivedOnDayOff(received, status, countsFrom: start))
    }

    /// The due instant for a case received at `received` under `rule`.
    public func due(_ rule: DueRule, receivedAt received: LocalDateTime) -> LocalDateTime {
        var none: [DueReason]? = nil
        return compute(rule, received: received, trace: &none)
    }

    /// The due instant with every reason: the normalisation, each day counted or skipped and why,
    /// make-up days used, the cut-off, extra days.
    public func explainDue(_ rule: DueRule, receivedAt received: LocalDateTime) -> DueComputation {
        var trace: [DueReason]? = []
        let due = compute(rule, received: received, trace: &trace)
        return DueComputation(due: due, reasons: trace ?? [])
    }

    /// After a pause (supplement requested during processing), the new due instant when the complete
    /// dossier comes back at `resumedAt`.
    public func dueAfterResume(
        _ rule: DueRule, originalDue: LocalDateTime, pausedAt: LocalDateTime,
        resumedAt: LocalDateTime, policy: ResumePolicy
    ) -> LocalDateTime {
        switch policy {
        case .restartFromZero:
            return due(rule, receivedAt: resumedAt)
        case .shiftByPausedTime:
            let left = workingMinutes(from: normalize(pausedAt).start, to: originalDue)
            let start = normalize(resumedAt).start
            return left >= 1 ? addingWorkingMinutes(left, to: start) : start
        }
    }

    private func compute(_ rule: DueRule, received: LocalDateTime, trace: inout [DueReason]?) -> LocalDateTime {
        trace?.append(.limit(rule.limit))
        var due: LocalDateTime
        switch rule.limit {
        case .workingDays(let n):
            let (start, reason) = normalize(received)
            trace?.append(reason)
            let date = countWorkingDays(n + rule.extraWorkingDays, after: start.date, extraFrom: n, trace: &trace)
            due = LocalDateTime(date: date, minuteOfDay: start.minuteOfDay)
            trace?.append(.due(due))
            return due
        case .workingHours(let h):
            let (start, reason) = normalize(received)
            trace?.append(reason)
            due = addingWorkingMinutes(h * 60, to: start)
            if trace != nil { traceConsumption(from: start, to: due, trace: &trace) }
        case .sameDay:
            let cutoff = rule.cutoff ?? schedule.sameDayCutoff
            let date = received.date
            let status = status(of: date)
            let endOfDay = schedule.dayEnd
            if status.isWorking && !schedule.isAfterCutoff(received.time, cutoff: cutoff) && received.time < endOfDay {
                trace?.append(.sameDayBeforeCutoff(received, cutoff: cutoff))
                due = LocalDateTime(date: date, time: endOfDay)
            } else {
                if !status.isWorking {
                    trace?.append(.sameDayOnDayOff(received, status))
                } else if received.time >= endOfDay {
                    trace?.append(.sameDayAfterHours(received))
                } else {
                    trace?.append(.sameDayAfterCutoff(received, cutoff: cutoff))
                }
                let next = countWorkingDays(1, after: date, extraFrom: nil, trace: &trace, announceCount: false)
                due = LocalDateTime(date: next, time: endOfDay)
            }
        case .calendarDays(let n):
            let target = received.date.adding(days: n)
            trace?.append(.calendarTarget(target, days: n))
            var date = target
            while !isWorkingDay(date) {
                trace?.append(.skipped(date, status(of: date)))
                date = date.adding(days: 1)
            }
            due = LocalDateTime(date: date, time: schedule.dayEnd)
        }
        if rule.extraWorkingDays > 0 {
            trace?.append(.extraDays(rule.extraWorkingDays))
            let date = countWorkingDays(rule.extraWorkingDays, after: due.date, extraFrom: 0, trace: &trace)
            due = LocalDateTime(date: date, minuteOfDay: due.minuteOfDay)
        }
        trace?.append(.due(due))
        return due
    }

    /// The n-th working day after `date`. When tracing, records each day counted or skipped; `extraFrom`
    /// marks where the verification days begin in the count (nil: none).
    private func countWorkingDays(
        _ n: Int, after date: CivilDate, extraFrom: Int?, trace: inout [DueReason]?,
        announceCount: Bool = true
    ) -> CivilDate {
        guard trace != nil else { return nthWorkingDay(n, after: date) }
        var counted = 0
        var d = date
        while counted < n {
            d = d.adding(days: 1)
            let s = status(of: d)
            if s.isWorking {
                if let extraFrom, counted == extraFrom, extraFrom > 0, extraFrom < n {
                    trace?.append(.extraDays(n - extraFrom))
                }
                counted += 1
                if announceCount { trace?.append(.counted(d, ordinal: counted, s)) }
            } else {
                trace?.append(.skipped(d, s))
            }
        }
        return d
    }

    private func traceConsumption(from start: LocalDateTime, to due: LocalDateTime, trace: inout [DueReason]?) {
        var d = start.date
        while d <= due.date {
            let s = status(of: d)
            if s.isWorking {
                let from = d == start.date ? start : LocalDateTime(date: d, minuteOfDay: 0)
                let to = d == due.date ? due : LocalDateTime(date: d, minuteOfDay: 1440)
                let used = workingMinutes(from: from, to: to)
                if used > 0 { trace?.append(.consumed(d, minutes: used, s)) }
            } else {
                trace?.append(.skipped(d, s))
            }
            d = d.adding(days: 1)
        }
    }
}

/// Remaining working time until a due instant, as officers read it: "Còn 1 ngày 3 giờ", "Còn 45 phút",
/// "Quá 2 ngày 1 giờ" (8 working hours = 1 day).
public struct RemainingTime: Hashable, Sendable, CustomStringConvertible {
    /// Working minutes from now to the due instant; negative when overdue.
    public let workingMinutes: Int
    /// True when the due instant has passed (even if no working time has elapsed since).
    public let isOverdue: Bool

    public init(workingMinutes: Int, isOverdue: Bool) {
        self.workingMinutes = workingMinutes
        self.isOverdue = isOverdue
    }

    /// Minutes that make one day in the officers' reading (8 working hours).
    public static let minutesPerDay = 480

    public static func between(now: LocalDateTime, due: LocalDateTime, calendar: WorkingCalendar) -> RemainingTime {
        RemainingTime(workingMinutes: calendar.workingMinutes(from: now, to: due), isOverdue: now > due)
    }

    /// "1 ngày 3 giờ", "3 giờ 15 phút", "45 phút", "2 ngày": days and hours when there is at least a day,
    /// hours and minutes below a day.
    public static func durationText(minutes: Int) -> String {
        let m = abs(minutes)
        let days = m / minutesPerDay
        let hours = (m % minutesPerDay) / 60
        let mins = m % 60
        if days > 0 { return hours > 0 ? "\(days) ngày \(hours) giờ" : "\(days) ngày" }
        if hours > 0 { return mins > 0 ? "\(hours) giờ \(mins) phút" : "\(hours) giờ" }
        return "\(mins) phút"
    }

    public var description: String {
        if isOverdue {
            return workingMinutes < 0 ? "Quá \(RemainingTime.durationText(minutes: workingMinutes))" : "Quá hạn"
        }
        return workingMinutes > 0 ? "Còn \(RemainingTime.durationText(minutes: workingMinutes))" : "Đến hạn"
    }
}
