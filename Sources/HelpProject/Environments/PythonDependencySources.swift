import HelpSystem

/// Where a Python component declares its dependencies: requirements files (following `-r`/`-c`),
/// pyproject.toml (PEP 621 dependencies, the `dev` extra, PEP 735 dependency groups, Poetry
/// tables, dynamic dependencies read from files), `uv.lock`, `.python-version`. Read once with the
/// project's parsers; install, sync and recording all ask it. A file that does not parse stops
/// here, naming its line, before any tool runs.
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
    public static let devFileNames = [
        "requirements-dev.txt", "dev-requirements.txt", "requirements/dev.txt", "requirements_dev.txt",
        "requirements-test.txt", "requirements-tests.txt", "test-requirements.txt", "requirements/test.txt",
        "requirements/tests.txt",
    ]

    /// Names of extras and groups that hold what tests and checks need. Projects split these
    /// (`tests`, `typing`, `lint`…) as often as they write one `dev`; documentation sets are left
    /// out: heavy, and nothing `help test` runs needs them.
    static let developmentSetNames: Set<String> = [
        "dev", "develop", "development", "test", "tests", "testing", "lint", "linting", "linters", "typing",
        "types", "typecheck", "typechecking", "type-check", "type-checking", "mypy", "check", "checks", "style", "qa",
        "cov", "coverage",
    ]

    /// True for an extra or group named for development, tests, linting or typing.
    public static func isDevelopmentSet(_ name: String) -> Bool {
        developmentSetNames.contains(PythonRequirement.normalize(name))
    }

    /// The development names among `names`, `dev` first, then in the file's order.
    static func developmentSets(_ names: [String]) -> [String] {
        let found = names.filter(isDevelopmentSet)
        return found.filter { PythonRequirement.normalize($0) == "dev" }
            + found.filter {
                PythonRequirement.normalize($0) != "dev"
            }
    }

    /// `[project.optional-dependencies]` extras that hold development tools.
    public var developmentExtras: [String] {
        Self.developmentSets(pyproject?.document["project", "optional-dependencies"]?.table?.keys ?? [])
    }

    /// PEP 735 dependency groups that hold development tools.
    public var developmentGroups: [String] {
        Self.developmentSets(pyproject?.document["dependency-groups"]?.table?.keys ?? [])
    }

    /// Poetry groups that hold development tools.
    public var developmentPoetryGroups: [String] {
        Self.developmentSets((pyproject?.poetryGroups ?? [:]).filter { !$0.value.isEmpty }.keys.sorted())
    }

    public var directory: String
    public var requirementsFile: String?
    public var devRequirementsFile: String?
    public var pyprojectPath: String?
    public var pyproject: PyProject?
    public var uvLockPath: String?
    public var poetryLockPath: String?
    /// The `.python-version` of the component, else of the project root.
    public var pythonVersionFile: PythonVersionFile?
    /// True when the component has a setup.py (installable without a pyproject).
    public var hasSetupPy: Bool

    /// Reads what is there; missing files are simply absent. Throws `badData` for a pyproject.toml
    /// that is not valid TOML, with its path relative to `root` and the line and column.
    public init(directory: String, root: String, fileSystem: FileSystem) throws {
        self.directory = directory
        func existing(_ name: String) -> String? {
            let path = directory + "/" + name
            return fileSystem.exists(path) ? path : nil
        }
        requirementsFile = existing("requirements.txt")
        devRequirementsFile = Self.devFileNames.lazy.compactMap(existing).first
        pyprojectPath = existing("pyproject.toml")
        if let path = pyprojectPath {
            pyproject = try PyProject(
                text: try fileSystem.readEditableText(path), fileName: EnvironmentChooser.relativeLabel(path, root))
        }
        uvLockPath = existing("uv.lock")
        poetryLockPath = existing("poetry.lock")
        hasSetupPy = existing("setup.py") != nil
        pythonVersionFile = [directory + "/.python-version", root + "/.python-version"].lazy
            .compactMap { try? fileSystem.readText($0) }.first.map(PythonVersionFile.init(text:))
    }

    /// The lock file pip should follow: `uv.lock`, else `poetry.lock` (for a Poetry project), read
    /// and parsed; nil without one. Throws `badData` for a lock that does not parse.
    public func lockFile(root: String, fileSystem: FileSystem) throws -> PythonLockFile? {
        let found: (PythonLockFile.Tool, String)? =
            uvLockPath.map { (.uv, $0) } ?? (usesPoetry ? poetryLockPath.map { (.poetry, $0) } : nil)
        guard let (tool, path) = found.map({ ($0.0, $0.1) }) else { return nil }
        return try PythonLockFile(
            tool: tool, path: path, text: try fileSystem.readText(path),
            label: EnvironmentChooser.relativeLabel(path, root))
    }

    /// Every requirement the project declares for this install: its dependencies (PEP 621 or
    /// Poetry), and with `dev` its development group or extra.
    public func declaredRequirements(dev: Bool) throws -> [PythonRequirement] {
        var declared = try projectDependencies() + poetryRequirements()
        guard dev else { return declared }
        switch developmentStyle {
        case .dependencyGroup: declared += try developmentGroupRequirements()
        case .extra: declared += try devExtraDependencies()
        case .poetryGroup: declared += try poetryDevRequirements()
        default: break
        }
        return declared
    }

    // MARK: - What the project declares

    /// True for a PEP 621 `[project]` table (installable with `pip install -e .`).
    public var hasProjectTable: Bool { pyproject?.document["project"] != nil }
    public var usesPoetry: Bool { pyproject?.usesPoetry ?? false }
    /// The project itself can be installed in editable mode.
    public var isInstallableProject: Bool { hasProjectTable || usesPoetry || hasSetupPy }

    /// `requires-python` (or Poetry's `python` constraint) as written, for messages.
    public var requiresPythonText: String? { pyproject?.requiresPython }

    /// `requires-python` as a specifier set; Poetry's syntax is converted. Throws for text that
    /// is neither.
    public func requiresPython() throws -> SpecifierSet? {
        guard let text = requiresPythonText else { return nil }
        if pyproject?.document["project", "requires-python"] == nil {
            return try PyProject.poetrySpecifier(text)
        }
        return try SpecifierSet(text)
    }

    public var developmentStyle: DevelopmentStyle {
        if !developmentGroups.isEmpty { return .dependencyGroup }
        if !developmentExtras.isEmpty { return .extra }
        if devRequirementsFile != nil { return .requirementsFile }
        if !developmentPoetryGroups.isEmpty { return .poetryGroup }
        return .none
    }

    /// The requirements of dependency group `name`, with `{include-group = …}` resolved.
    public func dependencyGroup(_ name: String) throws -> [PythonRequirement] {
        try pyproject?.resolvedGroup(name) ?? []
    }

    /// The requirements of every development dependency group, each group resolved.
    public func developmentGroupRequirements() throws -> [PythonRequirement] {
        try developmentGroups.flatMap(dependencyGroup)
    }

    public func projectDependencies() throws -> [PythonRequirement] { try pyproject?.dependencies() ?? [] }
    public func devExtraDependencies() throws -> [PythonRequirement] {
        let extras = try pyproject?.optionalDependencies() ?? [:]
        return developmentExtras.flatMap { extras[$0] ?? [] }
    }

    /// `[build-system] requires`, plus what the backend asks for only when building in editable
    /// mode (hatchling: `editables`), so an offline editable install finds everything locally.
    public func buildRequirements() throws -> [PythonRequirement] {
        let declared: [PythonRequirement]
        if let requires = pyproject?.buildSystem?.requires {
            declared = try requires.map(PythonRequirement.parse)
        } else {
            declared =
                isInstallableProject
                ? [
                    PythonRequirement(name: "setuptools", specifier: try SpecifierSet(">=61")),
                    PythonRequirement(name: "wheel"),
                ] : []
        }
        let editable = declared.contains { $0.normalizedName == "hatchling" }
        return declared + (editable ? [PythonRequirement(name: "editables")] : [])
    }

    /// Poetry's main dependencies as PEP 508 requirements (`python` itself left out).
    public func poetryRequirements() throws -> [PythonRequirement] {
        try (pyproject?.poetryDependencies ?? []).compactMap(PyProject.requirement(of:))
    }

    /// Poetry's development groups as PEP 508 requirements.
    public func poetryDevRequirements() throws -> [PythonRequirement] {
        let groups = pyproject?.poetryGroups ?? [:]
        return try developmentPoetryGroups.flatMap { groups[$0] ?? [] }.compactMap(PyProject.requirement(of:))
    }

    /// Every file whose requirement entries apply to this component's environment: the
    /// requirements files and everything they include, each once. A missing include or an
    /// include cycle is a `badData` error naming the line.
    public func requirementFiles(fileSystem: FileSystem) throws -> [String] {
        var ordered: [String] = []
        for start in [requirementsFile, devRequirementsFile].compactMap({ $0 }) {
            let resolved = try RequirementsFile.resolve(path: start, read: fileSystem.readText)
            for file in resolved.files where !ordered.contains(file) { ordered.append(file) }
        }
        return ordered
    }
}
