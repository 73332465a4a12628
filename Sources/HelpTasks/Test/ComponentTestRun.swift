import HelpCache
import HelpProject
import HelpSystem

/// The checks of one component in one `help test` run: dependencies first, then each check from
/// the cache or for real, with a throwaway database for a server's tests.
struct ComponentTestRun {
    let component: Component
    let project: Project
    let options: TestOptions
    let context: Context
    let cache: TestResultCache
    let scans: [String: InputSet]
    /// With `--changed`: changed files relative to the project root.
    let changedFiles: [String]
    /// With `--rerun-failed`: only these `component/check` pairs run.
    let rerunOnly: Set<String>?

    func run(reason: String) -> ComponentResult {
        var result = ComponentResult(component: component.name, reason: reason)
        var environment = ComponentCacheKey.commandEnvironment(of: component, inheriting: context.environment)
        var binDirectory: String?
        if component.kind != .swift {
            do {
                let sync = try DependencySync.sync(
                    component: component, project: project, context: context, options: SyncOptions())
                if let venv = sync.environment {
                    binDirectory = venv.binDirectory
                    environment.merge(venv.activationEnvironment) { _, new in new }
                    environment["PATH"] = venv.path(prepending: environment["PATH"])
                }
            } catch let error as HelpError {
                result.error = error
                return result
            } catch {
                result.error = HelpError("\(error)")
                return result
            }
        }
        let planner = TestCheckPlanner(project: project, options: options, scratch: temporaryRoot)
        var checks = planner.checks(for: component, binDirectory: binDirectory, runner: context.runner)
        if let rerunOnly { checks = checks.filter { rerunOnly.contains(component.name + "/" + $0.kind.rawValue) } }
        let folder = project.folder(of: component)
        let tools = ComponentCacheKey.tools(
            of: component, folder: folder, rootFolder: project.root.path, runner: context.runner)
        var dependencyDigests: [String: Digest] = [:]
        for dependency in project.dependencies(of: component.name) {
            if let scan = scans[dependency.name] { dependencyDigests[dependency.name] = TestWorkflow.digest(of: scan) }
        }
        let impact = TestImpact(
            component: component, folder: folder, projectRoot: project.root.path,
            python: binDirectory.map { $0 + "/python" } ?? "python3",
            environment: environment.filter { context.environment[$0.key] != $0.value },
            inputs: scans[component.name],
            context: TestImpact.contextDigest(tools: tools, dependencies: dependencyDigests), runner: context.runner)
        var recordable: String?
        if component.kind == .python,
            let index = checks.firstIndex(where: { $0.kind == .tests && $0.identity.first == "pytest" })
        {
            if options.changed && !options.allTests {
                narrow(&checks[index], folder: folder, impact: impact)
            }
            // Only a whole-suite run with per-test contexts says what every test executes.
            let arguments = checks[index].command.arguments
            if arguments.contains(TestCheckPlanner.coverageContexts), !arguments.contains("--lf"),
                checks[index].identity.last == TestCheckPlanner.coverageContexts
            {
                recordable = checks[index].command.displayLine
            }
        }
        for check in checks {
            do {
                let outcome = try outcome(
                    of: check, environment: environment, binDirectory: binDirectory, tools: tools,
                    dependencyDigests: dependencyDigests)
                if check.command.displayLine == recordable, outcome.status == .passed, !outcome.cached {
                    impact.record()
                }
                result.checks.append(
                    CheckResult(kind: check.kind, command: check.command.displayLine, outcome: outcome))
            } catch {
                // The test database could not be made or would not be the throwaway one: not a
                // test failure (nothing ran), and nothing else of this component runs.
                result.error = error as? HelpError ?? HelpError("\(error)")
                return result
            }
        }
        return result
    }

    /// Where throwaway files go: the children's TMPDIR, else /tmp.
    var temporaryRoot: String {
        let configured = context.environment["TMPDIR"].map {
            $0.hasSuffix("/") && $0.count > 1 ? String($0.dropLast()) : $0
        }
        if let configured, !configured.isEmpty, FileSystem().isDirectory(configured) { return configured }
        return FileSystem().exists("/tmp") ? "/tmp" : project.root.path
    }

    func outcome(
        of check: TestCheck, environment: [String: String], binDirectory: String?, tools: [String: String],
        dependencyDigests: [String: Digest]
    ) throws -> TestOutcome {
        var outcome = try plainOutcome(
            of: check, environment: environment, binDirectory: binDirectory, tools: tools,
            dependencyDigests: dependencyDigests)
        if let note = check.note, outcome.note == nil { outcome.note = note }
        return outcome
    }

    func plainOutcome(
        of check: TestCheck, environment: [String: String], binDirectory: String?, tools: [String: String],
        dependencyDigests: [String: Digest]
    ) throws -> TestOutcome {
        if let hint = check.missingHint {
            return TestOutcome(status: .skipped, note: "tool missing: \(hint)")
        }
        if let reason = check.nothingToRun { return TestOutcome(status: .skipped, note: reason) }
        guard let inputs = scans[component.name],
            let (key, manifest) = try? cache.key(
                for: check, component: component, inputs: inputs,
                dependencyDigests: dependencyDigests, tools: tools, environment: environment)
        else {
            return try execute(check, environment: environment, binDirectory: binDirectory)
        }
        // A pass is not served while the same inputs failed last time (a flaky check).
        if !options.noCache, !options.rerunFailed, cache.lastStatus(key) != .failed, var hit = cache.lookup(key) {
            hit.note = options.explain ? "hit: inputs, env, tools and command unchanged" : nil
            forgetFailedTests(of: check)
            return hit
        }
        // A check can take minutes: on a terminal a spinner shows it while it runs, redrawn in
        // place and gone when it ends; its result is printed once, by the component and the table.
        let console = context.console
        let step = console.style.animate ? console.beginStep("\(component.name): \(check.kind.rawValue)") : nil
        defer { step?.end() }
        var outcome = try execute(check, environment: environment, binDirectory: binDirectory)
        if options.explain {
            let why = cache.store.explain(kind: .tests, key: key, manifest: manifest).lines(limit: 8)
            outcome.note = options.noCache ? "--no-cache" : why.joined(separator: "; ")
        }
        outcome.flaky = cache.remember(outcome.status, key: key)
        if outcome.status == .passed {
            try? cache.save(outcome, key: key, manifest: manifest)
            forgetFailedTests(of: check)
        }
        return outcome
    }

    /// A passing pytest check leaves no failed tests for `--rerun-failed` (`--lf`) to pick.
    func forgetFailedTests(of check: TestCheck) {
        guard check.kind == .tests, check.identity.first == "pytest" else { return }
        let folder = TestCheckPlanner.pytestCacheFolder(projectRoot: project.root.path, component: component.name)
        try? FileSystem().remove(folder + "/v/cache/lastfailed")
    }

    /// Runs a check for real (with a throwaway database for a server's tests) and reads its output.
    /// Throws when the test database cannot be made (`.unavailable`) or the application would not
    /// use it (`.badData`): then nothing ran.
    func execute(_ check: TestCheck, environment: [String: String], binDirectory: String?) throws -> TestOutcome {
        var command = check.command
        // Only what differs from the inherited environment is added (and logged): never the
        // parent's own variables, which may hold tokens.
        for (name, value) in environment where context.environment[name] != value && command.environment[name] == nil {
            command.environment[name] = value
        }
        var database: TestDatabase?
        defer { database?.remove() }
        if check.kind == .tests, TestDatabase.wanted(by: component) {
            // A fresh secret for this run only (the generator `.env` files use); never printed.
            command.secrets["SECRET_KEY"] = try environment["SECRET_KEY"].map(Secret.init) ?? SecretGenerator().make()
            let folder = project.folder(of: component)
            let settings = TestDatabaseGuard.configuration(folder: folder, environment: environment)
            let configured = try DatabaseLocation.from(configuration: settings, folder: folder)
            let db = try TestDatabase(configured: configured, temporaryRoot: temporaryRoot, runner: context.runner)
            database = db
            // Every form the application may read, over its `.env` and the inherited environment.
            for name in TestDatabase.handoverNames { command.environment.removeValue(forKey: name) }
            command.environment.merge(db.handover.environment) { _, new in new }
            command.secrets.merge(db.handover.secrets) { _, new in new }
            let python = binDirectory.map { $0 + "/python" } ?? "python3"
            let template = db.sqlitePath.flatMap { _ in
                TestDatabaseTemplate(
                    projectRoot: project.root.path, component: component, componentFolder: folder, python: python,
                    environment: command.environment)
            }
            let restored = db.sqlitePath.map { template?.restore(into: $0) ?? false } ?? false
            let salt = try? cache.store.salt()
            if restored, let template, let salt, template.stillChecked(inherited: context.environment, salt: salt) {
                context.console.detail("\(component.name): test database copied from its template, checked before")
            } else {
                let migration = try TestDatabaseGuard.verifyAndMigrate(
                    db, python: python, folder: folder, projectRoot: project.root.path,
                    environment: command.environment, secrets: command.secrets, runner: context.runner)
                if migration.succeeded, let template, let path = db.sqlitePath {
                    if !restored { template.save(from: path, component: component.name) }
                    if let reads = migration.reads, let salt {
                        template.remember(reads: reads, inherited: context.environment, salt: salt)
                    }
                } else if !migration.succeeded, restored {
                    // A copy that Alembic cannot bring to head is no template: the next run starts fresh.
                    template?.discard()
                }
                guard migration.succeeded else {
                    return TestOutcome(
                        status: .failed, note: "migrations failed on the test database",
                        output: migration.result.stdout + migration.result.stderr)
                }
            }
        }
        let started = MonotonicTime.now()
        let result: ProcessResult
        do {
            result = try context.runner.run(command)
        } catch let error as HelpError {
            return TestOutcome(status: error.code == .unavailable ? .skipped : .failed, note: error.message)
        } catch {
            return TestOutcome(status: .failed, note: "\(error)")
        }
        return Self.read(
            result, kind: check.kind, componentKind: component.kind,
            duration: MonotonicTime.now().seconds(since: started))
    }

    /// Turns a finished check into an outcome: exit status decides, output adds counts and coverage.
    static func read(_ result: ProcessResult, kind: TestCheckKind, componentKind: ComponentKind, duration: Double)
        -> TestOutcome
    {
        let output = result.stdout + (result.stderr.isEmpty ? "" : "\n" + result.stderr)
        var outcome = TestOutcome(status: result.succeeded ? .passed : .failed, duration: duration, output: output)
        guard kind == .tests else { return outcome }
        switch componentKind {
        case .python:
            let parsed = TestOutputParser.pytest(output)
            (outcome.passed, outcome.failed, outcome.skipped) = (parsed.passed, parsed.failed, parsed.skipped)
            outcome.failures = parsed.failures
            outcome.coverage = parsed.coverage
            // pytest exits 5 when it collected nothing: not a pass, not a failure.
            if result.termination == .exited(5) {
                outcome.status = .skipped
                outcome.note = "no tests collected"
            }
        case .node:
            let parsed = TestOutputParser.node(output)
            (outcome.passed, outcome.failed, outcome.skipped) = (parsed.passed, parsed.failed, parsed.skipped)
            outcome.failures = parsed.failures
            outcome.coverage = parsed.coverage
        case .swift:
            let parsed = TestOutputParser.swift(output)
            (outcome.passed, outcome.failed) = (parsed.passed, parsed.failed)
        }
        if result.timedOut { outcome.note = "timed out" }
        return outcome
    }

}
