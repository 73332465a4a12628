import HelpTestSupport
import Testing

@testable import HelpSystem

/// Fake tools answer as scripted and record exactly how they were called.
@Suite struct FakeToolTests {
    @Test func recordsArgvExactlyIncludingAwkwardCharacters() throws {
        let fakes = FakeTool()
        try fakes.install("pip", stdout: "Successfully installed\n", stderr: "a warning\n", exitCode: 2)
        let folder = TempDir()
        let runner = PosixProcessRunner(
            environment: ["PATH": fakes.searchPath(), "KEEP": "1"], console: BufferConsole().console)
        let arguments = ["install", "two words", "line\nbreak", "it's \"quoted\"", "", "--flag=$HOME", "-"]
        let result = try runner.run(
            Command("pip", arguments, environment: ["EXTRA": "yes"], workingDirectory: folder.path))

        #expect(result.stdout == "Successfully installed\n")
        #expect(result.stderr == "a warning\n")
        #expect(result.termination == .exited(2))
        let calls = fakes.invocations(of: "pip")
        #expect(calls.count == 1)
        #expect(calls.first?.arguments == arguments)
        #expect(calls.first?.environment["EXTRA"] == "yes")
        #expect(calls.first?.environment["KEEP"] == "1")
        #expect(calls.first?.workingDirectory == folder.path)
    }

    @Test func recordsEveryCallInOrderAndStdinWhenAsked() throws {
        let fakes = FakeTool()
        try fakes.install("psql", recordStdin: true)
        let runner = PosixProcessRunner(environment: ["PATH": fakes.searchPath()], console: BufferConsole().console)
        _ = try runner.run(Command("psql", ["-c", "first"], input: .bytes(Array("SELECT 1;".utf8))))
        _ = try runner.run(Command("psql", ["second"]))
        let calls = fakes.invocations(of: "psql")
        #expect(calls.map(\.arguments) == [["-c", "first"], ["second"]])
        #expect(calls.map(\.stdin) == ["SELECT 1;", ""])
    }

    @Test func recordingRunnerAnswersFromHandlersAndRecords() throws {
        let runner = RecordingProcessRunner()
        runner.on("git", stdout: "main\n")
        runner.on("/usr/bin/npm") { command in
            ProcessResult(termination: .exited(command.arguments.first == "ci" ? 0 : 1))
        }
        runner.makeMissing("tailscale")
        #expect(try runner.run(Command("git", ["branch"])).stdout == "main\n")
        #expect(try runner.run(Command("npm", ["ci"])).succeeded)
        #expect(try runner.start(Command("npm", ["test"])).wait().termination == .exited(1))
        #expect(runner.locate("tailscale") == nil)
        #expect(throws: HelpError.self) { try runner.run(Command("tailscale", ["up"])) }
        #expect(runner.commands.map(\.executable) == ["git", "npm", "npm", "tailscale"])
    }

    @Test func projectFixtureWritesNestedFiles() throws {
        let project = try TempDir.project(["server/app/main.py": "print('hi')\n", "help.json": "{}", "empty/": ""])
        #expect(try project.read("server/app/main.py") == "print('hi')\n")
        #expect(FileSystem().isDirectory(project.path("empty")))
    }
}
