import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `Console` whose output lands in memory, for tests to read back or wait on. Thread-safe:
/// streamed child output arrives on pump threads.
public final class BufferConsole: @unchecked Sendable {
    public let console: Console
    private let buffers: Buffers

    public init(style: Console.Style = Console.Style(verbosity: .verbose)) {
        let buffers = Buffers()
        self.buffers = buffers
        console = Console(
            style: style, stdout: { buffers.append($0, toStdout: true) },
            stderr: { buffers.append($0, toStdout: false) })
    }

    /// Everything written to stdout so far.
    public var stdout: String { buffers.locked { buffers.out } }

    /// Everything written to stderr so far.
    public var stderr: String { buffers.locked { buffers.err } }

    /// Stderr cut into lines (without their newlines).
    public var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Blocks until stderr contains `text`; false if `timeout` seconds pass first. The timeout is a
    /// safety net against a hung child, not a measurement.
    public func waitForStderr(containing text: String, timeout: Double = 30) -> Bool {
        buffers.wait(until: { $0.err.contains(text) }, timeout: timeout)
    }
}

/// The two strings behind a `BufferConsole`, with a condition signalled on every append.
private final class Buffers: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    var out = ""
    var err = ""

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Appends to one stream and wakes waiters.
    func append(_ text: String, toStdout: Bool) {
        locked {
            if toStdout { out += text } else { err += text }
            pthread_cond_broadcast(changed)
        }
    }

    /// Blocks until `done` holds or `timeout` seconds pass.
    func wait(until done: (Buffers) -> Bool, timeout: Double) -> Bool {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_sec += Int(timeout.rounded(.up))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !done(self) {
            if pthread_cond_timedwait(changed, mutex, &deadline) == ETIMEDOUT { return done(self) }
        }
        return true
    }

    /// Runs `body` holding the buffers' lock.
    func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
