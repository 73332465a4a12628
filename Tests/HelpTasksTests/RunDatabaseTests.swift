import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The database and migration stages against scripted tools: what runs, what is skipped, and
/// what a failure says.
@Suite("Run database and migrations")
struct RunDatabaseTests {
    let folder = TempDir(prefix: "help-run-db")
    let runner = RecordingProcessRunner()
    let output = BufferConsole()
    var context: Context {
        Context(runner: runner, environment: [:], console: output.console, workingDirectory: folder.path)
    }

    func migrations() -> MigrationPlan {
        MigrationPlan(
            component: "server", folder: folder.path("server"), python: folder.path("server/.venv/bin/python"),
            environment: [:], inputs: ["alembic.ini", "migrations/env.py"])
    }

    @Test("a SQLite database gets its folder; nothing else runs")
    func sqliteFolder() throws {
        let location = try DatabaseLocation.parse("sqlite:///data/dev.db", folder: folder.path("server"))
        let said = try DatabasePreparer(context: context, root: folder.path).prepare(location)
        #expect(FileSystem().isDirectory(folder.path("server/data")))
        #expect(said.contains("server/data/dev.db") && runner.commands.isEmpty)
    }

    @Test("a PostgreSQL server that does not answer is exit 69 with a hint, before any client runs")
    func postgresUnreachable() throws {
        let port = (40000..<40100).first { NetworkProbe.isPortFree(host: "127.0.0.1", port: $0) } ?? 40099
        let location = try DatabaseLocation.parse("postgresql://app:pw@127.0.0.1:\(port)/app", folder: folder.path)
        do {
            _ = try DatabasePreparer(context: context, root: folder.path, connectTimeout: 1).prepare(location)
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .unavailable && error.message.contains("127.0.0.1:\(port)"))
            #expect(error.hint?.contains("DATABASE_URL") == true && !error.message.contains("pw"))
        }
        #expect(runner.commands.isEmpty)
    }

    @Test("alembic upgrade head runs with the revision read before and after, then the heads are remembered")
    func upgradeThenSkip() throws {
        try folder.write(["server/alembic.ini": "[alembic]\n", "server/migrations/env.py": "", "server/dev.db": "x"])
        let database = try DatabaseLocation.parse("sqlite:///./dev.db", folder: folder.path("server"))
        let upgraded = MutexBox(false)
        runner.on("python") { command in
            if command.arguments.starts(with: ["-m", "alembic", "upgrade"]) {
                upgraded.set(true)
                return ProcessResult(termination: .exited(0))
            }
            // The quick read of alembic_version: empty before the upgrade, 0002 after.
            return ProcessResult(termination: .exited(0), stdout: upgraded.get() ? "0002\n" : "")
        }
        let migration = MigrationRunner(context: context, root: folder.path)
        #expect(try migration.run(migrations(), database: database, configuration: nil) == "none → 0002")
        #expect(runner.commands.filter { $0.arguments.contains("upgrade") }.count == 1)
        #expect(
            try migration.run(migrations(), database: database, configuration: nil) == "at head 0002, nothing to apply")
        #expect(
            runner.commands.filter { $0.arguments.contains("upgrade") }.count == 1, "the second run starts no Alembic")
        try folder.write(["server/migrations/versions/0003_more.py": "revision = '0003'\n"])
        var changed = migrations()
        changed.inputs.append("migrations/versions/0003_more.py")
        _ = try migration.run(changed, database: database, configuration: nil)
        #expect(
            runner.commands.filter { $0.arguments.contains("upgrade") }.count == 2,
            "a new script means Alembic runs again")
    }

    @Test("a failed upgrade is exit 1 with its last lines, secrets masked")
    func failedUpgrade() throws {
        runner.on("python") { command in
            guard command.arguments.contains("upgrade") else {
                return ProcessResult(termination: .exited(0), stdout: "0001 (head)\n")
            }
            return ProcessResult(
                termination: .exited(1),
                stderr:
                    "Traceback (most recent call last):\n  File \"env.py\"\nsqlalchemy.exc.OperationalError: token sekrit-token-value rejected\n"
            )
        }
        let template = try EnvTemplate.parse(
            "# help: secret\nAPI_TOKEN=\n", source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
        let configuration = EffectiveConfiguration(
            template: template, envFile: DotEnvFile(text: "API_TOKEN=sekrit-token-value\n"), environment: [:])
        do {
            _ = try MigrationRunner(context: context, root: folder.path).run(
                migrations(), database: nil, configuration: configuration)
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .failure && error.message.contains("alembic upgrade head failed (exit 1)"))
            #expect(error.message.contains("OperationalError: token *** rejected"))
            #expect(!error.message.contains("sekrit-token-value"))
        }
        let upgrade = try #require(runner.commands.first { $0.arguments.contains("upgrade") })
        #expect(
            upgrade.secrets["API_TOKEN"]?.reveal() == "sekrit-token-value" && !upgrade.displayLine.contains("sekrit"))
    }
}

/// A value shared with a `@Sendable` handler.
final class MutexBox<Value>: @unchecked Sendable {
    private let lock = Mutex()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}
