#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value that is produced once on one thread and awaited on others, with an optional timeout
/// measured on the monotonic clock (immune to wall-clock jumps).
public final class Completion<Value>: @unchecked Sendable {
    // Heap cells: pthread objects must not move, and class properties have no stable address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var stored: Value?

    public init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Stores the value (the first one wins) and wakes every waiter.
    public func complete(_ value: Value) {
        pthread_mutex_lock(mutex)
        if stored == nil { stored = value }
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The value if it is there, without blocking.
    public var value: Value? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return stored
    }

    /// Blocks until the value is there.
    public func wait() -> Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while stored == nil { pthread_cond_wait(condition, mutex) }
        return stored!
    }

    /// Blocks until the value is there or `seconds` have passed; nil on timeout.
    public func wait(timeout seconds: Double) -> Value? {
        let deadline = MonotonicTime.now().adding(seconds: seconds).timespecValue
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        var deadlineSpec = deadline
        while stored == nil {
            if pthread_cond_timedwait(condition, mutex, &deadlineSpec) == ETIMEDOUT { break }
        }
        return stored
    }
}
