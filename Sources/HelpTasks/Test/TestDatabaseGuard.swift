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
    /// variables) unless it is `database`; when it is, the same process goes on to `alembic upgrade
    /// head` (one interpreter importing the application instead of two). Returns the upgrade's
    /// result, a failure with its output. Prints no password: only the driver, host and name.
    static func verifyAndMigrate(
        _ database: TestDatabase, python: String, folder: String, projectRoot: String,
        environment: [String: String], secrets: [String: Secret], runner: any ProcessRunner
    ) throws -> Migration {
        var env = environment
        env["PYTHONPATH"] = folder
        let expected = database.sqlitePath.map { ["sqlite", $0] } ?? ["postgresql", database.postgres?.database ?? ""]
        let result = try runner.run(
            Command(
                python, ["-c", script] + expected + [projectRoot], environment: env, secrets: secrets,
                workingDirectory: folder, timeout: 300))
        let names = TestDatabase.handoverNames.joined(separator: ", ")
        let answer = result.stdout.split(separator: "\n").first { $0.hasPrefix(marker) }
        guard let answer,
            let found = try? JSONValue.parse(String(answer.dropFirst(marker.count)), source: "alembic probe")
        else {
            let last = result.stderr.split(separator: "\n").last
            let why = last.map { PostgresDatabase.redact(String($0)) } ?? "no answer"
            throw HelpError.badData(
                "cannot tell which database the tests would use: Alembic's env.py failed (\(why)); not running them",
                hint: "help test hands the test database over as \(names); env.py must read one of them.")
        }
        guard found["matches"]?.bool == true else {
            let backend = found["backend"]?.string ?? ""
            let name = found["database"]?.string ?? ""
            let host = found["host"]?.string.map { " on " + $0 } ?? ""
            throw HelpError.badData(
                "the tests would use the \(backend) database \(name)\(host), not the throwaway test database; "
                    + "not running them",
                hint: "help test hands the test database over as \(names): "
                    + "make the app's settings (and Alembic's env.py) read them.")
        }
        let reads = result.stdout.split(separator: "\n").first { $0.hasPrefix(readsMarker) }.flatMap {
            try? JSONValue.parse(String($0.dropFirst(readsMarker.count)), source: "alembic probe")
        }
        return Migration(result: result, reads: reads?.array?.compactMap(\.string))
    }

    /// What the Alembic run did: its result and, after a successful upgrade, the project files it
    /// read (the application modules env.py imported, the settings files they opened).
    struct Migration {
        let result: ProcessResult
        let reads: [String]?
        var succeeded: Bool { result.succeeded }
    }

    /// Starts the line that carries the probe's answer, told apart from what env.py prints.
    static let marker = "help-alembic-probe: "
    /// Starts the line that lists the project files the run read.
    static let readsMarker = "help-alembic-reads: "

    /// Builds Alembic's configuration as `python -m alembic upgrade head` does, runs `env.py`
    /// offline with `EnvironmentContext.configure` replaced by a recorder that stops the script,
    /// and compares the database found with the expected one (argv: `sqlite PATH` or `postgresql
    /// NAME`, then the project root). Only a match goes on to the upgrade, through Alembic's own
    /// command line code; after it, the files under the project root that the run imported or
    /// opened (outside the environment) are listed, so that a template can tell when the same
    /// answer still holds.
    static let script = """
        import json, os, sys

        opened = set()

        def audit(event, args):
            if event == "open" and isinstance(args[0], str):
                opened.add(os.path.abspath(args[0]))

        sys.addaudithook(audit)
        from alembic.config import CommandLine, Config
        from alembic.runtime.environment import EnvironmentContext
        from alembic.script import ScriptDirectory
        from sqlalchemy.engine import make_url

        class Found(Exception):
            pass

        def record(self, connection=None, url=None, **kwargs):
            if connection is not None:
                raise Found(connection.engine.url)
            raise Found(make_url(url or self.config.get_main_option("sqlalchemy.url")))

        cli = CommandLine()
        options = cli.parser.parse_args(["upgrade", "head"])
        if hasattr(cli, "_inis_from_config"):
            toml, ini = cli._inis_from_config(options)
            config = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options)
        else:
            config = Config(file_=options.config, ini_section=options.name, cmd_opts=options)
        script = ScriptDirectory.from_config(config)
        configure = EnvironmentContext.configure
        EnvironmentContext.configure = record
        try:
            with EnvironmentContext(config, script, fn=lambda revision, context: [], as_sql=True):
                script.run_env()
            sys.exit("env.py never configured a database")
        except Found as found:
            url = found.args[0]
        finally:
            EnvironmentContext.configure = configure
        backend, database = url.get_backend_name(), url.database or ""
        kind, expected = sys.argv[1], sys.argv[2]
        if kind == "sqlite":
            matches = backend == "sqlite" and os.path.join(os.getcwd(), database) == expected
        else:
            matches = backend.startswith("postgres") and database == expected
        answer = {"backend": backend, "host": url.host, "database": database, "matches": matches}
        print("\(marker)" + json.dumps(answer), flush=True)
        if matches:
            cli.run_cmd(config, options)
            root = sys.argv[3].rstrip(os.sep) + os.sep
            modules = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
            outside = (sys.prefix + os.sep, os.path.realpath(sys.prefix) + os.sep, root + ".helpcache" + os.sep)
            reads = sorted(
                path for path in opened | {m for m in modules if isinstance(m, str)}
                if path.startswith(root) and not path.startswith(outside)
                and "__pycache__" not in path and os.path.isfile(path)
            )
            print("\(readsMarker)" + json.dumps(reads), flush=True)
        """
}
