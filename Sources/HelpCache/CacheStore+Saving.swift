import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing entries: assembled in a hidden folder, fsynced, renamed into place under the lock.
extension CacheStore {
    /// Stores a result under `key` with its manifest and payload files (plain names), remembering
    /// `duration` (seconds) as what a later hit saves. An existing valid entry is kept as is. The
    /// (component, action) index is pointed at it, and the size cap is enforced afterwards.
    public func save(
        kind: CacheKind, key: Digest, manifest: InputManifest, payload: [String: [UInt8]], duration: Double
    ) throws {
        for name in payload.keys where !EntryRecord.isValidPayloadName(name) {
            throw HelpError.usage("cache payload name '\(name)' must be a plain file name")
        }
        guard manifest.key == key else {
            throw HelpError("the manifest given to the cache does not produce key \(key.hex)")
        }
        if isReadOnly { return }
        let folder = entryFolder(kind: kind, key: key)
        let parent = String(folder[..<folder.lastIndex(of: "/")!])
        try withWriteLock {
            try CacheFiles.makeDirectories(parent)
            if read(kind: kind, key: key, quiet: true) == nil {
                let size = try writeEntry(
                    folder: folder, parent: parent, key: key, manifest: manifest, payload: payload, duration: duration)
                updateCounters { $0.storedBytes += size }
            } else {
                touchAccess(folder)
            }
            let index = latestIndexPath(kind: kind, component: manifest.component, action: manifest.action)
            try CacheFiles.writeAtomically(index, Array((key.hex + "\n").utf8), sync: false)
            if readCounters().storedBytes > maxSize {
                _ = try pruneLocked(maxSize: maxSize, maxAge: nil, dryRun: false)
            }
        }
    }

    /// Writes the entry's files into a temp folder beside `folder` and renames it into place,
    /// moving aside a damaged entry of the same key first. Returns the bytes written.
    private func writeEntry(
        folder: String, parent: String, key: Digest, manifest: InputManifest,
        payload: [String: [UInt8]], duration: Double
    ) throws -> UInt64 {
        let temp = parent + "/.tmp-" + key.hex.prefix(16) + "-\(getpid())-" + SystemRandom.hex(bytes: 4)
        defer { CacheFiles.removeTree(temp) }
        try CacheFiles.makeDirectories(temp + "/" + EntryRecord.payloadFolder)
        let now = CacheFiles.now()
        var size: UInt64 = 0
        var items: [EntryRecord.Payload] = []
        for (name, bytes) in payload.sorted(by: { $0.key < $1.key }) {
            try CacheFiles.writeNew(temp + "/" + EntryRecord.payloadFolder + "/" + name, bytes)
            items.append(EntryRecord.Payload(name: name, size: UInt64(bytes.count), checksum: Checksum64.of(bytes)))
            size += UInt64(bytes.count)
        }
        let manifestBytes = EntryRecord.manifestFile(manifest, writeTime: now)
        try CacheFiles.writeNew(temp + "/" + EntryRecord.manifestName, manifestBytes)
        let record = EntryRecord(
            key: key, durationNanoseconds: UInt64(max(0, duration) * 1e9), created: now, payloads: items)
        let recordBytes = record.encoded()
        try CacheFiles.writeNew(temp + "/" + EntryRecord.fileName, recordBytes)
        try CacheFiles.writeNew(temp + "/" + EntryRecord.accessName, [])
        size += UInt64(manifestBytes.count + recordBytes.count)
        CacheFiles.syncFolder(temp)
        if rename(temp, folder) != 0 {
            guard errno == ENOTEMPTY || errno == EEXIST else {
                throw CacheFiles.failure("cannot move an entry into", folder)
            }
            let trash = parent + "/.trash-" + key.hex.prefix(16) + "-" + SystemRandom.hex(bytes: 4)
            guard rename(folder, trash) == 0, rename(temp, folder) == 0 else {
                throw CacheFiles.failure("cannot replace", folder)
            }
            CacheFiles.removeTree(trash)
        }
        CacheFiles.syncFolder(parent)
        return size
    }
}
