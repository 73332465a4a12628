import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A whole file mapped read-only into memory (pages shared with the page cache, so a 10 MB stat
/// cache costs neither a copy nor zero-filled pages), or an owned copy of bytes for tests and
/// small files. Unmapped on deinit. Cache files are only ever replaced by rename, never rewritten
/// in place, so a mapping stays valid while we hold it.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// Maps `path`; nil when it does not exist; throws when it cannot be read.
    static func map(_ path: String) throws -> MappedFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw CacheFiles.failure("cannot open", path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CacheFiles.failure("cannot stat", path) }
        let size = Int(info.st_size)
        guard size > 0 else { return MappedFile(copying: []) }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MappedFile.populate, fd, 0)
        guard let address, address != MAP_FAILED else {
            return MappedFile(copying: try FileSystem.readAll(fd, path: path))
        }
        return MappedFile(UnsafeRawBufferPointer(start: address, count: size), mapped: true)
    }

    /// An owned copy of `bytes`.
    convenience init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        copy.copyBytes(from: bytes)
        self.init(UnsafeRawBufferPointer(rebasing: copy[0..<bytes.count]), mapped: false)
    }

    private init(_ bytes: UnsafeRawBufferPointer, mapped: Bool) {
        self.bytes = bytes
        self.mapped = mapped
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    /// Linux MAP_POPULATE (not exported by the Glibc module): fault the pages in up front, in bulk.
    private static let populate: Int32 = 0x8000
}
