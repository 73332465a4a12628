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

    @Test(arguments: BadInputCase.all().filter { !$0.needsNonRoot && !$0.fullDisk })
    func badInput(_ entry: BadInputCase) throws {
        try check(entry)
    }

    /// Cases that rely on permissions, which do not stop root.
    @Test(.enabled(if: !isRoot, "permissions do not stop root"), arguments: BadInputCase.all().filter(\.needsNonRoot))
    func badInputWithoutRoot(_ entry: BadInputCase) throws {
        try check(entry)
    }

    /// Cases that fill a disk: a 1 MiB tmpfs mounted over the project, which needs root.
    @Test(
        .enabled(if: BadInputDisk.canMount, "mounting a tmpfs needs root"),
        arguments: BadInputCase.all().filter(\.fullDisk))
    func badInputOnAFullDisk(_ entry: BadInputCase) throws {
        try check(entry)
    }

    @Test func catalogueHoldsEnoughCases() {
        let cases = BadInputCase.all()
        #expect(cases.count >= 100)
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
        let disk = entry.fullDisk ? try BadInputDisk(mountedOn: project.path) : nil
        defer { restoreModes(entry, in: project) }
        defer { disk?.unmount() }
        let port = entry.busyPort ? try LoopbackHTTPServer() : nil
        defer { port?.stop() }
        let fill = { (text: String) in
            text.replacing("{project}", with: project.path).replacing("{outside}", with: outside.path)
                .replacing("{bin}", with: home.path("bin")).replacing("{port}", with: port.map { "\($0.port)" } ?? "")
        }
        try build(entry, in: project, fill: fill)
        try disk?.fill()
        let before = try entry.unchanged.map { try FileSystem().readFile(project.path($0)) }
        let outsideBefore = snapshot(outside.path)

        for folder in ["home", "tmp", "cache", "bin"] { try FileSystem().createDirectories(home.path(folder)) }
        for (name, script) in entry.tools {
            try FileSystem().writeAtomically(home.path("bin/" + name), Array(fill(script).utf8), mode: 0o755)
        }
        var environment = ["HOME": home.path("home"), "TMPDIR": home.path("tmp"), "XDG_CACHE_HOME": home.path("cache")]
        if !entry.tools.isEmpty {
            environment["PATH"] = home.path("bin") + ":" + (Environment.current().values["PATH"] ?? "/usr/bin:/bin")
        }
        for (name, value) in entry.environment { environment[name] = fill(value) }
        let result = try run(entry, in: project.path, environment: environment, fill: fill)

        // Progress lines may come first on stderr: the first `error: ` line is the error.
        let firstLine =
            result.stderr.split(separator: "\n").first { $0.hasPrefix("error: ") }.map(String.init) ?? ""
        // Ending by the signal it got is how the shell sees 128 + its number.
        let code = {
            if case .signaled(let signal) = result.termination { return 128 + signal } else { return result.exitCode }
        }()
        #expect(code == entry.exitCode, "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.count <= 1, "one error line")
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

    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Every path below `folder` with its content (files) or target (links), sorted.
    func snapshot(_ folder: String) -> [String] {
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
