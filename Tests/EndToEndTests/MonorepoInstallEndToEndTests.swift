import HelpSystem
import HelpTestSupport
import Testing

/// `help install` on a copy of the fixture monorepo (Tests/Fixtures/monorepo) with no help.json:
/// an old Poetry backend without build_editable, a Node package whose devDependencies need a
/// registry, a uv project with uv.lock installed with pip, and an unreachable npm registry.
@Suite("help install on the fixture monorepo", .serialized)
struct MonorepoInstallEndToEndTests {
    let help: IsolatedHelp
    let folder = TempDir(prefix: "help-monorepo-install")
    let fs = FileSystem()
    var project: String { folder.path("monorepo") }

    init() throws {
        help = try IsolatedHelp()
        try BuiltHelp.copyFixture("monorepo", to: project)
    }

    /// No Poetry and no uv, whatever this machine has: pip does the work.
    var pipOnly: [String: String] { ["HELP_POETRY": "/nonexistent/poetry", "HELP_INSTALLER": "pip"] }

    func components(_ result: ProcessResult) throws -> [String: JSONValue] {
        let document = try JSONValue.parse(result.stdout, source: "help install --json")
        var byName: [String: JSONValue] = [:]
        for item in document["components"]?.array ?? [] { byName[item["name"]?.string ?? ""] = item }
        return byName
    }

    @Test("old backends fall back to dependencies plus import path, lock pins are followed, node --test skips npm")
    func fixtureInstalls() throws {
        // A backend the static reading does not know, without build_editable: pip's error is recognised.
        try folder.write([
            "monorepo/plain-lib/pyproject.toml": """
            [build-system]
            requires = []
            build-backend = "plainbackend"
            backend-path = ["backend"]

            [project]
            name = "plain-lib"
            version = "0.1.0"
            dependencies = ["iniconfig>=2.0"]

            """,
            "monorepo/plain-lib/backend/plainbackend.py":
                "def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):\n"
                + "    raise RuntimeError('wheels are not built here')\n",
            "monorepo/plain-lib/plain_lib/__init__.py": "ANSWER = 42\n",
        ])
        let result = try help.run(["--json", "install"], in: project, extra: pipOnly)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let byName = try components(result)
        #expect(byName["legacy-lib"]?["project_install"]?.string == "dependencies-only")
        #expect(byName["legacy-lib"]?["lock_file"]?.string == "legacy-lib/poetry.lock")
        #expect(byName["plain-lib"]?["project_install"]?.string == "dependencies-only")
        #expect(byName["uv-lib"]?["project_install"]?.string == "editable")
        #expect(byName["uv-lib"]?["lock_file"]?.string == "uv-lib/uv.lock")
        #expect(byName["widget"]?["status"]?.string == "nothing-to-do")
        #expect(!fs.exists(project + "/widget/node_modules"))

        // The pin of poetry.lock (iniconfig 2.1.0), not the newest release; the component imports
        // from anywhere through the environment alone.
        let runner = PosixProcessRunner(environment: help.environment(), console: BufferConsole().console)
        for (component, module) in [("legacy-lib", "legacy_lib"), ("plain-lib", "plain_lib")] {
            let probe = try runner.run(
                Command(
                    project + "/\(component)/.venv/bin/python",
                    ["-c", "import \(module), importlib.metadata as m; print(m.version('iniconfig'))"],
                    workingDirectory: folder.path("")))
            #expect(probe.succeeded, "\(probe.stderr)")
            if component == "legacy-lib" { #expect(probe.stdout == "2.1.0\n") }
        }
        let tests = try runner.run(
            Command(
                project + "/legacy-lib/.venv/bin/python", ["-m", "pytest", "-q"],
                workingDirectory: project + "/legacy-lib"))
        #expect(tests.succeeded, "\(tests.stdout)")
    }

    @Test("a registry that never answers is bounded, and the other components still install")
    func silentRegistry() throws {
        let registry = try LoopbackHTTPServer()
        defer { registry.stop() }
        try registry.stall("/left-pad")
        try folder.write([
            "monorepo/needs-registry/package.json":
                #"{"name": "needs-registry", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}}"#,
            "monorepo/zz-tool/requirements.txt": "# nothing yet\n",
        ])
        let started = MonotonicTime.now()
        var extra = pipOnly
        extra["npm_config_registry"] = registry.baseURL + "/"
        let result = try help.run(
            ["--json", "install", "--component", "needs-registry", "--component", "zz-tool"], in: project,
            extra: extra)
        let seconds = MonotonicTime.now().seconds(since: started)
        #expect(result.exitCode == 1)
        #expect(seconds < 120, "npm took \(seconds) s against a silent registry")
        let byName = try components(result)
        #expect(byName["needs-registry"]?["status"]?.string == "failed")
        #expect(byName["zz-tool"]?["status"]?.string == "created")
        #expect(fs.exists(project + "/zz-tool/.venv/bin/python"))
        #expect(registry.requests().contains { $0.path == "/left-pad" })
    }

    @Test("help install PKG refreshes the lock with its tool when present, else says the lock is stale")
    func lockRefresh() throws {
        var noUV = pipOnly
        noUV["HELP_UV"] = "/nonexistent/uv"
        let stale = try help.run(["--json", "install", "six", "--component", "uv-lib"], in: project, extra: noUV)
        #expect(stale.exitCode == 0, "\(stale.stderr)")
        let staleNote = try JSONValue.parse(stale.stdout, source: "json")["lock"]?.string ?? ""
        #expect(staleNote.contains("uv-lib/uv.lock is now stale"), "\(staleNote)")

        let uv = FakeTool()
        var extra = pipOnly
        extra["HELP_UV"] = try uv.install("uv")
        let refreshed = try help.run(
            ["--json", "install", "tomli", "--component", "uv-lib"], in: project, extra: extra)
        #expect(refreshed.exitCode == 0, "\(refreshed.stderr)")
        #expect(uv.invocations(of: "uv").map(\.arguments).contains(["lock"]))
        let note = try JSONValue.parse(refreshed.stdout, source: "json")["lock"]?.string
        #expect(note == "refreshed uv-lib/uv.lock with uv lock")
    }
}
