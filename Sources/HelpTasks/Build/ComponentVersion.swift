import HelpProject
import HelpSystem

/// The release version of a component, from the file its ecosystem keeps it in: `[project]` or
/// `[tool.poetry]` in pyproject.toml, `version` in package.json, a `VERSION` file for Swift (and
/// for any component that has one and nothing else).
public enum ComponentVersion {
    /// The version and the file it came from (relative to the component folder); nil when the
    /// component states none (a pyproject with a dynamic version is read from its artifacts instead).
    public static func read(component: Component, folder: String) throws -> (version: String, source: String)? {
        let fs = FileSystem()
        switch component.kind {
        case .python:
            let path = folder + "/pyproject.toml"
            if fs.exists(path), let version = try pyproject(at: path).version { return (version, "pyproject.toml") }
        case .node:
            let path = folder + "/package.json"
            if fs.exists(path) {
                let json = try JSONValue.parse(try fs.readText(path), source: path)
                if let version = json["version"]?.string { return (version, "package.json") }
            }
        case .swift:
            break
        }
        let file = folder + "/VERSION"
        guard fs.exists(file) else { return nil }
        let text = try fs.readText(file).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let version = text.filter { $0 != " " && $0 != "\t" }
        guard !version.isEmpty else {
            throw HelpError.badData("\(file) is empty", hint: "Write the version on its first line, e.g. 1.0.0.")
        }
        return (version, "VERSION")
    }

    /// The parsed pyproject.toml at `path`, refused with the parser's message when it does not parse.
    public static func pyproject(at path: String) throws -> PyProject {
        try PyProject(text: try FileSystem().readText(path), fileName: path)
    }
}
