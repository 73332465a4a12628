import HelpSystem

/// Whether a project's build backend can install it in editable mode (PEP 660's
/// `build_editable` hook). Old backends cannot: `poetry.masonry.api` (Poetry before 1.0.8 and
/// its old `poetry` package), setuptools before 64. pip then stops with an error; `help` installs
/// the dependencies alone and puts the component's folder on the environment's import path.
public enum EditableSupport {
    /// The backends that never had the hook, by module.
    static let legacyBackends = ["poetry.masonry.api"]
    /// The first release of each backend package that has the hook.
    static let firstEditableRelease: [String: String] = ["poetry-core": "1.0.8", "setuptools": "64"]

    /// Why the backend cannot install in editable mode, read from `[build-system]`; nil when it can
    /// (or when nothing says otherwise: pip's own failure is recognised later).
    public static func missingHookReason(_ buildSystem: PyProject.BuildSystem?) -> String? {
        guard let buildSystem else { return nil }
        if let backend = buildSystem.backend, legacyBackends.contains(backend) {
            return "build backend \(backend) has no build_editable hook"
        }
        for text in buildSystem.requires {
            guard let requirement = try? PythonRequirement.parse(text),
                let first = firstEditableRelease[requirement.normalizedName],
                let version = PythonVersion(first), !requirement.specifier.specifiers.isEmpty,
                let highest = PythonVersion("999999"),
                !requirement.specifier.contains(version), !requirement.specifier.contains(highest)
            else { continue }
            return "build requirement \(text) predates build_editable (\(requirement.name) \(first))"
        }
        return nil
    }

    /// True when pip's output says the backend lacks the hook (pip's wording since 21.3).
    public static func pipReportsMissingHook(_ output: String) -> Bool {
        output.contains("missing the 'build_editable' hook") || output.contains("does not support PEP 660")
    }
}
