import HelpProject
import HelpSystem

/// One place a component's version is written, with the value found there and how to rewrite it:
/// pyproject.toml `[project]` or `[tool.poetry]` (through the TOML editor), `__version__` in the
/// package's `__init__.py`, package.json `version`, a `VERSION` file.
public struct VersionPlace: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case pyproject, poetry
        case dunder = "__version__"
        case packageJSON = "package.json"
        case file = "VERSION"
    }

    public var kind: Kind
    /// Absolute path of the file.
    public var path: String
    /// The path relative to the project root, for output.
    public var display: String
    public var value: String

    /// Every place in `folder` (the component's), in a fixed order; files that do not parse are refused.
    public static func find(component: Component, folder: String, root: String) throws -> [VersionPlace] {
        let fs = FileSystem()
        var places: [VersionPlace] = []
        func add(_ kind: Kind, _ path: String, _ value: String?) {
            guard let value else { return }
            let display = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
            places.append(VersionPlace(kind: kind, path: path, display: display, value: value))
        }
        let pyprojectPath = folder + "/pyproject.toml"
        if component.kind == .python, fs.exists(pyprojectPath) {
            let pyproject = try ComponentVersion.pyproject(at: pyprojectPath)
            add(.pyproject, pyprojectPath, pyproject.document["project", "version"]?.string)
            add(.poetry, pyprojectPath, pyproject.document["tool", "poetry", "version"]?.string)
            if let name = pyproject.name {
                let package = PackageMetadata.fileName(name)
                for candidate in [folder + "/src/" + package + "/__init__.py", folder + "/" + package + "/__init__.py"]
                where fs.exists(candidate) {
                    add(.dunder, candidate, VersionLiteral.dunderVersion(in: try fs.readText(candidate))?.value)
                }
            }
        }
        let packagePath = folder + "/package.json"
        if component.kind == .node, fs.exists(packagePath) {
            let text = try fs.readText(packagePath)
            _ = try JSONValue.parse(text, source: packagePath)
            add(.packageJSON, packagePath, VersionLiteral.jsonVersion(in: text)?.value)
        }
        let file = folder + "/VERSION"
        if fs.exists(file) {
            let first = try fs.readText(file).split(whereSeparator: \.isNewline).first
            add(.file, file, first.map { String($0).trimmingCharacters(in: " \t") } ?? "")
        }
        return places
    }

    /// The file's text with this place set to `version`; the rest of the file is kept byte for byte.
    public func rewritten(_ text: String, to version: String) throws -> String {
        switch kind {
        case .pyproject, .poetry:
            let path = kind == .pyproject ? ["project", "version"] : ["tool", "poetry", "version"]
            let document = try PyProject(text: text, fileName: display).document
            return try document.replacingValue(at: path, with: "\"" + version + "\"").text
        case .dunder:
            guard let found = VersionLiteral.dunderVersion(in: text) else {
                throw HelpError.badData("\(display): __version__ is gone")
            }
            return VersionLiteral.replacing(found.range, in: text, with: version)
        case .packageJSON:
            guard let found = VersionLiteral.jsonVersion(in: text) else {
                throw HelpError.badData("\(display): version is gone")
            }
            let edited = VersionLiteral.replacing(found.range, in: text, with: version)
            _ = try JSONValue.parse(edited, source: display)
            return edited
        case .file:
            let rest = text.firstIndex(where: \.isNewline).map { String(text[$0...]) } ?? "\n"
            return version + rest
        }
    }
}
