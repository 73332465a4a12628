#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain pthread for blocking work (draining pipes, waiting for signals, animating a spinner).
/// Dispatch's pool is bounded and must not be parked in blocking reads; these threads are cheap,
/// detached, and start with the process signals blocked so handlers never run on them.
public enum NativeThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts `body` on a new detached thread named `name` (visible in `ps -L` and debuggers).
    public static func detach(name: String, _ body: @escaping () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        // Block the asynchronous signals while creating, so the new thread inherits the block and
        // the main thread (or the signal watcher) is where they are handled; SIGPIPE stays blocked
        // for good there, so a write to a closed pipe returns EPIPE instead of killing us.
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        var thread = pthread_t()
        let created = pthread_create(
            &thread, &attributes,
            { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                box.body()
                return nil
            }, box)
        guard created == 0 else {
            // Without a thread the work cannot proceed safely; this only happens when the system is
            // out of resources, so run it inline rather than lose it.
            Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
            return
        }
        LinuxCalls.setThreadName(thread, name)
    }
}
