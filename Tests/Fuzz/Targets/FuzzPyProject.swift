import FuzzSupport
import HelpProject

/// pyproject.toml models: `[project]`, dependency groups, optional dependencies, Poetry tables.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPyProject(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if let project = try? PyProject(text: FuzzInput.text(data, size)) {
        _ = (project.name, project.version, project.dynamic, project.requiresPython, project.scripts)
        _ = try? project.dependencies()
        _ = try? project.optionalDependencies()
        if let groups = try? project.dependencyGroups() {
            for name in groups.keys { _ = try? project.resolvedGroup(name) }
        }
        _ = (project.poetryDependencies, project.poetryGroups)
    }
    return 0
}
