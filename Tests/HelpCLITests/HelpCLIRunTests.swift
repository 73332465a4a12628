import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct HelpCLIRunTests {
    let commands = [GreetCommand.spec]

    // MARK: - Dispatch and rendering

    @Test func commandResultGoesToStdoutAndExitsZero() {
        let cli = CLIHarness()
        #expect(cli.run(["greet", "-g", "hi", "world"], commands: commands) == 0)
        #expect(cli.stdout == "hi world\n")
        #expect(cli.stderr.isEmpty)
    }

    @Test func globalOptionsWorkBeforeAndAfterTheCommandName() throws {
        let cli = CLIHarness()
        #expect(cli.run(["-C", "/", "greet", "world", "--json"], commands: commands) == 0)
        let document = try JSONValue.parse(cli.stdout)
        #expect(document["greeting"]?.string == "hello world")
        #expect(document["folder"]?.string == "/")
    }

    @Test func reportFailurePrintsTheResultThenTheErrorAndSetsTheExitCode() {
        let cli = CLIHarness()
        #expect(cli.run(["greet", "world", "--fail"], commands: commands) == 69)
        #expect(cli.stdout == "hello world\n")
        #expect(cli.stderr == "error: greeting failed\nhint: Try again.\n")
    }

    @Test func reportFailureUnderJSONStillPrintsTheDocument() throws {
        let cli = CLIHarness()
        #expect(cli.run(["--json", "greet", "world", "--fail"], commands: commands) == 69)
        #expect(try JSONValue.parse(cli.stdout)["greeting"]?.string == "hello world")
    }

    // MARK: - Errors

    @Test func unknownCommandExits64WithASuggestion() {
        let cli = CLIHarness()
        #expect(cli.run(["gret"], commands: commands) == 64)
        #expect(
            cli.stderr == "error: unknown command 'gret'\nhint: did you mean 'greet'? Run 'help --help' for the list.\n"
        )
        #expect(cli.stdout.isEmpty)
    }

    @Test func errorUnderJSONIsADocumentOnStdout() throws {
        let cli = CLIHarness()
        #expect(cli.run(["--json", "greet", "world", "--colr=never"], commands: commands) == 64)
        let error = try #require(try JSONValue.parse(cli.stdout)["error"])
        #expect(error["message"]?.string == "unknown option '--colr'")
        #expect(error["hint"]?.string == "did you mean '--color'? Run 'help greet --help' for its options.")
        #expect(error["code"]?.int == 64)
        #expect(cli.stderr.isEmpty)
    }

    @Test func badChoiceAndMissingArgumentAreUsageErrors() {
        #expect(CLIHarness().run(["greet", "-g", "yo", "world"], commands: commands) == 64)
        let cli = CLIHarness()
        #expect(cli.run(["greet"], commands: commands) == 64)
        #expect(cli.stderr.hasPrefix("error: missing argument NAME\n"))
    }

    @Test func missingProjectFolderIsAnIOErrorNamingIt() {
        let cli = CLIHarness()
        #expect(cli.run(["-C", "/nonexistent-help-folder", "greet", "x"], commands: commands) == 74)
        #expect(cli.stderr.hasPrefix("error: no such folder /nonexistent-help-folder\nhint: -C takes"))
    }

    @Test func projectFolderThatIsAFileIsAnIOError() throws {
        let folder = try TempDir.project(["notes.txt": "x\n"])
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path("notes.txt"), "greet", "x"], commands: commands) == 74)
        #expect(cli.stderr.hasPrefix("error: \(folder.path("notes.txt")) is not a folder\n"))
    }

    @Test(.enabled(if: geteuid() != 0, "permissions do not stop root"))
    func unreadableProjectFolderIsAnIOErrorNamingIt() throws {
        let folder = TempDir()
        try FileSystem().createDirectories(folder.path("locked"))
        #expect(chmod(folder.path("locked"), 0) == 0)
        defer { _ = chmod(folder.path("locked"), 0o755) }
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path("locked"), "greet", "x"], commands: commands) == 74)
        #expect(cli.stderr.hasPrefix("error: cannot read \(folder.path("locked")): Permission denied\n"))
    }

    @Test func verboseAndQuietTogetherAreRefused() {
        #expect(CLIHarness().run(["-qv", "greet", "x"], commands: commands) == 64)
    }

    @Test func interruptedRunExits130InsteadOfPrintingItsReport() throws {
        let cli = CLIHarness()
        #expect(cli.run(["greet", "world"], commands: commands, interruptedBy: 2) == 130)
        #expect(cli.stdout.isEmpty)
        #expect(cli.stderr == "error: interrupted (SIGINT)\n")
        let json = CLIHarness()
        #expect(json.run(["--json", "greet", "world"], commands: commands, interruptedBy: 2) == 130)
        #expect(try JSONValue.parse(json.stdout)["error"]?["code"] == 130)
    }

    @Test func colorFollowsTheTerminalAndTheColorOption() {
        let plain = CLIHarness()
        #expect(plain.run(["nosuch"], commands: commands, environment: ["TERM": "xterm"], terminal: true) == 64)
        #expect(plain.stderr.hasPrefix("\u{1B}[31merror:"))
        let never = CLIHarness()
        #expect(
            never.run(["--color=never", "nosuch"], commands: commands, environment: ["TERM": "xterm"], terminal: true)
                == 64)
        #expect(never.stderr.hasPrefix("error:"))
        let noColor = CLIHarness()
        #expect(
            noColor.run(
                ["nosuch"], commands: commands, environment: ["TERM": "xterm", "NO_COLOR": "1"], terminal: true) == 64)
        #expect(noColor.stderr.hasPrefix("error:"))
    }

    // MARK: - Help and version

    @Test func overviewListsCommandsWithSummariesAndGlobalOptions() {
        let cli = CLIHarness()
        #expect(cli.run(["--help"], commands: commands) == 0)
        #expect(cli.stdout.contains("  greet  Say hello to someone\n"))
        #expect(cli.stdout.contains("-C, --project DIR"))
        #expect(cli.stdout.contains("--color WHEN"))
    }

    @Test func noArgumentsShowsTheOverview() {
        let cli = CLIHarness()
        #expect(cli.run([], commands: commands) == 0)
        #expect(cli.stdout.hasPrefix("help: "))
    }

    @Test func commandHelpShowsUsageOptionsAndExamples() {
        let cli = CLIHarness()
        #expect(cli.run(["greet", "--help"], commands: commands) == 0)
        #expect(cli.stdout.contains("Usage: help greet [OPTIONS] NAME\n"))
        #expect(cli.stdout.contains("-g, --greeting WORD  The word to use (one of: hello, hi)"))
        #expect(cli.stdout.contains("Examples:\n  help greet world\n      Prints 'hello world'\n"))
        #expect(cli.stdout.contains("Global options:"))
    }

    @Test func helpBeforeTheCommandNameShowsTheCommandPage() {
        let cli = CLIHarness()
        #expect(cli.run(["-h", "greet"], commands: commands) == 0)
        #expect(cli.stdout.hasPrefix("help greet: Say hello to someone\n"))
    }

    @Test func versionPrintsNumberAndCommit() throws {
        let cli = CLIHarness()
        #expect(cli.run(["--version"]) == 0)
        #expect(cli.stdout == "help 9.9.9 (commit abc1234)\n")
        let json = CLIHarness()
        #expect(json.run(["--version", "--json"]) == 0)
        #expect(try JSONValue.parse(json.stdout) == ["version": "9.9.9", "commit": "abc1234"])
    }
}
