#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells the pump when a child has exited, without reaping it: a pidfd that polls readable on
/// Linux 5.3+, else a thread blocked in `waitid(WNOWAIT)` that raises a flag and wakes the pump.
/// Keeping the zombie until `reap` means its pid (and group id) cannot be reused while we may
/// still signal it.
final class ExitWatch: @unchecked Sendable {
    let pid: pid_t
    /// The pidfd to poll, or -1 when the waiter thread reports instead.
    let descriptor: Int32
    private let lock = Mutex()
    private var reported = false

    init(pid: pid_t, wake: @escaping @Sendable () -> Void) {
        self.pid = pid
        if let fd = LinuxCalls.pidfd(pid) {
            descriptor = fd
            return
        }
        descriptor = -1
        NativeThread.detach(name: "help-wait-\(pid)") { [self] in
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            lock.withLock { reported = true }
            wake()
        }
    }

    deinit { closeDescriptor(descriptor) }

    /// True once the waiter thread has seen the exit (pidfd readiness is seen by `poll` instead).
    var exitReported: Bool { lock.withLock { reported } }

    /// Collects the exit status (blocking until the child has exited), so no zombie remains.
    func reap() -> ProcessResult.Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(127) }
        }
        // WIFEXITED/WIFSIGNALED are macros Swift cannot import; these are their definitions.
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(signal)
    }
}
