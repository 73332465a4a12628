import HelpProject
import HelpSystem

/// Everything `help run` will do after the dependency sync, in order, computed without side
/// effects: configuration, database and migrations per component, then the services started
/// together. `--dry-run` prints it; unit tests assert on it; `RunWorkflow` carries it out.
public struct RunPlan: Sendable, Equatable {
    /// The stages of the pipeline, in the order they run.
    public enum Stage: String, Sendable, Equatable, CaseIterable {
        case dependencies, configuration, database, migrations, startup, server
    }

    /// The preparation of one component: what its stages will do.
    public struct Preparation: Sendable, Equatable {
        public var component: String
        /// Nil when the component has no `.env` of its own.
        public var configuration: EnvFilePlan?
        /// Nil when its configuration names no database.
        public var database: DatabaseLocation?
        /// Nil without Alembic, or when the project's start-up steps migrate themselves.
        public var migrations: MigrationPlan?
        /// The project's own PostgreSQL, when the app needs one and none is configured (or the
        /// configured one is it).
        public var localPostgres: LocalPostgresPlan?
        /// The project's own start-up steps (a prestart script, a Procfile `release:` line).
        public var startup: StartupPlan?

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
        command(python, arguments, configuration: configuration)
    }

    /// `executable arguments` in the component's folder, with the environment of `command(_:configuration:)`.
    public func command(_ executable: String, _ arguments: [String], configuration: EffectiveConfiguration?)
        -> Command
    {
        var environment = self.environment
        var secrets: [String: Secret] = [:]
        if let variables = configuration?.childVariables {
            environment.merge(variables.plain) { own, _ in own }
            secrets = variables.secrets
        }
        return Command(
            executable, arguments, environment: environment, secrets: secrets, workingDirectory: folder,
            output: .capture)
    }
}

/// The project's own PostgreSQL for one component (`ProjectPostgres`): started before the
/// component's configuration is written, so its `.env` gets the server's address.
public struct LocalPostgresPlan: Sendable, Equatable {
    /// The database the app uses on it (created when missing).
    public var database: String
    /// The configuration keys that receive the address (`POSTGRES_SERVER`..., or `DATABASE_URL`).
    public var keys: [String]
    /// The configuration names the cluster already: it is only started.
    public var reused: Bool

    /// A plan for the database `database`.
    public init(database: String, keys: [String], reused: Bool = false) {
        self.database = database
        self.keys = keys
        self.reused = reused
    }

    /// The values of `keys` for `server` (a database on the project's cluster).
    public func values(for server: PostgresDatabase) -> [String: Secret] {
        var values: [String: Secret] = [:]
        for key in keys {
            switch key {
            case "POSTGRES_SERVER": values[key] = Secret(server.host)
            case "POSTGRES_PORT": values[key] = Secret(String(server.port))
            case "POSTGRES_USER": values[key] = Secret(server.user ?? ProjectPostgres.superuser)
            case "POSTGRES_PASSWORD": values[key] = server.password ?? Secret("")
            case "POSTGRES_DB": values[key] = Secret(server.database)
            default:
                let password = server.password.map { ":" + $0.reveal() } ?? ""
                values[key] = Secret(
                    "postgresql://\(server.user ?? ProjectPostgres.superuser)\(password)@\(server.host):\(server.port)/"
                        + server.database)
            }
        }
        return values
    }
}

/// The project's own start-up steps for one component, run after the migrations (or in their
/// place when they migrate themselves), through the component's interpreter environment.
public struct StartupPlan: Sendable, Equatable {
    /// `scripts/prestart.sh`, or `Procfile release`, for messages.
    public var label: String
    /// The program and its arguments (`bash scripts/prestart.sh`).
    public var argv: [String]
    /// The steps run `alembic upgrade` themselves.
    public var migrates: Bool
    /// The script and the modules it names (such as `app/initial_data.py`), relative to the
    /// component: a change to any of them runs the steps again.
    public var inputs: [String]
    /// Folder, environment and migration inputs, shared with the migrations.
    public var migration: MigrationPlan

    /// A plan for these steps.
    public init(label: String, argv: [String], migrates: Bool, inputs: [String], migration: MigrationPlan) {
        self.label = label
        self.argv = argv
        self.migrates = migrates
        self.inputs = inputs
        self.migration = migration
    }
}
