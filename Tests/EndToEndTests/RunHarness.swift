import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// One copy of Examples/auth-service shared by the `help run` end-to-end cases, with its own
/// XDG_CACHE_HOME: the first case that runs pays for the virtualenv, the others reuse it.
final class RunProject: @unchecked Sendable {
    static let shared = RunProject()

    let folder = TempDir(prefix: "help-run-e2e")
    let fs = FileSystem()
    private let lock = Mutex()
    private var copied = false

    private init() {
        // A static lives until the process exits and is never deinitialized: remove the copy
        // (virtualenv, cache and all) on the way out.
        atexit { try? FileSystem().remove(RunProject.shared.folder.path) }
    }

    var path: String { folder.path("auth-service") }
    var cache: String { folder.path("cache") }

    /// The environment `help` runs with: the test's own plus a private cache and no colors.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = Environment.current().values
        env["XDG_CACHE_HOME"] = cache
        // Own HOME and TMPDIR too: nothing shared with another help running on the machine.
        for name in ["home", "tmp"] { try? fs.createDirectories(folder.path(name)) }
        env["HOME"] = folder.path("home")
        env["TMPDIR"] = folder.path("tmp")
        env["NO_COLOR"] = "1"
        env["HELP_INSTALLER"] = "pip"
        env["DATABASE_URL"] = nil
        for (key, value) in extra { env[key] = value }
        return env
    }

    /// Copies the example once (without anything a local run may have left in it).
    func prepare() throws {
        try lock.withLock {
            guard !copied else { return }
            let runner = PosixProcessRunner(environment: environment(), console: BufferConsole().console)
            let copy = try runner.run(
                Command("/bin/cp", ["-R", BuiltHelp.checkoutRoot + "/Examples/auth-service", path]))
            guard copy.succeeded else { throw HelpError.io("cannot copy the example: \(copy.stderr)") }
            for leftover in ["server/.venv", "python-client/.venv", ".helpcache", "server/.env", "server/dev.db"] {
                try fs.remove(path + "/" + leftover)
            }
            copied = true
        }
    }

    /// A port nothing listens on now: the kernel's pick for a bind to port 0 on 127.0.0.1.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0 else { throw HelpError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs `script` with the server's interpreter, the Python client importable, and returns
    /// how it ended (stdout holds what it printed).
    func python(_ script: String, _ arguments: [String]) throws -> ProcessResult {
        let runner = PosixProcessRunner(environment: environment(), console: BufferConsole().console)
        return try runner.run(
            Command(
                path + "/server/.venv/bin/python", ["-c", script] + arguments,
                environment: ["PYTHONPATH": path + "/python-client/src"], workingDirectory: path, timeout: 60))
    }

    /// The status of `GET url`, through the server's interpreter (urllib).
    func status(_ url: String) throws -> Int? {
        let result = try python(
            """
            import sys, urllib.error, urllib.request
            try:
                print(urllib.request.urlopen(sys.argv[1], timeout=10).status)
            except urllib.error.HTTPError as error:
                print(error.code)
            """, [url])
        return result.stdout.split(whereSeparator: { $0.isWhitespace }).last.flatMap { Int($0) }
    }

    /// The value `.env` of the server holds for `key`.
    func envValue(_ key: String) throws -> String? {
        let text = try fs.readText(path + "/server/.env")
        return text.split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}

/// A `help run` started in the background, its output collected as it comes.
final class RunningHelp: @unchecked Sendable {
    let output = BufferConsole()
    let process: any RunningProcess
    let started = MonotonicTime.now()
    private let ended = Completion<ProcessResult>()

    /// Starts the built `help` with `arguments` in `project`, in its own process group.
    convenience init(_ arguments: [String], project: RunProject, environment: [String: String] = [:]) throws {
        try self.init(arguments, folder: project.path, environment: project.environment(environment))
    }

    /// Starts the built `help` with `arguments` in `folder` with exactly `environment`, in its
    /// own process group.
    init(_ arguments: [String], folder: String, environment: [String: String]) throws {
        guard let help = BuiltHelp.path else { throw HelpError("the help binary was not built") }
        let runner = PosixProcessRunner(environment: environment, console: output.console)
        process = try runner.start(
            Command(
                help, arguments, workingDirectory: folder, output: .stream(prefix: "help"),
                timeout: 1800, newProcessGroup: true))
        let process = self.process
        let ended = self.ended
        NativeThread.detach(name: "test-help-run") { ended.complete(process.wait()) }
    }

    /// Waits until the output holds `text`, or `help` ends, or `timeout` seconds pass (a safety
    /// net against a hang, not a measurement). True when the text appeared.
    func waitFor(_ text: String, timeout: Double) -> Bool {
        let deadline = MonotonicTime.now().adding(seconds: timeout)
        while MonotonicTime.now() < deadline {
            if output.stderr.contains(text) { return true }
            if ended.value != nil { return output.stderr.contains(text) }
            _ = output.waitForStderr(containing: text, timeout: 1)
        }
        return output.stderr.contains(text)
    }

    /// Sends `signal` to `help` itself (not its group), as a terminal's Ctrl-C or a supervisor's
    /// SIGTERM would reach it.
    func send(_ signal: Int32) {
        _ = Glibc.kill(process.pid, signal)
    }

    /// How `help` ended, waiting up to `timeout` seconds; nil if it is still running then.
    func result(within timeout: Double) -> ProcessResult? {
        ended.wait(timeout: timeout)
    }

    /// Stops `help` for good (cleanup after a failed expectation).
    func kill() {
        if ended.value == nil { _ = process.stop(grace: 10) }
    }

    /// The pid printed in the `server: start` step (`pid 1234, ...`).
    var serverPID: Int32? {
        guard let line = output.stderrLines.first(where: { $0.contains("server: start: pid ") }),
            let range = line.firstRange(of: "start: pid ")
        else { return nil }
        return Int32(line[range.upperBound...].prefix { $0.isNumber })
    }
}
