import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

/// A component `app/` in a project whose results are cached; each test changes one thing.
private struct Workspace {
    let project: TempDir
    let store: CacheStore
    let scanner: InputScanner
    let hasher = CountingHasher()

    init() throws {
        project = try TempDir.project([
            "app/main.py": "print('hi')\n", "app/util.py": "X = 1\n", "app/tests/test_main.py": "def test(): pass\n",
        ])
        Files.ageAll(project.path)
        store = try CacheStore(projectRoot: project.path)
        scanner = InputScanner(stateDirectory: store.stateDirectory, runner: nil, hasher: hasher)
    }

    /// The key and manifest of `pytest` in `app/` under `environment` and `python`.
    func current(environment: [String: String] = ["DEBUG": "1"], python: String = "3.11.9") throws -> (
        key: Digest, manifest: InputManifest
    ) {
        let inputs = try scanner.scan(folder: project.path("app"))
        var builder = CacheKeyBuilder(
            action: "test", component: "app", command: ["pytest", "-q"], tools: ["python": python])
        builder.declare(["DEBUG", "DATABASE_URL"], from: environment)
        return builder.build(files: inputs.files, salt: try ProjectSalt.load(stateDirectory: store.stateDirectory))
    }

    /// Runs "the tests" once: computes the key and stores a result under it.
    func storeResult(environment: [String: String] = ["DEBUG": "1"]) throws {
        let (key, manifest) = try current(environment: environment)
        try store.save(
            kind: .tests, key: key, manifest: manifest, payload: ["result.json": Array("{\"passed\":3}".utf8)],
            duration: 4.5)
    }

    func explain(environment: [String: String] = ["DEBUG": "1"], python: String = "3.11.9") throws -> CacheExplanation {
        let (key, manifest) = try current(environment: environment, python: python)
        return store.explain(kind: .tests, key: key, manifest: manifest)
    }
}

@Suite struct CacheExplanationTests {
    @Test("nothing stored yet is a first run")
    func firstRun() throws {
        let workspace = try Workspace()
        #expect(try workspace.explain().verdict == .firstRun)
    }

    @Test("an unchanged component is a hit")
    func unchangedIsHit() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        let explanation = try workspace.explain()
        #expect(explanation.verdict == .hit)
        #expect(!explanation.hasDifferences)
    }

    @Test("touching a file without changing it is still a hit")
    func touchedFileIsHit() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        Files.touch(workspace.project.path("app/util.py"))
        #expect(try workspace.explain().verdict == .hit)
        #expect(workspace.hasher.takeReads(under: workspace.project.path("app")).contains("util.py"))
    }

    @Test("editing one file is a miss naming that file as modified")
    func editedFile() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        try workspace.project.write(["app/util.py": "X = 2\n"])
        let explanation = try workspace.explain()
        #expect(explanation.verdict == .miss)
        #expect(explanation.modifiedFiles == ["util.py"])
        #expect(explanation.addedFiles.isEmpty && explanation.removedFiles.isEmpty)
        #expect(explanation.environmentChanged.isEmpty && explanation.toolsChanged.isEmpty)
    }

    @Test("adding a file is a miss naming it as added")
    func addedFile() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        try workspace.project.write(["app/tests/test_new.py": "def test_new(): pass\n"])
        let explanation = try workspace.explain()
        #expect(explanation.verdict == .miss)
        #expect(explanation.addedFiles == ["tests/test_new.py"])
        #expect(explanation.modifiedFiles.isEmpty && explanation.removedFiles.isEmpty)
    }

    @Test("deleting a file is a miss naming it as removed")
    func removedFile() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        Files.remove(workspace.project.path("app/main.py"))
        let explanation = try workspace.explain()
        #expect(explanation.removedFiles == ["main.py"])
        #expect(explanation.addedFiles.isEmpty && explanation.modifiedFiles.isEmpty)
    }

    @Test("changing a declared variable is a miss naming the variable, never its value")
    func changedVariable() throws {
        let workspace = try Workspace()
        try workspace.storeResult(environment: ["DEBUG": "1", "DATABASE_URL": "postgres://old-secret"])
        let explanation = try workspace.explain(environment: ["DEBUG": "1", "DATABASE_URL": "postgres://new-secret"])
        #expect(explanation.verdict == .miss)
        #expect(explanation.environmentChanged == ["DATABASE_URL"])
        #expect(explanation.modifiedFiles.isEmpty)
        #expect(!explanation.lines().joined().contains("secret"))
    }

    @Test("an unset variable differs from an empty one")
    func unsetDiffersFromEmpty() throws {
        let workspace = try Workspace()
        try workspace.storeResult(environment: ["DEBUG": "1"])
        let explanation = try workspace.explain(environment: ["DEBUG": "1", "DATABASE_URL": ""])
        #expect(explanation.environmentChanged == ["DATABASE_URL"])
    }

    @Test("a new tool version is a miss naming the tool and both versions")
    func changedTool() throws {
        let workspace = try Workspace()
        try workspace.storeResult()
        let explanation = try workspace.explain(python: "3.12.1")
        #expect(
            explanation.toolsChanged == [CacheExplanation.Change(name: "python", before: "3.11.9", after: "3.12.1")])
        #expect(explanation.lines().contains("  tool python: 3.11.9 -> 3.12.1"))
    }
}
