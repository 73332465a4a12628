import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the cache needs, on raw syscalls: whole-file reads, atomic writes
/// (temp file in the same folder, fsync, rename), folder creation, listing and removal.
/// Errors become `HelpError.io` naming the path and the system's reason.
public enum CacheFiles {
    // MARK: - Reading

    /// The whole file, or nil when it does not exist.
    public static func readIfExists(_ path: String) throws -> [UInt8]? {
        try FileSystem().readFileIfExists(path)
    }

    /// The whole file; a missing file is an error.
    public static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try readIfExists(path) else { throw HelpError.io("\(path) does not exist") }
        return bytes
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
        guard FileDescriptorWriter.writeAll(fd, bytes) else { throw failure("cannot write", path) }
    }

    /// A unique name in the same folder as `path`, so the final rename stays on one file system.
    static func temporaryName(beside path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return String(path[..<slash]) + ".tmp-" + String(path[slash...]) + "-\(getpid())-" + SystemRandom.hex(bytes: 6)
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

    /// The names in a folder (without `.` and `..`) and whether each is a folder (a symlink is
    /// not); empty if missing.
    public static func list(_ path: String) -> [(name: String, isDirectory: Bool)] {
        let fileSystem = FileSystem()
        return ((try? fileSystem.listDirectory(path)) ?? []).map { entry in
            let kind =
                entry.kind == .unknown
                ? (try? fileSystem.stat(path + "/" + entry.name, followLinks: false))?.kind : entry.kind
            return (entry.name, kind == .directory)
        }
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

    static func failure(_ what: String, _ path: String) -> HelpError {
        HelpError.io("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
