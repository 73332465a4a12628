import HelpProject
import HelpSystem

extension RunWorkflow {
    /// Stops with exit 65, before anything is installed or started, when a required key is empty
    /// and nothing `help run` does would fill it (secrets are generated, database keys come from
    /// the database it prepares).
    func checkConfiguration(_ components: [Component], project: Project) throws {
        let root = project.root.path
        for component in components
        where ComponentConfiguration.applies(
            to: component, project: project, environmentName: options.environmentName, locator: locator)
        {
            let configuration = try ComponentConfiguration.load(
                component, project: project, environmentName: options.environmentName, locator: locator,
                fileSystem: fileSystem, environment: context.environment)
            let filled = Set(configuration.plan.generatedKeys).union(DatabaseLocation.databaseKeys)
            let effective = configuration.effective(environment: context.environment)
            let missing = effective.missingRequired.filter { !filled.contains($0) }
            guard !missing.isEmpty else { continue }
            let settings = configuration.settings
            let owner = settings.classes.first { $0.fields.contains { $0.isRequired && missing.contains($0.key) } }
            let source =
                owner.map {
                    "the settings class \($0.name) in \(RunPlan.relative(configuration.folder, root: root))/\($0.file)"
                }
                ?? RunPlan.relative(configuration.template.source.label, root: root)
            throw HelpError.badData(
                "required configuration is empty: " + missing.joined(separator: ", ") + " (required by \(source))",
                hint: "set \(missing.count == 1 ? "it" : "them") in \(configuration.label(relativeTo: root)) "
                    + "(or in the environment) and run again")
        }
    }

    /// A new `.env` holds generated secrets: say so when git would offer to commit it.
    func warnUnlessIgnored(_ path: String, root: String) {
        guard fileSystem.exists(root + "/.git"),
            let result = try? context.runner.run(
                Command("git", ["-C", root, "check-ignore", "-q", path], timeout: 10)),
            result.exitCode == 1
        else { return }
        context.console.warn(
            "\(RunPlan.relative(path, root: root)) holds secrets and git does not ignore it: "
                + "add it (or .env*) to .gitignore")
    }

    /// Database, configuration, migrations and start-up steps of each component, in plan order;
    /// returns the configuration each component's children get. The project's own PostgreSQL
    /// comes first when a component uses it, so its `.env` gets the server's address.
    func prepare(
        _ plan: RunPlan, facts: [String: ComponentFacts], root: String, databases: StartedDatabases,
        report: inout RunReport
    ) throws -> [String: EffectiveConfiguration] {
        var configurations: [String: EffectiveConfiguration] = [:]
        for preparation in plan.preparations {
            let name = preparation.component
            var loaded = facts[name]?.configuration
            var database = preparation.database
            if let local = preparation.localPostgres {
                let server = try stage(.database, name, into: &report) {
                    try startProjectPostgres(local, component: name, root: root, databases: databases)
                }
                if database == nil {
                    database = .postgres(server)
                    loaded = try loaded?.providing(local.values(for: server), fileSystem: fileSystem)
                } else if case .postgres(let configured) = database, configured.port != server.port {
                    throw HelpError.unavailable(
                        "port \(configured.port) of the project's PostgreSQL is taken by another program; "
                            + "it now listens on \(server.port)",
                        hint: "set POSTGRES_PORT=\(server.port) (or that port in DATABASE_URL) in "
                            + (loaded?.label(relativeTo: root) ?? ".env")
                            + ", or stop what listens on \(configured.port)")
                }
            }
            if let envPlan = loaded?.plan, let loaded {
                configurations[name] = try stage(.configuration, name, into: &report) {
                    let writer = EnvFileWriter(
                        fileSystem: fileSystem, generator: generator,
                        backupsDirectory: HelpCacheFolder(projectRoot: root).backups)
                    let outcome = try writer.apply(envPlan)
                    if outcome.created { warnUnlessIgnored(envPlan.path, root: root) }
                    let effective = try loaded.reloaded(environment: context.environment, fileSystem: fileSystem)
                    try ComponentConfiguration.requireComplete(
                        effective, file: loaded.label(relativeTo: root),
                        template: RunPlan.relative(loaded.template.source.label, root: root))
                    return (
                        effective,
                        Self.describe(
                            outcome, file: loaded.label(relativeTo: root), template: loaded.template, root: root)
                    )
                }
            }
            if preparation.localPostgres == nil, let database {
                try stage(.database, name, into: &report) {
                    ((), try DatabasePreparer(context: context, root: root, fileSystem: fileSystem).prepare(database))
                }
            }
            let file = loaded?.label(relativeTo: root)
            if let migrations = preparation.migrations {
                try stage(.migrations, name, into: &report) {
                    let runner = MigrationRunner(context: context, root: root, fileSystem: fileSystem)
                    return (
                        (),
                        try runner.run(
                            migrations, database: database, configuration: configurations[name], file: file)
                    )
                }
            }
            if let startup = preparation.startup {
                try stage(.startup, name, into: &report) {
                    let runner = MigrationRunner(context: context, root: root, fileSystem: fileSystem)
                    return (
                        (), try runner.run(startup, database: database, configuration: configurations[name], file: file)
                    )
                }
            }
        }
        return configurations
    }

    /// Starts (creating it the first time) the project's PostgreSQL and its database; the one it
    /// started is stopped when the run ends.
    private func startProjectPostgres(
        _ local: LocalPostgresPlan, component: String, root: String, databases: StartedDatabases
    ) throws -> (PostgresDatabase, String) {
        let cluster = ProjectPostgres(context: context, root: root)
        guard ProjectPostgres.tools(environment: context.environment) != nil else {
            throw ProjectPostgres.missingTools(
                component: component, database: local.database, environment: context.environment)
        }
        let running = try cluster.ensureRunning()
        if running.started { databases.clusters.append(cluster) }
        let server = running.database(local.database)
        let created = try DatabasePreparer(context: context, root: root, fileSystem: fileSystem).prepare(
            .postgres(server))
        let how = running.started ? "started by help, stopped when the run ends" : "already running"
        return (server, "the project's PostgreSQL in .helpcache/postgres (\(how)); " + created)
    }
}

/// The project clusters this run started, stopped when it ends (after the servers).
final class StartedDatabases {
    var clusters: [ProjectPostgres] = []

    /// Stops each, saying so; a failure is a warning (the servers are down already).
    func stopAll(console: Console) {
        for cluster in clusters {
            let pid = cluster.postmasterPID()
            do {
                try cluster.stop()
                console.info("stopped the project's PostgreSQL" + (pid.map { " (pid \($0))" } ?? ""))
            } catch {
                console.warn((error as? HelpError)?.message ?? "\(error)")
            }
        }
        clusters = []
    }
}
