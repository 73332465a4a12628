import HelpSystem

/// What component detection needs from a pyproject.toml: the project name, requires-python, and the
/// names of dependencies in PEP 621, Poetry and PEP 735 form. It is read by `TOMLKeyScanner`, which
/// understands enough TOML (tables, dotted and quoted keys, every string form, arrays, inline tables)
/// to find these keys without being fooled by comments or brackets inside strings; editing
/// pyproject.toml is the job of the full TOML reader, not of this summary.
public struct PyprojectSummary: Sendable, Equatable {
    public var name: String?
    public var requiresPython: String?
    /// Normalized runtime dependency names (`[project] dependencies`, `[tool.poetry.dependencies]`).
    public var dependencies: [String] = []
    /// `[project.optional-dependencies]`: extra name -> dependency names.
    public var optionalDependencies: [String: [String]] = [:]
    /// PEP 735 `[dependency-groups]` and Poetry groups (`dev` for the old `dev-dependencies`).
    public var dependencyGroups: [String: [String]] = [:]
    /// `[tool.poetry]` or any of its sub-tables is present.
    public var usesPoetry = false
    /// Names of `[project.scripts]` / `[tool.poetry.scripts]` entry points.
    public var scripts: [String] = []
    /// `[tool.pytest.ini_options]` is present.
    public var configuresPytest = false

    /// Summarizes pyproject.toml text; unreadable parts are skipped rather than reported.
    public init(text: String) {
        var scanner = TOMLKeyScanner(Array(text.utf8))
        var events: [TOMLKeyScanner.Event] = []
        scanner.scan { events.append($0) }
        for event in events {
            switch event {
            case .table(let path): noteTable(path)
            case .value(let path, let value): note(path, value)
            }
        }
    }

    // MARK: - Mapping keys to fields

    private mutating func noteTable(_ path: [String]) {
        if path.starts(with: ["tool", "poetry"]) { usesPoetry = true }
        if path.starts(with: ["tool", "pytest"]) { configuresPytest = true }
    }

    private mutating func note(_ path: [String], _ value: TOMLKeyScanner.Value) {
        noteTable(path)
        switch path.count {
        case 2 where path[0] == "project":
            switch path[1] {
            case "name": name = value.string ?? name
            case "requires-python": requiresPython = value.string
            case "dependencies": dependencies.append(contentsOf: Self.names(value.strings))
            default: break
            }
        case 2 where path[0] == "dependency-groups":
            dependencyGroups[path[1], default: []].append(contentsOf: Self.names(value.strings))
        case 3 where path[0] == "project" && path[1] == "optional-dependencies":
            optionalDependencies[path[2], default: []].append(contentsOf: Self.names(value.strings))
        case 3 where path[0] == "project" && path[1] == "scripts":
            scripts.append(path[2])
        case 3 where path[0] == "tool" && path[1] == "poetry" && path[2] == "name":
            if name == nil { name = value.string }
        case 4 where path.starts(with: ["tool", "poetry", "scripts"]):
            scripts.append(path[3])
        case 4 where path.starts(with: ["tool", "poetry", "dependencies"]):
            if path[3] == "python" {
                requiresPython = value.string
            } else {
                dependencies.append(PythonNames.normalize(path[3]))
            }
        case 4 where path.starts(with: ["tool", "poetry", "dev-dependencies"]):
            dependencyGroups["dev", default: []].append(PythonNames.normalize(path[3]))
        case 5 where path[3] == "version" && path.starts(with: ["tool", "poetry", "dependencies", "python"]):
            requiresPython = value.string
        case 6 where path.starts(with: ["tool", "poetry", "group"]) && path[4] == "dependencies":
            dependencyGroups[path[3], default: []].append(PythonNames.normalize(path[5]))
        default:
            // Inline tables under a Poetry dependency (`fastapi = {version = "..."}`) arrive as
            // their inner keys; the dependency is the key one level up.
            if path.count == 5, path.starts(with: ["tool", "poetry", "dependencies"]), path[3] != "python" {
                Self.appendOnce(PythonNames.normalize(path[3]), to: &dependencies)
            } else if path.count == 7, path.starts(with: ["tool", "poetry", "group"]), path[4] == "dependencies" {
                Self.appendOnce(PythonNames.normalize(path[5]), to: &dependencyGroups[path[3], default: []])
            }
        }
    }

    private static func names(_ requirements: [String]) -> [String] {
        requirements.compactMap { PythonNames.requirementName($0[...]) }
    }

    private static func appendOnce(_ name: String, to list: inout [String]) {
        if !list.contains(name) { list.append(name) }
    }
}
