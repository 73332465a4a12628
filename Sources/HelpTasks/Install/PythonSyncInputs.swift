import HelpCache
import HelpProject
import HelpSystem

/// What a Python component's environment is filled from: the arguments for pip/uv, the set to
/// turn into wheels for the wheelhouse, and the stamp inputs that say whether anything changed.
/// Pure functions of `PythonDependencySources` (and the files it names).
enum PythonSyncInputs {
    /// `pip install` arguments: requirements files (dev ones when `dev`), and the project itself
    /// in editable mode with its `dev` extra or dev group when it is installable.
    static func installArguments(_ sources: PythonDependencySources, dev: Bool, fileSystem: FileSystem) -> [InstallArgument] {
        var arguments: [InstallArgument] = []
        let devFile = dev ? sources.devRequirementsFile : nil
        if let requirements = sources.requirementsFile, !(devFile.map { includes($0, requirements, fileSystem) } ?? false) {
            arguments.append(.requirementsFile(requirements))
        }
        if let devFile { arguments.append(.requirementsFile(devFile)) }
        if sources.isInstallableProject {
            let extras = dev && sources.developmentStyle == .extra ? ["dev"] : []
            arguments.append(.editable(sources.directory, extras: extras))
            if dev { arguments += developmentRequirements(sources).map(InstallArgument.requirement) }
        }
        return arguments
    }

    /// The dev group (PEP 735) or Poetry dev requirements, which pip cannot read from pyproject.
    static func developmentRequirements(_ sources: PythonDependencySources) -> [String] {
        switch sources.developmentStyle {
        case .dependencyGroup: return sources.dependencyGroup("dev")
        case .poetryGroup: return sources.poetryDevRequirements
        default: return []
        }
    }

    /// What goes into the wheelhouse: the same requirements, but the project's declared
    /// dependencies and build requirements instead of the project itself, so an offline install
    /// can build it in editable mode from local wheels.
    static func wheelArguments(_ sources: PythonDependencySources, dev: Bool, fileSystem: FileSystem) -> [InstallArgument] {
        var arguments = installArguments(sources, dev: dev, fileSystem: fileSystem).filter {
            if case .editable = $0 { return false }
            return true
        }
        if sources.isInstallableProject {
            var declared = sources.projectDependencies + sources.poetryRequirements + sources.buildRequirements
            if dev && sources.developmentStyle == .extra { declared += sources.devExtraDependencies }
            arguments += declared.map(InstallArgument.requirement)
        }
        return arguments
    }

    /// The stamp inputs: every requirements file reached, the dependency sections of the
    /// pyproject, `.python-version`, `uv.lock`, and the facts about interpreter and installer.
    static func stampInputs(
        _ sources: PythonDependencySources, dev: Bool, interpreter: InterpreterVersion, installer: InstallerKind,
        platform: String, root: String, fileSystem: FileSystem
    ) -> [DependencyStamp.Input] {
        func label(_ path: String) -> String { "file:" + EnvironmentChooser.relativeLabel(path, root) }
        var inputs: [DependencyStamp.Input] = [
            .init(name: "interpreter", text: interpreter.description),
            .init(name: "platform", text: platform),
            .init(name: "installer", text: installer.rawValue),
            .init(name: "development", text: dev ? "yes" : "no"),
            .init(name: "python-version-pin", text: sources.pythonVersionPin ?? ""),
        ]
        for path in sources.requirementFiles(fileSystem: fileSystem) {
            inputs.append(.init(name: label(path), content: (try? fileSystem.readFile(path)) ?? []))
        }
        if let pyproject = sources.pyproject, let path = sources.pyprojectPath {
            inputs.append(.init(name: label(path) + "#dependencies", text: dependencySections(pyproject)))
        }
        if let lock = sources.uvLockPath {
            inputs.append(.init(name: label(lock), content: (try? fileSystem.readFile(lock)) ?? []))
        }
        return inputs
    }

    /// A canonical text of the pyproject parts that affect installs; edits elsewhere in the file
    /// (tool settings, descriptions) do not trigger a reinstall.
    static func dependencySections(_ pyproject: PyprojectScanner) -> String {
        var lines: [String] = []
        for table in pyproject.tables.keys.sorted() where isDependencyTable(table) {
            for key in pyproject.tables[table]!.keys.sorted() where table != "project" || ["dependencies", "requires-python", "name"].contains(key) {
                switch pyproject.tables[table]![key]! {
                case .array(let array): lines.append("\(table).\(key)=" + (array.elements.map(\.value) + array.includedGroups.map { "@" + $0 }).joined(separator: "\u{1F}"))
                case .string(let text): lines.append("\(table).\(key)=\"\(text)\"")
                case .raw(let text): lines.append("\(table).\(key)=\(text)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func isDependencyTable(_ table: String) -> Bool {
        table == "project" || table == "project.optional-dependencies" || table == "dependency-groups"
            || table == "build-system" || (table.hasPrefix("tool.poetry") && table.hasSuffix("dependencies"))
    }

    /// True when requirements file `file` includes `target` (directly or through others).
    static func includes(_ file: String, _ target: String, _ fileSystem: FileSystem) -> Bool {
        PythonDependencySources.reachableFiles(from: [file], fileSystem: fileSystem).contains(target)
    }
}
