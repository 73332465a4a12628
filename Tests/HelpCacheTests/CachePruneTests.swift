import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct CachePruneTests {
    /// A store with entries `a`, `b`, `c` of 10 KiB payload each, last used 3, 2 and 1 hours ago.
    private func agedStore(maxSize: UInt64 = CacheLimits.defaultMaxSize) throws -> (TempDir, CacheStore, [Digest]) {
        let project = TempDir()
        let store = try CacheStore(projectRoot: project.path, maxSize: maxSize)
        var keys: [Digest] = []
        for (index, seed) in ["a", "b", "c"].enumerated() {
            let (key, manifest) = sampleEntry(seed)
            try store.save(
                kind: .tests, key: key, manifest: manifest, payload: ["blob": Array(repeating: 1, count: 10_240)],
                duration: 1)
            Files.age(store.entryFolder(kind: .tests, key: key) + "/access", seconds: 3600 * (3 - index))
            keys.append(key)
        }
        return (project, store, keys)
    }

    @Test("pruning to a size removes the least recently used entries first")
    func lruBySize() throws {
        let (project, store, keys) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        let entrySize = store.entries().first!.bytes
        let removal = try store.prune(maxSize: entrySize * 2, maxAge: nil)
        #expect(removal.removed.map(\.keyHex) == [keys[0].hex])
        #expect(store.entries().count == 2)
        #expect(removal.remainingBytes <= entrySize * 2)
    }

    @Test("an age far beyond any clock prunes nothing instead of trapping")
    func enormousAgeKeepsEverything() throws {
        let (project, store, _) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        let removal = try store.prune(maxSize: nil, maxAge: 1e15)
        #expect(removal.removed.isEmpty)
        #expect(store.entries().count == 3)
    }

    @Test("a hit refreshes an entry so pruning spares it")
    func hitRefreshesAccess() throws {
        let (project, store, keys) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        #expect(store.lookup(kind: .tests, key: keys[0]) != nil)
        let entrySize = store.entries().first!.bytes
        let removal = try store.prune(maxSize: entrySize * 2, maxAge: nil)
        #expect(removal.removed.map(\.keyHex) == [keys[1].hex])
        #expect(store.contains(kind: .tests, key: keys[0]))
    }

    @Test("pruning by age removes entries unused for longer; a dry run removes nothing")
    func byAgeAndDryRun() throws {
        let (project, store, keys) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        let preview = try store.prune(maxSize: nil, maxAge: 90 * 60, dryRun: true)
        #expect(Set(preview.removed.map(\.keyHex)) == [keys[0].hex, keys[1].hex])
        #expect(store.entries().count == 3)
        let removal = try store.prune(maxSize: nil, maxAge: 90 * 60)
        #expect(removal.removed.count == 2)
        #expect(store.entries().map(\.keyHex) == [keys[2].hex])
    }

    @Test("the size cap is enforced after each save, keeping the newest entries")
    func capAfterSave() throws {
        let (project, store, keys) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        store.maxSize = store.entries().first!.bytes * 2 + 100
        let (key, manifest) = sampleEntry("d")
        try store.save(
            kind: .tests, key: key, manifest: manifest, payload: ["blob": Array(repeating: 1, count: 10_240)],
            duration: 1)
        #expect(Set(store.entries().map(\.keyHex)) == [keys[2].hex, key.hex])
    }

    @Test("cleaning one kind leaves the others")
    func cleanOneKind() throws {
        let (project, store, _) = try agedStore()
        defer { withExtendedLifetime(project) {} }
        let (key, manifest) = sampleEntry("build", action: "build")
        try store.save(kind: .builds, key: key, manifest: manifest, payload: [:], duration: 1)
        let fs = FileSystem()
        for file in ["test-impact/app.json", "testdb/app-0123.sqlite"] {
            try fs.createDirectories(store.root + "/" + String(file.split(separator: "/")[0]))
            try fs.writeAtomically(store.root + "/" + file, Array("x".utf8))
        }
        try store.clean(kind: .builds)
        #expect(fs.exists(store.root + "/test-impact/app.json") && fs.exists(store.root + "/testdb/app-0123.sqlite"))
        try store.save(kind: .builds, key: key, manifest: manifest, payload: [:], duration: 1)
        let removal = try store.clean(kind: .tests)
        #expect(!fs.exists(store.root + "/test-impact") && !fs.exists(store.root + "/testdb"))
        #expect(removal.removed.count == 3)
        #expect(store.entries().map(\.kind) == [.builds])
        #expect(store.latest(kind: .tests, component: "app", action: "test") == nil)
        #expect(store.latest(kind: .builds, component: "app", action: "build")?.key == key)
    }
}
