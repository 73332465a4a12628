import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

#if canImport(Glibc)
    import Glibc
#endif

/// The servers a killed `help run` left behind: found in `run.json`, stopped only when they are
/// still the processes that were recorded.
@Suite("Run leftovers")
struct RunLeftoverTests {
    let folder = TempDir(prefix: "help-run-leftovers")

    /// A process in its own group that would run for a minute, once it runs `sleep` (just after the
    /// spawn its command line is still the test's).
    func server() throws -> any RunningProcess {
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console)
        let process = try runner.start(Command("/bin/sleep", ["60"], newProcessGroup: true))
        let deadline = MonotonicTime.now().adding(seconds: 5)
        while ProcessGroupMembers.commandLine(of: process.pid) != "/bin/sleep 60 " && MonotonicTime.now() < deadline {
            usleep(10_000)
        }
        return process
    }

    func entry(_ pid: Int32, startTime: UInt64?, command: String) -> String {
        let start = startTime.map { #", "start_time": \#($0)"# } ?? ""
        return #"{"pid": 1, "services": [{"component": "server", "pid": \#(pid), "command": "\#(command)"\#(start)}]}"#
    }

    @Test("a recorded server that still runs with the same start time and command is stopped, and the run says so")
    func stopsOurs() throws {
        let process = try server()
        defer { process.stop(grace: 1) }
        let pid = process.pid
        let text = entry(pid, startTime: ProcessGroupMembers.startTime(of: pid), command: "/bin/sleep 60 ")
        #expect(RunLock.leftovers(in: text).map(\.pid) == [pid])
        try FileSystem().createDirectories(RunLock.stateDirectory(root: folder.path))
        try FileSystem().writeAtomically(RunLock.statePath(root: folder.path), Array(text.utf8))
        let lock = try RunLock.acquire(root: folder.path)
        defer { lock.release() }
        let output = BufferConsole()
        lock.stopLeftovers(console: output.console)
        #expect(process.wait().termination == .signaled(SIGTERM))
        #expect(output.stderr.contains("stopped server (pid \(pid))"))
        #expect(!FileSystem().exists(RunLock.statePath(root: folder.path)))
    }

    @Test("a pid whose start time or command differs from the record is someone else's: left alone")
    func leavesOthers() throws {
        let process = try server()
        defer { process.stop(grace: 1) }
        let pid = process.pid
        let started = try #require(ProcessGroupMembers.startTime(of: pid))
        for text in [
            entry(pid, startTime: started + 1, command: "/bin/sleep 60 "),
            entry(pid, startTime: started, command: "uvicorn app.main:app "),
            entry(pid, startTime: nil, command: "/bin/sleep 60 "),
        ] {
            let leftover = try #require(RunLock.leftovers(in: text).first)
            #expect(!RunLock.isStillOurs(leftover), "\(text)")
        }
        #expect(process.poll() == nil, "still running")
        #expect(RunLock.leftovers(in: "not json").isEmpty)
        #expect(RunLock.leftovers(in: #"{"services": [{"pid": 1}]}"#).isEmpty)
    }
}
