import HelpCache
import HelpProject
import HelpSystem

/// What a Python component's environment is filled from: the arguments for pip/uv, the set to
/// turn into wheels for the wheelhouse, and the stamp inputs that say whether anything changed.
/// Pure functions of `PythonDependencySources` (and the files it names).
enum PythonSyncInputs {
    /// `pip install` arguments: requirements files (dev ones when `dev`), and the project itself
    /// in editable mode with its `dev` extra or dev group when it is installable.
    static func installArguments(_ sources: PythonDependencySources, dev: Bool, fileSystem: FileSystem) throws
        -> [InstallArgument]
    {
        var arguments: [InstallArgument] = []
        let devFile = dev ? sources.devRequirementsFile : nil
        if let requirements = sources.requirementsFile,
            !(try devFile.map { try includes($0, requirements, fileSystem) } ?? false)
        {
            arguments.append(.requirementsFile(requirements))
        }
        if let devFile { arguments.append(.requirementsFile(devFile)) }
        if sources.isInstallableProject {
            let extras = dev && sources.developmentStyle == .extra ? sources.developmentExtras : []
            arguments.append(.editable(sources.directory, extras: extras))
            if dev { arguments += try developmentRequirements(sources).map { .requirement($0.description) } }
        }
        return arguments
    }

    /// The dev group (PEP 735) or Poetry dev requirements, which pip cannot read from pyproject.
    static func developmentRequirements(_ sources: PythonDependencySources) throws -> [PythonRequirement] {
        switch sources.developmentStyle {
        case .dependencyGroup: return try sources.developmentGroupRequirements()
        case .poetryGroup: return try sources.poetryDevRequirements()
        default: return []
        }
    }

    /// What goes into the wheelhouse: the same requirements, but the project's declared
    /// dependencies and build requirements instead of the project itself, so an offline install
    /// can build it in editable mode from local wheels.
    static func wheelArguments(_ sources: PythonDependencySources, dev: Bool, fileSystem: FileSystem) throws
        -> [InstallArgument]
    {
        var arguments = try installArguments(sources, dev: dev, fileSystem: fileSystem).filter {
            if case .editable = $0 { return false }
            return true
        }
        if sources.isInstallableProject {
            var declared =
                try sources.projectDependencies() + sources.poetryRequirements() + sources.buildRequirements()
            if dev && sources.developmentStyle == .extra { declared += try sources.devExtraDependencies() }
            arguments += declared.map { .requirement($0.description) }
        }
        return arguments
    }

    /// The requirements `arguments` name, when every one is a registry requirement (no editable,
    /// URL or path); nil otherwise or when a file cannot be read.
    static func pinnedRequirements(_ arguments: [InstallArgument], fileSystem: FileSystem) -> [PythonRequirement]? {
        var requirements: [PythonRequirement] = []
        for argument in arguments {
            switch argument {
            case .requirementsFile(let path):
                guard let resolved = try? RequirementsFile.resolve(path: path, read: fileSystem.readText),
                    resolved.editables.isEmpty, resolved.directReferences.isEmpty, resolved.problems.isEmpty,
                    resolved.remoteIncludes.isEmpty
                else { return nil }
                requirements += resolved.requirements.map(\.requirement)
            case .requirement(let text):
                guard let requirement = try? PythonRequirement.parse(text) else { return nil }
                requirements.append(requirement)
            case .constraintsFile: continue
            case .editable: return nil
            }
        }
        return requirements
    }

    /// True when the component asks for pip itself (pip-tools output with `--allow-unsafe`
    /// does): then that pip is installed rather than the interpreter's bundled one.
    static func namesPip(_ sources: PythonDependencySources, fileSystem: FileSystem) throws -> Bool {
        var names = try sources.projectDependencies().map(\.normalizedName)
        for path in try sources.requirementFiles(fileSystem: fileSystem) {
            let text = (try? fileSystem.readText(path)) ?? ""
            names += RequirementsFile(text: text, path: path).requirements.map(\.requirement.normalizedName)
        }
        return names.contains("pip")
    }

    /// The stamp inputs: every requirements file reached, the dependency sections of the
    /// pyproject, `.python-version`, `uv.lock`, and the facts about interpreter and installer.
    static func stampInputs(
        _ sources: PythonDependencySources, dev: Bool, interpreter: PythonVersion, installer: InstallerKind,
        platform: String, root: String, fileSystem: FileSystem
    ) throws -> [DependencyStamp.Input] {
        func label(_ path: String) -> String { "file:" + EnvironmentChooser.relativeLabel(path, root) }
        var inputs: [DependencyStamp.Input] = [
            .init(name: "interpreter", text: interpreter.description),
            .init(name: "platform", text: platform),
            .init(name: "installer", text: installer.rawValue),
            .init(name: "development", text: dev ? "yes" : "no"),
            // Which extras and groups count as development is help's rule, not the file's: a
            // change of rule must reinstall too.
            .init(
                name: "development-sets",
                text: dev
                    ? [sources.developmentExtras, sources.developmentGroups, sources.developmentPoetryGroups]
                        .map { $0.joined(separator: ",") }.joined(separator: ";") : ""),
            .init(name: "python-version-pin", text: sources.pythonVersionFile?.primary ?? ""),
        ]
        for path in try sources.requirementFiles(fileSystem: fileSystem) {
            inputs.append(.init(name: label(path), content: (try? fileSystem.readFile(path)) ?? []))
        }
        if let pyproject = sources.pyproject, let path = sources.pyprojectPath {
            inputs.append(.init(name: label(path) + "#dependencies", text: dependencySections(pyproject)))
        }
        for lock in [sources.uvLockPath, sources.poetryLockPath].compactMap({ $0 }) {
            inputs.append(.init(name: label(lock), content: (try? fileSystem.readFile(lock)) ?? []))
        }
        return inputs
    }

    /// The pyproject parts that decide what gets installed.
    static let dependencyPaths: [[String]] = [
        ["project", "name"], ["project", "dependencies"], ["project", "requires-python"], ["project", "dynamic"],
        ["project", "optional-dependencies"], ["dependency-groups"], ["build-system"],
        ["tool", "poetry", "dependencies"], ["tool", "poetry", "dev-dependencies"], ["tool", "poetry", "group"],
        ["tool", "setuptools", "dynamic"],
    ]

    /// A canonical text of the pyproject parts that affect installs; edits elsewhere in the file
    /// (tool settings, descriptions, formatting) do not trigger a reinstall.
    static func dependencySections(_ pyproject: PyProject) -> String {
        dependencyPaths.compactMap { path in
            pyproject.document.value(at: path).map { path.joined(separator: ".") + "=" + canonical($0) }
        }.joined(separator: "\n")
    }

    private static func canonical(_ value: TOMLValue) -> String {
        switch value {
        case .string(let text):
            return "\"" + text.unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\" + String($0) : String($0) }.joined()
                + "\""
        case .integer(let number): return String(number)
        case .float(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .dateTime(let text): return text
        case .array(let items): return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .table(let table):
            return "{"
                + table.keys.sorted().compactMap { key in table[key].map { key + "=" + canonical($0) } }.joined(
                    separator: ",") + "}"
        }
    }

    /// True when requirements file `file` includes `target` (directly or through others).
    static func includes(_ file: String, _ target: String, _ fileSystem: FileSystem) throws -> Bool {
        try RequirementsFile.resolve(path: file, read: fileSystem.readText).files.contains(target)
    }
}
