import HelpSystem
import HelpTestSupport
import Testing

/// `help install` against real venv and pip on a copy of the sample monorepo (Examples/auth-service
/// when present, else a tree of the same shape), with a private wheelhouse. One prepared copy is
/// shared by the steps, which build on each other, so they run in order in one test.
@Suite("help install end to end", .serialized)
struct InstallEndToEndTests {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    let folder = TempDir(prefix: "help-install-e2e")
    let fs = FileSystem()

    var project: String { folder.path("auth-service") }
    var environment: [String: String] {
        var env = Environment.current().values
        env["XDG_CACHE_HOME"] = folder.path("cache")
        // Own HOME and TMPDIR too: nothing shared with another help running on the machine.
        for name in ["home", "tmp"] { try? fs.createDirectories(folder.path(name)) }
        env["HOME"] = folder.path("home")
        env["TMPDIR"] = folder.path("tmp")
        env["HELP_INSTALLER"] = "pip"
        env["NO_COLOR"] = "1"
        return env
    }

    func help(_ arguments: [String]) throws -> ProcessResult {
        let runner = PosixProcessRunner(environment: environment, console: BufferConsole().console)
        return try runner.run(
            Command(Self.packageRoot + "/.build/debug/help", arguments, workingDirectory: project, timeout: 600))
    }

    func prepare() throws {
        let example = Self.packageRoot + "/Examples/auth-service"
        if fs.isDirectory(example) {
            let copy = try PosixProcessRunner(environment: environment, console: BufferConsole().console).run(
                Command("/bin/cp", ["-R", example, project]))
            try #require(copy.succeeded)
            for leftover in ["server/.venv", "python-client/.venv", ".helpcache"] {
                try fs.remove(project + "/" + leftover)
            }
            return
        }
        try folder.write([
            "auth-service/.git/": "",
            "auth-service/server/requirements.txt": "# runtime\nidna>=3.0\n",
            "auth-service/server/requirements-dev.txt": "-r requirements.txt\niniconfig>=2.0\n",
            "auth-service/server/app/__init__.py": "",
            "auth-service/python-client/pyproject.toml": """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "auth-client"
            version = "0.1.0"
            requires-python = ">=3.9"
            dependencies = []

            [dependency-groups]
            dev = ["iniconfig>=2.0"]

            [tool.hatch.build.targets.wheel]
            packages = ["src/auth_client"]

            """,
            "auth-service/python-client/src/auth_client/__init__.py": "",
            "auth-service/js-client/package.json":
                "{\"name\": \"js-client\", \"version\": \"0.1.0\", \"private\": true}\n",
        ])
    }

    func read(_ relative: String) throws -> [UInt8] { try fs.readFile(project + "/" + relative) }

    @Test("sync creates environments, answers up to date, records packages, rolls back failures, rebuilds offline")
    func installDoneWhen() throws {
        try prepare()

        let first = try help(["install"])
        #expect(first.succeeded, "\(first.stderr)")
        #expect(ToolLookup.isExecutableFile(project + "/server/.venv/bin/python"))
        #expect(ToolLookup.isExecutableFile(project + "/python-client/.venv/bin/python"))

        let again = try help(["install"])
        #expect(again.succeeded)
        #expect(again.stdout.contains("server: up to date"))
        #expect(again.stdout.contains("python-client: up to date"))
        print("help install, nothing changed: \(again.duration) s (first install \(first.duration) s)")

        let httpx = try help(["install", "httpx", "--python-client"])
        #expect(httpx.succeeded, "\(httpx.stderr)")
        let pyproject = String(decoding: try read("python-client/pyproject.toml"), as: UTF8.self)
        #expect(pyproject.contains("\"httpx~="), "\(pyproject)")

        let mock = try help(["install", "pytest-mock", "--server"])
        #expect(mock.succeeded, "\(mock.stderr)")
        #expect(String(decoding: try read("server/requirements-dev.txt"), as: UTF8.self).contains("\npytest-mock~="))

        let files = ["server/requirements.txt", "server/requirements-dev.txt", "python-client/pyproject.toml"]
        let before = try files.map(read)
        let missing = try help(["install", "no-such-package-zzz-404", "--server"])
        #expect(missing.exitCode == 1)
        #expect(try files.map(read) == before)

        let option = try help(["install", "--index-url=http://x"])
        #expect(option.exitCode == 64)

        try fs.remove(project + "/server/.venv")
        let offline = try help(["install", "--offline", "--server"])
        #expect(offline.succeeded, "\(offline.stderr)")
        let check = try PosixProcessRunner(environment: environment, console: BufferConsole().console)
            .run(Command(project + "/server/.venv/bin/python", ["-c", "import pytest_mock, idna"]))
        #expect(check.succeeded, "\(check.stderr)")
        print("help install --offline --server after removing .venv: \(offline.duration) s")
    }
}
