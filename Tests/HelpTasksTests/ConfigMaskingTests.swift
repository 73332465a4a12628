import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// Which values count as secret, how they are shown, and how they reach children.
@Suite("Config masking")
struct ConfigMaskingTests {
    func configuration(
        _ env: String, template: String = "# help: secret\nSIGNING=\nPLAIN=x\n", environment: [String: String] = [:]
    ) throws -> EffectiveConfiguration {
        let parsed = try EnvTemplate.parse(
            template, source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
        return EffectiveConfiguration(template: parsed, envFile: DotEnvFile(text: env), environment: environment)
    }

    @Test("marked keys and keys named like secrets are masked; plain keys are not")
    func masking() throws {
        let config = try configuration(
            "SIGNING=abc123secret\nPLAIN=visible\nAPI_TOKEN=tok-value\nDB_PASS=pw-value\nSTRIPE_KEY=sk\nHOST=example.org\n"
        )
        for key in ["SIGNING", "API_TOKEN", "DB_PASS", "STRIPE_KEY"] {
            let item = try #require(config.item(key))
            #expect(item.isSecret && item.display() == "***", "\(key)")
            #expect(item.display(reveal: true) == item.value)
        }
        #expect(config.item("PLAIN")?.display() == "visible" && config.item("HOST")?.isSecret == false)
    }

    @Test("a URL's password is masked in place, the rest of the URL stays readable")
    func urlPassword() throws {
        let config = try configuration(
            "DATABASE_URL=postgresql://app:s3cr3t@db:5432/app\nOTHER_URL=https://example.org/x\n")
        let database = try #require(config.item("DATABASE_URL"))
        #expect(database.isSecret && database.display() == "postgresql://app:***@db:5432/app")
        #expect(config.item("OTHER_URL")?.isSecret == false)
    }

    @Test("the environment wins over .env, and .env over the template's default")
    func precedence() throws {
        let config = try configuration("PLAIN=from-file\n", environment: ["PLAIN": "from-shell", "UNRELATED": "x"])
        #expect(config.item("PLAIN")?.value == "from-shell" && config.item("PLAIN")?.source == .environment)
        #expect(config.item("SIGNING")?.source == .template)
        #expect(config.item("UNRELATED") == nil, "only keys the template or .env knows are configuration")
    }

    @Test("children get .env values in their environment, secrets as secrets, the shell's own values untouched")
    func childVariables() throws {
        let config = try configuration(
            "SIGNING=abc123secret\nPLAIN=x\nDATABASE_URL=postgresql://u:pw12@h/db\n", environment: ["PLAIN": "shell"])
        let variables = config.childVariables
        #expect(variables.plain.isEmpty, "PLAIN comes from the environment the child inherits anyway")
        #expect(variables.secrets["SIGNING"]?.reveal() == "abc123secret")
        #expect(variables.secrets["DATABASE_URL"]?.reveal() == "postgresql://u:pw12@h/db")
        #expect(Secret.redact("token abc123secret in a log", config.secretValues) == "token *** in a log")
        let command = MigrationPlan(
            component: "server", folder: "/p/server", python: "/p/server/.venv/bin/python",
            environment: ["PYTHONPATH": "/p/server"],
            inputs: []
        ).command(["-m", "alembic", "current"], configuration: config)
        #expect(!command.displayLine.contains("abc123secret") && command.secrets["SIGNING"] != nil)
        #expect(command.environment["PYTHONPATH"] == "/p/server")
    }

    @Test("config show's JSON never holds a secret value, even when people asked to see them")
    func jsonNeverReveals() throws {
        let folder = try TempDir.project([
            ".git/": "",
            "server/requirements.txt": "fastapi\nuvicorn\n",
            "server/app/__init__.py": "",
            "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            "server/.env": "DATABASE_URL=sqlite:///./dev.db\nSECRET_KEY=do-not-print-me\n",
        ])
        let output = BufferConsole()
        let context = Context(
            runner: RecordingProcessRunner(), environment: [:], console: output.console, workingDirectory: folder.path)
        let report = try ConfigWorkflow(
            options: .init(reveal: true), context: context, locator: TemplateLocator(executablePath: nil)
        ).show()
        #expect(!report.json.encoded().contains("do-not-print-me"))
        #expect(report.lines.contains { $0.contains("do-not-print-me") }, "--reveal shows it to people")
        let masked = try ConfigWorkflow(
            options: .init(), context: context, locator: TemplateLocator(executablePath: nil)
        ).show()
        #expect(!masked.lines.joined().contains("do-not-print-me"))
    }

    @Test("config check lists empty required keys and exits 65; secrets help run generates are only notes")
    func check() throws {
        let folder = try TempDir.project([
            ".git/": "",
            "server/requirements.txt": "fastapi\n",
            "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            "server/Templates/env/development.env": "# help: required\nAPI_TOKEN=\n# help: secret\nSECRET_KEY=\n",
        ])
        let context = Context(
            runner: RecordingProcessRunner(), environment: [:], console: BufferConsole().console,
            workingDirectory: folder.path)
        let report = try ConfigWorkflow(
            options: .init(), context: context, locator: TemplateLocator(executablePath: nil)
        ).check()
        #expect(report.failure?.code == .dataError)
        let component = try #require(report.components.first)
        #expect(component.problems.count == 1 && component.problems[0].contains("API_TOKEN"))
        #expect(component.notes.contains { $0.contains("generates SECRET_KEY") })
    }

    @Test("config check notes a KEY= # comment line: python-dotenv loads the comment as the value")
    func commentAfterEquals() throws {
        let report = try configCheck(
            in: try configuredServer(template: "LOG_LEVEL=info\n", env: "LOG_LEVEL= # fill me in\n"))
        let component = try #require(report.components.first)
        #expect(component.effective.item("LOG_LEVEL")?.value == "# fill me in")
        #expect(component.notes.contains { $0.contains("LOG_LEVEL") && $0.contains("starts with '#'") })
    }

    @Test("config check exits 65 for an empty DATABASE_URL and for an unknown scheme", arguments: ["", "mongo://h/db"])
    func badDatabaseURL(url: String) throws {
        let report = try configCheck(
            in: try configuredServer(template: "DATABASE_URL=sqlite:///./dev.db\n", env: "DATABASE_URL=\(url)\n"))
        #expect(report.failure?.code == .dataError)
        #expect(report.components.first?.problems.contains { $0.contains("DATABASE_URL") } == true)
    }
}

/// A project with a FastAPI server whose template is `template` and, when given, whose private
/// `.env` holds `env`.
func configuredServer(template: String, env: String? = nil) throws -> TempDir {
    var files = [
        ".git/": "", "server/requirements.txt": "fastapi\n",
        "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
        "server/Templates/env/development.env": template,
    ]
    files["server/.env"] = env
    let folder = try TempDir.project(files)
    if env != nil { chmodFile(folder.path("server/.env"), 0o600) }
    return folder
}

/// `help config check` in `folder`.
func configCheck(in folder: TempDir) throws -> ConfigReport {
    let context = Context(
        runner: RecordingProcessRunner(), environment: [:], console: BufferConsole().console,
        workingDirectory: folder.path)
    return try ConfigWorkflow(options: .init(), context: context, locator: TemplateLocator(executablePath: nil)).check()
}
