import HelpSystem

/// Makes values for the template keys marked `secret`: 32 bytes from the kernel's random source
/// (getrandom(2), /dev/urandom where the call is missing), written as URL-safe base64 without
/// padding (43 characters), so the value needs no quoting in a dotenv file or a URL.
public struct SecretGenerator: Sendable {
    /// Bytes of randomness per secret.
    public static let byteCount = 32
    /// Where the bytes come from; tests hand in a fixed source.
    public var randomBytes: @Sendable (Int) throws -> [UInt8]

    /// A generator reading the kernel's random source.
    public init() {
        self.init(randomBytes: { try SystemRandom.bytes($0) })
    }

    /// A generator reading `randomBytes`.
    public init(randomBytes: @escaping @Sendable (Int) throws -> [UInt8]) {
        self.randomBytes = randomBytes
    }

    /// A fresh secret.
    public func make() throws -> Secret {
        Secret(Self.base64URL(try randomBytes(Self.byteCount)))
    }

    // MARK: - Encoding

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// RFC 4648 section 5 (base64url), without `=` padding.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [
                alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)],
                alphabet[Int(chunk & 63)],
            ]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let chunk = UInt32(bytes[index]) << 16
            out += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)]]
        } else if rest == 2 {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(chunk >> 18 & 63)], alphabet[Int(chunk >> 12 & 63)], alphabet[Int(chunk >> 6 & 63)]]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
