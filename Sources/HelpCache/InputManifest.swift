/// Everything a cache key is made of, kept with each stored entry so a later miss can say what
/// changed: format version, action, component, the command line, declared environment variables
/// (names and keyed fingerprints of their values, never the values), tool versions, relevant
/// config, and every input file with its digest. Its canonical encoding is the key's preimage.
public struct InputManifest: Sendable, Equatable {
    public var formatVersion: UInt32
    /// What was cached: `test`, `build`, `deps`...
    public var action: String
    public var component: String
    /// The argv of the command whose result is cached.
    public var command: [String]
    /// Declared variables by name: the HMAC of the value, or nil when unset (unset ≠ empty).
    public var environment: [String: Digest?]
    /// Tool name → version string (`python` → `3.11.9`).
    public var tools: [String: String]
    /// Config key → value, only the keys that affect the result.
    public var config: [String: String]
    public var files: InputFiles

    /// A manifest of the given parts; `formatVersion` is the current one unless decoding.
    public init(
        action: String, component: String, command: [String] = [], environment: [String: Digest?] = [:],
        tools: [String: String] = [:], config: [String: String] = [:], files: InputFiles,
        formatVersion: UInt32 = CacheFormat.version
    ) {
        self.formatVersion = formatVersion
        self.action = action
        self.component = component
        self.command = command
        self.environment = environment
        self.tools = tools
        self.config = config
        self.files = files
    }

    /// The cache key: SHA-256 of the canonical encoding, streamed (no 6 MB buffer for 100k files).
    public var key: Digest {
        var hasher = SHA256()
        stream { hasher.update($0) }
        return hasher.finalize()
    }

    // MARK: - Canonical encoding

    /// Fixed field order, maps sorted by the UTF-8 bytes of their keys, every string and list
    /// length-prefixed: equal manifests give equal bytes and different ones cannot collide.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512 + files.paths.bytes.count + files.count * 36)
        stream { out.append(contentsOf: $0) }
        return out
    }

    /// Produces the encoding piece by piece: the small fields, then the files in 64 KiB chunks.
    private func stream(_ sink: (UnsafeRawBufferPointer) -> Void) {
        var writer = ByteWriter(capacity: 512)
        writer.u32(formatVersion)
        writer.string(action)
        writer.string(component)
        writer.u32(UInt32(command.count))
        for argument in command { writer.string(argument) }
        writer.u32(UInt32(environment.count))
        for (name, value) in InputManifest.sortedByKey(environment) {
            writer.string(name)
            if let fingerprint = value {
                writer.u8(1)
                writer.digest(fingerprint)
            } else {
                writer.u8(0)
            }
        }
        InputManifest.writeMap(tools, into: &writer)
        InputManifest.writeMap(config, into: &writer)
        writer.u64(UInt64(files.count))
        writer.bytes.withUnsafeBytes { sink($0) }
        InputManifest.streamFiles(files, sink)
    }

    /// Per file: length-prefixed path, then the 32 digest bytes.
    private static func streamFiles(_ files: InputFiles, _ sink: (UnsafeRawBufferPointer) -> Void) {
        let capacity = 1 << 16
        withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 16) { chunk in
            var used = 0
            files.paths.bytes.withUnsafeBytes { all in
                for index in 0..<files.count {
                    let range = files.paths.range(index)
                    if used + 36 + range.count > capacity {
                        sink(UnsafeRawBufferPointer(rebasing: chunk[0..<used]))
                        used = 0
                    }
                    let digest = files.digests[index]
                    if 36 + range.count > capacity {  // longer than any real path; sent in pieces
                        withUnsafeBytes(of: UInt32(range.count).littleEndian) { sink($0) }
                        sink(UnsafeRawBufferPointer(rebasing: all[range]))
                        withUnsafeBytes(
                            of: (digest.w0.bigEndian, digest.w1.bigEndian, digest.w2.bigEndian, digest.w3.bigEndian)
                        ) { sink($0) }
                        continue
                    }
                    chunk.storeBytes(of: UInt32(range.count).littleEndian, toByteOffset: used, as: UInt32.self)
                    chunk.baseAddress!.advanced(by: used + 4).copyMemory(
                        from: all.baseAddress!.advanced(by: range.lowerBound), byteCount: range.count)
                    used += 4 + range.count
                    chunk.storeBytes(of: digest.w0.bigEndian, toByteOffset: used, as: UInt64.self)
                    chunk.storeBytes(of: digest.w1.bigEndian, toByteOffset: used + 8, as: UInt64.self)
                    chunk.storeBytes(of: digest.w2.bigEndian, toByteOffset: used + 16, as: UInt64.self)
                    chunk.storeBytes(of: digest.w3.bigEndian, toByteOffset: used + 24, as: UInt64.self)
                    used += 32
                }
            }
            if used > 0 { sink(UnsafeRawBufferPointer(rebasing: chunk[0..<used])) }
        }
    }

    /// Parses what `encoded()` produced; anything else throws `CorruptData`.
    public static func decode(_ bytes: [UInt8], range: Range<Int>? = nil) throws -> InputManifest {
        var reader = ByteReader(bytes, range: range)
        let version = try reader.u32()
        let action = try reader.string()
        let component = try reader.string()
        var command: [String] = []
        for _ in 0..<(try count(&reader, minimumSize: 4)) { command.append(try reader.string()) }
        var environment: [String: Digest?] = [:]
        for _ in 0..<(try count(&reader, minimumSize: 5)) {
            let name = try reader.string()
            let fingerprint: Digest? = try reader.u8() == 1 ? try reader.digest() : nil
            environment.updateValue(fingerprint, forKey: name)
        }
        let tools = try readMap(&reader)
        let config = try readMap(&reader)
        let fileCount = Int(clamping: try reader.u64())
        guard fileCount <= reader.remaining / 36 else { throw CorruptData("file count past the end") }
        var paths = PathList()
        var digests: [Digest] = []
        digests.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            let range = try reader.lengthPrefixedRange()
            bytes.withUnsafeBufferPointer { paths.append(UnsafeBufferPointer(rebasing: $0[range])) }
            digests.append(try reader.digest())
        }
        guard reader.isAtEnd else { throw CorruptData("bytes after the manifest") }
        return InputManifest(
            action: action, component: component, command: command, environment: environment,
            tools: tools, config: config, files: InputFiles(paths: paths, digests: digests),
            formatVersion: version)
    }

    // MARK: - Helpers

    static func sortedByKey<V>(_ map: [String: V]) -> [(key: String, value: V)] {
        map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private static func writeMap(_ map: [String: String], into writer: inout ByteWriter) {
        writer.u32(UInt32(map.count))
        for (key, value) in sortedByKey(map) {
            writer.string(key)
            writer.string(value)
        }
    }

    private static func readMap(_ reader: inout ByteReader) throws -> [String: String] {
        var map: [String: String] = [:]
        for _ in 0..<(try count(&reader, minimumSize: 8)) { map[try reader.string()] = try reader.string() }
        return map
    }

    /// A list length that fits in what is left, so garbage cannot make us allocate billions.
    private static func count(_ reader: inout ByteReader, minimumSize: Int) throws -> Int {
        let value = Int(try reader.u32())
        guard value <= reader.remaining / minimumSize else { throw CorruptData("list length past the end") }
        return value
    }
}
