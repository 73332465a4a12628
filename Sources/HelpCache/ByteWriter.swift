/// Builds the compact little-endian binary encodings of the cache (stat cache, manifests, entry
/// records). Strings and byte runs are length-prefixed so that an encoding is unambiguous, which
/// is what makes it usable as hash input for cache keys.
public struct ByteWriter {
    public private(set) var bytes: [UInt8]

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    // MARK: - Fixed-size values

    /// One byte.
    public mutating func u8(_ value: UInt8) { bytes.append(value) }

    /// A little-endian 32-bit word.
    public mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A little-endian 64-bit word.
    public mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A little-endian signed 64-bit word.
    public mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    /// A digest as its 32 bytes, most significant first.
    public mutating func digest(_ value: Digest) {
        withUnsafeBytes(of: (value.w0.bigEndian, value.w1.bigEndian, value.w2.bigEndian, value.w3.bigEndian)) {
            bytes.append(contentsOf: $0)
        }
    }

    // MARK: - Variable-size values

    /// A byte run with its length first.
    public mutating func lengthPrefixed<C: Collection>(_ run: C) where C.Element == UInt8 {
        u32(UInt32(run.count))
        bytes.append(contentsOf: run)
    }

    /// A string as length-prefixed UTF-8.
    public mutating func string(_ value: String) {
        var copy = value
        copy.withUTF8 { lengthPrefixed($0) }
    }

    /// Raw bytes with no length (the caller's format knows the size).
    public mutating func raw<C: Collection>(_ run: C) where C.Element == UInt8 { bytes.append(contentsOf: run) }

    /// Overwrites eight bytes at `offset` (a length or checksum reserved earlier).
    public mutating func patchU64(at offset: Int, _ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { source in
            for i in 0..<8 { bytes[offset + i] = source[i] }
        }
    }
}
