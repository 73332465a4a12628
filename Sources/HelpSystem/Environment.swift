#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The variables `help` was started with, read once and passed down (nothing reads `environ`
/// later), with the lookups every layer needs: PATH, HOME and the user cache folder.
public struct Environment: Sendable, Equatable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// The PATH used when none is set at all (what `login` would give).
    public static let defaultSearchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Reads the process environment (`environ`) once.
    public static func current() -> Environment {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            pointer += 1
        }
        return Environment(result)
    }

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    // MARK: - Well-known places

    /// The PATH folders in order; empty and relative entries are dropped because they would make
    /// tool lookup depend on whatever folder a command happens to run in.
    public var searchPath: [String] {
        Environment.splitSearchPath(values["PATH"] ?? Environment.defaultSearchPath)
    }

    /// `$HOME`, else the passwd entry of the current user, else `/`.
    public var home: String {
        if let home = values["HOME"], home.hasPrefix("/") { return home }
        if let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir {
            return String(cString: dir)
        }
        return "/"
    }

    /// `$XDG_CACHE_HOME` when it is an absolute path (the spec says to ignore relative ones),
    /// else `~/.cache`.
    public var cacheHome: String {
        if let cache = values["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache }
        return home == "/" ? "/.cache" : home + "/.cache"
    }

    /// The user-wide cache of `help` (shared wheelhouse, downloads): `<cacheHome>/help`.
    public var helpCacheHome: String { cacheHome + "/help" }

    /// True when a variable is set to something other than empty, `0` or `false` (CI=true etc.).
    public func isEnabled(_ name: String) -> Bool {
        guard let value = values[name]?.lowercased() else { return false }
        return !value.isEmpty && value != "0" && value != "false" && value != "no"
    }

    // MARK: - Helpers

    /// Splits a PATH-style list, keeping only absolute folders, first occurrence wins.
    public static func splitSearchPath(_ list: String) -> [String] {
        var seen = Set<String>()
        return list.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") && seen.insert($0).inserted }
    }

    /// The process's current folder (absolute), `/` if it was removed under us.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
    }
}
