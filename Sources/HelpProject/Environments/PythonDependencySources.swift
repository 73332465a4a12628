import HelpSystem

/// Where a Python component declares its dependencies: requirements files (following `-r`/`-c`),
/// pyproject.toml (PEP 621 dependencies, the `dev` extra, PEP 735 dependency groups, Poetry
/// tables), `uv.lock`, `.python-version`. Read once; install, sync and recording all ask it.
public struct PythonDependencySources: Sendable {
    /// How development dependencies are kept, in the order they are looked for.
    public enum DevelopmentStyle: String, Sendable, Equatable {
        /// `[dependency-groups] dev` (PEP 735).
        case dependencyGroup = "dependency-groups"
        /// `[project.optional-dependencies] dev`.
        case extra
        /// `[tool.poetry.group.dev.dependencies]` or `[tool.poetry.dev-dependencies]`.
        case poetryGroup = "poetry"
        /// `requirements-dev.txt` (or `dev-requirements.txt`, `requirements/dev.txt`).
        case requirementsFile = "requirements-file"
        case none
    }

    /// File names tried for development requirements, in order.
    public static let devFileNames = ["requirements-dev.txt", "dev-requirements.txt", "requirements/dev.txt", "requirements_dev.txt"]

    public var directory: String
    public var requirementsFile: String?
    public var devRequirementsFile: String?
    public var pyprojectPath: String?
    public var pyproject: PyprojectScanner?
    public var uvLockPath: String?
    /// The `.python-version` pin of the component, else of the project root.
    public var pythonVersionPin: String?

    /// Reads what is there; missing files are simply absent.
    public init(directory: String, root: String, fileSystem: FileSystem) {
        self.directory = directory
        func existing(_ name: String) -> String? {
            let path = directory + "/" + name
            return fileSystem.exists(path) ? path : nil
        }
        requirementsFile = existing("requirements.txt")
        devRequirementsFile = Self.devFileNames.lazy.compactMap(existing).first
        pyprojectPath = existing("pyproject.toml")
        pyproject = pyprojectPath.flatMap { try? fileSystem.readText($0) }.map(PyprojectScanner.init)
        uvLockPath = existing("uv.lock")
        let pins = [directory + "/.python-version", root + "/.python-version"]
        pythonVersionPin = pins.lazy.compactMap { try? fileSystem.readText($0) }.first
            .flatMap { $0.split(whereSeparator: \.isNewline).first.map { String($0).trimmingSpaces() } }
    }

    // MARK: - What the project declares

    /// True for a PEP 621 `[project]` table (installable with `pip install -e .`).
    public var hasProjectTable: Bool { pyproject?.tables["project"] != nil }
    public var usesPoetry: Bool { pyproject?.tables["tool.poetry"] != nil || pyproject?.tables["tool.poetry.dependencies"] != nil }
    /// The project itself can be installed in editable mode.
    public var isInstallableProject: Bool { hasProjectTable || usesPoetry || FileSystem().exists(directory + "/setup.py") }

    public var requiresPython: String? {
        pyproject?.string("project", "requires-python") ?? pyproject?.string("tool.poetry.dependencies", "python").flatMap(PoetryConstraint.specifier)
    }

    public var developmentStyle: DevelopmentStyle {
        if pyproject?.array("dependency-groups", "dev") != nil { return .dependencyGroup }
        if pyproject?.array("project.optional-dependencies", "dev") != nil { return .extra }
        if devRequirementsFile != nil { return .requirementsFile }
        if !poetryDevRequirements.isEmpty { return .poetryGroup }
        return .none
    }

    /// The requirements of dependency group `name`, with `{include-group = …}` resolved.
    public func dependencyGroup(_ name: String, seen: Set<String> = []) -> [String] {
        guard !seen.contains(name), let array = pyproject?.array("dependency-groups", name) else { return [] }
        return array.elements.map(\.value) + array.includedGroups.flatMap { dependencyGroup($0, seen: seen.union([name])) }
    }

    public var projectDependencies: [String] { pyproject?.array("project", "dependencies")?.elements.map(\.value) ?? [] }
    public var devExtraDependencies: [String] { pyproject?.array("project.optional-dependencies", "dev")?.elements.map(\.value) ?? [] }
    /// `[build-system] requires`, plus what the backend asks for only when building in editable
    /// mode (hatchling: `editables`), so an offline editable install finds everything locally.
    public var buildRequirements: [String] {
        let declared = pyproject?.array("build-system", "requires")?.elements.map(\.value) ?? (isInstallableProject ? ["setuptools>=61", "wheel"] : [])
        let editable = declared.contains { RequirementLine.normalize(String($0.prefix(while: { $0.isLetter || $0.isNumber || "-_.".contains($0) }))) == "hatchling" }
        return declared + (editable ? ["editables"] : [])
    }

    /// Poetry's main dependencies as PEP 508 lines (`python` itself left out).
    public var poetryRequirements: [String] { poetryTable("tool.poetry.dependencies") }
    /// Poetry's development group as PEP 508 lines.
    public var poetryDevRequirements: [String] {
        poetryTable("tool.poetry.group.dev.dependencies") + poetryTable("tool.poetry.dev-dependencies")
    }

    private func poetryTable(_ table: String) -> [String] {
        guard let entries = pyproject?.tables[table] else { return [] }
        return entries.keys.sorted().compactMap { name -> String? in
            guard name != "python" else { return nil }
            switch entries[name]! {
            case .string(let constraint):
                return PoetryConstraint.requirement(name: name, constraint: constraint)
            case .raw(let inline):
                let inner = PyprojectScanner(String(inline.dropFirst().dropLast()).split(separator: ",").joined(separator: "\n"))
                guard let version = inner.string("", "version") else { return nil }
                let extras = inner.array("", "extras")?.elements.map(\.value) ?? []
                return PoetryConstraint.requirement(name: name, constraint: version, extras: extras)
            case .array:
                return nil
            }
        }
    }

    /// Every file whose requirement entries apply to this component's environment: the
    /// requirements files and everything they include.
    public func requirementFiles(fileSystem: FileSystem) -> [String] {
        Self.reachableFiles(from: [requirementsFile, devRequirementsFile].compactMap { $0 }, fileSystem: fileSystem)
    }

    /// `starts` and every file they include with `-r`/`-c`, each once, in reading order.
    public static func reachableFiles(from starts: [String], fileSystem: FileSystem) -> [String] {
        var ordered: [String] = []
        func visit(_ path: String) {
            guard !ordered.contains(path), let text = try? fileSystem.readText(path) else { return }
            ordered.append(path)
            let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            for include in RequirementsText(text).includes {
                visit(include.path.hasPrefix("/") ? include.path : folder + "/" + include.path)
            }
        }
        starts.forEach(visit)
        return ordered
    }
}
