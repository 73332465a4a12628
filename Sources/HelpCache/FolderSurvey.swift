import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every folder under a root that `git ls-files --others` could walk (all but the default-ignored
/// ones, which are passed to git as `-x`), with the stamp each had before git ran, plus the
/// `.gitignore` files found. If none of these stamps moves, no file was added, removed or renamed
/// anywhere git looks, so its earlier listing still holds.
struct FolderSurvey {
    /// Folder paths relative to the root (`""` is the root itself), in byte order.
    var folders: PathList
    var stamps: [WatchStamp]
    /// Relative paths of the `.gitignore` files inside.
    var ignoreFiles: [String]

    /// Surveys `root` on `threads` threads. Each folder is stamped (fstat of its open descriptor)
    /// before its entries are read, so a change during the survey still moves a stamp.
    static func run(_ root: String, threads: Int) throws -> FolderSurvey {
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw CacheFiles.failure("cannot open folder", root) }
        defer { close(rootFD) }
        let queue = FolderQueue(first: [])
        var parts = [FolderSurvey](
            repeating: FolderSurvey(folders: PathList(), stamps: [], ignoreFiles: []), count: threads)
        parts.withUnsafeMutableBufferPointer { slots in
            WorkerThreads.run(threads) { worker in
                var part = FolderSurvey(folders: PathList(), stamps: [], ignoreFiles: [])
                while let folder = queue.pop() {
                    queue.finish(adding: part.read(folder, rootFD: rootFD))
                }
                slots[worker] = part
            }
        }
        var all = FolderSurvey(folders: PathList(), stamps: [], ignoreFiles: [])
        for part in parts {
            for index in 0..<part.folders.count { part.folders.withPath(index) { all.folders.append($0) } }
            all.stamps += part.stamps
            all.ignoreFiles += part.ignoreFiles
        }
        let order = all.folders.sortedOrder()
        return FolderSurvey(
            folders: all.folders.selecting(order), stamps: order.map { all.stamps[$0] },
            ignoreFiles: all.ignoreFiles.sorted())
    }

    /// Stamps and reads one folder; returns its subfolders to survey.
    private mutating func read(_ folder: [UInt8], rootFD: Int32) -> [[UInt8]] {
        let fd =
            folder.isEmpty
            ? openat(rootFD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            : (folder + [0]).withUnsafeBufferPointer { path in
                path.withMemoryRebound(to: CChar.self) {
                    openat(rootFD, $0.baseAddress!, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
                }
            }
        var info = stat()
        let stamp = fd >= 0 && fstat(fd, &info) == 0 ? WatchStamp(info) : .missing
        folder.withUnsafeBufferPointer { folders.append($0) }
        stamps.append(stamp)
        guard fd >= 0, let dir = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return []
        }
        defer { closedir(dir) }
        var subfolders: [[UInt8]] = []
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
                if type == Int32(DT_UNKNOWN) {
                    var child = stat()
                    type =
                        fstatat(dirfd(dir), cName, &child, AT_SYMLINK_NOFOLLOW) == 0
                            && child.st_mode & S_IFMT == S_IFDIR
                        ? Int32(DT_DIR) : Int32(DT_REG)
                }
                let path = folder.isEmpty ? Array(name) : folder + [UInt8(ascii: "/")] + Array(name)
                if type == Int32(DT_DIR) {
                    if !DefaultIgnores.ignoresFolder(name) { subfolders.append(path) }
                } else if name.elementsEqual(".gitignore".utf8) {
                    ignoreFiles.append(String(decoding: path, as: UTF8.self))
                }
            }
        }
        return subfolders
    }
}
