import HelpProject
import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL cluster of the project's own, under `.helpcache/postgres/`, for an app that works
/// only with PostgreSQL when no database is configured: created once with `initdb` (superuser
/// `postgres`, a generated password given through a password file, never argv), started with
/// `pg_ctl` on 127.0.0.1 and a free port (its Unix socket, if any, in a private folder inside),
/// stopped by whoever started it, reused next time. As root it runs as the `postgres` system user.
/// `help run` uses it for the app's database; `help test` for throwaway databases.
public struct ProjectPostgres: Sendable {
    /// The running server, as clients reach it.
    public struct Running: Sendable, Equatable {
        /// The server's `postgres` database, with the superuser and its password.
        public var server: PostgresDatabase
        /// Started by this call (the caller stops it); false when it was running already.
        public var started: Bool
        /// The postmaster's pid, from `postmaster.pid`.
        public var pid: Int32?

        /// The database `name` on this server (created by the caller when missing).
        public func database(_ name: String) -> PostgresDatabase {
            var database = server
            database.database = name
            return database
        }
    }

    public var context: Context
    /// The project root, absolute.
    public var root: String
    var fileSystem = FileSystem()

    /// The cluster of the project at `root`.
    public init(context: Context, root: String) {
        self.context = context
        self.root = root
    }

    /// `.helpcache/postgres`.
    public var folder: String { HelpCacheFolder(projectRoot: root).path + "/postgres" }
    var dataDirectory: String { folder + "/data" }
    var passwordFile: String { folder + "/password" }
    var portFile: String { folder + "/port" }
    var logFile: String { folder + "/server.log" }
    /// The superuser `initdb` creates.
    public static let superuser = "postgres"

    /// The port the cluster was last started on; nil when there is no cluster.
    public static func recordedPort(root: String) -> Int? {
        let folder = HelpCacheFolder(projectRoot: root).path + "/postgres"
        let fileSystem = FileSystem()
        guard fileSystem.exists(folder + "/data/PG_VERSION"), let text = try? fileSystem.readText(folder + "/port")
        else { return nil }
        return text.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
    }

    /// Creates the cluster when missing and starts it when it is not running. Exit 69 when the
    /// server binaries are missing or, as root, there is no `postgres` user to run them as.
    public func ensureRunning() throws -> Running {
        let tools = try requireTools()
        let owner = try serverOwner(tools)
        try prepareFolder(owner: owner)
        let password = try clusterPassword(owner: owner)
        if !fileSystem.exists(dataDirectory + "/PG_VERSION") { try initialize(tools, owner: owner) }
        var started = false
        var port = Self.recordedPort(root: root)
        if try !isRunning(tools, owner: owner) || port == nil {
            port = try start(tools, owner: owner, port: port)
            started = true
        }
        let server = PostgresDatabase(
            host: "127.0.0.1", port: port ?? 5432, user: Self.superuser, password: password, database: "postgres",
            source: "the project's PostgreSQL (.helpcache/postgres)")
        return Running(server: server, started: started, pid: postmasterPID())
    }

    /// Stops the cluster (fast shutdown: sessions are ended, nothing is lost); a cleanup step, so
    /// it runs after Ctrl-C too.
    public func stop() throws {
        guard let tools = Self.tools(environment: context.environment) else { return }
        var command = self.command(
            try serverOwner(tools), tools.pgCtl, ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"])
        command.runsAfterInterrupt = true
        let pid = postmasterPID()
        let result = try context.runner.run(command)
        guard result.succeeded || result.stderr.contains("Is server running?") else {
            throw HelpError.unavailable(
                "cannot stop the project's PostgreSQL\(StepRunner.tail(result, lines: 3))",
                hint: "stop it with: pg_ctl -D \(dataDirectory) stop")
        }
        // pg_ctl returns once the pid file is gone, a moment before the process itself.
        guard let pid else { return }
        let deadline = MonotonicTime.now().adding(seconds: 10)
        while Self.isRunning(pid), MonotonicTime.now() < deadline { usleep(20_000) }
    }

    /// True while `pid` exists and has not ended (a zombie waiting for its parent has).
    public static func isRunning(_ pid: Int32) -> Bool {
        guard ProcessIdentity.isAlive(pid) else { return false }
        guard let stat = try? FileSystem().readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else {
            return true
        }
        return stat[stat.index(after: close)...].dropFirst().first != "Z"
    }

    /// The postmaster's pid while it runs.
    public func postmasterPID() -> Int32? {
        guard let text = try? fileSystem.readText(dataDirectory + "/postmaster.pid"),
            let first = text.split(separator: "\n").first
        else { return nil }
        return Int32(first)
    }
}
