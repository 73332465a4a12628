import HelpProject
import HelpSystem
import HelpTasks

/// `help build`: validated release artifacts per component, restored from cache when unchanged.
public enum BuildCommand {
    public static let spec = CommandSpec(
        name: "build",
        summary: "Build validated release artifacts per component into dist/, restoring unchanged ones from cache",
        discussion: """
            Python — `python -m build --sdist --wheel` in the component's environment (build installed \
            there when missing); Node — `npm pack`; Swift — `swift build -c release --static-swift-stdlib` \
            packed as <product>-<version>-<os>-<arch>.tar.gz with bin/ and share/help/Templates/. Each \
            artifact is checked (file name, metadata against the project file, wheel RECORD hashes, \
            package.json inside npm tarballs, twine check when installed) before it lands in \
            dist/<component>/; dist/SHA256SUMS and dist/manifest.json list them all. A build is cached \
            under a key of the component's files, version, tool versions and command; a hit restores \
            the artifacts after checking their hashes. Exit 1 when a build or a check failed.
            """,
        options: [
            .flag("docker", help: "Also build an image (NAME:VERSION and NAME:latest) per component with a Dockerfile"),
            .flag("no-cache", help: "Build even when a cached build of the same inputs exists"),
            .flag(
                "offline",
                help: "No network: dependencies and build backends from the wheelhouse (build --no-isolation)"),
            .flag("explain", help: "Say for each component why it was built (what changed) or restored"),
            .value("jobs", short: "j", valueName: "N", help: "Components built at once (default: CPU count)"),
        ] + ComponentSelection.options,
        examples: [
            .init("help build", "Every component, unchanged ones restored from cache"),
            .init("help build --python-client --explain", "One component, saying what changed since its last build"),
            .init("help build --offline", "No network: dependencies and build backends from the wheelhouse"),
            .init("cd dist && sha256sum -c SHA256SUMS", "Check the artifacts afterwards"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        var options = BuildOptions()
        options.components = try ComponentSelection(invocation).names
        options.docker = invocation.flag("docker")
        options.noCache = invocation.flag("no-cache")
        options.offline = invocation.flag("offline")
        options.explain = invocation.flag("explain")
        options.jobs = try invocation.jobs(environment: context.environment)
        let report = try BuildWorkflow.run(options, context: context)
        let failure =
            report.failed
            ? HelpError(
                "some components failed to build",
                hint: "The lines above name each problem; -v shows every command.")
            : nil
        return Report(lines: report.lines, json: report.json, failure: failure)
    }
}
