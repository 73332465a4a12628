import HelpTestSupport
import Testing

@testable import HelpCLI

@Suite struct HelpVersionTests {
    @Test func versionLineNamesNumberAndCommit() {
        #expect(HelpVersion(number: "1.2.3", commit: "abc").line == "help 1.2.3 (commit abc)")
    }

    @Test func numberAndCommitAreCompiledIn() {
        // Generated from VERSION and git before the build: never the placeholder of a missing file.
        #expect(HelpVersion.current() == HelpVersion(number: BuildInfo.version, commit: BuildInfo.commit))
        #expect(!HelpVersion.number.isEmpty && HelpVersion.number != "0.0.0")
    }
}
