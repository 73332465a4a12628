import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

/// `help self-update` of a binary installed by install.sh, against a loopback release folder
/// that then gains a newer release: `--check` sees it, the update swaps it in after checking its
/// SHA-256, a release whose binary does not run is rolled back, and a tampered one is refused.
@Suite("help self-update end to end", .serialized)
struct SelfUpdateEndToEndTests {
    let release: ReleaseFixture
    let fs = FileSystem()

    init() throws {
        release = try ReleaseFixture()
        let installed = try release.install()
        #expect(installed.exitCode == 0, "\(installed.stderr)")
    }

    var prefix: String { release.prefix }
    var binary: String { prefix + "/bin/help" }

    func run(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
        try release.run(executable, arguments)
    }

    /// Publishes version 9.0.0, whose `bin/help` is a script answering `--version` with `status`.
    func publishNewer(status: Int) throws {
        let stage = TempDir(prefix: "help-e2e-newer")
        try fs.createDirectories(stage.path("bin"))
        let script = "#!/bin/sh\necho 'help 9.0.0 (commit 9999999)'\nexit \(status)\n"
        try fs.writeAtomically(stage.path("bin/help"), Array(script.utf8), mode: 0o755)
        let name = release.tarballName.replacingVersion(release.version, with: "9.0.0")
        let tar = try run("tar", ["-czf", release.server.root + "/help/" + name, "-C", stage.path, "bin"])
        #expect(tar.exitCode == 0)
        let digest = try FileHasher.hash(path: release.server.root + "/help/" + name).hex
        let sums = try fs.readText(release.server.root + "/SHA256SUMS") + "\(digest) *help/\(name)\n"
        try release.server.put("SHA256SUMS", Array(sums.utf8))
        try release.server.put("latest", Array("9.0.0\n".utf8))
    }

    @Test func checkThenUpdateSwapsInTheVerifiedNewerRelease() throws {
        let current = try run(binary, ["self-update", "--check"])
        #expect(
            current.stdout == "help \(release.version) is up to date (latest: \(release.version))\n",
            "\(current.stderr)")

        try publishNewer(status: 0)
        let check = try run(binary, ["self-update", "--check"])
        #expect(check.stdout.contains("9.0.0 is available"), "\(check.stdout)\(check.stderr)")
        #expect(try run(binary, ["--version"]).stdout.hasPrefix("help \(release.version) "))

        let update = try run(binary, ["self-update"])
        #expect(update.exitCode == 0, "\(update.stderr)")
        #expect(update.stdout == "updated \(binary): \(release.version) → 9.0.0\n")
        #expect(try run(binary, ["--version"]).stdout == "help 9.0.0 (commit 9999999)\n")
        #expect(!fs.exists(prefix + "/bin/help.old"))
    }

    @Test func aNewReleaseThatDoesNotRunIsRolledBack() throws {
        let before = try fs.readFile(binary)
        try publishNewer(status: 1)
        let update = try run(binary, ["self-update"])
        #expect(update.exitCode == 1)
        #expect(update.stderr.contains("the old one is back in place"), "\(update.stderr)")
        #expect(try fs.readFile(binary) == before)
        #expect(!fs.exists(prefix + "/bin/help.old"))
    }

    @Test func aTamperedReleaseIsRefusedAndNothingChanges() throws {
        let before = try fs.readFile(binary)
        try publishNewer(status: 0)
        try release.server.tamper(release.tarballPath.replacingVersion(release.version, with: "9.0.0"))
        let update = try run(binary, ["self-update"])
        #expect(update.exitCode == 65, "\(update.stderr)")
        #expect(try fs.readFile(binary) == before)
    }
}

extension String {
    /// The text with the first `old` replaced by `new`.
    fileprivate func replacingVersion(_ old: String, with new: String) -> String {
        guard let range = firstRange(of: old) else { return self }
        return self[..<range.lowerBound] + new + self[range.upperBound...]
    }
}
