#if canImport(Glibc)
import Glibc
#endif

/// Lists the files under a folder outside git with raw syscalls: openat + readdir with d_type, and
/// one fstatat per file, on several threads sharing a queue of folders. Default-ignored folders
/// (see `DefaultIgnores`) are not entered; symlinks are listed, never followed.
public struct TreeWalker: Sendable {
    public var threads: Int

    public init(threads: Int = WorkerThreads.defaultCount) {
        self.threads = threads
    }

    /// Files under `root` as relative paths in byte order, with their stats.
    public func walk(_ root: String) throws -> (paths: PathList, stats: [StatFingerprint]) {
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw CacheFiles.failure("cannot open folder", root) }
        defer { close(rootFD) }
        let queue = FolderQueue(first: [])
        var parts = [(PathList, [StatFingerprint])](repeating: (PathList(), []), count: threads)
        parts.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.run(threads) { worker in
                var found = PathList()
                var stats: [StatFingerprint] = []
                while let folder = queue.pop() {
                    let subfolders = TreeWalker.read(folder, rootFD: rootFD, into: &found, &stats)
                    queue.finish(adding: subfolders)
                }
                slots[worker] = (found, stats)
            }
        }
        return merge(parts)
    }

    // MARK: - One folder

    /// Reads one folder: files go into `found`/`stats`, subfolders to walk are returned.
    private static func read(_ folder: [UInt8], rootFD: Int32, into found: inout PathList, _ stats: inout [StatFingerprint]) -> [[UInt8]] {
        let fd = folder.isEmpty ? openat(rootFD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            : (folder + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) { openat(rootFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
            }
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return []
        }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        var subfolders: [[UInt8]] = []
        folder.withUnsafeBufferPointer { prefix in
            while let entry = readdir(dir) {
                withUnsafePointer(to: &entry.pointee.d_name) { namePointer in
                    let cName = UnsafeRawPointer(namePointer).assumingMemoryBound(to: CChar.self)
                    let name = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
                    if name.count <= 2 && name[0] == UInt8(ascii: ".") && (name.count == 1 || name[1] == UInt8(ascii: ".")) { return }
                    var type = Int32(entry.pointee.d_type)
                    var known: StatFingerprint?
                    if type == Int32(DT_UNKNOWN) {
                        var info = stat()
                        guard fstatat(dfd, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                        if info.st_mode & S_IFMT == S_IFDIR { type = Int32(DT_DIR) } else { known = StatFingerprint(info); type = Int32(DT_REG) }
                    }
                    if type == Int32(DT_DIR) {
                        guard !DefaultIgnores.ignoresFolder(name) else { return }
                        var sub = [UInt8](prefix)
                        if !sub.isEmpty { sub.append(UInt8(ascii: "/")) }
                        sub.append(contentsOf: name)
                        subfolders.append(sub)
                    } else if type == Int32(DT_REG) || type == Int32(DT_LNK) {
                        guard !DefaultIgnores.ignoresFile(name), let info = known ?? StatFingerprint.at(dfd, cName) else { return }
                        found.append(prefix: prefix, name: name)
                        stats.append(info)
                    }
                }
            }
        }
        return subfolders
    }

    // MARK: - Merging

    /// Joins the workers' lists and sorts them into byte order.
    private func merge(_ parts: [(PathList, [StatFingerprint])]) -> (paths: PathList, stats: [StatFingerprint]) {
        var all = PathList()
        var stats: [StatFingerprint] = []
        stats.reserveCapacity(parts.reduce(0) { $0 + $1.1.count })
        for (list, partStats) in parts {
            for i in 0..<list.count { list.withPath(i) { all.append($0) } }
            stats.append(contentsOf: partStats)
        }
        let order = all.sortedOrder()
        return (all.selecting(order), order.map { stats[$0] })
    }
}
