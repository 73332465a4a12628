import HelpCache
import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The migrated SQLite template of a server's test database: keyed on what a migration run reads,
/// restored byte for byte, one kept per component.
struct TestDatabaseTemplateTests {
    let folder = TempDir(prefix: "help-testdb-template")
    let server = Component(name: "server", path: "server", kind: .python, role: .server)
    var python: String { folder.path("server/.venv/bin/python") }

    init() throws {
        try folder.write([
            "server/alembic.ini": "[alembic]\nscript_location = migrations\n",
            "server/migrations/env.py": "# env\n",
            "server/migrations/versions/0001_users.py": "revision = '0001'\n",
            "server/.venv/bin/python": "",
            "server/.venv/lib/python3.11/site-packages/SQLAlchemy-2.0.44.dist-info/METADATA": "",
        ])
    }

    func template(_ environment: [String: String] = [:], component: Component? = nil) -> TestDatabaseTemplate? {
        TestDatabaseTemplate(
            projectRoot: folder.path(""), component: component ?? server, componentFolder: folder.path("server"),
            python: python, environment: environment)
    }

    @Test func theKeyFollowsMigrationsSettingsAndInstalledVersionsButNotTheThrowawayDatabase() throws {
        let base = try #require(template(["APP_MODE": "test", "DATABASE_URL": "sqlite:////tmp/a/test.db"]))
        #expect(base.path.hasPrefix(folder.path(".helpcache/testdb/server-")) && base.path.hasSuffix(".sqlite"))
        #expect(
            template(["APP_MODE": "test", "DATABASE_URL": "sqlite:////tmp/b/test.db", "SECRET_KEY": "x"])?.path
                == base.path)
        #expect(template(["APP_MODE": "other"])?.path != base.path)
        try folder.write(["server/migrations/versions/0002_names.py": "revision = '0002'\n"])
        let migrated = try #require(template(["APP_MODE": "test"]))
        #expect(migrated.path != base.path)
        try FileSystem().rename(
            folder.path("server/.venv/lib/python3.11/site-packages/SQLAlchemy-2.0.44.dist-info"),
            to: folder.path("server/.venv/lib/python3.11/site-packages/SQLAlchemy-2.0.45.dist-info"))
        #expect(template(["APP_MODE": "test"])?.path != migrated.path)
    }

    @Test func noMigrationFilesNoTemplate() throws {
        let fs = FileSystem()
        try fs.remove(folder.path("server/alembic.ini"))
        try fs.remove(folder.path("server/migrations"))
        #expect(template() == nil)
    }

    @Test func savedOnceRestoredByteForByteAndOnlyTheNewestKeptPerComponent() throws {
        let fs = FileSystem()
        let first = try #require(template())
        let database = folder.path("run/test.db")
        #expect(!first.restore(into: database))
        try folder.write(["run/test.db": "SQLite format 3\u{0}tables"])
        first.save(from: database, component: "server")
        let other = try #require(
            template(component: Component(name: "api", path: "server", kind: .python, role: .server)))
        other.save(from: database, component: "api")
        try fs.remove(database)
        #expect(first.restore(into: database))
        #expect(try fs.readText(database) == "SQLite format 3\u{0}tables")

        try folder.write(["server/migrations/versions/0002_names.py": "revision = '0002'\n"])
        let second = try #require(template())
        second.save(from: database, component: "server")
        #expect(!fs.exists(first.path), "the older template of the same component is gone")
        #expect(fs.exists(second.path) && fs.exists(other.path))
        second.discard()
        #expect(!fs.exists(second.path) && !second.restore(into: database))
    }

    @Test func aCheckHoldsWhileWhatItReadAndTheEnvironmentAreUnchanged() throws {
        let fs = FileSystem()
        let salt = ProjectSalt(bytes: Array(repeating: 7, count: 32))
        try folder.write(["server/app/config.py": "url = 'a'\n", "run/test.db": "SQLite format 3\u{0}"])
        let template = try #require(self.template())
        let shell = ["APP_MODE": "test", "PWD": "/a", "OLDPWD": "/b"]
        #expect(!template.stillChecked(inherited: shell, salt: salt), "nothing saved yet")
        template.save(from: folder.path("run/test.db"), component: "server")
        #expect(!template.stillChecked(inherited: shell, salt: salt), "saved but never checked")
        let reads = [folder.path("server/app/config.py"), "/elsewhere/site.py"]
        template.remember(reads: reads, inherited: shell, salt: salt)
        #expect(template.stillChecked(inherited: shell, salt: salt))
        #expect(!(try fs.readText(template.readsPath)).contains("/elsewhere"), "only project files are kept")
        #expect(!(try fs.readText(template.readsPath)).contains("APP_MODE"), "no environment value is kept")
        #expect(
            template.stillChecked(inherited: ["APP_MODE": "test", "PWD": "/c", "_": "/usr/bin/help"], salt: salt),
            "a shell's own bookkeeping does not count")
        #expect(!template.stillChecked(inherited: ["APP_MODE": "production"], salt: salt))
        #expect(!template.stillChecked(inherited: shell, salt: ProjectSalt(bytes: Array(repeating: 8, count: 32))))

        try folder.write(["server/app/config.py": "url = 'b'\n"])
        #expect(!template.stillChecked(inherited: shell, salt: salt), "a file it read changed")
        try folder.write(["server/app/config.py": "url = 'a'\n"])
        #expect(template.stillChecked(inherited: shell, salt: salt))
        try folder.write(["server/.env": "APP_MODE=production\n"])
        #expect(!template.stillChecked(inherited: shell, salt: salt), "a new .env counts though never read")
        try fs.remove(folder.path("server/.env"))
        try folder.write([".env": "X=1\n"])
        #expect(!template.stillChecked(inherited: shell, salt: salt), "so does the project's")
        try fs.remove(folder.path(".env"))
        #expect(template.stillChecked(inherited: shell, salt: salt))

        template.discard()
        #expect(!fs.exists(template.readsPath) && !template.stillChecked(inherited: shell, salt: salt))
    }
}
