import HelpProject
import HelpSystem

/// `help run`: from a fresh clone to running, migrated dev servers, as a visible pipeline with a
/// time on every step: dependencies (the install sync, instant when up to date), configuration
/// (`.env` from the template), database, migrations, then the servers, which run until Ctrl-C or
/// until one of them ends. `--dry-run` stops after planning.
public struct RunWorkflow {
    public var options: RunOptions
    public var context: Context
    public var locator: TemplateLocator
    public var generator: SecretGenerator
    var fileSystem = FileSystem()

    /// A run with these options; `locator` and `generator` are the real ones unless a test says.
    public init(
        options: RunOptions, context: Context, locator: TemplateLocator = TemplateLocator(),
        generator: SecretGenerator = SecretGenerator()
    ) {
        self.options = options
        self.context = context
        self.locator = locator
        self.generator = generator
    }

    /// Runs the pipeline. Returns when the services have ended (or at once under `--dry-run`);
    /// after an interrupt it returns quietly and the caller reports the interrupt.
    public func run() throws -> RunReport {
        let started = MonotonicTime.now()
        let project = try Project.load(from: context.workingDirectory)
        let root = project.root.path
        let components = try RunSelection.select(project, only: options.only)
        let lock = options.dryRun ? nil : try RunLock.acquire(root: root)
        defer { lock?.release() }
        lock?.stopLeftovers(console: context.console)
        var report = RunReport(root: root, dryRun: options.dryRun, environmentName: options.environmentName)
        if !options.dryRun { try checkConfiguration(components, project: project) }

        // MARK: Dependencies
        var facts: [String: ComponentFacts] = [:]
        for component in components {
            let sync = SyncOptions(dryRun: options.dryRun)
            let outcome = try stage(.dependencies, component.name, into: &report) {
                let outcome = try DependencySync.sync(
                    component: component, project: project, context: context, options: sync)
                return (outcome, RunReport.describe(outcome, root: root))
            }
            report.sync.append(outcome)
            facts[component.name] = try inspect(component, project: project, environment: outcome.environment)
        }

        // MARK: Plan
        let planner = RunPlanner(
            project: project, options: options, environment: context.environment, facts: facts,
            isPortFree: { NetworkProbe.isPortFree(host: $0, port: $1) })
        let plan = try planner.plan(for: components)
        if options.dryRun {
            report.plan = plan
            return report
        }

        let databases = StartedDatabases()
        defer { databases.stopAll(console: context.console) }
        let configurations = try prepare(plan, facts: facts, root: root, databases: databases, report: &report)
        let supervisor = ServiceSupervisor(context: context)
        try startServices(
            plan, configurations: configurations, supervisor: supervisor, started: started, report: &report,
            record: { lock?.record(supervisor.services) })
        if context.interruption() == nil {
            context.console.info(
                "Ready in \(Self.seconds(MonotonicTime.now().seconds(since: started))). Ctrl-C stops "
                    + (plan.services.count == 1 ? "the server." : "the servers."))
            // The servers run until stopped: a consumer of --json gets the addresses now, not at the end.
            if context.console.style.json { context.console.json(report.json.encoded(.pretty)) }
        }
        return try supervise(supervisor, report: report)
    }

    // MARK: - Stages

    /// Starts each service and waits until it answers, printing its URLs; `record` runs after each
    /// start (run.json, so a killed run's servers can be found); on a failure the ones already
    /// started are stopped.
    private func startServices(
        _ plan: RunPlan, configurations: [String: EffectiveConfiguration], supervisor: ServiceSupervisor,
        started: MonotonicTime, report: inout RunReport, record: () -> Void
    ) throws {
        do {
            for launch in plan.services {
                let result = try stage(.server, launch.component, into: &report) {
                    let service = try supervisor.start(launch, configuration: configurations[launch.component])
                    record()
                    let state = try supervisor.waitUntilReady(service)
                    // Again once it answers: read just after the spawn, the command line may still
                    // be ours, from before the exec.
                    record()
                    supervisor.watchWorker(service)
                    if state == .interrupted {
                        throw HelpError("interrupted while \(launch.component) was starting", code: .interrupted)
                    }
                    var result = RunReport.ServiceResult(
                        component: launch.component, pid: service.process.pid, urls: launch.urls)
                    if case .answered(let status) = state {
                        result.readyStatus = status
                        result.readyAfter = MonotonicTime.now().seconds(since: started)
                    }
                    return (result, Self.describe(state, launch: launch, pid: service.process.pid))
                }
                report.services.append(result)
                for url in launch.urls { context.console.result("\(launch.component): \(url)") }
            }
        } catch {
            if context.interruption() == nil { supervisor.stopAll() } else { supervisor.waitForAll() }
            supervisor.sweep()
            throw error
        }
    }

    // MARK: - Supervising

    /// Waits for the first service to end: after an interrupt every service got the signal, so
    /// this waits for the rest; otherwise the others are stopped, and an unexpected end is exit 1.
    private func supervise(_ supervisor: ServiceSupervisor, report: RunReport) throws -> RunReport {
        var report = report
        let (ended, result, lostWorker) = supervisor.waitForFirstExit()
        let interrupted = context.interruption() != nil
        if interrupted { supervisor.waitForAll() } else { supervisor.stopAll() }
        supervisor.sweep()
        for index in report.services.indices {
            report.services[index].exitCode =
                supervisor.services.first { $0.launch.component == report.services[index].component }?.process.poll()?
                .exitCode
        }
        if !interrupted && (lostWorker || !result.succeeded) {
            throw supervisor.crash(ended, result, before: false, lostWorker: lostWorker)
        }
        return report
    }

    // MARK: - Steps

    /// Runs `body` as a visible step titled `component: stage` and records its time and last words.
    @discardableResult
    func stage<T>(
        _ stage: RunPlan.Stage, _ component: String, into report: inout RunReport, _ body: () throws -> (T, String)
    ) throws -> T {
        let started = MonotonicTime.now()
        let step = context.console.beginStep("\(component): \(stage == .server ? "start" : stage.rawValue)")
        do {
            let (value, detail) = try body()
            step.finish(.ok, detail)
            report.stages.append(
                RunReport.StageResult(
                    stage: stage, component: component, detail: detail,
                    seconds: MonotonicTime.now().seconds(since: started)))
            return value
        } catch {
            step.finish(.failed)
            throw error
        }
    }

    /// The facts planning needs about `component`, read without changing anything.
    private func inspect(_ component: Component, project: Project, environment: VirtualEnvironment?) throws
        -> ComponentFacts
    {
        let folder = project.folder(of: component)
        var fact = ComponentFacts(environment: environment)
        if ComponentConfiguration.applies(
            to: component, project: project, environmentName: options.environmentName, locator: locator)
        {
            fact.configuration = try ComponentConfiguration.load(
                component, project: project, environmentName: options.environmentName,
                locator: locator, fileSystem: fileSystem, environment: context.environment)
        }
        if component.kind == .python {
            fact.migrationInputs = ComponentInspection.migrationInputs(
                folder: folder, markers: component.python, fileSystem: fileSystem)
            fact.healthPath = ComponentInspection.healthPath(
                folder: folder, app: component.asgiApp, fileSystem: fileSystem)
            fact.servesDocs =
                component.evidence.contains { $0.hasPrefix("FastAPI(") }
                || component.python?.dependsOn("fastapi") == true
            fact.startup = StartupInspection.find(folder: folder)
            if let environment { fact.uvicornInstalled = environment.mayImport("uvicorn", fileSystem: fileSystem) }
        }
        fact.localPostgresPort = ProjectPostgres.recordedPort(root: project.root.path)
        return fact
    }
}
