#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point on the monotonic clock (nanoseconds since an arbitrary origin): for durations,
/// deadlines and timeouts, because it never jumps when the wall clock is set.
public struct MonotonicTime: Comparable, Sendable, Hashable {
    /// Sleeps this thread for `seconds` (a poll interval), resuming after signals.
    public static func sleep(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }

    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    /// The current monotonic time, from `clock_gettime(CLOCK_MONOTONIC)`.
    public static func now() -> MonotonicTime {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicTime(nanoseconds: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    /// This time moved forward by `seconds` (negative values count as zero).
    public func adding(seconds: Double) -> MonotonicTime {
        MonotonicTime(nanoseconds: nanoseconds &+ UInt64(max(0, seconds) * 1e9))
    }

    /// Seconds elapsed from `earlier` to this time (zero if `earlier` is later).
    public func seconds(since earlier: MonotonicTime) -> Double {
        nanoseconds > earlier.nanoseconds ? Double(nanoseconds - earlier.nanoseconds) / 1e9 : 0
    }

    /// Milliseconds from now until this deadline, rounded up, for `poll(2)`; 0 when it has passed.
    func millisecondsFromNow() -> Int32 {
        let now = MonotonicTime.now()
        guard nanoseconds > now.nanoseconds else { return 0 }
        let millis = (nanoseconds - now.nanoseconds + 999_999) / 1_000_000
        return Int32(min(millis, UInt64(Int32.max)))
    }

    var timespecValue: timespec {
        timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }

    public static func < (a: MonotonicTime, b: MonotonicTime) -> Bool { a.nanoseconds < b.nanoseconds }
}

/// A moment of wall-clock time (UTC), for logs, file names and reports.
public struct WallTime: Sendable, Hashable {
    public var seconds: Int64
    public var nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// `2024-05-01T12:30:05.123Z`.
    public var iso8601: String {
        let t = broken()
        return "\(pad(t.tm_year + 1900, 4))-\(pad(t.tm_mon + 1))-\(pad(t.tm_mday))T"
            + "\(pad(t.tm_hour)):\(pad(t.tm_min)):\(pad(t.tm_sec)).\(pad(nanoseconds / 1_000_000, 3))Z"
    }

    /// `20240501-123005`: sorts by time and is safe in file names.
    public var fileStamp: String {
        let t = broken()
        return
            "\(pad(t.tm_year + 1900, 4))\(pad(t.tm_mon + 1))\(pad(t.tm_mday))-\(pad(t.tm_hour))\(pad(t.tm_min))\(pad(t.tm_sec))"
    }

    private func broken() -> tm {
        var time = time_t(seconds)
        var result = tm()
        gmtime_r(&time, &result)
        return result
    }

    private func pad(_ value: Int32, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// The source of time handed to code that stamps or measures: the system clock in production,
/// a fixed or stepping one in tests.
public struct Clock: Sendable {
    private let monotonicSource: @Sendable () -> MonotonicTime
    private let wallSource: @Sendable () -> WallTime

    public init(monotonic: @escaping @Sendable () -> MonotonicTime, wall: @escaping @Sendable () -> WallTime) {
        self.monotonicSource = monotonic
        self.wallSource = wall
    }

    /// The real clocks: `CLOCK_MONOTONIC` and `CLOCK_REALTIME`.
    public static let system = Clock(
        monotonic: { MonotonicTime.now() },
        wall: {
            var spec = timespec()
            clock_gettime(CLOCK_REALTIME, &spec)
            return WallTime(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
        })

    /// A clock frozen at `wall` (the monotonic side still runs, so timeouts keep working).
    public static func fixed(_ wall: WallTime) -> Clock {
        Clock(monotonic: { MonotonicTime.now() }, wall: { wall })
    }

    /// Now, on the monotonic clock.
    public func monotonic() -> MonotonicTime { monotonicSource() }

    /// Now, on the wall clock.
    public func wall() -> WallTime { wallSource() }
}
