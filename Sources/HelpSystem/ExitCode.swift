/// The process exit codes of `help`, after sysexits(3), so scripts can tell failures apart.
public enum ExitCode: Int32, Sendable, CaseIterable {
    case ok = 0
    /// The work itself failed: a test, a build, an install.
    case failure = 1
    /// The command line was wrong.
    case usage = 64
    /// An input file or value was malformed.
    case dataError = 65
    /// A needed tool or service is not available.
    case unavailable = 69
    /// Reading or writing a file failed.
    case ioError = 74
    /// A temporary failure (network, lock held) that may succeed on retry.
    case tempFailure = 75
    /// Interrupted by Ctrl-C.
    case interrupted = 130
}
