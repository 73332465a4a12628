import HelpTestSupport
import Testing

@testable import HelpSystem

/// Which program a command name runs: `HELP_<TOOL>` first, then PATH; missing tools are a clear
/// `.unavailable` error.
@Suite struct ToolLookupTests {
    let console = BufferConsole().console

    @Test func overrideVariableIsUpperCaseWithUnderscores() {
        #expect(ToolLookup.overrideVariable(for: "pip-compile") == "HELP_PIP_COMPILE")
        #expect(ToolLookup.overrideVariable(for: "python3.11") == "HELP_PYTHON3_11")
        #expect(ToolLookup.overrideVariable(for: "tailscale") == "HELP_TAILSCALE")
    }

    @Test func helpToolVariableBeatsPath() throws {
        let fakes = FakeTool()
        try fakes.install("git", stdout: "on path\n")
        let special = try fakes.install("special-git", stdout: "override\n")
        let runner = PosixProcessRunner(
            environment: ["PATH": fakes.searchPath(), "HELP_GIT": special], console: console)
        #expect(runner.locate("git") == special)
        #expect(try runner.run(Command("git", ["status"])).stdout == "override\n")
        #expect(fakes.invocations(of: "special-git").map(\.arguments) == [["status"]])
        #expect(fakes.invocations(of: "git").isEmpty)
    }

    @Test func pathOfTheCommandEnvironmentIsSearched() throws {
        let fakes = FakeTool()
        try fakes.install("only-here", stdout: "found\n")
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: console)
        #expect(runner.locate("only-here") == nil)
        let result = try runner.run(Command("only-here", environment: ["PATH": fakes.searchPath()]))
        #expect(result.stdout == "found\n")
    }

    @Test func missingToolIsUnavailableWithAHint() {
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: console)
        #expect(runner.locate("no-such-tool-here") == nil)
        do {
            _ = try runner.run(Command("no-such-tool-here"))
            Issue.record("a missing tool must throw")
        } catch let error as HelpError {
            #expect(error.code == .unavailable)
            #expect(error.hint?.contains("HELP_NO_SUCH_TOOL_HERE") == true)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func brokenOverrideIsReportedAsSuch() {
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin", "HELP_CAT": "/nowhere/cat"], console: console)
        #expect(throws: HelpError.self) { try runner.run(Command("cat")) }
        #expect(runner.locate("cat") == nil)
    }

    @Test func relativePathIsTakenFromTheCommandFolder() throws {
        let project = try TempDir.project(["tools/hello": "#!/bin/sh\necho relative\n"])
        try FileSystem().writeAtomically(
            project.path("tools/hello"), Array("#!/bin/sh\necho relative\n".utf8), mode: 0o755)
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: console)
        let result = try runner.run(Command("./tools/hello", workingDirectory: project.path))
        #expect(result.stdout == "relative\n")
    }

    @Test func directoriesAndPlainFilesOnPathAreSkipped() throws {
        let project = try TempDir.project(["a/tool/": "", "b/tool": "not executable", "c/tool": "#!/bin/sh\necho c\n"])
        try FileSystem().writeAtomically(project.path("c/tool"), Array("#!/bin/sh\necho c\n".utf8), mode: 0o755)
        let lookup = ToolLookup(environment: [
            "PATH": "\(project.path("a")):relative:\(project.path("b")):\(project.path("c"))"
        ])
        #expect(lookup.locate("tool") == project.path("c/tool"))
    }

    @Test func missingWorkingFolderIsAnIOError() {
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: console)
        #expect(throws: HelpError.io("cannot run true in /no/such/folder: no such folder")) {
            try runner.run(Command("true", workingDirectory: "/no/such/folder"))
        }
    }
}
