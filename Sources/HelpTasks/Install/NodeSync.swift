import HelpProject
import HelpSystem

/// Brings a Node component's `node_modules` up to date: `npm ci` with a lock file, `npm install`
/// without, only when package.json or the lock file changed since npm last installed; nothing at
/// all for a package without dependencies, or whose tests need none (`NodeTestNeeds`).
struct NodeSync {
    var target: DependencyTarget
    var context: Context
    var options: SyncOptions
    var fileSystem = FileSystem()

    func run() throws -> SyncOutcome {
        let started = MonotonicTime.now()
        let manifestPath = target.directory + "/package.json"
        let manifest = try JSONValue.parse(try fileSystem.readText(manifestPath), source: manifestPath)
        let sections = ["dependencies", "devDependencies", "optionalDependencies"]
        let count = sections.reduce(0) { $0 + (manifest[$1]?.object?.count ?? 0) }
        let deps = NodeDependencies.assess(
            directory: target.directory, dependencyCount: count,
            modificationTime: { path in
                (try? fileSystem.stat(path))?.modifiedNanoseconds
            })
        func outcome(_ status: SyncOutcome.Status, _ reason: String, _ steps: [PlanStep] = []) -> SyncOutcome {
            SyncOutcome(
                component: target.name, status: status, environmentReason: reason, installer: "npm", steps: steps,
                duration: MonotonicTime.now().seconds(since: started))
        }
        if let skip = NodeTestNeeds.installSkipReason(manifest: manifest) {
            return outcome(.nothingToDo, skip)
        }
        switch deps.state {
        case .nothingToInstall:
            return outcome(.nothingToDo, "package.json declares no dependencies")
        case .upToDate where !options.force:
            return outcome(.upToDate, "node_modules is newer than package.json and package-lock.json")
        case .upToDate, .stale:
            let reason: String
            if case .stale(let why) = deps.state { reason = why } else { reason = "--force" }
            let command = deps.syncCommand(dev: options.development, offline: options.offline)
            let step = PlanStep(title: command.displayLine, command: command, reason: reason)
            if options.dryRun { return outcome(.planned, reason, [step]) }
            context.console.info("\(target.name): \(reason); \(command.displayLine)")
            try StepRunner(context: context).require(
                command, "\(target.name): npm",
                hint: "run the npm command yourself in \(target.label) to see the full output")
            return outcome(.installed, reason, [step])
        }
    }
}
