import HelpSystem
import HelpTestSupport
import Testing

/// `help release` with real git (a bare remote on disk), real twine uploading to a real
/// pypiserver on 127.0.0.1, and a fake `npm publish` that records its argv and environment
/// (`npm pack` goes to the real npm), on a copy of Examples/auth-service made a git repository.
@Suite("help release end to end", .serialized, .enabled(if: ReleaseTools.present))
struct ReleaseEndToEndTests {
    let copy: TempDir
    let remote: TempDir
    let help: IsolatedHelp
    let fs = FileSystem()
    let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
    /// The files a patch release rewrites.
    static let versionFiles = [
        "python-client/pyproject.toml", "python-client/src/auth_client/__init__.py", "js-client/package.json",
    ]

    init() throws {
        copy = try BuiltHelp.copyOfExample("auth-service")
        help = try IsolatedHelp()
        remote = TempDir(prefix: "help-e2e-remote")
        try git(["init", "-q", "--bare", remote.path], in: remote.path)
        try git(["init", "-q", "-b", "main"])
        try git(["config", "user.name", "Release Tester"])
        try git(["config", "user.email", "release@example.com"])
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "start"])
        try git(["remote", "add", "origin", remote.path])
        try git(["push", "-q", "-u", "origin", "main"])
    }

    @discardableResult
    func git(_ arguments: [String], in folder: String? = nil) throws -> String {
        let result = try runner.run(Command("git", arguments, workingDirectory: folder ?? copy.path, timeout: 120))
        guard result.succeeded else { throw HelpError("git \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    func snapshot() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for file in Self.versionFiles { files[file] = try fs.readFile(copy.path + "/" + file) }
        return files
    }

    /// A fake npm that records `publish` (and the user config it was given, with its mode) and
    /// hands every other command to the real npm.
    func fakeNpm() throws -> (FakeTool, String) {
        let fake = FakeTool()
        let real = try #require(runner.locate("npm"))
        let script = """
            if [ "$1" != publish ]; then exec \(Command.shellQuote(real)) "$@"; fi
            cp "$npm_config_userconfig" "$call/userconfig" && stat -c %a "$npm_config_userconfig" > "$call/mode"
            """
        return (fake, try fake.install("npm", script: script))
    }

    @Test func dirtyTreeIsRefusedAndDryRunChangesNothing() throws {
        try fs.writeAtomically(copy.path + "/notes.txt", Array("draft\n".utf8))
        let dirty = try help.run(["release", "--bump", "patch"], in: copy.path)
        #expect(dirty.exitCode == 65)
        #expect(dirty.stderr.contains("error: the work tree has uncommitted changes (notes.txt)"), "\(dirty.stderr)")
        #expect(dirty.stderr.contains("hint: Commit or stash them first, or pass --allow-dirty"))
        try fs.remove(copy.path + "/notes.txt")

        let before = try snapshot()
        let head = try git(["rev-parse", "HEAD"])
        let secrets = ["TWINE_USERNAME": "someone", "TWINE_PASSWORD": "dry-run-pw-1234", "NPM_TOKEN": "npm-tok-98765"]
        let plan = try help.run(
            [
                "release", "--bump", "patch", "--tag", "--push", "--publish", "--repository", "http://127.0.0.1:9/",
                "--dry-run", "--json",
            ], in: copy.path, extra: secrets)
        #expect(plan.exitCode == 0, "\(plan.stderr)")
        let document = try JSONValue.parse(plan.stdout, source: "release --dry-run --json")
        let commands = (document["steps"]?.array ?? []).compactMap { $0["command"]?.string }
        #expect(commands.contains("git tag -a v0.1.1 -m 'Release v0.1.1'"))
        #expect(commands.contains("git push origin v0.1.1"))
        #expect(
            commands.contains { $0.hasPrefix("TWINE_PASSWORD=*** twine upload") && $0.contains("--repository-url") })
        #expect(commands.contains { $0.contains("NPM_TOKEN=*** npm publish") })
        for value in secrets.values where value != "someone" {
            #expect(!plan.stdout.contains(value) && !plan.stderr.contains(value))
        }
        #expect(try snapshot() == before)
        #expect(try git(["rev-parse", "HEAD"]) == head)
        #expect(try git(["tag"]).isEmpty)
        #expect(!fs.exists(copy.path + "/dist"))
    }

    @Test func publishesForRealPushesTagsAndUndoesAFailureBeforeThePush() throws {
        let index = try PackageIndexServer()
        defer { index.stop() }
        let (npm, npmPath) = try fakeNpm()
        let arguments = [
            "release", "--bump", "patch", "--tag", "--push", "--publish", "--repository", index.uploadURL,
            "--npm-registry", "http://127.0.0.1:9/npm/", "--json",
        ]
        var environment = [
            "HELP_NPM": npmPath, "NPM_TOKEN": "npm-token-5f2a9c", "TWINE_USERNAME": index.username,
            "TWINE_PASSWORD": "wrong-password-31",
        ]

        // A wrong password: the upload fails before the push, so the commit and tag are undone and
        // the version files are byte for byte what they were.
        let before = try snapshot()
        let head = try git(["rev-parse", "HEAD"])
        let failed = try help.run(arguments, in: copy.path, extra: environment)
        #expect(failed.exitCode == 1, "\(failed.stderr.suffix(3000))")
        let failure = try JSONValue.parse(failed.stdout, source: "release --json")
        #expect(failure["rolled_back"]?.bool == true)
        #expect(failure["error"]?.string?.contains("twine upload of dist/python-client/") == true)
        #expect((failure["not_published"]?.array ?? []).count == 2)
        #expect(try snapshot() == before)
        #expect(try git(["rev-parse", "HEAD"]) == head)
        #expect(try git(["tag"]).isEmpty)
        #expect(try git(["status", "--porcelain"]).isEmpty)
        #expect(try git(["tag"], in: remote.path).isEmpty)
        #expect(try fs.listDirectory(index.packages).isEmpty)

        // The right password: everything goes through.
        environment["TWINE_PASSWORD"] = index.password
        let released = try help.run(arguments, in: copy.path, extra: environment)
        #expect(released.exitCode == 0, "\(released.stdout)\(released.stderr.suffix(3000))")
        let report = try JSONValue.parse(released.stdout, source: "release --json")
        #expect(
            (report["published"]?.array ?? []).compactMap(\.string).sorted() == [
                "dist/js-client/auth-service-js-client-0.1.1.tgz",
                "dist/python-client/auth_client-0.1.1-py3-none-any.whl",
                "dist/python-client/auth_client-0.1.1.tar.gz",
            ])
        #expect(report["pushed"]?.bool == true)
        #expect(try git(["tag"]) == "v0.1.1\n")
        #expect(try git(["tag"], in: remote.path) == "v0.1.1\n")
        #expect(
            try git(["log", "-1", "--format=%s", "main"], in: remote.path)
                == "release: js-client v0.1.1, python-client v0.1.1\n")
        #expect(
            try fs.listDirectory(index.packages).map(\.name).sorted() == [
                "auth_client-0.1.1-py3-none-any.whl", "auth_client-0.1.1.tar.gz",
            ])

        // npm got the tarball and the registry on argv; the token only through its environment
        // and a private user config that names the variable.
        let publish = try #require(npm.invocations(of: "npm").last { $0.arguments.first == "publish" })
        #expect(
            publish.arguments == [
                "publish", copy.path + "/dist/js-client/auth-service-js-client-0.1.1.tgz", "--registry",
                "http://127.0.0.1:9/npm/",
            ])
        #expect(!publish.arguments.joined(separator: " ").contains("npm-token-5f2a9c"))
        #expect(publish.environment["NPM_TOKEN"] == "npm-token-5f2a9c")
        let calls = npm.binPath + "/../data/npm/calls"
        let last = try fs.listDirectory(calls).compactMap { Int($0.name) }.max() ?? 0
        #expect(
            try fs.readText("\(calls)/\(last)/userconfig")
                == "registry=http://127.0.0.1:9/npm/\n//127.0.0.1:9/npm/:_authToken=${NPM_TOKEN}\n")
        #expect(try fs.readText("\(calls)/\(last)/mode") == "600\n")

        // No secret in the output or the logs.
        for secret in [index.password, "wrong-password-31", "npm-token-5f2a9c"] {
            #expect(!released.stdout.contains(secret) && !released.stderr.contains(secret))
            #expect(!failed.stdout.contains(secret) && !failed.stderr.contains(secret))
            let grep = try runner.run(Command("grep", ["-rqF", "--", secret, copy.path + "/.helpcache"]))
            #expect(grep.exitCode == 1, "\(secret) found under .helpcache")
        }

        // The package installs back from the index into a new environment.
        let venv = TempDir(prefix: "help-e2e-consumer")
        #expect(try runner.run(Command("python3", ["-m", "venv", venv.path], timeout: 300)).succeeded)
        let install = try runner.run(
            Command(
                venv.path + "/bin/pip", ["install", "--quiet", "--index-url", index.indexURL, "auth-client==0.1.1"],
                timeout: 600))
        #expect(install.succeeded, "\(install.stderr)")
        let imported = try runner.run(
            Command(venv.path + "/bin/python", ["-c", "import auth_client; print(auth_client.__version__)"]))
        #expect(imported.stdout == "0.1.1\n")
    }
}

/// Whether the tools the release tests drive are installed (git, npm for `npm pack`, python3).
enum ReleaseTools {
    static var present: Bool {
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        return ["git", "npm", "python3"].allSatisfy { runner.locate($0) != nil }
    }
}
