import HelpProject
import HelpSystem

/// A throwaway database for one test run of a server, migrated with Alembic, handed to the tests
/// in every form an application reads (see `handover`), and removed afterwards whatever happened
/// (failures, Ctrl-C: the caller removes it in a `defer`). When the component is configured for
/// PostgreSQL, it is a fresh `help_test_<random>` database on that server (dropped afterwards);
/// otherwise a SQLite file in a fresh temp folder.
public final class TestDatabase: @unchecked Sendable {
    public let folder: String
    /// The URL the tests get; holds a password for PostgreSQL, so it only travels as a secret.
    public let url: Secret
    /// The SQLite file, when the database is one.
    public let sqlitePath: String?
    let postgres: PostgresDatabase?
    let runner: (any ProcessRunner)?

    /// Creates the database (PostgreSQL) or its folder (SQLite, under `temporaryRoot`, the
    /// children's TMPDIR); nothing is migrated yet. `configured` is where the component's own
    /// configuration points. A server that cannot be reached or refuses is `.unavailable`.
    public init(configured: DatabaseLocation?, temporaryRoot: String, runner: any ProcessRunner) throws {
        guard let made = try? FileSystem().makeUniqueDirectory(prefix: temporaryRoot + "/help-testdb-") else {
            throw HelpError.io(
                "cannot create a temporary folder for the test database in \(temporaryRoot)",
                hint: "Check that TMPDIR (or /tmp) is writable.")
        }
        folder = made
        guard case .postgres(var server)? = configured else {
            sqlitePath = folder + "/test.db"
            url = Secret("sqlite:///\(folder)/test.db")
            postgres = nil
            self.runner = nil
            return
        }
        server.database = "help_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let created: ProcessResult
        do {
            created = try runner.run(
                Command(
                    "createdb", ["--", server.database], environment: server.clientEnvironment,
                    secrets: server.clientSecrets, timeout: 60))
        } catch {
            try? FileSystem().remove(folder)
            throw error
        }
        guard created.succeeded else {
            try? FileSystem().remove(folder)
            throw HelpError.unavailable(
                "cannot create the test database \(server.database) on \(server.endpoint): \(created.stderr.split(separator: "\n").first ?? "")",
                hint: "Start the server and give the role CREATEDB; or point DATABASE_URL at SQLite for tests.")
        }
        let credentials =
            server.user.map { user in user + (server.password.map { ":" + $0.reveal() } ?? "") + "@" } ?? ""
        url = Secret("\(server.scheme)://\(credentials)\(server.usesSocket ? "" : server.endpoint)/\(server.database)")
        sqlitePath = nil
        postgres = server
        self.runner = runner
    }

    /// What the report may show: the database without its password.
    public var label: String { postgres.map { "PostgreSQL \($0.database)" } ?? "SQLite \(folder)/test.db" }

    /// Whether a component's tests want a database of their own.
    public static func wanted(by component: Component) -> Bool {
        component.kind == .python && (component.python?.hasAlembic ?? false)
    }

    /// The variables that carry the database to the children, overriding the component's `.env`
    /// (an application reads the environment first): `DATABASE_URL` always, and for PostgreSQL the
    /// split `POSTGRES_*` form too, so an app reading either one sees this database and no other.
    /// Values holding the password are secrets.
    public var handover: (environment: [String: String], secrets: [String: Secret]) {
        var secrets = ["DATABASE_URL": url]
        guard let postgres else { return ([:], secrets) }
        secrets["POSTGRES_PASSWORD"] = postgres.password ?? Secret("")
        let environment = [
            "POSTGRES_SERVER": postgres.host, "POSTGRES_PORT": String(postgres.port),
            "POSTGRES_USER": postgres.user ?? "", "POSTGRES_DB": postgres.database,
        ]
        return (environment, secrets)
    }

    /// The names `handover` sets, for messages.
    public static let handoverNames = ["DATABASE_URL"] + DatabaseLocation.splitVariables

    private var removed = false

    /// Drops the PostgreSQL database (only the one this run created) and removes the folder. The
    /// drop is a cleanup command, so it still runs after Ctrl-C.
    public func remove() {
        guard !removed else { return }
        removed = true
        if let postgres, let runner {
            var drop = Command(
                "dropdb", ["--if-exists", "--", postgres.database], environment: postgres.clientEnvironment,
                secrets: postgres.clientSecrets, timeout: 60)
            drop.runsAfterInterrupt = true
            _ = try? runner.run(drop)
        }
        try? FileSystem().remove(folder)
    }

    deinit { remove() }
}
