import HelpCache
import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The commands `help build` plans per component kind, and the npm tarball check, with a
/// recording runner instead of real tools.
@Suite struct BuildPlanTests {
    let planner = BuildPlanner(os: "linux", architecture: "x86_64")

    @Test func pythonBuildsSdistAndWheelWithTheEnvironmentsInterpreter() {
        let component = Component(name: "python-client", path: "python-client", kind: .python)
        let steps = planner.steps(
            for: component, folder: "/p/python-client", staging: "/p/dist/.staging-python-client",
            python: "/p/python-client/.venv/bin/python", version: "0.1.0")
        #expect(
            steps.map(\.command) == [
                Command(
                    "/p/python-client/.venv/bin/python",
                    ["-m", "build", "--sdist", "--wheel", "--outdir", "/p/dist/.staging-python-client"],
                    workingDirectory: "/p/python-client", timeout: 1800)
            ])
    }

    @Test func offlinePythonBuildsUseTheEnvironmentsBackendWithoutIsolation() {
        let component = Component(name: "python-client", path: "python-client", kind: .python)
        let steps = planner.steps(
            for: component, folder: "/p/python-client", staging: "/p/dist/.s", python: "/v/bin/python",
            version: "0.1.0", isolated: false)
        #expect(
            steps.map { $0.command?.arguments ?? [] } == [
                ["-m", "build", "--sdist", "--wheel", "--no-isolation", "--outdir", "/p/dist/.s"]
            ])
        let install = planner.installOffline(
            ["build", "hatchling>=1.26"], python: "/v/bin/python", folder: "/p/python-client", wheelhouse: "/w")
        #expect(
            install.arguments == [
                "-m", "pip", "install", "--quiet", "--no-index", "--find-links", "/w", "build", "hatchling>=1.26",
            ])
    }

    @Test func nodePacksIntoTheStagingFolder() {
        let component = Component(name: "js-client", path: "js-client", kind: .node)
        let steps = planner.steps(
            for: component, folder: "/p/js-client", staging: "/p/dist/.s", python: nil, version: "1.0.0")
        #expect(steps.map { $0.command?.arguments ?? [] } == [["pack", "--pack-destination", "/p/dist/.s"]])
        #expect(steps.first?.command?.executable == "npm")
    }

    @Test func swiftBuildsAStaticReleaseBinaryThenATarballNamedForProductVersionOsAndArch() throws {
        var markers = SwiftMarkers()
        markers.packageName = "help"
        markers.hasExecutable = true
        let root = TempDir()
        try FileSystem().createDirectories(root.path("Templates"))
        let component = Component(name: "help", path: ".", kind: .swift, swift: markers)
        let steps = planner.steps(
            for: component, folder: root.path, staging: root.path("dist/.s"), python: nil, version: "1.2.0")
        #expect(steps.count == 3)
        #expect(
            steps[0].command?.arguments == ["build", "-c", "release", "--static-swift-stdlib", "--product", "help"])
        // A stripped copy is packed; the linked binary in .build stays as SwiftPM left it.
        #expect(steps[1].command?.arguments == ["-o", root.path("dist/.s/.help"), root.path(".build/release/help")])
        let tar = try #require(steps[2].command)
        #expect(tar.executable == "tar")
        #expect(tar.arguments.contains(root.path("dist/.s") + "/help-1.2.0-linux-x86_64.tar.gz"))
        #expect(tar.arguments.contains("s,^\\.help$,bin/help,;s,^Templates,share/help/Templates,"))
        #expect(
            Array(tar.arguments.suffix(6)) == ["-C", root.path("dist/.s"), ".help", "-C", root.path, "Templates"])
    }

    @Test func anInstalledStaticLinuxSDKLinksFullyStaticFromTheMuslFolder() throws {
        var markers = SwiftMarkers()
        markers.packageName = "help"
        markers.hasExecutable = true
        let component = Component(name: "help", path: ".", kind: .swift, swift: markers)
        let listing = "swift-6.3.1-RELEASE_static-linux-0.0.1\n"
        let sdk = try #require(ReleaseTarball.staticSDK(inListing: listing))
        let musl = BuildPlanner(os: "linux", architecture: "x86_64", staticSDK: sdk)
        let steps = musl.steps(for: component, folder: "/p", staging: "/p/dist/.s", python: nil, version: "1.0.0")
        #expect(
            steps[0].command?.arguments == [
                "build", "-c", "release", "--swift-sdk", sdk, "--static-swift-stdlib", "--product", "help",
            ])
        #expect(steps[1].command?.arguments.last == "/p/.build/x86_64-swift-linux-musl/release/help")
        #expect(ReleaseTarball.staticSDK(inListing: "No Swift SDKs are currently installed.\n") == nil)
    }

    @Test func lddOutputNamesTheLibrariesStillNeeded() {
        let dynamic = """
            \tlinux-vdso.so.1 (0x00007ffd)
            \tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f)
            """
        #expect(ReleaseTarball.sharedLibraries(lddOutput: dynamic) == ["libstdc++.so.6", "libc.so.6"])
        #expect(ReleaseTarball.sharedLibraries(lddOutput: "\tnot a dynamic executable\n").isEmpty)
    }

    @Test func npmTarballWhosePackageJsonDisagreesIsAProblem() throws {
        let folder = TempDir()
        try FileSystem().writeAtomically(
            folder.path("package.json"), Array(#"{"name": "@scope/lib", "version": "1.0.0"}"#.utf8))
        let runner = RecordingProcessRunner()
        runner.on("tar", stdout: #"{"name": "@scope/lib", "version": "0.9.0"}"#)
        let validator = ArtifactValidator(runner: runner, python: "python3", scratch: folder.path(".check"))
        let component = Component(name: "lib", path: "lib", kind: .node)
        let problems = try validator.problems(
            component: component, folder: folder.path, files: ["scope-lib-1.0.0.tgz"],
            directory: "/d", version: "1.0.0")
        #expect(problems == ["scope-lib-1.0.0.tgz: holds @scope/lib@0.9.0, package.json says @scope/lib@1.0.0"])
        #expect(runner.commands.map(\.arguments) == [["-xzOf", "/d/scope-lib-1.0.0.tgz", "package/package.json"]])
    }

    @Test func npmTarballNamedForAnotherVersionIsAProblem() throws {
        let folder = TempDir()
        try FileSystem().writeAtomically(
            folder.path("package.json"), Array(#"{"name": "lib", "version": "1.0.0"}"#.utf8))
        let runner = RecordingProcessRunner()
        runner.on("tar", stdout: #"{"name": "lib", "version": "1.0.0"}"#)
        let validator = ArtifactValidator(runner: runner, python: "python3", scratch: folder.path(".check"))
        let problems = try validator.problems(
            component: Component(name: "lib", path: "lib", kind: .node), folder: folder.path,
            files: ["lib-0.9.0.tgz"], directory: "/d", version: "1.0.0")
        #expect(problems == ["lib-0.9.0.tgz: expected lib-1.0.0.tgz (name and version of package.json)"])
    }
}

/// `help build --docker`: the image command per component with a Dockerfile, and a missing engine.
@Suite struct BuildDockerTests {
    func project() throws -> TempDir {
        try TempDir.project([
            "help.json": "{}\n",
            "api/pyproject.toml": "[project]\nname = \"api\"\nversion = \"1.4.0\"\n",
            "api/Dockerfile": "FROM scratch\n",
        ])
    }

    func context(_ folder: TempDir, runner: RecordingProcessRunner) -> Context {
        Context(
            runner: runner, environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console,
            workingDirectory: folder.path)
    }

    @Test func withoutAnEngineTheBuildIsRefusedAsUnavailable() throws {
        let folder = try project()
        let runner = RecordingProcessRunner()
        runner.makeMissing("docker")
        var options = BuildOptions()
        options.docker = true
        #expect(
            throws: HelpError.unavailable(
                "--docker needs the docker command, and it is not installed",
                hint: "Install Docker (or set HELP_DOCKER to its path), or build without --docker.")
        ) {
            try BuildWorkflow.run(options, context: context(folder, runner: runner))
        }
        #expect(runner.commands.isEmpty)
    }

    @Test func imageIsTaggedWithTheVersionAndLatest() {
        let command = DockerImage.command(
            for: Component(name: "API", path: "api", kind: .python), version: "1.4.0", folder: "/p/api")
        #expect(command.executable == "docker")
        #expect(command.arguments == ["build", "-t", "api:1.4.0", "-t", "api:latest", "/p/api"])
    }
}
