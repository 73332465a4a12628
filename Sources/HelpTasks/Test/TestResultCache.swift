import HelpCache
import HelpProject
import HelpSystem

/// The result cache of `help test`: one entry per (component, check), keyed by the component's
/// inputs, the inputs of what it depends on, declared env vars, tool versions and the check's
/// command. Only passes are stored as results; every outcome is remembered per key so a key that
/// once passed and once failed is reported `flaky`, and the last failures feed `--rerun-failed`.
public struct TestResultCache: Sendable {
    public let store: CacheStore
    let project: Project

    public init(store: CacheStore, project: Project) {
        self.store = store
        self.project = project
    }

    /// The key of one check, from the component's scanned inputs and its dependencies' digests.
    /// The one function that builds a `help test` key: the run that stores a result and `help cache
    /// explain` that compares with it both call it. Besides help.json's declared variables, every
    /// setting the application reads (its `.env` keys and the database variables, with the value
    /// from the environment or else `.env`) enters as a fingerprint, and a server's tests record
    /// the kind and server of their throwaway database.
    public func key(
        for check: TestCheck, component: Component, inputs: InputSet, dependencyDigests: [String: Digest],
        tools: [String: String], environment: [String: String]
    ) throws -> (key: Digest, manifest: InputManifest) {
        var config = ComponentCacheKey.config(of: component)
        for (name, digest) in dependencyDigests { config["depends_on " + name] = digest.hex }
        let commandEnvironment = ComponentCacheKey.commandEnvironment(of: component, inheriting: environment)
        var names = ComponentCacheKey.declaredNames(of: component)
        var values = commandEnvironment
        if component.kind == .python {
            let folder = project.folder(of: component)
            let settings = TestDatabaseGuard.configuration(folder: folder, environment: commandEnvironment)
            names = Array(Set(names + TestDatabaseGuard.settingNames(folder: folder))).sorted()
            values = settings
            if check.kind == .tests, TestDatabase.wanted(by: component) {
                let configured = try DatabaseLocation.from(configuration: settings, folder: folder)
                config["test database"] = TestDatabaseGuard.kind(of: configured)
            }
        }
        var builder = CacheKeyBuilder(
            action: Self.action(check.kind), component: component.name,
            command: check.identity, tools: tools, config: config)
        builder.declare(names, from: values)
        return builder.build(files: inputs.files, salt: try store.salt())
    }

    /// The stored action word: `test` for the test suite (what `help cache explain` compares), `test-<check>` else.
    public static func action(_ kind: TestCheckKind) -> String {
        kind == .tests ? "test" : "test-" + kind.rawValue
    }

    /// A cached pass for `key`, or nil.
    public func lookup(_ key: Digest) -> TestOutcome? {
        guard let entry = store.lookup(kind: .tests, key: key),
            let bytes = entry.payload["result.json"],
            let json = try? JSONValue.parse(bytes, source: "cached result")
        else { return nil }
        let output = entry.payload["output.txt"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        return TestOutcome(
            status: .passed, passed: json["passed"]?.int, failed: json["failed"]?.int,
            skipped: json["skipped"]?.int, coverage: json["coverage"]?.double ?? json["coverage"]?.int.map(Double.init),
            duration: entry.duration, cached: true, output: output)
    }

    /// Stores a pass (failures are never stored as results).
    public func save(_ outcome: TestOutcome, key: Digest, manifest: InputManifest) throws {
        guard outcome.status == .passed else { return }
        let json: JSONValue = [
            "passed": outcome.passed.map { .int($0) } ?? .null,
            "failed": outcome.failed.map { .int($0) } ?? .null,
            "skipped": outcome.skipped.map { .int($0) } ?? .null,
            "coverage": outcome.coverage.map { .double($0) } ?? .null,
        ]
        try store.save(
            kind: .tests, key: key, manifest: manifest,
            payload: ["result.json": Array(json.encoded(.compact).utf8), "output.txt": Array(outcome.output.utf8)],
            duration: outcome.duration)
    }

    // MARK: - Outcome history

    var historyFolder: String { store.stateDirectory + "/test-outcomes" }

    /// Records `status` for `key` and says whether the same key has seen the other outcome before.
    /// The file lists each outcome seen once, the latest last.
    public func remember(_ status: TestOutcome.Status, key: Digest) -> Bool {
        guard status != .skipped else { return false }
        let fs = FileSystem()
        let path = historyFolder + "/" + key.hex
        let before = seen(key)
        let after = before.filter { $0 != status.rawValue } + [status.rawValue]
        if after != before {
            try? fs.createDirectories(historyFolder)
            try? fs.writeAtomically(path, Array(after.map { $0 + "\n" }.joined().utf8))
        }
        return before.contains(
            status == .passed ? TestOutcome.Status.failed.rawValue : TestOutcome.Status.passed.rawValue)
    }

    /// The latest outcome recorded for `key`, if any.
    public func lastStatus(_ key: Digest) -> TestOutcome.Status? {
        seen(key).last.flatMap(TestOutcome.Status.init(rawValue:))
    }

    func seen(_ key: Digest) -> [String] {
        history(historyFolder + "/" + key.hex).split(separator: "\n").map(String.init)
    }

    var failedListPath: String { store.stateDirectory + "/test-failed" }

    /// The `component/check` pairs that failed in the last run.
    public func lastFailures() -> Set<String> {
        let text = (try? FileSystem().readText(failedListPath)) ?? ""
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// Replaces the list of failures with this run's (keeping failures of checks that did not run).
    public func recordFailures(_ failed: Set<String>, ran: Set<String>) {
        let kept = lastFailures().subtracting(ran).union(failed)
        let fs = FileSystem()
        try? fs.createDirectories(store.stateDirectory)
        try? fs.writeAtomically(failedListPath, Array(kept.sorted().map { $0 + "\n" }.joined().utf8))
    }

    /// The outcomes recorded at `path`, one status a line; a file that cannot be read or holds
    /// anything else is a warning and counts as no history, like the other damaged cache files.
    func history(_ path: String) -> String {
        let fs = FileSystem()
        guard fs.exists(path) else { return "" }
        let known: Set<Substring> = ["passed", "failed", "skipped"]
        if let text = try? fs.readText(path), text.split(separator: "\n").allSatisfy(known.contains) { return text }
        store.warn("ignoring the damaged test outcome file \(path)")
        return ""
    }
}
