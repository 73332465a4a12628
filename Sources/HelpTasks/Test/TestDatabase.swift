import HelpProject
import HelpSystem

/// A throwaway database for one test run of a server, migrated with Alembic, exported to the
/// tests as `DATABASE_URL`, and removed afterwards whatever happened (failures, Ctrl-C: the caller
/// removes it in a `defer`). When the component is configured for PostgreSQL, it is a fresh
/// `help_test_<random>` database on that server (dropped afterwards); otherwise a SQLite file in a
/// fresh temp folder.
public final class TestDatabase: @unchecked Sendable {
    public let folder: String
    /// The URL the tests get; holds a password for PostgreSQL, so it only travels as a secret.
    public let url: Secret
    let postgres: PostgresDatabase?
    let runner: (any ProcessRunner)?

    /// Creates the database (PostgreSQL) or its folder (SQLite); nothing is migrated yet.
    /// `configured` is the component's own DATABASE_URL, if any.
    public init(configured: String?, componentFolder: String, runner: any ProcessRunner) throws {
        guard let made = try? FileSystem().makeUniqueDirectory(prefix: "/tmp/help-testdb-") else {
            throw HelpError.io("cannot create a temporary folder for the test database", hint: "Check that /tmp is writable.")
        }
        folder = made
        guard let configured, case .postgres(var server)? = try? DatabaseLocation.parse(configured, folder: componentFolder)
        else {
            url = Secret("sqlite:///\(folder)/test.db")
            postgres = nil
            self.runner = nil
            return
        }
        server.database = "help_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let created = try runner.run(Command(
            "createdb", ["--", server.database], environment: server.clientEnvironment, secrets: server.clientSecrets,
            timeout: 60))
        guard created.succeeded else {
            try? FileSystem().remove(folder)
            throw HelpError.unavailable(
                "cannot create the test database \(server.database) on \(server.endpoint): \(created.stderr.split(separator: "\n").first ?? "")",
                hint: "The role needs CREATEDB; or point DATABASE_URL at SQLite for tests.")
        }
        let credentials = server.user.map { user in user + (server.password.map { ":" + $0.reveal() } ?? "") + "@" } ?? ""
        url = Secret("\(server.scheme)://\(credentials)\(server.usesSocket ? "" : server.endpoint)/\(server.database)")
        postgres = server
        self.runner = runner
    }

    /// What the report may show: the database without its password.
    public var label: String { postgres.map { "PostgreSQL \($0.database)" } ?? "SQLite \(folder)/test.db" }

    /// Whether a component's tests want a database of their own.
    public static func wanted(by component: Component) -> Bool {
        component.kind == .python && (component.python?.hasAlembic ?? false)
    }

    /// `alembic upgrade head` against the throwaway database; a failure is returned with its output.
    public func migrate(component folder: String, python: String, environment: [String: String],
                        secrets: [String: Secret], runner: any ProcessRunner) throws -> ProcessResult {
        var env = environment
        env["PYTHONPATH"] = folder
        var secrets = secrets
        secrets["DATABASE_URL"] = url
        return try runner.run(Command(python, ["-m", "alembic", "upgrade", "head"], environment: env,
                                      secrets: secrets, workingDirectory: folder, timeout: 300))
    }

    private var removed = false

    /// Drops the PostgreSQL database (only the one this run created) and removes the folder.
    public func remove() {
        guard !removed else { return }
        removed = true
        if let postgres, let runner {
            _ = try? runner.run(Command(
                "dropdb", ["--if-exists", "--", postgres.database], environment: postgres.clientEnvironment,
                secrets: postgres.clientSecrets, timeout: 60))
        }
        try? FileSystem().remove(folder)
    }

    deinit { remove() }
}
