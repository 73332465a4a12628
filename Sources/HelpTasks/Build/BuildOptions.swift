/// What `help build` was asked for: which components, whether the cache may answer, how many at once.
public struct BuildOptions: Sendable, Equatable {
    /// Component names; empty means every component.
    public var components: [String] = []
    /// Build even when a cached build of the same inputs exists.
    public var noCache = false
    /// Say for each component why it was built (what changed) or restored.
    public var explain = false
    /// Also build a Docker image for each component with a Dockerfile.
    public var docker = false
    /// No network: dependencies from the wheelhouse, Python builds without isolation (the backend
    /// from the component's environment, installed there from the wheelhouse when missing).
    public var offline = false
    /// Components built at once.
    public var jobs = 1

    public init() {}
}
