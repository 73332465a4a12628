import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// `help run` on a server shaped like real projects: settings read from its source, POSTGRES_*
/// variables, the project's own PostgreSQL, its own start-up steps, and configuration failures.
@Suite("Run on real-shaped servers")
struct RunMonorepoTests {
    static let settings = """
        from pydantic import PostgresDsn
        from pydantic_settings import BaseSettings, SettingsConfigDict

        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_file=".env")
            SECRET_KEY: str
            POSTGRES_SERVER: str
            POSTGRES_PORT: int = 5432
            POSTGRES_USER: str
            POSTGRES_PASSWORD: str = ""
            POSTGRES_DB: str = ""
            FIRST_SUPERUSER: str = "admin@example.com"
            scheme: str = "postgresql+psycopg"
        """

    static let prestart =
        "#! /usr/bin/env bash\nset -e\npython app/backend_pre_start.py\nalembic upgrade head\n"
        + "python -m app.initial_data\n"

    let folder = TempDir(prefix: "help-run-shapes")

    func project(_ extra: [String: String] = [:]) throws -> (TempDir, Project) {
        var files = [
            ".git/": "",
            "api/requirements.txt": "fastapi\nuvicorn\nalembic\n",
            "api/alembic.ini": "[alembic]\nscript_location = app/alembic\n",
            "api/app/alembic/env.py": "",
            "api/app/__init__.py": "",
            "api/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
        ]
        files.merge(extra) { _, given in given }
        try folder.write(files)
        return (folder, try Project.load(from: folder.path))
    }

    func plan(_ project: Project, environment: [String: String] = [:]) throws -> RunPlan.Preparation {
        let api = try #require(project.component(named: "api"))
        let configuration = try ComponentConfiguration.load(
            api, project: project, environmentName: "development", locator: TemplateLocator(executablePath: nil),
            environment: environment)
        let folder = project.folder(of: api)
        var fact = ComponentFacts(
            environment: VirtualEnvironment(root: folder + "/.venv"), configuration: configuration,
            migrationInputs: ComponentInspection.migrationInputs(folder: folder, markers: api.python))
        fact.startup = StartupInspection.find(folder: folder)
        let planner = RunPlanner(
            project: project, options: RunOptions(),
            environment: environment.merging(["PATH": "/usr/bin"]) { a, _ in a },
            facts: ["api": fact], isPortFree: { _, _ in true })
        return try #require(try planner.plan(for: [api]).preparations.first)
    }

    @Test("POSTGRES_* in the environment name the database: no SQLite URL is planned or written")
    func splitVariablesFromEnvironment() throws {
        let (folder, project) = try project()
        let environment = [
            "POSTGRES_SERVER": "db.internal", "POSTGRES_USER": "app", "POSTGRES_PASSWORD": "pw", "POSTGRES_DB": "shop",
        ]
        let preparation = try plan(project, environment: environment)
        guard case .postgres(let database) = preparation.database else {
            Issue.record("planned \(String(describing: preparation.database))")
            return
        }
        #expect(database.host == "db.internal" && database.database == "shop" && database.user == "app")
        #expect(preparation.configuration?.additions.contains { $0.key == "DATABASE_URL" } == false)
        let words = RunPlan(preparations: [preparation], services: []).describe(root: folder.path).map(\.text)
        #expect(!words.joined().lowercased().contains("sqlite"), "\(words)")
    }

    @Test("a PostgreSQL-only app with no database gets the project's PostgreSQL, its keys filled by help")
    func projectPostgresPlanned() throws {
        let (_, project) = try project(["api/app/core/config.py": Self.settings])
        let preparation = try plan(project)
        #expect(preparation.database == nil)
        let local = try #require(preparation.localPostgres)
        #expect(local.keys == DatabaseLocation.splitVariables && local.database == "api" && !local.reused)
        let server = PostgresDatabase(
            host: "127.0.0.1", port: 55432, user: "postgres", password: Secret("pw"), database: "api")
        let values = local.values(for: server).mapValues { $0.reveal() }
        #expect(values["POSTGRES_SERVER"] == "127.0.0.1" && values["POSTGRES_PORT"] == "55432")
        #expect(values["POSTGRES_PASSWORD"] == "pw" && values["POSTGRES_DB"] == "api")
        #expect(preparation.configuration?.additions.contains { $0.key == "DATABASE_URL" } == false)
    }

    @Test("the settings' .env fills empty keys from help's database, never over a value the file has")
    func providedValues() throws {
        let (_, project) = try project([
            "api/app/core/config.py": Self.settings, "api/.env": "POSTGRES_SERVER=\nPOSTGRES_USER=mine\n",
        ])
        let api = try #require(project.component(named: "api"))
        let loaded = try ComponentConfiguration.load(
            api, project: project, environmentName: "development", locator: TemplateLocator(executablePath: nil))
        let provided = try loaded.providing([
            "POSTGRES_SERVER": Secret("127.0.0.1"), "POSTGRES_USER": Secret("postgres"),
            "POSTGRES_PORT": Secret("55432"),
        ])
        #expect(
            provided.plan.fills.contains("POSTGRES_SERVER") && !provided.plan.generatedKeys.contains("POSTGRES_SERVER"))
        let text = try provided.plan.render(secrets: ["SECRET_KEY": Secret("generated")])
        #expect(text.contains("POSTGRES_SERVER=127.0.0.1") && text.contains("POSTGRES_USER=mine"))
        #expect(text.contains("POSTGRES_PORT=55432") && text.contains("SECRET_KEY=generated"))
        #expect(!text.contains("POSTGRES_USER=postgres"))
    }

    @Test("a prestart script that migrates replaces help's migration step; its seed module is an input")
    func prestartScript() throws {
        let (_, project) = try project([
            "api/scripts/prestart.sh": Self.prestart, "api/app/initial_data.py": "", "api/app/backend_pre_start.py": "",
        ])
        let preparation = try plan(project)
        let startup = try #require(preparation.startup)
        #expect(startup.label == "scripts/prestart.sh" && startup.argv == ["bash", "scripts/prestart.sh"])
        #expect(startup.migrates && preparation.migrations == nil)
        #expect(startup.inputs == ["scripts/prestart.sh", "app/backend_pre_start.py", "app/initial_data.py"])
        #expect(startup.migration.inputs.contains("alembic.ini"), "a new migration runs the steps again")
    }

    @Test("a Procfile release line that only seeds runs after help's migrations")
    func procfileRelease() throws {
        let (_, project) = try project([
            "api/Procfile": "web: uvicorn app.main:app\nrelease: python -m app.seed\n", "api/app/seed.py": "",
        ])
        let preparation = try plan(project)
        let startup = try #require(preparation.startup)
        #expect(startup.label == "Procfile release" && !startup.migrates && preparation.migrations != nil)
        #expect(startup.argv == ["sh", "-c", "python -m app.seed"] && startup.inputs == ["Procfile", "app/seed.py"])
    }
}

/// Failures that come from the configuration, and the PostgreSQL programs.
@Suite("Run configuration failures and PostgreSQL programs")
struct RunConfigurationFailureTests {
    static let pydantic = """
        Traceback (most recent call last):
          File "app/alembic/env.py", line 8, in <module>
        pydantic_core._pydantic_core.ValidationError: 2 validation errors for Settings
        POSTGRES_SERVER
          Field required [type=missing, input_value={}, input_type=dict]
        first_superuser
          Field required [type=missing, input_value={}, input_type=dict]
            For further information visit https://errors.pydantic.dev/2.11/v/missing
        """

    @Test("a pydantic ValidationError in alembic's output is exit 65 about configuration, naming the keys")
    func migrationStoppedOnConfiguration() throws {
        let folder = TempDir(prefix: "help-run-config")
        let runner = RecordingProcessRunner()
        runner.on(folder.path("api/.venv/bin/python")) { command in
            command.arguments.contains("upgrade")
                ? ProcessResult(termination: .exited(1), stderr: Self.pydantic)
                : ProcessResult(termination: .exited(0), stdout: "")
        }
        let context = Context(
            runner: runner, environment: [:], console: BufferConsole().console, workingDirectory: folder.path)
        let plan = MigrationPlan(
            component: "api", folder: folder.path("api"), python: folder.path("api/.venv/bin/python"), environment: [:],
            inputs: [])
        do {
            _ = try MigrationRunner(context: context, root: folder.path).run(
                plan, database: nil, configuration: nil, file: "api/.env")
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(
                error.message.contains(
                    "stopped on the configuration, not on a migration: POSTGRES_SERVER, FIRST_SUPERUSER"))
            #expect(
                error.hint?.contains("set them in api/.env") == true
                    && error.hint?.contains("fix the migration") == false)
        }
        #expect(ConfigurationFailure.detect("KeyError: 'DATABASE_URL'\n")?.keys == ["DATABASE_URL"])
        #expect(ConfigurationFailure.detect("sqlalchemy.exc.OperationalError: no such table\n") == nil)
    }

    @Test("initdb and pg_ctl come from PATH or the newest /usr/lib/postgresql/<version>/bin; missing is exit 69")
    func serverPrograms() throws {
        let folder = TempDir(prefix: "help-pg-tools")
        for version in ["9", "15"] {
            for tool in ["initdb", "pg_ctl"] {
                try folder.write(["lib/\(version)/bin/\(tool)": "#!/bin/sh\n"])
                try FileSystem().setPermissions(folder.path("lib/\(version)/bin/\(tool)"), 0o755)
            }
        }
        try FileSystem().createDirectories(folder.path("empty"))
        let environment = ["PATH": folder.path("empty")]
        let found = ProjectPostgres.tools(environment: environment, debianFolder: folder.path("lib"))
        #expect(found?.initdb == folder.path("lib/15/bin/initdb") && found?.pgCtl == folder.path("lib/15/bin/pg_ctl"))
        #expect(ProjectPostgres.tools(environment: environment, debianFolder: folder.path("empty")) == nil)

        let error = ProjectPostgres.missingTools(component: "api", database: "api", environment: environment)
        #expect(error.code == .unavailable && error.message.contains("api works only with PostgreSQL"))
        #expect(
            error.hint?.contains("add DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/api to the .env of api") == true
        )
    }
}
