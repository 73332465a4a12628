import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// The few file operations the cache needs, on raw syscalls: whole-file reads, atomic writes
/// (temp file in the same folder, fsync, rename), folder creation, listing and removal.
/// Errors become `HelpError.io` naming the path and the system's reason.
public enum CacheFiles {
    // MARK: - Reading

    /// The whole file, or nil when it does not exist.
    public static func readIfExists(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("cannot open", path)
        }
        defer { close(fd) }
        return try readAll(fd: fd, path: path)
    }

    /// The whole file; a missing file is an error.
    public static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try readIfExists(path) else { throw HelpError.io("\(path) does not exist") }
        return bytes
    }

    /// Everything readable from an open descriptor, sized by fstat and read in one go when possible
    /// (into uninitialized memory: a 10 MB stat cache is not zero-filled first).
    static func readAll(fd: Int32, path: String) throws -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot stat", path) }
        var capacity = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = fill(fd, buffer.baseAddress!, capacity, &failed)
        }
        while !failed && bytes.count == capacity {  // the file grew while we read it
            capacity *= 2
            var more = [UInt8](unsafeUninitializedCapacity: capacity - bytes.count) { buffer, count in
                count = fill(fd, buffer.baseAddress!, buffer.count, &failed)
            }
            bytes.append(contentsOf: more)
            if more.isEmpty { break }
            more.removeAll()
        }
        if failed { throw failure("cannot read", path) }
        return bytes
    }

    /// Reads until `capacity` bytes or the end; returns the count.
    private static func fill(_ fd: Int32, _ base: UnsafeMutablePointer<UInt8>, _ capacity: Int, _ failed: inout Bool)
        -> Int
    {
        var filled = 0
        while filled < capacity {
            let n = Glibc.read(fd, base + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    // MARK: - Writing

    /// Writes `bytes` to `path` so readers see either the old file or the new one, never a part:
    /// a temp file beside it, fsync (unless `sync` is false, for counters that may be lost), rename.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644, sync: Bool = true) throws
    {
        let temp = temporaryName(beside: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("cannot create", temp) }
        do {
            try writeAll(fd: fd, bytes, path: temp)
            if sync && fsync(fd) != 0 { throw failure("cannot sync", temp) }
            close(fd)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let error = failure("cannot rename into", path)
            unlink(temp)
            throw error
        }
    }

    /// Writes a new file (O_EXCL) with fsync; used inside entry folders that are not yet visible.
    static func writeNew(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("cannot create", path) }
        defer { close(fd) }
        try writeAll(fd: fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw failure("cannot sync", path) }
    }

    static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            offset += n
        }
    }

    /// A unique name in the same folder as `path`, so the final rename stays on one file system.
    static func temporaryName(beside path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + ".tmp-" + String(path[slash...]) + "-\(getpid())-" + randomHex(bytes: 6)
    }

    // MARK: - Folders

    /// Creates `path` and its missing parents (through `FileSystem`, so a `.helpcache` is born with
    /// its `.gitignore` and never followed through a symlink).
    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws {
        try FileSystem().createDirectories(path, mode: mode)
    }

    /// fsyncs a folder so a rename into it survives a crash (best effort).
    public static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// The names in a folder (without `.` and `..`) and whether each is a folder; empty if missing.
    public static func list(_ path: String) -> [(name: String, isDirectory: Bool)] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var out: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            out.append((name, isDirectory))
        }
        return out
    }

    /// Removes a file or a whole folder tree; a missing path is fine.
    public static func removeTree(_ path: String) {
        if unlink(path) == 0 || errno == ENOENT { return }
        for entry in list(path) {
            let child = path + "/" + entry.name
            if entry.isDirectory { removeTree(child) } else { unlink(child) }
        }
        rmdir(path)
    }

    // MARK: - Small utilities

    /// The absolute path with symlinks resolved, or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        FileSystem().realPath(path)
    }

    /// Nanoseconds since the epoch (the clock file times are compared with).
    public static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Cryptographically random bytes from the kernel (`/dev/urandom`, which never blocks once
    /// the system is up).
    static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        precondition(fd >= 0, "cannot open /dev/urandom")
        defer { close(fd) }
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, count - filled) }
            if n > 0 { filled += n } else { precondition(n < 0 && errno == EINTR, "cannot read /dev/urandom") }
        }
        return bytes
    }

    static func randomHex(bytes count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String(randomBytes(count).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    static func failure(_ what: String, _ path: String) -> HelpError {
        HelpError.io("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
