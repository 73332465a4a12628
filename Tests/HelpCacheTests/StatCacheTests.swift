import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

@Suite struct StatCacheTests {
    /// A project of three files, aged so none is racy, and a scanner that counts reads.
    private func fixture() throws -> (TempDir, InputScanner, CountingHasher, WarningLog) {
        let folder = try TempDir.project(["a.py": "print(1)\n", "pkg/b.py": "x = 2\n", "pkg/c.txt": "data\n"])
        Files.ageAll(folder.path)
        let hasher = CountingHasher()
        let warnings = WarningLog()
        let scanner = InputScanner(
            stateDirectory: folder.path(".helpcache/state"), runner: nil, hasher: hasher, warn: warnings.sink)
        return (folder, scanner, hasher, warnings)
    }

    @Test("a second scan reads no file whose stat is unchanged")
    func unchangedFilesAreNotRead() throws {
        let (folder, scanner, hasher, _) = try fixture()
        let first = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path) == ["a.py", "pkg/b.py", "pkg/c.txt"])
        let second = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path).isEmpty)
        #expect(second.files == first.files)
        #expect(second.report.hashed == 0)
        #expect(!second.report.statCacheWritten)
    }

    @Test("only the edited file is read again, and its digest changes")
    func editedFileIsReadAgain() throws {
        let (folder, scanner, hasher, _) = try fixture()
        let first = try scanner.scan(folder: folder.path)
        _ = hasher.takeReads(under: folder.path)
        Files.overwrite(folder.path("pkg/b.py"), Array("x = 3\n".utf8))
        let second = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path) == ["pkg/b.py"])
        #expect(second.files[1].relativePath == "pkg/b.py")
        #expect(second.files[1].digest != first.files[1].digest)
        #expect(second.files[0] == first.files[0])
    }

    @Test("files modified just before the stat cache was written are hashed again next time")
    func racyEntriesAreRehashed() throws {
        let (folder, scanner, hasher, _) = try fixture()
        try folder.write(["fresh.py": "new\n"])  // mtime is now: racy
        _ = try scanner.scan(folder: folder.path)
        _ = hasher.takeReads(under: folder.path)
        _ = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path) == ["fresh.py"])
        Files.age(folder.path("fresh.py"))
        _ = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path) == ["fresh.py"])  // stat changed
        _ = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path).isEmpty)  // no longer racy, digest kept
    }

    @Test("a truncated stat cache is ignored with one warning and everything is hashed again")
    func truncatedStatCache() throws {
        let (folder, scanner, hasher, warnings) = try fixture()
        let first = try scanner.scan(folder: folder.path)
        let path = scanner.statCachePath(CacheFiles.realPath(folder.path)!)
        let bytes = try CacheFiles.read(path)
        try CacheFiles.writeAtomically(path, Array(bytes.prefix(bytes.count - 9)))
        _ = hasher.takeReads(under: folder.path)
        let second = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path).count == 3)
        #expect(second.files == first.files)
        #expect(warnings.all.count == 1)
        #expect(warnings.all.first?.contains("stat cache") == true)
    }

    @Test("a stat cache full of garbage is ignored with one warning, never trusted")
    func garbageStatCache() throws {
        let (folder, scanner, hasher, warnings) = try fixture()
        let first = try scanner.scan(folder: folder.path)
        let path = scanner.statCachePath(CacheFiles.realPath(folder.path)!)
        var bytes = try CacheFiles.read(path)
        for index in stride(from: 40, to: bytes.count, by: 7) { bytes[index] ^= 0x5A }
        try CacheFiles.writeAtomically(path, bytes)
        _ = hasher.takeReads(under: folder.path)
        let second = try scanner.scan(folder: folder.path)
        #expect(hasher.takeReads(under: folder.path).count == 3)
        #expect(second.files == first.files)
        #expect(warnings.all.count == 1)
    }

    @Test("a file deleted after the first scan drops out of the inputs")
    func deletedFileDropsOut() throws {
        let (folder, scanner, _, _) = try fixture()
        _ = try scanner.scan(folder: folder.path)
        Files.remove(folder.path("a.py"))
        let second = try scanner.scan(folder: folder.path)
        #expect(second.files.relativePaths == ["pkg/b.py", "pkg/c.txt"])
    }

    @Test("the encoding round-trips and keeps digests only for entries that are not racy")
    func encodingRoundTrip() throws {
        let paths = PathList(["a", "b/c"])
        let old = StatFingerprint(size: 3, mtime: 1_000_000_000, ctime: 1_000_000_000, inode: 7)
        let recent = StatFingerprint(size: 4, mtime: 9_500_000_000, ctime: 9_500_000_000, inode: 8, isSymlink: true)
        let digest = SHA256.hash("x")
        let bytes = StatCache.encode(
            paths: paths, stats: [old, recent], digests: [digest, digest], writeTime: 10_000_000_000)
        let cache = try StatCache.decode(bytes)
        #expect(cache.count == 2)
        #expect(Array(cache.path(1)) == Array("b/c".utf8))
        #expect(cache.stat(0) == old)
        #expect(cache.stat(1) == recent)
        #expect(cache.digest(0) == digest)
        #expect(cache.digest(1) == nil)
        #expect(cache.writeTime == 10_000_000_000)
    }
}
