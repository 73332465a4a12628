import HelpSystem

/// What a pyproject.toml declares for `help`: the PEP 621 `[project]` table, PEP 735 dependency
/// groups, Poetry's tables, the build system and which tools are configured. The document is kept
/// whole so that edits (`PyProject+Editing`) preserve every other byte.
public struct PyProject: Sendable {
    public let document: TOMLDocument

    /// Parses pyproject text; throws `HelpError.badData` with `file:line:column` on TOML errors.
    public init(text: String, fileName: String = "pyproject.toml") throws {
        document = try TOMLDocument(text, fileName: fileName)
    }

    /// A model over an already parsed document.
    public init(document: TOMLDocument) {
        self.document = document
    }

    /// The file's text, byte for byte.
    public var text: String { document.text }

    // MARK: - Project

    /// `[project] name`, else `[tool.poetry] name`.
    public var name: String? { document["project", "name"]?.string ?? document["tool", "poetry", "name"]?.string }
    /// `[project] version`, else `[tool.poetry] version`.
    public var version: String? {
        document["project", "version"]?.string ?? document["tool", "poetry", "version"]?.string
    }
    /// Fields `[project] dynamic` leaves to the build backend.
    public var dynamic: [String] { document["project", "dynamic"]?.strings ?? [] }
    /// `requires-python`, else Poetry's `python` dependency (in Poetry's own syntax).
    public var requiresPython: String? {
        document["project", "requires-python"]?.string ?? document["tool", "poetry", "dependencies", "python"]?.string
    }

    /// Entry point names: `[project.scripts]`, then `[tool.poetry.scripts]`.
    public var scripts: [String] {
        (document["project", "scripts"]?.table?.keys ?? []) + (document["tool", "poetry", "scripts"]?.table?.keys ?? [])
    }

    /// `[project] dependencies`, parsed.
    public func dependencies() throws -> [PythonRequirement] {
        try requirements(at: ["project", "dependencies"])
    }

    /// `[project.optional-dependencies]`: extra name -> requirements.
    public func optionalDependencies() throws -> [String: [PythonRequirement]] {
        var result: [String: [PythonRequirement]] = [:]
        for key in document["project", "optional-dependencies"]?.table?.keys ?? [] {
            result[key] = try requirements(at: ["project", "optional-dependencies", key])
        }
        return result
    }

    /// `[build-system]`: the requirements of building and the backend module.
    public struct BuildSystem: Sendable, Equatable {
        public var requires: [String]
        public var backend: String?
    }

    /// `[build-system]`, when present.
    public var buildSystem: BuildSystem? {
        guard let table = document["build-system"]?.table else { return nil }
        return BuildSystem(requires: table["requires"]?.strings ?? [], backend: table["build-backend"]?.string)
    }

    // MARK: - Tools

    /// The names under `[tool]` (`ruff`, `mypy`, `pytest`, `coverage`, `poetry`, …).
    public var tools: [String] { document["tool"]?.table?.keys ?? [] }

    /// True when `[tool.<name>]` exists.
    public func configures(_ tool: String) -> Bool { document["tool", tool] != nil }

    public var usesPoetry: Bool { configures("poetry") }

    // MARK: - Helpers

    /// The strings of the array at `path` as requirements; a malformed one is reported with the
    /// path it sits at.
    func requirements(at path: [String]) throws -> [PythonRequirement] {
        guard let value = document.value(at: path) else { return [] }
        guard let strings = value.strings else {
            throw HelpError.badData("\(document.fileName): \(path.joined(separator: ".")) must be an array of strings")
        }
        return try strings.map { text in
            do {
                return try PythonRequirement.parse(text)
            } catch let error as HelpError {
                throw HelpError.badData(
                    "\(document.fileName): \(path.joined(separator: ".")): \(error.message)", hint: error.hint)
            }
        }
    }
}
