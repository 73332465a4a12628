/// Reads what `ByteWriter` wrote, bounds-checked: running past the end throws `CorruptData`
/// instead of trapping, so a truncated or garbage file is a miss, never a crash.
public struct ByteReader {
    public let bytes: [UInt8]
    public private(set) var offset: Int
    private let end: Int

    /// Reads `bytes[range]` (the whole array by default).
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    public var remaining: Int { end - offset }
    public var isAtEnd: Bool { offset == end }

    // MARK: - Fixed-size values

    /// One byte.
    public mutating func u8() throws -> UInt8 {
        try need(1)
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A little-endian 32-bit word.
    public mutating func u32() throws -> UInt32 {
        try need(4)
        defer { offset += 4 }
        return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    /// A little-endian 64-bit word.
    public mutating func u64() throws -> UInt64 {
        try need(8)
        defer { offset += 8 }
        return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }

    /// A little-endian signed 64-bit word.
    public mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

    /// A digest stored as its 32 bytes.
    public mutating func digest() throws -> Digest {
        try need(32)
        defer { offset += 32 }
        return ByteReader.digest(in: bytes, at: offset)
    }

    // MARK: - Variable-size values

    /// The range of a length-prefixed byte run, without copying it.
    public mutating func lengthPrefixedRange() throws -> Range<Int> {
        let length = Int(try u32())
        try need(length)
        defer { offset += length }
        return offset..<(offset + length)
    }

    /// A length-prefixed UTF-8 string; invalid UTF-8 is corruption.
    public mutating func string() throws -> String {
        let range = try lengthPrefixedRange()
        guard let text = String(validating: bytes[range], as: UTF8.self) else { throw CorruptData("invalid UTF-8") }
        return text
    }

    /// Skips `count` bytes and returns their range.
    public mutating func skip(_ count: Int) throws -> Range<Int> {
        try need(count)
        defer { offset += count }
        return offset..<(offset + count)
    }

    // MARK: - Helpers

    /// A digest stored at `offset` of `bytes` (the caller checked the bounds).
    static func digest(in bytes: [UInt8], at offset: Int) -> Digest {
        bytes.withUnsafeBytes { digest(in: $0, at: offset) }
    }

    /// The same on a raw buffer.
    static func digest(in raw: UnsafeRawBufferPointer, at offset: Int) -> Digest {
        Digest(
            w0: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
            w1: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)),
            w2: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)),
            w3: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
    }

    private func need(_ count: Int) throws {
        guard count >= 0, count <= end - offset else { throw CorruptData("truncated") }
    }
}

/// A cache file that is truncated, garbled or of another format; callers turn it into a miss and
/// one warning.
public struct CorruptData: Error, Equatable, CustomStringConvertible {
    public var reason: String
    /// Corruption described by `reason` (shown in the warning).
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
