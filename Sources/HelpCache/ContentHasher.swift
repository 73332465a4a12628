import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns one input file into its digest. The scanner takes it as a parameter so tests can count
/// reads (proving the stat cache avoids them) or inject failures.
public protocol ContentHasher: Sendable {
    /// The digest of the file at the absolute `path`; for a symlink, of its target string.
    func digest(ofFileAt path: String, isSymlink: Bool) throws -> Digest

    /// The same for the file `name` inside the open folder `folder`, whose stat said `size`
    /// bytes; `path` gives the absolute path for errors. By default the path-based method.
    func digest(in folder: Int32, name: UnsafePointer<CChar>, size: Int, isSymlink: Bool, path: () -> String) throws
        -> Digest
}

extension ContentHasher {
    /// Hashes by absolute path, for hashers that only implement that.
    public func digest(in folder: Int32, name: UnsafePointer<CChar>, size: Int, isSymlink: Bool, path: () -> String)
        throws -> Digest
    {
        try digest(ofFileAt: path(), isSymlink: isSymlink)
    }
}

/// The real hasher: SHA-256 of a file's bytes via `FileHasher`; a symlink is hashed as the text
/// it points to, so retargeting a link changes the key without following it out of the tree.
public struct FileContentHasher: ContentHasher {
    /// The hasher used outside tests.
    public init() {}

    /// Opens the file's folder and hashes it by name.
    public func digest(ofFileAt path: String, isSymlink: Bool) throws -> Digest {
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        let folder = slash == path.startIndex ? "." : String(path[..<slash])
        let fd = open(folder, FolderOpener.pathOnly | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw CacheFiles.failure("cannot open", folder) }
        defer { close(fd) }
        let name = slash == path.startIndex ? path : String(path[path.index(after: slash)...])
        return try digest(in: fd, name: name, size: -1, isSymlink: isSymlink, path: { path })
    }

    /// openat by name (no path walk) and one buffer sized from the stat, so a small file costs an
    /// open, a read, the read that sees its end, and a close.
    public func digest(in folder: Int32, name: UnsafePointer<CChar>, size: Int, isSymlink: Bool, path: () -> String)
        throws -> Digest
    {
        guard !isSymlink else { return try linkDigest(in: folder, name: name, path: path) }
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw CacheFiles.failure("cannot read", path()) }
        defer { close(fd) }
        return try FileHasher.hash(fileDescriptor: fd, size: size >= 0 ? size : nil, path: path())
    }

    /// A symlink's digest: SHA-256 of `symlink\0` and its target.
    private func linkDigest(in folder: Int32, name: UnsafePointer<CChar>, path: () -> String) throws -> Digest {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlinkat(folder, name, &buffer, buffer.count - 1)
        guard length >= 0 else { throw CacheFiles.failure("cannot read link", path()) }
        var hasher = SHA256()
        hasher.update("symlink\0")
        buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        return hasher.finalize()
    }
}
