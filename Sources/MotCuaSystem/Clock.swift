#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import MotCuaCore

/// The wall clock, read in one place (never in the domain).
public enum SystemClock {
    /// Vietnam time now, to the minute: UTC+7 all year (Vietnam has no daylight saving), whatever the
    /// machine's `TZ` says — legal times must not move with a setting. Nothing overrides it: tests inject
    /// a clock through the application layer (or fake the system clock of the whole process).
    public static func now() -> LocalDateTime { LocalDateTime(unixSeconds: unixSeconds()) }

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
