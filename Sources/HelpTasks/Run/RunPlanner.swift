import HelpProject
import HelpSystem

/// Lays out `help run` from the project model, the options and facts gathered beforehand (the
/// environments the sync settled on, the configurations read, the migration scripts found). Pure
/// apart from `isPortFree`: no file is read, nothing is started.
public struct RunPlanner: Sendable {
    public var project: Project
    public var options: RunOptions
    /// The environment `help` was started with: its PATH is the base of the children's.
    public var environment: [String: String]
    /// What was found per component name.
    public var facts: [String: ComponentFacts]
    /// Whether a server could listen on `host:port` now.
    public var isPortFree: @Sendable (String, Int) -> Bool

    /// A planner over these inputs.
    public init(
        project: Project, options: RunOptions, environment: [String: String], facts: [String: ComponentFacts],
        isPortFree: @escaping @Sendable (String, Int) -> Bool
    ) {
        self.project = project
        self.options = options
        self.environment = environment
        self.facts = facts
        self.isPortFree = isPortFree
    }

    /// The plan for `components` (from `RunSelection`), in that order.
    public func plan(for components: [Component]) throws -> RunPlan {
        var preparations: [RunPlan.Preparation] = []
        var services: [ServiceLaunch] = []
        var takenPorts: Set<Int> = []
        for component in components {
            let fact = facts[component.name] ?? ComponentFacts()
            let folder = project.folder(of: component)
            var preparation = RunPlan.Preparation(component: component.name, configuration: fact.configuration?.plan)
            var values = fact.configuration?.effective(environment: environment).values ?? [:]
            // The database variables of the environment count even when no template names them.
            for key in DatabaseLocation.databaseKeys where !(environment[key] ?? "").isEmpty {
                values[key] = environment[key]
            }
            preparation.database = try DatabaseLocation.from(configuration: values, folder: folder)
            preparation.localPostgres = localPostgres(
                component, database: preparation.database, values: values, fact: fact)
            if let env = fact.environment {
                let migration = MigrationPlan(
                    component: component.name, folder: folder, python: env.python,
                    environment: pythonEnvironment(
                        env, pythonPath: [folder] + appDirectory(component).map { [folder + "/" + $0] }.orEmpty),
                    inputs: fact.migrationInputs ?? [])
                if fact.migrationInputs != nil { preparation.migrations = migration }
                if let found = fact.startup {
                    preparation.startup = StartupPlan(
                        label: found.label, argv: found.argv, migrates: found.migrates, inputs: found.inputs,
                        migration: migration)
                    // The project's own steps migrate: help's step would only do it twice.
                    if found.migrates { preparation.migrations = nil }
                }
            }
            preparations.append(preparation)
            services.append(try service(for: component, folder: folder, fact: fact, takenPorts: &takenPorts))
        }
        return RunPlan(preparations: preparations, services: services)
    }

    // MARK: - Database

    /// The project's own PostgreSQL for an app that works only with PostgreSQL and names no
    /// database, or whose configuration names that cluster (its port on 127.0.0.1).
    private func localPostgres(
        _ component: Component, database: DatabaseLocation?, values: [String: String], fact: ComponentFacts
    ) -> LocalPostgresPlan? {
        guard let configuration = fact.configuration else { return nil }
        if case .postgres(let configured) = database, let port = fact.localPostgresPort, configured.port == port,
            ["127.0.0.1", "localhost"].contains(configured.host)
        {
            return LocalPostgresPlan(database: configured.database, keys: [], reused: true)
        }
        guard database == nil, configuration.settings.postgresOnly else { return nil }
        let known = configuration.settings.knownKeys.union(configuration.template.entries.map(\.key))
        var keys = DatabaseLocation.splitVariables.filter { known.contains($0) }
        if known.contains("DATABASE_URL") || keys.isEmpty { keys.append("DATABASE_URL") }
        let named = values["POSTGRES_DB"].flatMap { $0.isEmpty ? nil : $0 }
        // Each environment its own database on the project's cluster: `api`, `api_test`.
        let environment =
            options.environmentName == ComponentConfiguration.defaultEnvironment
            ? "" : "_" + options.environmentName
        let name = (component.name + environment).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return LocalPostgresPlan(database: named ?? String(name), keys: keys)
    }

    // MARK: - Services

    private func service(for component: Component, folder: String, fact: ComponentFacts, takenPorts: inout Set<Int>)
        throws -> ServiceLaunch
    {
        let configured = fact.configuration != nil
        if let declared = project.config.component(named: component.name)?.commands["run"] {
            return ServiceLaunch(
                component: component.name, argv: declared, folder: folder,
                environment: fact.environment.map { pythonEnvironment($0, pythonPath: []) } ?? [:],
                configured: configured)
        }
        if let app = component.asgiApp, let env = fact.environment {
            guard fact.uvicornInstalled else {
                // Found now, not as "No module named uvicorn" after the migrations ran.
                throw HelpError.unavailable(
                    "\(component.name): uvicorn, which serves \(app), is not installed in \(env.root)",
                    hint: "the project's dependencies do not include it: add it with "
                        + "`help install uvicorn --component \(component.name)` (or depend on fastapi[standard]), "
                        + "or declare commands.run for it in help.json")
            }
            let host = options.listenHost
            let (port, note) = try choosePort(host: host, taken: takenPorts)
            takenPorts.insert(port)
            var argv = [env.python, "-m", "uvicorn", app, "--reload", "--host", host, "--port", String(port)]
            if let directory = appDirectory(component) { argv += ["--app-dir", directory] }
            let readiness: ServiceLaunch.Readiness =
                fact.healthPath.map { .http(path: $0) } ?? .http(path: fact.servesDocs ? "/docs" : "/")
            return ServiceLaunch(
                component: component.name, argv: argv, folder: folder,
                environment: pythonEnvironment(env, pythonPath: []),
                host: host, port: port, portNote: note, readiness: readiness, reloads: true, configured: configured)
        }
        if component.node?.script("dev") != nil {
            return ServiceLaunch(
                component: component.name, argv: ["npm", "run", "dev"], folder: folder, configured: configured)
        }
        throw HelpError.badData(
            "\(component.name) has nothing to run",
            hint: "declare \"app\" or \"commands\": {\"run\": [...]} for it in help.json")
    }

    /// The port for the next ASGI server: `--port` for the first (an error when taken), else the
    /// default and upwards, skipping ports already given out in this run.
    func choosePort(host: String, taken: Set<Int>) throws -> (Int, String?) {
        if let requested = options.port, taken.isEmpty {
            guard isPortFree(host, requested) else {
                throw HelpError.unavailable(
                    "port \(requested) on \(host) is in use",
                    hint: "stop what listens there, or leave --port out to take the next free port")
            }
            return (requested, nil)
        }
        let start = taken.isEmpty ? RunOptions.defaultPort : (taken.max() ?? RunOptions.defaultPort) + 1
        for port in start..<(start + RunOptions.portSearchWidth) where !taken.contains(port) && port <= 65535 {
            if isPortFree(host, port) {
                let note = port == start || !taken.isEmpty ? nil : "port \(start) is taken; using \(port)"
                return (port, note)
            }
        }
        throw HelpError.unavailable(
            "no free port from \(start) to \(start + RunOptions.portSearchWidth - 1) on \(host)",
            hint: "give one with --port")
    }

    // MARK: - Helpers

    /// `src` for a src-layout app (uvicorn's `--app-dir`), as detection recorded it.
    private func appDirectory(_ component: Component) -> String? {
        guard let run = component.commands.run, let flag = run.firstIndex(of: "--app-dir"), flag + 1 < run.count else {
            return nil
        }
        return run[flag + 1]
    }

    /// VIRTUAL_ENV, PATH with the environment's bin folder first, and PYTHONPATH when given.
    private func pythonEnvironment(_ env: VirtualEnvironment, pythonPath: [String]) -> [String: String] {
        var result = env.activationEnvironment
        result["PATH"] = env.path(prepending: environment["PATH"])
        if !pythonPath.isEmpty {
            result["PYTHONPATH"] = (pythonPath + [environment["PYTHONPATH"]].compactMap { $0 }.filter { !$0.isEmpty })
                .joined(separator: ":")
        }
        return result
    }
}

/// What was found about one component before planning.
public struct ComponentFacts: Sendable {
    /// The Python environment the sync settled on.
    public var environment: VirtualEnvironment?
    /// Its configuration, when it has one.
    public var configuration: ComponentConfiguration?
    /// alembic.ini and the migration scripts, relative to the component; nil without Alembic.
    public var migrationInputs: [String]?
    /// `/health` when the app's code declares such a route.
    public var healthPath: String?
    /// The app is a FastAPI one, which serves `/docs` unless told otherwise.
    public var servesDocs: Bool
    /// The port of the project's own PostgreSQL cluster, when there is one.
    public var localPostgresPort: Int?
    /// The project's own start-up steps.
    var startup: StartupInspection.Found?
    /// False when the environment's site-packages are readable and hold no uvicorn.
    public var uvicornInstalled = true

    /// Facts as found.
    public init(
        environment: VirtualEnvironment? = nil, configuration: ComponentConfiguration? = nil,
        migrationInputs: [String]? = nil,
        healthPath: String? = nil, servesDocs: Bool = false
    ) {
        self.environment = environment
        self.configuration = configuration
        self.migrationInputs = migrationInputs
        self.healthPath = healthPath
        self.servesDocs = servesDocs
    }
}

extension Optional where Wrapped == [String] {
    fileprivate var orEmpty: [String] { self ?? [] }
}
