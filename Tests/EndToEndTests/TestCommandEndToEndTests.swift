import HelpSystem
import HelpTestSupport
import Testing

/// `help test` with the real tools (venv, pip, pytest, coverage, ruff, mypy, node) on a git copy of
/// Examples/auth-service. The steps build on each other (environments, cache), so they run in
/// order in one test.
@Suite("help test end to end", .serialized)
struct TestCommandEndToEndTests {
    let copy: TempDir
    /// Own HOME, XDG_CACHE_HOME and TMPDIR: the throwaway databases are counted in this TMPDIR only.
    let child = try! IsolatedHelp()
    let fs = FileSystem()

    init() throws {
        copy = try BuiltHelp.copyOfExample("auth-service")
        for leftover in ["server/.venv", "python-client/.venv", ".helpcache"] {
            try? fs.remove(copy.path + "/" + leftover)
        }
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["-c", "user.name=t", "-c", "user.email=t@localhost", "commit", "-qm", "example"])
    }

    func git(_ arguments: [String]) throws {
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        let result = try runner.run(Command("git", arguments, workingDirectory: copy.path))
        try #require(result.succeeded, "git \(arguments): \(result.stderr)")
    }

    func help(_ arguments: [String], extra: [String: String] = [:]) throws -> ProcessResult {
        try child.run(arguments, in: copy.path, extra: extra)
    }

    func checks(_ result: ProcessResult) throws -> [(
        component: String, check: String, result: String, cached: Bool, coverage: Double?
    )] {
        let document = try JSONValue.parse(result.stdout, source: "help test --json")
        var out: [(String, String, String, Bool, Double?)] = []
        for component in document["components"]?.array ?? [] {
            for check in component["checks"]?.array ?? [] {
                out.append(
                    (
                        component["name"]?.string ?? "", check["check"]?.string ?? "", check["result"]?.string ?? "",
                        check["cached"]?.bool ?? false, check["coverage"]?.double
                    ))
            }
        }
        return out
    }

    @Test func passesCachesSelectsChangedAndNeverCachesFailures() throws {
        // Everything passes, with coverage for the server.
        let first = try help(["test", "--json"])
        #expect(first.exitCode == 0, "\(first.stderr.suffix(3000))")
        let all = try checks(first)
        #expect(Set(all.map(\.component)) == ["server", "python-client", "js-client"])
        #expect(all.allSatisfy { $0.result == "passed" })
        #expect(all.contains { $0.component == "server" && $0.check == "tests" && ($0.coverage ?? 0) > 50 })

        // Nothing changed: every check is answered from cache.
        let second = try help(["test", "--json"])
        #expect(second.exitCode == 0)
        #expect(try checks(second).allSatisfy { $0.cached })

        // cache explain builds the very key the run stored.
        let explain = try help(["cache", "explain", "server"])
        #expect(explain.exitCode == 0)
        #expect(explain.stdout.contains("hit: nothing changed"), "\(explain.stdout)")

        // A js-client edit selects js-client only (nothing depends on it).
        let source = copy.path + "/js-client/src/index.js"
        try fs.writeAtomically(source, try fs.readFile(source) + Array("\n// edited\n".utf8))
        let changed = try help(["test", "--changed", "--json"])
        #expect(changed.exitCode == 0, "\(changed.stderr.suffix(2000))")
        #expect(Set(try checks(changed).map(\.component)) == ["js-client"])

        // A failing python-client test: exit 1, named in JSON and JUnit, and run again next time.
        let tests = copy.path + "/python-client/tests/test_client.py"
        try fs.writeAtomically(tests, try fs.readFile(tests) + Array("\n\ndef test_fails():\n    assert 1 == 2\n".utf8))
        let junit = copy.path + "/junit.xml"
        let failing = try help(["test", "--python-client", "--only", "tests", "--json", "--junit", junit])
        #expect(failing.exitCode == 1)
        #expect(failing.stdout.contains("test_client.py::test_fails"))
        #expect(try fs.readText(junit).contains("<failure"))
        let again = try help(["test", "--python-client", "--only", "tests", "--json"])
        #expect(again.exitCode == 1)
        #expect(try checks(again).allSatisfy { !$0.cached })

        // --rerun-failed reruns just the failing test (pytest's own cache, kept in .helpcache).
        let rerun = try help(["test", "--python-client", "--only", "tests", "--rerun-failed", "--json"])
        #expect(rerun.exitCode == 1)
        #expect(!rerun.stdout.contains("unrecognized arguments"), "\(rerun.stdout.suffix(2000))")
        let document = try JSONValue.parse(rerun.stdout, source: "help test --json")
        let rerunCheck = document["components"]?[0]?["checks"]?[0]
        #expect(rerunCheck?["failed"] == 1)
        #expect(rerunCheck?["passed"] == 0 || rerunCheck?["passed"] == .null)
        #expect(fs.exists(copy.path + "/.helpcache/pytest/python-client/v/cache/lastfailed"))
        #expect(!fs.exists(copy.path + "/python-client/.pytest_cache"))

        // The server's throwaway database leaves nothing behind: no temp folder, and on PostgreSQL
        // (when CI provides one) no help_test_ database.
        let before = try leftoverTestFolders()
        var extra: [String: String] = [:]
        let postgres = TestPostgres.shared
        if let postgres { extra["DATABASE_URL"] = postgres.url(database: "postgres") }
        let databasesBefore = try testDatabases()
        let server = try help(["test", "--server", "--only", "tests", "--no-cache", "--json"], extra: extra)
        #expect(server.exitCode == 0, "\(server.stderr.suffix(2000))")
        #expect(try leftoverTestFolders() == before)
        // No help_test_ database is left that was not there before (the log cannot name this
        // run's: the role's password may be part of the name, and logs mask it).
        #expect(try testDatabases().subtracting(databasesBefore).isEmpty)
    }

    /// The `help_test_…` databases on the PostgreSQL server, when there is one.
    func testDatabases() throws -> Set<String> {
        guard let postgres = TestPostgres.shared else { return [] }
        let list = try postgres.psql("select datname from pg_database where datname like 'help_test_%'")
        try #require(list.succeeded, "\(list.stderr)")
        return Set(list.stdout.split(separator: "\n").map(String.init))
    }

    func leftoverTestFolders() throws -> [String] {
        try fs.listDirectory(child.temporaryFolder).map(\.name).filter { $0.hasPrefix("help-testdb-") }.sorted()
    }
}
