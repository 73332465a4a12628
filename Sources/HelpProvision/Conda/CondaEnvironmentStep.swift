import HelpSystem

/// The conda environment with the cluster's exact Python (Ray refuses a worker whose Python
/// differs from the head's in the patch level): created with `conda create -y -n NAME
/// python=X.Y.Z`, skipped when it exists with that Python.
struct CondaEnvironmentStep: ProvisionStep {
    var options: SetupNodeOptions

    var id: String { "conda-env" }
    var title: String { "conda environment \(options.environmentName) with Python \(options.python)" }
    var python: String { options.condaPrefix + "/envs/\(options.environmentName)/bin/python" }
    var createCommand: Command {
        Command(
            options.condaPrefix + "/bin/conda",
            ["create", "-y", "-n", options.environmentName, "python=\(options.python)"], timeout: 1800)
    }

    func plan(_ run: StepRun) -> [PlannedAction] { [PlannedAction(createCommand)] }

    func installedPython(_ run: StepRun) -> String? {
        guard run.fileSystem.exists(python) else { return nil }
        let result = try? run.context.runner.run(
            Command(python, ["-c", "import platform; print(platform.python_version())"], timeout: 60))
        guard let result, result.succeeded else { return nil }
        return result.stdout.split(whereSeparator: \.isNewline).first.map(String.init)
    }

    func check(_ run: StepRun) throws -> Bool {
        run[fact: "python"] = python
        return installedPython(run) == options.python
    }

    func apply(_ run: StepRun) throws -> [String: String] {
        try run.run(createCommand, fix: "Check the conda output above (network, channel access).", transient: true)
        return ["environment": options.environmentName]
    }

    func verify(_ run: StepRun) throws {
        let found = installedPython(run)
        guard found == options.python else {
            throw StepFailure(
                message: "the environment's Python is \(found ?? "missing"), the cluster needs \(options.python)",
                fix: "Remove the environment (conda env remove -n \(options.environmentName)) and run again.")
        }
        run[fact: "python"] = python
    }

    func undo(_ run: StepRun, record: [String: String]) throws {
        try run.run(
            Command(
                options.condaPrefix + "/bin/conda", ["env", "remove", "-y", "-n", options.environmentName], timeout: 600
            ),
            fix: "Remove it by hand: conda env remove -n \(options.environmentName)")
    }
}
