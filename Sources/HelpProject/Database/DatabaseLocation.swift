import HelpSystem

/// Where a component keeps its data, as its configuration says: `DATABASE_URL`, or the split
/// `POSTGRES_SERVER`/`POSTGRES_PORT`/`POSTGRES_USER`/`POSTGRES_PASSWORD`/`POSTGRES_DB` form. `help
/// run` prepares SQLite and PostgreSQL databases; anything else is left to the application.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(SQLiteDatabase)
    case postgres(PostgresDatabase)
    /// A database `help` does not manage (mysql://, mssql://...): named by its scheme only.
    case other(scheme: String)

    /// The variables of the split form, in the order they are read.
    public static let splitVariables = [
        "POSTGRES_SERVER", "POSTGRES_PORT", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB",
    ]

    /// Every key that names the database: `DATABASE_URL` and the split form.
    public static let databaseKeys: Set<String> = Set(["DATABASE_URL"] + splitVariables)

    /// The location `configuration` describes, resolved against the component's `folder`; nil
    /// when it names none (no `DATABASE_URL`, no `POSTGRES_SERVER`). A malformed URL is a data
    /// error whose message never shows the password.
    public static func from(configuration: [String: String], folder: String) throws -> DatabaseLocation? {
        if let url = configuration["DATABASE_URL"], !url.isEmpty {
            return try parse(url, folder: folder)
        }
        guard let server = configuration["POSTGRES_SERVER"], !server.isEmpty else { return nil }
        let portText = configuration["POSTGRES_PORT"] ?? ""
        guard let port = portText.isEmpty ? 5432 : Int(portText), (1...65535).contains(port) else {
            throw HelpError.badData(
                "POSTGRES_PORT is not a port number: \(portText)", hint: "use a number from 1 to 65535")
        }
        let user = configuration["POSTGRES_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "postgres"
        let password = configuration["POSTGRES_PASSWORD"].flatMap { $0.isEmpty ? nil : Secret($0) }
        let database = configuration["POSTGRES_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? user
        return .postgres(
            PostgresDatabase(
                scheme: "postgresql", host: server, port: port, user: user, password: password,
                database: database, source: "POSTGRES_SERVER"))
    }

    /// The dialects SQLAlchemy ships (`postgres` is the old spelling); any other scheme is most
    /// likely a typo.
    public static let knownDialects: Set<String> = [
        "sqlite", "postgresql", "postgres", "mysql", "mariadb", "mssql", "oracle",
    ]

    /// What `help config check` holds against `configuration` (exit 65): the errors of `from`, an
    /// empty `DATABASE_URL` while the split form names no server either, and a scheme no known
    /// dialect has. `help run` is more lenient: it leaves such databases to the application.
    public static func validate(configuration: [String: String], folder: String) throws {
        let location = try from(configuration: configuration, folder: folder)
        if configuration["DATABASE_URL"] == "" && location == nil {
            throw HelpError.badData(
                "DATABASE_URL is empty",
                hint: "for example sqlite:///./dev.db or postgresql://user:password@localhost/app")
        }
        if case .other(let scheme) = location,
            !knownDialects.contains(scheme.split(separator: "+").first.map(String.init) ?? scheme)
        {
            throw HelpError.badData(
                "DATABASE_URL has an unknown scheme \(JSONValue.quoted(scheme))",
                hint: "known: " + knownDialects.sorted().joined(separator: ", ") + " (with an optional +driver)")
        }
    }

    /// Parses a database URL; relative SQLite paths are taken from `folder` (where the application
    /// runs, so `sqlite:///./dev.db` is `<folder>/dev.db`).
    public static func parse(_ url: String, folder: String) throws -> DatabaseLocation {
        guard let colon = url.firstIndex(of: ":"), url[colon...].hasPrefix("://") else {
            // Not a URL, so no way to tell where a password would be: the value is not echoed.
            throw HelpError.badData(
                "DATABASE_URL is not a URL (expected scheme://...)",
                hint: "for example sqlite:///./dev.db or postgresql://user:password@localhost:5432/app")
        }
        let scheme = url[..<colon].lowercased()
        let rest = String(url[url.index(colon, offsetBy: 3)...])
        let dialect = scheme.split(separator: "+").first.map(String.init) ?? scheme
        switch dialect {
        case "sqlite": return .sqlite(SQLiteDatabase(scheme: scheme, remainder: rest, folder: folder))
        case "postgres", "postgresql": return .postgres(try PostgresDatabase(scheme: scheme, remainder: rest, url: url))
        default: return .other(scheme: scheme)
        }
    }

    /// The location in words, passwords masked: `SQLite server/dev.db`, `PostgreSQL app on localhost:5432`.
    public func summary(relativeTo root: String) -> String {
        switch self {
        case .sqlite(let database):
            guard let path = database.path else { return "SQLite in memory" }
            return "SQLite " + (path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path)
        case .postgres(let database):
            return "PostgreSQL \(database.database) on \(database.endpoint)"
        case .other(let scheme):
            return "\(scheme) (not managed by help)"
        }
    }
}

/// A SQLite database file (or an in-memory one).
public struct SQLiteDatabase: Sendable, Equatable {
    /// `sqlite`, `sqlite+aiosqlite`...
    public var scheme: String
    /// The file, absolute; nil for an in-memory database.
    public var path: String?

    /// The database a URL's part after `scheme://` names: empty or `/:memory:` is in memory,
    /// `/relative.db` is relative to `folder`, `//absolute.db` is absolute.
    public init(scheme: String, remainder: String, folder: String) {
        self.scheme = scheme
        var location = remainder
        if let query = location.firstIndex(of: "?") { location = String(location[..<query]) }
        // `sqlite://` + `/path`: the third slash separates the empty host from the path.
        if location.hasPrefix("/") { location.removeFirst() }
        let decoded = PercentDecoding.decode(location)
        if decoded.isEmpty || decoded == ":memory:" {
            path = nil
        } else if decoded.hasPrefix("/") {
            path = decoded
        } else {
            var relative = decoded
            while relative.hasPrefix("./") { relative.removeFirst(2) }
            path = folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
        }
    }

    /// The folder the file lives in, which must exist before SQLite can create the file.
    public var folder: String? {
        guard let path, let slash = path.lastIndex(of: "/") else { return nil }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// `%41` -> `A` in URL parts; malformed escapes are kept as written.
enum PercentDecoding {
    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
