import HelpProject
import HelpSystem

/// How a Python component's own project and its lock file reach the environment with pip:
/// editable (`pip install -e .`) when the build backend can, else its dependencies alone with the
/// component's folder on the environment's import path; the lock's pins as pip constraints when
/// the lock is current with the manifest. Decided before anything runs.
struct PythonProjectInstall {
    /// How the project itself is installed.
    enum Mode: String {
        case editable
        case dependenciesOnly = "dependencies-only"
        case poetry
    }

    var mode: Mode
    /// The lock whose pins are installed, and where its constraints file goes.
    var lock: PythonLockFile?
    var constraintsPath: String?
    var notes: [String] = []

    /// Decides for `sources` with pip. `dependenciesOnly` forces the fallback (pip reported the
    /// missing hook after the static reading found nothing).
    static func decide(
        _ sources: PythonDependencySources, target: DependencyTarget, dev: Bool, fileSystem: FileSystem,
        dependenciesOnly: Bool = false
    ) throws -> PythonProjectInstall {
        var plan = PythonProjectInstall(mode: .editable)
        let missing =
            sources.isInstallableProject ? EditableSupport.missingHookReason(sources.pyproject?.buildSystem) : nil
        if let reason = missing ?? (dependenciesOnly ? "pip reports no build_editable hook" : nil) {
            plan.mode = .dependenciesOnly
            plan.notes.append(
                "\(reason): installed its dependencies only; \(target.label) is on the environment's import path")
        }
        guard let lock = try sources.lockFile(root: target.root, fileSystem: fileSystem) else { return plan }
        let stale = lock.unsatisfied(by: try sources.declaredRequirements(dev: dev))
        if stale.isEmpty {
            plan.lock = lock
            plan.constraintsPath =
                HelpCacheFolder(projectRoot: target.root).deps + "/"
                + DependencyTarget.fileSafe(target.name) + ".lock-constraints.txt"
            plan.notes.append("installing the versions pinned in \(lock.tool.fileName) with pip")
        } else {
            plan.notes.append(
                "\(lock.tool.fileName) is stale (\(stale.joined(separator: "; "))): installing from the manifest;"
                    + " run `\(lock.tool.rawValue) lock` to refresh it")
        }
        return plan
    }

    /// The pip arguments: the editable project replaced by its declared dependencies in the
    /// fallback, and the lock's constraints added.
    func arguments(_ base: [InstallArgument], sources: PythonDependencySources, dev: Bool) throws -> [InstallArgument] {
        var arguments = base
        if mode == .dependenciesOnly {
            var declared = try sources.projectDependencies() + sources.poetryRequirements()
            if dev && sources.developmentStyle == .extra { declared += try sources.devExtraDependencies() }
            arguments = arguments.flatMap { argument -> [InstallArgument] in
                if case .editable = argument { return declared.map { .requirement($0.description) } }
                return [argument]
            }
        }
        if let constraintsPath, !arguments.isEmpty { arguments.append(.constraintsFile(constraintsPath)) }
        return arguments
    }

    /// Writes the constraints file before the install that names it.
    func writeConstraints(fileSystem: FileSystem) throws {
        guard let lock, let constraintsPath else { return }
        try fileSystem.createDirectories(String(constraintsPath[..<(constraintsPath.lastIndex(of: "/")!)]))
        try fileSystem.writeAtomically(constraintsPath, Array(lock.constraintsText.utf8))
    }

    /// The fallback's stand-in for an editable install: a `.pth` file in the environment's
    /// site-packages naming the component folder (and its `src/`), as `setup.py develop` did. It
    /// reaches every interpreter start in the environment — `help run`, `help test`, Alembic,
    /// the user's own `.venv/bin/python` — without each caller setting PYTHONPATH.
    static func writeImportPath(_ env: VirtualEnvironment, target: DependencyTarget, fileSystem: FileSystem) throws {
        guard let site = env.sitePackages(fileSystem: fileSystem).last else {
            throw HelpError.io(
                "\(env.root)/lib has no python*/site-packages folder",
                hint: "remove \(env.root) and run help install again")
        }
        var paths = [target.directory]
        if fileSystem.isDirectory(target.directory + "/src") { paths.append(target.directory + "/src") }
        let file = site + "/_help_" + DependencyTarget.fileSafe(target.name) + ".pth"
        try fileSystem.writeAtomically(file, Array((paths.joined(separator: "\n") + "\n").utf8))
    }
}
