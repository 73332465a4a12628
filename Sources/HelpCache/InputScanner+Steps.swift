#if canImport(Glibc)
import Glibc
#endif
import HelpSystem

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
    func reuse(_ cache: StatCache, _ paths: PathList, _ stats: [StatFingerprint], into digests: inout [Digest?]) -> Bool {
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

    /// Hashes the files at `indices` on the worker threads. A file that vanished meanwhile is
    /// left without a digest (and dropped); any other failure is thrown.
    func hashAll(_ indices: [Int], _ paths: PathList, _ stats: [StatFingerprint], folder: String,
                 into digests: inout [Digest?]) throws {
        let failures = FailureList()
        digests.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.forEachChunk(indices.count, chunk: 64, threads: threads) { chunk in
                for k in chunk {
                    let index = indices[k]
                    let path = folder + "/" + paths.path(index)
                    do {
                        slots[index] = try hasher.digest(ofFileAt: path, isSymlink: stats[index].isSymlink)
                    } catch {
                        var info = stat()
                        if lstat(path, &info) != 0 && errno == ENOENT { continue }
                        failures.add(error)
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

/// Stats relative paths by their folder: keeps the last folder open so consecutive files in it
/// are looked up by name only.
struct FolderOpener {
    /// Linux O_PATH (not exported by the Glibc module): a descriptor good for *at calls only.
    static let pathOnly: Int32 = 0o10_000_000
    private let root: Int32
    private var folder: [UInt8] = []
    private var folderFD: Int32
    private var name = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)

    init(root: Int32) {
        self.root = root
        self.folderFD = root
    }

    /// lstat of `path` (relative to the root); nil when missing, too long or not a file.
    mutating func stat(_ path: UnsafeBufferPointer<UInt8>) -> StatFingerprint? {
        guard path.count < name.count else { return nil }
        var slash = path.count - 1
        while slash >= 0 && path[slash] != UInt8(ascii: "/") { slash -= 1 }
        let parent = UnsafeBufferPointer(rebasing: path[0..<max(slash, 0)])
        if !parent.elementsEqual(folder) {
            close()
            folder = Array(parent)
            if !parent.isEmpty {
                copy(parent)
                folderFD = openat(root, name, FolderOpener.pathOnly | O_DIRECTORY | O_CLOEXEC)
                if folderFD < 0 { folderFD = -1 }
            }
        }
        guard folderFD >= 0 else { return nil }
        copy(UnsafeBufferPointer(rebasing: path[(slash + 1)...]))
        return StatFingerprint.at(folderFD, name)
    }

    /// Closes the folder held open (never the root).
    mutating func close() {
        if folderFD >= 0 && folderFD != root { Glibc.close(folderFD) }
        folderFD = root
        folder = []
    }

    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        name.withUnsafeMutableBytes { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(bytes))
            raw[bytes.count] = 0
        }
    }
}

/// Errors collected from worker threads.
final class FailureList: @unchecked Sendable {
    private let lock = Mutex()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.withLock { errors.append(error) } }
    var first: Error? { lock.withLock { errors.first } }
}
