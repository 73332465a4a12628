import HelpProject
import HelpSystem

/// Where a component records a requirement: a requirements file, or a dependency list of its
/// pyproject.toml (`[project] dependencies`, `[dependency-groups] dev`, the `dev` extra). Every
/// edit parses the file first and refuses one that does not parse.
enum RecordDestination: Sendable, Equatable {
    /// `includes` is written as `-r …` first when the file has to be created (a new
    /// requirements-dev.txt includes requirements.txt).
    case requirementsFile(path: String, includes: String?)
    case pyproject(path: String, list: PyProject.DependencyList)

    var path: String {
        switch self {
        case .requirementsFile(let path, _), .pyproject(let path, _): return path
        }
    }

    /// `requirements-dev.txt`, `pyproject.toml [dependency-groups] dev`.
    func label(relativeTo directory: String) -> String {
        let name = EnvironmentChooser.relativeLabel(path, directory)
        switch self {
        case .requirementsFile: return name
        case .pyproject(_, let list): return "\(name) \(list)"
        }
    }

    /// What recording did to the entry for the package.
    enum Outcome: Sendable, Equatable {
        case added
        case replaced(previous: String)
        case unchanged
    }

    /// The file's new text with `requirement` recorded (an entry for the same name replaced in
    /// place). Throws `badData` when the current text does not parse.
    func record(_ requirement: PythonRequirement, in text: String?, label: String) throws -> (
        text: String, outcome: Outcome
    ) {
        switch self {
        case .requirementsFile(let path, let includes):
            if text == nil, let includes {
                let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
                return ("-r \(EnvironmentChooser.relativeLabel(includes, folder))\n\(requirement)\n", .added)
            }
            var file = RequirementsFile(text: text ?? "", path: label)
            if let problem = file.problems.first {
                throw HelpError.badData(
                    "\(problem) (nothing was changed)", hint: "fix that line, then run help install again")
            }
            switch file.upsert(requirement) {
            case .added: return (file.text, .added)
            case .replaced(let previous, _): return (file.text, .replaced(previous: previous.description))
            case .unchanged: return (file.text, .unchanged)
            }
        case .pyproject(_, let list):
            let project = try PyProject(text: text ?? "", fileName: label)
            let (edited, change) = try project.upserting(requirement, in: list)
            switch change {
            case .added: return (edited.text, .added)
            case .replaced(let previous): return (edited.text, .replaced(previous: previous))
            case .unchanged: return (edited.text, .unchanged)
            }
        }
    }

    /// Where `development` (or runtime) requirements of `sources` go. Requirements files win when
    /// the component has them; otherwise the pyproject list the project already uses, or the file
    /// its build backend reads a dynamic list from.
    static func choose(_ sources: PythonDependencySources, development: Bool) throws -> RecordDestination {
        let directory = sources.directory
        let style = sources.developmentStyle
        let pyprojectKeepsDev = sources.hasProjectTable && (style == .dependencyGroup || style == .extra)
        if sources.requirementsFile != nil || sources.devRequirementsFile != nil || sources.pyproject == nil {
            if development && !(sources.devRequirementsFile == nil && pyprojectKeepsDev) {
                return .requirementsFile(
                    path: sources.devRequirementsFile ?? directory + "/requirements-dev.txt",
                    includes: sources.requirementsFile)
            }
            if !development && !(sources.requirementsFile == nil && sources.hasProjectTable) {
                return .requirementsFile(
                    path: sources.requirementsFile ?? directory + "/requirements.txt", includes: nil)
            }
        }
        guard let path = sources.pyprojectPath, let pyproject = sources.pyproject else {
            return .requirementsFile(path: directory + "/requirements.txt", includes: nil)
        }
        if sources.usesPoetry && !sources.hasProjectTable {
            throw HelpError.unavailable(
                "\(EnvironmentChooser.relativeLabel(path, directory)) is a Poetry project; help install does not edit Poetry tables",
                hint: "use `poetry add`, or `help install --no-save` to only install")
        }
        let list: PyProject.DependencyList
        if !development {
            list = .project
        } else if style == .extra {
            list = .optional(sources.developmentExtras.first ?? "dev")
        } else {
            list = .group(sources.developmentGroups.first ?? "dev")
        }
        return try DynamicDependencies(pyproject: pyproject, directory: directory).destination(for: list)
            ?? .pyproject(path: path, list: list)
    }

    /// Every recorded requirement that applies to the component's environment, with where it is.
    static func existingEntries(_ sources: PythonDependencySources, fileSystem: FileSystem) throws -> [(
        RecordDestination, PythonRequirement
    )] {
        var found: [(RecordDestination, PythonRequirement)] = []
        for path in try sources.requirementFiles(fileSystem: fileSystem) {
            let file = RequirementsFile(text: try fileSystem.readEditableText(path), path: path)
            for entry in file.requirements {
                found.append((.requirementsFile(path: path, includes: nil), entry.requirement))
            }
        }
        if let path = sources.pyprojectPath, let pyproject = sources.pyproject {
            for requirement in try pyproject.dependencies() {
                found.append((.pyproject(path: path, list: .project), requirement))
            }
            for (extra, requirements) in try pyproject.optionalDependencies() {
                for requirement in requirements {
                    found.append((.pyproject(path: path, list: .optional(extra)), requirement))
                }
            }
            for (group, entries) in try pyproject.dependencyGroups() {
                for case .requirement(let requirement) in entries {
                    found.append((.pyproject(path: path, list: .group(group)), requirement))
                }
            }
        }
        return found
    }
}
