import HelpSystem

/// What a Python component's folder shows about how it is set up; later steps (virtualenv, install,
/// migrations) read these instead of looking again.
public struct PythonMarkers: Sendable, Equatable {
    public var hasPyproject = false
    /// `[tool.poetry]` in pyproject.toml.
    public var usesPoetry = false
    public var hasSetupPy = false
    public var hasSetupCfg = false
    public var hasUVLock = false
    public var hasPoetryLock = false
    public var hasAlembic = false
    /// `migrations` or `alembic` when such a folder exists.
    public var migrationsFolder: String?
    /// requirements*.txt files (also under `requirements/`), relative to the component.
    public var requirementFiles: [String] = []
    /// The version `.python-version` asks for (its first entry).
    public var pythonVersion: String?
    /// `requires-python` (PEP 621) or Poetry's `python` dependency.
    public var requiresPython: String?
    /// Normalized names (PEP 503) of the runtime dependencies from pyproject and the main
    /// requirement files.
    public var dependencies: [String] = []
    /// Named groups: PEP 735 `[dependency-groups]`, Poetry groups (`dev` for dev-dependencies),
    /// PEP 621 extras as `extra:<name>`, and requirement files for development as `file:<name>`.
    public var dependencyGroups: [String: [String]] = [:]
    /// Entry points declared in `[project.scripts]` or `[tool.poetry.scripts]`.
    public var scripts: [String] = []
    /// `[tool.pytest.ini_options]` in pyproject.toml.
    public var configuresPytest = false

    /// Markers of a folder showing nothing yet.
    public init() {}

    /// True when `name` (any spelling) is a runtime dependency.
    public func dependsOn(_ name: String) -> Bool {
        dependencies.contains(PythonRequirement.normalize(name))
    }

    /// True when `name` appears among the runtime dependencies or in any group.
    public func mentions(_ name: String) -> Bool {
        let normalized = PythonRequirement.normalize(name)
        return dependencies.contains(normalized) || dependencyGroups.values.contains { $0.contains(normalized) }
    }
}

/// What a Node component's package.json says.
public struct NodeMarkers: Sendable, Equatable {
    /// One entry of `scripts`, in file order.
    public struct Script: Sendable, Equatable {
        public var name: String
        public var command: String
        /// A script called `name` running `command`.
        public init(name: String, command: String) {
            self.name = name
            self.command = command
        }
    }

    public var packageName: String?
    public var scripts: [Script] = []
    public var dependencies: [String] = []
    public var devDependencies: [String] = []
    /// `package-lock.json`, `yarn.lock` or `pnpm-lock.yaml` when present.
    public var lockfile: String?
    /// package.json declares `bin`.
    public var hasBin = false
    /// Why package.json could not be read (empty, not JSON, or a field of the wrong type), naming
    /// the file; nil when it reads.
    public var problem: String?

    /// Markers of a package.json declaring nothing yet.
    public init() {}

    /// The command of script `name`.
    public func script(_ name: String) -> String? {
        scripts.first { $0.name == name }?.command
    }
}

/// What a Swift component's Package.swift declares.
public struct SwiftMarkers: Sendable, Equatable {
    public var packageName: String?
    /// An executable product or target is declared.
    public var hasExecutable = false

    /// Markers of a manifest declaring nothing yet.
    public init() {}
}
