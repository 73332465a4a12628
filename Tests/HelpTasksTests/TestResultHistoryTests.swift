import HelpCache
import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// `help test`'s memory of outcomes: a stored pass is not served while the same inputs last
/// failed, and a pass clears the failures `--rerun-failed` would rerun.
@Suite struct TestResultHistoryTests {
    let folder: TempDir
    let runner = RecordingProcessRunner()
    let outcome = Outcome()

    /// Whether the next `swift test` passes.
    final class Outcome: @unchecked Sendable {
        private let lock = Mutex()
        private var passing = true
        var passes: Bool {
            get { lock.withLock { passing } }
            set { lock.withLock { passing = newValue } }
        }
    }

    init() throws {
        folder = try TempDir.project([
            "lib/Package.swift": "// swift-tools-version:5.9\n", "lib/Sources/Lib/Lib.swift": "let x = 1\n",
        ])
        let outcome = self.outcome
        runner.on("swift") { command in
            if command.arguments == ["--version"] {
                return ProcessResult(termination: .exited(0), stdout: "Swift 6.0\n")
            }
            return ProcessResult(
                termination: .exited(outcome.passes ? 0 : 1), stdout: outcome.passes ? "ok\n" : "boom\n")
        }
    }

    func test(console: BufferConsole = BufferConsole(), _ configure: (inout TestOptions) -> Void = { _ in })
        throws -> TestOutcome
    {
        var options = TestOptions()
        options.jobs = 1
        configure(&options)
        let context = Context(
            runner: runner, environment: ["PATH": "/usr/bin:/bin", "HOME": folder.path],
            console: console.console, workingDirectory: folder.path)
        let report = try TestWorkflow.run(options, context: context)
        return try #require(report.components.first?.checks.first?.outcome)
    }

    @Test func aStoredPassIsNotServedWhileTheSameInputsLastFailed() throws {
        #expect(try test().status == .passed)
        #expect(try test().cached)
        outcome.passes = false
        #expect(try test { $0.noCache = true }.status == .failed)
        outcome.passes = true
        let next = try test()
        #expect(!next.cached)
        #expect(next.status == .passed)
        #expect(next.flaky)
        #expect(try test().cached)
    }

    @Test func aCachedPassClearsTheRecordedFailure() throws {
        #expect(try test().status == .passed)
        try folder.write(["lib/Sources/Lib/Lib.swift": "let x = 2\n"])
        outcome.passes = false
        #expect(try test().status == .failed)
        let store = try CacheStore(projectRoot: folder.path)
        let cache = TestResultCache(store: store, project: try Project.load(from: folder.path))
        #expect(cache.lastFailures() == ["lib/tests"])
        try folder.write(["lib/Sources/Lib/Lib.swift": "let x = 1\n"])
        #expect(try test().cached)
        #expect(cache.lastFailures().isEmpty)
    }

    @Test func pipedOutputHasOneLinePerFinishedCheck() throws {
        let piped = BufferConsole(style: Console.Style())
        #expect(try test(console: piped).status == .passed)
        #expect(
            piped.stderrLines.filter { $0.contains("tests") } == [
                piped.stderrLines.first { $0.hasPrefix("lib tests  passed") } ?? "?"
            ])
        let cached = BufferConsole(style: Console.Style())
        #expect(try test(console: cached).cached)
        #expect(cached.stderrLines == ["lib tests  cached"])
    }

    @Test func aTerminalShowsLiveProgressOnlyAndLeavesResultsToTheTable() throws {
        let terminal = BufferConsole(style: Console.Style(animate: true))
        #expect(try test(console: terminal).status == .passed)
        // The spinner line is redrawn in place (carriage returns), never left as a line of its own.
        let lines = terminal.stderr.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.filter { $0 != "\u{1B}" } }
        #expect(!lines.contains { $0.contains("✓") || $0.contains("passed") })
    }
}
