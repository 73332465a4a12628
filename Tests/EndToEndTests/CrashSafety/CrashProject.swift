import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small project whose every flow writes files through `help`'s real code: `app` (a Python
/// component that `help install PKG --offline` records into, from a wheelhouse of tiny wheels made
/// here), `lib` (versions in pyproject.toml and `__init__.py`), `web` (a Node component: `help
/// test` stores cache entries, `help run` writes its `.env` from `config/development.env`).
struct CrashProject {
    let help = try! IsolatedHelp()
    let folder = TempDir(prefix: "help-crash")
    let fs = FileSystem()
    var root: String { folder.path("project") }

    static var canRun: Bool {
        ToolLookup(environment: Environment.current().values).locate("python3") != nil
            && ToolLookup(environment: Environment.current().values).locate("node") != nil
            && BuiltHelp.path != nil
    }

    /// Writes the project and `packages` wheels (`kpkg0`…), then creates `app`'s environment.
    func prepare(packages: Int) throws {
        try folder.write([
            "project/help.json": "{\"components\": {\"web\": {\"commands\": {\"run\": [\"sleep\", \"20\"]}}}}\n",
            "project/app/requirements.txt": "# runtime\n",
            "project/app/main.py": "VALUE = 1\n",
            "project/lib/pyproject.toml": "[project]\nname = \"lib\"\nversion = \"1.0.0\"\ndependencies = []\n",
            "project/lib/src/lib/__init__.py": "__version__ = \"1.0.0\"\n",
            "project/web/package.json": "{\"name\": \"web\", \"version\": \"1.0.0\", \"private\": true}\n",
            "project/web/test/a.test.mjs": Self.nodeTest(0),
            "project/web/config/development.env": "# Signs sessions.\n# help: secret\nSECRET_KEY=\nLOG_LEVEL=info\n",
            "wheels.py": Self.wheelMaker,
        ])
        let python = try run("python3", [folder.path("wheels.py"), wheelhouse, String(packages)])
        try #require(python.succeeded, "\(python.stderr)")
        let git = try run("git", ["init", "-q"], in: root)
        try #require(git.succeeded, "\(git.stderr)")
        let sync = try help.run(["install", "--offline", "--component", "app"], in: root)
        try #require(sync.succeeded, "\(sync.stderr)")
    }

    var wheelhouse: String { help.folder.path("cache") + "/help/wheels" }

    /// A test file whose assertion depends on `round`, so each round's test key is new.
    static func nodeTest(_ round: Int) -> String {
        "import test from \"node:test\";\nimport assert from \"node:assert\";\n"
            + "test(\"adds\", () => assert.equal(\(round) + 1, \(round + 1)));\n"
    }

    func run(_ tool: String, _ arguments: [String], in directory: String? = nil) throws -> ProcessResult {
        try PosixProcessRunner(environment: help.environment(), console: BufferConsole().console)
            .run(Command(tool, arguments, workingDirectory: directory, timeout: 300))
    }

    func read(_ relative: String) -> [UInt8]? { try? fs.readFile(root + "/" + relative) }

    /// Names beside `relative` that an atomic write or a cache write leaves when interrupted.
    func temporaries(beside relative: String) -> [String] {
        let path = root + "/" + relative
        let parent = String(path[..<path.lastIndex(of: "/")!])
        return ((try? fs.listDirectory(parent)) ?? []).map(\.name).filter {
            $0.contains(".help-") || $0.hasPrefix(".tmp-")
        }
    }

    /// Ends every process still working in the project (servers a killed `help run` left).
    func stopLeftovers() {
        for entry in (try? fs.listDirectory("/proc")) ?? [] {
            guard let pid = pid_t(entry.name), pid != getpid(),
                let cwd = Self.readLink("/proc/\(pid)/cwd"), cwd.hasPrefix(root)
            else { continue }
            kill(pid, SIGKILL)
        }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `count` pure-Python wheels `kpkgN-1.0-py3-none-any.whl` into a folder.
    static let wheelMaker = """
        import base64, hashlib, os, sys, zipfile
        out, count = sys.argv[1], int(sys.argv[2])
        os.makedirs(out, exist_ok=True)
        def digest(b):
            return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(b).digest()).rstrip(b"=").decode()
        for i in range(count):
            name = f"kpkg{i}"
            info = f"{name}-1.0.dist-info"
            files = {
                f"{name}/__init__.py": b"VALUE = %d\\n" % i,
                f"{info}/METADATA": f"Metadata-Version: 2.1\\nName: {name}\\nVersion: 1.0\\n".encode(),
                f"{info}/WHEEL": b"Wheel-Version: 1.0\\nGenerator: help-tests\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
            }
            record = "".join(f"{p},{digest(b)},{len(b)}\\n" for p, b in files.items()) + f"{info}/RECORD,,\\n"
            with zipfile.ZipFile(f"{out}/{name}-1.0-py3-none-any.whl", "w") as wheel:
                for path, data in files.items():
                    wheel.writestr(path, data)
                wheel.writestr(f"{info}/RECORD", record)

        """
}
