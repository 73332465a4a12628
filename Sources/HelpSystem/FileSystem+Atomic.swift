#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Atomic, backed-up edits: a reader sees the old content or the new one, never a mix, and a crash
/// at any moment leaves the old file intact and no temporary file beside it that outlives the next
/// write into that folder.
extension FileSystem {
    // MARK: - Atomic write

    /// Replaces the content of `path`: a temporary file in the same folder (unnamed until the
    /// rename, see `AtomicTemporary`), fsync, rename over the target, fsync the folder. The mode is `mode`, else the old file's, else 0644; an existing
    /// file keeps its owner, and a symlink keeps pointing where it did (its target is written).
    public func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t? = nil) throws {
        try writeAtomically(path, bytes, mode: mode, beforeRename: {})
    }

    /// The same, with a hook between the fsync and the rename so tests can stand in for a crash.
    func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t?, beforeRename: () throws -> Void) throws {
        let target = resolvedTarget(path)
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        let existing = try? stat(target)

        var temporary = try AtomicTemporary(folder: folder, name: name)
        var renamed = false
        defer { if !renamed { temporary.discard() } }
        do {
            defer { closeDescriptor(temporary.fd) }
            try writeAll(temporary.fd, bytes, path: target)
            let permissions = mode ?? existing.map { mode_t($0.permissions) } ?? 0o644
            guard fchmod(temporary.fd, permissions) == 0 else {
                throw failure("cannot set the mode of a copy of", target)
            }
            // Root editing someone's file must not hand it over to root.
            var owner = Glibc.stat()
            if existing != nil, geteuid() == 0, statPath(target, &owner) == 0 {
                _ = fchown(temporary.fd, owner.st_uid, owner.st_gid)
            }
            guard fsync(temporary.fd) == 0 else { throw failure("cannot flush a copy of", target) }
            try beforeRename()
            try temporary.link()
        }
        guard let named = temporary.name, Glibc.rename(named, target) == 0 else {
            throw failure("cannot replace", target)
        }
        renamed = true
        syncDirectory(folder)
    }

    // MARK: - Backups

    /// Copies `path` into `backupsDir` (created if needed) as `<timestamp>-<name>`, readable by the
    /// owner only (0600, or the file's own mode when stricter), and returns the copy's path for
    /// `restore`.
    @discardableResult
    public func backup(_ path: String, into backupsDir: String) throws -> String {
        let content = try readFile(path)
        let info = try stat(path)
        try createDirectories(backupsDir)
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let stem = backupsDir + "/" + clock.wall().fileStamp + "-" + name
        var candidate = stem
        var counter = 1
        while exists(candidate) {
            candidate = stem + "." + String(counter)
            counter += 1
        }
        try writeAtomically(candidate, content, mode: mode_t(info.permissions) & 0o600)
        return candidate
    }

    /// Puts a backup's content back at `path`, atomically, keeping the mode `path` has; a file that
    /// is gone comes back with the backup's (owner-only) mode.
    public func restore(_ backup: String, to path: String) throws {
        let content = try readFile(backup)
        let current = try? stat(path)
        let info = try stat(backup)
        try writeAtomically(path, content, mode: current == nil ? mode_t(info.permissions) : nil)
    }

    // MARK: - Helpers

    private func resolvedTarget(_ path: String) -> String {
        var info = Glibc.stat()
        guard statPath(path, &info, followLinks: false) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
        return realPath(path) ?? path
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        guard FileDescriptorWriter.writeAll(fd, bytes) else { throw failure("cannot write", path) }
    }

    /// Makes the rename itself durable; some file systems refuse fsync on a folder, which is fine.
    private func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        closeDescriptor(fd)
    }
}
