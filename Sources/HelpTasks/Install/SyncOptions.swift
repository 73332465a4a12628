/// How a dependency sync runs; `help run` and `help test` use the defaults.
public struct SyncOptions: Sendable, Equatable {
    /// Install development dependencies too (tests, linters): yes unless `--prod`.
    public var development: Bool
    /// Ignore the stamp and install again.
    public var force: Bool
    /// Compute and return the plan, run nothing.
    public var dryRun: Bool
    /// Local wheels (pip) or uv's cache only.
    public var offline: Bool

    public init(development: Bool = true, force: Bool = false, dryRun: Bool = false, offline: Bool = false) {
        self.development = development
        self.force = force
        self.dryRun = dryRun
        self.offline = offline
    }
}
