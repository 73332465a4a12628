/// What `help test` was asked to do.
public struct TestOptions: Sendable {
    /// Component names (from `--component NAME` or a component flag); empty means all.
    public var components: [String] = []
    /// `--all`: every component, even when `help test` runs inside one component's folder.
    public var all = false
    /// Only the components whose inputs changed against `since`, plus their dependents.
    public var changed = false
    public var since: String?
    /// `tests`, `lint` or `types`; nil runs every check.
    public var only: String?
    public var noLint = false
    /// With `--changed`: run whole Python suites instead of the test files the changes reach.
    public var allTests = false
    public var noCache = false
    public var rerunFailed = false
    public var explain = false
    public var replay = false
    public var junitPath: String?
    /// Components run at once.
    public var jobs: Int = 2

    public init() {}
}
