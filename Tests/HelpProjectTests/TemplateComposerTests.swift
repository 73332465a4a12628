import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// The template a `.env` is written from, composed of help's default, the project's example file
/// and the keys its settings class requires.
@Suite("Template composition")
struct TemplateComposerTests {
    static let builtIn = try! EnvTemplate.parse(
        "DATABASE_URL=sqlite:///./dev.db\n# help: secret\nSECRET_KEY=\n",
        source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))

    static let example = try! EnvTemplate.parse(
        """
        PROJECT_NAME="Example"
        SECRET_KEY=changethis
        FIRST_SUPERUSER=admin@example.com
        API_TOKEN=<your token>
        POSTGRES_SERVER=localhost
        POSTGRES_PASSWORD=changethis
        """,
        source: EnvTemplateSource(name: "development", origin: .component, path: "/p/api/.env.example"))

    static let settings = SettingsFacts(
        classes: [
            SettingsClass(
                name: "Settings", file: "app/core/config.py", bases: ["BaseSettings"],
                fields: [
                    .init(name: "PROJECT_NAME", key: "PROJECT_NAME", isRequired: true),
                    .init(name: "POSTGRES_SERVER", key: "POSTGRES_SERVER", isRequired: true),
                    .init(name: "FIRST_SUPERUSER_PASSWORD", key: "FIRST_SUPERUSER_PASSWORD", isRequired: true),
                    .init(name: "SENTRY_DSN", key: "SENTRY_DSN", isRequired: true),
                ])
        ], postgresOnly: true)

    @Test("the example replaces the default: placeholders of secrets are generated, database keys left empty")
    func exampleFile() throws {
        let template = TemplateComposer.compose(
            base: Self.builtIn, example: Self.example, settings: Self.settings, databaseConfigured: false)
        #expect(template.source.path == "/p/api/.env.example")
        #expect(template.entry("DATABASE_URL") == nil, "no SQLite default beside the example")
        let secret = try #require(template.entry("SECRET_KEY"))
        #expect(secret.isSecret && secret.value.isEmpty)
        #expect(template.entry("API_TOKEN")?.isSecret == true)
        #expect(template.entry("FIRST_SUPERUSER")?.value == "admin@example.com")
        #expect(template.entry("PROJECT_NAME").map { $0.isRequired && $0.value == "Example" } == true)
        let server = try #require(template.entry("POSTGRES_SERVER"))
        #expect(server.value.isEmpty && server.isRequired && !server.isSecret)
        #expect(template.entry("POSTGRES_PASSWORD").map { $0.value.isEmpty && !$0.isSecret } == true)
        // Required by the settings and missing from the example: added, generated when secret.
        let added = try #require(template.entry("FIRST_SUPERUSER_PASSWORD"))
        #expect(
            added.isRequired && added.isSecret && added.comments == ["# Required by Settings in app/core/config.py."])
        #expect(template.entry("SENTRY_DSN").map { $0.isRequired && !$0.isSecret } == true)
    }

    @Test("another environment than development never gets the example's SQLite file")
    func ownSQLitePerEnvironment() throws {
        let example = try EnvTemplate.parse(
            "DATABASE_URL=sqlite:///./dev.db\nSECRET_KEY=\n",
            source: EnvTemplateSource(name: "test", origin: .component, path: "/p/api/.env.example"))
        let ownTest = try EnvTemplate.parse(
            "DATABASE_URL=sqlite:///./test.db\n", source: EnvTemplateSource(name: "test", origin: .builtIn, path: nil))
        let noDefault = try EnvTemplate.parse(
            "SECRET_KEY=\n", source: EnvTemplateSource(name: "staging", origin: .builtIn, path: nil))
        func url(_ base: EnvTemplate, _ environment: String) -> String? {
            TemplateComposer.compose(
                base: base, example: example, settings: SettingsFacts(), databaseConfigured: false,
                environmentName: environment
            ).entry("DATABASE_URL")?.value
        }
        #expect(url(Self.builtIn, "development") == "sqlite:///./dev.db")
        #expect(url(ownTest, "test") == "sqlite:///./test.db")
        #expect(url(noDefault, "staging") == "sqlite:///./dev.staging.db")
    }

    @Test("help's default loses its SQLite URL for a PostgreSQL-only app or when POSTGRES_* is set")
    func noSQLiteForPostgres() {
        let postgresOnly = TemplateComposer.compose(
            base: Self.builtIn, example: nil, settings: SettingsFacts(postgresOnly: true), databaseConfigured: false)
        #expect(postgresOnly.entry("DATABASE_URL") == nil && postgresOnly.entry("SECRET_KEY") != nil)
        let configured = TemplateComposer.compose(
            base: Self.builtIn, example: nil, settings: SettingsFacts(), databaseConfigured: true)
        #expect(configured.entry("DATABASE_URL") == nil)
        let plain = TemplateComposer.compose(
            base: Self.builtIn, example: nil, settings: SettingsFacts(), databaseConfigured: false)
        #expect(plain == Self.builtIn, "an app that works with SQLite keeps the default")
    }

    @Test("an example's SQLite URL stays for an app that can use SQLite, and only then")
    func exampleSQLiteKept() throws {
        let example = try EnvTemplate.parse(
            "DATABASE_URL=sqlite:///./dev.db\nSECRET_KEY=\n",
            source: EnvTemplateSource(name: "development", origin: .component, path: "/p/server/.env.example"))
        let plain = TemplateComposer.compose(
            base: Self.builtIn, example: example, settings: SettingsFacts(), databaseConfigured: false)
        #expect(plain.entry("DATABASE_URL")?.value == "sqlite:///./dev.db")
        let postgresOnly = TemplateComposer.compose(
            base: Self.builtIn, example: example, settings: SettingsFacts(postgresOnly: true),
            databaseConfigured: false)
        #expect(postgresOnly.entry("DATABASE_URL")?.value == "")
        let configured = TemplateComposer.compose(
            base: Self.builtIn, example: example, settings: SettingsFacts(), databaseConfigured: true)
        #expect(configured.entry("DATABASE_URL")?.value == "")
    }

    @Test("a template of the project's own is kept; the settings only mark and add required keys")
    func projectTemplateWins() {
        var own = Self.builtIn
        own.source = EnvTemplateSource(name: "development", origin: .project, path: "/p/Templates/env/development.env")
        let template = TemplateComposer.compose(
            base: own, example: Self.example, settings: Self.settings, databaseConfigured: false)
        #expect(template.source == own.source)
        #expect(template.entry("DATABASE_URL")?.value == "sqlite:///./dev.db")
        #expect(
            template.entries.map(\.key).suffix(4) == [
                "PROJECT_NAME", "POSTGRES_SERVER", "FIRST_SUPERUSER_PASSWORD", "SENTRY_DSN",
            ])
    }

    @Test("the example is looked for in the component, then at the root: .env.example, .env.template, .env.sample")
    func exampleLookup() throws {
        let folder = TempDir(prefix: "help-example")
        try folder.write([
            "p/.env.sample": "ROOT=1\n",
            "p/api/.env.template": "COMPONENT=1\n",
        ])
        let locator = TemplateLocator(executablePath: nil)
        let component = try locator.exampleTemplate(
            named: "development", componentFolder: folder.path("p/api"), root: folder.path("p"))
        #expect(component?.entry("COMPONENT") != nil && component?.source.origin == .component)
        let root = try locator.exampleTemplate(
            named: "development", componentFolder: folder.path("p/web"), root: folder.path("p"))
        #expect(root?.entry("ROOT") != nil && root?.source.origin == .project)
        #expect(
            try locator.exampleTemplate(named: "development", componentFolder: folder.path("x"), root: folder.path("x"))
                == nil)
    }
}
