import HelpSystem
import HelpTestSupport
import Testing

/// HELP_TEST_UV when it names a program, else uv on PATH.
private let realUV: String? = {
    let environment = Environment.current().values
    if let given = environment["HELP_TEST_UV"], ToolLookup.isExecutableFile(given) { return given }
    return ToolLookup(environment: environment).locate("uv")
}()

/// The real uv (HELP_TEST_UV, which .ci/run installs from PyPI, or uv on PATH) on the uv-managed
/// library of a copy of Tests/Fixtures/monorepo: `help install` syncs exactly what uv.lock pins,
/// `help install PKG` records the package and refreshes uv.lock with uv itself, and `help test`
/// runs the library's checks in the environment uv made. uv reaches PyPI for the locked wheels.
@Suite(
    "help install and help test with the real uv", .serialized,
    .enabled(if: realUV != nil, "uv is not installed (set HELP_TEST_UV)"))
struct UvEndToEndTests {
    static var uv: String? { realUV }

    let home: IsolatedHelp
    let copy = TempDir(prefix: "help-uv-e2e")
    let fs = FileSystem()
    var library: String { copy.path("repo/uv-lib") }

    init() throws {
        home = try IsolatedHelp()
        try BuiltHelp.copyFixture("monorepo", to: copy.path("repo"), gitInit: true)
    }

    /// uv chosen explicitly, with its cache in the test's own folder and no Python downloads.
    var withUV: [String: String] {
        [
            "HELP_INSTALLER": "uv", "HELP_UV": Self.uv ?? "", "HELP_POETRY": "/nonexistent/poetry",
            "UV_CACHE_DIR": copy.path("uv-cache"), "UV_PYTHON_DOWNLOADS": "never",
        ]
    }

    /// The versions uv.lock holds for `name`: one per fork of the resolution (by Python version).
    func locked(_ name: String) throws -> Set<String> {
        let lines = try fs.readText(library + "/uv.lock").split(separator: "\n").map(String.init)
        var versions = Set<String>()
        for (at, line) in lines.enumerated() where line == "name = \"\(name)\"" && at + 1 < lines.count {
            let next = lines[at + 1]
            if next.hasPrefix("version = \"") {
                versions.insert(String(next.dropFirst("version = \"".count).dropLast()))
            }
        }
        return versions
    }

    /// The version installed in the library's environment, or the error.
    func versionInEnvironment(_ distribution: String) throws -> String {
        let result = try installedVersion(distribution)
        return result.succeeded
            ? String(result.stdout.split(separator: "\n").first ?? "") : "not installed: \(result.stderr)"
    }

    func installedVersion(_ distribution: String) throws -> ProcessResult {
        try PosixProcessRunner(environment: home.environment(), console: BufferConsole().console).run(
            Command(
                library + "/.venv/bin/python",
                ["-c", "import importlib.metadata as m, uv_lib; print(m.version('\(distribution)'))"],
                workingDirectory: copy.path("")))
    }

    @Test("sync from uv.lock, add a package and relock with uv, then a full test report")
    func syncAddTest() throws {
        let lockBefore = try fs.readFile(library + "/uv.lock")
        let install = try home.run(["--json", "install"], in: library, extra: withUV)
        try #require(install.succeeded, "\(install.stderr.suffix(3000))")
        let installed = try JSONValue.parse(install.stdout, source: "help install --json")
        let outcome = try #require(installed["components"]?.array?.first)
        #expect(outcome["name"] == .string("uv-lib"))
        #expect(outcome["installer"] == .string("uv"), "\(install.stdout)")
        #expect(try fs.readFile(library + "/uv.lock") == lockBefore, "uv sync --locked leaves the lock alone")
        for name in ["iniconfig", "mypy", "pytest"] {
            let pinned = try locked(name)
            #expect(!pinned.isEmpty)
            #expect(
                pinned.contains(try versionInEnvironment(name)),
                "\(name): a version uv.lock pins, the dev group included")
        }

        let again = try home.run(["install"], in: library, extra: withUV)
        #expect(again.succeeded)
        #expect(again.stdout.contains("uv-lib: up to date"), "\(again.stdout)")

        let add = try home.run(["--json", "install", "tomli"], in: library, extra: withUV)
        try #require(add.succeeded, "\(add.stderr.suffix(3000))")
        #expect(
            try JSONValue.parse(add.stdout, source: "json")["lock"] == .string("refreshed uv-lib/uv.lock with uv lock"))
        #expect(try fs.readText(library + "/pyproject.toml").contains("\"tomli"))
        #expect(try locked("tomli").contains(try versionInEnvironment("tomli")), "uv lock recorded the new package")
        // The lock uv wrote is current: uv itself agrees.
        let check = try PosixProcessRunner(environment: home.environment(withUV), console: BufferConsole().console)
            .run(Command(Self.uv ?? "uv", ["lock", "--check"], workingDirectory: library))
        #expect(check.succeeded, "\(check.stderr)")

        let test = try home.run(["test", "--json"], in: library, extra: withUV)
        #expect(test.succeeded, "\(test.stdout.suffix(3000))\n\(test.stderr.suffix(3000))")
        let report = try JSONValue.parse(test.stdout, source: "help test --json")
        let component = try #require(report["components"]?.array?.first)
        let checks = try #require(component["checks"]?.array)
        let tests = try #require(checks.first { $0["check"] == .string("tests") })
        #expect(tests["result"] == .string("passed"))
        #expect((tests["passed"]?.int ?? 0) > 0)
        for kind in ["lint", "types"] {
            #expect(checks.first { $0["check"] == .string(kind) }?["result"] == .string("passed"), "\(kind)")
        }
    }
}
