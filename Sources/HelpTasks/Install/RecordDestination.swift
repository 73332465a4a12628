import HelpProject
import HelpSystem

/// Where a component records a requirement: a requirements file, or a string array of its
/// pyproject.toml (`[project] dependencies`, `[dependency-groups] dev`, the `dev` extra).
enum RecordDestination: Sendable, Equatable {
    /// `includes` is written as `-r …` first when the file has to be created (a new
    /// requirements-dev.txt includes requirements.txt).
    case requirementsFile(path: String, includes: String?)
    case pyproject(path: String, table: String, key: String)

    var path: String {
        switch self {
        case .requirementsFile(let path, _), .pyproject(let path, _, _): return path
        }
    }

    /// `requirements-dev.txt`, `pyproject.toml [dependency-groups] dev`.
    func label(relativeTo directory: String) -> String {
        let name = EnvironmentChooser.relativeLabel(path, directory)
        switch self {
        case .requirementsFile: return name
        case .pyproject(_, let table, let key): return "\(name) [\(table)] \(key)"
        }
    }

    /// The file's new text with `requirement` recorded (an entry for the same name replaced).
    func record(_ requirement: RequirementLine, in text: String?) -> String {
        switch self {
        case .requirementsFile(let path, let includes):
            var file = RequirementsText(text ?? "")
            if text == nil, let includes {
                let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
                return "-r \(EnvironmentChooser.relativeLabel(includes, folder))\n\(requirement)\n"
            }
            file.record(requirement)
            return file.text
        case .pyproject(_, let table, let key):
            return PyprojectEditor.record(requirement, table: table, key: key, in: text ?? "")
        }
    }

    /// Where `development` (or runtime) requirements of `sources` go. Requirements files win when
    /// the component has them; otherwise the pyproject section the project already uses.
    static func choose(_ sources: PythonDependencySources, development: Bool) throws -> RecordDestination {
        let directory = sources.directory
        let style = sources.developmentStyle
        let pyprojectKeepsDev = sources.hasProjectTable && (style == .dependencyGroup || style == .extra)
        if sources.requirementsFile != nil || sources.devRequirementsFile != nil || sources.pyproject == nil {
            if development && !(sources.devRequirementsFile == nil && pyprojectKeepsDev) {
                return .requirementsFile(path: sources.devRequirementsFile ?? directory + "/requirements-dev.txt", includes: sources.requirementsFile)
            }
            if !development && !(sources.requirementsFile == nil && sources.hasProjectTable) {
                return .requirementsFile(path: sources.requirementsFile ?? directory + "/requirements.txt", includes: nil)
            }
        }
        guard let pyproject = sources.pyprojectPath else {
            return .requirementsFile(path: directory + "/requirements.txt", includes: nil)
        }
        if sources.usesPoetry && !sources.hasProjectTable {
            throw HelpError.unavailable("\(EnvironmentChooser.relativeLabel(pyproject, directory)) is a Poetry project; help install does not edit Poetry tables",
                                        hint: "use `poetry add`, or `help install --no-save` to only install")
        }
        guard development else { return .pyproject(path: pyproject, table: "project", key: "dependencies") }
        if sources.developmentStyle == .extra { return .pyproject(path: pyproject, table: "project.optional-dependencies", key: "dev") }
        return .pyproject(path: pyproject, table: "dependency-groups", key: "dev")
    }

    /// Every recorded requirement that applies to the component's environment, with where it is.
    static func existingEntries(_ sources: PythonDependencySources, fileSystem: FileSystem) -> [(RecordDestination, RequirementLine)] {
        var found: [(RecordDestination, RequirementLine)] = []
        for path in sources.requirementFiles(fileSystem: fileSystem) {
            guard let text = try? fileSystem.readText(path) else { continue }
            for entry in RequirementsText(text).entries { found.append((.requirementsFile(path: path, includes: nil), entry.requirement)) }
        }
        if let path = sources.pyprojectPath, let scanner = sources.pyproject {
            for (table, values) in scanner.tables where ["project", "project.optional-dependencies", "dependency-groups"].contains(table) {
                for (key, value) in values {
                    guard case .array(let array) = value, table != "project" || key == "dependencies" else { continue }
                    for element in array.elements {
                        if let requirement = try? RequirementLine.parse(element.value) {
                            found.append((.pyproject(path: path, table: table, key: key), requirement))
                        }
                    }
                }
            }
        }
        return found
    }
}
