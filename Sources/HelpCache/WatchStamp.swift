#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is remembered of a file or folder to notice that it changed: whether it exists, its size,
/// modification and change times and inode. A folder's times move whenever an entry is added,
/// removed or renamed in it, which is what the git listing cache relies on.
struct WatchStamp: Equatable {
    var exists: Bool
    var size: UInt64
    var mtime: Int64
    var ctime: Int64
    var inode: UInt64

    static let missing = WatchStamp(exists: false, size: 0, mtime: 0, ctime: 0, inode: 0)
    static let encodedSize = 33

    init(exists: Bool, size: UInt64, mtime: Int64, ctime: Int64, inode: UInt64) {
        self.exists = exists
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
    }

    init(_ info: stat) {
        self.init(
            exists: true, size: UInt64(max(info.st_size, 0)),
            mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            ctime: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino))
    }

    /// The stamp of `path`, following symlinks (config files are often links); `.missing` when absent.
    static func of(_ path: String) -> WatchStamp {
        var info = stat()
        return stat(path, &info) == 0 ? WatchStamp(info) : .missing
    }

    /// The stamp of `path` relative to the open folder `dirfd`, not following a final symlink.
    static func at(_ dirfd: Int32, _ path: UnsafePointer<CChar>) -> WatchStamp {
        var info = stat()
        return fstatat(dirfd, path, &info, AT_SYMLINK_NOFOLLOW) == 0 ? WatchStamp(info) : .missing
    }

    /// Modified within `margin` of `time`: a later change in the same clock tick could go unseen.
    func isRacy(at time: Int64, margin: Int64) -> Bool {
        exists && mtime >= time - margin
    }

    // MARK: - Encoding

    func write(to writer: inout ByteWriter) {
        writer.u8(exists ? 1 : 0)
        writer.u64(size)
        writer.i64(mtime)
        writer.i64(ctime)
        writer.u64(inode)
    }

    static func read(from reader: inout ByteReader) throws -> WatchStamp {
        WatchStamp(
            exists: try reader.u8() == 1, size: try reader.u64(), mtime: try reader.i64(),
            ctime: try reader.i64(), inode: try reader.u64())
    }
}
