#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MotCuaCore

/// The wall clock, read only at the edges of the program (never in the domain).
public enum SystemClock {
    /// The environment variable that pins "now" (`YYYY-MM-DD HH:MM`), for end-to-end tests and training.
    public static let overrideVariable = "MOTCUA_NOW"

    /// The local date and time now, to the minute.
    ///
    /// Local time is the operating system's (`localtime_r`, honouring `TZ`): the time the officer sees on
    /// the machine. A valid `MOTCUA_NOW` replaces it.
    public static func now() -> LocalDateTime {
        if let pinned = Environment.get(overrideVariable), let t = LocalDateTime(iso: pinned) { return t }
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let date = CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
        return LocalDateTime(date: date, minuteOfDay: Int(parts.tm_hour) * 60 + Int(parts.tm_min))
    }

    /// Seconds since the Unix epoch (UTC), for event timestamps that must order across processes.
    public static func unixSeconds() -> Int64 { Int64(time(nil)) }
}

/// A monotonic clock for measuring durations (benchmarks, timeouts).
public struct Stopwatch: Sendable {
    private let start: UInt64

    public init() { start = Stopwatch.nanoseconds() }

    public static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    public var elapsedNanoseconds: UInt64 { Stopwatch.nanoseconds() - start }
    public var elapsedSeconds: Double { Double(elapsedNanoseconds) / 1e9 }
    public var elapsedMilliseconds: Double { Double(elapsedNanoseconds) / 1e6 }
}

extension SystemClock {
    /// Waits (the calling thread sleeps).
    public static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
