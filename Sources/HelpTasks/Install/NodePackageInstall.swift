import HelpProject
import HelpSystem

/// `help install PKG --js-client`: npm installs and records the package itself (`--save-dev`
/// with `--dev`); package.json and the lock file are backed up first and restored if npm fails or
/// is interrupted.
struct NodePackageInstall {
    var target: DependencyTarget
    var context: Context
    var options: InstallOptions
    var fileSystem = FileSystem()

    func run(_ packages: [NodePackageSpec]) throws -> PlanStep {
        let command = NodeDependencies.addCommand(
            packages.map(\.description), directory: target.directory, dev: options.role == .dev, save: !options.noSave,
            offline: options.offline)
        let step = PlanStep(
            title: command.displayLine, command: command,
            reason: options.role == .dev ? "--dev: recorded in devDependencies" : "recorded in dependencies")
        if options.dryRun { return step }
        let transaction = InstallTransaction(fileSystem: fileSystem, backupsDirectory: target.backupsDirectory)
        try transaction.save([target.directory + "/package.json", target.directory + "/package-lock.json"])
        let result: ProcessResult
        do {
            result = try StepRunner(context: context).run(command)
        } catch {
            _ = transaction.restoreFiles()
            throw error
        }
        guard result.succeeded else {
            let restored = transaction.restoreFiles()
            throw HelpError(
                "npm install failed (exit \(result.exitCode))\(StepRunner.tail(result)); rolled back: \(restored.joined(separator: "; "))"
            )
        }
        return step
    }
}
