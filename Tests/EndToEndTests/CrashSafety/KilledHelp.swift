import HelpSystem
import HelpTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A `help` started in the background in a process group of its own, its output going to a file
/// (so children it leaves behind hold no pipe of ours), to be SIGKILLed at a chosen moment the way
/// the OOM killer or a power cut would end it: help alone, not its children.
final class KilledHelp {
    let process: any RunningProcess
    let log: String

    init(_ arguments: [String], project: CrashProject, log: String) throws {
        self.log = log
        let runner = PosixProcessRunner(
            environment: project.help.environment(["HELP_CRASH_LOG": log]), console: BufferConsole().console)
        process = try runner.start(
            Command(
                "/bin/sh", ["-c", "exec \"$0\" \"$@\" >\"$HELP_CRASH_LOG\" 2>&1", BuiltHelp.path!] + arguments,
                workingDirectory: project.root, timeout: 600, newProcessGroup: true))
    }

    /// The whole run, for calibrating when to kill: its result and how long it took.
    static func timed(_ arguments: [String], project: CrashProject, log: String) throws -> (Int32, Double) {
        let started = MonotonicTime.now()
        let help = try KilledHelp(arguments, project: project, log: log)
        let result = help.process.wait()
        return (result.exitCode, MonotonicTime.now().seconds(since: started))
    }

    /// SIGKILL after `delay` seconds (if it still runs), then waits until every process it started
    /// in its group has ended. Returns whether the kill landed before `help` ended by itself.
    func kill(after delay: Double, waitForGroup: Bool) -> Bool {
        let deadline = MonotonicTime.now().adding(seconds: delay)
        while MonotonicTime.now() < deadline, process.poll() == nil { usleep(2_000) }
        let landed = process.poll() == nil && Glibc.kill(process.pid, SIGKILL) == 0
        _ = process.wait()
        if waitForGroup {
            let limit = MonotonicTime.now().adding(seconds: 300)
            while Glibc.kill(-process.pid, 0) == 0, MonotonicTime.now() < limit { usleep(20_000) }
            Glibc.kill(-process.pid, SIGKILL)
        }
        return landed
    }

    /// Waits for `text` in the output (up to `timeout` s), then SIGINT, as Ctrl-C would send it.
    func interrupt(when text: String, timeout: Double) -> ProcessResult {
        let limit = MonotonicTime.now().adding(seconds: timeout)
        while MonotonicTime.now() < limit, process.poll() == nil, !output.contains(text) { usleep(20_000) }
        Glibc.kill(process.pid, SIGINT)
        return process.wait()
    }

    var output: String { (try? FileSystem().readText(log)) ?? "" }
}
