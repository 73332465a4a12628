import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the files under a folder outside git with raw syscalls: openat + readdir with d_type, and
/// one fstatat per file, on several threads sharing a queue of folders. Default-ignored folders
/// (see `DefaultIgnores`) are not entered; symlinks are listed, never followed. Each folder's
/// entries are sorted on their own (a subfolder counting as its name plus `/`), so joining the
/// folders depth-first gives byte order without one big sort.
public struct TreeWalker: Sendable {
    public var threads: Int

    /// A walker using `threads` threads.
    public init(threads: Int = WorkerThreads.defaultCount) {
        self.threads = threads
    }

    /// Files under `root` as relative paths in byte order, with their stats.
    public func walk(_ root: String) throws -> (paths: PathList, stats: [StatFingerprint]) {
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw CacheFiles.failure("cannot open folder", root) }
        defer { close(rootFD) }
        let queue = FolderQueue(first: [])
        var parts = [[FolderEntries]](repeating: [], count: threads)
        parts.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.run(threads) { worker in
                var read: [FolderEntries] = []
                while let folder = queue.pop() {
                    let entries = FolderEntries.read(folder, rootFD: rootFD)
                    queue.finish(adding: entries.subfolderPaths)
                    read.append(entries)
                }
                slots[worker] = read
            }
        }
        var byPath: [[UInt8]: FolderEntries] = [:]
        for part in parts {
            for entries in part { byPath[entries.path] = entries }
        }
        var paths = PathList()
        var stats: [StatFingerprint] = []
        TreeWalker.emit([], byPath, &paths, &stats)
        return (paths, stats)
    }

    /// Appends the files of `folder` and, in place, of its subfolders.
    private static func emit(
        _ folder: [UInt8], _ byPath: [[UInt8]: FolderEntries], _ paths: inout PathList, _ stats: inout [StatFingerprint]
    ) {
        guard let entries = byPath[folder] else { return }
        entries.names.withUnsafeBufferPointer { names in
            folder.withUnsafeBufferPointer { prefix in
                for entry in entries.entries {
                    let name = UnsafeBufferPointer(rebasing: names[Int(entry.start)..<Int(entry.start + entry.length)])
                    if entry.isFolder {
                        var child = folder
                        if !child.isEmpty { child.append(UInt8(ascii: "/")) }
                        child.append(contentsOf: name)
                        emit(child, byPath, &paths, &stats)
                    } else {
                        paths.append(prefix: prefix, name: name)
                        stats.append(entry.stat)
                    }
                }
            }
        }
    }
}

/// One folder's files (with stats) and walkable subfolders, sorted so that a depth-first join of
/// all folders is in byte order.
struct FolderEntries {
    /// A name in `names` and what it is.
    struct Entry {
        var start: Int32
        var length: Int32
        var isFolder: Bool
        var stat: StatFingerprint
    }

    /// The folder, relative to the root.
    var path: [UInt8]
    /// The entry names back to back.
    var names: [UInt8] = []
    var entries: [Entry] = []

    /// The relative paths of the subfolders to walk next.
    var subfolderPaths: [[UInt8]] {
        entries.filter(\.isFolder).map { entry in
            var child = path
            if !child.isEmpty { child.append(UInt8(ascii: "/")) }
            child.append(contentsOf: names[Int(entry.start)..<Int(entry.start + entry.length)])
            return child
        }
    }

    /// Reads `folder`: stats its files, keeps subfolders that are not default-ignored, sorts.
    static func read(_ folder: [UInt8], rootFD: Int32) -> FolderEntries {
        var result = FolderEntries(path: folder)
        let fd =
            folder.isEmpty
            ? openat(rootFD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            : (folder + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) {
                    openat(rootFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                }
            }
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return result
        }
        defer { closedir(dir) }
        let dfd = dirfd(dir)
        let none = StatFingerprint(size: 0, mtime: 0, ctime: 0, inode: 0)
        while let entry = readdir(dir) {
            withUnsafePointer(to: &entry.pointee.d_name) { namePointer in
                let cName = UnsafeRawPointer(namePointer).assumingMemoryBound(to: CChar.self)
                let name = UnsafeBufferPointer(
                    start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
                if name.count <= 2 && name[0] == UInt8(ascii: ".") && (name.count == 1 || name[1] == UInt8(ascii: "."))
                {
                    return
                }
                var type = Int32(entry.pointee.d_type)
                var known: StatFingerprint?
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard fstatat(dfd, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                    if info.st_mode & S_IFMT == S_IFDIR {
                        type = Int32(DT_DIR)
                    } else {
                        known = StatFingerprint(info)
                        type = Int32(DT_REG)
                    }
                }
                if type == Int32(DT_DIR) {
                    guard !DefaultIgnores.ignoresFolder(name) else { return }
                    result.add(name, isFolder: true, stat: none)
                } else if type == Int32(DT_REG) || type == Int32(DT_LNK) {
                    guard !DefaultIgnores.ignoresFile(name), let info = known ?? StatFingerprint.at(dfd, cName) else {
                        return
                    }
                    result.add(name, isFolder: false, stat: info)
                }
            }
        }
        result.sort()
        return result
    }

    private mutating func add(_ name: UnsafeBufferPointer<UInt8>, isFolder: Bool, stat: StatFingerprint) {
        entries.append(Entry(start: Int32(names.count), length: Int32(name.count), isFolder: isFolder, stat: stat))
        names.append(contentsOf: name)
    }

    /// Byte order of the names, a folder's name read as if followed by `/`.
    private mutating func sort() {
        names.withUnsafeBufferPointer { all in
            entries.sort { a, b in
                let common = Int(min(a.length, b.length))
                if common > 0 {
                    let order = memcmp(all.baseAddress! + Int(a.start), all.baseAddress! + Int(b.start), common)
                    if order != 0 { return order < 0 }
                }
                // After the common part: the next byte, a folder's implied `/`, or the end (-1).
                let nextA =
                    a.length > common ? Int(all[Int(a.start) + common]) : (a.isFolder ? Int(UInt8(ascii: "/")) : -1)
                let nextB =
                    b.length > common ? Int(all[Int(b.start) + common]) : (b.isFolder ? Int(UInt8(ascii: "/")) : -1)
                return nextA < nextB
            }
        }
    }
}
