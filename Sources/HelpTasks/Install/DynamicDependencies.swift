import HelpProject
import HelpSystem

/// A pyproject.toml whose `[project] dynamic` leaves dependencies to the build backend: the
/// requirements file the backend reads them from (setuptools' `[tool.setuptools.dynamic]`, the
/// hatch-requirements-txt hook), because a static list written beside `dynamic` makes the backend
/// refuse the project.
struct DynamicDependencies {
    var pyproject: PyProject
    var directory: String

    /// The file to record into instead of `list`; nil when `list` is static. Throws `badData` when
    /// the list is dynamic and the backend reads it from nowhere help can edit.
    func destination(for list: PyProject.DependencyList) throws -> RecordDestination? {
        let field: String
        let key: [String]
        switch list {
        case .project:
            field = "dependencies"
            key = ["dependencies"]
        case .optional(let extra):
            field = "optional-dependencies"
            key = ["optional-dependencies", extra]
        case .group, .poetry:
            return nil
        }
        guard pyproject.dynamic.contains(field) else { return nil }
        let document = pyproject.document
        let setuptools = document.value(at: ["tool", "setuptools", "dynamic"] + key)
        let files =
            setuptools?.table?["file"]?.strings ?? setuptools?.table?["file"]?.string.map { [$0] }
            ?? document.value(
                at: ["tool", "hatch", "metadata", "hooks", "requirements_txt"]
                    + (key == ["dependencies"] ? ["files"] : key))?.strings
        guard let first = files?.first else {
            throw HelpError.badData(
                "\(document.fileName) declares \(field) as dynamic, and its build backend does not read them from a requirements file",
                hint:
                    "add the package where the backend reads \(field), or run help install --no-save to only install it"
            )
        }
        return .requirementsFile(path: directory + "/" + first, includes: nil)
    }
}
