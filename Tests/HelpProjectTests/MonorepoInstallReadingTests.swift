import HelpSystem
import Testing

@testable import HelpProject

/// What `help install` reads from the fixture monorepo's components before running anything:
/// whether a build backend can install editable, the pins of poetry.lock and uv.lock and whether
/// they are current, and whether a Node package's tests need npm install.
@Suite("Monorepo install reading")
struct MonorepoInstallReadingTests {
    static let fixture: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/Fixtures/monorepo"
    }()

    func sources(_ name: String) throws -> PythonDependencySources {
        try PythonDependencySources(directory: Self.fixture + "/" + name, root: Self.fixture, fileSystem: FileSystem())
    }

    @Test("an old poetry-core, poetry.masonry.api and setuptools before 64 have no build_editable hook")
    func legacyBackendsAreRecognised() throws {
        let legacy = try sources("legacy-lib").pyproject?.buildSystem
        #expect(EditableSupport.missingHookReason(legacy)?.contains("poetry-core") == true)
        #expect(
            EditableSupport.missingHookReason(.init(requires: ["poetry>=0.12"], backend: "poetry.masonry.api")) != nil)
        #expect(
            EditableSupport.missingHookReason(.init(requires: ["setuptools<64"], backend: "setuptools.build_meta"))
                != nil)
        #expect(
            EditableSupport.missingHookReason(.init(requires: ["setuptools>=61"], backend: "setuptools.build_meta"))
                == nil)
        #expect(EditableSupport.missingHookReason(try sources("uv-lib").pyproject?.buildSystem) == nil)
        #expect(
            EditableSupport.pipReportsMissingHook(
                "ERROR: Project file:///x has a 'pyproject.toml' and its build backend is missing the"
                    + " 'build_editable' hook."))
    }

    @Test("poetry.lock pins are read, current with the manifest, and written as constraints with markers")
    func poetryLockPins() throws {
        let lib = try sources("legacy-lib")
        let lock = try #require(try lib.lockFile(root: Self.fixture, fileSystem: FileSystem()))
        #expect(lock.tool == .poetry)
        #expect(lock.pins.first { $0.name == "iniconfig" }?.version == PythonVersion("2.1.0"))
        #expect(lock.unsatisfied(by: try lib.declaredRequirements(dev: true)).isEmpty)
        #expect(lock.constraintsText.contains("iniconfig==2.1.0\n"))
        #expect(lock.constraintsText.contains("tomli==2.5.0; python_version < \"3.11\""))
        let newer = try PythonRequirement.parse("iniconfig>=2.2")
        #expect(lock.unsatisfied(by: [newer]).first?.contains("poetry.lock has iniconfig 2.1.0") == true)
        #expect(lock.unsatisfied(by: [try PythonRequirement.parse("httpx")]) == ["httpx is not in poetry.lock"])
    }

    @Test("uv.lock forks keep their resolution markers and the project itself is not pinned")
    func uvLockPins() throws {
        let lib = try sources("uv-lib")
        let lock = try #require(try lib.lockFile(root: Self.fixture, fileSystem: FileSystem()))
        #expect(lock.tool == .uv)
        #expect(!lock.pins.contains { $0.name == "uv-lib" })
        let pytest = lock.pins.filter { $0.name == "pytest" }
        #expect(pytest.count == 2)
        #expect(pytest.allSatisfy { $0.marker != nil })
        #expect(lock.unsatisfied(by: try lib.declaredRequirements(dev: true)).isEmpty)
    }

    @Test("a package with no runtime dependencies tested by node --test needs no npm install")
    func nodeTestNeeds() throws {
        let text = try FileSystem().readText(Self.fixture + "/widget/package.json")
        let widget = try JSONValue.parse(text, source: "package.json")
        #expect(NodeTestNeeds.installSkipReason(manifest: widget) != nil)
        let withRuntime = try JSONValue.parse(
            #"{"dependencies": {"left-pad": "^1"}, "scripts": {"test": "node --test"}}"#, source: "p")
        #expect(NodeTestNeeds.installSkipReason(manifest: withRuntime) == nil)
        let chained = try JSONValue.parse(#"{"scripts": {"test": "eslint . && node --test"}}"#, source: "p")
        #expect(NodeTestNeeds.installSkipReason(manifest: chained) == nil)
        let jest = try JSONValue.parse(#"{"scripts": {"test": "jest"}}"#, source: "p")
        #expect(NodeTestNeeds.installSkipReason(manifest: jest) == nil)
    }

    @Test("every npm install is bounded in time and retries")
    func npmFetchIsBounded() {
        let deps = NodeDependencies(directory: "/p", hasLockFile: false, state: .stale("node_modules is missing"))
        for command in [
            deps.syncCommand(dev: true, offline: false),
            NodeDependencies.addCommand(["x"], directory: "/p", dev: false, save: true, offline: false),
        ] {
            #expect(command.arguments.contains("--fetch-timeout=15000"))
            #expect(command.arguments.contains("--fetch-retries=1"))
            #expect(command.arguments.contains("--fetch-retry-maxtimeout=5000"))
        }
    }
}
