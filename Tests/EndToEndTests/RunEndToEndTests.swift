import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `help run` with the real tools (venv, pip, Alembic, uvicorn, PostgreSQL when CI provides one)
/// on a copy of Examples/auth-service: up, answering, usable by the Python client, stopped by
/// SIGINT with nothing left behind, and a `.env` whose secret survives the next run.
@Suite("help run end to end", .serialized)
struct RunEndToEndTests {
    let project = RunProject.shared

    static let clientScript = """
        import sys, uuid
        from auth_client import AuthClient
        client = AuthClient(sys.argv[1])
        email = "e2e-" + uuid.uuid4().hex[:10] + "@example.org"
        client.register(email, "correct horse battery staple", display_name="E2E")
        client.login(email, "correct horse battery staple")
        me = client.me()
        assert me["email"] == email, me
        print("registered and logged in as", me["email"])
        """

    /// Starts `help run` on a free port and waits until it prints the server's URL.
    func startServer(_ extra: [String] = [], environment: [String: String] = [:]) throws -> (RunningHelp, String) {
        try project.prepare()
        let port = try RunProject.freePort()
        let run = try RunningHelp(["run", "--port", String(port)] + extra, project: project, environment: environment)
        let url = "http://127.0.0.1:\(port)"
        // A fresh copy installs the server's dependencies first: minutes, not seconds.
        // The URL comes on help's stdout, the step lines on its stderr: wait for both.
        guard run.waitFor("server: \(url)", timeout: 900), run.waitFor("server: start: pid", timeout: 60) else {
            run.kill()
            throw HelpError(
                "help run did not bring the server up:\n"
                    + run.output.stderr.split(separator: "\n").suffix(30).joined(separator: "\n"))
        }
        return (run, url)
    }

    /// SIGINT, as Ctrl-C: `help` and every process of the server's group end, `help` dies of it.
    func stopWithSIGINT(_ run: RunningHelp) throws {
        let group = try #require(run.serverPID, "the start step names the server's pid")
        #expect(
            !ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty,
            "the server runs before the stop")
        run.send(SIGINT)
        let result = try #require(run.result(within: 10), "help run still running 10 s after SIGINT")
        #expect(result.exitCode == 130, "\(result.termination)")
        #expect(
            ProcessGroupMembers.pids(inGroup: group, includingZombies: false).isEmpty,
            "processes left in the server's group")
    }

    @Test("help run brings the server up; /health answers; the client registers and logs in; SIGINT stops all of it")
    func upUsableAndStopped() throws {
        try project.prepare()
        let fresh = !project.fs.exists(project.path + "/server/.venv")
        let (run, url) = try startServer()
        defer { run.kill() }
        print(
            "help run, \(fresh ? "fresh copy" : "warm"), time to first 200: \(MonotonicTime.now().seconds(since: run.started)) s"
        )
        #expect(try project.status(url + "/health") == 200)
        let client = try project.python(Self.clientScript, [url])
        #expect(client.succeeded, "\(client.stderr)")
        #expect(client.stdout.contains("registered and logged in as e2e-"))
        try stopWithSIGINT(run)

        let env = try project.fs.stat(project.path + "/server/.env")
        #expect(env.permissions == 0o600)
        let secret = try #require(try project.envValue("SECRET_KEY"))
        #expect(secret.count >= 43)
        #expect(!run.output.stderr.contains(secret), "the secret never shows in the output")
    }

    @Test("--env test keeps its own .env.test and SQLite file: the development .env and database stay as they were")
    func testEnvironmentHasItsOwnDatabase() throws {
        let (development, _) = try startServer()
        defer { development.kill() }
        try stopWithSIGINT(development)
        let devEnv = try project.fs.readFile(project.path + "/server/.env")
        let devDatabase = try project.fs.readFile(project.path + "/server/dev.db")

        let (test, url) = try startServer(["--env", "test"])
        defer { test.kill() }
        #expect(try project.status(url + "/health") == 200)
        #expect(test.output.stderr.contains("server/.env.test"), "\(test.output.stderr.suffix(2000))")
        try stopWithSIGINT(test)
        let testEnv = try project.fs.readText(project.path + "/server/.env.test")
        #expect(testEnv.contains("DATABASE_URL=sqlite:///./test.db"), "\(testEnv)")
        #expect(try project.fs.stat(project.path + "/server/.env.test").permissions == 0o600)
        #expect(project.fs.exists(project.path + "/server/test.db"))
        #expect(try project.fs.readFile(project.path + "/server/.env") == devEnv)
        #expect(try project.fs.readFile(project.path + "/server/dev.db") == devDatabase)
    }

    @Test("a second run keeps SECRET_KEY, skips the sync and Alembic, and a run alongside it is refused")
    func secondRunKeepsTheSecret() throws {
        let (first, _) = try startServer()
        defer { first.kill() }
        try stopWithSIGINT(first)
        let secret = try project.envValue("SECRET_KEY")

        let (second, url) = try startServer()
        defer { second.kill() }
        print("help run, warm, time to first 200: \(MonotonicTime.now().seconds(since: second.started)) s")
        #expect(try project.envValue("SECRET_KEY") == secret)
        #expect(second.output.stderr.contains("server: dependencies: up to date"))
        #expect(second.output.stderr.contains("nothing to apply"))
        #expect(try project.status(url + "/health") == 200)

        let third = try RunningHelp(["run", "--port", String(try RunProject.freePort())], project: project)
        let refused = try #require(third.result(within: 60))
        #expect(refused.exitCode == 75 && third.output.stderr.contains("already running"))
        try stopWithSIGINT(second)
    }

    @Test("a template with an empty required key stops the run with exit 65 naming the key")
    func emptyRequiredKey() throws {
        try project.prepare()
        let template = project.path + "/Templates/env/development.env"
        try project.fs.createDirectories(project.path + "/Templates/env")
        try project.fs.writeAtomically(
            template,
            Array(
                "DATABASE_URL=sqlite:///./dev.db\n# help: secret\nSECRET_KEY=\n# help: required\nPAYMENT_API_URL=\n"
                    .utf8))
        defer { try? project.fs.remove(project.path + "/Templates") }
        let run = try RunningHelp(["run", "--port", String(try RunProject.freePort())], project: project)
        defer { run.kill() }
        let result = try #require(run.result(within: 900))
        #expect(result.exitCode == 65)
        #expect(run.output.stderr.contains("required configuration is empty: PAYMENT_API_URL"))
        #expect(run.output.stderr.contains("Templates/env/development.env"), "says which template was used")
    }

    @Test(
        "with HELP_TEST_POSTGRES_URL, the database is created, migrated and served from PostgreSQL",
        .enabled(if: TestPostgres.isAvailable))
    func postgres() throws {
        let server = try #require(TestPostgres.shared)
        let name = TestPostgres.uniqueName("help_e2e")
        let url = server.url(database: name)
        defer { server.drop(name) }
        let (run, serverURL) = try startServer(environment: ["DATABASE_URL": url])
        defer { run.kill() }
        #expect(run.output.stderr.contains("PostgreSQL \(name) on 127.0.0.1:5432 (created)"))
        #expect(run.output.stderr.contains("none → 0002"))
        #expect(try project.status(serverURL + "/health") == 200)
        let client = try project.python(Self.clientScript, [serverURL])
        #expect(client.succeeded, "\(client.stderr)")
        #expect(!run.output.stderr.contains("help_test:help_test"), "the password never shows")
        try stopWithSIGINT(run)
    }
}
