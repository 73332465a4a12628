import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every case of `Catalogue/bad-inputs.json` against the built binary, each in its own project with
/// its own HOME, TMPDIR and XDG_CACHE_HOME: the exit code, the first line of the error, the files
/// that must stay byte-identical, and nothing written to the folder outside the project.
@Suite struct BadInputCatalogueTests {
    static let isRoot = geteuid() == 0

    @Test(arguments: BadInputCase.all().filter { !$0.needsNonRoot })
    func badInput(_ entry: BadInputCase) throws {
        try check(entry)
    }

    /// Cases that rely on permissions, which do not stop root.
    @Test(.enabled(if: !isRoot, "permissions do not stop root"), arguments: BadInputCase.all().filter(\.needsNonRoot))
    func badInputWithoutRoot(_ entry: BadInputCase) throws {
        try check(entry)
    }

    @Test func catalogueHoldsEnoughCases() {
        let cases = BadInputCase.all()
        #expect(cases.count >= 30)
        #expect(Set(cases.map(\.name)).count == cases.count, "case names are unique")
    }

    // MARK: - One case

    private func check(_ entry: BadInputCase) throws {
        if let loadError = entry.loadError {
            Issue.record("cannot read the catalogue: \(loadError)")
            return
        }
        let project = TempDir(prefix: "help-bad")
        let outside = TempDir(prefix: "help-outside")
        let home = TempDir(prefix: "help-home")
        defer { restoreModes(entry, in: project) }
        let fill = { (text: String) in
            text.replacing("{project}", with: project.path).replacing("{outside}", with: outside.path)
        }
        try build(entry, in: project, fill: fill)
        let before = try entry.unchanged.map { try FileSystem().readFile(project.path($0)) }
        let outsideBefore = snapshot(outside.path)

        for folder in ["home", "tmp", "cache"] { try FileSystem().createDirectories(home.path(folder)) }
        let environment = ["HOME": home.path("home"), "TMPDIR": home.path("tmp"), "XDG_CACHE_HOME": home.path("cache")]
        let result = try BuiltHelp.run(
            entry.arguments.map(fill), in: project.path, environment: environment,
            input: entry.stdin.map { .bytes(Array(fill($0).utf8)) } ?? .null)

        let firstLine =
            result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        #expect(result.termination == .exited(entry.exitCode), "stderr: \(result.stderr)")
        if let error = entry.error.map(fill) {
            #expect(firstLine.hasPrefix("error: ") && firstLine.contains(error), "stderr: \(result.stderr)")
        }
        if let hint = entry.hint.map(fill) {
            let hints = result.stderr.split(separator: "\n").filter { $0.hasPrefix("hint: ") && $0.contains(hint) }
            #expect(!hints.isEmpty, "stderr: \(result.stderr)")
        }
        if let text = entry.stderr.map(fill) { #expect(result.stderr.contains(text), "stderr: \(result.stderr)") }
        if let text = entry.stdout.map(fill) { #expect(result.stdout.contains(text), "stdout: \(result.stdout)") }
        for (path, bytes) in zip(entry.unchanged, before) {
            #expect((try? FileSystem().readFile(project.path(path))) == bytes, "\(path) changed")
        }
        for path in entry.absent { #expect(!exists(project.path(path)), "\(path) was created") }
        for path in entry.present { #expect(exists(project.path(path)), "\(path) is missing") }
        #expect(snapshot(outside.path) == outsideBefore, "the folder outside the project changed")
    }

    // MARK: - Setup

    private func build(_ entry: BadInputCase, in project: TempDir, fill: (String) -> String) throws {
        let fs = FileSystem()
        for (path, text) in entry.files {
            if path.hasPrefix("{outside}") {
                let target = fill(path)
                try fs.createDirectories(String(target[..<target.lastIndex(of: "/")!]))
                try fs.writeAtomically(target, Array(fill(text).utf8))
            } else {
                try project.write([path: fill(text)])
            }
        }
        for (path, bytes) in entry.bytes {
            try project.write([path: ""])
            try fs.writeAtomically(project.path(path), bytes)
        }
        for (path, target) in entry.symlinks {
            try parentFolder(project.path(path))
            #expect(symlink(fill(target), project.path(path)) == 0, "cannot link \(path)")
        }
        for path in entry.fifos {
            try parentFolder(project.path(path))
            #expect(mkfifo(project.path(path), 0o644) == 0, "cannot make the pipe \(path)")
        }
        for (path, mode) in entry.modes {
            #expect(chmod(project.path(path), mode_t(mode)) == 0, "cannot chmod \(path)")
        }
    }

    private func parentFolder(_ path: String) throws {
        try FileSystem().createDirectories(String(path[..<path.lastIndex(of: "/")!]))
    }

    /// Opens the modes back up so the folder can be removed.
    private func restoreModes(_ entry: BadInputCase, in project: TempDir) {
        for (path, _) in entry.modes { _ = chmod(project.path(path), 0o755) }
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Every path below `folder` with its content (files) or target (links), sorted.
    private func snapshot(_ folder: String) -> [String] {
        var out: [String] = []
        for entry in ((try? FileSystem().listDirectory(folder)) ?? []).sorted(by: { $0.name < $1.name }) {
            let path = folder + "/" + entry.name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: out += [path + "/"] + snapshot(path)
            case S_IFREG: out.append(path + " " + ((try? FileSystem().readText(path)) ?? "?"))
            default: out.append(path + " (other)")
            }
        }
        return out
    }
}
