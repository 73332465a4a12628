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
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var index = 0
        for byte in bytes {
            let shift = UInt64(56 - (index & 7) * 8)
            let value = UInt64(byte) << shift
            switch index >> 3 {
            case 0: words.0 |= value
            case 1: words.1 |= value
            case 2: words.2 |= value
            default: words.3 |= value
            }
            index += 1
        }
        self.init(w0: words.0, w1: words.1, w2: words.2, w3: words.3)
    }

    /// Parses 64 hex digits (either case); nil for anything else.
    public init?<S: StringProtocol>(hex: S) {
        var words: [UInt64] = []
        words.reserveCapacity(4)
        var current: UInt64 = 0
        var digits = 0
        for unit in hex.utf8 {
            guard let nibble = Digest.nibble(unit), digits < 64 else { return nil }
            current = current << 4 | UInt64(nibble)
            digits += 1
            if digits & 15 == 0 {
                words.append(current)
                current = 0
            }
        }
        guard digits == 64 else { return nil }
        self.init(w0: words[0], w1: words[1], w2: words[2], w3: words[3])
    }

    // MARK: - Views

    /// The 32 bytes, most significant first (the order sha256sum prints).
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return out
    }

    /// The 64 lowercase hex digits.
    public var hex: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for word in [w0, w1, w2, w3] {
                for shift in stride(from: 60, through: 0, by: -4) {
                    buffer[index] = digits[Int((word >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            return 64
        }
    }

    public var description: String { hex }

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
