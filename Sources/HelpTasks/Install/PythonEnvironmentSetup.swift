import HelpProject
import HelpSystem

/// Finds or makes the Python environment of a component: probes existing ones, picks an
/// interpreter for a new one, and builds the commands that make it. Runs children only to probe.
struct PythonEnvironmentSetup {
    var context: Context
    var fileSystem: FileSystem

    /// What the component asks of its interpreter: `.python-version` and `requires-python`.
    static func request(_ sources: PythonDependencySources) throws -> InterpreterRequest {
        InterpreterRequest(
            pin: sources.pythonVersionFile, requiresPython: try sources.requiresPython(),
            requiresPythonText: sources.requiresPythonText)
    }

    /// Which environment to use, probing each candidate that exists.
    func decide(directory: String, root: String, requirement: InterpreterRequest) -> EnvironmentDecision {
        EnvironmentChooser.decide(
            componentDirectory: directory, rootDirectory: root, requirement: requirement,
            isEnvironment: { fileSystem.exists($0.configFile) || fileSystem.exists($0.root + "/bin") },
            probe: { EnvironmentProbe.run(python: $0.python, runner: context.runner, exists: fileSystem.exists) })
    }

    /// The interpreter for a new environment: the best candidate that really runs.
    func chooseInterpreter(for requirement: InterpreterRequest) throws -> PythonInterpreter {
        let discovery = InterpreterDiscovery(
            environment: context.environment, isExecutable: { ToolLookup.isExecutableFile($0) },
            listDirectory: { path in ((try? FileSystem().listDirectory(path)) ?? []).map(\.name) })
        var candidates = discovery.candidates(fallbackVersion: { path in
            if case .healthy(let version, _) = EnvironmentProbe.run(
                python: path, runner: context.runner, exists: fileSystem.exists)
            {
                return version
            }
            return nil
        })
        while let chosen = InterpreterChooser.choose(from: candidates, for: requirement) {
            if case .healthy(let version, _) = EnvironmentProbe.run(
                python: chosen.path, runner: context.runner, exists: fileSystem.exists)
            {
                return PythonInterpreter(path: chosen.path, version: version, origin: chosen.origin)
            }
            context.console.detail("\(chosen.path) does not run; trying the next interpreter")
            candidates.removeAll { $0.path == chosen.path }
        }
        throw HelpError.unavailable(
            "no Python interpreter on this machine fits \(requirement.summary)",
            hint: "install a matching Python (pyenv install 3.X) or change .python-version / requires-python")
    }

    /// The base interpreter version of an environment, from its pyvenv.cfg (no child process).
    func configuredVersion(_ env: VirtualEnvironment) -> PythonVersion? {
        (try? fileSystem.readText(env.configFile)).flatMap { VirtualEnvironmentConfig(text: $0).version }
    }

    /// True when the environment's interpreter file resolves (its base interpreter still exists).
    func interpreterResolves(_ env: VirtualEnvironment) -> Bool {
        (try? fileSystem.stat(env.python))?.kind == .regular
    }

    /// `linux-x86_64`: part of the stamp, since wheels differ per platform.
    static func platform() -> String { Platform.tag() }
}
