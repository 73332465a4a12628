import HelpProject

/// What `DependencySync.sync` did for one component, and the environment to run its tools in.
/// `help run` and `help test` use `environment` to find `python`, `pytest`, `uvicorn`.
public struct SyncOutcome: Sendable, Equatable {
    /// What happened, for the report.
    public enum Status: String, Sendable, Equatable {
        /// The stamp matched: nothing was run.
        case upToDate = "up-to-date"
        /// Dependencies were installed into an existing environment.
        case installed
        /// A new environment was made and filled.
        case created
        /// A broken or unfit environment was replaced.
        case recreated
        /// The component declares no dependencies (a Node package without any, for instance).
        case nothingToDo = "nothing-to-do"
        /// `--dry-run`: the plan was computed and printed, nothing ran.
        case planned
    }

    /// The component's name (`server`).
    public var component: String
    public var status: Status
    /// The Python environment, for Python components; nil for Node and others.
    public var environment: VirtualEnvironment?
    /// Why this environment (reused, created, recreated) in words.
    public var environmentReason: String?
    /// pip or uv (Python), npm (Node).
    public var installer: String?
    /// The steps that ran (or would run, under `--dry-run`).
    public var steps: [PlanStep]
    /// Seconds spent, for the report.
    public var duration: Double
    /// How the component's own project went in: `editable`, `dependencies-only` (its folder on
    /// the import path instead), `poetry` (poetry install); nil when it is not a project.
    public var projectInstall: String?
    /// The lock file followed (`poetry.lock`, `uv.lock`), when one was.
    public var lockFile: String?
    /// Things the user should know: a fallback taken, a stale lock.
    public var notes: [String] = []

    public init(
        component: String, status: Status, environment: VirtualEnvironment? = nil, environmentReason: String? = nil,
        installer: String? = nil, steps: [PlanStep] = [], duration: Double = 0
    ) {
        self.component = component
        self.status = status
        self.environment = environment
        self.environmentReason = environmentReason
        self.installer = installer
        self.steps = steps
        self.duration = duration
    }

    /// The environment's interpreter (`server/.venv/bin/python`), when there is one.
    public var pythonPath: String? { environment?.python }
    /// The environment's `bin` folder, to put first on PATH.
    public var binDirectory: String? { environment?.binDirectory }
}
