import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

/// A committed repository with a component folder, aged so nothing in it is racy, scanned once
/// so its listing is remembered.
private struct Repository {
    let folder: TempDir
    let runner = CountingRunner()
    let scanner: InputScanner

    init() throws {
        folder = try TempDir.project([
            "app/main.py": "1", "app/pkg/util.py": "2", "app/empty/": "", ".gitignore": "*.log\n",
            "app/.gitignore": "local/\n",
        ])
        try git(folder.path, ["init", "-q"])
        try git(folder.path, ["add", "-A"])
        try git(folder.path, ["commit", "-qm", "init"])
        scanner = InputScanner(stateDirectory: folder.path(".helpcache/state"), runner: runner)
        settle()
        _ = try scan()
        _ = runner.takeGitCount()
    }

    /// Ages the tree and the repository files git wrote, as if the last change was an hour ago.
    func settle() {
        Files.ageAll(folder.path)
        for file in [".git/index", ".git/config", ".git/info/exclude"] { Files.age(folder.path(file)) }
    }

    func scan() throws -> [String] {
        try scanner.scan(folder: folder.path("app")).files.relativePaths
    }
}

@Suite struct GitListingCacheTests {
    @Test("with nothing changed the remembered listing is used and git does not run")
    func unchangedSkipsGit() throws {
        let repository = try Repository()
        #expect(try repository.scan() == [".gitignore", "main.py", "pkg/util.py"])
        #expect(repository.runner.takeGitCount() == 0)
    }

    @Test("a damaged remembered listing is a warning, and git lists the folder again")
    func damagedListingWarnsAndAsksGit() throws {
        let repository = try Repository()
        let path = repository.scanner.gitListingPath(repository.folder.path("app"))
        try FileSystem().writeAtomically(path, Array("not a listing".utf8))
        final class Warnings: @unchecked Sendable { var lines: [String] = [] }
        let warnings = Warnings()
        let scanner = InputScanner(
            stateDirectory: repository.folder.path(".helpcache/state"), runner: repository.runner,
            warn: { warnings.lines.append($0) })
        #expect(
            try scanner.scan(folder: repository.folder.path("app")).files.relativePaths
                == [".gitignore", "main.py", "pkg/util.py"])
        #expect(repository.runner.takeGitCount() > 0)
        #expect(warnings.lines.contains { $0.hasPrefix("ignoring the remembered git listing \(path)") })
    }

    @Test("a new file in a known folder is listed")
    func newFileInKnownFolder() throws {
        let repository = try Repository()
        try repository.folder.write(["app/pkg/extra.py": "3"])
        #expect(try repository.scan() == [".gitignore", "main.py", "pkg/extra.py", "pkg/util.py"])
        #expect(repository.runner.takeGitCount() > 0)
    }

    @Test("a new file in a folder that was empty is listed")
    func newFileInEmptyFolder() throws {
        let repository = try Repository()
        try repository.folder.write(["app/empty/new.py": "4"])
        #expect(try repository.scan().contains("empty/new.py"))
    }

    @Test("a new file in a new folder is listed; an ignored one is not")
    func newFolder() throws {
        let repository = try Repository()
        try repository.folder.write(["app/feature/deep/mod.py": "5", "app/feature/trace.log": "x"])
        let files = try repository.scan()
        #expect(files.contains("feature/deep/mod.py"))
        #expect(!files.contains("feature/trace.log"))
    }

    @Test("editing a .gitignore in place changes the listing")
    func ignoreFileEdited() throws {
        let repository = try Repository()
        try repository.folder.write(["app/notes.txt": "n"])
        #expect(try repository.scan().contains("notes.txt"))
        repository.settle()
        _ = try repository.scan()
        Files.overwrite(repository.folder.path("app/.gitignore"), Array("local/\nnotes.txt\n".utf8))
        #expect(try !repository.scan().contains("notes.txt"))
    }

    @Test("staging a file changes the index, so git is asked again")
    func indexChange() throws {
        let repository = try Repository()
        try repository.folder.write(["app/staged.py": "6"])
        _ = try repository.scan()
        repository.settle()
        _ = try repository.scan()
        _ = repository.runner.takeGitCount()
        try git(repository.folder.path, ["add", "app/staged.py"])
        #expect(try repository.scan().contains("staged.py"))
        #expect(repository.runner.takeGitCount() > 0)
    }

    @Test("a remembered listing is not reused when disabled")
    func disabled() throws {
        let repository = try Repository()
        var scanner = repository.scanner
        scanner.reuseGitListing = false
        _ = try scanner.scan(folder: repository.folder.path("app"))
        #expect(repository.runner.takeGitCount() == 2)
    }
}
