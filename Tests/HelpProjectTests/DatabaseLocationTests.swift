import HelpSystem
import Testing

@testable import HelpProject

/// DATABASE_URL and the split POSTGRES_* form, read the way `help run` prepares databases.
@Suite("Database locations")
struct DatabaseLocationTests {
    let folder = "/work/project/server"

    func parse(_ url: String) throws -> DatabaseLocation {
        try DatabaseLocation.parse(url, folder: folder)
    }

    func sqlite(_ url: String) throws -> SQLiteDatabase {
        guard case .sqlite(let database) = try parse(url) else { throw HelpError("not SQLite: \(url)") }
        return database
    }

    func postgres(_ url: String) throws -> PostgresDatabase {
        guard case .postgres(let database) = try parse(url) else { throw HelpError("not PostgreSQL: \(url)") }
        return database
    }

    func postgres(configuration: [String: String]) throws -> PostgresDatabase {
        guard case .postgres(let database) = try DatabaseLocation.from(configuration: configuration, folder: folder)
        else {
            throw HelpError("not PostgreSQL: \(configuration)")
        }
        return database
    }

    @Test("SQLite paths: relative to the component, absolute with four slashes, in memory")
    func sqlite() throws {
        #expect(
            try parse("sqlite:///./dev.db")
                == .sqlite(SQLiteDatabase(scheme: "sqlite", remainder: "/./dev.db", folder: folder)))
        let relative = try sqlite("sqlite:///data/app.db?timeout=5")
        #expect(relative.path == folder + "/data/app.db")
        #expect(relative.folder == folder + "/data")
        let absolute = try sqlite("sqlite+aiosqlite:////var/lib/app.db")
        #expect(absolute.path == "/var/lib/app.db" && absolute.scheme == "sqlite+aiosqlite")
        for memory in ["sqlite://", "sqlite:///:memory:"] {
            #expect(try sqlite(memory).path == nil)
        }
    }

    @Test("PostgreSQL URLs: credentials (percent-decoded), host, port, database, driver suffix")
    func postgres() throws {
        let database = try postgres("postgresql+psycopg://app:p%40ss%3Aword@db.local:6543/app_dev?sslmode=disable")
        #expect(database.scheme == "postgresql+psycopg")
        #expect(database.user == "app" && database.password?.reveal() == "p@ss:word")
        #expect(database.host == "db.local" && database.port == 6543 && database.database == "app_dev")
        #expect(database.redactedURL == "postgresql+psycopg://app:***@db.local:6543/app_dev")
        #expect(
            database.clientEnvironment["PGPASSWORD"] == nil
                && database.clientSecrets["PGPASSWORD"]?.reveal() == "p@ss:word")
    }

    @Test("PostgreSQL defaults: localhost:5432, database named after the user; IPv6 and socket hosts")
    func postgresDefaults() throws {
        let plain = try postgres("postgres://alice@/")
        #expect(plain.host == "localhost" && plain.port == 5432 && plain.database == "alice" && plain.password == nil)
        let ipv6 = try postgres("postgresql://u:p@[::1]:5433/db")
        #expect(ipv6.host == "::1" && ipv6.port == 5433 && ipv6.endpoint == "[::1]:5433")
        let socket = try postgres("postgresql:///db?host=/var/run/postgresql")
        #expect(socket.usesSocket && socket.host == "/var/run/postgresql" && socket.database == "db")
    }

    @Test("a malformed URL is a data error that never shows the password")
    func malformed() {
        for url in [
            "postgresql://u:hunter2@host:notaport/db", "postgresql://u:hunter2@[::1/db",
            "postgresql//u:hunter2@host/db",
        ] {
            do {
                _ = try parse(url)
                Issue.record("no error for \(url)")
            } catch let error as HelpError {
                #expect(error.code == .dataError)
                #expect(!error.message.contains("hunter2"), "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
        #expect(PostgresDatabase.redact("postgresql://u:hunter2@h/db") == "postgresql://u:***@h/db")
    }

    @Test("the split form: POSTGRES_SERVER with defaults for port, user and database")
    func splitForm() throws {
        let configuration = [
            "POSTGRES_SERVER": "db", "POSTGRES_USER": "app", "POSTGRES_PASSWORD": "secret", "POSTGRES_DB": "appdb",
        ]
        let database = try postgres(configuration: configuration)
        #expect(
            database.host == "db" && database.port == 5432 && database.user == "app" && database.database == "appdb")
        #expect(database.password?.reveal() == "secret" && database.source == "POSTGRES_SERVER")
        let minimal = try postgres(configuration: ["POSTGRES_SERVER": "db", "POSTGRES_PORT": "5434"])
        #expect(minimal.port == 5434 && minimal.user == "postgres" && minimal.database == "postgres")
        #expect(throws: HelpError.self) {
            try DatabaseLocation.from(configuration: ["POSTGRES_SERVER": "db", "POSTGRES_PORT": "x"], folder: folder)
        }
    }

    @Test("DATABASE_URL wins over the split form; neither means no database; other schemes are left alone")
    func precedence() throws {
        let both = ["DATABASE_URL": "sqlite:///./dev.db", "POSTGRES_SERVER": "db"]
        #expect(
            try DatabaseLocation.from(configuration: both, folder: folder) == .sqlite(try sqlite("sqlite:///./dev.db")))
        #expect(try DatabaseLocation.from(configuration: ["DATABASE_URL": ""], folder: folder) == nil)
        #expect(try parse("mysql+pymysql://u:p@h/db") == .other(scheme: "mysql+pymysql"))
        #expect(try parse("mysql://h/db").summary(relativeTo: "/work/project").contains("not managed"))
        #expect(try parse("sqlite:///./dev.db").summary(relativeTo: "/work/project") == "SQLite server/dev.db")
    }

    @Test("config check's rules: an empty DATABASE_URL and an unknown scheme are data errors; known dialects pass")
    func validation() throws {
        func error(_ configuration: [String: String]) -> HelpError? {
            do {
                try DatabaseLocation.validate(configuration: configuration, folder: folder)
                return nil
            } catch { return error as? HelpError }
        }
        #expect(error(["DATABASE_URL": ""])?.code == .dataError)
        #expect(error(["DATABASE_URL": "sqlit:///./dev.db"])?.message.contains("unknown scheme \"sqlit\"") == true)
        #expect(error(["DATABASE_URL": "no-url"])?.code == .dataError)
        #expect(error(["DATABASE_URL": "", "POSTGRES_SERVER": "db"]) == nil, "the split form names the database")
        for url in ["sqlite:///./dev.db", "postgresql+psycopg://u@h/db", "mysql+pymysql://u@h/db", "mssql://h/db"] {
            #expect(error(["DATABASE_URL": url]) == nil, "\(url)")
        }
        #expect(error([:]) == nil, "no database at all is fine")
    }
}
