/// The stat cache of one folder: for each input file (relative path, byte order) the stat seen
/// when it was last hashed and the digest, if it was safe to keep. A file whose stat is unchanged
/// is not read again. Stored as one sealed binary file under `.helpcache/state/` and used in place
/// through a read-only mapping: loading checks the checksum and the path table, nothing is parsed
/// into per-entry objects.
///
/// Body layout: count u64, path bytes length u64, path bytes, count × u32 path end offsets,
/// count × 72-byte records (size, mtime ns, ctime ns, inode, flags as u64; digest 32 bytes).
public final class StatCache: @unchecked Sendable {
    public let count: Int
    /// When this cache was written (0 for an empty one).
    public let writeTime: Int64
    private let file: MappedFile?
    private let pathsStart: Int
    private let endsStart: Int
    private let recordsStart: Int

    private static let flagDigest: UInt64 = 1
    private static let flagSymlink: UInt64 = 2
    private static let recordSize = 72

    /// An empty cache.
    public init() {
        count = 0
        writeTime = 0
        file = nil
        pathsStart = 0
        endsStart = 0
        recordsStart = 0
    }

    /// Validates a sealed file's bytes and indexes them.
    private init(_ file: MappedFile) throws {
        let raw = file.bytes
        let (body, writeTime) = try SealedFile.check(raw, magic: CacheFormat.statCacheMagic)
        guard body.count >= 16 else { throw CorruptData("truncated body") }
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        let count = Int(clamping: word(body.lowerBound))
        let pathBytes = Int(clamping: word(body.lowerBound + 8))
        let available = body.count - 16
        guard pathBytes <= available, count <= (available - pathBytes) / (4 + StatCache.recordSize),
            available - pathBytes == count * (4 + StatCache.recordSize)
        else { throw CorruptData("entry count does not match the file size") }
        self.count = count
        self.writeTime = writeTime
        self.file = file
        pathsStart = body.lowerBound + 16
        endsStart = pathsStart + pathBytes
        recordsStart = endsStart + count * 4
        var previous = 0
        for index in 0..<count {
            let end = Int(
                UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: endsStart + index * 4, as: UInt32.self)))
            guard end >= previous, end <= pathBytes else { throw CorruptData("bad path offsets") }
            previous = end
        }
        guard previous == pathBytes else { throw CorruptData("bad path offsets") }
    }

    // MARK: - Entries

    /// The UTF-8 bytes of path `index`, valid while this cache is alive.
    public func path(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let raw = file!.bytes
        let start = index == 0 ? 0 : Int(end(raw, index - 1))
        let base = raw.baseAddress!.advanced(by: pathsStart + start).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: base, count: Int(end(raw, index)) - start)
    }

    /// The stat remembered for entry `index`.
    public func stat(_ index: Int) -> StatFingerprint {
        let raw = file!.bytes
        let offset = recordsStart + index * StatCache.recordSize
        func word(_ at: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + at, as: UInt64.self))
        }
        return StatFingerprint(
            size: word(0), mtime: Int64(bitPattern: word(8)), ctime: Int64(bitPattern: word(16)),
            inode: word(24), isSymlink: word(32) & StatCache.flagSymlink != 0)
    }

    /// The remembered digest; nil when the file was racy as the cache was written.
    public func digest(_ index: Int) -> Digest? {
        let raw = file!.bytes
        let offset = recordsStart + index * StatCache.recordSize
        guard
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 32, as: UInt64.self)) & StatCache.flagDigest
                != 0
        else { return nil }
        return ByteReader.digest(in: raw, at: offset + 40)
    }

    private func end(_ raw: UnsafeRawBufferPointer, _ index: Int) -> UInt32 {
        UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: endsStart + index * 4, as: UInt32.self))
    }

    // MARK: - Files

    /// Parses sealed bytes; any inconsistency throws `CorruptData`.
    public static func decode(_ bytes: [UInt8]) throws -> StatCache {
        try StatCache(MappedFile(copying: bytes))
    }

    /// Loads the cache at `path`: missing is empty; corrupt is empty plus one warning.
    public static func load(_ path: String, warn: (String) -> Void) -> StatCache {
        do {
            guard let file = try MappedFile.map(path) else { return StatCache() }
            return try StatCache(file)
        } catch {
            warn("ignoring the stat cache \(path) (\(error)); every input will be hashed again")
            return StatCache()
        }
    }

    /// The sealed file for sorted `paths` with their stats and digests. Entries racy against
    /// `writeTime` (see `StatFingerprint.isRacy`) are written without their digest.
    public static func encode(paths: PathList, stats: [StatFingerprint], digests: [Digest?], writeTime: Int64)
        -> [UInt8]
    {
        precondition(paths.count == stats.count && stats.count == digests.count)
        var writer = SealedFile.begin(
            magic: CacheFormat.statCacheMagic, writeTime: writeTime,
            capacity: 16 + paths.bytes.count + paths.count * (4 + recordSize))
        writer.u64(UInt64(paths.count))
        writer.u64(UInt64(paths.bytes.count))
        writer.raw(paths.bytes)
        for end in paths.ends { writer.u32(UInt32(end)) }
        for (stat, digest) in zip(stats, digests) {
            let kept = stat.isRacy(writeTime: writeTime) ? nil : digest
            writer.u64(stat.size)
            writer.i64(stat.mtime)
            writer.i64(stat.ctime)
            writer.u64(stat.inode)
            writer.u64((kept == nil ? 0 : flagDigest) | (stat.isSymlink ? flagSymlink : 0))
            writer.digest(kept ?? .zero)
        }
        return SealedFile.seal(writer)
    }

    /// Writes a cache atomically. Not fsynced: losing it in a crash only costs a rehash.
    public static func save(
        _ path: String, paths: PathList, stats: [StatFingerprint], digests: [Digest?],
        writeTime: Int64 = CacheFiles.now()
    ) throws {
        try CacheFiles.writeAtomically(
            path, encode(paths: paths, stats: stats, digests: digests, writeTime: writeTime), sync: false)
    }
}
