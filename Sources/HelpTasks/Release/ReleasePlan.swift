import HelpProject
import HelpSystem

/// Everything a release will do, computed without side effects: the components and their
/// release versions, the version files to rewrite, the commit message, the tags, the remote, and
/// the steps with their exact commands (artifact names as expected before the build).
struct ReleasePlan {
    /// The chosen components that state a version; `newVersion` set when bumped or set.
    var entries: [ComponentVersions]
    var tags: [String]
    var commitMessage: String
    /// Version files to rewrite and commit, relative to the project root.
    var files: [String]
    var remote: (name: String, upstream: Bool)?
    var steps: [ReleaseStep]

    /// The version each component is released at.
    static func version(of entry: ComponentVersions) -> String { entry.newVersion ?? entry.version ?? "" }

    static func make(_ options: ReleaseOptions, project: Project, git: ReleaseGit, context: Context) throws
        -> ReleasePlan
    {
        var versionOptions = VersionOptions()
        versionOptions.components = options.components
        versionOptions.bump = options.bump
        versionOptions.set = options.set
        let entries = try VersionWorkflow.planned(versionOptions, project: project, runner: context.runner)
            .filter { $0.version != nil }
        guard !entries.isEmpty else {
            throw HelpError.badData(
                "nothing to release: no chosen component states a version",
                hint: "Run 'help version' to see where versions are read from.")
        }
        let versions = Set(entries.map(version(of:)))
        let tags =
            !options.tag
            ? []
            : versions.count == 1 ? ["v" + versions.first!] : entries.map { "\($0.component)-v\(version(of: $0))" }
        for tag in tags where try git.tagExists(tag) {
            throw HelpError.badData(
                "tag \(tag) already exists", hint: "Release a new version: --bump patch (or minor, major, pre).")
        }
        var remote: (name: String, upstream: Bool)?
        if options.push {
            guard let target = try git.pushTarget() else {
                throw HelpError.badData(
                    "--push needs a remote, and this repository has none (or several and no upstream)",
                    hint: "Add one (git remote add origin URL) or set the branch's upstream (git push -u).")
            }
            remote = target
        }
        var files: [String] = []
        for entry in entries where entry.newVersion != nil {
            for place in entry.places where !files.contains(place.display) { files.append(place.display) }
        }
        let message = "release: " + entries.map { "\($0.component) v\(version(of: $0))" }.joined(separator: ", ")
        var plan = ReleasePlan(
            entries: entries, tags: tags, commitMessage: message, files: files, remote: remote, steps: [])
        plan.steps = plan.makeSteps(options, project: project, git: git, environment: context.environment)
        return plan
    }

    private func makeSteps(_ options: ReleaseOptions, project: Project, git: ReleaseGit, environment: [String: String])
        -> [ReleaseStep]
    {
        var steps: [ReleaseStep] = []
        for entry in entries {
            let change = entry.newVersion.map { "\(entry.version ?? "") → \($0)" } ?? "stays \(entry.version ?? "")"
            let files = entry.newVersion == nil ? "" : " in " + entry.places.map(\.display).joined(separator: ", ")
            steps.append(ReleaseStep(.bump, "\(entry.component): \(change)\(files)", subject: entry.component))
        }
        let selection = entries.flatMap { ["--component", $0.component] }
        steps.append(
            ReleaseStep(
                .build, "build and check the artifacts",
                command: (["help", "build"] + selection).map(Command.shellQuote).joined(separator: " ")))
        if !files.isEmpty {
            steps.append(
                ReleaseStep(
                    .commit, commitMessage, command: git.commit(message: commitMessage, files: files).displayLine))
        }
        for tag in tags {
            steps.append(
                ReleaseStep(
                    .tag, "tag \(tag)", command: git.tag(tag, message: "Release \(tag)").displayLine, subject: tag))
        }
        if options.publish {
            steps += Self.publishSteps(entries, project: project, options: options, environment: environment) {
                entry, folder in Self.expectedArtifacts(entry, folder: folder).map { "dist/\(entry.component)/\($0)" }
            }
        }
        if let remote {
            if !files.isEmpty {
                steps.append(
                    ReleaseStep(
                        .push, "push the release commit to \(remote.name)",
                        command: git.push(remote: remote.name, upstream: remote.upstream).displayLine, subject: "commit"
                    ))
            }
            if !tags.isEmpty {
                steps.append(
                    ReleaseStep(
                        .push, "push \(tags.joined(separator: ", ")) to \(remote.name)",
                        command: git.pushTags(remote: remote.name, tags: tags).displayLine, subject: "tags"))
            }
        }
        return steps
    }

    /// One `twine upload` or `npm publish` step per artifact (paths relative to the project root).
    static func publishSteps(
        _ entries: [ComponentVersions], project: Project, options: ReleaseOptions, environment: [String: String],
        artifacts: (ComponentVersions, String) -> [String]
    ) -> [ReleaseStep] {
        let publisher = ReleasePublisher(options: options, environment: environment)
        var steps: [ReleaseStep] = []
        for entry in entries where entry.kind != .swift {
            let folder = folder(of: entry, project: project)
            for path in artifacts(entry, folder) {
                let file = project.root.path + "/" + path
                let command =
                    entry.kind == .node
                    ? publisher.npmPublish(
                        file, folder: folder, userconfig: publisher.usesNpmToken ? "<temporary 0600 file>" : nil)
                    : publisher.twineUpload(file, twine: "twine", folder: folder)
                steps.append(
                    ReleaseStep(
                        .publish, "publish \(path)", command: ReleasePublisher.display(command), artifact: path,
                        subject: entry.component))
            }
        }
        return steps
    }

    /// The folder of the component `entry` describes.
    static func folder(of entry: ComponentVersions, project: Project) -> String {
        project.components.first { $0.name == entry.component }.map(project.folder(of:)) ?? project.root.path
    }

    /// The artifact names a build of `entry` is expected to give (the wheel's tags are only known
    /// after the build, so they show as `*`); the publish steps use the real names.
    static func expectedArtifacts(_ entry: ComponentVersions, folder: String) -> [String] {
        let version = version(of: entry)
        switch entry.kind {
        case .python:
            let name = (try? ComponentVersion.pyproject(at: folder + "/pyproject.toml").name) ?? entry.component
            let file = PackageMetadata.fileName(name)
            let normalized = PackageMetadata.normalized(version).replacingDashes
            return ["\(file)-\(normalized)-*.whl", "\(file)-\(normalized).tar.gz"]
        case .node:
            let manifest = try? JSONValue.parse(
                try FileSystem().readText(folder + "/package.json"), source: "package.json")
            let name = manifest?["name"]?.string ?? entry.component
            return ["\(name.replacingOccurrencesOfScope)-\(version).tgz"]
        case .swift:
            return []
        }
    }
}
