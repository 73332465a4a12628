import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The decisions `--changed` takes from a coverage record: which edits it can vouch for, which
/// tests they reach, and every case it leaves to the static import graph.
struct CoverageRecordTests {
    typealias Summary = CoverageRecord.Summary
    typealias Function = CoverageRecord.Function

    /// app/security.py: `hash_password` (lines 3-5), `verify` (7-9, cached); app/db.py: `connect`
    /// (2-4), whose line 3 runs in a fixture.
    let record = CoverageRecord(
        recorded: "2026-12-06T00:00:00.000Z", context: "ctx",
        inputs: [
            "app/security.py": "s1", "app/db.py": "d1", "tests/test_security.py": "t1",
            "tests/test_db.py": "t2", "tests/conftest.py": "c1", "README.md": "r1",
        ],
        tests: [
            "tests/test_security.py::test_hash": ["app/security.py"],
            "tests/test_security.py::test_verify[a]": ["app/security.py", "app/db.py"],
            "tests/test_db.py::test_connect": ["app/db.py"],
        ],
        shared: ["app/db.py": [3]],
        summaries: [
            "app/security.py": Summary(
                module: "m1",
                functions: [
                    Function(digest: "h1", lines: 3...5, shared: false),
                    Function(digest: "v1", lines: 7...9, shared: true),
                ]),
            "app/db.py": Summary(module: "m2", functions: [Function(digest: "c1", lines: 2...4, shared: false)]),
            "app/broken.py": nil,
        ])

    func choose(_ changed: [String], added: [String] = [], removed: [String] = [], new: [String: Summary?] = [:])
        -> CoverageRecord.Choice
    {
        record.choose(changed: changed, added: added, removed: removed, newSummaries: new)
    }

    func security(hash: String = "h1", verify: String = "v1", module: String = "m1") -> Summary {
        Summary(
            module: module,
            functions: [
                Function(digest: hash, lines: 3...5, shared: false),
                Function(digest: verify, lines: 7...9, shared: true),
            ])
    }

    @Test func aFunctionBodyEditSelectsExactlyTheTestsThatExecutedItsFile() {
        #expect(
            choose(["app/security.py"], new: ["app/security.py": security(hash: "h2")])
                == .run(
                    tests: ["tests/test_security.py::test_hash", "tests/test_security.py::test_verify[a]"], files: []))
    }

    @Test func anEditedTestFileRunsWholeAndIsNotAlsoListedByNode() {
        #expect(
            choose(["app/security.py", "tests/test_security.py"], new: ["app/security.py": security(hash: "h2")])
                == .run(tests: [], files: ["tests/test_security.py"]))
        #expect(choose([], added: ["tests/test_new.py"]) == .run(tests: [], files: ["tests/test_new.py"]))
    }

    @Test func whatTheRecordCannotVouchForFallsBack() {
        let cases: [(CoverageRecord.Choice, String)] = [
            (choose(["tests/conftest.py"]), "tests/conftest.py configures every test"),
            (choose([], added: ["app/new.py"]), "app/new.py is new since the coverage record"),
            (choose([], removed: ["app/db.py"]), "app/db.py is gone since the coverage record"),
            (choose(["README.md"]), "README.md is not a Python module"),
            (choose(["app/other.py"]), "coverage did not measure app/other.py"),
            (choose(["app/broken.py"]), "app/broken.py could not be parsed"),
            (choose(["app/security.py"], new: ["app/security.py": nil]), "app/security.py could not be parsed"),
            (
                choose(["app/security.py"], new: ["app/security.py": security(module: "m9")]),
                "app/security.py changed outside function bodies"
            ),
            (
                choose(["app/security.py"], new: ["app/security.py": security(verify: "v2")]),
                "app/security.py: a changed function keeps state between tests"
            ),
            (
                choose(
                    ["app/db.py"],
                    new: [
                        "app/db.py": Summary(
                            module: "m2", functions: [Function(digest: "c2", lines: 2...4, shared: false)])
                    ]),
                "app/db.py: a changed function runs at import or in a fixture"
            ),
        ]
        for (choice, reason) in cases { #expect(choice == .fallBack(reason)) }
    }

    @Test func anUnchangedShapeReachesNothing() {
        #expect(choose(["app/security.py"], new: ["app/security.py": security()]) == .run(tests: [], files: []))
    }

    @Test func differencesAndTheFilesWhoseShapeIsNeeded() {
        var current = record.inputs
        current["app/security.py"] = "s2"
        current["tests/test_db.py"] = "t3"
        current["app/new.py"] = "n1"
        current["README.md"] = nil
        let found = record.differences(from: current)
        #expect(found.changed == ["app/security.py", "tests/test_db.py"])
        #expect(found.added == ["app/new.py"])
        #expect(found.removed == ["README.md"])
        #expect(record.needingSummaries(found.changed + ["tests/conftest.py", "app/broken.py"]) == ["app/security.py"])
    }

    @Test func aSavedRecordLoadsBackEqualAndNodeIdsNameTheirFile() throws {
        let folder = TempDir(prefix: "help-coverage-record")
        let path = folder.path("test-impact/server.json")
        try record.save(path)
        #expect(CoverageRecord.load(path) == record)
        #expect(CoverageRecord.load(folder.path("missing.json")) == nil)
        #expect(CoverageRecord.file(of: "tests/test_a.py::TestX::test_y[1]") == "tests/test_a.py")
        #expect(CoverageRecord.file(of: "tests/test_a.py::test_y[a::b]") == "tests/test_a.py")
    }
}
