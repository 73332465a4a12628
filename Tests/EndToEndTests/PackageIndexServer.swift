import Glibc
import HelpSystem
import HelpTestSupport

/// A real package index for release tests: pypiserver (and passlib for its htpasswd file)
/// installed from PyPI into the test's own virtualenv, listening on a free port of 127.0.0.1,
/// uploads allowed only with `username`/`password`, stopped by PID when the test ends.
final class PackageIndexServer {
    let username = "uploader"
    let password = "index-pw-7d41c"
    let port: Int
    let folder: TempDir
    private let process: any RunningProcess
    private let runner: PosixProcessRunner

    /// The upload URL for `twine --repository-url`.
    var uploadURL: String { "http://127.0.0.1:\(port)/" }
    /// The simple index for `pip --index-url`.
    var indexURL: String { "http://127.0.0.1:\(port)/simple/" }
    /// The folder the server stores uploads in.
    var packages: String { folder.path("packages") }

    init() throws {
        folder = TempDir(prefix: "help-e2e-index")
        runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        let venv = folder.path("venv")
        try Self.require(runner.run(Command("python3", ["-m", "venv", venv], timeout: 300)), "python3 -m venv")
        try Self.require(
            runner.run(
                Command(venv + "/bin/pip", ["install", "--quiet", "pypiserver", "passlib"], timeout: 900)),
            "pip install pypiserver passlib")
        let htpasswd = folder.path("htpasswd")
        let script = """
            import sys
            from passlib.apache import HtpasswdFile
            index = HtpasswdFile(sys.argv[1], new=True)
            index.set_password(sys.argv[2], sys.argv[3])
            index.save()
            """
        try Self.require(
            runner.run(Command(venv + "/bin/python", ["-c", script, htpasswd, username, password], timeout: 60)),
            "writing the htpasswd file")
        try FileSystem().createDirectories(folder.path("packages"))
        port = try RunProject.freePort()
        process = try runner.start(
            Command(
                venv + "/bin/pypi-server",
                [
                    "run", "-p", String(port), "-i", "127.0.0.1", "-a", "update", "-P", htpasswd,
                    folder.path("packages"),
                ],
                output: .capture, timeout: 1800, newProcessGroup: true))
        let deadline = MonotonicTime.now()
        while NetworkProbe.httpStatus(host: "127.0.0.1", port: port, path: "/simple/", timeout: 1) != 200 {
            guard MonotonicTime.now().seconds(since: deadline) < 30, process.poll() == nil else {
                process.stop(grace: 1)
                throw HelpError("pypiserver did not start on port \(port)")
            }
            usleep(100_000)
        }
    }

    /// Stops the server (its process group, by PID).
    func stop() {
        process.stop(grace: 2)
    }

    deinit { stop() }

    private static func require(_ result: ProcessResult, _ what: String) throws {
        guard result.succeeded else { throw HelpError("\(what) failed: \(result.stderr.suffix(1500))") }
    }
}
