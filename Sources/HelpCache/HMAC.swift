/// Keyed message authentication (RFC 2104) over our SHA-256.
public enum HMAC {
    private static let blockSize = 64

    /// HMAC-SHA-256 of `message` under `key`. Keys longer than a block are hashed first.
    public static func sha256(key: [UInt8], message: [UInt8]) -> Digest {
        message.withUnsafeBytes { sha256(key: key, message: $0) }
    }

    /// HMAC-SHA-256 of the UTF-8 bytes of `message` under `key`.
    public static func sha256(key: [UInt8], message: String) -> Digest {
        sha256(key: key, message: Array(message.utf8))
    }

    // MARK: - RFC 2104

    /// H((K ^ opad) || H((K ^ ipad) || message)), with K zero-padded to one block.
    public static func sha256(key: [UInt8], message: UnsafeRawBufferPointer) -> Digest {
        var padded = key.count > blockSize ? SHA256.hash(key).bytes : key
        padded += [UInt8](repeating: 0, count: blockSize - padded.count)

        var inner = SHA256()
        inner.update(padded.map { $0 ^ 0x36 })
        inner.update(message)

        var outer = SHA256()
        outer.update(padded.map { $0 ^ 0x5c })
        outer.update(inner.finalize().bytes)
        return outer.finalize()
    }
}
