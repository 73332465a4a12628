import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `help run` on a copy of Tests/Fixtures/monorepo, as a new user would: no help.json, a
/// PostgreSQL-only API whose settings class requires keys that no help template has. help starts
/// a PostgreSQL cluster of the project's own, fills `.env`, runs the project's prestart script,
/// reaches the server, and stops everything it started.
@Suite("help run on the fixture monorepo", .serialized)
struct MonorepoRunEndToEndTests {
    let home: IsolatedHelp
    let copy = TempDir(prefix: "help-monorepo")
    let fs = FileSystem()

    init() throws {
        home = try IsolatedHelp()
        try BuiltHelp.copyFixture("monorepo", to: copy.path("repo"))
        // As root the cluster runs as the postgres user, who must be able to enter the copy.
        try fs.setPermissions(copy.path, 0o755)
    }

    var root: String { copy.path("repo") }

    /// PostgreSQL's server programs are here, and (as root) a postgres user to run them as.
    static var canRunPostgres: Bool {
        ProjectPostgresProbe.available
    }

    @Test(
        "install, run: own PostgreSQL started, .env filled, prestart run, the API answers; SIGINT stops it all",
        .enabled(if: MonorepoRunEndToEndTests.canRunPostgres))
    func upOnProjectPostgres() throws {
        let install = try home.run(["install", "--component", "api"], in: root)
        #expect(install.succeeded, "\(install.stderr.suffix(2000))")

        let port = try RunProject.freePort()
        let run = try RunningHelp(["run", "--port", String(port)], folder: root, environment: home.environment())
        defer { run.kill() }
        let url = "http://127.0.0.1:\(port)"
        try #require(
            run.waitFor("api: \(url)", timeout: 900),
            "\(run.output.stderr.split(separator: "\n").suffix(30).joined(separator: "\n"))")
        let stderr = run.output.stderr
        #expect(stderr.contains("the project's PostgreSQL in .helpcache/postgres (started by help"))
        #expect(stderr.contains("ran scripts/prestart.sh (it runs the migrations)"))
        #expect(!stderr.contains("api: migrations"), "the prestart script migrates; help does not do it twice")
        let postmaster = try #require(pid(root + "/.helpcache/postgres/data/postmaster.pid"))
        #expect(kill(postmaster, 0) == 0, "the cluster runs while the server does")

        // The seed data of initial_data.py, read back from PostgreSQL through the API.
        let count = try get(url + "/api/v1/users/count")
        #expect(count.contains("\"count\":1"), "\(count)")

        let env = try fs.readText(root + "/api/.env")
        #expect(env.contains("POSTGRES_SERVER=127.0.0.1"))
        #expect(!env.lowercased().contains("sqlite"), "a PostgreSQL-only app never gets a SQLite URL")
        let password = try #require(value("POSTGRES_PASSWORD", in: env))
        #expect(password.count >= 32 && !stderr.contains(password), "generated, and never shown")

        run.send(SIGINT)
        let result = try #require(run.result(within: 60), "help run still running 60 s after SIGINT")
        #expect(result.exitCode == 130)
        #expect(run.output.stderr.contains("stopped the project's PostgreSQL (pid \(postmaster))"))
        #expect(!Self.isRunning(postmaster), "no PostgreSQL process is left")
    }

    @Test("required settings keys that nothing fills stop the run with exit 65 before anything starts")
    func missingRequiredKeys() throws {
        let example = root + "/api/.env.example"
        let text = try fs.readText(example).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("PROJECT_NAME=") && !$0.hasPrefix("FIRST_SUPERUSER=") }
            .joined(separator: "\n")
        try fs.writeAtomically(example, Array(text.utf8))
        let result = try home.run(["run", "--port", String(try RunProject.freePort())], in: root, timeout: 120)
        #expect(result.exitCode == 65, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "required configuration is empty: PROJECT_NAME, FIRST_SUPERUSER (required by the settings class "
                    + "Settings in api/app/core/config.py)"), "\(result.stderr)")
        #expect(result.stderr.contains("set them in api/.env"))
        #expect(!fs.exists(root + "/api/.venv") && !fs.exists(root + "/.helpcache/postgres"), "nothing was started")
    }

    // MARK: - Helpers

    /// True while `pid` exists and is not a zombie (which init reaps in its own time).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? FileSystem().readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
            return true
        }
        return stat[stat.index(after: close)...].dropFirst().first != "Z"
    }

    private func pid(_ path: String) -> Int32? {
        (try? fs.readText(path))?.split(separator: "\n").first.flatMap { Int32($0) }
    }

    private func value(_ key: String, in env: String) -> String? {
        env.split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    static let getScript =
        "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())"

    /// The body of `GET url`, through the API's own interpreter.
    private func get(_ url: String) throws -> String {
        let quiet = Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in })
        let result = try PosixProcessRunner(environment: home.environment(), console: quiet).run(
            Command(
                root + "/api/.venv/bin/python",
                ["-c", Self.getScript, url],
                timeout: 60))
        return result.stdout + result.stderr
    }
}

/// Whether the project's PostgreSQL can run here: `initdb` and `pg_ctl` on PATH or in
/// /usr/lib/postgresql/*/bin, and as root a postgres user.
enum ProjectPostgresProbe {
    static let available: Bool = {
        let lookup = ToolLookup(environment: Environment.current().values)
        let onPath = lookup.locate("initdb") != nil && lookup.locate("pg_ctl") != nil
        let folders = (try? FileSystem().listDirectory("/usr/lib/postgresql")) ?? []
        let debian = folders.contains { ToolLookup.isExecutableFile("/usr/lib/postgresql/\($0.name)/bin/initdb") }
        return (onPath || debian) && (geteuid() != 0 || getpwnam("postgres") != nil)
    }()
}
