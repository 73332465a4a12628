/// The user-wide folder of built wheels, `${XDG_CACHE_HOME:-~/.cache}/help/wheels`. pip installs
/// fill it (`pip wheel` of what they install) and search it first (`--find-links`), so making an
/// environment again needs no network: `--offline` installs with `--no-index` from it alone.
/// uv keeps its own cache, which plays the same part.
public struct Wheelhouse: Sendable, Equatable {
    public var path: String

    public init(path: String) { self.path = path }

    /// The wheelhouse for this user, from `XDG_CACHE_HOME` or `HOME`; nil when neither is set.
    public static func location(environment: [String: String]) -> Wheelhouse? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return Wheelhouse(path: cache + "/help/wheels")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return Wheelhouse(path: home + "/.cache/help/wheels")
        }
        return nil
    }

    /// The hint shown when an offline install misses a wheel.
    public var offlineHint: String {
        "run `help install` once with network access to fill the wheelhouse at \(path)"
    }
}
