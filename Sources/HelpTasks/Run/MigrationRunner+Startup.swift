import HelpCache
import HelpProject
import HelpSystem

extension MigrationRunner {
    /// Runs the project's own start-up steps, cached like the migrations: skipped when neither
    /// their files nor the migration scripts changed since they last succeeded and the database
    /// still holds the revisions it had then (a new, empty database runs them again).
    func run(
        _ plan: StartupPlan, database: DatabaseLocation?, configuration: EffectiveConfiguration?, file: String?
    ) throws -> String {
        var inputs = plan.migration
        inputs.inputs = plan.inputs + plan.migration.inputs
        let digest = inputsDigest(inputs)
        let stampPath =
            RunLock.stateDirectory(root: root) + "/startup-" + DependencyTarget.fileSafe(plan.migration.component)
        let stamp = (try? fileSystem.readText(stampPath)).map { $0.split(separator: "\n").map(String.init) }
        let before = database.flatMap { revisions(in: $0, python: plan.migration.python) }
        let what = plan.label + (plan.migrates ? " (it runs the migrations)" : "")
        if let before, let stamp, stamp.first == digest.hex, Set(stamp.dropFirst()) == Set(before) {
            return "\(what): unchanged since it last ran, skipped"
        }
        let command = plan.migration.command(plan.argv[0], Array(plan.argv.dropFirst()), configuration: configuration)
        let result = try context.runner.run(command)
        if result.termination == .signaled(2) {
            throw HelpError("interrupted while running \(plan.label)", code: .interrupted)
        }
        guard result.succeeded else {
            if let failure = ConfigurationFailure.detect(result.stdout + "\n" + result.stderr) {
                throw failure.error(component: plan.migration.component, step: plan.label, file: file)
            }
            let secrets = (configuration?.secretValues ?? []) + (database.flatMap(Self.password).map { [$0] } ?? [])
            throw HelpError(
                "\(plan.migration.component): \(plan.label) failed (exit \(result.exitCode))"
                    + Secret.redact(StepRunner.tail(result, lines: 12), secrets),
                hint: "fix it and run help run again; the full output is in .helpcache/logs/")
        }
        let after = database.flatMap { revisions(in: $0, python: plan.migration.python) } ?? []
        try? fileSystem.createDirectories(RunLock.stateDirectory(root: root))
        try? fileSystem.writeAtomically(stampPath, Array(([digest.hex] + after).joined(separator: "\n").utf8))
        let modules = plan.inputs.dropFirst()
        return "ran \(what)" + (modules.isEmpty ? "" : "; it calls " + modules.joined(separator: ", "))
    }
}
