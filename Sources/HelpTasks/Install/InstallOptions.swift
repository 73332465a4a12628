/// What the user asked `help install` to do, already parsed from the command line.
public struct InstallOptions: Sendable, Equatable {
    /// Whether development dependencies are wanted (sync) or where new packages go (install).
    public enum Role: String, Sendable, Equatable {
        /// Decided per package by `DevToolHeuristic` (install) / development set (sync).
        case automatic
        case dev
        case prod
    }

    /// The package arguments as typed; empty means "sync every selected component".
    public var packages: [String]
    /// Component names from `--server`, `--component NAME`…; empty means "decide from the cwd".
    public var components: [String]
    public var role: Role
    /// Install without recording the requirement anywhere.
    public var noSave: Bool
    public var pin: PinStyle
    /// Go ahead despite a conflicting specifier already recorded, and ignore the stamp on sync.
    public var force: Bool
    public var dryRun: Bool
    /// Use only the local wheelhouse (pip) or uv's cache; fail clearly when something is missing.
    public var offline: Bool
    /// Treat `pip check` findings as a failure (and roll back).
    public var strict: Bool
    /// `--all`: sync every component even when run inside one component's folder.
    public var all = false

    public init(
        packages: [String] = [], components: [String] = [], role: Role = .automatic, noSave: Bool = false,
        pin: PinStyle = .compatible, force: Bool = false, dryRun: Bool = false, offline: Bool = false,
        strict: Bool = false
    ) {
        self.packages = packages
        self.components = components
        self.role = role
        self.noSave = noSave
        self.pin = pin
        self.force = force
        self.dryRun = dryRun
        self.offline = offline
        self.strict = strict
    }

    /// Whether a sync installs development dependencies too: yes unless `--prod`.
    public var includesDevelopment: Bool { role != .prod }
}
