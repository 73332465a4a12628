import HelpCache
import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// What a `help test` key covers for a server with a database: the test database's kind and
/// server, and every setting the application reads (from the environment or its `.env`).
@Suite struct TestCheckKeyTests {
    static let files = [
        "server/requirements.txt": "fastapi\nalembic\n",
        "server/alembic.ini": "[alembic]\nscript_location = migrations\n",
        "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
        "server/tests/test_main.py": "def test(): pass\n",
        "server/.env": "POSTGRES_SERVER=127.0.0.1\nPOSTGRES_DB=app\nPOSTGRES_PASSWORD=dev-password\n",
    ]

    func key(_ folder: TempDir, environment: [String: String] = [:]) throws -> ComponentCacheKey {
        let project = try Project.load(from: folder.path)
        return try ComponentCacheKey.compute(
            component: try #require(project.component(named: "server")), project: project, action: .test,
            store: try CacheStore(projectRoot: folder.path), runner: nil, environment: environment)
    }

    @Test func aDatabaseURLInTheEnvironmentChangesTheKeyAndTheTestDatabase() throws {
        let folder = try TempDir.project(Self.files)
        let sqlite = try key(folder, environment: ["DATABASE_URL": "sqlite:///./dev.db"])
        let postgres = try key(folder, environment: ["DATABASE_URL": "postgresql://u@db.internal:5433/app"])
        #expect(sqlite.key != postgres.key)
        #expect(sqlite.manifest.config["test database"] == "sqlite")
        #expect(postgres.manifest.config["test database"] == "postgresql db.internal:5433")
    }

    @Test func aChangedDotEnvValueChangesTheKeyAndIsNamedNeverShown() throws {
        let folder = try TempDir.project(Self.files)
        let before = try key(folder)
        #expect(before.manifest.config["test database"] == "postgresql 127.0.0.1:5432")
        try folder.write([
            "server/.env": "POSTGRES_SERVER=127.0.0.1\nPOSTGRES_DB=other\nPOSTGRES_PASSWORD=dev-password\n"
        ])
        let after = try key(folder)
        #expect(before.key != after.key)
        let store = try CacheStore(projectRoot: folder.path)
        try store.save(
            kind: .tests, key: before.key, manifest: before.manifest, payload: ["result.json": Array("{}".utf8)],
            duration: 1)
        let explanation = store.explain(kind: .tests, key: after.key, manifest: after.manifest)
        #expect(explanation.environmentChanged == ["POSTGRES_DB"])
        #expect(!String(decoding: after.manifest.encoded(), as: UTF8.self).contains("dev-password"))
    }

    @Test func pytestKeepsItsCacheUnderHelpcacheOutOfTheKey() throws {
        let folder = try TempDir.project(Self.files)
        let project = try Project.load(from: folder.path)
        let planner = TestCheckPlanner(project: project, options: TestOptions(), scratch: folder.path)
        let component = try #require(project.component(named: "server"))
        let check = try #require(
            planner.checks(for: component, binDirectory: nil, runner: RecordingProcessRunner())
                .first { $0.kind == .tests })
        #expect(!check.command.arguments.contains("no:cacheprovider"))
        #expect(check.command.arguments.contains("cache_dir=" + folder.path + "/.helpcache/pytest/server"))
        #expect(!check.identity.contains { $0.contains(folder.path) })
        var rerun = TestOptions()
        rerun.rerunFailed = true
        let again = TestCheckPlanner(project: project, options: rerun, scratch: folder.path)
            .checks(for: component, binDirectory: nil, runner: RecordingProcessRunner()).first { $0.kind == .tests }
        #expect(again?.command.arguments.contains("--lf") == true)
        #expect(again?.identity != check.identity)
    }
}
