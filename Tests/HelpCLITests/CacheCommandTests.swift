import HelpCache
import HelpProject
import HelpSystem
import HelpTasks
import HelpTestSupport
import Testing

@testable import HelpCLI

/// `help cache` on a temporary project: statistics after saves, clean, prune, explain, key.
@Suite struct CacheCommandTests {
    static func helpJSON(token: String = "first-secret-value") -> String {
        """
        {"components": {"server": {"env": {"API_TOKEN": "\(token)"}, "commands": {"test": ["pytest", "-q"]}}},
         "cache": {"max_size": "1M"}}
        """
    }

    private func project() throws -> TempDir {
        try TempDir.project([
            "help.json": Self.helpJSON(),
            "server/requirements.txt": "fastapi\n",
            "server/app/main.py": "app = 1\n",
            "server/tests/test_main.py": "def test(): pass\n",
        ])
    }

    /// Stores a test result for `server` under the key the workflows would compute now.
    @discardableResult
    private func storeResult(_ folder: TempDir, duration: Double = 2.5) throws -> Digest {
        let project = try Project.load(from: folder.path)
        let store = try CacheStore(projectRoot: project.root.path)
        let computed = try ComponentCacheKey.compute(
            component: try #require(project.component(named: "server")), project: project, action: .test,
            store: store, runner: nil, environment: [:])
        try store.save(
            kind: .tests, key: computed.key, manifest: computed.manifest,
            payload: ["result.json": Array("{\"passed\": 1}".utf8)], duration: duration)
        return computed.key
    }

    private func explain(_ folder: TempDir, _ extra: [String] = []) -> (code: Int32, out: String) {
        let cli = CLIHarness()
        let code = cli.run(["-C", folder.path, "cache", "explain", "server"] + extra)
        return (code, cli.stdout)
    }

    // MARK: - stats, clean, prune

    @Test func statsCountsEntriesHitsAndTheCapFromHelpJSON() throws {
        let folder = try project()
        let key = try storeResult(folder)
        try folder.write(["server/app/main.py": "app = 2\n"])
        try storeResult(folder)
        _ = try CacheStore(projectRoot: folder.path).lookup(kind: .tests, key: key)

        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "stats", "--json"]) == 0)
        let document = try JSONValue.parse(cli.stdout)
        #expect(document["kinds"]?[0]?["kind"]?.string == "tests")
        #expect(document["kinds"]?[0]?["entries"] == 2)
        #expect((document["bytes"]?.int ?? 0) > 0)
        #expect(document["hits"] == 1)
        #expect(document["time_saved_seconds"]?.double == 2.5)
        #expect(document["max_size"] == 1_048_576)

        let text = CLIHarness()
        #expect(text.run(["-C", folder.path, "cache", "stats"]) == 0)
        #expect(text.stdout.contains("of 1.0 MiB cap"))
        #expect(text.stdout.contains("Hits   1, misses 0"))
    }

    @Test func statsOfAProjectWithoutAStoreCreatesNothing() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "stats"]) == 0)
        #expect(cli.stdout.contains("(not created yet)"))
        #expect(!FileSystem().exists(folder.path(".helpcache")))
    }

    @Test func cleanRemovesTheKindsEntriesAndSaysWhat() throws {
        let folder = try project()
        try storeResult(folder)
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "clean", "--kind", "test"]) == 0)
        #expect(cli.stdout.contains("Removed 1 tests entry"))
        #expect(try CacheStore(projectRoot: folder.path).entries().isEmpty)
        #expect(explain(folder).out.contains("no entry yet"))
    }

    @Test func cleanOfLogsOrAnUnknownKindIsAUsageError() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "clean", "--kind", "logs"]) == 64)
        #expect(cli.stderr.contains("Logs and backups are not cache entries"))
    }

    @Test func pruneDryRunListsEntriesWithoutRemovingThem() throws {
        let folder = try project()
        let first = try storeResult(folder)
        try folder.write(["server/app/main.py": "app = 3\n"])
        let second = try storeResult(folder)

        let dry = CLIHarness()
        #expect(dry.run(["-C", folder.path, "cache", "prune", "--max-size", "1", "--dry-run"]) == 0)
        #expect(dry.stdout.contains("would remove tests/" + first.hex.prefix(12)))
        #expect(dry.stdout.contains("would remove tests/" + second.hex.prefix(12)))
        #expect(try CacheStore(projectRoot: folder.path).entries().count == 2)

        let real = CLIHarness()
        #expect(real.run(["-C", folder.path, "cache", "prune", "--max-size", "1"]) == 0)
        #expect(real.stdout.contains("removed tests/" + first.hex.prefix(12)))
        #expect(try CacheStore(projectRoot: folder.path).entries().isEmpty)
    }

    @Test func pruneRejectsASizeItCannotRead() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "prune", "--max-size", "lots"]) == 64)
        #expect(cli.stderr.contains("'lots' is not a size"))
    }

    // MARK: - explain

    @Test func explainSaysNoEntryYetThenHit() throws {
        let folder = try project()
        #expect(explain(folder).out.contains("no entry yet"))
        try storeResult(folder)
        let (code, out) = explain(folder)
        #expect(code == 0)
        #expect(out.contains("hit: nothing changed"))
    }

    @Test func explainNamesEditedAddedAndDeletedFiles() throws {
        let folder = try project()
        try storeResult(folder)
        try folder.write(["server/app/main.py": "app = 42\n", "server/app/extra.py": "x = 1\n"])
        try FileSystem().remove(folder.path("server/tests/test_main.py"))
        let out = explain(folder).out
        #expect(out.contains("modified (1):\n    app/main.py"))
        #expect(out.contains("added (1):\n    app/extra.py"))
        #expect(out.contains("removed (1):\n    tests/test_main.py"))
    }

    @Test func fileRewrittenWithTheSameContentIsStillAHit() throws {
        let folder = try project()
        try storeResult(folder)
        try folder.write(["server/app/main.py": "app = 1\n"])
        #expect(explain(folder).out.contains("hit: nothing changed"))
    }

    @Test func changedDeclaredVariableIsNamedButItsValueNeverShown() throws {
        let folder = try project()
        try storeResult(folder)
        try folder.write(["help.json": Self.helpJSON(token: "second-secret-value")])
        let (code, out) = explain(folder)
        #expect(code == 0)
        #expect(out.contains("environment: API_TOKEN"))
        #expect(!out.contains("secret-value"))

        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "explain", "server", "--json"]) == 0)
        let document = try JSONValue.parse(cli.stdout)
        #expect(document["verdict"]?.string == "miss")
        #expect(document["environment"] == ["API_TOKEN"])
        #expect(!cli.stdout.contains("secret-value"))
    }

    @Test func explainOfAnUnknownComponentSuggestsTheKnownOnes() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "explain", "sever"]) == 64)
        #expect(cli.stderr.contains("did you mean 'server'?"))
    }

    // MARK: - key and the subcommand table

    @Test func keyPrintsTheProbeSummary() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "cache", "key", "server"]) == 0)
        let words = cli.stdout.split(separator: " ")
        #expect(words.first?.count == 64)
        #expect(words.dropFirst().first == "files=3")
        #expect(cli.stdout.contains(" source=walker "))
    }

    @Test func optionsOfAnotherSubcommandAndMissingArgumentsAreUsageErrors() throws {
        let folder = try project()
        let misplaced = CLIHarness()
        #expect(misplaced.run(["-C", folder.path, "cache", "stats", "--dry-run"]) == 64)
        #expect(misplaced.stderr.contains("--dry-run does not apply to 'help cache stats'"))
        let missing = CLIHarness()
        #expect(missing.run(["-C", folder.path, "cache", "explain"]) == 64)
        #expect(missing.stderr.contains("missing argument COMPONENT"))
        let unknown = CLIHarness()
        #expect(unknown.run(["-C", folder.path, "cache", "stat"]) == 64)
        #expect(unknown.stderr.contains("did you mean 'stats'?"))
    }

    @Test func cacheHelpListsEveryFormAndExamples() {
        let cli = CLIHarness()
        #expect(cli.run(["cache", "--help"]) == 0)
        for form in CacheCommand.subcommands.map(\.usage) { #expect(cli.stdout.contains("help cache " + form)) }
        #expect(cli.stdout.contains("Examples:\n  help cache stats\n"))
    }
}
