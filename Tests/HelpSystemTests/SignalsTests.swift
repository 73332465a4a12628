import HelpTestSupport
import Testing

@testable import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C and SIGTERM reach the children we started, and the top level learns of the interrupt.
/// Serialized: the handlers are process-wide.
@Suite(.serialized) struct SignalsTests {
    @Test func signalSentToUsIsForwardedAndReportedAndStopsNewChildren() throws {
        let signals = Signals(policy: .report, grace: 2)
        try signals.install()
        defer { signals.uninstall() }
        let output = BufferConsole()
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: output.console, signals: signals)
        let server = try runner.start(
            Command("sh", ["-c", "echo up; exec sleep 30"], output: .stream(prefix: "srv"), newProcessGroup: true))
        #expect(output.waitForStderr(containing: "srv | up"))

        kill(getpid(), SIGTERM)
        let result = server.wait()
        #expect(result.termination == .signaled(SIGTERM))
        #expect(signals.interruption == SIGTERM)
        #expect(signals.exitStatus == 143)
        do {
            _ = try runner.run(Command("true"))
            Issue.record("no child may start after an interrupt")
        } catch let error as HelpError {
            #expect(error.code == .interrupted)
        }
    }

    @Test func cleanupCommandsStillStartAfterAnInterrupt() throws {
        let signals = Signals(policy: .report, grace: 0.5)
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console, signals: signals)
        signals.handle(signal: SIGINT, fromTerminal: false)
        #expect(throws: HelpError.self) { try runner.run(Command("true")) }
        var cleanup = Command("sh", ["-c", "echo undone"], output: .capture, timeout: 10)
        cleanup.runsAfterInterrupt = true
        let result = try runner.run(cleanup)
        #expect(result.succeeded)
        #expect(result.stdout == "undone\n")
    }

    @Test func ctrlCFromTheTerminalIsNotSentTwiceToAForegroundChild() throws {
        let signals = Signals(policy: .report, grace: 0.5)
        let output = BufferConsole()
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: output.console, signals: signals)
        // The trap would answer a forwarded SIGINT with a clean exit; getting SIGKILL after the
        // grace period shows nothing was re-sent (the terminal already delivered it to the group).
        let child = try runner.start(
            Command(
                "sh", ["-c", "trap 'exit 0' INT; echo ready; while :; do sleep 0.1; done"], output: .stream(prefix: "c")
            ))
        #expect(output.waitForStderr(containing: "c | ready"))
        signals.handle(signal: SIGINT, fromTerminal: true)
        #expect(child.wait().termination == .signaled(SIGKILL))
        #expect(signals.interruption == SIGINT)
    }

    @Test func ctrlCTypedIntoAnInteractiveChildBelongsToIt() throws {
        let signals = Signals(policy: .report, grace: 0.5)
        let runner = PosixProcessRunner(
            environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console, signals: signals)
        let repl = try runner.start(Command("sleep", ["30"], output: .inherit, input: .inherit))
        signals.handle(signal: SIGINT, fromTerminal: true)
        #expect(signals.interruption == nil)
        #expect(repl.poll() == nil)
        #expect(repl.stop(grace: 1).termination == .signaled(SIGINT))
    }

    @Test func withoutAnInterruptTheTopLevelCarriesOn() {
        let signals = Signals()
        signals.reraiseIfInterrupted()
        #expect(signals.interruption == nil)
        #expect(signals.exitStatus == nil)
    }
}
