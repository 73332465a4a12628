import HelpProject
import HelpSystem

/// One package of `help install PKG…`: the requirement as given, whether it is a development
/// dependency and why, and where it will be recorded.
public struct PackagePlacement: Sendable, Equatable {
    public var requirement: PythonRequirement
    public var development: Bool
    /// Nil with `--no-save`.
    var destination: RecordDestination?
    /// What the output says about the choice.
    public var note: String
    /// The entry already recorded at the destination, if any.
    public var previous: PythonRequirement? = nil

    /// The file that will change, if any.
    public var file: String? { destination?.path }
}

/// Decides dev or prod and the destination of each requested package, and finds conflicts with
/// what is already recorded. Pure apart from reading the component's requirement files.
struct PackagePlanner {
    var sources: PythonDependencySources
    var options: InstallOptions
    var fileSystem: FileSystem

    func place(_ requirements: [PythonRequirement]) throws -> [PackagePlacement] {
        let existing = try RecordDestination.existingEntries(sources, fileSystem: fileSystem)
        return try requirements.map { requirement in
            let name = requirement.normalizedName
            let recordedEntry = existing.first { $0.1.normalizedName == name }
            let recorded = recordedEntry?.0
            let development: Bool
            var reason: String?
            switch options.role {
            case .dev: development = true
            case .prod: development = false
            case .automatic:
                if let recorded, let known = isDevelopment(recorded) {
                    development = known
                    reason = "already recorded there"
                } else {
                    development = DevToolHeuristic.isDevelopmentTool(name)
                }
            }
            guard !options.noSave else {
                return PackagePlacement(
                    requirement: requirement, development: development, destination: nil,
                    note: "\(requirement.name): installed only (--no-save)")
            }
            var destination = try RecordDestination.choose(sources, development: development)
            // An entry already recorded in a file of the same role is updated where it is.
            if let recorded, isDevelopment(recorded) == development { destination = recorded }
            let label = destination.label(relativeTo: sources.directory)
            let note: String
            if let reason {
                note = "\(requirement.name): \(reason), updated in \(label)"
            } else if options.role == .automatic {
                note = DevToolHeuristic.explanation(for: requirement.name, developmentTool: development, file: label)
            } else {
                note = "\(requirement.name): recorded in \(label)"
            }
            let previous = recordedEntry.flatMap { $0.0 == destination ? $0.1 : nil }
            return PackagePlacement(
                requirement: requirement, development: development, destination: destination, note: note,
                previous: previous)
        }
    }

    /// Whether a destination holds development requirements; nil when it cannot be told.
    func isDevelopment(_ destination: RecordDestination) -> Bool? {
        switch destination {
        case .requirementsFile(let path, _):
            if path == sources.devRequirementsFile { return true }
            if path == sources.requirementsFile { return false }
            return nil
        case .pyproject(_, let list):
            return list != .project
        }
    }

    /// Recorded specifiers that cannot hold together with a requested one, in words.
    func conflicts(_ requirements: [PythonRequirement]) throws -> [String] {
        let existing = try RecordDestination.existingEntries(sources, fileSystem: fileSystem)
        var found: [String] = []
        for requirement in requirements where !requirement.specifier.specifiers.isEmpty {
            for (destination, recorded) in existing where recorded.normalizedName == requirement.normalizedName {
                if !recorded.specifier.specifiers.isEmpty, recorded.specifier.conflicts(with: requirement.specifier) {
                    found.append(
                        "\(requirement) conflicts with \(recorded) in \(destination.label(relativeTo: sources.directory))"
                    )
                }
            }
        }
        return found
    }
}
