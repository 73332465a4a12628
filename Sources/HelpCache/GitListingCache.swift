import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last `git ls-files` listing of a folder, kept with everything that could change it: the
/// stamps of the folders git walks, of the `.gitignore` files, and of the index, config and
/// exclude files. While no stamp moves, the listing is reused and git is not run at all, the way
/// git's own untracked cache skips unchanged folders. Stored as `state/gitlist-<hash>.bin`.
struct GitListingCache {
    /// Absolute paths of watched files and their stamps.
    var files: [String]
    var fileStamps: [WatchStamp]
    /// Surveyed folders (relative to the listed folder) and their stamps.
    var folders: PathList
    var folderStamps: [WatchStamp]
    /// What git listed: tracked and untracked paths, byte order.
    var listing: PathList

    // MARK: - Validity

    /// Whether every watched file and folder still has its stamp.
    func isCurrent(folder: String, threads: Int) -> Bool {
        for (path, stamp) in zip(files, fileStamps) where WatchStamp.of(path) != stamp { return false }
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { return false }
        defer { close(folderFD) }
        let changed = FailureList()
        folders.bytes.withUnsafeBufferPointer { all in
            WorkerThreads.forEachChunk(folders.count, chunk: 256, threads: threads) { chunk in
                var cPath = [CChar](repeating: 0, count: Int(PATH_MAX) + 2)
                for index in chunk {
                    let range = folders.range(index)
                    guard range.count < cPath.count - 1 else {
                        changed.add(CorruptData("path too long"))
                        return
                    }
                    cPath.withUnsafeMutableBytes { raw in
                        if range.isEmpty {
                            raw[0] = UInt8(ascii: ".")
                            raw[1] = 0
                        } else {
                            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(all)[range]))
                            raw[range.count] = 0
                        }
                    }
                    if WatchStamp.at(folderFD, cPath) != folderStamps[index] {
                        changed.add(CorruptData("changed"))
                        return
                    }
                }
            }
        }
        return changed.first == nil
    }

    /// Whether something was modified so close to `time` that a change in the same clock tick
    /// could hide; such a listing is not kept.
    func isRacy(at time: Int64, margin: Int64) -> Bool {
        fileStamps.contains { $0.isRacy(at: time, margin: margin) }
            || folderStamps.contains { $0.isRacy(at: time, margin: margin) }
    }

    // MARK: - Encoding

    func encoded() -> [UInt8] {
        var writer = SealedFile.begin(
            magic: CacheFormat.gitListingMagic, writeTime: CacheFiles.now(),
            capacity: listing.bytes.count + listing.count * 4 + folders.bytes.count + folders.count * 37)
        writer.u32(UInt32(files.count))
        for (path, stamp) in zip(files, fileStamps) {
            writer.string(path)
            stamp.write(to: &writer)
        }
        GitListingCache.write(folders, into: &writer)
        for stamp in folderStamps { stamp.write(to: &writer) }
        GitListingCache.write(listing, into: &writer)
        return SealedFile.seal(writer)
    }

    static func decode(_ bytes: [UInt8]) throws -> GitListingCache {
        let contents = try SealedFile.open(bytes, magic: CacheFormat.gitListingMagic)
        var reader = ByteReader(bytes, range: contents.body)
        let fileCount = Int(try reader.u32())
        guard fileCount <= reader.remaining / (4 + WatchStamp.encodedSize) else {
            throw CorruptData("file count past the end")
        }
        var files: [String] = []
        var fileStamps: [WatchStamp] = []
        for _ in 0..<fileCount {
            files.append(try reader.string())
            fileStamps.append(try WatchStamp.read(from: &reader))
        }
        let folders = try readList(&reader)
        guard folders.count <= reader.remaining / WatchStamp.encodedSize else {
            throw CorruptData("folder count past the end")
        }
        var folderStamps: [WatchStamp] = []
        folderStamps.reserveCapacity(folders.count)
        for _ in 0..<folders.count { folderStamps.append(try WatchStamp.read(from: &reader)) }
        let listing = try readList(&reader)
        guard reader.isAtEnd else { throw CorruptData("bytes after the listing") }
        return GitListingCache(
            files: files, fileStamps: fileStamps, folders: folders, folderStamps: folderStamps, listing: listing)
    }

    /// A path list as count, byte length, bytes, then u32 end offsets.
    private static func write(_ list: PathList, into writer: inout ByteWriter) {
        writer.u64(UInt64(list.count))
        writer.u64(UInt64(list.bytes.count))
        writer.raw(list.bytes)
        for end in list.ends { writer.u32(UInt32(end)) }
    }

    private static func readList(_ reader: inout ByteReader) throws -> PathList {
        let count = Int(clamping: try reader.u64())
        let blob = try reader.skip(Int(clamping: try reader.u64()))
        guard count <= reader.remaining / 4 else { throw CorruptData("path count past the end") }
        var ends: [Int] = []
        ends.reserveCapacity(count)
        var previous = 0
        for _ in 0..<count {
            let end = Int(try reader.u32())
            guard end >= previous, end <= blob.count else { throw CorruptData("bad path offsets") }
            ends.append(end)
            previous = end
        }
        guard previous == blob.count else { throw CorruptData("bad path offsets") }
        return PathList(bytes: Array(reader.bytes[blob]), ends: ends)
    }
}
