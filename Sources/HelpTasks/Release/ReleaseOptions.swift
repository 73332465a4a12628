/// What `help release` was asked for: which components, the new version, and how far to go
/// (commit only, tag, push, publish) or only to show the plan.
public struct ReleaseOptions: Sendable, Equatable {
    /// Component names; empty means every component that has a version.
    public var components: [String] = []
    public var bump: ReleaseVersion.Part?
    public var set: String?
    public var tag = false
    public var push = false
    public var publish = false
    /// Where wheels and sdists go: a URL (`--repository-url`) or a name from ~/.pypirc; nil is twine's default.
    public var repository: String?
    /// Where npm tarballs go; nil is npm's configured registry.
    public var npmRegistry: String?
    /// Release from a work tree with uncommitted changes.
    public var allowDirty = false
    /// Print every step with its exact command, change nothing.
    public var dryRun = false
    /// Components built at once.
    public var jobs = 1

    public init() {}
}
