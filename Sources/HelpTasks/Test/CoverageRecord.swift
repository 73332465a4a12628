import Glibc
import HelpCache
import HelpSystem

/// Which files each test of a Python component executed in its last full passing run (coverage.py
/// contexts), with the component's files as they were then. It answers `--changed` only for edits
/// it can vouch for: function bodies of files it measured, and test files; anything else (a new
/// or deleted module, a conftest.py, a non-Python file, code that runs at import or in a shared
/// fixture) is left to the static import graph.
public struct CoverageRecord: Sendable, Equatable {
    /// A module's shape: `module` digests everything but function bodies; one entry per function
    /// body, in source order.
    public struct Summary: Sendable, Equatable {
        public var module: String
        public var functions: [Function]

        public init(module: String, functions: [Function]) {
            self.module = module
            self.functions = functions
        }
    }

    /// One function body: its digest, its lines in the recorded file, and whether it keeps state
    /// between calls (a cache decorator, `global`), so that tests after the first may skip it.
    public struct Function: Sendable, Equatable {
        public var digest: String
        public var lines: ClosedRange<Int>
        public var shared: Bool

        public init(digest: String, lines: ClosedRange<Int>, shared: Bool) {
            self.digest = digest
            self.lines = lines
            self.shared = shared
        }
    }

    /// When the run was recorded (UTC, ISO 8601).
    public var recorded: String
    /// A digest of what the run depended on besides the component's files (tools, dependencies).
    public var context: String
    /// Every file of the component at recording time (relative path -> content digest).
    public var inputs: [String: String]
    /// Test node id -> the component's files it executed (setup, call and teardown).
    public var tests: [String: [String]]
    /// Lines that ran outside any test's call: at import, during collection, in fixtures' setup or
    /// teardown. What runs there once may serve every later test.
    public var shared: [String: Set<Int>]
    /// Every file coverage measured (executed or not); nil when it could not be parsed.
    public var summaries: [String: Summary?]

    public init(
        recorded: String, context: String, inputs: [String: String], tests: [String: [String]],
        shared: [String: Set<Int>], summaries: [String: Summary?]
    ) {
        self.recorded = recorded
        self.context = context
        self.inputs = inputs
        self.tests = tests
        self.shared = shared
        self.summaries = summaries
    }

    /// What to run for the current files.
    public enum Choice: Sendable, Equatable {
        /// These test node ids and whole test files (none of either: nothing the record knows
        /// reaches the change).
        case run(tests: [String], files: [String])
        /// The record cannot vouch for the change, for this reason.
        case fallBack(String)
    }

    /// Files that differ from the record: changed, new and gone.
    public func differences(from current: [String: String]) -> (changed: [String], added: [String], removed: [String]) {
        var changed: [String] = []
        var added: [String] = []
        for (path, digest) in current {
            if let old = inputs[path] {
                if old != digest { changed.append(path) }
            } else {
                added.append(path)
            }
        }
        let removed = inputs.keys.filter { current[$0] == nil }
        return (changed.sorted(), added.sorted(), removed.sorted())
    }

    /// The changed files whose new shape must be known to decide (measured Python modules whose
    /// recorded shape is known: without it the decision falls back whatever the new one is).
    public func needingSummaries(_ changed: [String]) -> [String] {
        changed.filter { !Self.isTestFile($0) && !Self.isConftest($0) && (summaries[$0] ?? nil) != nil }
    }

    /// Decides from the differences and the new shapes of the files `needingSummaries` named.
    public func choose(
        changed: [String], added: [String], removed: [String], newSummaries: [String: Summary?]
    ) -> Choice {
        var files: Set<String> = []
        var reached: Set<String> = []
        for path in (changed + added + removed).sorted() {
            if Self.isConftest(path) { return .fallBack("\(path) configures every test") }
            if Self.isTestFile(path) {
                if added.contains(path) || changed.contains(path) { files.insert(path) }
                continue
            }
            if added.contains(path) { return .fallBack("\(path) is new since the coverage record") }
            if removed.contains(path) { return .fallBack("\(path) is gone since the coverage record") }
            if !path.hasSuffix(".py") { return .fallBack("\(path) is not a Python module") }
            guard let entry = summaries[path] else { return .fallBack("coverage did not measure \(path)") }
            guard let old = entry, let new = newSummaries[path] ?? nil else {
                return .fallBack("\(path) could not be parsed")
            }
            guard old.module == new.module, old.functions.count == new.functions.count else {
                return .fallBack("\(path) changed outside function bodies")
            }
            for (before, after) in zip(old.functions, new.functions) where before.digest != after.digest {
                if before.shared || after.shared {
                    return .fallBack("\(path): a changed function keeps state between tests")
                }
                if let lines = shared[path], before.lines.contains(where: lines.contains) {
                    return .fallBack("\(path): a changed function runs at import or in a fixture")
                }
                reached.insert(path)
            }
        }
        let tests = self.tests.filter { node, executed in
            let file = Self.file(of: node)
            return !files.contains(file) && !removed.contains(file) && executed.contains(where: reached.contains)
        }
        return .run(tests: tests.keys.sorted(), files: files.sorted())
    }

    /// `tests/test_a.py::TestX::test_y[1]` -> `tests/test_a.py`.
    public static func file(of node: String) -> String {
        var index = node.startIndex
        while let colon = node[index...].firstIndex(of: ":") {
            let next = node.index(after: colon)
            if next < node.endIndex, node[next] == ":" { return String(node[..<colon]) }
            index = next
        }
        return node
    }

    static func isConftest(_ path: String) -> Bool { path == "conftest.py" || path.hasSuffix("/conftest.py") }

    static func isTestFile(_ path: String) -> Bool { PythonTestImpact.isTest(path) }
}

// MARK: - Storage

extension CoverageRecord {
    /// `.helpcache/test-impact/<component>.json`.
    public static func path(projectRoot: String, component: String) -> String {
        HelpCacheFolder(projectRoot: projectRoot).path + "/test-impact/"
            + component.split(separator: "/").joined(separator: "_") + ".json"
    }

    /// The record the Python side printed, completed with when, the context and the inputs.
    public static func parse(
        scriptOutput: String, recorded: String, context: String, inputs: [String: String]
    ) throws -> CoverageRecord {
        var document = try JSONValue.parse(scriptOutput, source: "coverage record")
        document["recorded"] = .string(recorded)
        document["context"] = .string(context)
        var listing = JSONObject()
        for (path, digest) in inputs.sorted(by: { $0.key < $1.key }) { listing[path] = .string(digest) }
        document["inputs"] = .object(listing)
        guard let record = CoverageRecord(json: document) else {
            throw HelpError("the coverage record has an unexpected shape")
        }
        return record
    }

    /// Reads a stored record; nil when missing or unreadable.
    public static func load(_ path: String) -> CoverageRecord? {
        guard let bytes = try? FileSystem().readFileIfExists(path),
            let document = try? JSONValue.parse(bytes, source: path)
        else { return nil }
        return CoverageRecord(json: document)
    }

    public func save(_ path: String) throws {
        let fs = FileSystem()
        try fs.createDirectories(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
        try fs.writeAtomically(path, json.encodedBytes())
    }

    init?(json document: JSONValue) {
        guard let recorded = document["recorded"]?.string, let context = document["context"]?.string,
            let inputs = document["inputs"]?.object, let tests = document["tests"]?.object,
            let summaries = document["summaries"]?.object
        else { return nil }
        self.recorded = recorded
        self.context = context
        self.inputs = [:]
        for member in inputs { self.inputs[member.key] = member.value.string ?? "" }
        self.tests = [:]
        for member in tests { self.tests[member.key] = member.value.array?.compactMap(\.string) ?? [] }
        self.shared = [:]
        for member in document["shared"]?.object ?? JSONObject() {
            self.shared[member.key] = Set(member.value.array?.compactMap(\.int) ?? [])
        }
        self.summaries = [:]
        for member in summaries { self.summaries.updateValue(Self.summary(member.value), forKey: member.key) }
    }

    /// `{"module": d, "functions": [[digest, first, last, shared], …]}`; nil for JSON null.
    static func summary(_ value: JSONValue) -> Summary? {
        guard let module = value["module"]?.string else { return nil }
        var functions: [Function] = []
        for entry in value["functions"]?.array ?? [] {
            guard let digest = entry[0]?.string, let first = entry[1]?.int, let last = entry[2]?.int else { continue }
            functions.append(Function(digest: digest, lines: first...max(first, last), shared: entry[3]?.bool ?? true))
        }
        return Summary(module: module, functions: functions)
    }

    var json: JSONValue {
        var document = JSONObject()
        document["recorded"] = .string(recorded)
        document["context"] = .string(context)
        var listing = JSONObject()
        for (path, digest) in inputs.sorted(by: { $0.key < $1.key }) { listing[path] = .string(digest) }
        document["inputs"] = .object(listing)
        var testList = JSONObject()
        for (node, files) in tests.sorted(by: { $0.key < $1.key }) { testList[node] = .strings(files) }
        document["tests"] = .object(testList)
        var sharedList = JSONObject()
        for (path, lines) in shared.sorted(by: { $0.key < $1.key }) {
            sharedList[path] = .array(lines.sorted().map { .int($0) })
        }
        document["shared"] = .object(sharedList)
        var summaryList = JSONObject()
        for (path, summary) in summaries.sorted(by: { $0.key < $1.key }) {
            guard let summary else {
                summaryList[path] = .null
                continue
            }
            var entry = JSONObject()
            entry["module"] = .string(summary.module)
            entry["functions"] = .array(
                summary.functions.map {
                    .array([.string($0.digest), .int($0.lines.lowerBound), .int($0.lines.upperBound), .bool($0.shared)])
                })
            summaryList[path] = .object(entry)
        }
        document["summaries"] = .object(summaryList)
        return .object(document)
    }

    /// Now, as records name their time.
    static func now() -> String { WallTime(seconds: Int64(time(nil))).iso8601 }
}
