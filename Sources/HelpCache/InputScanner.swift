import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds a component's input files and their digests: lists them (git, else the walker), applies
/// the `inputs`/`exclude` globs, stats them, reuses the stat cache's digest for every file whose
/// stat is unchanged and hashes the rest on several threads. Writes the stat cache back only when
/// something changed. Inside git, the files the stat cache remembers are stat'ed while the listing
/// is obtained, and the listing itself is reused while no folder or ignore file changed.
public struct InputScanner: Sendable {
    /// `.helpcache/state`, where the stat caches live.
    public var stateDirectory: String
    /// Runs `git ls-files`; nil always walks.
    public var runner: (any ProcessRunner)?
    public var hasher: any ContentHasher
    public var threads: Int
    /// Whether an unchanged git listing may be reused without running git (see `GitListingCache`).
    public var reuseGitListing: Bool
    /// Where a corrupt stat cache or a failing git is reported (once per scan).
    public var warn: @Sendable (String) -> Void

    /// A scanner keeping stat caches in `stateDirectory`; `runner` runs git (nil: always walk).
    public init(
        stateDirectory: String, runner: (any ProcessRunner)?, hasher: any ContentHasher = FileContentHasher(),
        threads: Int = WorkerThreads.defaultCount, reuseGitListing: Bool = true,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.stateDirectory = stateDirectory
        self.runner = runner
        self.hasher = hasher
        self.threads = threads
        self.reuseGitListing = reuseGitListing
        self.warn = warn
    }

    /// Where the stat cache of `folder` lives: one file per folder, named by a hash of its path.
    public func statCachePath(_ folder: String) -> String {
        stateDirectory + "/statcache-" + String(SHA256.hash(folder).hex.prefix(16)) + ".bin"
    }

    /// Where the remembered git listing of `folder` lives.
    public func gitListingPath(_ folder: String) -> String {
        stateDirectory + "/gitlist-" + String(SHA256.hash(folder).hex.prefix(16)) + ".bin"
    }

    // MARK: - Scanning

    /// The inputs of the component in `folder`, after `rules`. The folder is resolved first
    /// (symlinks, `..`), so one folder always maps to one stat cache.
    public func scan(folder given: String, rules: InputRules = InputRules()) throws -> InputSet {
        let started = MonotonicTime.now()
        guard let folder = CacheFiles.realPath(given) else { throw HelpError.io("\(given) does not exist") }
        let cachePath = statCachePath(folder)
        var listing = Listing(paths: PathList(), stats: [], source: .walker)
        var cache = StatCache()
        if let listed = listWithGit(folder, rules: rules, cachePath: cachePath, cache: &cache) {
            listing = listed
        } else {
            cache = StatCache.load(cachePath, warn: warn)
            let walked = try TreeWalker(threads: threads).walk(folder)
            listing = Listing(paths: walked.paths, stats: walked.stats.map { $0 }, source: .walker).admitted(by: rules)
        }
        let (paths, stats) = listing.existing()

        var digests = [Digest?](repeating: nil, count: paths.count)
        var changed = reuse(cache, paths, stats, into: &digests)
        let toHash = (0..<paths.count).filter { digests[$0] == nil }
        try hashAll(toHash, paths, stats, folder: folder, into: &digests)
        changed = changed || !toHash.isEmpty
        let final = InputScanner.dropMissing(paths, stats, digests)
        if changed || final.paths.count != paths.count {
            // A stat cache that cannot be written only costs a rehash next time.
            try? CacheFiles.makeDirectories(stateDirectory)
            try? StatCache.save(cachePath, paths: final.paths, stats: final.stats, digests: final.digests)
        }
        let report = ScanReport(
            listed: listing.paths.count, hashed: toHash.count, statCacheWritten: changed,
            seconds: MonotonicTime.now().seconds(since: started))
        return InputSet(
            folder: folder, source: listing.source,
            files: InputFiles(paths: final.paths, digests: final.digests.map { $0! }), report: report)
    }
}

/// Listed paths (byte order) with their stats as far as known; nil for missing files.
struct Listing {
    var paths: PathList
    var stats: [StatFingerprint?]
    var source: InputSet.Source

    /// Only the paths the rules admit (stats filtered alongside when present).
    func admitted(by rules: InputRules) -> Listing {
        guard !rules.isEmpty else { return self }
        let kept = (0..<paths.count).filter { index in paths.withPath(index) { rules.admits($0) } }
        guard kept.count != paths.count else { return self }
        return Listing(paths: paths.selecting(kept), stats: stats.isEmpty ? [] : kept.map { stats[$0] }, source: source)
    }

    /// The paths that exist as files, with their stats.
    func existing() -> (PathList, [StatFingerprint]) {
        let present = (0..<paths.count).compactMap { index in stats[index].map { (index, $0) } }
        let indices = present.map(\.0)
        return (present.count == paths.count ? paths : paths.selecting(indices), present.map(\.1))
    }
}
