/// The envelope of every binary cache file: a fixed header (magic, format version, write time,
/// body length), the body, then a checksum over all of it. `open` accepts a file only when every
/// part checks out, so a truncated, garbled or foreign file is reported as `CorruptData`.
public enum SealedFile {
    /// Bytes before the body: magic u32, version u32, write time i64, body length u64.
    public static let headerSize = 24
    /// Bytes after the body: the checksum.
    public static let trailerSize = 8

    /// What `open` found in a valid file.
    public struct Contents {
        public var bytes: [UInt8]
        /// Where the body lies inside `bytes` (no copy).
        public var body: Range<Int>
        /// When the writer sealed it (nanoseconds since the epoch, CLOCK_REALTIME).
        public var writeTime: Int64
    }

    // MARK: - Writing

    /// Starts a writer with the header in place; append the body, then call `seal`.
    public static func begin(magic: UInt32, writeTime: Int64, capacity: Int = 256) -> ByteWriter {
        var writer = ByteWriter(capacity: capacity + headerSize + trailerSize)
        writer.u32(magic)
        writer.u32(CacheFormat.version)
        writer.i64(writeTime)
        writer.u64(0)
        return writer
    }

    /// Fills in the body length and appends the checksum; returns the finished file bytes.
    public static func seal(_ writer: ByteWriter) -> [UInt8] {
        var writer = writer
        writer.patchU64(at: 16, UInt64(writer.count - headerSize))
        writer.u64(Checksum64.of(writer.bytes))
        return writer.bytes
    }

    // MARK: - Reading

    /// Checks magic, version, length and checksum; throws `CorruptData` naming the first failure.
    public static func open(_ bytes: [UInt8], magic: UInt32) throws -> Contents {
        let (body, writeTime) = try bytes.withUnsafeBytes { try check($0, magic: magic) }
        return Contents(bytes: bytes, body: body, writeTime: writeTime)
    }

    /// The same checks on raw memory (a mapped file); returns the body's range and the write time.
    public static func check(_ raw: UnsafeRawBufferPointer, magic: UInt32) throws -> (
        body: Range<Int>, writeTime: Int64
    ) {
        guard raw.count >= headerSize + trailerSize else { throw CorruptData("truncated header") }
        func word32(_ at: Int) -> UInt32 {
            UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        func word64(_ at: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        guard word32(0) == magic else { throw CorruptData("not a cache file of this kind") }
        let version = word32(4)
        guard version == CacheFormat.version else {
            throw CorruptData("format version \(version), expected \(CacheFormat.version)")
        }
        let end = raw.count - trailerSize
        guard word64(16) == UInt64(end - headerSize) else { throw CorruptData("truncated or extended body") }
        guard word64(end) == Checksum64.of(UnsafeRawBufferPointer(rebasing: raw[0..<end])) else {
            throw CorruptData("checksum mismatch")
        }
        return (headerSize..<end, Int64(bitPattern: word64(8)))
    }
}
