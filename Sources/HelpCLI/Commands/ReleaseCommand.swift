import HelpProject
import HelpSystem
import HelpTasks

/// `help release`: bump, build and check, commit, tag, publish and push in one command, undone
/// when it fails before the push.
public enum ReleaseCommand {
    public static let spec = CommandSpec(
        name: "release",
        summary: "Bump, build, commit, tag, publish and push a release of the chosen components",
        discussion: """
            Refuses a work tree with uncommitted changes (exit 65; --allow-dirty overrides). Then, in \
            order: rewrites every version place (as help version --bump/--set), builds and checks the \
            artifacts (as help build), commits the version files as `release: <component> vX`, tags vX \
            (or <component>-vX when the versions differ), uploads wheels and sdists with `twine upload` \
            and npm tarballs with `npm publish`, and pushes the commit and the tags. Credentials only from \
            the environment (TWINE_USERNAME, TWINE_PASSWORD, NPM_TOKEN) or the tools' own config files, \
            never on a command line. A failure before the push undoes the commit and the tags and \
            restores the version files byte for byte; after a push nothing is undone or force-pushed, and \
            the output says what was published and what was not. --dry-run prints every step.
            """,
        options: [
            .value(
                "bump", valueName: "PART", help: "Raise the version first",
                allowedValues: ReleaseVersion.Part.allCases.map(\.rawValue)),
            .value("set", valueName: "VERSION", help: "Set this version first"),
            .flag("tag", help: "Tag the release commit vX (or <component>-vX when versions differ)"),
            .flag("push", help: "Push the release commit and its tags"),
            .flag("publish", help: "Upload wheels and sdists with twine, npm tarballs with npm publish"),
            .value("repository", valueName: "URL|NAME", help: "twine's index: a URL or a name from ~/.pypirc"),
            .value("npm-registry", valueName: "URL", help: "The npm registry to publish to"),
            .flag("allow-dirty", help: "Release even with uncommitted changes in the work tree"),
            .flag("dry-run", help: "Print every step with its exact command; change nothing"),
            .value("jobs", short: "j", valueName: "N", help: "Components built at once (default: CPU count)"),
        ] + ComponentSelection.options,
        examples: [
            .init("help release --bump patch --tag --dry-run", "Show the plan of a patch release"),
            .init(
                "help release --python-client --bump minor --tag --push --publish --repository https://test.pypi.org/legacy/",
                "Release the Python client to TestPyPI"),
            .init("NPM_TOKEN=… help release --js-client --set 1.0.0 --tag --publish", "Publish the JS client"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        var options = ReleaseOptions()
        options.components = try ComponentSelection(invocation).names
        options.bump = invocation.value("bump").flatMap(ReleaseVersion.Part.init(rawValue:))
        options.set = invocation.value("set")
        if options.bump != nil && options.set != nil {
            throw HelpError.usage("--bump and --set both choose the new version", hint: "Give one of them.")
        }
        options.tag = invocation.flag("tag")
        options.push = invocation.flag("push")
        options.publish = invocation.flag("publish")
        options.repository = invocation.value("repository")
        options.npmRegistry = invocation.value("npm-registry")
        options.allowDirty = invocation.flag("allow-dirty")
        options.dryRun = invocation.flag("dry-run")
        options.jobs = try invocation.jobs(environment: context.environment)
        let report = try ReleaseWorkflow.run(options, context: context)
        return Report(lines: report.lines, json: report.json, failure: report.failure)
    }
}
