import HelpProject
import HelpSystem

extension PythonSync {
    /// The steps that fill an environment and what they say about the project and its lock.
    struct Fill {
        var steps: [SyncStep]
        /// pip's project decisions; nil when uv or Poetry does the whole install.
        var project: PythonProjectInstall?
        var installer: String?
        var projectInstall: String?
        var lockFile: String?
        var notes: [String] = []
        /// Set when the install step brings pip into an environment made without it.
        var bundledPip: BundledPip?
    }

    /// The install steps: `uv sync --locked` for uv projects with a lock file when uv is used;
    /// `poetry install` for a Poetry project with a lock or an old backend when Poetry is on PATH;
    /// otherwise pip: wheels into the wheelhouse first, then the install (the project editable, or
    /// its dependencies and an import path), following a current lock's pins. `bundledPip` is for
    /// a new environment made without pip (pip installs it along); `python`, the environment's
    /// version, lets the wheel pass be skipped when the wheelhouse already holds every pin.
    func fillSteps(
        _ sources: PythonDependencySources, installer: PythonInstaller, env: VirtualEnvironment,
        dependenciesOnly: Bool = false, bundledPip: BundledPip? = nil, python: PythonVersion? = nil
    ) throws -> Fill {
        let dev = options.development
        if installer.kind == .uv, let lock = sources.uvLockPath {
            let command = installer.syncLocked(
                projectDirectory: target.directory, env: env, offline: options.offline, dev: dev)
            return Fill(
                steps: [
                    SyncStep(.install, PlanStep(title: "uv sync --locked", command: command, reason: "uv.lock present"))
                ],
                projectInstall: sources.isInstallableProject ? PythonProjectInstall.Mode.editable.rawValue : nil,
                lockFile: EnvironmentChooser.relativeLabel(lock, target.root))
        }
        if let poetry = poetryInstall(sources, env: env) { return poetry }
        let project = try PythonProjectInstall.decide(
            sources, target: target, dev: dev, fileSystem: fileSystem, dependenciesOnly: dependenciesOnly)
        var fill = Fill(
            steps: [], project: project, projectInstall: sources.isInstallableProject ? project.mode.rawValue : nil,
            lockFile: project.lock.map { EnvironmentChooser.relativeLabel($0.path, target.root) }, notes: project.notes)
        let arguments = try project.arguments(
            PythonSyncInputs.installArguments(sources, dev: dev, fileSystem: fileSystem), sources: sources, dev: dev)
        fill.bundledPip = installer.kind == .pip ? bundledPip : nil
        guard !arguments.isEmpty || fill.bundledPip != nil else { return fill }
        let wheelhouse = installer.kind == .pip ? Wheelhouse.location(environment: context.environment) : nil
        let wheelArguments = try project.arguments(
            PythonSyncInputs.wheelArguments(sources, dev: dev, fileSystem: fileSystem), sources: sources, dev: dev)
        if let wheelhouse, let python, !options.offline,
            let pins = PythonSyncInputs.pinnedRequirements(wheelArguments, fileSystem: fileSystem),
            wheelhouse.holdsEvery(
                pins, python: python, platform: PythonEnvironmentSetup.platform(), fileSystem: fileSystem)
        {
            context.console.detail("\(target.name): every pinned requirement has a wheel in \(wheelhouse.path)")
        } else if let wheelhouse, !options.offline, !arguments.isEmpty,
            let wheel = installer.fillWheelhouse(
                wheelArguments, env: env, wheelhouse: wheelhouse.path, workingDirectory: target.directory,
                bundledPip: fill.bundledPip)
        {
            fill.steps.append(
                SyncStep(
                    .wheels,
                    PlanStep(
                        title: "build wheels into \(wheelhouse.path)", command: wheel,
                        reason: "so the environment can be rebuilt offline")))
        }
        let reason =
            installer.kind == .uv
            ? "uv's cache serves later installs"
            : (options.offline ? "offline: local wheels only" : installer.choice.reason)
        fill.steps.append(
            SyncStep(
                .install,
                PlanStep(
                    title: "install \(arguments.map(\.description).joined(separator: " "))",
                    command: installer.install(
                        arguments, into: env, wheelhouse: wheelhouse?.path, offline: options.offline,
                        workingDirectory: target.directory, bundledPip: fill.bundledPip),
                    reason: reason)))
        if project.mode == .dependenciesOnly {
            fill.steps.append(
                SyncStep(
                    .importPath,
                    PlanStep(
                        title: "put \(target.label) on the import path of \(env.root)",
                        reason: "its build backend cannot install it in editable mode")))
        }
        return fill
    }

    /// `poetry install` into `env` for a Poetry project that has a lock or an old backend, when
    /// Poetry is on PATH (or named by `HELP_POETRY`): Poetry installs the project its own way.
    func poetryInstall(_ sources: PythonDependencySources, env: VirtualEnvironment) -> Fill? {
        guard sources.usesPoetry, let poetry = context.runner.locate("poetry") else { return nil }
        let legacy = EditableSupport.missingHookReason(sources.pyproject?.buildSystem)
        guard sources.poetryLockPath != nil || legacy != nil else { return nil }
        var environment = env.activationEnvironment
        environment["PATH"] = env.path(prepending: context.environment["PATH"])
        environment["POETRY_VIRTUALENVS_CREATE"] = "false"
        let command = Command(
            poetry, ["install", "--no-interaction", "--no-ansi"] + (options.development ? [] : ["--only", "main"]),
            environment: environment, workingDirectory: target.directory, output: .stream(prefix: "poetry"))
        let why = sources.poetryLockPath != nil ? "poetry.lock present" : legacy ?? ""
        return Fill(
            steps: [
                SyncStep(
                    .install, PlanStep(title: "poetry install", command: command, reason: why + "; Poetry is on PATH"))
            ],
            installer: "poetry", projectInstall: PythonProjectInstall.Mode.poetry.rawValue,
            lockFile: sources.poetryLockPath.map { EnvironmentChooser.relativeLabel($0, target.root) },
            notes: ["installed with poetry install (\(why))"])
    }

    /// Runs the steps in order; a failed wheel build is only a warning (the install may still
    /// reach the index), a failed install is the failure, except when pip says the backend has
    /// no `build_editable` hook: then the dependencies-only plan runs instead. Returns the fill
    /// that was carried out.
    func execute(
        _ steps: [SyncStep], fill: Fill, sources: PythonDependencySources, installer: PythonInstaller,
        env: VirtualEnvironment
    ) throws -> Fill {
        let runner = StepRunner(context: context)
        try fill.project?.writeConstraints(fileSystem: fileSystem)
        for (kind, step) in steps.map({ ($0.kind, $0.step) }) {
            if kind == .importPath {
                try PythonProjectInstall.writeImportPath(env, target: target, fileSystem: fileSystem)
                continue
            }
            guard let command = step.command else { continue }
            context.console.info("\(target.name): \(step.title)")
            let result = try runner.run(command)
            if result.succeeded { continue }
            if kind == .wheels {
                context.console.warn(
                    "\(target.name): could not fill the wheelhouse\(StepRunner.tail(result, lines: 2))")
                continue
            }
            if kind == .install, fill.project?.mode == .editable,
                EditableSupport.pipReportsMissingHook(result.stdout + result.stderr)
            {
                context.console.warn(
                    "\(target.name): its build backend has no build_editable hook; installing its dependencies only")
                let fallback = try fillSteps(
                    sources, installer: installer, env: env, dependenciesOnly: true, bundledPip: fill.bundledPip)
                return try execute(
                    fallback.steps.filter { $0.kind != .wheels }, fill: fallback, sources: sources,
                    installer: installer,
                    env: env)
            }
            let hint = options.offline ? Wheelhouse.location(environment: context.environment)?.offlineHint : nil
            throw HelpError(
                "\(target.name): \(kind.rawValue) failed (exit \(result.exitCode))\(StepRunner.tail(result))",
                hint: hint,
                code: .failure)
        }
        return fill
    }
}
