import HelpSystem

/// Builds the commands that make and fill a Python environment with pip or uv. Only builds
/// `Command` values: running them is the caller's business, so plans can be printed and tested.
public struct PythonInstaller: Sendable, Equatable {
    public var choice: InstallerChoice

    public init(choice: InstallerChoice) { self.choice = choice }

    public var kind: InstallerKind { choice.kind }
    private var uv: String { choice.uvPath ?? "uv" }

    /// Quiet, non-interactive pip: no version nag, never a prompt.
    static let pipEnvironment = ["PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"]

    // MARK: - Environments

    /// Makes an environment at `env` from `interpreter`, with pip in it (uv: `--seed`); without it
    /// when `withoutPip`, for an install that brings pip from the interpreter's bundled wheel.
    public func createEnvironment(_ env: VirtualEnvironment, interpreter: String, withoutPip: Bool = false)
        -> Command
    {
        switch kind {
        case .pip:
            return Command(
                interpreter, ["-m", "venv"] + (withoutPip ? ["--without-pip"] : []) + [env.root],
                unsetEnvironment: ["PYTHONHOME", "PYTHONPATH"])
        case .uv:
            return Command(uv, ["venv", "--seed", "--python", interpreter, env.root])
        }
    }

    // MARK: - Installing

    /// Installs `arguments` into `env`. With pip, `wheelhouse` is searched first (`--find-links`)
    /// and `offline` means `--no-index` (local wheels only); uv relies on its own cache (`--offline`).
    /// With `bundledPip` (an environment made without pip), pip runs from that copy and installs
    /// its wheel too.
    public func install(
        _ arguments: [InstallArgument], into env: VirtualEnvironment, wheelhouse: String?, offline: Bool,
        workingDirectory: String?, bundledPip: BundledPip? = nil
    ) -> Command {
        let words = arguments.flatMap(\.words)
        switch kind {
        case .pip:
            var argv = ["-m", "pip", "install"] + (choice.compilesBytecode ? [] : ["--no-compile"])
            if offline { argv.append("--no-index") }
            if let wheelhouse { argv += ["--find-links", wheelhouse] }
            if let bundledPip { argv.append(bundledPip.wheel) }
            return Command(
                env.python, argv + words,
                environment: Self.pipEnvironment.merging(bundledPip?.environment ?? [:]) {
                    $1
                }, workingDirectory: workingDirectory, output: .stream(prefix: "pip"))
        case .uv:
            var argv = ["pip", "install", "--python", env.python]
            if offline { argv.append("--offline") }
            if choice.compilesBytecode { argv.append("--compile-bytecode") }
            return Command(
                uv, argv + words, environment: env.activationEnvironment, workingDirectory: workingDirectory,
                output: .stream(prefix: "uv"))
        }
    }

    /// Builds or downloads wheels for `arguments` into the wheelhouse so later installs need no
    /// network. Nil for uv, whose cache already serves that purpose.
    public func fillWheelhouse(
        _ arguments: [InstallArgument], env: VirtualEnvironment, wheelhouse: String, workingDirectory: String?,
        bundledPip: BundledPip? = nil
    ) -> Command? {
        guard kind == .pip else { return nil }
        let argv =
            ["-m", "pip", "wheel", "--wheel-dir", wheelhouse, "--find-links", wheelhouse] + arguments.flatMap(\.words)
        return Command(
            env.python, argv, environment: Self.pipEnvironment.merging(bundledPip?.environment ?? [:]) { $1 },
            workingDirectory: workingDirectory, output: .stream(prefix: "pip"))
    }

    /// `uv sync --locked` for a project with `uv.lock`, into `env`.
    public func syncLocked(projectDirectory: String, env: VirtualEnvironment, offline: Bool, dev: Bool) -> Command {
        var argv = ["sync", "--locked"]
        if !dev { argv.append("--no-dev") }
        if offline { argv.append("--offline") }
        if choice.compilesBytecode { argv.append("--compile-bytecode") }
        return Command(
            uv, argv, environment: ["UV_PROJECT_ENVIRONMENT": env.root], workingDirectory: projectDirectory,
            output: .stream(prefix: "uv"))
    }

    // MARK: - Inspecting and undoing

    /// Lists installed distributions as JSON (`[{"name":…, "version":…}]`).
    public func listInstalled(_ env: VirtualEnvironment) -> Command {
        switch kind {
        case .pip: return Command(env.python, ["-m", "pip", "list", "--format=json"], environment: Self.pipEnvironment)
        case .uv: return Command(uv, ["pip", "list", "--format=json", "--python", env.python])
        }
    }

    /// Reports broken dependency constraints among the installed distributions.
    public func check(_ env: VirtualEnvironment) -> Command {
        switch kind {
        case .pip: return Command(env.python, ["-m", "pip", "check"], environment: Self.pipEnvironment)
        case .uv: return Command(uv, ["pip", "check", "--python", env.python])
        }
    }

    /// Removes distributions by name.
    public func uninstall(_ names: [String], from env: VirtualEnvironment) -> Command {
        switch kind {
        case .pip:
            return Command(env.python, ["-m", "pip", "uninstall", "-y"] + names, environment: Self.pipEnvironment)
        case .uv: return Command(uv, ["pip", "uninstall", "--python", env.python] + names)
        }
    }

    /// Prints `name==version` lines for the given distributions with `importlib.metadata` (fast:
    /// no pip import); a name that is not installed prints nothing.
    public static func versions(of names: [String], env: VirtualEnvironment) -> Command {
        let script = """
            import sys
            from importlib import metadata
            for n in sys.argv[1:]:
                try: print(n + "==" + metadata.version(n))
                except metadata.PackageNotFoundError: pass
            """
        return Command(env.python, ["-c", script] + names)
    }
}
