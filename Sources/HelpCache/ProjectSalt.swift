import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The per-project random key under which declared environment values are fingerprinted
/// (HMAC-SHA256), so manifests can tell that a secret changed without holding anything that
/// would let someone test guesses of it offline. Lives in `.helpcache/state/salt`, mode 0600.
public struct ProjectSalt: Sendable {
    private let bytes: [UInt8]

    /// A salt with the given bytes (tests).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The fingerprint of a variable's value; nil stays nil so unset differs from empty.
    public func fingerprint(_ value: String?) -> Digest? {
        value.map { HMAC.sha256(key: bytes, message: $0) }
    }

    // MARK: - Loading

    /// Reads the salt in `stateDirectory`, creating it on first use. Two processes racing to
    /// create it agree: the file appears complete through `link`, and the loser reads the winner's.
    public static func load(stateDirectory: String) throws -> ProjectSalt {
        let path = stateDirectory + "/salt"
        if let existing = try CacheFiles.readIfExists(path), existing.count == 32 {
            return ProjectSalt(bytes: existing)
        }
        try CacheFiles.makeDirectories(stateDirectory)
        let fresh = try SystemRandom.bytes(32)
        let temp = CacheFiles.temporaryName(beside: path)
        try CacheFiles.writeNew(temp, fresh, mode: 0o600)
        defer { unlink(temp) }
        if link(temp, path) == 0 { return ProjectSalt(bytes: fresh) }
        guard errno == EEXIST else { throw CacheFiles.failure("cannot create", path) }
        if let existing = try CacheFiles.readIfExists(path), existing.count == 32 {
            return ProjectSalt(bytes: existing)
        }
        // A damaged salt: replace it. Old fingerprints no longer match, which only costs misses.
        guard rename(temp, path) == 0 else { throw CacheFiles.failure("cannot replace", path) }
        return ProjectSalt(bytes: fresh)
    }
}
