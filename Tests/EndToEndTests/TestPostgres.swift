import HelpSystem
import HelpTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real PostgreSQL server CI provides through `HELP_TEST_POSTGRES_URL`
/// (`postgresql://user:password@host:port/db`): tests that need it are `.enabled(if:
/// TestPostgres.isAvailable)`, so they show as skipped elsewhere. The password reaches psql only
/// through `PGPASSWORD`.
struct TestPostgres: Sendable {
    let user: String
    let password: String
    let host: String
    let port: String

    /// The server of `HELP_TEST_POSTGRES_URL`, nil when it is unset or not a URL with a user.
    static let shared: TestPostgres? = {
        guard let url = Environment.current()["HELP_TEST_POSTGRES_URL"], let scheme = url.firstRange(of: "://"),
            let at = url.lastIndex(of: "@")
        else { return nil }
        let credentials = url[scheme.upperBound..<at].split(separator: ":", maxSplits: 1).map(String.init)
        var rest = url[url.index(after: at)...]
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        let address = rest.split(separator: ":").map(String.init)
        guard let user = credentials.first, let host = address.first else { return nil }
        return TestPostgres(
            user: user, password: credentials.count > 1 ? credentials[1] : "", host: host,
            port: address.count > 1 ? address[1] : "5432")
    }()

    static var isAvailable: Bool { shared != nil }

    /// `postgresql://user:password@host:port/<database>`.
    func url(database: String) -> String { "postgresql://\(user):\(password)@\(host):\(port)/\(database)" }

    /// A database name no other run uses.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Runs `sql` in `database` with psql; its unaligned, tuples-only output.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres") throws -> ProcessResult {
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        return try runner.run(
            Command(
                "psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-tA", "-d", database, "-c", sql],
                environment: ["PGHOST": host, "PGPORT": port, "PGUSER": user],
                secrets: ["PGPASSWORD": Secret(password)],
                timeout: 60))
    }

    /// Drops `name` (connections and all), ignoring failures: cleanup.
    func drop(_ name: String) {
        _ = try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
