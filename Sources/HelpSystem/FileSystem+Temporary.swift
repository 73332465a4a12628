#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary file behind an atomic write. On Linux it has no name while it is written
/// (`O_TMPFILE`), so a process killed mid-write leaves nothing beside the target; it is linked
/// under a name only for the instant before the rename. That name carries the writer's pid, so a
/// later write into the same folder removes what a killed writer left in that instant.
struct AtomicTemporary {
    let fd: Int32
    /// The folder's temporary name once linked (or from the start, where `O_TMPFILE` is missing).
    private(set) var name: String?
    private let folder: String
    private let prefix: String

    /// Opens an unnamed file in `folder`, else a named one (`.<name>.help-<pid>-XXXXXX`).
    init(folder: String, name: String) throws {
        self.folder = folder
        prefix = ".\(name).help-"
        Self.removeLeftovers(folder: folder, prefix: prefix)
        let unnamed = open(folder, Self.temporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o600)
        if unnamed >= 0 {
            fd = unnamed
            return
        }
        var template = Array("\(folder)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let named = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard named >= 0 else {
            throw FileSystem().failure("cannot write a temporary file beside", "\(folder)/\(name)")
        }
        _ = fcntl(named, F_SETFD, FD_CLOEXEC)
        fd = named
        self.name = String(cString: template)
    }

    /// Gives the written file a name in the folder, ready for `rename`.
    mutating func link() throws {
        if name != nil { return }
        let candidate = "\(folder)/\(prefix)\(getpid())-\(SystemRandom.hex(bytes: 6))"
        guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 else {
            throw FileSystem().failure("cannot name a temporary file in", folder)
        }
        name = candidate
    }

    /// Removes the name, if it has one (the unnamed file goes with its descriptor).
    func discard() {
        if let name { unlink(name) }
    }

    // MARK: - Leftovers

    /// `__O_TMPFILE | O_DIRECTORY`: the Glibc module does not import the composite macro.
    private static let temporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Removes `<prefix><pid>-…` files whose writer is no longer running.
    static func removeLeftovers(folder: String, prefix: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }
}
