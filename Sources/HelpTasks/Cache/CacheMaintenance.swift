import HelpCache
import HelpProject
import HelpSystem

/// The work of `help cache stats|clean|prune`: the project's store under its size cap (help.json
/// `cache.max_size`, else the store's default), opened only when it exists, so looking never
/// creates a `.helpcache` folder. The command parses and renders; this type reads and removes.
public struct CacheMaintenance {
    /// The project around the working folder.
    public let root: ProjectRoot
    /// The size cap of the store.
    public let cap: UInt64
    /// The store; nil when `help` never cached anything in this project.
    public let store: CacheStore?

    /// The project around `context.workingDirectory` and its store, if there is one.
    public init(context: Context) throws {
        root = try ProjectLocator.locate(from: context.workingDirectory)
        cap = Self.cap(try ProjectConfig.load(root: root))
        let console = context.console
        // A `.helpcache` that is a symlink or a file is an error, not an absent store.
        store =
            try HelpCacheFolder.exists(HelpCacheFolder(projectRoot: root.path).path)
            ? try CacheStore(projectRoot: root.path, maxSize: cap, warn: { console.warn($0) }) : nil
    }

    /// The size cap of `config`: help.json `cache.max_size`, else the store's default.
    public static func cap(_ config: ProjectConfig) -> UInt64 {
        config.cache.maxSize.map { UInt64(max(0, $0)) } ?? CacheLimits.defaultMaxSize
    }

    /// `<root>/.helpcache`.
    public var folder: String { HelpCacheFolder(projectRoot: root.path).path }

    /// Entries, bytes and counters per kind; all zero without a store.
    public func statistics() -> CacheStatistics {
        store?.statistics() ?? CacheStatistics()
    }

    /// Removes every entry, or those of `kind`; logs and backups stay.
    public func clean(kind: CacheKind?) throws -> CacheRemoval {
        try store?.clean(kind: kind) ?? CacheRemoval()
    }

    /// Removes entries unused for `maxAge` seconds, then the least recently used until the store
    /// fits `maxSize` (the cap when nil); with `dryRun`, only says which.
    public func prune(maxSize: UInt64?, maxAge: Double?, dryRun: Bool) throws -> CacheRemoval {
        try store?.prune(maxSize: maxSize ?? cap, maxAge: maxAge, dryRun: dryRun) ?? CacheRemoval(dryRun: dryRun)
    }
}
