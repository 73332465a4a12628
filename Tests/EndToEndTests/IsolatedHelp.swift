import HelpSystem
import HelpTestSupport
import Testing

/// The built `help` run as a child with its own HOME, XDG_CACHE_HOME and TMPDIR (all in one
/// fresh folder), so tests never share caches or temp files with each other or with a `help`
/// someone runs on the same machine meanwhile.
struct IsolatedHelp {
    let folder = TempDir(prefix: "help-e2e-home")
    let fs = FileSystem()

    init() throws {
        for name in ["home", "cache", "tmp"] { try fs.createDirectories(folder.path(name)) }
    }

    /// The child's TMPDIR.
    var temporaryFolder: String { folder.path("tmp") }

    /// The environment a child gets: the test's own, isolated, with colors off and pip installs.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = Environment.current().values
        env["HOME"] = folder.path("home")
        env["XDG_CACHE_HOME"] = folder.path("cache")
        env["TMPDIR"] = temporaryFolder
        env["NO_COLOR"] = "1"
        env["HELP_INSTALLER"] = "pip"
        // The project's own configuration decides the database, not the test runner's.
        for name in [
            "DATABASE_URL", "POSTGRES_SERVER", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD",
            "POSTGRES_DB",
        ] {
            env[name] = nil
        }
        return env.merging(extra) { _, new in new }
    }

    /// Runs `help arguments` in `directory`.
    func run(
        _ arguments: [String], in directory: String, extra: [String: String] = [:],
        timeout: Double = 900
    ) throws -> ProcessResult {
        let runner = PosixProcessRunner(environment: environment(extra), console: BufferConsole().console)
        return try runner.run(
            Command(
                try #require(BuiltHelp.path), arguments, workingDirectory: directory,
                timeout: timeout))
    }
}
