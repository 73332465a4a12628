import HelpSystem
import HelpTestSupport
import Testing

/// `help test --server` on a server whose settings read only `POSTGRES_*` (from its `.env`) and
/// whose conftest deletes every row: the tests must run on the throwaway database, never on the
/// development one, and `help` refuses to run them when it cannot make sure of that.
@Suite("help test keeps a server's tests off its development database", .serialized)
struct TestDatabaseSafetyEndToEndTests {
    let project = TempDir(prefix: "help-e2e-dbsafety")
    let child = try! IsolatedHelp()
    let fs = FileSystem()

    static func files(postgres: TestPostgres, database: String, port: String? = nil) -> [String: String] {
        DestructiveServerFixture.files(url: "database_url", idColumn: "serial").merging([
            "server/requirements.txt": """
            alembic==1.20.1
            psycopg[binary]==3.3.9
            pydantic-settings==2.16.3
            pytest==9.2.0
            sqlalchemy==2.1.9

            """,
            "server/.env": """
            POSTGRES_SERVER=\(postgres.host)
            POSTGRES_PORT=\(port ?? postgres.port)
            POSTGRES_USER=\(postgres.user)
            POSTGRES_PASSWORD=\(postgres.password)
            POSTGRES_DB=\(database)

            """,
            "server/app/config.py": """
            from pydantic_settings import BaseSettings, SettingsConfigDict


            class Settings(BaseSettings):
                model_config = SettingsConfigDict(env_file=".env", extra="ignore")

                postgres_server: str
                postgres_port: int = 5432
                postgres_user: str
                postgres_password: str = ""
                postgres_db: str

                @property
                def database_url(self) -> str:
                    return (
                        f"postgresql+psycopg://{self.postgres_user}:{self.postgres_password}"
                        f"@{self.postgres_server}:{self.postgres_port}/{self.postgres_db}"
                    )

            """,
        ]) { _, new in new }
    }

    func markers(_ postgres: TestPostgres, _ database: String) throws -> String {
        let count = try postgres.psql(
            "SELECT count(*) FROM users WHERE email = 'marker@example.com'", database: database)
        try #require(count.succeeded, "\(count.stderr)")
        return count.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test(
        "a marker row in the development database survives help test --server; an app that would not use the throwaway database is refused",
        .enabled(if: TestPostgres.isAvailable))
    func developmentDatabaseSurvives() throws {
        let postgres = try #require(TestPostgres.shared)
        let development = TestPostgres.uniqueName("help_dev")
        try #require(try postgres.psql("CREATE DATABASE \(development)").succeeded)
        defer { postgres.drop(development) }
        try postgres.psql(
            "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL); "
                + "INSERT INTO users (email) VALUES ('marker@example.com')", database: development)
        try project.write(Self.files(postgres: postgres, database: development))
        let before = try postgres.psql("SELECT count(*) FROM pg_database WHERE datname LIKE 'help_test_%'").stdout

        let run = try child.run(["test", "--server", "--only", "tests", "--json"], in: project.path)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        #expect(run.stdout.contains("\"result\":\"passed\"") || run.stdout.contains("\"result\": \"passed\""))
        #expect(try markers(postgres, development) == "1")
        #expect(try postgres.psql("SELECT count(*) FROM pg_database WHERE datname LIKE 'help_test_%'").stdout == before)
        #expect(try fs.listDirectory(child.temporaryFolder).filter { $0.name.hasPrefix("help-testdb-") }.isEmpty)
        #expect(!run.stdout.contains(postgres.password + "@") && !run.stderr.contains(postgres.password + "@"))

        // Settings that read a variable help does not hand over: refused before anything runs.
        var files = Self.files(postgres: postgres, database: development)
        let config = try #require(files["server/app/config.py"])
        files["server/app/config.py"] = config.replacing("postgres_db: str", with: "app_db_name: str")
            .replacing("{self.postgres_db}", with: "{self.app_db_name}")
        files["server/.env"] = (files["server/.env"] ?? "") + "APP_DB_NAME=\(development)\n"
        try project.write(files)
        let refused = try child.run(["test", "--server", "--only", "tests"], in: project.path)
        #expect(refused.exitCode == 65, "\(refused.stderr.suffix(3000))")
        #expect(refused.stderr.contains("not the throwaway test database"))
        #expect(refused.stderr.contains("POSTGRES_SERVER") && refused.stderr.contains("DATABASE_URL"))
        #expect(try markers(postgres, development) == "1")

        // A server nothing listens on: unavailable (69), not a failed or flaky test.
        try project.write(Self.files(postgres: postgres, database: development, port: "1"))
        let unreachable = try child.run(["test", "--server", "--only", "tests", "--json"], in: project.path)
        #expect(unreachable.exitCode == 69, "\(unreachable.stderr.suffix(3000))")
        #expect(!unreachable.stdout.contains("flaky\":true"))
    }
}
