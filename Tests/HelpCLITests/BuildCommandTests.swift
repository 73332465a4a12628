import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// `help build` argument handling, and the VERSION file a release tarball of `help` is named from.
@Suite struct BuildCommandTests {
    @Test func jobsMustBeAPositiveNumber() {
        let cli = CLIHarness()
        #expect(cli.run(["build", "-j", "0"]) == 64)
        #expect(cli.stderr.contains("error: --jobs takes a positive number, not '0'"))
    }

    @Test func releaseTarballVersionAgreesWithTheBinarysVersion() throws {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let file = parts.joined(separator: "/") + "/VERSION"
        let version = try FileSystem().readText(file).split(separator: "\n").first.map(String.init)
        #expect(version == HelpVersion.number)
    }
}
