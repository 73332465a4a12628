import HelpSystem

/// `ray[default]` at exactly the head's version in the node's environment: the head refuses a
/// worker whose Ray differs, so the check is equality, and a mismatch after installing names both.
struct RayInstallStep: ProvisionStep {
    var version: String
    var python: String

    var id: String { "ray" }
    var title: String { "Ray \(version)" }
    var installCommand: Command {
        Command(python, ["-m", "pip", "install", "ray[default]==\(version)"], timeout: 3600)
    }

    func plan(_ run: StepRun) -> [PlannedAction] { [PlannedAction(installCommand)] }

    static func installedVersion(python: String, _ run: StepRun) -> String? {
        let result = try? run.context.runner.run(
            Command(python, ["-c", "import ray; print(ray.__version__)"], timeout: 120))
        guard let result, result.succeeded else { return nil }
        return result.stdout.split(whereSeparator: \.isNewline).last.map(String.init)
    }

    func check(_ run: StepRun) throws -> Bool { Self.installedVersion(python: python, run) == version }

    func apply(_ run: StepRun) throws -> [String: String] {
        try run.run(installCommand, fix: "Check the network or the package index (PIP_INDEX_URL).", transient: true)
        return [:]
    }

    func verify(_ run: StepRun) throws {
        let found = Self.installedVersion(python: python, run)
        guard found == version else {
            throw StepFailure(
                message: "Ray \(found ?? "is not importable") in the environment; the head runs Ray \(version)",
                fix: "Install ray[default]==\(version) in \(python)'s environment.")
        }
    }
}
