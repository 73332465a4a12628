import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is stored: entries and bytes per kind, plus the running counters.
public struct CacheStatistics: Sendable, Equatable {
    /// One kind's share of the store.
    public struct KindUsage: Sendable, Equatable {
        public var kind: CacheKind
        public var entries: Int
        public var bytes: UInt64

        /// `entries` entries of `kind` taking `bytes`.
        public init(kind: CacheKind, entries: Int, bytes: UInt64) {
            self.kind = kind
            self.entries = entries
            self.bytes = bytes
        }
    }

    public var kinds: [KindUsage]
    public var counters: CacheCounters

    /// Usage per kind and the counters; an absent store is every kind at zero.
    public init(
        kinds: [KindUsage] = CacheKind.allCases.map { KindUsage(kind: $0, entries: 0, bytes: 0) },
        counters: CacheCounters = CacheCounters()
    ) {
        self.kinds = kinds
        self.counters = counters
    }
    public var totalBytes: UInt64 { kinds.reduce(0) { $0 + $1.bytes } }
    public var totalEntries: Int { kinds.reduce(0) { $0 + $1.entries } }
}

/// One entry as maintenance sees it.
public struct StoredEntry: Sendable, Equatable {
    public var kind: CacheKind
    public var keyHex: String
    public var bytes: UInt64
    /// Last use (or creation), nanoseconds since the epoch.
    public var lastAccess: Int64
    public var folder: String
}

/// What `clean` or `prune` removed (or, in a dry run, would remove).
public struct CacheRemoval: Sendable, Equatable {
    public var removed: [StoredEntry]
    public var freedBytes: UInt64 { removed.reduce(0) { $0 + $1.bytes } }
    public var remainingBytes: UInt64
    public var dryRun: Bool

    /// A removal of `removed`; nothing removed from an empty store by default.
    public init(removed: [StoredEntry] = [], remainingBytes: UInt64 = 0, dryRun: Bool = false) {
        self.removed = removed
        self.remainingBytes = remainingBytes
        self.dryRun = dryRun
    }
}

extension CacheStore {
    // MARK: - Listing

    /// Every entry of `kinds`, with its size and last access; stray temp folders are skipped.
    public func entries(of kinds: [CacheKind] = CacheKind.allCases) -> [StoredEntry] {
        var out: [StoredEntry] = []
        for kind in kinds {
            let kindFolder = root + "/" + kind.folder
            for shard in CacheFiles.list(kindFolder) where shard.isDirectory && !shard.name.hasPrefix(".") {
                for item in CacheFiles.list(kindFolder + "/" + shard.name)
                where item.isDirectory && !item.name.hasPrefix(".") {
                    let folder = kindFolder + "/" + shard.name + "/" + item.name
                    let (bytes, newest) = CacheStore.usage(folder)
                    var info = stat()
                    let access =
                        lstat(folder + "/" + EntryRecord.accessName, &info) == 0 ? CacheStore.mtime(info) : newest
                    out.append(
                        StoredEntry(kind: kind, keyHex: item.name, bytes: bytes, lastAccess: access, folder: folder))
                }
            }
        }
        return out
    }

    /// Entries and bytes per kind, and the counters.
    public func statistics() -> CacheStatistics {
        let all = entries()
        let kinds = CacheKind.allCases.map { kind in
            let mine = all.filter { $0.kind == kind }
            return CacheStatistics.KindUsage(kind: kind, entries: mine.count, bytes: mine.reduce(0) { $0 + $1.bytes })
        }
        return CacheStatistics(kinds: kinds, counters: readCounters())
    }

    // MARK: - Removing

    /// Removes every entry of `kind` (all kinds when nil) and their latest-entry indexes; for test
    /// results also the coverage records and the migrated test database templates.
    @discardableResult
    public func clean(kind: CacheKind? = nil) throws -> CacheRemoval {
        try withWriteLock {
            let kinds = kind.map { [$0] } ?? CacheKind.allCases
            let removed = entries(of: kinds)
            for entry in removed { remove(entry) }
            for item in CacheFiles.list(stateDirectory)
            where kinds.contains(where: { item.name.hasPrefix("latest-" + $0.folder + "-") }) {
                CacheFiles.removeTree(stateDirectory + "/" + item.name)
            }
            // What test runs keep beside their results: the coverage records `--changed` selects
            // with and the migrated test database templates. Derived data, so gone with the results.
            if kinds.contains(.tests) {
                for folder in ["test-impact", "testdb"] { CacheFiles.removeTree(root + "/" + folder) }
            }
            let remaining = entries().reduce(0) { $0 + $1.bytes }
            updateCounters { $0.storedBytes = remaining }
            return CacheRemoval(removed: removed, remainingBytes: remaining, dryRun: false)
        }
    }

    /// Removes entries not used for `maxAge` seconds, then the least recently used ones until the
    /// store fits in `maxSize` bytes. A dry run only reports.
    public func prune(maxSize: UInt64?, maxAge: Double?, dryRun: Bool = false) throws -> CacheRemoval {
        try withWriteLock { try pruneLocked(maxSize: maxSize, maxAge: maxAge, dryRun: dryRun) }
    }

    /// `prune` for a caller that holds the lock (a save enforcing the cap).
    func pruneLocked(maxSize: UInt64?, maxAge: Double?, dryRun: Bool) throws -> CacheRemoval {
        let all = entries().sorted { ($0.lastAccess, $0.keyHex) < ($1.lastAccess, $1.keyHex) }
        var total = all.reduce(0) { $0 + $1.bytes }
        let cutoff = maxAge.map { CacheFiles.now() - CacheLimits.nanoseconds(ofAge: $0) }
        var removed: [StoredEntry] = []
        for entry in all {
            let old = cutoff.map { entry.lastAccess < $0 } ?? false
            let over = maxSize.map { total > $0 } ?? false
            guard old || over else { continue }
            removed.append(entry)
            total -= entry.bytes
        }
        if !dryRun {
            for entry in removed { remove(entry) }
            removeStaleTemporaries()
            let remaining = total
            updateCounters { $0.storedBytes = remaining }
        }
        return CacheRemoval(removed: removed, remainingBytes: total, dryRun: dryRun)
    }

    /// Renames the entry out of sight first, so a reader never finds half of it.
    private func remove(_ entry: StoredEntry) {
        let trash =
            String(entry.folder[..<entry.folder.lastIndex(of: "/")!]) + "/.trash-" + entry.keyHex.prefix(16)
            + "-" + SystemRandom.hex(bytes: 4)
        if rename(entry.folder, trash) == 0 {
            CacheFiles.removeTree(trash)
        } else {
            CacheFiles.removeTree(entry.folder)
        }
    }

    /// Leftovers of writers that died mid-save (older than an hour, so never a live one).
    private func removeStaleTemporaries() {
        let cutoff = CacheFiles.now() - 3_600_000_000_000
        for kind in CacheKind.allCases {
            let kindFolder = root + "/" + kind.folder
            for shard in CacheFiles.list(kindFolder) where shard.isDirectory {
                for item in CacheFiles.list(kindFolder + "/" + shard.name)
                where item.name.hasPrefix(".tmp-") || item.name.hasPrefix(".trash-") {
                    let path = kindFolder + "/" + shard.name + "/" + item.name
                    var info = stat()
                    if lstat(path, &info) == 0 && CacheStore.mtime(info) < cutoff { CacheFiles.removeTree(path) }
                }
            }
        }
    }

    // MARK: - Helpers

    /// The apparent size of the files under `folder` and the newest mtime among them.
    static func usage(_ folder: String) -> (bytes: UInt64, newest: Int64) {
        var bytes: UInt64 = 0
        var newest: Int64 = 0
        for item in CacheFiles.list(folder) {
            let path = folder + "/" + item.name
            if item.isDirectory {
                let inner = usage(path)
                bytes += inner.bytes
                newest = max(newest, inner.newest)
            } else {
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                bytes += UInt64(max(info.st_size, 0))
                newest = max(newest, mtime(info))
            }
        }
        return (bytes, newest)
    }

    static func mtime(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
