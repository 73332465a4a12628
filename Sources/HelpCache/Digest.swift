/// A SHA-256 digest: 32 bytes held inline as four big-endian words, so it hashes, compares and
/// travels without a heap allocation. Ordering is the byte-wise (and hex-wise) order.
public struct Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    // Each word holds eight digest bytes, most significant first, so comparing the words in order
    // compares the bytes in order.
    public let w0: UInt64
    public let w1: UInt64
    public let w2: UInt64
    public let w3: UInt64

    /// The all-zero digest, for "no content yet" slots.
    public static let zero = Digest(w0: 0, w1: 0, w2: 0, w3: 0)

    /// A digest from its four big-endian words.
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// A digest from exactly 32 bytes; nil for any other length.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var words = Digest.zero
        var index = 0
        for byte in bytes {
            words.setNibbles(at: index * 2, count: 2, to: UInt64(byte))
            index += 1
        }
        self = words
    }

    /// Parses 64 hex digits (either case); nil for anything else.
    public init?<S: StringProtocol>(hex: S) {
        guard hex.utf8.count == 64 else { return nil }
        var words = Digest.zero
        var index = 0
        for unit in hex.utf8 {
            guard let nibble = Digest.nibble(unit) else { return nil }
            words.setNibbles(at: index, count: 1, to: UInt64(nibble))
            index += 1
        }
        self = words
    }

    /// Word `index` (0…3).
    @inline(__always)
    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }

    /// ORs `value` in as `count` hex digits starting at digit `position` (0…63), left to right.
    @inline(__always)
    private mutating func setNibbles(at position: Int, count: Int, to value: UInt64) {
        let shifted = value << UInt64(64 - 4 * ((position & 15) + count))
        switch position >> 4 {
        case 0: self = Digest(w0: w0 | shifted, w1: w1, w2: w2, w3: w3)
        case 1: self = Digest(w0: w0, w1: w1 | shifted, w2: w2, w3: w3)
        case 2: self = Digest(w0: w0, w1: w1, w2: w2 | shifted, w3: w3)
        default: self = Digest(w0: w0, w1: w1, w2: w2, w3: w3 | shifted)
        }
    }

    // MARK: - Views

    /// The 32 bytes, most significant first (the order sha256sum prints).
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            for index in 0..<32 {
                buffer[index] = UInt8(truncatingIfNeeded: word(index >> 3) >> UInt64(56 - (index & 7) * 8))
            }
            count = 32
        }
    }

    /// The 64 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            for index in 0..<64 {
                let nibble = UInt8(truncatingIfNeeded: word(index >> 4) >> UInt64(60 - (index & 15) * 4)) & 0xF
                buffer[index] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
            }
            return 64
        }
    }

    /// The hex form, so digests print the way sha256sum shows them.
    public var description: String { hex }

    /// Byte-wise order, the same as comparing the hex strings.
    public static func < (lhs: Digest, rhs: Digest) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
    }

    // MARK: - Hex digits

    private static func nibble(_ unit: UInt8) -> UInt8? {
        switch unit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return unit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return unit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return unit - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
