#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process ids as the layers above need them (this process's, and whether another one still
/// exists), so workflows read a lock holder's liveness without calling the kernel themselves.
public enum ProcessIdentity {
    /// The id of this process.
    public static var current: Int32 { getpid() }

    /// True while a process with this id exists, including one we may not signal (EPERM).
    public static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
