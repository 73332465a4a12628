import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `.helpcache` as a folder of ours: born git-ignored, never reached through a symlink, backups
/// readable by the owner only, and a read-only one still answering.
@Suite struct CacheFolderSafetyTests {
    @Test("whoever creates .helpcache first, it has its .gitignore at once")
    func createdWithGitignore() throws {
        let project = TempDir()
        try FileSystem().createDirectories(project.path(".helpcache/backups"))
        #expect(try FileSystem().readText(project.path(".helpcache/.gitignore")) == "*\n")
        let other = TempDir()
        try FileSystem().writeAtomically(other.path(".env"), Array("TOKEN=x\n".utf8))
        try FileSystem().backup(other.path(".env"), into: other.path(".helpcache/backups"))
        #expect(try FileSystem().readText(other.path(".helpcache/.gitignore")) == "*\n")
    }

    @Test(
        "a symlinked .helpcache, backups or logs folder is refused and nothing lands at its target",
        arguments: [".helpcache", ".helpcache/backups", ".helpcache/logs"])
    func symlinkRefused(link: String) throws {
        let project = TempDir()
        let outside = TempDir()
        if link != ".helpcache" { try FileSystem().createDirectories(project.path(".helpcache")) }
        #expect(symlink(outside.path, project.path(link)) == 0)
        try FileSystem().writeAtomically(project.path(".env"), Array("TOKEN=x\n".utf8))
        let error = #expect(throws: HelpError.self) {
            if link.hasSuffix("/logs") {
                try FileSystem().createDirectories(project.path(link))  // what the command log does
            } else {
                try FileSystem().backup(project.path(".env"), into: project.path(".helpcache/backups"))
            }
        }
        #expect(error?.code == .dataError)
        #expect(
            error?.message == project.path(link)
                + " is a symlink; help keeps its cache, logs and backups only in a real folder")
        #expect(throws: HelpError.self) { try HelpCacheFolder.verify(root: project.path) }
        if link == ".helpcache" { #expect(throws: HelpError.self) { try CacheStore(projectRoot: project.path) } }
        #expect(try FileSystem().listDirectory(outside.path).isEmpty)
    }

    @Test("a .helpcache that is a file is an I/O error")
    func fileRefused() throws {
        let project = try TempDir.project([".helpcache": "x"])
        let error = #expect(throws: HelpError.self) { try CacheStore(projectRoot: project.path) }
        #expect(error?.code == .ioError)
        #expect(error?.message == project.path(".helpcache") + " is not a folder")
    }

    @Test("backups are 0600 even of a 0644 file, and a restore keeps the file's own mode")
    func backupsArePrivate() throws {
        let project = TempDir()
        let fs = FileSystem()
        try fs.writeAtomically(project.path("requirements.txt"), Array("fastapi\n".utf8), mode: 0o644)
        let backup = try fs.backup(project.path("requirements.txt"), into: project.path(".helpcache/backups"))
        #expect(try fs.stat(backup).permissions == 0o600)
        #expect(try fs.stat(project.path(".helpcache/backups")).permissions == 0o700)
        try fs.writeAtomically(project.path("requirements.txt"), Array("broken\n".utf8))
        try fs.restore(backup, to: project.path("requirements.txt"))
        #expect(try fs.readText(project.path("requirements.txt")) == "fastapi\n")
        #expect(try fs.stat(project.path("requirements.txt")).permissions == 0o644)
    }

    @Test(
        "a read-only store warns once, answers lookups and stores nothing",
        .enabled(if: geteuid() != 0, "permissions do not stop root"))
    func readOnlyStore() throws {
        let project = TempDir()
        let (key, manifest) = sampleEntry("kept")
        try CacheStore(projectRoot: project.path).save(
            kind: .tests, key: key, manifest: manifest, payload: [:], duration: 1)
        #expect(chmod(project.path(".helpcache"), 0o555) == 0)
        defer { _ = chmod(project.path(".helpcache"), 0o755) }
        final class Warnings: @unchecked Sendable { var lines: [String] = [] }
        let warnings = Warnings()
        let store = try CacheStore(projectRoot: project.path, warn: { warnings.lines.append($0) })
        #expect(store.lookup(kind: .tests, key: key) != nil)
        let (other, otherManifest) = sampleEntry("new")
        try store.save(kind: .tests, key: other, manifest: otherManifest, payload: [:], duration: 1)
        #expect(store.lookup(kind: .tests, key: other) == nil)
        #expect(warnings.lines.count == 1)
        #expect(warnings.lines.first?.contains("read-only") == true)
    }
}
