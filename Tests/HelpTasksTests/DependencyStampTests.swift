import HelpCache
import HelpSystem
import HelpTasks
import HelpTestSupport
import Testing

/// Reading a stored dependency stamp: a damaged one is a warning and a miss, never a silent one.
@Suite struct DependencyStampTests {
    @Test(arguments: ["garbage\n", "help-deps-stamp 1\nkey nothex\n", ""])
    func damagedStampIsAWarningAndAMiss(text: String) throws {
        let folder = try TempDir.project([".helpcache/deps/server.stamp": text])
        var warnings: [String] = []
        let path = folder.path(".helpcache/deps/server.stamp")
        #expect(DependencyStamp.load(path, fileSystem: FileSystem()) { warnings.append($0) } == nil)
        #expect(warnings == ["ignoring the damaged dependency stamp \(path); syncing again"])
    }

    @Test func absentStampIsAQuietMissAndAGoodOneReads() throws {
        let folder = TempDir()
        var warnings: [String] = []
        #expect(
            DependencyStamp.load(folder.path("none.stamp"), fileSystem: FileSystem()) { warnings.append($0) } == nil)
        let stamp = DependencyStamp(environment: "/p/.venv", inputs: [.init(name: "platform", text: "linux")])
        try FileSystem().writeAtomically(folder.path("good.stamp"), Array(stamp.serialized.utf8))
        #expect(
            DependencyStamp.load(folder.path("good.stamp"), fileSystem: FileSystem()) { warnings.append($0) } == stamp)
        #expect(warnings.isEmpty)
    }
}
