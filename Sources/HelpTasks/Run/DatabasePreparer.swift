import HelpProject
import HelpSystem

/// Makes the database a component's configuration names ready for migrations, never dropping or
/// emptying anything: a SQLite file gets its folder; a PostgreSQL server must answer (exit 69
/// with a hint otherwise) and the database is created when missing. Passwords reach `psql` and
/// `createdb` through PGPASSWORD only.
struct DatabasePreparer {
    var context: Context
    var root: String
    var fileSystem = FileSystem()
    /// Seconds a server gets to accept a connection.
    var connectTimeout = 3.0

    /// Prepares `location` and says what it found, in words for the step's last line.
    func prepare(_ location: DatabaseLocation) throws -> String {
        switch location {
        case .sqlite(let database):
            guard let path = database.path, let folder = database.folder else {
                return "SQLite in memory: nothing to prepare"
            }
            let label = location.summary(relativeTo: root)
            if let info = try? fileSystem.stat(path) { return "\(label) (\(Self.size(info.size)))" }
            let created = !fileSystem.isDirectory(folder)
            try fileSystem.createDirectories(folder)
            return "\(label) (new" + (created ? "; created its folder)" : ")")
        case .postgres(let database):
            return try preparePostgres(database)
        case .other(let scheme):
            return "\(scheme) database: not managed by help, left as it is"
        }
    }

    // MARK: - PostgreSQL

    private func preparePostgres(_ database: PostgresDatabase) throws -> String {
        let reachable =
            database.usesSocket
            ? NetworkProbe.canConnect(unixSocket: database.host + "/.s.PGSQL.\(database.port)")
            : NetworkProbe.canConnect(host: database.host, port: database.port, timeout: connectTimeout)
        guard reachable else {
            throw HelpError.unavailable(
                "PostgreSQL at \(database.endpoint) does not answer (from \(database.source))",
                hint:
                    "start it (sudo systemctl start postgresql, or docker run -d -p \(database.port):5432 -e POSTGRES_PASSWORD=... postgres), "
                    + "or point DATABASE_URL at a running server")
        }
        let exists = try databaseExists(database)
        if exists { return "PostgreSQL \(database.database) on \(database.endpoint) (exists)" }
        let create = Command(
            "createdb", ["--", database.database], environment: database.clientEnvironment,
            secrets: database.clientSecrets,
            workingDirectory: root, output: .capture, timeout: 60)
        let result = try runClient(create)
        guard result.succeeded else {
            throw HelpError.unavailable(
                "cannot create the database \(database.database) on \(database.endpoint)\(StepRunner.tail(result, lines: 3))",
                hint:
                    "the role \(database.user ?? "(default)") needs CREATEDB, or create it yourself: createdb \(database.database)"
            )
        }
        return "PostgreSQL \(database.database) on \(database.endpoint) (created)"
    }

    /// Asks the server's `postgres` database whether `database` exists. The name goes in as a
    /// psql variable, quoted by psql itself, so no name can change the query.
    private func databaseExists(_ database: PostgresDatabase) throws -> Bool {
        var environment = database.clientEnvironment
        environment["PGDATABASE"] = "postgres"
        let query = Command(
            "psql", ["-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-v", "name=\(database.database)"],
            environment: environment, secrets: database.clientSecrets, workingDirectory: root, output: .capture,
            input: .bytes(Array("SELECT 1 FROM pg_database WHERE datname = :'name';\n".utf8)), timeout: 30)
        let result = try runClient(query)
        guard result.succeeded else {
            throw HelpError.unavailable(
                "PostgreSQL at \(database.endpoint) refused the connection\(StepRunner.tail(result, lines: 3))",
                hint: "check the user and password of \(database.redactedURL) (from \(database.source))")
        }
        return result.stdout.split(whereSeparator: \.isNewline).contains("1")
    }

    /// Runs a PostgreSQL client tool; a missing one is exit 69 with an install hint.
    private func runClient(_ command: Command) throws -> ProcessResult {
        do {
            return try context.runner.run(command)
        } catch let error as HelpError where error.code == .unavailable {
            let hint = Platform.detect(environment: context.environment).installHint("postgresql-client")
            throw HelpError.unavailable(error.message, hint: hint ?? error.hint)
        }
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\(bytes / 1024) KB" }
        return "\(bytes >> 20) MB"
    }
}
