import HelpTestSupport
import Testing

@testable import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// Timeouts and stops end the child and everything it started in its group, and leave no zombie.
@Suite struct ProcessStopTests {
    let runner = PosixProcessRunner(
        environment: ["PATH": "/usr/bin:/bin"], console: Console(style: .init(), stdout: { _ in }, stderr: { _ in }),
        grace: 0.3)

    /// True while a process with this pid exists and has not died. Orphaned grandchildren are
    /// reaped by pid 1, which may take its time (or never come, in some containers), so a zombie
    /// counts as gone; the check allows the kernel a moment to finish an exit already under way.
    func isAlive(_ pid: Int32) -> Bool {
        for _ in 0..<100 {
            guard kill(pid, 0) == 0 else { return false }
            if processState(pid) == "Z" { return false }
            usleep(20_000)
        }
        return true
    }

    private func processState(_ pid: Int32) -> Character? {
        guard let text = try? FileSystem().readText("/proc/\(pid)/stat"),
            let close = text.lastIndex(of: ")")
        else { return nil }
        return text[text.index(after: close)...].dropFirst().first
    }

    @Test func timeoutStopsTheChildAndSaysSo() throws {
        let result = try runner.run(Command("sleep", ["30"], timeout: 0.2))
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGINT))
        #expect(!result.succeeded)
    }

    @Test func childIgnoringSigintIsKilledAfterTheGracePeriod() throws {
        // The trap makes the shell ignore SIGINT; it announces readiness so the signal cannot
        // arrive before the trap is set.
        let (process, line) = try startAndReadFirstLine("trap '' INT; echo ready; while :; do sleep 1; done")
        #expect(line == "ready")
        let result = process.stop(grace: 0.3)
        #expect(result.termination == .signaled(SIGKILL))
        #expect(!isAlive(process.pid))
    }

    @Test func grandchildInTheSameGroupIsStoppedToo() throws {
        // `sleep &` in a non-interactive shell ignores SIGINT, so only the group SIGKILL ends it.
        let (process, line) = try startAndReadFirstLine("sleep 60 & echo $!; wait")
        let grandchild = try #require(Int32(line ?? ""))
        #expect(kill(grandchild, 0) == 0)
        _ = process.stop(grace: 0.3)
        #expect(!isAlive(process.pid))
        #expect(!isAlive(grandchild))
    }

    @Test func timeoutOfABackgroundChildReachesItsGrandchildren() throws {
        let folder = TempDir()
        let result = try runner.run(
            Command("sh", ["-c", "sleep 60 & echo $! > \(folder.path)/pid; wait"], timeout: 0.3, newProcessGroup: true))
        #expect(result.timedOut)
        let pidText = try FileSystem().readText(folder.path + "/pid")
        let grandchild = try #require(Int32(pidText.split(separator: "\n").first ?? ""))
        #expect(!isAlive(grandchild))
    }

    @Test func stoppedChildIsReapedAndPollReportsIt() throws {
        let process = try runner.start(Command("sleep", ["30"], newProcessGroup: true))
        #expect(process.poll() == nil)
        let result = process.stop(grace: 1)
        #expect(result.termination == .signaled(SIGINT))
        #expect(process.poll() == result)
        // Reaped: not even a zombie is left under this pid.
        #expect(!isAlive(process.pid))
    }

    @Test func exitOfTheChildIsSeenEvenWhileADaemonHoldsItsPipes() throws {
        let folder = TempDir()
        // The grandchild keeps stdout open for a minute; the run must still end with the child.
        let result = try runner.run(
            Command(
                "sh", ["-c", "(sleep 60; echo late) & echo $$ > \(folder.path)/pid; echo done"], newProcessGroup: true))
        #expect(result.succeeded)
        #expect(result.stdout == "done\n")
        let pidText = try FileSystem().readText(folder.path + "/pid")
        // Stop what the test started: the child's whole group.
        if let group = Int32(pidText.split(separator: "\n").first ?? "") { kill(-group, SIGKILL) }
    }

    /// Starts a shell script in its own group, streaming, and blocks until its first line is shown
    /// (a safety limit only guards against a broken child hanging the suite).
    private func startAndReadFirstLine(_ script: String) throws -> (any RunningProcess, String?) {
        let firstLine = Completion<String>()
        let console = Console(
            style: .init(), stdout: { _ in },
            stderr: { text in
                firstLine.complete(String(text.dropFirst("t | ".count).dropLast()))
            })
        var runner = self.runner
        runner.console = console
        let process = try runner.start(
            Command("sh", ["-c", script], output: .stream(prefix: "t"), newProcessGroup: true))
        return (process, firstLine.wait(timeout: 30))
    }
}
