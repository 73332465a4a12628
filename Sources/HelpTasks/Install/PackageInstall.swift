import HelpProject
import HelpSystem

/// What `help install PKG…` did (or would do, under `--dry-run`) in one component.
public struct PackageInstallResult: Sendable, Equatable {
    public var component: String
    public var environment: VirtualEnvironment?
    public var placements: [PackagePlacement]
    /// The requirement lines written, by file.
    public var recorded: [String: [String]] = [:]
    /// Installed versions of the requested packages (`httpx` -> `0.27.2`).
    public var versions: [String: String] = [:]
    /// `pip check` findings; fatal only with `--strict`.
    public var checkFindings: [String] = []
    /// What a rollback did, line by line; empty when nothing was rolled back.
    public var rolledBack: [String] = []
    public var steps: [PlanStep] = []
    public var dryRun = false
}

/// Installs packages into one Python component's environment as a transaction: check, save
/// files and package set, build wheels, install, read versions, record requirements, `pip check`;
/// any failure (or Ctrl-C) restores the files byte for byte and uninstalls what appeared.
struct PackageInstall {
    var target: DependencyTarget
    var context: Context
    var options: InstallOptions
    var fileSystem = FileSystem()

    func run(_ requirements: [RequirementLine]) throws -> PackageInstallResult {
        let sync = try DependencySync.sync(target, context: context, options: SyncOptions(dryRun: options.dryRun, offline: options.offline))
        let sources = PythonDependencySources(directory: target.directory, root: target.root, fileSystem: fileSystem)
        let planner = PackagePlanner(sources: sources, options: options, fileSystem: fileSystem)
        let conflicts = planner.conflicts(requirements)
        if !conflicts.isEmpty && !options.force {
            throw HelpError.badData("conflicting requirement: " + conflicts.joined(separator: "; "), hint: "change the version you ask for, or use --force to replace the recorded one")
        }
        conflicts.forEach { context.console.warn($0 + " (replacing it: --force)") }
        let placements = try planner.place(requirements)
        guard let env = sync.environment else { throw HelpError("\(target.name) has no Python environment") }
        let installer = PythonInstaller(choice: try InstallerChoice.decide(environment: context.environment, uvPath: context.runner.locate("uv")))
        let wheelhouse = installer.kind == .pip ? Wheelhouse.location(environment: context.environment) : nil
        let arguments = requirements.map { InstallArgument.requirement($0.description) }
        var result = PackageInstallResult(component: target.name, environment: env, placements: placements)

        var steps: [(SyncStep.Kind, PlanStep)] = []
        if let wheelhouse, !options.offline, let wheel = installer.fillWheelhouse(arguments, env: env, wheelhouse: wheelhouse.path, workingDirectory: target.directory) {
            steps.append((.wheels, PlanStep(title: "build wheels into \(wheelhouse.path)", command: wheel, reason: "so environments can be rebuilt offline")))
        }
        let install = installer.install(arguments, into: env, wheelhouse: wheelhouse?.path, offline: options.offline, workingDirectory: target.directory)
        steps.append((.install, PlanStep(title: "install " + requirements.map(\.description).joined(separator: " "), command: install, reason: installer.choice.reason)))
        result.steps = sync.steps + steps.map(\.1)
        for placement in placements {
            if let file = placement.file { result.steps.append(PlanStep(title: "record \(placement.requirement.name) in \(EnvironmentChooser.relativeLabel(file, target.root))", reason: placement.note)) }
        }
        if options.dryRun {
            result.dryRun = true
            return result
        }

        // MARK: The transaction
        let runner = StepRunner(context: context)
        let transaction = InstallTransaction(fileSystem: fileSystem, backupsDirectory: target.backupsDirectory)
        let files = placements.compactMap(\.file)
        try transaction.save(files)
        let listing = try runner.run(installer.listInstalled(env))
        let normalize = { (name: String) in RequirementLine.normalize(name) }
        if listing.succeeded { transaction.recordPackages(try InstalledPackages(listJSON: listing.stdout, normalize: normalize)) }
        do {
            for (kind, step) in steps {
                context.console.info("\(target.name): \(step.title)")
                if kind == .wheels {
                    let wheel = try runner.run(step.command!)
                    if !wheel.succeeded { context.console.detail("could not build wheels\(StepRunner.tail(wheel, lines: 2))") }
                    continue
                }
                try runner.require(step.command!, "installing \(requirements.map(\.name).joined(separator: ", "))",
                                   hint: options.offline ? wheelhouse?.offlineHint : "check the package name and version on PyPI")
            }
            let versionsOutput = try runner.require(PythonInstaller.versions(of: requirements.map(\.name), env: env), "reading installed versions")
            for line in versionsOutput.stdout.split(whereSeparator: \.isNewline) {
                if let separator = line.firstRange(of: "==") {
                    result.versions[RequirementLine.normalize(String(line[..<separator.lowerBound]))] = String(line[separator.upperBound...])
                }
            }
            try record(placements, into: &result)
            let check = try runner.run(installer.check(env))
            if !check.succeeded {
                result.checkFindings = check.stdout.split(whereSeparator: \.isNewline).map(String.init)
                if options.strict {
                    throw HelpError("pip check found broken requirements (--strict):\n    " + result.checkFindings.joined(separator: "\n    "))
                }
            }
        } catch let error as HelpError {
            let now = try? runner.run(installer.listInstalled(env))
            let packagesNow = now.flatMap { $0.succeeded ? try? InstalledPackages(listJSON: $0.stdout, normalize: normalize) : nil }
            result.rolledBack = transaction.rollback(installer: installer, env: env, packagesNow: packagesNow, runner: StepRunner(context: context))
            throw InstallFailure(error: error, result: result)
        }
        if !options.noSave {
            try PythonSync(target: target, context: context, options: SyncOptions(offline: options.offline)).refreshStamp(env)
        }
        return result
    }

    /// Writes each requirement line: the user's own specifier if given, else the pin of the
    /// installed version.
    private func record(_ placements: [PackagePlacement], into result: inout PackageInstallResult) throws {
        for placement in placements {
            guard let destination = placement.destination else { continue }
            var line = placement.requirement
            if line.specifier.isEmpty && line.url == nil {
                let pinned = options.pin.requirement(name: line.name, extras: line.extras, installedVersion: result.versions[line.normalizedName])
                line = (try? RequirementLine.parse(pinned)) ?? line
                line.marker = placement.requirement.marker
            }
            let path = destination.path
            let old = fileSystem.exists(path) ? try fileSystem.readText(path) : nil
            try fileSystem.writeAtomically(path, Array(destination.record(line, in: old).utf8))
            result.recorded[path, default: []].append(line.description)
        }
    }
}

/// An install that failed after the transaction began, with what was rolled back.
struct InstallFailure: Error {
    var error: HelpError
    var result: PackageInstallResult
}
