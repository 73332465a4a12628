/// A fast 64-bit checksum that seals the cache's binary files so truncation and garbage are
/// detected before any byte is trusted. Not a security boundary (the cache lives in the user's own
/// checkout); cache keys themselves use SHA-256.
public enum Checksum64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// The checksum of `bytes[range]`.
    public static func of(_ bytes: [UInt8], range: Range<Int>? = nil) -> UInt64 {
        let range = range ?? 0..<bytes.count
        return bytes.withUnsafeBytes { raw in
            of(UnsafeRawBufferPointer(rebasing: raw[range]))
        }
    }

    /// The checksum of a raw buffer: two independent lanes of 8-byte words so the multiplies overlap.
    public static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var lane1: UInt64 = prime1 ^ UInt64(raw.count)
        var lane2: UInt64 = prime2
        var offset = 0
        let count = raw.count
        while offset + 16 <= count {
            lane1 = round(lane1, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lane2 = round(lane2, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            offset += 16
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
            if shift == 64 {
                lane1 = round(lane1, tail)
                tail = 0
                shift = 0
            }
        }
        lane2 = round(lane2, tail ^ shift)
        return avalanche(lane1 ^ (lane2 &* prime1 | lane2 >> 29))
    }

    // MARK: - Mixing

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ word: UInt64) -> UInt64 {
        var value = accumulator ^ (UInt64(littleEndian: word) &* prime2)
        value = (value << 31) | (value >> 33)
        return value &* prime1
    }

    @inline(__always)
    private static func avalanche(_ input: UInt64) -> UInt64 {
        var value = input
        value ^= value >> 33
        value = value &* prime2
        value ^= value >> 29
        value = value &* prime1
        value ^= value >> 32
        return value
    }
}
