import HelpSystem

/// Filling `PythonMarkers` from the files that declare a Python component's dependencies, read with
/// the project's pyproject and requirements-file parsers. Detection never fails on a bad file: what
/// cannot be read is left out and said in words, and the rest still counts.
extension PythonMarkers {
    // MARK: - Requirements files

    /// The distinct normalized names of the PEP 508 requirements in a requirements file's text, in
    /// file order. Includes (`-r`, `-c`), options, editables and bare URLs or paths name no
    /// dependency of this file.
    static func requirementNames(inRequirementsText text: String) -> [String] {
        unique(RequirementsFile(text: text).requirements.map(\.requirement.normalizedName))
    }

    // MARK: - pyproject.toml

    /// Takes what pyproject.toml declares: requires-python, Poetry, pytest configuration, entry
    /// points, runtime dependencies, PEP 735 and Poetry groups, and extras (as `extra:<name>`).
    /// Returns the normalized runtime dependency names it declares; a section that cannot be read
    /// (a malformed requirement) adds its message to `problems` and nothing else.
    mutating func read(_ pyproject: PyProject, problems: inout [String]) -> [String] {
        func attempt<Value>(_ read: () throws -> Value) -> Value? {
            do {
                return try read()
            } catch {
                problems.append((error as? HelpError)?.message ?? "\(error)")
                return nil
            }
        }
        usesPoetry = pyproject.usesPoetry
        requiresPython = pyproject.requiresPython
        configuresPytest = pyproject.configures("pytest")
        scripts = pyproject.scripts

        let declared =
            (attempt { try pyproject.dependencies() } ?? []).map(\.normalizedName)
            + pyproject.poetryDependencies.map { PythonRequirement.normalize($0.name) }
        let runtime = Self.unique(declared)
        for name in runtime where !dependencies.contains(name) { dependencies.append(name) }

        // Group includes are left as they are: `mentions` looks through every group anyway.
        let groups: [String: [PyProject.GroupEntry]] = attempt { try pyproject.dependencyGroups() } ?? [:]
        for (group, entries) in groups {
            let names = entries.compactMap { entry -> String? in
                if case .requirement(let requirement) = entry { return requirement.normalizedName }
                return nil
            }
            dependencyGroups[group] = Self.unique((dependencyGroups[group] ?? []) + names)
        }
        for (group, poetryDependencies) in pyproject.poetryGroups {
            let names = poetryDependencies.map { PythonRequirement.normalize($0.name) }
            dependencyGroups[group] = Self.unique((dependencyGroups[group] ?? []) + names)
        }
        let extras: [String: [PythonRequirement]] = attempt { try pyproject.optionalDependencies() } ?? [:]
        for (extra, requirements) in extras {
            dependencyGroups["extra:" + extra] = Self.unique(requirements.map(\.normalizedName))
        }
        return runtime
    }

    // MARK: - Helpers

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
