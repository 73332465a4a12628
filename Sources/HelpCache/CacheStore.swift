import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The project's result cache, `<project>/.helpcache/`: entries by kind and key
/// (`tests/ab/abcdef…/` with `manifest.bin`, `entry.bin`, `payload/…`, `access`), a `VERSION`
/// file, `state/` (salt, stat caches, git listings, latest-entry indexes, counters), `logs/` and
/// `backups/` (kept by other parts of help), and a `.gitignore` of `*`.
///
/// Writers take `lock` (flock) so concurrent `help` processes take turns; an entry is assembled in
/// a hidden temp folder and renamed into place, so readers (who never lock) see whole entries or
/// none. Anything unreadable is a miss plus one warning, never a crash or a wrong hit.
public final class CacheStore: @unchecked Sendable {
    /// The `.helpcache` folder.
    public let root: String
    /// The size cap enforced after each write (LRU by last access).
    public var maxSize: UInt64
    /// The folder cannot be written (a read-only checkout or mount): lookups still answer, nothing
    /// is stored, and the user was told so once.
    public let isReadOnly: Bool
    /// Where damaged-file warnings go (the console's warning line).
    public let warn: @Sendable (String) -> Void

    /// Opens (creating if needed) the store at `root`. A `VERSION` other than ours empties the
    /// cache folders, with a warning; logs and backups are kept.
    public init(
        root: String, maxSize: UInt64 = CacheLimits.defaultMaxSize,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        self.root = root
        self.maxSize = maxSize
        self.warn = warn
        // The store ignores itself in git, so no project has to list it in its own .gitignore.
        try HelpCacheFolder.prepare(root)
        isReadOnly = access(root, W_OK) != 0
        if isReadOnly {
            warn("\(root) is read-only: cached results are used, but this run's results are not stored")
            return
        }
        try HelpCacheFolder.createDirectories(root + "/state", below: root)
        try checkVersion()
        for folder in CacheKind.allCases.map(\.folder) + ["logs", "backups"] {
            try HelpCacheFolder.createDirectories(root + "/" + folder, below: root)
        }
    }

    /// The store of a project: `<projectRoot>/.helpcache`.
    public convenience init(
        projectRoot: String, maxSize: UInt64 = CacheLimits.defaultMaxSize,
        warn: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        try self.init(root: HelpCacheFolder(projectRoot: projectRoot).path, maxSize: maxSize, warn: warn)
    }

    /// `state/`: salt, stat caches, indexes, counters.
    public var stateDirectory: String { root + "/state" }
    var lockPath: String { root + "/lock" }

    /// A scanner keeping its stat caches in this store's `state/`.
    public func inputScanner(runner: (any ProcessRunner)?, hasher: any ContentHasher = FileContentHasher())
        -> InputScanner
    {
        InputScanner(stateDirectory: stateDirectory, runner: runner, hasher: hasher, warn: warn)
    }

    /// The project's salt for environment fingerprints (created on first use).
    public func salt() throws -> ProjectSalt {
        try ProjectSalt.load(stateDirectory: stateDirectory)
    }

    /// The folder of an entry: `<kind>/<first two hex digits>/<key hex>`.
    public func entryFolder(kind: CacheKind, key: Digest) -> String {
        let hex = key.hex
        return root + "/" + kind.folder + "/" + hex.prefix(2) + "/" + hex
    }

    /// Runs `body` holding the store's writer lock (waits up to two minutes for another `help`).
    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        let lock = try FileLock.acquire(lockPath, mode: .exclusive, timeout: 120)
        defer { lock.release() }
        return try body()
    }

    // MARK: - Reading

    /// The verified entry for `key`, or nil. Counts a hit (adding the entry's duration to the time
    /// saved) or a miss, and stamps the entry's last access for LRU pruning.
    public func lookup(kind: CacheKind, key: Digest) -> CacheEntry? {
        let entry = read(kind: kind, key: key)
        if let entry {
            touchAccess(entry.folder)
            record(hit: true, saved: entry.duration)
        } else {
            record(hit: false, saved: 0)
        }
        return entry
    }

    /// Whether a valid entry exists, without counting or stamping anything.
    public func contains(kind: CacheKind, key: Digest) -> Bool {
        read(kind: kind, key: key, quiet: true) != nil
    }

    /// Reads and verifies an entry; nil when absent (silently) or damaged (with a warning unless
    /// `quiet`).
    func read(kind: CacheKind, key: Digest, quiet: Bool = false) -> CacheEntry? {
        let folder = entryFolder(kind: kind, key: key)
        do {
            guard let recordBytes = try CacheFiles.readIfExists(folder + "/" + EntryRecord.fileName) else { return nil }
            let record = try EntryRecord.decode(recordBytes)
            guard record.key == key else { throw CorruptData("entry holds another key") }
            let manifest = try EntryRecord.readManifest(
                try CacheFiles.read(folder + "/" + EntryRecord.manifestName), key: key)
            var payload: [String: [UInt8]] = [:]
            for item in record.payloads {
                let bytes = try CacheFiles.read(folder + "/" + EntryRecord.payloadFolder + "/" + item.name)
                guard UInt64(bytes.count) == item.size, Checksum64.of(bytes) == item.checksum else {
                    throw CorruptData("payload \(item.name) is damaged")
                }
                payload[item.name] = bytes
            }
            return CacheEntry(
                kind: kind, key: key, manifest: manifest, payload: payload,
                duration: Double(record.durationNanoseconds) / 1e9, created: record.created, folder: folder)
        } catch {
            // A folder removed by a concurrent prune is an ordinary miss.
            var info = stat()
            if !quiet && lstat(folder, &info) == 0 {
                warn("ignoring damaged cache entry \(kind.folder)/\(key.hex.prefix(12)) (\(error))")
            }
            return nil
        }
    }

    /// The last entry saved for (component, action), payload included.
    public func latest(kind: CacheKind, component: String, action: String) -> CacheEntry? {
        guard let key = latestKey(kind: kind, component: component, action: action),
            let entry = read(kind: kind, key: key),
            entry.manifest.component == component, entry.manifest.action == action
        else { return nil }
        return entry
    }

    /// The key and verified manifest of that entry, without reading its payload: what an
    /// explanation compares against.
    public func latestManifest(kind: CacheKind, component: String, action: String) -> (
        key: Digest, manifest: InputManifest
    )? {
        guard let key = latestKey(kind: kind, component: component, action: action) else { return nil }
        let folder = entryFolder(kind: kind, key: key)
        guard let bytes = (try? CacheFiles.readIfExists(folder + "/" + EntryRecord.manifestName)) ?? nil,
            let manifest = try? EntryRecord.readManifest(bytes, key: key),
            manifest.component == component, manifest.action == action
        else { return nil }
        return (key, manifest)
    }

    private func latestKey(kind: CacheKind, component: String, action: String) -> Digest? {
        guard
            let bytes =
                (try? CacheFiles.readIfExists(latestIndexPath(kind: kind, component: component, action: action))) ?? nil
        else {
            return nil
        }
        return Digest(hex: String(decoding: bytes, as: UTF8.self).trimmingSpaces)
    }

    func latestIndexPath(kind: CacheKind, component: String, action: String) -> String {
        stateDirectory + "/latest-" + kind.folder + "-" + CacheStore.safeName(component) + "-"
            + CacheStore.safeName(action)
    }

    /// A name usable in a file name: letters, digits, `.`, `_`, `-` kept; anything else (and a
    /// leading dot) spelled as `%XX`, so distinct names stay distinct.
    static func safeName(_ name: String) -> String {
        var out = ""
        for (index, byte) in name.utf8.enumerated() {
            let plain =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || (byte == UInt8(ascii: ".") && index > 0)
            if plain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return out.isEmpty ? "%" : out
    }

    /// Sets the entry's `access` stamp to now (its mtime is the entry's last use).
    func touchAccess(_ folder: String) {
        _ = utimensat(AT_FDCWD, folder + "/" + EntryRecord.accessName, nil, 0)
    }

    // MARK: - Version

    private func checkVersion() throws {
        let expected = "\(CacheFormat.version)"
        if readVersion() == expected { return }
        try withWriteLock {
            let current = readVersion()
            if current == expected { return }
            // Entries live in shard folders; plain files beside them (dependency stamps written
            // before any entry) are not entries of another format and must not wipe the store.
            let hasEntries = CacheKind.allCases.contains {
                CacheFiles.list(root + "/" + $0.folder).contains(where: \.isDirectory)
            }
            if current != nil || hasEntries {
                let seen = current.map { "format \($0)" } ?? "no format version"
                warn("the cache at \(root) has \(seen), this help uses \(expected); starting it afresh")
                for kind in CacheKind.allCases { CacheFiles.removeTree(root + "/" + kind.folder) }
                for item in CacheFiles.list(stateDirectory) where item.name != "salt" {
                    CacheFiles.removeTree(stateDirectory + "/" + item.name)
                }
            }
            try CacheFiles.writeAtomically(root + "/VERSION", Array((expected + "\n").utf8))
        }
    }

    /// The version written in `VERSION`, trimmed; nil when absent or unreadable.
    private func readVersion() -> String? {
        guard let bytes = (try? CacheFiles.readIfExists(root + "/VERSION")) ?? nil else { return nil }
        return String(decoding: bytes, as: UTF8.self).trimmingSpaces
    }
}
