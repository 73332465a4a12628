import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// A monorepo with a `server` (requirements files) and a `client` (pyproject with a dev group),
/// each with an environment whose stamp is current, and a scripted pip.
final class InstallFixture: @unchecked Sendable {
    let folder: TempDir
    let runner = RecordingProcessRunner()
    let output = BufferConsole()
    /// Distributions `pip list` reports after the install (before it: none).
    var installedAfter = #"[{"name": "pytest-mock", "version": "3.14.0"}]"#
    var installExit: ProcessResult.Termination = .exited(0)
    var checkExit: Int32 = 0
    /// Ctrl-C arrives right after pip install returns, while no child runs.
    var interruptAfterInstall = false
    private let state = Mutex()
    private var installed = false

    init() throws {
        folder = try TempDir.project([
            ".git/": "",
            "server/requirements.txt": "# runtime\nfastapi>=0.110\n",
            "server/requirements-dev.txt": "-r requirements.txt\npytest>=8  # tests\n",
            "server/.venv/pyvenv.cfg": "home = /usr/bin\nversion = 3.11.7\n",
            "server/.venv/bin/python": "",
            "client/pyproject.toml":
                "[project]\nname = \"client\"\nversion = \"1\"\ndependencies = [\n    \"pydantic>=2\",\n]\n\n[dependency-groups]\ndev = [\"pytest\"]\n",
            "client/.venv/pyvenv.cfg": "home = /usr/bin\nversion = 3.11.7\n",
            "client/.venv/bin/python": "",
        ])
        runner.makeMissing("uv")
        runner.on("python") { [unowned self] command in
            let args = command.arguments
            if args.starts(with: ["-m", "pip", "list"]) {
                return ProcessResult(
                    termination: .exited(0), stdout: self.state.withLock { self.installed } ? self.installedAfter : "[]"
                )
            }
            if args.starts(with: ["-m", "pip", "install"]) {
                self.state.withLock { self.installed = true }
                return ProcessResult(termination: self.installExit, stderr: "ERROR: No matching distribution found")
            }
            if args.starts(with: ["-m", "pip", "check"]) {
                return ProcessResult(
                    termination: .exited(self.checkExit),
                    stdout: self.checkExit == 0
                        ? "" : "fastapi 0.110 has requirement starlette<0.38, but you have starlette 0.40.\n")
            }
            if args.first == "-c" {
                return ProcessResult(
                    termination: .exited(0), stdout: args.dropFirst(2).map { "\($0)==3.14.0" }.joined(separator: "\n"))
            }
            return ProcessResult(termination: .exited(0))
        }
        for name in ["server", "client"] { try refreshStamp(name) }
    }

    /// Marks the component's environment as matching its files as they are now.
    func refreshStamp(_ name: String) throws {
        try PythonSync(target: target(name), context: context, options: SyncOptions()).refreshStamp(
            VirtualEnvironment(root: folder.path(name + "/.venv")))
    }

    func target(_ name: String) -> DependencyTarget {
        DependencyTarget(name: name, directory: folder.path(name), root: folder.path, ecosystem: .python)
    }

    var context: Context {
        Context(
            runner: runner,
            environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path, "XDG_CACHE_HOME": folder.path(".cache")],
            console: output.console, workingDirectory: folder.path,
            interruption: { [unowned self] in
                self.interruptAfterInstall && self.state.withLock { self.installed } ? 2 : nil
            })
    }

    func install(_ packages: [String], _ options: InstallOptions) throws -> InstallReport {
        var options = options
        options.packages = packages
        return try InstallWorkflow.run(options, context: context)
    }

    func pipCommands(_ verb: String) -> [Command] {
        runner.commands.filter { $0.arguments.starts(with: ["-m", "pip", verb]) }
    }
}

@Suite("Install transaction")
struct InstallTransactionTests {
    @Test("the dry-run plan names the wheelhouse, the install and the file to change, and runs nothing")
    func dryRunPlan() throws {
        let fixture = try InstallFixture()
        let before = try fixture.folder.read("server/requirements-dev.txt")
        let report = try fixture.install(["pytest-mock"], InstallOptions(components: ["server"], dryRun: true))
        let steps = try #require(report.packages?.steps)
        let argvs: [[String]] = steps.map { $0.command?.arguments ?? [] }
        #expect(
            argvs.contains([
                "-m", "pip", "wheel", "--wheel-dir", fixture.folder.path(".cache/help/wheels"), "--find-links",
                fixture.folder.path(".cache/help/wheels"), "pytest-mock",
            ]))
        #expect(
            argvs.contains([
                "-m", "pip", "install", "--no-compile", "--find-links", fixture.folder.path(".cache/help/wheels"),
                "pytest-mock",
            ]))
        #expect(report.packages?.placements.first?.file == fixture.folder.path("server/requirements-dev.txt"))
        #expect(fixture.runner.commands.isEmpty)
        #expect(try fixture.folder.read("server/requirements-dev.txt") == before)
    }

    @Test("a development tool is pinned ~=X.Y in requirements-dev.txt, keeping the rest of the file")
    func recordsDevelopmentTool() throws {
        let fixture = try InstallFixture()
        let report = try fixture.install(["pytest-mock"], InstallOptions(components: ["server"]))
        #expect(
            try fixture.folder.read("server/requirements-dev.txt")
                == "-r requirements.txt\npytest>=8  # tests\npytest-mock~=3.14\n")
        #expect(
            report.packages?.placements.first?.note
                == "pytest-mock looks like a development tool: recorded in requirements-dev.txt (use --prod to override)"
        )
        #expect(try fixture.folder.read("server/requirements.txt") == "# runtime\nfastapi>=0.110\n")
    }

    @Test("a runtime package goes to pyproject [project] dependencies; --pin exact and a given specifier are honoured")
    func recordsInPyproject() throws {
        let fixture = try InstallFixture()
        _ = try fixture.install(["httpx"], InstallOptions(components: ["client"], pin: .exact))
        #expect(
            try fixture.folder.read("client/pyproject.toml").contains(
                "dependencies = [\n    \"pydantic>=2\",\n    \"httpx==3.14.0\",\n]"))
        _ = try fixture.install(["pydantic>=2.5"], InstallOptions(components: ["client"]))
        let text = try fixture.folder.read("client/pyproject.toml")
        #expect(text.contains("\"pydantic>=2.5\""))
        #expect(!text.contains("\"pydantic>=2\""))
        _ = try fixture.install(["ruff"], InstallOptions(components: ["client"]))
        #expect(try fixture.folder.read("client/pyproject.toml").contains("dev = [\"pytest\", \"ruff~=3.14\"]"))
    }

    @Test("a failed install leaves every requirement file byte for byte as it was")
    func failedInstallRollsBack() throws {
        let fixture = try InstallFixture()
        fixture.installExit = .exited(1)
        let before = try ["server/requirements.txt", "server/requirements-dev.txt"].map {
            try FileSystem().readFile(fixture.folder.path($0))
        }
        let report = try fixture.install(["no-such-package-zzz-404"], InstallOptions(components: ["server"]))
        #expect(report.failure?.code == .failure)
        #expect(report.packages?.rolledBack.isEmpty == false)
        let after = try ["server/requirements.txt", "server/requirements-dev.txt"].map {
            try FileSystem().readFile(fixture.folder.path($0))
        }
        #expect(after == before)
    }

    @Test("pip check problems are reported, and under --strict roll back files and uninstall what was new")
    func strictCheck() throws {
        let fixture = try InstallFixture()
        fixture.checkExit = 1
        let lenient = try fixture.install(["pytest-mock"], InstallOptions(components: ["server"]))
        #expect(lenient.failure == nil)
        #expect(lenient.packages?.checkFindings.first?.contains("starlette") == true)

        let strictFixture = try InstallFixture()
        strictFixture.checkExit = 1
        let before = try strictFixture.folder.read("server/requirements-dev.txt")
        let strict = try strictFixture.install(["pytest-mock"], InstallOptions(components: ["server"], strict: true))
        #expect(strict.failure?.code == .failure)
        #expect(try strictFixture.folder.read("server/requirements-dev.txt") == before)
        #expect(
            strictFixture.pipCommands("uninstall").last?.arguments == ["-m", "pip", "uninstall", "-y", "pytest-mock"])
    }

    @Test("Ctrl-C during the install rolls back and reports an interruption")
    func interruptRollsBack() throws {
        let fixture = try InstallFixture()
        fixture.installExit = .signaled(2)
        let before = try fixture.folder.read("server/requirements-dev.txt")
        let report = try fixture.install(["pytest-mock"], InstallOptions(components: ["server"]))
        #expect(report.failure?.code == .interrupted)
        #expect(try fixture.folder.read("server/requirements-dev.txt") == before)
    }

    @Test("Ctrl-C between pip install and pip list still uninstalls what was new and restores the files")
    func interruptBetweenStepsRollsBack() throws {
        let fixture = try InstallFixture()
        fixture.interruptAfterInstall = true
        let before = try fixture.folder.read("server/requirements-dev.txt")
        let report = try fixture.install(["pytest-mock"], InstallOptions(components: ["server"]))
        #expect(report.failure?.code == .interrupted)
        #expect(try fixture.folder.read("server/requirements-dev.txt") == before)
        let uninstall = try #require(fixture.pipCommands("uninstall").last)
        #expect(uninstall.arguments == ["-m", "pip", "uninstall", "-y", "pytest-mock"])
        #expect(uninstall.runsAfterInterrupt)
        #expect(fixture.pipCommands("list").last?.runsAfterInterrupt == true)
    }

    @Test("a package already recorded keeps its entry without a version; with one it is replaced and said old → new")
    func recordedEntriesKeepTheirSpecifier() throws {
        let fixture = try InstallFixture()
        let before = try fixture.folder.read("client/pyproject.toml")
        let kept = try fixture.install(["Pydantic"], InstallOptions(components: ["client"]))
        #expect(try fixture.folder.read("client/pyproject.toml") == before)
        #expect(kept.packages?.kept == ["pydantic>=2 in client/pyproject.toml"])
        let replaced = try fixture.install(["pydantic>=2.5,<3"], InstallOptions(components: ["client"]))
        #expect(replaced.packages?.replaced == ["pydantic>=2 → pydantic<3,>=2.5 in client/pyproject.toml"])
        #expect(try fixture.folder.read("client/pyproject.toml").contains("    \"pydantic<3,>=2.5\",\n"))
    }

    @Test("dynamic dependencies are recorded in the file the backend reads, or refused naming pyproject.toml")
    func dynamicDependencies() throws {
        let fixture = try InstallFixture()
        let dynamic = "[project]\nname = \"client\"\nversion = \"1\"\ndynamic = [\"dependencies\"]\n"
        try fixture.folder.write([
            "client/pyproject.toml": dynamic
                + "\n[tool.setuptools.dynamic]\ndependencies = {file = [\"deps/base.txt\"]}\n",
            "client/deps/base.txt": "anyio\n",
        ])
        try fixture.refreshStamp("client")
        _ = try fixture.install(["httpx"], InstallOptions(components: ["client"], role: .prod))
        #expect(try fixture.folder.read("client/deps/base.txt") == "anyio\nhttpx~=3.14\n")
        #expect(!(try fixture.folder.read("client/pyproject.toml").contains("httpx")))

        try fixture.folder.write(["client/pyproject.toml": dynamic])
        try fixture.refreshStamp("client")
        do {
            _ = try fixture.install(["idna"], InstallOptions(components: ["client"], role: .prod))
            Issue.record("a dynamic dependency list got a static entry")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("client/pyproject.toml declares dependencies as dynamic"))
        }
        #expect(try fixture.folder.read("client/pyproject.toml") == dynamic)
    }

    @Test("a pyproject.toml that does not parse is refused with its line, untouched, before pip runs")
    func unparsablePyprojectIsRefused() throws {
        let fixture = try InstallFixture()
        let broken = "[project]\nname = \"client\"\ndependencies = [\"anyio\"\n"
        try fixture.folder.write(["client/pyproject.toml": broken])
        let ranBefore = fixture.runner.commands.count
        do {
            _ = try fixture.install(["idna"], InstallOptions(components: ["client"]))
            Issue.record("a broken pyproject was edited")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.hasPrefix("client/pyproject.toml:"))
        }
        #expect(try fixture.folder.read("client/pyproject.toml") == broken)
        #expect(fixture.runner.commands.count == ranBefore)
    }

    @Test("npm packages go to a Node component by npm's rules: scoped names and versions are accepted")
    func nodePackagesAreCheckedByNpmRules() throws {
        let folder = try TempDir.project([
            ".git/": "", "web/package.json": "{\"name\": \"web\", \"version\": \"1.0.0\"}\n",
        ])
        let runner = RecordingProcessRunner()
        let context = Context(
            runner: runner, environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path],
            console: BufferConsole().console, workingDirectory: folder.path)
        let report = try InstallWorkflow.run(
            InstallOptions(packages: ["@types/node", "react@18"], components: ["web"], dryRun: true), context: context)
        #expect(report.node?.command?.arguments.suffix(2) == ["@types/node", "react@18"])
        #expect(throws: HelpError.self) {
            try InstallWorkflow.run(
                InstallOptions(packages: ["React"], components: ["web"], dryRun: true), context: context)
        }
        #expect(runner.commands.isEmpty)
    }

    @Test("a conflicting recorded specifier stops the install before anything runs, unless --force")
    func conflicts() throws {
        let fixture = try InstallFixture()
        #expect(
            throws: HelpError.badData(
                "conflicting requirement: fastapi==0.1 conflicts with fastapi>=0.110 in requirements.txt",
                hint: "change the version you ask for, or use --force to replace the recorded one")
        ) {
            _ = try fixture.install(["fastapi==0.1"], InstallOptions(components: ["server"]))
        }
        #expect(fixture.pipCommands("install").isEmpty)
        _ = try fixture.install(["fastapi==0.1"], InstallOptions(components: ["server"], force: true))
        #expect(try fixture.folder.read("server/requirements.txt") == "# runtime\nfastapi==0.1\n")
    }

    @Test("with no component named and none around the folder, the choices are listed")
    func asksForComponent() throws {
        let fixture = try InstallFixture()
        do {
            _ = try fixture.install(["httpx"], InstallOptions())
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .usage)
            #expect(error.hint == "add one of: --client, --server (or --component NAME)")
        }
    }

    @Test("an unchanged environment is up to date without running anything")
    func upToDate() throws {
        let fixture = try InstallFixture()
        let report = try fixture.install([], InstallOptions())
        #expect(report.outcomes.map(\.status) == [.upToDate, .upToDate])
        #expect(fixture.runner.commands.isEmpty)
    }
}
