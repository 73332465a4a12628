import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Entries with distinct keys for store tests: the manifest names the component and a seed.
func sampleEntry(_ seed: String, component: String = "app", action: String = "test") -> (
    key: Digest, manifest: InputManifest
) {
    let files = InputFiles([InputFile(relativePath: "main.py", digest: SHA256.hash(seed))])
    let manifest = InputManifest(action: action, component: component, command: ["pytest"], files: files)
    return (manifest.key, manifest)
}

@Suite struct CacheStoreTests {
    @Test("a saved entry is found again with its payload, manifest and duration")
    func roundTrip() throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let store = try CacheStore(projectRoot: project.path)
        let (key, manifest) = sampleEntry("one")
        try store.save(
            kind: .tests, key: key, manifest: manifest,
            payload: ["result.json": [1, 2, 3], "output.log": Array("ok\n".utf8)], duration: 2.5)
        let entry = try #require(store.lookup(kind: .tests, key: key))
        #expect(entry.payload == ["result.json": [1, 2, 3], "output.log": Array("ok\n".utf8)])
        #expect(entry.manifest == manifest)
        #expect(entry.duration == 2.5)
        #expect(store.lookup(kind: .builds, key: key) == nil)
        #expect(store.latest(kind: .tests, component: "app", action: "test")?.key == key)
    }

    @Test("hits add the original duration to the time saved; misses are counted")
    func counters() throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let store = try CacheStore(projectRoot: project.path)
        let (key, manifest) = sampleEntry("one")
        #expect(store.lookup(kind: .tests, key: key) == nil)
        try store.save(kind: .tests, key: key, manifest: manifest, payload: [:], duration: 3)
        _ = store.lookup(kind: .tests, key: key)
        _ = store.lookup(kind: .tests, key: key)
        let counters = store.readCounters()
        #expect(counters.hits == 2)
        #expect(counters.misses == 1)
        #expect(counters.timeSaved == 6)
        let stats = store.statistics()
        #expect(stats.kinds.first { $0.kind == .tests }?.entries == 1)
        #expect(stats.totalBytes > 0)
    }

    @Test(
        "a damaged payload, manifest or record is a miss with one warning, and a new save repairs it",
        arguments: ["payload/result.json", "manifest.bin", "entry.bin"])
    func damagedEntry(file: String) throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let warnings = WarningLog()
        let store = try CacheStore(projectRoot: project.path, warn: warnings.sink)
        let (key, manifest) = sampleEntry("one")
        try store.save(
            kind: .tests, key: key, manifest: manifest, payload: ["result.json": Array("{\"passed\":1}".utf8)],
            duration: 1)
        let path = store.entryFolder(kind: .tests, key: key) + "/" + file
        let bytes = try CacheFiles.read(path)
        Files.overwrite(path, Array(bytes.prefix(bytes.count / 2)))
        #expect(store.lookup(kind: .tests, key: key) == nil)
        #expect(warnings.all.count == 1)
        try store.save(
            kind: .tests, key: key, manifest: manifest, payload: ["result.json": Array("{\"passed\":1}".utf8)],
            duration: 1)
        #expect(store.lookup(kind: .tests, key: key)?.payload["result.json"] == Array("{\"passed\":1}".utf8))
    }

    @Test("an entry whose manifest belongs to another key is never a hit")
    func swappedManifest() throws {
        let warnings = WarningLog()
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let store = try CacheStore(projectRoot: project.path, warn: warnings.sink)
        let first = sampleEntry("one")
        let second = sampleEntry("two")
        try store.save(kind: .tests, key: first.key, manifest: first.manifest, payload: [:], duration: 1)
        try store.save(kind: .tests, key: second.key, manifest: second.manifest, payload: [:], duration: 1)
        let other = try CacheFiles.read(store.entryFolder(kind: .tests, key: second.key) + "/manifest.bin")
        try CacheFiles.writeAtomically(store.entryFolder(kind: .tests, key: first.key) + "/manifest.bin", other)
        #expect(store.lookup(kind: .tests, key: first.key) == nil)
        #expect(warnings.all.count == 1)
    }

    @Test("a store of another format version is emptied with a warning")
    func versionMismatch() throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let store = try CacheStore(projectRoot: project.path)
        let (key, manifest) = sampleEntry("one")
        try store.save(kind: .tests, key: key, manifest: manifest, payload: [:], duration: 1)
        try CacheFiles.writeAtomically(store.root + "/VERSION", Array("999\n".utf8))
        let warnings = WarningLog()
        let reopened = try CacheStore(projectRoot: project.path, warn: warnings.sink)
        #expect(warnings.all.count == 1)
        #expect(reopened.lookup(kind: .tests, key: key) == nil)
        #expect(try CacheFiles.read(store.root + "/VERSION") == Array("\(CacheFormat.version)\n".utf8))
    }

    @Test("payload names must be plain file names")
    func payloadNames() throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let store = try CacheStore(projectRoot: project.path)
        let (key, manifest) = sampleEntry("one")
        #expect(throws: HelpError.self) {
            try store.save(kind: .tests, key: key, manifest: manifest, payload: ["../x": []], duration: 1)
        }
    }

    @Test("eight writers with their own store instances leave every entry readable")
    func concurrentWriters() throws {
        let project = TempDir()
        defer { withExtendedLifetime(project) {} }
        let warnings = WarningLog()
        let failures = WarningLog()
        let shared = sampleEntry("shared")
        WorkerThreads.run(8) { worker in
            do {
                let store = try CacheStore(projectRoot: project.path, warn: warnings.sink)
                for round in 0..<6 {
                    let (key, manifest) = sampleEntry("w\(worker)-r\(round)", component: "c\(worker)")
                    try store.save(
                        kind: .tests, key: key, manifest: manifest,
                        payload: ["out": Array(repeating: UInt8(worker), count: 4096)], duration: 1)
                    try store.save(
                        kind: .tests, key: shared.key, manifest: shared.manifest, payload: ["out": [9]], duration: 1)
                    _ = store.lookup(kind: .tests, key: key)
                }
            } catch {
                failures.sink("\(error)")
            }
        }
        #expect(failures.all.isEmpty)
        #expect(warnings.all.isEmpty)
        let store = try CacheStore(projectRoot: project.path)
        for worker in 0..<8 {
            for round in 0..<6 {
                let key = sampleEntry("w\(worker)-r\(round)", component: "c\(worker)").key
                #expect(
                    store.lookup(kind: .tests, key: key)?.payload["out"] == Array(repeating: UInt8(worker), count: 4096)
                )
            }
        }
        #expect(store.lookup(kind: .tests, key: shared.key)?.payload["out"] == [9])
        #expect(store.entries().count == 49)
        #expect(store.readCounters().hits == 48 + 49)
    }
}
