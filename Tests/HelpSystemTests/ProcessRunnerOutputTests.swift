import HelpTestSupport
import Testing

@testable import HelpSystem

/// What a child prints reaches the result whole, however much and in whatever order.
@Suite struct ProcessRunnerOutputTests {
    let runner = PosixProcessRunner(
        environment: ["PATH": "/usr/bin:/bin"], console: Console(style: .init(), stdout: { _ in }, stderr: { _ in }))

    @Test func capturesStdoutStderrAndExitStatus() throws {
        let result = try runner.run(Command("sh", ["-c", "echo out; echo err >&2; exit 3"]))
        #expect(result.stdout == "out\n")
        #expect(result.stderr == "err\n")
        #expect(result.termination == .exited(3))
        #expect(!result.succeeded)
    }

    @Test func moreThanAMegabyteOnBothStreamsArrivesWithoutDeadlock() throws {
        // 20000 lines of 64 bytes on each stream, interleaved: 1.28 MB each, far past a pipe buffer.
        let script = """
            line=$(printf '%063d' 0)
            i=0
            while [ $i -lt 20000 ]; do echo "$line"; echo "$line" >&2; i=$((i+1)); done
            """
        let result = try runner.run(Command("sh", ["-c", script]))
        #expect(result.succeeded)
        #expect(result.stdout.utf8.count == 20000 * 64)
        #expect(result.stderr.utf8.count == 20000 * 64)
    }

    @Test func aFloodingForegroundStepIsCutShortOnTheConsoleAndLongLinesAreCut() throws {
        let output = BufferConsole()
        let streaming = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: output.console)
        let script = "head -c 10000 /dev/zero | tr '\\0' x; echo; seq 1 25000"
        let result = try streaming.run(Command("sh", ["-c", script], output: .stream(prefix: "step")))
        #expect(result.succeeded)
        let lines = output.stderrLines.filter { $0.hasPrefix("step |") }
        #expect(lines.count == ConsoleBudget.foregroundLines + 1)
        #expect(lines.first?.hasSuffix("… (5904 more bytes)") == true)
        #expect(lines.last?.contains("more output not shown here") == true)
        // A background service is never cut off, however long it runs.
        let service = BufferConsole()
        let background = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: service.console)
        let served = try background.run(
            Command("seq", ["1", "25000"], output: .stream(prefix: "srv"), newProcessGroup: true))
        #expect(served.succeeded)
        #expect(service.stderrLines.filter { $0.hasPrefix("srv |") }.count == 25000)
    }

    @Test func stdinBytesReachTheChild() throws {
        let bytes = Array("first line\nsecond line\n".utf8)
        let result = try runner.run(Command("cat", input: .bytes(bytes)))
        #expect(result.stdout == "first line\nsecond line\n")
    }

    @Test func largeStdinIsFedWhileOutputIsDrained() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 2_000_000)
        let result = try runner.run(Command("cat", input: .bytes(bytes)))
        #expect(result.stdout.utf8.count == 2_000_000)
    }

    @Test func stdinIsEmptyByDefault() throws {
        let result = try runner.run(Command("cat"))
        #expect(result.succeeded)
        #expect(result.stdout.isEmpty)
    }

    @Test func environmentAndFolderReachTheChild() throws {
        let folder = TempDir()
        let command = Command(
            "sh", ["-c", "pwd; echo \"$GREETING\"; echo \"${DROPPED-unset}\"; echo \"$TOKEN\""],
            environment: ["GREETING": "hello there"], unsetEnvironment: ["DROPPED"],
            secrets: ["TOKEN": Secret("s3cr3t-value")], workingDirectory: folder.path)
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin", "DROPPED": "x"], console: self.runner.console)
        let result = try runner.run(command)
        #expect(result.stdout == "\(folder.path)\nhello there\nunset\ns3cr3t-value\n")
    }

    @Test func withoutInheritanceOnlyTheGivenVariablesArePassed() throws {
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin", "HOME": "/root", "OTHER": "1"], console: self.runner.console)
        let result = try runner.run(Command("/usr/bin/env", environment: ["ONLY": "this"], inheritEnvironment: false))
        #expect(result.stdout == "ONLY=this\n")
    }

    @Test func streamModePrefixesEachLineAndKeepsTheTail() throws {
        let lines = Mutex()
        nonisolated(unsafe) var shown: [String] = []
        let console = Console(
            style: .init(), stdout: { _ in }, stderr: { text in lines.withLock { shown.append(text) } })
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: console)
        let result = try runner.run(
            Command("sh", ["-c", "echo one; echo two >&2; printf 'three'"], output: .stream(prefix: "srv")))
        let printed = lines.withLock { shown }
        #expect(Set(printed) == ["srv | one\n", "srv | two\n", "srv | three\n"])
        #expect(result.stdout == "one\nthree\n")
        #expect(result.stderr == "two\n")
    }

    @Test func streamModeKeepsOnlyTheLastTwoHundredLines() throws {
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: self.runner.console)
        let result = try runner.run(Command("seq", ["1", "1000"], output: .stream(prefix: "seq")))
        let kept = result.stdout.split(separator: "\n")
        #expect(kept.count == 200)
        #expect(kept.first == "801")
        #expect(kept.last == "1000")
    }
}
