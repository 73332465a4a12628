/// A stored result, verified: its manifest hashes to its key and every payload file has the size
/// and checksum recorded when it was saved.
public struct CacheEntry: Sendable {
    public var kind: CacheKind
    public var key: Digest
    public var manifest: InputManifest
    /// Named result files (`result.json`, `output.log`, artifacts...).
    public var payload: [String: [UInt8]]
    /// How long the original run took, in seconds: what a hit saves.
    public var duration: Double
    /// When it was saved (nanoseconds since the epoch).
    public var created: Int64
    /// The entry's folder, for callers that restore payload files by copying.
    public var folder: String

    /// Where payload `name` lies on disk.
    public func payloadPath(_ name: String) -> String { folder + "/" + EntryRecord.payloadFolder + "/" + name }
}

/// The `entry.bin` of a stored entry: its key, timing and the list of payload files with sizes and
/// checksums, sealed so a damaged record is detected.
struct EntryRecord: Equatable {
    /// One payload file as recorded: name, size and checksum.
    struct Payload: Equatable {
        var name: String
        var size: UInt64
        var checksum: UInt64
    }

    static let fileName = "entry.bin"
    static let manifestName = "manifest.bin"
    static let accessName = "access"
    static let payloadFolder = "payload"

    var key: Digest
    var durationNanoseconds: UInt64
    var created: Int64
    var payloads: [Payload]

    func encoded() -> [UInt8] {
        var writer = SealedFile.begin(magic: CacheFormat.entryMagic, writeTime: created)
        writer.digest(key)
        writer.u64(durationNanoseconds)
        writer.u32(UInt32(payloads.count))
        for payload in payloads {
            writer.string(payload.name)
            writer.u64(payload.size)
            writer.u64(payload.checksum)
        }
        return SealedFile.seal(writer)
    }

    static func decode(_ bytes: [UInt8]) throws -> EntryRecord {
        let contents = try SealedFile.open(bytes, magic: CacheFormat.entryMagic)
        var reader = ByteReader(bytes, range: contents.body)
        let key = try reader.digest()
        let duration = try reader.u64()
        let count = Int(try reader.u32())
        guard count <= reader.remaining / 20 else { throw CorruptData("payload count past the end") }
        var payloads: [Payload] = []
        for _ in 0..<count {
            let name = try reader.string()
            guard isValidPayloadName(name) else { throw CorruptData("bad payload name") }
            payloads.append(Payload(name: name, size: try reader.u64(), checksum: try reader.u64()))
        }
        guard reader.isAtEnd else { throw CorruptData("bytes after the record") }
        return EntryRecord(key: key, durationNanoseconds: duration, created: contents.writeTime, payloads: payloads)
    }

    /// Payload names are plain file names: no folders, nothing hidden, nothing special.
    static func isValidPayloadName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200 && !name.hasPrefix(".") && !name.contains("/") && !name.utf8.contains(0)
    }

    // MARK: - Manifest file

    /// The sealed `manifest.bin` holding the manifest's canonical encoding.
    static func manifestFile(_ manifest: InputManifest, writeTime: Int64) -> [UInt8] {
        let body = manifest.encoded()
        var writer = SealedFile.begin(magic: CacheFormat.manifestMagic, writeTime: writeTime, capacity: body.count)
        writer.raw(body)
        return SealedFile.seal(writer)
    }

    /// Opens `manifest.bin` and checks that it is the preimage of `key`.
    static func readManifest(_ bytes: [UInt8], key: Digest) throws -> InputManifest {
        let contents = try SealedFile.open(bytes, magic: CacheFormat.manifestMagic)
        let preimage = bytes.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[contents.body])) }
        guard preimage == key else { throw CorruptData("manifest does not match its key") }
        return try InputManifest.decode(bytes, range: contents.body)
    }
}
