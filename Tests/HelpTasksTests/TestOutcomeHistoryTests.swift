import HelpCache
import HelpProject
import HelpSystem
import HelpTasks
import HelpTestSupport
import Testing

/// The per-key outcome history of `help test`: a damaged file is a warning and no history.
@Suite struct TestOutcomeHistoryTests {
    @Test(arguments: ["failed garbage\u{0}\n", "passd\nfailed\n"])
    func damagedHistoryIsAWarningAndNoHistory(text: String) throws {
        let folder = try TempDir.project(["help.json": "{}\n"])
        final class Warnings: @unchecked Sendable { var lines: [String] = [] }
        let warnings = Warnings()
        let store = try CacheStore(projectRoot: folder.path, warn: { warnings.lines.append($0) })
        let cache = TestResultCache(store: store, project: try Project.load(from: folder.path))
        let key = SHA256.hash("inputs")
        let path = store.stateDirectory + "/test-outcomes/" + key.hex
        try FileSystem().createDirectories(store.stateDirectory + "/test-outcomes")
        try FileSystem().writeAtomically(path, Array(text.utf8))

        #expect(cache.remember(.passed, key: key) == false, "a damaged file says nothing about a failure")
        #expect(warnings.lines == ["ignoring the damaged test outcome file \(path)"])
        #expect(try FileSystem().readText(path) == "passed\n")
    }

    @Test func wellFormedHistoryStillSeesTheOtherOutcome() throws {
        let folder = try TempDir.project(["help.json": "{}\n"])
        let store = try CacheStore(projectRoot: folder.path)
        let cache = TestResultCache(store: store, project: try Project.load(from: folder.path))
        let key = SHA256.hash("inputs")
        #expect(cache.remember(.failed, key: key) == false)
        #expect(cache.remember(.passed, key: key) == true)
    }
}
