#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat(2)` says about a file, in the shape the stat cache and the walkers need.
public struct FileStat: Sendable, Hashable {
    /// The kind of a file system entry.
    public enum Kind: Sendable, Hashable {
        case regular, directory, symlink, other, unknown

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFLNK: self = .symlink
            default: self = .other
            }
        }

        init(directoryType: UInt8) {
            switch Int(directoryType) {
            case Int(DT_REG): self = .regular
            case Int(DT_DIR): self = .directory
            case Int(DT_LNK): self = .symlink
            case Int(DT_UNKNOWN): self = .unknown
            default: self = .other
            }
        }
    }

    public var size: Int64
    /// Modification time, nanoseconds since the epoch.
    public var modifiedNanoseconds: Int64
    /// Status change time, nanoseconds since the epoch (changes on chmod, rename, write).
    public var changedNanoseconds: Int64
    public var inode: UInt64
    public var device: UInt64
    /// Permission bits and file type, as in `st_mode`.
    public var mode: UInt32
    public var kind: Kind

    public init(
        size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64, inode: UInt64,
        device: UInt64 = 0, mode: UInt32, kind: Kind
    ) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
        self.mode = mode
        self.kind = kind
    }

    init(_ info: stat) {
        self.init(
            size: Int64(info.st_size),
            modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev),
            mode: UInt32(info.st_mode), kind: Kind(mode: info.st_mode))
    }

    /// The permission bits alone (`0o644`).
    public var permissions: UInt32 { mode & 0o7777 }
}
