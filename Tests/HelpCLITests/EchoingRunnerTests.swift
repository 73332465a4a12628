import HelpTestSupport
import Testing

@testable import HelpCLI

@Suite struct EchoingRunnerTests {
    @Test func verboseShowsEachChildCommandOnStderr() throws {
        let folder = TempDir()
        let cli = CLIHarness()
        _ = cli.run(["-v", "-C", folder.path, "doctor"], runner: RecordingProcessRunner.tools(["git"]))
        #expect(cli.stderr.contains("$ /usr/bin/git --version\n"))
        let quiet = CLIHarness()
        _ = quiet.run(["-C", folder.path, "doctor"], runner: RecordingProcessRunner.tools(["git"]))
        #expect(!quiet.stderr.contains("$ "))
    }
}
