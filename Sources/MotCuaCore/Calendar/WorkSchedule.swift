/// One working session of a day, e.g. 07:30–11:30 (half-open: the end instant is not inside).
public struct WorkSession: Hashable, Sendable {
    public let start: ClockTime
    public let end: ClockTime

    public init?(start: ClockTime, end: ClockTime) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    public var minutes: Int { end.minuteOfDay - start.minuteOfDay }
}

/// The working week and hours of the unit (giờ làm việc).
public struct WorkSchedule: Hashable, Sendable {
    /// Days of the week that are working days unless a holiday says otherwise.
    public let workingWeekdays: Set<Weekday>
    /// Sessions of a working day, sorted and not overlapping.
    public let sessions: [WorkSession]
    /// Same-day procedures received after this time are due the next working day (giờ chốt).
    public let sameDayCutoff: ClockTime

    /// Whether a dossier received at `time` comes after the cut-off ("sau 15 giờ", domain.md §2.3 and §3):
    /// received at 15:00 itself is still that day's. `cutoff` is a procedure's own, if it has one.
    public func isAfterCutoff(_ time: ClockTime, cutoff: ClockTime? = nil) -> Bool { time > (cutoff ?? sameDayCutoff) }

    /// Monday–Friday, 07:30–11:30 and 13:00–17:00, cut-off 15:00.
    public static let standard = WorkSchedule(
        uncheckedWeekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
        sessions: [
            WorkSession(start: ClockTime(hour: 7, minute: 30)!, end: ClockTime(hour: 11, minute: 30)!)!,
            WorkSession(start: ClockTime(hour: 13, minute: 0)!, end: ClockTime(hour: 17, minute: 0)!)!
        ],
        cutoff: ClockTime(hour: 15, minute: 0)!
    )

    private init(uncheckedWeekdays: Set<Weekday>, sessions: [WorkSession], cutoff: ClockTime) {
        self.workingWeekdays = uncheckedWeekdays
        self.sessions = sessions
        self.sameDayCutoff = cutoff
    }

    public enum Problem: Error, Equatable, Sendable {
        case noWorkingWeekday
        case noSession
        case overlappingSessions(WorkSession, WorkSession)

        /// In Vietnamese, for configuration messages.
        public var message: String {
            switch self {
            case .noWorkingWeekday: "phải có ít nhất một ngày làm việc trong tuần"
            case .noSession: "phải có ít nhất một buổi làm việc"
            case let .overlappingSessions(a, b):
                "buổi \(a.start)–\(a.end) và buổi \(b.start)–\(b.end) chồng lên nhau hoặc không theo thứ tự"
            }
        }
    }

    public init(workingWeekdays: Set<Weekday>, sessions: [WorkSession], sameDayCutoff: ClockTime) throws(Problem) {
        guard !workingWeekdays.isEmpty else { throw .noWorkingWeekday }
        guard !sessions.isEmpty else { throw .noSession }
        for (a, b) in zip(sessions, sessions.dropFirst()) where b.start < a.end {
            throw .overlappingSessions(a, b)
        }
        self.init(uncheckedWeekdays: workingWeekdays, sessions: sessions, cutoff: sameDayCutoff)
    }

    /// Working minutes in one working day (480 for the standard schedule).
    public var minutesPerDay: Int { sessions.reduce(0) { $0 + $1.minutes } }

    public var dayStart: ClockTime { sessions[0].start }
    public var dayEnd: ClockTime { sessions[sessions.count - 1].end }

    /// Working minutes of a working day that lie at or after `minuteOfDay`.
    func minutesRemaining(after minuteOfDay: Int) -> Int {
        var total = 0
        for s in sessions where s.end.minuteOfDay > minuteOfDay {
            total += s.end.minuteOfDay - max(s.start.minuteOfDay, minuteOfDay)
        }
        return total
    }

    /// Working minutes of a working day that lie before `minuteOfDay`.
    func minutesElapsed(before minuteOfDay: Int) -> Int { minutesPerDay - minutesRemaining(after: minuteOfDay) }

    /// The minute of the day at which `consumed` working minutes (1 ... remaining) have been used, counting
    /// from `minuteOfDay`. Ends at a session's end rather than at the next session's start.
    func minuteAfterConsuming(_ consumed: Int, from minuteOfDay: Int) -> Int {
        var left = consumed
        for s in sessions where s.end.minuteOfDay > minuteOfDay {
            let from = max(s.start.minuteOfDay, minuteOfDay)
            let available = s.end.minuteOfDay - from
            if left <= available { return from + left }
            left -= available
        }
        return dayEnd.minuteOfDay
    }

    /// Where a minute of a working day stands against the sessions.
    enum Position: Equatable {
        case beforeFirstSession
        case inSession
        case inBreak(resumesAt: ClockTime)
        case afterLastSession
    }

    func position(of minuteOfDay: Int) -> Position {
        if minuteOfDay < sessions[0].start.minuteOfDay { return .beforeFirstSession }
        for (i, s) in sessions.enumerated() {
            if minuteOfDay >= s.start.minuteOfDay && minuteOfDay < s.end.minuteOfDay { return .inSession }
            if i + 1 < sessions.count, minuteOfDay >= s.end.minuteOfDay,
                minuteOfDay < sessions[i + 1].start.minuteOfDay
            {
                return .inBreak(resumesAt: sessions[i + 1].start)
            }
        }
        return .afterLastSession
    }
}
