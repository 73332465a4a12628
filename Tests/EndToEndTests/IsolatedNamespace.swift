import Glibc
import HelpSystem
import HelpTestSupport

/// A PID namespace with its own /proc (so `ray stop` inside sees only what was started there),
/// held open by a small reaper as its PID 1 and entered with `nsenter`. The outermost one also has
/// its own network namespace with only `lo` up, so every address is 127.0.0.0/8 and nothing leaves
/// the machine; one made `inside:` another shares that network. Stopping the holder (by PID) ends
/// its PID 1, and the kernel then kills everything in the namespace, nested ones included.
final class IsolatedNamespace: @unchecked Sendable {
    private let holder: any RunningProcess
    /// The namespace's PID 1 as this process sees it: what `nsenter -t` enters.
    let pid: Int32

    /// Reaps every orphan (Ray's daemons are reparented to it), so `ray stop` sees them end.
    static let reaper = """
        import os, time
        while True:
            try:
                os.wait()
            except ChildProcessError:
                time.sleep(0.2)
        """

    /// Root, with `unshare`, `nsenter` and `ip` that work here.
    static let usable: Bool = {
        guard geteuid() == 0 else { return false }
        let runner = quietRunner()
        guard runner.locate("nsenter") != nil, runner.locate("ip") != nil else { return false }
        let probe = try? runner.run(
            Command(
                "unshare", ["--net", "--pid", "--fork", "--mount-proc", "ip", "link", "set", "lo", "up"], timeout: 20))
        return probe?.succeeded == true
    }()

    static func quietRunner() -> PosixProcessRunner {
        PosixProcessRunner(
            environment: Environment.current().values,
            console: Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in }))
    }

    init(inside parent: IsolatedNamespace? = nil) throws {
        var line = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"]
        if parent == nil { line.insert("--net", at: 1) }
        line += ["python3", "-c", Self.reaper]
        if let parent { line = parent.enter(line) }
        let runner = Self.quietRunner()
        holder = try runner.start(Command(line[0], Array(line.dropFirst()), newProcessGroup: true))
        // unshare forks the reaper; nsenter into a PID namespace forks once more before that.
        let depth = parent == nil ? 1 : 2
        var found: Int32?
        for _ in 0..<200 {
            if let pid = Self.descendant(of: holder.pid, depth: depth) {
                found = pid
                break
            }
            if holder.poll() != nil { break }
            MonotonicTime.sleep(seconds: 0.05)
        }
        guard let found else {
            holder.stop(grace: 1)
            throw HelpError("the namespace did not start: \(holder.poll()?.stderr ?? "")")
        }
        pid = found
        if parent == nil {
            let lo = try run(["ip", "link", "set", "lo", "up"])
            guard lo.succeeded else { throw HelpError("ip link set lo up failed: \(lo.stderr)") }
        }
    }

    deinit { stop() }

    /// Ends everything in the namespace.
    func stop() {
        if holder.poll() == nil { holder.stop(grace: 2) }
    }

    /// `line` run inside the namespace (network, PIDs and /proc), in `folder` when given.
    func enter(_ line: [String], in folder: String? = nil) -> [String] {
        ["nsenter", "-t", String(pid), "--net", "--pid", "--mount"] + (folder.map { ["--wd=\($0)"] } ?? []) + line
    }

    /// The prefix that puts a program on this namespace's network only.
    var networkLauncher: [String] { ["nsenter", "-t", String(pid), "--net"] }

    func run(
        _ line: [String], environment: [String: String] = [:], in folder: String? = nil, timeout: Double = 120
    ) throws -> ProcessResult {
        let full = enter(line, in: folder)
        return try Self.quietRunner().run(
            Command(full[0], Array(full.dropFirst()), environment: environment, timeout: timeout))
    }

    /// Every command line running in the namespace (nested ones included), one per line.
    func commandLines() throws -> String {
        try run(["ps", "-e", "-ww", "-o", "args="]).stdout
    }

    private static func descendant(of pid: Int32, depth: Int) -> Int32? {
        var current = pid
        for _ in 0..<depth {
            guard let bytes = try? FileSystem().readFile("/proc/\(current)/task/\(current)/children"),
                let first = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).first,
                let child = Int32(first)
            else { return nil }
            current = child
        }
        return current
    }
}
