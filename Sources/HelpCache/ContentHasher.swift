#if canImport(Glibc)
import Glibc
#endif

/// Turns one input file into its digest. The scanner takes it as a parameter so tests can count
/// reads (proving the stat cache avoids them) or inject failures.
public protocol ContentHasher: Sendable {
    /// The digest of the file at the absolute `path`; for a symlink, of its target string.
    func digest(ofFileAt path: String, isSymlink: Bool) throws -> Digest
}

/// The real hasher: SHA-256 of a file's bytes via `FileHasher`; a symlink is hashed as the text
/// it points to, so retargeting a link changes the key without following it out of the tree.
public struct FileContentHasher: ContentHasher {
    public init() {}

    public func digest(ofFileAt path: String, isSymlink: Bool) throws -> Digest {
        guard isSymlink else { return try FileHasher.hash(path: path) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { throw CacheFiles.failure("cannot read link", path) }
        var hasher = SHA256()
        hasher.update("symlink\0")
        buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
        return hasher.finalize()
    }
}
