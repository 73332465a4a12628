import HelpTestSupport
import Testing

@testable import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// File operations: atomic replacement, backups, stat, listing and removal.
@Suite struct FileSystemTests {
    let fs = FileSystem()

    @Test func atomicWriteReplacesContentAndKeepsTheMode() throws {
        let folder = try TempDir.project(["requirements.txt": "httpx\n"])
        let path = folder.path("requirements.txt")
        chmod(path, 0o640)
        try fs.writeAtomically(path, Array("httpx\nuvicorn\n".utf8))
        #expect(try fs.readText(path) == "httpx\nuvicorn\n")
        #expect(try fs.stat(path).permissions == 0o640)
        #expect(try fs.listDirectory(folder.path).map(\.name) == ["requirements.txt"])
    }

    @Test func atomicWriteKeepsOldContentWhenTheRenameDoesNotHappen() throws {
        let folder = try TempDir.project([".env": "SECRET_KEY=old\n"])
        let path = folder.path(".env")
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try fs.writeAtomically(path, Array("SECRET_KEY=new\n".utf8), mode: nil, beforeRename: { throw Crash() })
        }
        #expect(try fs.readText(path) == "SECRET_KEY=old\n")
        // The temporary file is cleaned up too.
        #expect(try fs.listDirectory(folder.path).map(\.name) == [".env"])
    }

    @Test func atomicWriteThroughASymlinkKeepsTheLink() throws {
        let folder = try TempDir.project(["real.txt": "old"])
        symlink(folder.path("real.txt"), folder.path("link.txt"))
        try fs.writeAtomically(folder.path("link.txt"), Array("new".utf8))
        #expect(try fs.stat(folder.path("link.txt"), followLinks: false).kind == .symlink)
        #expect(try fs.readText(folder.path("real.txt")) == "new")
    }

    @Test func backupThenRestoreBringsBackTheOriginal() throws {
        let folder = try TempDir.project(["package.json": "{\"a\": 1}\n"])
        let path = folder.path("package.json")
        let backup = try fs.backup(path, into: folder.path(".helpcache/backups"))
        let second = try fs.backup(path, into: folder.path(".helpcache/backups"))
        #expect(backup != second)
        try fs.writeAtomically(path, Array("broken".utf8))
        try fs.restore(backup, to: path)
        #expect(try fs.readText(path) == "{\"a\": 1}\n")
    }

    @Test func statReportsSizeKindAndNanosecondTimes() throws {
        let folder = try TempDir.project(["a.txt": "12345"])
        let info = try fs.stat(folder.path("a.txt"))
        #expect(info.size == 5)
        #expect(info.kind == .regular)
        #expect(info.modifiedNanoseconds > 1_600_000_000 * 1_000_000_000)
        #expect(info.inode != 0)
        #expect(try fs.stat(folder.path).kind == .directory)
        #expect(throws: HelpError.self) { try fs.stat(folder.path("missing")) }
    }

    @Test func createListAndRemoveTrees() throws {
        let folder = TempDir()
        try fs.createDirectories(folder.path("a/b/c"))
        try fs.createDirectories(folder.path("a/b/c"))
        try fs.writeAtomically(folder.path("a/b/c/file"), [1, 2, 3])
        symlink("/etc", folder.path("a/link-to-etc"))
        let names = try fs.listDirectory(folder.path("a")).sorted { $0.name < $1.name }
        #expect(names.map(\.name) == ["b", "link-to-etc"])
        #expect(names.map(\.kind) == [.directory, .symlink])
        try fs.remove(folder.path("a"))
        #expect(!fs.exists(folder.path("a")))
        #expect(fs.exists("/etc/passwd"))
        try fs.remove(folder.path("never-existed"))
    }

    @Test func renameMovesAndReadOfMissingFileIsAnIOError() throws {
        let folder = try TempDir.project(["from": "x"])
        try fs.rename(folder.path("from"), to: folder.path("to"))
        #expect(try fs.readText(folder.path("to")) == "x")
        do {
            _ = try fs.readFile(folder.path("from"))
            Issue.record("reading a missing file must throw")
        } catch let error as HelpError {
            #expect(error.code == .ioError)
            #expect(error.message.contains(folder.path("from")))
        }
    }
}
