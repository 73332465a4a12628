import HelpTestSupport
import Testing

@testable import HelpSystem

/// The per-invocation log records every child fully and never holds a secret.
@Suite struct CommandLogTests {
    @Test func logRecordsCommandFolderStatusAndOutputWithSecretsRedacted() throws {
        let root = TempDir()
        let log = CommandLog(path: CommandLog.path(root: root.path, command: "run", at: WallTime(seconds: 0)))
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console, log: log)
        let command = Command(
            "sh", ["-c", "echo \"token is $API_TOKEN\"; echo oops >&2; exit 4"],
            environment: ["DEBUG": "1"], secrets: ["API_TOKEN": Secret("tok-123456789")], workingDirectory: root.path)
        let result = try runner.run(command)
        #expect(result.stdout == "token is tok-123456789\n")

        #expect(log.path == root.path + "/.helpcache/logs/19700101-000000-run.log")
        let text = try FileSystem().readText(log.path)
        #expect(!text.contains("tok-123456789"))
        #expect(text.contains("cd \(root.path) && env DEBUG=1 API_TOKEN=*** sh -c"))
        #expect(text.contains("token is ***"))
        #expect(text.contains("oops"))
        #expect(text.contains("exit 4 after"))
        #expect(try FileSystem().stat(log.path).permissions == 0o600)
    }

    @Test func streamedLinesAreLoggedAsTheyArriveAndSecretsOfEarlierCommandsStayRedacted() throws {
        let root = TempDir()
        let log = CommandLog(path: root.path("help.log"))
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console, log: log)
        _ = try runner.run(Command("true", secrets: ["DB_PASSWORD": Secret("hunter2-db")]))
        _ = try runner.run(Command("echo", ["leaked hunter2-db", "plain"], output: .stream(prefix: "x")))
        let text = try FileSystem().readText(log.path)
        #expect(text.contains("out| leaked *** plain"))
        #expect(!text.contains("hunter2-db"))
    }

    @Test func commandMarkedNotToLogStdoutLeavesOnlyItsSizeAndKeepsStderr() throws {
        let root = TempDir()
        let log = CommandLog(path: root.path("help.log"))
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console, log: log)
        var command = Command("sh", ["-c", "printf '%s-%s\\n' listing data; echo warning-text >&2"])
        command.logsStdout = false
        let result = try runner.run(command)
        #expect(result.stdout == "listing-data\n")
        let text = try FileSystem().readText(log.path)
        #expect(!text.contains("listing-data"))
        #expect(text.contains("stdout: 13 bytes, not logged"))
        #expect(text.contains("warning-text"))
    }

    @Test func logFileIsCreatedOnlyWhenSomethingIsWritten() throws {
        let root = TempDir()
        let log = CommandLog(path: root.path("logs/never.log"))
        #expect(!FileSystem().exists(log.path))
        log.note("help test --server")
        #expect(try FileSystem().readText(log.path).hasSuffix(" help test --server\n"))
    }

    @Test func commandDescriptionShowsEnvironmentChangesRetypeably() {
        let command = Command(
            "pytest", ["-k", "not slow"], environment: ["A": "x y"], inheritEnvironment: false,
            unsetEnvironment: ["VIRTUAL_ENV"], secrets: ["KEY": Secret("abcdef")])
        #expect(CommandLog.describe(command) == "env -i -u VIRTUAL_ENV 'A=x y' KEY=*** pytest -k 'not slow'")
    }
}
