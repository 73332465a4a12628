import HelpProject
import HelpSystem

/// What `help install PKG…` did (or would do, under `--dry-run`) in one component.
public struct PackageInstallResult: Sendable, Equatable {
    public var component: String
    public var environment: VirtualEnvironment?
    public var placements: [PackagePlacement]
    /// The requirement lines written, by file.
    public var recorded: [String: [String]] = [:]
    /// Entries that were already recorded and were replaced: `httpx>=0.27 → httpx==0.28.1`.
    public var replaced: [String] = []
    /// Entries already recorded and left as they were (no version was asked for).
    public var kept: [String] = []
    /// Installed versions of the requested packages (`httpx` -> `0.27.2`).
    public var versions: [String: String] = [:]
    /// `pip check` findings; fatal only with `--strict`.
    public var checkFindings: [String] = []
    /// The lock file refreshed, or said to be stale, after recording.
    public var lockNote: String?
    /// What a rollback did, line by line; empty when nothing was rolled back.
    public var rolledBack: [String] = []
    public var steps: [PlanStep] = []
    public var dryRun = false
}

/// Installs packages into one Python component's environment as a transaction, in two halves:
/// `plan` decides (sync, conflicts, where each package is recorded, the commands) and `execute`
/// saves files and package set, builds wheels, installs, reads versions, records, runs `pip
/// check`. Any failure, and Ctrl-C at any moment, restores the files byte for byte and
/// uninstalls what appeared.
struct PackageInstall {
    var target: DependencyTarget
    var context: Context
    var options: InstallOptions
    var fileSystem = FileSystem()

    /// Everything `execute` needs, decided before anything changes.
    struct Plan {
        var requirements: [PythonRequirement]
        var environment: VirtualEnvironment
        var installer: PythonInstaller
        var wheelhouse: Wheelhouse?
        /// Optional wheel building, then the install.
        var wheels: PlanStep?
        var install: PlanStep
        var result: PackageInstallResult
    }

    func run(_ requirements: [PythonRequirement]) throws -> PackageInstallResult {
        if options.dryRun { return try plan(requirements).result }
        // Installs into one project take turns: each reads a requirement file, installs, then
        // writes the file back, and two at once would each drop the other's line.
        let state = HelpCacheFolder(projectRoot: target.root).state
        try fileSystem.createDirectories(state)
        let lock = try FileLock.acquire(state + "/install.lock", timeout: 1800)
        defer { lock.release() }
        return try execute(try plan(requirements))
    }

    // MARK: - Plan

    func plan(_ requirements: [PythonRequirement]) throws -> Plan {
        let sync = try DependencySync.sync(
            target, context: context, options: SyncOptions(dryRun: options.dryRun, offline: options.offline))
        let sources = try PythonDependencySources(
            directory: target.directory, root: target.root, fileSystem: fileSystem)
        let planner = PackagePlanner(sources: sources, options: options, fileSystem: fileSystem)
        let conflicts = try planner.conflicts(requirements)
        if !conflicts.isEmpty && !options.force {
            throw HelpError.badData(
                "conflicting requirement: " + conflicts.joined(separator: "; "),
                hint: "change the version you ask for, or use --force to replace the recorded one")
        }
        for conflict in conflicts { context.console.warn(conflict + " (replacing it: --force)") }
        let placements = try planner.place(requirements)
        for file in placements.compactMap(\.file) {
            if let real = Project.realPath(file, outside: target.root) {
                throw HelpError.badData(
                    "\(EnvironmentChooser.relativeLabel(file, target.root)) leads to \(real), outside the project; "
                        + "help install does not write through it",
                    hint: "replace the link with a file, or record the package in \(real) yourself")
            }
        }
        guard let env = sync.environment else { throw HelpError("\(target.name) has no Python environment") }
        let installer = PythonInstaller(
            choice: try InstallerChoice.decide(environment: context.environment, uvPath: context.runner.locate("uv")))
        let wheelhouse = installer.kind == .pip ? Wheelhouse.location(environment: context.environment) : nil
        let arguments = requirements.map { InstallArgument.requirement($0.description) }
        var wheels: PlanStep?
        if let wheelhouse, !options.offline,
            let command = installer.fillWheelhouse(
                arguments, env: env, wheelhouse: wheelhouse.path, workingDirectory: target.directory)
        {
            wheels = PlanStep(
                title: "build wheels into \(wheelhouse.path)", command: command,
                reason: "so environments can be rebuilt offline")
        }
        let command = installer.install(
            arguments, into: env, wheelhouse: wheelhouse?.path, offline: options.offline,
            workingDirectory: target.directory)
        let install = PlanStep(
            title: "install " + requirements.map(\.description).joined(separator: " "), command: command,
            reason: installer.choice.reason)

        var result = PackageInstallResult(component: target.name, environment: env, placements: placements)
        result.dryRun = options.dryRun
        result.steps = sync.steps + [wheels, install].compactMap { $0 }
        for placement in placements {
            if let file = placement.file {
                result.steps.append(
                    PlanStep(
                        title:
                            "record \(placement.requirement.name) in \(EnvironmentChooser.relativeLabel(file, target.root))",
                        reason: placement.note))
            }
        }
        return Plan(
            requirements: requirements, environment: env, installer: installer, wheelhouse: wheelhouse, wheels: wheels,
            install: install, result: result)
    }

    // MARK: - Execute

    func execute(_ plan: Plan) throws -> PackageInstallResult {
        var result = plan.result
        let env = plan.environment
        let runner = StepRunner(context: context)
        let transaction = InstallTransaction(fileSystem: fileSystem, backupsDirectory: target.backupsDirectory)
        try transaction.save(
            plan.result.placements.compactMap(\.file)
                + ["uv.lock", "poetry.lock"].map { target.directory + "/" + $0 }
                .filter(fileSystem.exists))
        let listing = try runner.run(plan.installer.listInstalled(env))
        if listing.succeeded {
            transaction.recordPackages(
                try InstalledPackages(listJSON: listing.stdout, normalize: PythonRequirement.normalize))
        }
        do {
            if let wheels = plan.wheels, let command = wheels.command {
                context.console.info("\(target.name): \(wheels.title)")
                let built = try runner.run(command)
                if !built.succeeded {
                    context.console.detail("could not build wheels\(StepRunner.tail(built, lines: 2))")
                }
                try stopIfInterrupted()
            }
            context.console.info("\(target.name): \(plan.install.title)")
            if let command = plan.install.command {
                try runner.require(
                    command, "installing \(plan.requirements.map(\.name).joined(separator: ", "))",
                    hint: options.offline ? plan.wheelhouse?.offlineHint : "check the package name and version on PyPI")
            }
            try stopIfInterrupted()
            let names = plan.requirements.map(\.name)
            let versionsOutput = try runner.require(
                PythonInstaller.versions(of: names, env: env), "reading installed versions")
            for line in versionsOutput.stdout.split(whereSeparator: \.isNewline) {
                if let separator = line.firstRange(of: "==") {
                    result.versions[PythonRequirement.normalize(String(line[..<separator.lowerBound]))] = String(
                        line[separator.upperBound...])
                }
            }
            try record(into: &result)
            if !options.noSave { result.lockNote = try LockRefresh(target: target, context: context).run() }
            try stopIfInterrupted()
            let check = try runner.run(plan.installer.check(env))
            if !check.succeeded {
                result.checkFindings = check.stdout.split(whereSeparator: \.isNewline).map(String.init)
                if options.strict {
                    throw HelpError(
                        "pip check found broken requirements (--strict):\n    "
                            + result.checkFindings.joined(separator: "\n    "))
                }
            }
            try stopIfInterrupted()
        } catch {
            result.rolledBack = rollback(transaction, plan: plan)
            throw InstallFailure(error: helpError(error), result: result)
        }
        if !options.noSave {
            try PythonSync(target: target, context: context, options: SyncOptions(offline: options.offline))
                .refreshStamp(env)
        }
        return result
    }

    /// Writes each requirement: the user's own specifier when given (replacing a recorded one,
    /// said old → new); a package already recorded keeps its entry when no version was asked for;
    /// otherwise the pin of the installed version.
    private func record(into result: inout PackageInstallResult) throws {
        for placement in result.placements {
            guard let destination = placement.destination else { continue }
            let label = EnvironmentChooser.relativeLabel(destination.path, target.root)
            var requirement = placement.requirement
            if requirement.specifier.specifiers.isEmpty && requirement.url == nil {
                if let previous = placement.previous {
                    result.kept.append("\(previous) in \(label)")
                    continue
                }
                let pinned = options.pin.requirement(
                    name: requirement.name, extras: requirement.extras,
                    installedVersion: result.versions[requirement.normalizedName])
                requirement = (try? PythonRequirement.parse(pinned)) ?? requirement
                requirement.marker = placement.requirement.marker
            }
            let path = destination.path
            let old = fileSystem.exists(path) ? try fileSystem.readEditableText(path) : nil
            let (text, outcome) = try destination.record(requirement, in: old, label: label)
            if outcome != .unchanged { try fileSystem.writeAtomically(path, Array(text.utf8)) }
            if case .replaced(let previous) = outcome {
                result.replaced.append("\(previous) → \(requirement) in \(label)")
            }
            result.recorded[path, default: []].append(requirement.description)
        }
    }

    // MARK: - Interrupts and rollback

    /// An interrupt that arrived while no child ran (between two steps) stops the install here,
    /// so it is rolled back like one that stopped a child.
    private func stopIfInterrupted() throws {
        if let signal = context.interruption() {
            throw HelpError("interrupted (\(Signals.name(of: signal)))", code: .interrupted)
        }
    }

    /// Puts files and package set back; the commands it runs are cleanups, which start even
    /// after Ctrl-C.
    private func rollback(_ transaction: InstallTransaction, plan: Plan) -> [String] {
        var list = plan.installer.listInstalled(plan.environment)
        list.runsAfterInterrupt = true
        list.timeout = list.timeout ?? 120
        let now = try? context.runner.run(list)
        let packagesNow = now.flatMap {
            $0.succeeded ? try? InstalledPackages(listJSON: $0.stdout, normalize: PythonRequirement.normalize) : nil
        }
        return transaction.rollback(
            installer: plan.installer, env: plan.environment, packagesNow: packagesNow,
            runner: StepRunner(context: context))
    }

    private func helpError(_ error: Error) -> HelpError {
        (error as? HelpError) ?? HelpError("installing failed: \(error)", code: .failure)
    }
}

/// An install that failed after the transaction began, with what was rolled back.
struct InstallFailure: Error {
    var error: HelpError
    var result: PackageInstallResult
}
