import HelpCache
import HelpProject
import HelpSystem

/// Brings one Python component's environment in line with its declared dependencies: skips at
/// once when the stamp matches, otherwise finds or makes the environment, fills the wheelhouse,
/// installs, and writes the new stamp.
struct PythonSync {
    var target: DependencyTarget
    var context: Context
    var options: SyncOptions
    var fileSystem = FileSystem()

    func run() throws -> SyncOutcome {
        let started = MonotonicTime.now()
        let sources = try PythonDependencySources(
            directory: target.directory, root: target.root, fileSystem: fileSystem)
        let installer = PythonInstaller(
            choice: try InstallerChoice.decide(environment: context.environment, uvPath: context.runner.locate("uv")))
        let setup = PythonEnvironmentSetup(context: context, fileSystem: fileSystem)
        let platform = PythonEnvironmentSetup.platform()
        func stamp(_ env: VirtualEnvironment, _ version: PythonVersion) throws -> DependencyStamp {
            DependencyStamp(
                environment: env.root,
                inputs: try PythonSyncInputs.stampInputs(
                    sources, dev: options.development, interpreter: version, installer: installer.kind,
                    platform: platform,
                    root: target.root, fileSystem: fileSystem))
        }
        var fill = Fill(steps: [])
        func outcome(_ status: SyncOutcome.Status, _ env: VirtualEnvironment, _ reason: String, _ steps: [PlanStep])
            -> SyncOutcome
        {
            var outcome = SyncOutcome(
                component: target.name, status: status, environment: env, environmentReason: reason,
                installer: fill.installer ?? installer.kind.rawValue, steps: steps,
                duration: MonotonicTime.now().seconds(since: started))
            outcome.projectInstall = fill.projectInstall
            outcome.lockFile = fill.lockFile
            outcome.notes = fill.notes
            return outcome
        }

        // MARK: Fast path: the stamp names a working environment and the inputs are unchanged.
        let stored = DependencyStamp.load(target.stampPath, fileSystem: fileSystem) { context.console.warn($0) }
        if !options.force, let stored {
            let env = VirtualEnvironment(root: stored.environment)
            if setup.interpreterResolves(env), let version = setup.configuredVersion(env) {
                let current = try stamp(env, version)
                if current.key == stored.key {
                    return outcome(.upToDate, env, "dependencies unchanged since the last install", [])
                }
                context.console.detail(
                    "\(target.name): changed since the last install: "
                        + current.changes(since: stored).joined(separator: ", "))
            }
        }

        // MARK: Plan
        let decision = setup.decide(
            directory: target.directory, root: target.root, requirement: try PythonEnvironmentSetup.request(sources))
        let env = decision.environment
        var steps: [SyncStep] = []
        var interpreter: PythonInterpreter?
        var bundledPip: BundledPip?
        if decision.needsCreation {
            let chosen = try setup.chooseInterpreter(for: try PythonEnvironmentSetup.request(sources))
            interpreter = chosen
            if installer.kind == .pip, !(try PythonSyncInputs.namesPip(sources, fileSystem: fileSystem)) {
                bundledPip = BundledPip.locate(
                    interpreter: chosen.path, version: chosen.version, environment: context.environment,
                    fileSystem: fileSystem)
            }
        }
        fill = try fillSteps(
            sources, installer: installer, env: env, bundledPip: bundledPip,
            python: interpreter?.version ?? setup.configuredVersion(env))
        if let chosen = interpreter {
            let name = EnvironmentChooser.relativeLabel(env.root, target.root)
            steps.append(
                SyncStep(
                    .create,
                    PlanStep(
                        title: "create \(name) with Python \(chosen.version) (\(chosen.path))",
                        command: installer.createEnvironment(
                            env, interpreter: chosen.path, withoutPip: fill.bundledPip != nil),
                        reason: decision.reason)))
            if let pip = fill.bundledPip, !pip.isUnpacked(fileSystem: fileSystem) {
                steps.append(
                    SyncStep(
                        .create,
                        PlanStep(
                            title: "unpack pip from \(pip.wheel) into \(pip.unpacked)",
                            command: pip.unpack(python: chosen.path),
                            reason: "new environments get pip from this copy")))
            }
        }
        steps += fill.steps
        let status: SyncOutcome.Status
        switch decision {
        case .reuse: status = .installed
        case .create: status = .created
        case .recreate: status = .recreated
        }
        if options.dryRun { return outcome(.planned, env, decision.reason, steps.map(\.step)) }

        // MARK: Execute
        if case .recreate = decision {
            context.console.warn("\(target.name): \(decision.reason)")
        } else {
            context.console.info("\(target.name): \(decision.reason)")
        }
        if case .recreate = decision { try fileSystem.remove(env.root) }
        fill = try execute(steps, fill: fill, sources: sources, installer: installer, env: env)
        guard let version = setup.configuredVersion(env) ?? interpreter?.version else {
            throw HelpError.io(
                "\(env.root)/pyvenv.cfg is missing after the install",
                hint: "remove \(env.root) and run help install again")
        }
        try fileSystem.createDirectories(HelpCacheFolder(projectRoot: target.root).deps)
        try fileSystem.writeAtomically(target.stampPath, Array(try stamp(env, version).serialized.utf8))
        return outcome(
            fill.steps.isEmpty && !decision.needsCreation ? .nothingToDo : status, env, decision.reason,
            steps.map(\.step))
    }

    /// Writes the stamp for `env` as the files are now (after `help install PKG` recorded a
    /// requirement the environment already has), so the next sync is "up to date".
    func refreshStamp(_ env: VirtualEnvironment) throws {
        let setup = PythonEnvironmentSetup(context: context, fileSystem: fileSystem)
        guard let version = setup.configuredVersion(env) else { return }
        let sources = try PythonDependencySources(
            directory: target.directory, root: target.root, fileSystem: fileSystem)
        let kind = try InstallerChoice.decide(environment: context.environment, uvPath: context.runner.locate("uv"))
            .kind
        let stamp = DependencyStamp(
            environment: env.root,
            inputs: try PythonSyncInputs.stampInputs(
                sources, dev: options.development, interpreter: version, installer: kind,
                platform: PythonEnvironmentSetup.platform(),
                root: target.root, fileSystem: fileSystem))
        try fileSystem.createDirectories(HelpCacheFolder(projectRoot: target.root).deps)
        try fileSystem.writeAtomically(target.stampPath, Array(stamp.serialized.utf8))
    }
}

/// A step of a Python sync and what kind it is (the executor treats a failed wheel build as a
/// warning, a failed install as the failure).
struct SyncStep {
    enum Kind: String {
        case create = "creating the environment"
        case wheels = "building wheels"
        case install = "installing"
        case importPath = "putting the component on the import path"
    }

    var kind: Kind
    var step: PlanStep

    init(_ kind: Kind, _ step: PlanStep) {
        self.kind = kind
        self.step = step
    }
}
