#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of the world, on raw Glibc calls: read, stat, list, create, remove, rename; the
/// atomic, backed-up writes every edit of a user file goes through live in `FileSystem+Atomic`.
/// Errors are `HelpError.io` naming the path and the reason.
public struct FileSystem: Sendable {
    /// Stamps backup names.
    public var clock: Clock

    public init(clock: Clock = .system) {
        self.clock = clock
    }

    // MARK: - Reading

    /// The whole content of a file.
    public func readFile(_ path: String) throws -> [UInt8] {
        guard let bytes = try readFileIfExists(path) else {
            throw HelpError.io("cannot read \(path): \(errnoMessage(ENOENT))")
        }
        return bytes
    }

    /// The whole content of a file, or nil when nothing is there. Read in one go into
    /// uninitialized memory (a 10 MB stat cache is not zero-filled first).
    public func readFileIfExists(_ path: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw failure("cannot read", path)
        }
        defer { closeDescriptor(fd) }
        return try Self.readAll(fd, path: path)
    }

    /// Everything readable from an open descriptor, sized by fstat and read in one go when
    /// possible; `path` names the file in errors.
    public static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var info = Glibc.stat()
        guard fstat(fd, &info) == 0 else { throw HelpError.io("cannot stat \(path): \(errnoMessage())") }
        var capacity = max(Int(info.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = Self.fill(fd, buffer, &failed)
        }
        while !failed && bytes.count == capacity {  // the file grew while we read it
            let more = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = Self.fill(fd, buffer, &failed)
            }
            if more.isEmpty { break }
            bytes += more
            capacity = bytes.count
        }
        if failed { throw HelpError.io("cannot read \(path): \(errnoMessage())") }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; returns the count.
    private static func fill(_ fd: Int32, _ buffer: UnsafeMutableBufferPointer<UInt8>, _ failed: inout Bool) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let n = read(fd, base + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                return filled
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// The content of a text file (invalid UTF-8 shows as U+FFFD).
    public func readText(_ path: String) throws -> String {
        String(decoding: try readFile(path), as: UTF8.self)
    }

    /// The content of a text file that is about to be edited: invalid UTF-8 is a data error, since
    /// writing back its U+FFFD replacements would change bytes the edit never meant to touch.
    public func readEditableText(_ path: String) throws -> String {
        let bytes = try readFile(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = Self.firstInvalidUTF8(bytes)
            throw HelpError.badData(
                "\(path) is not UTF-8 text (byte \(offset)); help does not rewrite it",
                hint: "convert it to UTF-8 (iconv -t UTF-8) or edit it by hand")
        }
        return text
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var low = 0
        var high = bytes.count
        // The longest valid prefix, by bisection over String(validating:).
        while low < high {
            let middle = (low + high + 1) / 2
            if String(validating: bytes[..<middle], as: UTF8.self) != nil { low = middle } else { high = middle - 1 }
        }
        return low
    }

    // MARK: - Metadata

    /// True when something (file, folder, working symlink) is at `path`.
    public func exists(_ path: String) -> Bool {
        var info = Glibc.stat()
        return statPath(path, &info) == 0
    }

    /// The absolute path with every symlink resolved (`realpath`), or nil when it does not exist.
    public func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` is a folder (following symlinks).
    public func isDirectory(_ path: String) -> Bool {
        (try? stat(path))?.kind == .directory
    }

    /// The folder this process runs in; `/` when it cannot be read (it was removed).
    public func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Size, times, inode and mode of `path`; `followLinks: false` describes a symlink itself.
    public func stat(_ path: String, followLinks: Bool = true) throws -> FileStat {
        var info = Glibc.stat()
        let status = statPath(path, &info, followLinks: followLinks)
        guard status == 0 else { throw failure("cannot stat", path) }
        return FileStat(info)
    }

    /// The names in a folder (without `.` and `..`), with their kind when the file system says it
    /// for free (d_type), in directory order.
    public func listDirectory(_ path: String) throws -> [DirectoryEntry] {
        guard let dir = opendir(path) else { throw failure("cannot list", path) }
        defer { closedir(dir) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            entries.append(DirectoryEntry(name: name, kind: FileStat.Kind(directoryType: entry.pointee.d_type)))
        }
        return entries
    }

    // MARK: - Changing

    /// `mkdir -p`: creates `path` and missing parents; fine if it already is a folder. A path in a
    /// `.helpcache` goes through `CacheFolder`, which refuses symlinks and adds its `.gitignore`.
    public func createDirectories(_ path: String, mode: mode_t = 0o755) throws {
        if let cache = HelpCacheFolder.enclosing(path) {
            return try HelpCacheFolder.createDirectories(path, below: cache)
        }
        if isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createDirectories(String(path[..<slash]), mode: mode)
        }
        if mkdir(path, mode) != 0 && !(errno == EEXIST && isDirectory(path)) {
            throw failure("cannot create folder", path)
        }
    }

    /// A new folder only this process can have made: `mkdtemp(3)` of `prefix` plus six random
    /// characters (`/tmp/help-testdb-` gives `/tmp/help-testdb-a8Zk2Q`). Returns its path.
    public func makeUniqueDirectory(prefix: String) throws -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard made != nil else { throw failure("cannot create a folder named like", prefix + "XXXXXX") }
        return String(cString: template)
    }

    /// `rm -rf`: removes a file, a symlink (not its target) or a folder with everything in it.
    /// Fine if nothing is there.
    public func remove(_ path: String) throws {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw failure("cannot remove", path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for entry in try listDirectory(path) { try remove(path + "/" + entry.name) }
            if rmdir(path) != 0 && errno != ENOENT { throw failure("cannot remove folder", path) }
        } else if unlink(path) != 0 && errno != ENOENT {
            throw failure("cannot remove", path)
        }
    }

    /// Moves `source` to `destination` in one step (same file system), replacing a file there.
    public func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else {
            throw HelpError.io("cannot move \(source) to \(destination): \(errnoMessage())")
        }
    }

    /// Sets the permission bits of `path` (following a symlink, as chmod(1) does).
    public func setPermissions(_ path: String, _ mode: mode_t) throws {
        guard chmod(path, mode) == 0 else { throw failure("cannot change the mode of", path) }
    }

    /// An I/O error naming the path and the current errno.
    func failure(_ what: String, _ path: String) -> HelpError {
        HelpError.io("\(what) \(path): \(errnoMessage())")
    }
}

/// One name in a folder listing.
public struct DirectoryEntry: Sendable, Hashable {
    public var name: String
    /// `.unknown` when the file system does not report types; `stat` it then.
    public var kind: FileStat.Kind
}
