/// Where `help` keeps a project's own files: `<root>/.helpcache/` and the folders in it. The one
/// place their names are spelled; the store, the logs, the backups of edited files and the state
/// of `help run` all take their paths from here.
public struct HelpCacheFolder: Sendable, Equatable {
    /// The folder's name under a project root.
    public static let name = ".helpcache"

    /// `<root>/.helpcache`.
    public let path: String

    /// The folder of the project at `projectRoot`.
    public init(projectRoot: String) {
        path = (projectRoot.hasSuffix("/") ? projectRoot : projectRoot + "/") + Self.name
    }

    /// `logs/`: one log per command run that started a child.
    public var logs: String { path + "/logs" }
    /// `backups/`: copies of user files taken before each edit.
    public var backups: String { path + "/backups" }
    /// `state/`: salt, stat caches, listings, counters, the run lock and migration stamps.
    public var state: String { path + "/state" }
    /// `deps/`: a dependency stamp per environment.
    public var deps: String { path + "/deps" }
}
