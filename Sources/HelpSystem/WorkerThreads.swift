#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shared plain pthreads: the scanner's parallel stat and hash loops, and `help test`'s
/// components tested at once. Dispatch's concurrentPerform caps at the core count the runtime
/// sees, while stat and read calls spend most of their time in the kernel and gain from a few more
/// threads than cores; and Dispatch's pool must not be parked in the blocking waits of children.
public enum WorkerThreads {
    /// Two threads at least, up to twice the online cores, eight at most.
    public static var defaultCount: Int {
        let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        return max(2, min(cores * 2, 8))
    }

    /// Calls `body(worker)` on `count` threads (the calling thread is worker 0) and waits for all.
    public static func run(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { escapable in
            // Workers start with the asynchronous signals blocked so Ctrl-C is handled where the
            // process expects it (the main thread or its signal watcher), not on a worker.
            var blocked = sigset_t()
            var previous = sigset_t()
            sigemptyset(&blocked)
            for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&blocked, signal) }
            pthread_sigmask(SIG_BLOCK, &blocked, &previous)
            var threads: [pthread_t] = []
            for worker in 1..<count {
                let box = Unmanaged.passRetained(Job { escapable(worker) }).toOpaque()
                var thread = pthread_t()
                if pthread_create(
                    &thread, nil,
                    { raw in
                        let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                        job.body()
                        return nil
                    }, box) == 0
                {
                    threads.append(thread)
                } else {
                    Unmanaged<Job>.fromOpaque(box).release()
                    escapable(worker)  // no thread available: do its share here
                }
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            escapable(0)
            for thread in threads { pthread_join(thread, nil) }
        }
    }

    /// Calls `body` on chunks of `0..<total`, handed out to `threads` workers as they finish.
    public static func forEachChunk(
        _ total: Int, chunk: Int = 512, threads: Int = defaultCount, _ body: (Range<Int>) -> Void
    ) {
        guard total > 0 else { return }
        let workers = min(threads, (total + chunk - 1) / chunk)
        let next = ChunkCounter()
        run(workers) { _ in
            while let range = next.take(chunk, total) { body(range) }
        }
    }

    // MARK: - Plumbing

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private final class ChunkCounter: @unchecked Sendable {
        private let lock = Mutex()
        private var position = 0

        func take(_ chunk: Int, _ total: Int) -> Range<Int>? {
            lock.withLock {
                guard position < total else { return nil }
                let start = position
                position = min(total, position + chunk)
                return start..<position
            }
        }
    }
}
