#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for the end of a process that is not our child (a server's worker, started by its
/// reloader), which `waitpid` cannot see: a pidfd that polls readable when it exits, where the
/// kernel has them (Linux 5.3+), else a check every 0.1 s.
public enum ProcessExitWait {
    /// Blocks until `pid` is gone or `timeout` seconds pass; true when it is gone. A zombie counts
    /// as gone: it runs no code any more.
    @discardableResult
    public static func wait(for pid: Int32, timeout: Double) -> Bool {
        if let fd = LinuxCalls.pidfd(pid) {
            defer { closeDescriptor(fd) }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let deadline = MonotonicTime.now().adding(seconds: timeout)
            while true {
                let left = Int32(max(0, deadline.seconds(since: MonotonicTime.now())) * 1000)
                let ready = Glibc.poll(&entry, 1, left)
                if ready > 0 { return true }
                if ready == 0 { return false }
                if errno != EINTR { return !isRunning(pid) }
            }
        }
        let deadline = MonotonicTime.now().adding(seconds: timeout)
        while isRunning(pid) {
            if MonotonicTime.now() >= deadline { return false }
            usleep(100_000)
        }
        return true
    }

    /// True while `pid` exists and is not a zombie.
    public static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? FileSystem().readFile("/proc/\(pid)/stat"),
            let close = stat.lastIndex(of: UInt8(ascii: ")")), close + 2 < stat.count
        else { return true }
        return stat[close + 2] != UInt8(ascii: "Z")
    }
}
