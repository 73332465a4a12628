import HelpSystem
import HelpTestSupport
import Testing

/// `install.sh` against a release served from 127.0.0.1: a verified install into a temporary
/// prefix and HOME whose binary runs, an idempotent second run, a tampered tarball refused with
/// nothing installed, an unknown platform refused, and the shell lines added once.
@Suite("install.sh end to end", .serialized)
struct InstallScriptEndToEndTests {
    let release: ReleaseFixture
    let home = TempDir(prefix: "help-e2e-install")
    let fs = FileSystem()

    init() throws {
        release = try ReleaseFixture()
        try fs.createDirectories(home.path("home"))
        try fs.createDirectories(home.path("tmp"))
    }

    var prefix: String { home.path("prefix") }

    func run(_ executable: String, _ arguments: [String], extra: [String: String] = [:]) throws -> ProcessResult {
        var env = Environment.current().values
        env["HOME"] = home.path("home")
        env["TMPDIR"] = home.path("tmp")
        env["XDG_CACHE_HOME"] = home.path("home/.cache")
        env["NO_COLOR"] = "1"
        env["HELP_INSTALL_BASE"] = release.server.baseURL
        env["HELP_INSTALL_VERSION"] = nil
        env.merge(extra) { _, new in new }
        let runner = PosixProcessRunner(environment: env, console: BufferConsole().console)
        return try runner.run(Command(executable, arguments, workingDirectory: home.path, timeout: 120))
    }

    func install(_ arguments: [String] = [], extra: [String: String] = [:]) throws -> ProcessResult {
        try run("sh", [BuiltHelp.checkoutRoot + "/install.sh", "--prefix", prefix] + arguments, extra: extra)
    }

    @Test func installsAVerifiedReleaseThatRunsAndASecondRunChangesNothing() throws {
        let first = try install()
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stderr.contains("installed help \(release.version): \(prefix)/bin/help"))
        #expect(fs.exists(prefix + "/share/help/Templates/env/development.env"))

        // The installed binary was moved out of the checkout and still names the commit it was built from.
        let version = try run(prefix + "/bin/help", ["--version"])
        #expect(version.exitCode == 0)
        let head = try run("git", ["-C", BuiltHelp.checkoutRoot, "rev-parse", "--short", "HEAD"]).stdout
        let words = version.stdout.split(separator: " ")
        #expect(words.prefix(2) == ["help", Substring(release.version)], "\(version.stdout)")
        #expect(!version.stdout.contains("unknown"), "\(version.stdout)")
        let commit = words.last.map { String($0.dropLast(2)) } ?? ""  // `1a2b3c4)\n` or `1a2b3c4-dirty)\n`
        let hash = commit.split(separator: "-").first.map(String.init) ?? ""
        #expect(!hash.isEmpty && head.hasPrefix(hash), "binary says \(version.stdout), checkout is at \(head)")

        let copy = try BuiltHelp.copyOfExample("auth-service")
        let components = try run(prefix + "/bin/help", ["-C", copy.path, "components"])
        #expect(components.exitCode == 0, "\(components.stderr)")
        for name in ["server", "python-client", "js-client"] { #expect(components.stdout.contains(name)) }

        // Again: the same release is recognised and no file is touched.
        let before = try fs.stat(prefix + "/bin/help")
        let second = try install()
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stderr.contains("already installed"), "\(second.stderr)")
        let after = try fs.stat(prefix + "/bin/help")
        #expect(after.inode == before.inode && after.changedNanoseconds == before.changedNanoseconds)
    }

    @Test func aTamperedTarballIsRefusedAndNothingIsInstalled() throws {
        try release.server.tamper(release.tarballPath)
        let result = try install()
        #expect(result.exitCode == 65)
        #expect(
            result.stderr.contains("\nerror: checksum mismatch for \(release.tarballName): SHA256SUMS says "),
            "\(result.stderr)")
        #expect(result.stderr.contains("hint: Nothing was installed."))
        #expect(!fs.exists(prefix))
    }

    @Test func anUnsupportedPlatformIsRefusedInOneLine() throws {
        let fake = FakeTool()
        try fake.install("uname", script: #"case $1 in -s) echo SunOS ;; *) echo sparc64 ;; esac; exit 0"#)
        let result = try install(extra: ["PATH": fake.searchPath(before: Environment.current().values["PATH"] ?? "")])
        #expect(result.exitCode == 69)
        #expect(result.stderr.hasPrefix("error: unsupported platform: SunOS sparc64\nhint: "), "\(result.stderr)")
        #expect(release.server.requests().isEmpty)
        #expect(!fs.exists(prefix))
    }

    @Test(.enabled(if: ToolLookup(environment: Environment.current().values).locate("bash") != nil))
    func shellSetupAddsEnableNHelpOnceSoBashRunsTheBinary() throws {
        let bashrc = home.path("home/.bashrc")
        try fs.writeAtomically(bashrc, Array("alias ll='ls -l'\n".utf8))
        #expect(try install(["--shell-setup"]).exitCode == 0)
        #expect(try install(["--shell-setup"]).exitCode == 0)
        let text = try fs.readText(bashrc)
        #expect(text.split(separator: "\n").filter { $0 == "enable -n help" }.count == 1, "\(text)")
        #expect(try fs.readText(bashrc + ".help-backup") == "alias ll='ls -l'\n")
        // A real interactive bash reading that .bashrc finds the installed binary, not its builtin.
        let bash = try run("bash", ["-ic", "type -t help; help --version"])
        #expect(bash.stdout.hasPrefix("file\nhelp \(release.version) "), "\(bash.stdout)\(bash.stderr)")
    }
}
