import HelpProject
import HelpTestSupport
import Testing

@testable import HelpSystem
@testable import HelpTasks

#if canImport(Glibc)
    import Glibc
#endif

/// The throwaway database of a server's tests: handed over in every form, made where TMPDIR
/// says, and dropped even after Ctrl-C.
@Suite struct TestDatabaseTests {
    let fake = FakeTool()
    let tmp = TempDir(prefix: "help-testdb-tmp")

    func runner(signals: Signals? = nil) -> PosixProcessRunner {
        PosixProcessRunner(environment: ["PATH": fake.searchPath()], console: BufferConsole().console, signals: signals)
    }

    static let configured = DatabaseLocation.postgres(
        PostgresDatabase(
            host: "127.0.0.1", port: 5433, user: "dev", password: Secret("dev-password"), database: "app"))

    @Test func postgresIsHandedOverAsTheURLAndTheSplitVariables() throws {
        try fake.install("createdb")
        try fake.install("dropdb")
        let database = try TestDatabase(configured: Self.configured, temporaryRoot: tmp.path, runner: runner())
        defer { database.remove() }
        let name = try #require(database.postgres?.database)
        #expect(name.hasPrefix("help_test_"))
        let (environment, secrets) = database.handover
        #expect(
            environment == [
                "POSTGRES_SERVER": "127.0.0.1", "POSTGRES_PORT": "5433", "POSTGRES_USER": "dev",
                "POSTGRES_DB": name,
            ])
        #expect(secrets["POSTGRES_PASSWORD"]?.reveal() == "dev-password")
        #expect(secrets["DATABASE_URL"]?.reveal() == "postgresql://dev:dev-password@127.0.0.1:5433/" + name)
        #expect(database.folder.hasPrefix(tmp.path + "/help-testdb-"))
    }

    @Test func sqliteLivesUnderTheGivenTemporaryFolder() throws {
        let database = try TestDatabase(configured: nil, temporaryRoot: tmp.path, runner: runner())
        #expect(database.sqlitePath == database.folder + "/test.db")
        #expect(database.folder.hasPrefix(tmp.path + "/"))
        database.remove()
        #expect(!FileSystem().exists(database.folder))
    }

    @Test func anUnreachableServerIsUnavailableNotAFailure() throws {
        try fake.install(
            "createdb", stderr: "createdb: error: connection to server failed: Connection refused\n", exitCode: 1)
        #expect(throws: HelpError.self) {
            do {
                _ = try TestDatabase(configured: Self.configured, temporaryRoot: tmp.path, runner: runner())
            } catch let error as HelpError {
                #expect(error.code == .unavailable)
                throw error
            }
        }
        #expect(try FileSystem().listDirectory(tmp.path).isEmpty)
    }

    @Test func thePostgresDatabaseIsDroppedAfterCtrlC() throws {
        try fake.install("createdb")
        try fake.install("dropdb")
        let signals = Signals(policy: .report, grace: 0.5)
        let database = try TestDatabase(
            configured: Self.configured, temporaryRoot: tmp.path, runner: runner(signals: signals))
        signals.handle(signal: SIGINT, fromTerminal: true)
        #expect(signals.interruption == SIGINT)
        database.remove()
        let drops = fake.invocations(of: "dropdb")
        #expect(drops.map(\.arguments) == [["--if-exists", "--", database.postgres?.database ?? "?"]])
    }
}
