import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The plan `help run` lays out before doing anything: which components, which stages, which
/// commands, which ports.
@Suite("Run plan")
struct RunPlanTests {
    let folder: TempDir
    let project: Project

    init() throws {
        folder = try TempDir.project([
            ".git/": "",
            "server/requirements.txt": "fastapi\nuvicorn\nalembic\n",
            "server/alembic.ini": "[alembic]\nscript_location = %(here)s/migrations\n",
            "server/migrations/env.py": "",
            "server/migrations/versions/0001_init.py": "revision = '0001'\n",
            "server/app/__init__.py": "",
            "server/app/main.py":
                "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get(\"/health\")\ndef health():\n    return {}\n",
            "web/package.json": #"{"name": "web", "scripts": {"dev": "vite", "test": "vitest"}}"#,
            "lib/pyproject.toml": "[project]\nname = \"lib\"\nversion = \"1\"\n",
        ])
        project = try Project.load(from: folder.path)
    }

    var server: Component { project.component(named: "server")! }
    var env: VirtualEnvironment { VirtualEnvironment(root: folder.path("server/.venv")) }

    func facts() throws -> [String: ComponentFacts] {
        let locator = TemplateLocator(executablePath: nil)
        let configuration = try ComponentConfiguration.load(
            server, project: project, environmentName: "development", locator: locator)
        let folder = project.folder(of: server)
        return [
            "server": ComponentFacts(
                environment: env, configuration: configuration,
                migrationInputs: ComponentInspection.migrationInputs(folder: folder, markers: server.python),
                healthPath: ComponentInspection.healthPath(folder: folder, app: server.asgiApp), servesDocs: true)
        ]
    }

    func planner(
        _ options: RunOptions = RunOptions(), taken: Set<Int> = [], environment: [String: String] = ["PATH": "/usr/bin"]
    ) throws -> RunPlanner {
        RunPlanner(
            project: project, options: options, environment: environment, facts: try facts(),
            isPortFree: { _, port in !taken.contains(port) })
    }

    @Test("an environment without uvicorn is refused before anything runs, with the install command")
    func uvicornMissing() throws {
        var facts = try facts()
        facts["server"]?.uvicornInstalled = false
        let planner = RunPlanner(
            project: project, options: RunOptions(), environment: ["PATH": "/usr/bin"], facts: facts,
            isPortFree: { _, _ in true })
        let error = try #require(throws: HelpError.self) { try planner.plan(for: [server]) }
        #expect(error.code == .unavailable && error.message.contains("uvicorn"))
        #expect(error.hint?.contains("help install uvicorn --component server") == true)
    }

    @Test("whether uvicorn may be imported: read from site-packages, never refused on a layout not known")
    func uvicornLookup() throws {
        let fs = FileSystem()
        #expect(env.mayImport("uvicorn", fileSystem: fs), "no site-packages to read")
        try folder.write(["server/.venv/lib/python3.12/site-packages/fastapi/__init__.py": ""])
        #expect(!env.mayImport("uvicorn", fileSystem: fs))
        try folder.write(["server/.venv/pyvenv.cfg": "home = /usr/bin\ninclude-system-site-packages = true\n"])
        #expect(env.mayImport("uvicorn", fileSystem: fs), "the system's packages count")
        try folder.write([
            "server/.venv/pyvenv.cfg": "home = /usr/bin\n",
            "server/.venv/lib/python3.12/site-packages/uvicorn/__init__.py": "",
        ])
        #expect(env.mayImport("uvicorn", fileSystem: fs))
    }

    @Test("servers and dev scripts are runnable, libraries are not; servers come first")
    func selection() throws {
        #expect(RunSelection.runnable(in: project).map(\.name) == ["server", "web"])
        #expect(try RunSelection.select(project, only: ["--server"]).map(\.name) == ["server"])
        #expect(throws: HelpError.self) { try RunSelection.select(project, only: ["lib"]) }
        #expect(throws: HelpError.self) { try RunSelection.select(project, only: ["nope"]) }
    }

    @Test(
        "the server's stages: .env from the template, its SQLite database, Alembic, uvicorn on 8000 until /health answers"
    )
    func serverPlan() throws {
        let plan = try planner().plan(for: [server])
        let preparation = try #require(plan.preparations.first)
        let configuration = try #require(preparation.configuration)
        #expect(
            configuration.existingText == nil && configuration.additions.map(\.key) == ["DATABASE_URL", "SECRET_KEY"])
        #expect(configuration.generatedKeys == ["SECRET_KEY"])
        #expect(
            preparation.database
                == .sqlite(SQLiteDatabase(scheme: "sqlite", remainder: "/./dev.db", folder: folder.path("server"))))
        let migrations = try #require(preparation.migrations)
        #expect(
            migrations.python == env.python
                && migrations.inputs == ["alembic.ini", "migrations/env.py", "migrations/versions/0001_init.py"])
        #expect(migrations.environment["PYTHONPATH"] == folder.path("server"))
        #expect(migrations.environment["PATH"] == env.binDirectory + ":/usr/bin")
        let service = try #require(plan.service("server"))
        #expect(
            service.argv == [
                env.python, "-m", "uvicorn", "app.main:app", "--reload", "--host", "127.0.0.1", "--port", "8000",
            ])
        #expect(service.readiness == .http(path: "/health") && service.reloads && service.portNote == nil)
        #expect(service.urls == ["http://127.0.0.1:8000", "http://127.0.0.1:8000/health"])
        let command = service.command(configuration: nil)
        #expect(
            command.newProcessGroup && command.output == .stream(prefix: "server")
                && command.workingDirectory == folder.path("server"))
    }

    @Test("a taken default port moves to the next free one and says so; a taken --port is exit 69")
    func ports() throws {
        let moved = try #require(try planner(taken: [8000, 8001]).plan(for: [server]).service("server"))
        #expect(moved.port == 8002 && moved.portNote == "port 8000 is taken; using 8002")
        let chosen = try #require(
            try planner(RunOptions(host: "0.0.0.0", port: 9100)).plan(for: [server]).service("server"))
        #expect(chosen.port == 9100 && chosen.argv.contains("0.0.0.0") && chosen.baseURL == "http://127.0.0.1:9100")
        do {
            _ = try planner(RunOptions(port: 9100), taken: [9100]).plan(for: [server])
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .unavailable && error.message.contains("9100"))
        }
    }

    @Test("a dev script starts with npm run dev and nothing to wait for")
    func nodeService() throws {
        let web = try #require(project.component(named: "web"))
        let plan = try planner().plan(for: [server, web])
        let service = try #require(plan.service("web"))
        #expect(service.argv == ["npm", "run", "dev"] && service.readiness == .none && service.port == nil)
        #expect(plan.preparations.map(\.component) == ["server", "web"] && plan.preparations[1].configuration == nil)
    }

    @Test("without a health route the probe is /docs for FastAPI, / otherwise")
    func readinessFallbacks() throws {
        var facts = try facts()
        facts["server"]?.healthPath = nil
        var planner = try planner()
        planner.facts = facts
        #expect(try planner.plan(for: [server]).service("server")?.readiness == .http(path: "/docs"))
        facts["server"]?.servesDocs = false
        planner.facts = facts
        #expect(try planner.plan(for: [server]).service("server")?.readiness == .http(path: "/"))
    }

    @Test("the plan in words names keys and commands, never a value")
    func description() throws {
        try folder.write(["server/.env": "SECRET_KEY=\nDATABASE_URL=postgresql://u:pw-in-url@localhost/app\n"])
        let plan = try planner().plan(for: [server])
        let lines = plan.describe(root: folder.path).map(\.text)
        #expect(lines.contains { $0.contains("fill empty SECRET_KEY (generated)") })
        #expect(lines.contains { $0.hasPrefix("PostgreSQL app on localhost:5432") })
        #expect(lines.contains { $0.contains("server/.venv/bin/python -m alembic upgrade head") })
        #expect(!lines.joined().contains("pw-in-url") && !plan.json(root: folder.path).encoded().contains("pw-in-url"))
    }
}
