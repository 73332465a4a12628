import HelpSystem
import HelpTestSupport
import Testing

/// `help test --server` on a SQLite server whose settings can pin their own database: the migrated
/// template is used without starting Alembic only while what Alembic read last time (settings
/// module, `.env`, the environment) is unchanged; any change there checks again, and a check that
/// finds the development database refuses the run with its rows intact.
@Suite("help test reuses a checked test database template only while its check still holds", .serialized)
struct TestDatabaseTemplateEndToEndTests {
    let project = TempDir(prefix: "help-e2e-dbtemplate")
    let child = try! IsolatedHelp()
    let fs = FileSystem()

    static let config = """
        from pydantic_settings import BaseSettings, SettingsConfigDict


        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_file=".env", extra="ignore")

            database_url: str
            app_mode: str = "test"

            @property
            def url(self) -> str:
                # Production pins its own database whatever DATABASE_URL says.
                return "sqlite:///./dev.db" if self.app_mode == "production" else self.database_url

        """

    static let files = DestructiveServerFixture.files(url: "url", idColumn: "integer").merging([
        "server/requirements.txt": """
        alembic==1.20.1
        pydantic-settings==2.16.3
        pytest==9.2.0
        sqlalchemy==2.1.9

        """,
        "server/.env": "DATABASE_URL=sqlite:///./dev.db\n",
        "server/app/config.py": config,
    ]) { _, new in new }

    /// Runs python3 with `script` in the server folder and returns the first line of its output.
    func python(_ script: String) throws -> String {
        let runner = PosixProcessRunner(environment: child.environment(), console: BufferConsole().console)
        let result = try runner.run(Command("python3", ["-c", script], workingDirectory: project.path("server")))
        try #require(result.succeeded, "\(result.stderr)")
        return result.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    func markers() throws -> String {
        try python(
            "import sqlite3; print(sqlite3.connect('dev.db').execute('SELECT count(*) FROM users').fetchone()[0])")
    }

    @Test("the template is used unchecked only while settings, .env and environment are as when it was checked")
    func templateFollowsItsCheck() throws {
        try project.write(Self.files)
        _ = try python(
            "import sqlite3; c = sqlite3.connect('dev.db'); "
                + "c.execute('CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL)'); "
                + "c.execute(\"INSERT INTO users (email) VALUES ('marker@example.com')\"); c.commit()")
        let arguments = ["test", "--server", "--only", "tests", "--no-cache", "-v"]
        let reused = "test database copied from its template, checked before"

        let first = try child.run(arguments, in: project.path)
        #expect(first.exitCode == 0, "\(first.stderr.suffix(3000))")
        #expect(!first.stderr.contains(reused))
        let kept = try fs.listDirectory(project.path(".helpcache/testdb")).map(\.name)
        #expect(kept.contains { $0.hasSuffix(".sqlite") } && kept.contains { $0.hasSuffix(".sqlite.reads") })

        let second = try child.run(arguments, in: project.path)
        #expect(second.exitCode == 0, "\(second.stderr.suffix(3000))")
        #expect(second.stderr.contains(reused), "\(second.stderr.suffix(3000))")
        #expect(!second.stderr.contains("help-alembic-probe"))

        // A variable the settings read, set in the shell: checked again, and refused.
        let production = try child.run(arguments, in: project.path, extra: ["APP_MODE": "production"])
        #expect(production.exitCode == 65, "\(production.stderr.suffix(3000))")
        #expect(production.stderr.contains("not the throwaway test database"))
        #expect(try markers() == "1")

        // The same through the settings module: checked again, and refused.
        try project.write([
            "server/app/config.py": Self.config.replacing(
                "app_mode: str = \"test\"", with: "app_mode: str = \"production\"")
        ])
        let edited = try child.run(arguments, in: project.path)
        #expect(edited.exitCode == 65, "\(edited.stderr.suffix(3000))")
        #expect(!edited.stderr.contains(reused))
        #expect(try markers() == "1")

        // Through a new .env line: checked again, and refused.
        try project.write([
            "server/app/config.py": Self.config,
            "server/.env": "DATABASE_URL=sqlite:///./dev.db\nAPP_MODE=production\n",
        ])
        let dotenv = try child.run(arguments, in: project.path)
        #expect(dotenv.exitCode == 65, "\(dotenv.stderr.suffix(3000))")
        #expect(try markers() == "1")

        // Back as it was: the first run's check holds again and the copy is used unchecked.
        try project.write(["server/.env": "DATABASE_URL=sqlite:///./dev.db\n"])
        let restored = try child.run(arguments, in: project.path)
        #expect(restored.exitCode == 0, "\(restored.stderr.suffix(3000))")
        #expect(restored.stderr.contains(reused), "\(restored.stderr.suffix(3000))")
        #expect(try markers() == "1")
    }
}
