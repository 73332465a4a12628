/// Runs child processes. The real one uses posix_spawn; tests hand in a recording fake.
public protocol ProcessRunner: Sendable {
    /// Runs to completion (or timeout) and returns how it ended. Throws only when the child could
    /// not be started at all (tool missing: `HelpError` with code `.unavailable`).
    func run(_ command: Command) throws -> ProcessResult

    /// Starts a long-running child (a dev server) and returns a handle to wait for or stop it.
    func start(_ command: Command) throws -> any RunningProcess

    /// Resolves a tool the way `run` would: `HELP_<TOOL>` override, then PATH. Nil when missing.
    func locate(_ tool: String) -> String?
}

/// A child that is still running.
public protocol RunningProcess: AnyObject, Sendable {
    var pid: Int32 { get }
    /// Blocks until the child ends.
    func wait() -> ProcessResult
    /// Non-blocking: the result once the child has ended.
    func poll() -> ProcessResult?
    /// SIGINT to its process group, up to `grace` seconds, then SIGKILL. Returns how it ended.
    @discardableResult func stop(grace: Double) -> ProcessResult
}
