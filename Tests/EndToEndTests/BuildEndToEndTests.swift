import Glibc
import HelpSystem
import HelpTestSupport
import Testing

/// `help build` with the real tools (venv, pip, `python -m build` from PyPI, npm pack, sha256sum) on
/// a copy of Examples/auth-service, with its own HOME, XDG_CACHE_HOME and TMPDIR. The steps build
/// on each other (environment, cache), so they run in order in one test.
@Suite("help build end to end", .serialized)
struct BuildEndToEndTests {
    let copy: TempDir
    let fs = FileSystem()

    init() throws {
        copy = try BuiltHelp.copyOfExample("auth-service")
        for folder in ["home", "xdg-cache", "tmp"] { try fs.createDirectories(copy.path + "/.e2e/" + folder) }
    }

    func run(_ executable: String, _ arguments: [String], in folder: String? = nil, extra: [String: String] = [:])
        throws
        -> ProcessResult
    {
        var env = Environment.current().values.merging(extra) { _, new in new }
        env["HOME"] = copy.path + "/.e2e/home"
        env["XDG_CACHE_HOME"] = copy.path + "/.e2e/xdg-cache"
        env["TMPDIR"] = copy.path + "/.e2e/tmp"
        env["NO_COLOR"] = "1"
        env["HELP_INSTALLER"] = "pip"
        env.merge(extra) { _, new in new }
        let runner = PosixProcessRunner(environment: env, console: BufferConsole().console)
        return try runner.run(Command(executable, arguments, workingDirectory: folder ?? copy.path, timeout: 900))
    }

    func build(_ arguments: [String] = [], extra: [String: String] = [:]) throws
        -> (result: ProcessResult, status: [String: String])
    {
        let result = try run(try #require(BuiltHelp.path), ["build", "--json"] + arguments, extra: extra)
        let document = try JSONValue.parse(result.stdout, source: "help build --json")
        var status: [String: String] = [:]
        for component in document["components"]?.array ?? [] {
            status[component["component"]?.string ?? ""] = component["status"]?.string
        }
        return (result, status)
    }

    @Test func buildsValidatesListsRestoresAndRebuildsOnlyWhatChanged() throws {
        // First build: wheel and sdist for python-client, an npm tarball for js-client; the server
        // (tool settings only, no [project]) has nothing to build.
        let first = try build()
        #expect(first.result.exitCode == 0, "\(first.result.stderr.suffix(3000))")
        #expect(first.status == ["python-client": "built", "js-client": "built", "server": "skipped"])
        let python = try fs.listDirectory(copy.path + "/dist/python-client").map(\.name).sorted()
        #expect(python == ["auth_client-0.1.0-py3-none-any.whl", "auth_client-0.1.0.tar.gz"])
        #expect(fs.exists(copy.path + "/dist/js-client/auth-service-js-client-0.1.0.tgz"))

        // sha256sum accepts the list and finds every artifact intact.
        let sums = try run("sha256sum", ["-c", "SHA256SUMS"], in: copy.path + "/dist")
        #expect(sums.exitCode == 0, "\(sums.stdout)\(sums.stderr)")
        #expect(sums.stdout.split(separator: "\n").count == 3)
        let manifest = try JSONValue.parse(try fs.readText(copy.path + "/dist/manifest.json"), source: "manifest.json")
        #expect(manifest["artifacts"]?.array?.count == 3)
        let wheel = try fs.readFile(copy.path + "/dist/python-client/auth_client-0.1.0-py3-none-any.whl")

        // Nothing changed: everything is restored, byte for byte.
        let second = try build()
        #expect(second.result.exitCode == 0, "\(second.result.stderr.suffix(2000))")
        #expect(second.status == ["python-client": "restored", "js-client": "restored", "server": "skipped"])
        #expect(try fs.readFile(copy.path + "/dist/python-client/auth_client-0.1.0-py3-none-any.whl") == wheel)
        #expect(try run("sha256sum", ["-c", "SHA256SUMS"], in: copy.path + "/dist").exitCode == 0)
        // `help cache explain` computes the same build key.
        let explained = try run(
            try #require(BuiltHelp.path), ["cache", "explain", "python-client", "--action", "build"])
        #expect(explained.stdout.contains("hit: nothing changed"), "\(explained.stdout)\(explained.stderr)")

        // One python-client file edited: only python-client is built again, and --explain names the file.
        let source = copy.path + "/python-client/src/auth_client/__init__.py"
        try fs.writeAtomically(source, try fs.readFile(source) + Array("\n# edited\n".utf8))
        let third = try build(["--explain"])
        #expect(third.result.exitCode == 0, "\(third.result.stderr.suffix(2000))")
        #expect(third.status == ["python-client": "built", "js-client": "restored", "server": "skipped"])
        #expect(third.result.stdout.contains("src/auth_client/__init__.py"))

        // Offline, with every index unreachable: the backend comes from the wheelhouse into the
        // component's environment and `build` runs without isolation, to the same artifacts.
        let noNetwork = ["PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_RETRIES": "0", "PIP_TIMEOUT": "2"]
        let offline = try build(["--offline", "--no-cache", "--python-client", "-v"], extra: noNetwork)
        #expect(offline.result.exitCode == 0, "\(offline.result.stderr.suffix(3000))")
        #expect(offline.status["python-client"] == "built")
        #expect(offline.result.stderr.contains("--no-isolation"), "\(offline.result.stderr.suffix(2000))")
        #expect(try run("sha256sum", ["-c", "SHA256SUMS"], in: copy.path + "/dist").exitCode == 0)

        // Offline without a wheelhouse holding the backend: the build stops naming what is missing.
        try fs.createDirectories(copy.path + "/.e2e/empty-cache")
        let venvBackend = try run(
            copy.path + "/python-client/.venv/bin/python", ["-m", "pip", "uninstall", "-y", "-q", "hatchling"])
        #expect(venvBackend.exitCode == 0, "\(venvBackend.stderr)")
        var bare = noNetwork
        bare["XDG_CACHE_HOME"] = copy.path + "/.e2e/empty-cache"
        let missing = try build(["--offline", "--no-cache", "--python-client"], extra: bare)
        #expect(missing.result.exitCode == 1)
        #expect(missing.status["python-client"] == "failed")
        #expect(missing.result.stdout.contains("hatchling>=1.26"), "\(missing.result.stdout)")
        #expect(missing.result.stdout.contains("does not hold them"), "\(missing.result.stdout)")
    }

    @Test func twineCheckOnThePathValidatesTheLongDescription() throws {
        // twine from PyPI in a folder of its own, put on PATH by itself (its interpreter stays out).
        let tools = copy.path + "/.e2e/twine"
        #expect(try run("python3", ["-m", "venv", tools + "/venv"]).exitCode == 0)
        let installed = try run(tools + "/venv/bin/pip", ["install", "--quiet", "twine"])
        #expect(installed.exitCode == 0, "\(installed.stderr.suffix(2000))")
        try fs.createDirectories(tools + "/bin")
        #expect(symlink(tools + "/venv/bin/twine", tools + "/bin/twine") == 0)
        let path = ["PATH": tools + "/bin:" + (Environment.current().values["PATH"] ?? "/usr/bin:/bin")]

        let good = try build(["--python-client", "-v"], extra: path)
        #expect(good.result.exitCode == 0, "\(good.result.stderr.suffix(2000))")
        #expect(good.status["python-client"] == "built")
        #expect(good.result.stderr.contains("twine check --strict"), "\(good.result.stderr.suffix(2000))")

        // A reStructuredText README that does not render: PyPI would show it as plain text, so the
        // build fails naming twine's finding, and nothing reaches dist/.
        let folder = copy.path + "/python-client"
        let pyproject = try fs.readText(folder + "/pyproject.toml")
            .replacing("readme = \"README.md\"", with: "readme = \"README.rst\"")
        try fs.writeAtomically(folder + "/pyproject.toml", Array(pyproject.utf8))
        try fs.writeAtomically(folder + "/README.rst", Array("Client\n===\n\n.. no-such-directive::\n\n`broken\n".utf8))
        try fs.remove(copy.path + "/dist")
        let bad = try build(["--python-client"], extra: path)
        #expect(bad.result.exitCode == 1)
        #expect(bad.status["python-client"] == "failed")
        #expect(bad.result.stdout.contains("twine check failed"), "\(bad.result.stdout)")
        #expect(!fs.exists(copy.path + "/dist/python-client"))
    }

    @Test func artifactsThatDisagreeWithPyprojectOrTheirRecordFailTheBuild() throws {
        // An in-tree build backend that writes version 9.9.9 (pyproject.toml says 0.1.0) and a wheel
        // whose RECORD hash for the module is wrong: both checks fail the build and name the problem.
        let folder = copy.path + "/python-client"
        let pyproject = """
            [build-system]
            requires = []
            build-backend = "backend"
            backend-path = ["."]

            [project]
            name = "auth-client"
            version = "0.1.0"
            requires-python = ">=3.9"
            dependencies = []

            """
        try fs.writeAtomically(folder + "/pyproject.toml", Array(pyproject.utf8))
        try fs.writeAtomically(folder + "/backend.py", Array(Self.backend.utf8))
        let result = try build(["--python-client"])
        #expect(result.result.exitCode == 1)
        #expect(result.status == ["python-client": "failed"])
        #expect(
            result.result.stdout.contains("Version is '9.9.9', pyproject.toml says '0.1.0'"), "\(result.result.stdout)")
        #expect(result.result.stdout.contains("RECORD hash of auth_client/__init__.py does not match its contents"))
        #expect(!fs.exists(copy.path + "/dist/python-client"))
    }

    @Test func dockerImagesAreTaggedWithTheVersionAndLatest() throws {
        // A fake docker (HELP_DOCKER) records its argv: one image for the component with a Dockerfile.
        try fs.writeAtomically(copy.path + "/js-client/Dockerfile", Array("FROM node:20\n".utf8))
        let fake = FakeTool()
        let docker = try fake.install("docker")
        let result = try build(["--js-client", "--docker"], extra: ["HELP_DOCKER": docker])
        #expect(result.result.exitCode == 0, "\(result.result.stderr.suffix(2000))")
        #expect(result.status == ["js-client": "built"])
        #expect(
            fake.invocations(of: "docker").map(\.arguments) == [
                ["build", "-t", "js-client:0.1.0", "-t", "js-client:latest", copy.path + "/js-client"]
            ])
    }

    @Test func swiftPackageBecomesAReleaseTarballWithBinaryAndTemplates() throws {
        // A one-file executable package with a VERSION file and a Templates folder: the tarball is
        // named for product, version, OS and architecture, and its binary runs once unpacked.
        let package = TempDir(prefix: "help-e2e-swift")
        try package.write([
            "Package.swift": """
            // swift-tools-version:5.9
            import PackageDescription
            let package = Package(name: "hello", targets: [.executableTarget(name: "hello", path: "Sources")])

            """,
            "Sources/main.swift": "print(\"hello from the tarball\")\n",
            "VERSION": "1.2.0\n",
            "Templates/env/development.env": "A=1\n",
        ])
        let built = try run(try #require(BuiltHelp.path), ["build", "--json"], in: package.path)
        #expect(built.exitCode == 0, "\(built.stdout)\(built.stderr.suffix(2000))")
        let arch = try run("uname", ["-m"]).stdout.split(separator: "\n").first.map(String.init) ?? ""
        let name = "hello-1.2.0-linux-\(arch).tar.gz"
        let folder = package.path + "/dist/" + (package.path.split(separator: "/").last.map(String.init) ?? "")
        #expect(try fs.listDirectory(folder).map(\.name) == [name])
        let listing = try run("tar", ["-tzf", folder + "/" + name]).stdout.split(separator: "\n").map(String.init)
        #expect(listing.contains("bin/hello"))
        #expect(listing.contains("share/help/Templates/env/development.env"))
        let unpacked = package.path + "/unpacked"
        try fs.createDirectories(unpacked)
        #expect(try run("tar", ["-xzf", folder + "/" + name, "-C", unpacked]).exitCode == 0)
        #expect(try run(unpacked + "/bin/hello", []).stdout == "hello from the tarball\n")
    }

    /// A PEP 517 backend writing a wheel with a wrong version and a wrong RECORD hash.
    static let backend = """
        import io, os, tarfile, zipfile
        NAME, VERSION = "auth_client", "9.9.9"
        META = f"Metadata-Version: 2.1\\nName: auth-client\\nVersion: {VERSION}\\nRequires-Python: >=3.9\\n\\n"

        def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
            name, info = f"{NAME}-{VERSION}-py3-none-any.whl", f"{NAME}-{VERSION}.dist-info"
            with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as wheel:
                wheel.writestr("auth_client/__init__.py", "x = 1\\n")
                wheel.writestr(info + "/METADATA", META)
                wheel.writestr(info + "/WHEEL", "Wheel-Version: 1.0\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
                wheel.writestr(info + "/RECORD", f"auth_client/__init__.py,sha256=AAAA,6\\n{info}/METADATA,,\\n"
                               f"{info}/WHEEL,,\\n{info}/RECORD,,\\n")
            return name

        build_editable = build_wheel

        def build_sdist(sdist_directory, config_settings=None):
            base, data = f"{NAME}-{VERSION}", META.encode()
            with tarfile.open(os.path.join(sdist_directory, base + ".tar.gz"), "w:gz") as sdist:
                member = tarfile.TarInfo(base + "/PKG-INFO")
                member.size = len(data)
                sdist.addfile(member, io.BytesIO(data))
            return base + ".tar.gz"

        """
}
