import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

@Suite struct InputListingTests {
    static let tree: [String: String] = [
        "app/main.py": "1", "app/util.py": "2", "README.md": "3",
        "node_modules/x/index.js": "ignored", ".venv/lib/site.py": "ignored",
        "app/__pycache__/main.cpython-311.pyc": "ignored",
        "app/stale.pyc": "ignored", "build/out.o": "ignored", ".build-linux/x": "ignored",
        "pkg.egg-info/PKG-INFO": "ignored",
        ".pytest_cache/v": "ignored", "dist/pkg.whl": "ignored", ".helpcache/state/salt": "ignored",
    ]

    private func scanner(_ folder: TempDir, runner: (any ProcessRunner)?) -> InputScanner {
        InputScanner(stateDirectory: folder.path(".helpcache/state"), runner: runner)
    }

    @Test("the walker skips the default-ignored folders and files")
    func walkerDefaultIgnores() throws {
        let folder = try TempDir.project(Self.tree)
        let inputs = try scanner(folder, runner: nil).scan(folder: folder.path)
        #expect(inputs.source == .walker)
        #expect(inputs.files.relativePaths == ["README.md", "app/main.py", "app/util.py"])
    }

    @Test("inputs and exclude globs apply on top of the listing")
    func globsApply() throws {
        let folder = try TempDir.project(Self.tree.merging(["app/notes.md": "n", "tests/test_a.py": "t"]) { $1 })
        let rules = InputRules(inputs: ["app/**", "tests"], exclude: ["*.md"])
        let inputs = try scanner(folder, runner: nil).scan(folder: folder.path, rules: rules)
        #expect(inputs.files.relativePaths == ["app/main.py", "app/util.py", "tests/test_a.py"])
    }

    @Test("inside git: tracked and untracked files, without gitignored or default-ignored ones")
    func gitListing() throws {
        let folder = try TempDir.project(
            Self.tree.merging([".gitignore": "*.log\nsecret/\n", "debug.log": "x", "secret/key": "k"]) { $1 })
        try git(folder.path, ["init", "-q"])
        try git(folder.path, ["add", ".gitignore", "app/main.py", "README.md"])
        try git(folder.path, ["add", "-f", "build/out.o"])  // tracked, so an input even in build/
        try git(folder.path, ["commit", "-qm", "init"])
        Files.remove(folder.path("README.md"))  // deleted but still in the index
        let inputs = try scanner(folder, runner: quietRunner()).scan(folder: folder.path)
        #expect(inputs.source == .git)
        #expect(inputs.files.relativePaths == [".gitignore", "app/main.py", "app/util.py", "build/out.o"])
    }

    @Test("the store's folder ignores itself, so git never lists it")
    func storeIgnoresItself() throws {
        let folder = try TempDir.project(["main.py": "1"])
        try git(folder.path, ["init", "-q"])
        let store = try CacheStore(projectRoot: folder.path)
        try CacheFiles.writeAtomically(store.root + "/logs/run.log", Array("x".utf8))
        let inputs = try store.inputScanner(runner: quietRunner()).scan(folder: folder.path)
        #expect(inputs.files.relativePaths == ["main.py"])
        let status = try quietRunner().run(Command("git", ["status", "--porcelain"], workingDirectory: folder.path))
        #expect(status.stdout == "?? main.py\n")
    }

    @Test("a component folder inside a repository lists paths relative to the component")
    func gitSubfolder() throws {
        let folder = try TempDir.project([
            "server/app.py": "a", "server/tests/test_app.py": "t", "client/index.js": "c",
        ])
        try git(folder.path, ["init", "-q"])
        try git(folder.path, ["add", "server/app.py"])
        try git(folder.path, ["commit", "-qm", "init"])
        let inputs = try scanner(folder, runner: quietRunner()).scan(folder: folder.path("server"))
        #expect(inputs.files.relativePaths == ["app.py", "tests/test_app.py"])
    }

    @Test("git and the walker give the same digests for the same files")
    func sameDigestsEitherWay() throws {
        let folder = try TempDir.project(["a.txt": "alpha", "b/c.txt": "gamma"])
        try git(folder.path, ["init", "-q"])
        let viaGit = try scanner(folder, runner: quietRunner()).scan(folder: folder.path)
        let other = try TempDir.project(["a.txt": "alpha", "b/c.txt": "gamma"])
        let viaWalker = try scanner(other, runner: nil).scan(folder: other.path)
        #expect(viaGit.source == .git)
        #expect(viaGit.files == viaWalker.files)
    }

    @Test("the walker lists in byte order, the order git and the cache key use")
    func walkerByteOrder() throws {
        let folder = try TempDir.project([
            "a.txt": "1", "a/b.txt": "2", "a-b/c": "3", "ab": "4", "a/c/d": "5", "B": "6",
        ])
        let inputs = try scanner(folder, runner: nil).scan(folder: folder.path)
        #expect(inputs.files.relativePaths == ["B", "a-b/c", "a.txt", "a/b.txt", "a/c/d", "ab"])
    }

    @Test("a symlink is an input hashed by its target path, not followed")
    func symlinks() throws {
        let folder = try TempDir.project(["real.txt": "content"])
        #expect(symlink("real.txt", folder.path("link")) == 0)
        let first = try scanner(folder, runner: nil).scan(folder: folder.path)
        #expect(first.files.relativePaths == ["link", "real.txt"])
        #expect(first.files[0].digest != first.files[1].digest)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
