import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parallel steps of a scan: stat, reuse from the stat cache, hash.
extension InputScanner {
    /// lstat of `count` paths given by `pathAt` on the worker threads; nil for missing files and
    /// non-files. Paths come sorted, so neighbours share a folder: each worker opens that folder
    /// once (O_PATH) and stats names inside it, sparing the kernel a full path walk per file.
    func statAll(count: Int, in folder: String, _ pathAt: (Int) -> UnsafeBufferPointer<UInt8>) -> [StatFingerprint?] {
        var found = [StatFingerprint?](repeating: nil, count: count)
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { return found }
        defer { close(folderFD) }
        found.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.forEachChunk(count, chunk: 1024, threads: threads) { chunk in
                var opener = FolderOpener(root: folderFD)
                defer { opener.close() }
                for k in chunk { slots[k] = opener.stat(pathAt(k)) }
            }
        }
        return found
    }

    /// Takes digests from the stat cache where path and stat match (both lists are sorted).
    /// Returns whether the cache's entries differ from what is current.
    func reuse(_ cache: StatCache, _ paths: PathList, _ stats: [StatFingerprint], into digests: inout [Digest?]) -> Bool
    {
        var matched = 0
        paths.bytes.withUnsafeBufferPointer { all in
            var j = 0
            for i in 0..<paths.count {
                let path = UnsafeBufferPointer(rebasing: all[paths.range(i)])
                while j < cache.count && PathList.compare(cache.path(j), path) < 0 { j += 1 }
                guard j < cache.count, PathList.compare(cache.path(j), path) == 0 else { continue }
                if cache.stat(j) == stats[i], let digest = cache.digest(j) {
                    digests[i] = digest
                    matched += 1
                }
                j += 1
            }
        }
        return matched != cache.count
    }

    /// Hashes the files at `indices` on the worker threads, opening each by name in its folder.
    /// A file that vanished meanwhile is left without a digest (and dropped); any other failure
    /// is thrown.
    func hashAll(
        _ indices: [Int], _ paths: PathList, _ stats: [StatFingerprint], folder: String,
        into digests: inout [Digest?]
    ) throws {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { throw CacheFiles.failure("cannot open folder", folder) }
        defer { close(folderFD) }
        let failures = FailureList()
        let hasher = self.hasher
        digests.withUnsafeMutableBufferPointer { slots in
            paths.bytes.withUnsafeBufferPointer { all in
                WorkerThreads.forEachChunk(indices.count, chunk: 64, threads: threads) { chunk in
                    var opener = FolderOpener(root: folderFD)
                    defer { opener.close() }
                    for k in chunk {
                        let index = indices[k]
                        let relative = UnsafeBufferPointer(rebasing: all[paths.range(index)])
                        let path = { folder + "/" + String(decoding: relative, as: UTF8.self) }
                        let outcome: Result<Digest, Error>? = opener.withLocation(relative) { dirFD, name in
                            Result {
                                try hasher.digest(
                                    in: dirFD, name: name, size: Int(stats[index].size),
                                    isSymlink: stats[index].isSymlink, path: path)
                            }
                        }
                        switch outcome {
                        case .success(let digest)?: slots[index] = digest
                        case .failure(let error)?:
                            var info = stat()
                            if lstat(path(), &info) != 0 && errno == ENOENT { continue }
                            failures.add(error)
                        case nil:
                            continue  // its folder is gone: the file vanished
                        }
                    }
                }
            }
        }
        if let first = failures.first { throw first }
    }

    /// The entries that have a digest (files that vanished while hashing drop out).
    static func dropMissing(_ paths: PathList, _ stats: [StatFingerprint], _ digests: [Digest?])
        -> (paths: PathList, stats: [StatFingerprint], digests: [Digest?])
    {
        let kept = (0..<paths.count).filter { digests[$0] != nil }
        if kept.count == paths.count { return (paths, stats, digests) }
        return (paths.selecting(kept), kept.map { stats[$0] }, kept.map { digests[$0] })
    }
}

/// Errors collected from worker threads.
final class FailureList: @unchecked Sendable {
    private let lock = Mutex()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.withLock { errors.append(error) } }
    var first: Error? { lock.withLock { errors.first } }
}
