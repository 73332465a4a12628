import HelpProject
import HelpSystem

/// Everything `help run` will do after the dependency sync, in order, computed without side
/// effects: configuration, database and migrations per component, then the services started
/// together. `--dry-run` prints it; unit tests assert on it; `RunWorkflow` carries it out.
public struct RunPlan: Sendable, Equatable {
    /// The stages of the pipeline, in the order they run.
    public enum Stage: String, Sendable, Equatable, CaseIterable {
        case dependencies, configuration, database, migrations, server
    }

    /// The preparation of one component: what its stages will do.
    public struct Preparation: Sendable, Equatable {
        public var component: String
        /// Nil when the component has no `.env` of its own.
        public var configuration: EnvFilePlan?
        /// Nil when its configuration names no database.
        public var database: DatabaseLocation?
        /// Nil without Alembic.
        public var migrations: MigrationPlan?

        /// A preparation with these parts.
        public init(
            component: String, configuration: EnvFilePlan? = nil, database: DatabaseLocation? = nil,
            migrations: MigrationPlan? = nil
        ) {
            self.component = component
            self.configuration = configuration
            self.database = database
            self.migrations = migrations
        }
    }

    /// Components in start order (those others depend on first).
    public var preparations: [Preparation]
    /// The processes started once every preparation is done.
    public var services: [ServiceLaunch]

    /// A plan of these preparations and services.
    public init(preparations: [Preparation], services: [ServiceLaunch]) {
        self.preparations = preparations
        self.services = services
    }

    /// The service of `component`.
    public func service(_ component: String) -> ServiceLaunch? {
        services.first { $0.component == component }
    }
}

/// How one component's migrations run: Alembic through the component's own interpreter, in its
/// folder, with the component on PYTHONPATH and its configuration in the environment.
public struct MigrationPlan: Sendable, Equatable {
    public var component: String
    public var folder: String
    /// The environment's interpreter (`server/.venv/bin/python`).
    public var python: String
    /// Variables besides the configuration: PYTHONPATH, VIRTUAL_ENV, PATH.
    public var environment: [String: String]
    /// Files whose content decides which revisions exist: alembic.ini and the migration scripts,
    /// relative to `folder`.
    public var inputs: [String]

    /// A migration plan for a component.
    public init(component: String, folder: String, python: String, environment: [String: String], inputs: [String]) {
        self.component = component
        self.folder = folder
        self.python = python
        self.environment = environment
        self.inputs = inputs
    }

    /// `python -m alembic upgrade head`.
    public var upgradeArguments: [String] { ["-m", "alembic", "upgrade", "head"] }
    /// `python -m alembic current`.
    public var currentArguments: [String] { ["-m", "alembic", "current"] }

    /// The child command for `arguments`, with `configuration`'s values in its environment
    /// (secrets as secrets).
    public func command(_ arguments: [String], configuration: EffectiveConfiguration?) -> Command {
        var environment = self.environment
        var secrets: [String: Secret] = [:]
        if let variables = configuration?.childVariables {
            environment.merge(variables.plain) { own, _ in own }
            secrets = variables.secrets
        }
        return Command(
            python, arguments, environment: environment, secrets: secrets, workingDirectory: folder, output: .capture)
    }
}
