import HelpProject
import HelpSystem

/// Runs a release plan step by step, remembering what it changed (backups of the version files,
/// the commit, the tags, what was published and pushed) so a failure before the push can put
/// everything back.
struct ReleaseExecution {
    let plan: ReleasePlan
    let options: ReleaseOptions
    let project: Project
    let git: ReleaseGit
    let context: Context
    var report: ReleaseReport

    private var backups: [(path: String, backup: String)] = []
    private var previousHead: String?
    private var createdTags: [String] = []
    /// The artifacts of each component after the build, relative to the project root.
    private var artifacts: [String: [String]] = [:]

    init(
        plan: ReleasePlan, options: ReleaseOptions, project: Project, git: ReleaseGit, context: Context,
        report: ReleaseReport
    ) {
        self.plan = plan
        self.options = options
        self.project = project
        self.git = git
        self.context = context
        self.report = report
    }

    mutating func run() {
        var index = 0
        previousHead = try? git.head()
        while index < report.steps.count {
            let progress = context.console.beginStep(report.steps[index].title)
            do {
                var step = report.steps[index]
                let done = try execute(&step)
                report.steps[index].command = step.command
                report.steps[index].status = done ? .done : .skipped
                progress.finish(done ? .ok : .skipped)
            } catch {
                report.steps[index].status = .failed
                let failure = error as? HelpError ?? HelpError("\(error)")
                progress.finish(.failed, failure.message)
                for later in report.steps.indices where later > index { report.steps[later].status = .notRun }
                fail(failure)
                return
            }
            index += 1
        }
    }

    /// Runs one step; false when there was nothing to do.
    private mutating func execute(_ step: inout ReleaseStep) throws -> Bool {
        switch step.kind {
        case .bump:
            guard let entry = plan.entries.first(where: { $0.component == step.subject }),
                entry.newVersion != nil
            else { return false }
            backups += try VersionWorkflow.write([entry], cache: HelpCacheFolder(projectRoot: project.root.path))
        case .build:
            try build()
        case .commit:
            try require(git.commit(message: plan.commitMessage, files: plan.files), "git commit")
            report.commit = try git.head()
        case .tag:
            let tag = step.subject ?? ""
            try require(git.tag(tag, message: "Release \(tag)"), "git tag \(tag)")
            createdTags.append(tag)
        case .publish:
            step.command = try publish(step)
        case .push:
            guard let remote = plan.remote else { return false }
            if step.subject == "commit" {
                try require(git.push(remote: remote.name, upstream: remote.upstream), "git push")
            } else {
                try require(git.pushTags(remote: remote.name, tags: plan.tags), "git push of the tags")
            }
            report.pushed = true
        }
        return true
    }

    /// Builds and checks the chosen components; the publish steps then name the real artifacts.
    private mutating func build() throws {
        var buildOptions = BuildOptions()
        buildOptions.components = plan.entries.map(\.component)
        buildOptions.jobs = options.jobs
        let built = try BuildWorkflow.run(buildOptions, context: context)
        if built.failed {
            let names = built.results.filter { $0.status == .failed }.map(\.component)
            throw HelpError(
                "the build of \(names.joined(separator: ", ")) failed", hint: "The lines above name each problem.")
        }
        for result in built.results {
            artifacts[result.component] = result.artifacts.map { "dist/\(result.component)/\($0.name)" }
        }
        for index in report.entries.indices {
            report.entries[index].artifacts = artifacts[report.entries[index].component] ?? []
        }
        guard options.publish else { return }
        var steps = report.steps.filter { $0.kind != .publish }
        let at = steps.firstIndex { $0.kind == .push } ?? steps.count
        let paths = artifacts
        let publishing = ReleasePlan.publishSteps(
            plan.entries, project: project, options: options, environment: context.environment
        ) { entry, _ in paths[entry.component] ?? [] }
        steps.insert(contentsOf: publishing, at: at)
        report.steps = steps
    }

    /// Uploads one artifact with twine or npm (credentials through the environment only); returns
    /// the command as it ran.
    private mutating func publish(_ step: ReleaseStep) throws -> String? {
        guard let path = step.artifact, let entry = plan.entries.first(where: { $0.component == step.subject }),
            let component = project.components.first(where: { $0.name == entry.component })
        else { return step.command }
        let publisher = ReleasePublisher(options: options, environment: context.environment)
        let folder = project.folder(of: component)
        let file = project.root.path + "/" + path
        if entry.kind == .node {
            var userconfig: String?
            if publisher.usesNpmToken {
                userconfig = try publisher.writeUserconfig(under: context.environment["TMPDIR"] ?? "/tmp")
            }
            defer { if let userconfig { try? FileSystem().remove(String(userconfig.dropLast("/npmrc".count))) } }
            try require(publisher.npmPublish(file, folder: folder, userconfig: userconfig), "npm publish of \(path)")
            report.published.append(path)
            return step.command
        }
        let twine = try ReleasePublisher.twine(for: component, project: project, context: context)
        let upload = publisher.twineUpload(file, twine: twine, folder: folder)
        try require(upload, "twine upload of \(path)")
        report.published.append(path)
        return ReleasePublisher.display(upload)
    }

    private func require(_ command: Command, _ what: String) throws {
        let result = try context.runner.run(command)
        guard result.succeeded else {
            let tail = Secret.redact(StepRunner.tail(result, lines: 4), Array(command.secrets.values))
            throw HelpError("\(what) failed (exit \(result.exitCode))\(tail)")
        }
    }

    // MARK: - Failure

    /// Records the failure and what was not published; before a push, undoes everything local.
    private mutating func fail(_ failure: HelpError) {
        report.failure = failure
        if options.publish {
            let meant = report.steps.compactMap(\.artifact)
            report.notPublished = meant.filter { !report.published.contains($0) }
        }
        guard !report.pushed else { return }
        var problems: [String] = []
        let fs = FileSystem()
        for tag in createdTags.reversed() {
            if (try? context.runner.run(git.deleteTag(tag)))?.succeeded != true { problems.append("tag \(tag)") }
        }
        if report.commit != nil, let previousHead {
            for command in git.uncommit(to: previousHead, files: plan.files) {
                if (try? context.runner.run(command))?.succeeded != true { problems.append("the commit") }
            }
            report.commit = nil
        }
        for item in backups.reversed() {
            do { try fs.restore(item.backup, to: item.path) } catch { problems.append(item.path) }
        }
        for index in report.steps.indices where report.steps[index].status == .done {
            if [.bump, .commit, .tag].contains(report.steps[index].kind) { report.steps[index].status = .undone }
        }
        report.rolledBack = problems.isEmpty
        if !problems.isEmpty {
            report.failure?.hint = "Could not undo: \(problems.joined(separator: ", ")); put them back by hand."
        }
    }
}
