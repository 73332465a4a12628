import HelpSystem

/// A PostgreSQL database as libpq sees it: server, port, role, password, database name. The
/// password is a `Secret`: it reaches `psql`/`createdb` through `PGPASSWORD` only.
public struct PostgresDatabase: Sendable, Equatable {
    /// `postgresql`, `postgresql+psycopg`, `postgres`...
    public var scheme: String
    /// A host name or address, or a folder holding the server's Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var user: String?
    public var password: Secret?
    public var database: String
    /// `DATABASE_URL` or `POSTGRES_SERVER`: which form it came from, for messages.
    public var source: String

    /// A database given field by field.
    public init(
        scheme: String = "postgresql", host: String, port: Int = 5432, user: String?, password: Secret?,
        database: String, source: String = "DATABASE_URL"
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.source = source
    }

    /// Reads `[user[:password]@][host][:port][/database][?host=...&port=...]`, the part of a URL
    /// after `scheme://`. `url` is the whole text, used (redacted) in error messages.
    init(scheme: String, remainder: String, url: String) throws {
        self.scheme = scheme
        self.source = "DATABASE_URL"
        var rest = Substring(remainder)
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query[String(parts[0])] = parts.count > 1 ? PercentDecoding.decode(String(parts[1])) : ""
            }
            rest = rest[..<mark]
        }
        var name = ""
        if let slash = rest.firstIndex(of: "/") {
            name = PercentDecoding.decode(String(rest[rest.index(after: slash)...]))
            rest = rest[..<slash]
        }
        // The password may itself hold `@`: the last one ends the credentials.
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            if let colon = credentials.firstIndex(of: ":") {
                user = PercentDecoding.decode(String(credentials[..<colon]))
                password = Secret(PercentDecoding.decode(String(credentials[credentials.index(after: colon)...])))
            } else {
                user = PercentDecoding.decode(String(credentials))
                password = nil
            }
            rest = rest[rest.index(after: at)...]
        } else {
            user = nil
            password = nil
        }
        var hostText = String(rest)
        var portText = ""
        if hostText.hasPrefix("[") {
            guard let close = hostText.firstIndex(of: "]") else {
                throw HelpError.badData("\(source): unclosed [ in the host of \(Self.redact(url))")
            }
            let after = hostText[hostText.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) }
            hostText = String(hostText[hostText.index(after: hostText.startIndex)..<close])
        } else if let colon = hostText.lastIndex(of: ":") {
            portText = String(hostText[hostText.index(after: colon)...])
            hostText = String(hostText[..<colon])
        }
        hostText = PercentDecoding.decode(hostText)
        if let socketHost = query["host"], !socketHost.isEmpty { hostText = socketHost }
        if let queryPort = query["port"], !queryPort.isEmpty { portText = queryPort }
        guard let port = portText.isEmpty ? 5432 : Int(portText), (1...65535).contains(port) else {
            throw HelpError.badData("\(source): the port in \(Self.redact(url)) is not a number from 1 to 65535")
        }
        host = hostText.isEmpty ? "localhost" : hostText
        self.port = port
        if let queryUser = query["user"], !queryUser.isEmpty, user == nil { user = queryUser }
        database = name.isEmpty ? (user ?? "postgres") : name
    }

    // MARK: - Connecting

    /// True when the server is reached through a Unix socket in a folder.
    public var usesSocket: Bool { host.hasPrefix("/") }

    /// `localhost:5432`, or the socket folder.
    public var endpoint: String {
        if usesSocket { return host }
        return (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
    }

    /// The libpq variables for `psql`/`createdb` (PGPASSWORD is given separately, as a secret).
    public var clientEnvironment: [String: String] {
        var environment = ["PGHOST": host, "PGPORT": String(port), "PGCONNECT_TIMEOUT": "5"]
        if let user { environment["PGUSER"] = user }
        return environment
    }

    /// The password as the child's `PGPASSWORD`, when there is one.
    public var clientSecrets: [String: Secret] {
        password.map { ["PGPASSWORD": $0] } ?? [:]
    }

    // MARK: - Display

    /// `postgresql://user:***@host:5432/db`: safe for output and logs.
    public var redactedURL: String {
        let credentials = user.map { $0 + (password == nil ? "" : ":***") + "@" } ?? ""
        return "\(scheme)://\(credentials)\(usesSocket ? "" : endpoint)/\(database)"
    }

    /// `url` with the password between `user:` and `@` replaced by `***`.
    public static func redact(_ url: String) -> String {
        guard let scheme = url.firstRange(of: "://"), let at = url[scheme.upperBound...].lastIndex(of: "@") else {
            return url
        }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
