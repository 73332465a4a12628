import HelpProject
import HelpSystem

/// `help release`: refuses a dirty work tree, plans every step, and (unless `--dry-run`) bumps,
/// builds and checks, commits, tags, publishes and pushes, in that order. A failure before the
/// push undoes the commit and tags and restores the version files byte for byte; after a push
/// nothing is undone or force-pushed, and the report says what was published and pushed.
public enum ReleaseWorkflow {
    public static func run(_ options: ReleaseOptions, context: Context) throws -> ReleaseReport {
        let project = try Project.load(from: context.workingDirectory)
        let git = ReleaseGit(root: project.root.path, runner: context.runner)
        try git.requireRepository()
        if !options.allowDirty {
            let changes = try git.changes()
            if !changes.isEmpty {
                let shown = changes.prefix(3).joined(separator: ", ") + (changes.count > 3 ? ", …" : "")
                throw HelpError.badData(
                    "the work tree has uncommitted changes (\(shown))",
                    hint: "Commit or stash them first, or pass --allow-dirty to release anyway.")
            }
        }
        guard try git.head() != nil else {
            throw HelpError.badData(
                "the repository has no commit yet", hint: "Commit the project first; a release builds on a commit.")
        }
        let plan = try ReleasePlan.make(options, project: project, git: git, context: context)
        let entries = plan.entries.map { entry in
            ReleaseReport.Entry(
                component: entry.component, version: ReleasePlan.version(of: entry),
                previousVersion: entry.newVersion == nil ? nil : entry.version,
                artifacts: ReleasePlan.expectedArtifacts(entry, folder: ReleasePlan.folder(of: entry, project: project))
                    .map { "dist/\(entry.component)/\($0)" })
        }
        let report = ReleaseReport(
            dryRun: options.dryRun, entries: entries, steps: plan.steps, tags: plan.tags)
        guard !options.dryRun else { return report }
        var execution = ReleaseExecution(
            plan: plan, options: options, project: project, git: git, context: context, report: report)
        execution.run()
        return execution.report
    }
}
