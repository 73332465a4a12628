import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// What the wheelhouse is judged to hold, and where an interpreter's bundled pip is found.
struct WheelhouseTests {
    let folder = TempDir(prefix: "help-wheelhouse")
    let python = PythonVersion("3.11.7")!

    @Test func wheelNamesInstallOnlyWhereTheirTagsFit() throws {
        let pure = try #require(WheelName("Mako-1.3.10-py3-none-any.whl"))
        #expect(pure.distribution == "mako" && pure.version == PythonVersion("1.3.10"))
        #expect(pure.installs(on: python, platform: "linux-x86_64"))
        let native = try #require(
            WheelName("SQLAlchemy-2.0.44-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"))
        #expect(native.installs(on: python, platform: "linux-x86_64"))
        #expect(!native.installs(on: python, platform: "linux-arm64"))
        #expect(!native.installs(on: PythonVersion("3.12.1")!, platform: "linux-x86_64"))
        let stable = try #require(WheelName("cryptography-46.0.1-cp39-abi3-manylinux_2_34_x86_64.whl"))
        #expect(stable.installs(on: python, platform: "linux-x86_64"))
        #expect(
            !(try #require(WheelName("x-1.0-cp311-cp311-musllinux_1_2_x86_64.whl"))).installs(
                on: python, platform: "linux-x86_64"))
        #expect(WheelName("not-a-wheel.tar.gz") == nil)
        #expect(WheelName("too-few.whl") == nil)
    }

    @Test func holdsEveryNeedsAnExactPinWithAFittingWheelForEachRequirement() throws {
        try folder.write([
            "wheels/alembic-1.20.1-py3-none-any.whl": "",
            "wheels/SQLAlchemy-2.0.44-cp311-cp311-manylinux_2_17_x86_64.whl": "",
            "wheels/greenlet-3.2.4-cp312-cp312-manylinux_2_17_x86_64.whl": "",
        ])
        let wheelhouse = Wheelhouse(path: folder.path("wheels"))
        func holds(_ lines: [String]) throws -> Bool {
            try wheelhouse.holdsEvery(
                lines.map(PythonRequirement.parse), python: python, platform: "linux-x86_64",
                fileSystem: FileSystem())
        }
        #expect(try holds(["alembic==1.20.1", "sqlalchemy==2.0.44"]))
        #expect(try !holds(["alembic==1.20.0"]))
        #expect(try !holds(["alembic>=1.20"]))
        #expect(try !holds(["greenlet==3.2.4"]), "built for another Python")
        #expect(try !holds(["alembic==1.20.*"]))
    }

    @Test func theBundledPipIsFoundBesideTheStandardLibraryAndUnpackedInTheCache() throws {
        try folder.write([
            "python/lib/python3.11/ensurepip/_bundled/pip-23.2.1-py3-none-any.whl": "",
            "python/lib/python3.11/ensurepip/_bundled/setuptools-65.5.0-py3-none-any.whl": "",
            "python/bin/python3.11": "",
        ])
        let pip = try #require(
            BundledPip.locate(
                interpreter: folder.path("python/bin/python3.11"), version: python,
                environment: ["HOME": folder.path("home")], fileSystem: FileSystem()))
        #expect(pip.wheel == folder.path("python/lib/python3.11/ensurepip/_bundled/pip-23.2.1-py3-none-any.whl"))
        #expect(pip.unpacked == folder.path("home/.cache/help/pip/pip-23.2.1-py3-none-any"))
        #expect(!pip.isUnpacked(fileSystem: FileSystem()))
        #expect(pip.environment == ["PYTHONPATH": pip.unpacked])
        #expect(
            BundledPip.locate(
                interpreter: folder.path("python/bin/python3.11"), version: python, environment: [:],
                fileSystem: FileSystem()) == nil)
    }
}

/// Byte-compiling at install time follows PYTHONDONTWRITEBYTECODE, for pip and uv alike.
struct InstallerBytecodeTests {
    let env = VirtualEnvironment(root: "/p/.venv")

    @Test func installsCompileOnlyWhenPythonWillNotWriteBytecodeItself() throws {
        for (variable, compiles) in [(nil, false), ("", false), ("1", true)] as [(String?, Bool)] {
            var environment = ["PATH": "/usr/bin"]
            environment["PYTHONDONTWRITEBYTECODE"] = variable
            for uv in [nil, "/bin/uv"] as [String?] {
                let choice = try InstallerChoice.decide(environment: environment, uvPath: uv)
                #expect(choice.compilesBytecode == compiles)
                let installer = PythonInstaller(choice: choice)
                let install = installer.install(
                    [.requirement("idna")], into: env, wheelhouse: nil, offline: false, workingDirectory: nil)
                if uv == nil {
                    #expect(install.arguments.contains("--no-compile") == !compiles)
                } else {
                    #expect(install.arguments.contains("--compile-bytecode") == compiles)
                    let sync = installer.syncLocked(projectDirectory: "/p", env: env, offline: false, dev: true)
                    #expect(sync.arguments.contains("--compile-bytecode") == compiles)
                }
            }
        }
    }
}
