#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the stat cache remembers about a file to decide, without reading it, that it is unchanged:
/// size, modification and change times in nanoseconds, inode, and whether it is a symlink.
public struct StatFingerprint: Sendable, Equatable {
    public var size: UInt64
    public var mtime: Int64
    public var ctime: Int64
    public var inode: UInt64
    public var isSymlink: Bool

    /// A fingerprint from its parts (tests, decoding).
    public init(size: UInt64, mtime: Int64, ctime: Int64, inode: UInt64, isSymlink: Bool = false) {
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
        self.inode = inode
        self.isSymlink = isSymlink
    }

    /// From a raw `stat`; nil for anything but regular files and symlinks (folders, sockets,
    /// submodule folders listed by git).
    init?(_ info: stat) {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFLNK else { return nil }
        size = UInt64(max(info.st_size, 0))
        mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        isSymlink = type == S_IFLNK
    }

    /// lstat of `path` relative to the open folder `dirfd`; nil when missing or not a file.
    static func at(_ dirfd: Int32, _ path: UnsafePointer<CChar>) -> StatFingerprint? {
        var info = stat()
        guard fstatat(dirfd, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return StatFingerprint(info)
    }

    /// Whether a digest taken now could miss a later same-tick edit, git's "racily clean" rule:
    /// the file was modified within `margin` of the moment the stat cache is written. File times
    /// come from a coarse kernel clock (and 1-2 s ticks on some file systems), hence the margin.
    func isRacy(writeTime: Int64, margin: Int64 = StatFingerprint.racyMargin) -> Bool {
        mtime >= writeTime - margin
    }

    /// Two seconds: the coarsest timestamp granularity in common use (FAT, some network mounts).
    public static let racyMargin: Int64 = 2_000_000_000
}
