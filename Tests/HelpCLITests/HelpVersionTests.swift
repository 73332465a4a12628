import HelpTestSupport
import Testing

@testable import HelpCLI

@Suite struct HelpVersionTests {
    @Test func commitIsTheFirstLineOfTheFileBesideTheBinary() throws {
        let folder = try TempDir.project(["help.commit": "1a2b3c4-dirty\n"])
        #expect(HelpVersion.commit(besideExecutable: folder.path + "/help") == "1a2b3c4-dirty")
    }

    @Test func commitIsUnknownWithoutTheFile() {
        let folder = TempDir()
        #expect(HelpVersion.commit(besideExecutable: folder.path + "/help") == "unknown")
        #expect(HelpVersion.commit(besideExecutable: nil) == "unknown")
    }

    @Test func versionLineNamesNumberAndCommit() {
        #expect(HelpVersion(number: "1.2.3", commit: "abc").line == "help 1.2.3 (commit abc)")
    }
}
