import HelpProject
import HelpSystem

/// Keeps a server's tests off its real database: reads what the application's configuration says
/// (its `.env` under the environment, as pydantic-settings and python-dotenv do), and, once the
/// throwaway database is handed over, asks Alembic which database it would really migrate. Anything
/// but the throwaway one stops the run before a single statement reaches a database.
enum TestDatabaseGuard {
    /// The values the application reads: the component's `.env`, overridden by `environment`.
    static func configuration(folder: String, environment: [String: String]) -> [String: String] {
        var values: [String: String] = [:]
        if let text = try? FileSystem().readText(folder + "/.env") {
            for entry in DotEnvFile(text: text).entries { if let value = entry.value { values[entry.key] = value } }
        }
        return values.merging(environment) { _, inherited in inherited }
    }

    /// The names of the application's settings: its `.env` keys and every database variable.
    static func settingNames(folder: String) -> [String] {
        let keys = (try? FileSystem().readText(folder + "/.env")).map { DotEnvFile(text: $0).keys } ?? []
        return Array(Set(keys + TestDatabase.handoverNames)).sorted()
    }

    /// What the key records about the test database: its kind and server, never the random name.
    static func kind(of configured: DatabaseLocation?) -> String {
        if case .postgres(let server)? = configured { return "postgresql " + server.endpoint }
        return "sqlite"
    }

    /// Asks Alembic (its `env.py`, offline, with `configure` stopped before any migration) which
    /// database it would use with `environment`/`secrets`, and refuses (exit 65, naming the
    /// variables) unless it is `database`. Prints no password: only the driver, host and name.
    static func verify(
        _ database: TestDatabase, python: String, folder: String, environment: [String: String],
        secrets: [String: Secret], runner: any ProcessRunner
    ) throws {
        var env = environment
        env["PYTHONPATH"] = folder
        let result = try runner.run(
            Command(
                python, ["-c", probe], environment: env, secrets: secrets,
                workingDirectory: folder, timeout: 120))
        let names = TestDatabase.handoverNames.joined(separator: ", ")
        guard result.succeeded, let line = result.stdout.split(separator: "\n").last,
            let found = try? JSONValue.parse(String(line), source: "alembic probe")
        else {
            let last = result.stderr.split(separator: "\n").last
            let why = last.map { PostgresDatabase.redact(String($0)) } ?? "no answer"
            throw HelpError.badData(
                "cannot tell which database the tests would use: Alembic's env.py failed (\(why)); not running them",
                hint: "help test hands the test database over as \(names); env.py must read one of them.")
        }
        let backend = found["backend"]?.string ?? ""
        let name = found["database"]?.string ?? ""
        let matches: Bool
        if let path = database.sqlitePath {
            let resolved = name.hasPrefix("/") ? name : folder + "/" + name
            matches = backend == "sqlite" && resolved == path
        } else {
            matches = backend.hasPrefix("postgres") && name == database.postgres?.database
        }
        guard matches else {
            let host = found["host"]?.string.map { " on " + $0 } ?? ""
            throw HelpError.badData(
                "the tests would use the \(backend) database \(name)\(host), not the throwaway test database; "
                    + "not running them",
                hint: "help test hands the test database over as \(names): "
                    + "make the app's settings (and Alembic's env.py) read them.")
        }
    }

    /// Runs `env.py` offline with `EnvironmentContext.configure` replaced by a recorder that stops
    /// the script: nothing is migrated, and only the URL's parts without the password are printed.
    static let probe = """
        import json, sys
        from alembic.config import Config
        from alembic.runtime.environment import EnvironmentContext
        from alembic.script import ScriptDirectory
        from sqlalchemy.engine import make_url

        class Found(Exception):
            pass

        def record(self, connection=None, url=None, **kwargs):
            if connection is not None:
                raise Found(connection.engine.url)
            raise Found(make_url(url or self.config.get_main_option("sqlalchemy.url")))

        EnvironmentContext.configure = record
        config = Config("alembic.ini")
        script = ScriptDirectory.from_config(config)
        try:
            with EnvironmentContext(config, script, fn=lambda revision, context: [], as_sql=True):
                script.run_env()
        except Found as found:
            url = found.args[0]
            print(json.dumps({"backend": url.get_backend_name(), "host": url.host, "database": url.database}))
            sys.exit(0)
        sys.exit("env.py never configured a database")
        """
}
