import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Listing inside git: the listing (remembered, or fresh from `git ls-files`) is obtained while the
/// stat cache is loaded and the files it remembers are stat'ed, since they are nearly always the
/// files about to be listed.
extension InputScanner {
    /// The git listing with stats, or nil outside git (or when git fails, with a warning).
    func listWithGit(_ folder: String, rules: InputRules, cachePath: String, cache: inout StatCache) -> Listing? {
        guard let runner, let repository = GitRepository.containing(folder) else { return nil }
        var listed: Result<PathList, Error> = .success(PathList())
        var loaded = StatCache()
        var prestat: [StatFingerprint?] = []
        WorkerThreads.run(2) { job in
            if job == 1 {
                listed = Result { try gitListing(folder, repository: repository, git: GitFileLister(runner: runner)) }
            } else {
                loaded = StatCache.load(cachePath, warn: warn)
                let cache = loaded
                prestat = statAll(count: cache.count, in: folder) { cache.path($0) }
            }
        }
        cache = loaded
        let paths: PathList
        do {
            paths = try listed.get()
        } catch {
            warn("\(error); listing \(folder) without git")
            return nil
        }
        var listing = Listing(paths: paths, stats: [], source: .git).admitted(by: rules)
        listing.stats = InputScanner.carryOver(prestat, from: loaded, to: listing.paths)
        let unknown = (0..<listing.paths.count).filter { listing.stats[$0] == nil }
        if !unknown.isEmpty {
            let listed = listing.paths
            let found = listed.bytes.withUnsafeBufferPointer { all in
                statAll(count: unknown.count, in: folder) {
                    UnsafeBufferPointer(rebasing: all[listed.range(unknown[$0])])
                }
            }
            for (k, index) in unknown.enumerated() { listing.stats[index] = found[k] }
        }
        return listing
    }

    /// The remembered listing while nothing it depends on moved; otherwise git's, remembered for
    /// next time. Stamps are taken before git runs, so a change racing with git moves a stamp.
    private func gitListing(_ folder: String, repository: GitRepository, git: GitFileLister) throws -> PathList {
        let path = gitListingPath(folder)
        let reusable = reuseGitListing && repository.gitDirectory != nil && !GitRepository.environmentRedirects
        if reusable, let remembered = loadGitListing(path), remembered.isCurrent(folder: folder, threads: threads) {
            return remembered.listing
        }
        guard reusable else { return try git.list(folder) ?? PathList() }
        let started = CacheFiles.now()
        let survey = try FolderSurvey.run(folder, threads: threads)
        var files = repository.watchedFiles(for: folder) + survey.ignoreFiles.map { folder + "/" + $0 }
        if let excludes = git.configuredExcludesFile(folder) {
            files.append(excludes.hasPrefix("/") ? excludes : folder + "/" + excludes)
        }
        let stamps = files.map(WatchStamp.of)
        let listing = try git.list(folder) ?? PathList()
        let remembered = GitListingCache(
            files: files, fileStamps: stamps, folders: survey.folders,
            folderStamps: survey.stamps, listing: listing)
        if !remembered.isRacy(at: started, margin: StatFingerprint.racyMargin) {
            try? CacheFiles.makeDirectories(stateDirectory)
            try? CacheFiles.writeAtomically(path, remembered.encoded(), sync: false)
        } else {
            CacheFiles.removeTree(path)
        }
        return listing
    }

    /// The remembered listing at `path`: absent is nil; damaged is nil plus one warning, like the
    /// stat cache, and git is asked again.
    private func loadGitListing(_ path: String) -> GitListingCache? {
        do {
            guard let bytes = try CacheFiles.readIfExists(path) else { return nil }
            return try GitListingCache.decode(bytes)
        } catch {
            warn("ignoring the remembered git listing \(path) (\(error)); asking git again")
            return nil
        }
    }

    /// Stats taken for the cache's paths, moved to the positions of the same paths in `listed`
    /// (both in byte order); nil where a listed path was not in the cache or had no stat.
    static func carryOver(_ prestat: [StatFingerprint?], from cache: StatCache, to listed: PathList)
        -> [StatFingerprint?]
    {
        var out = [StatFingerprint?](repeating: nil, count: listed.count)
        listed.bytes.withUnsafeBufferPointer { all in
            var j = 0
            for i in 0..<listed.count {
                let path = UnsafeBufferPointer(rebasing: all[listed.range(i)])
                while j < cache.count && PathList.compare(cache.path(j), path) < 0 { j += 1 }
                if j < cache.count && PathList.compare(cache.path(j), path) == 0 {
                    out[i] = prestat[j]
                    j += 1
                }
            }
        }
        return out
    }
}
