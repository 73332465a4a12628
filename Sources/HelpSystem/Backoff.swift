/// Exponential backoff for work that may fail for a while (a network blip, a service still
/// starting): attempt 1 runs at once, attempt n waits `initial * factor^(n-2)` seconds first,
/// capped at `maximum`. The sleep is injected so tests do not wait.
public struct Backoff: Sendable {
    /// How many times the work runs at most (1 means no retry).
    public var attempts: Int
    /// The wait before the second attempt.
    public var initial: Double
    public var factor: Double
    /// The longest single wait.
    public var maximum: Double
    /// Waits the given seconds; `MonotonicTime.sleep` unless a test hands in a recorder.
    public var sleep: @Sendable (Double) -> Void

    public init(
        attempts: Int = 4, initial: Double = 1, factor: Double = 2, maximum: Double = 30,
        sleep: @escaping @Sendable (Double) -> Void = { MonotonicTime.sleep(seconds: $0) }
    ) {
        self.attempts = max(1, attempts)
        self.initial = initial
        self.factor = factor
        self.maximum = maximum
        self.sleep = sleep
    }

    /// No retry at all.
    public static let once = Backoff(attempts: 1)

    /// The wait before attempt `attempt` (1-based): zero for the first.
    public func delay(before attempt: Int) -> Double {
        guard attempt > 1 else { return 0 }
        var wait = initial
        for _ in 2..<attempt { wait *= factor }
        return min(wait, maximum)
    }

    /// Runs `body(attempt)` until it returns, it throws an error `isTransient` rejects, or the
    /// attempts run out (then the last error is thrown). `onRetry` hears each failure that will
    /// be retried and the wait before the next attempt.
    public func run<T>(
        isTransient: (Error) -> Bool, onRetry: (Error, _ attempt: Int, _ wait: Double) -> Void = { _, _, _ in },
        _ body: (_ attempt: Int) throws -> T
    ) throws -> T {
        var attempt = 1
        while true {
            do {
                return try body(attempt)
            } catch {
                guard attempt < attempts, isTransient(error) else { throw error }
                attempt += 1
                let wait = delay(before: attempt)
                onRetry(error, attempt - 1, wait)
                if wait > 0 { sleep(wait) }
            }
        }
    }
}
