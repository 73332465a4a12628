import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// The checks follow the project's own configuration: mypy's targets, ruff's excludes, the Node
/// script that runs the unit tests, and a note when coverage cannot be measured.
@Suite struct TestCheckConfigurationTests {
    func checks(_ files: [String: String], component name: String, runner: RecordingProcessRunner = .init())
        throws -> [TestCheck]
    {
        let folder = try TempDir.project([".git/": ""].merging(files) { $1 })
        let project = try Project.load(from: folder.path)
        let component = try #require(project.component(named: name))
        return TestCheckPlanner(project: project, options: TestOptions(), scratch: folder.path)
            .checks(for: component, binDirectory: nil, runner: runner)
    }

    func types(_ files: [String: String]) throws -> TestCheck {
        try #require(try checks(files, component: "lib").first { $0.kind == .types })
    }

    @Test func mypyRunsWithoutTargetsWhenPyprojectNamesThem() throws {
        let check = try types([
            "lib/pyproject.toml": "[project]\nname = \"lib\"\n\n[tool.mypy]\npackages = [\"lib_pkg\"]\nstrict = true\n",
            "lib/src/lib_pkg/__init__.py": "",
        ])
        #expect(check.command.arguments == [])
        #expect(check.note == "targets from the project's mypy configuration")
    }

    @Test func mypyRunsWithoutTargetsWhenMypyIniNamesFiles() throws {
        let check = try types([
            "lib/pyproject.toml": "[project]\nname = \"lib\"\n", "lib/mypy.ini": "[mypy]\nfiles = lib_pkg, scripts\n",
            "lib/lib_pkg/__init__.py": "",
        ])
        #expect(check.command.arguments == [])
    }

    @Test func mypyChecksThePackageNotTheWholeFolder() throws {
        let check = try types([
            "lib/pyproject.toml": "[project]\nname = \"lib\"\n\n[tool.mypy]\nstrict = true\n",
            "lib/src/lib_pkg/__init__.py": "", "lib/tests/__init__.py": "", "lib/tests/test_lib.py": "",
        ])
        #expect(check.command.arguments == ["src/lib_pkg"])
    }

    @Test func ruffRunsOnlyWhereTheProjectShowsItUsesRuff() throws {
        func kinds(_ files: [String: String]) throws -> Set<TestCheckKind> {
            Set(try checks(files, component: "lib").map(\.kind))
        }
        let bare = ["lib/pyproject.toml": "[project]\nname = \"lib\"\n"]
        #expect(try kinds(bare) == [.tests])
        #expect(try kinds(bare.merging(["lib/requirements-dev.txt": "pytest\nruff==0.8.0\n"]) { $1 }).contains(.lint))
        #expect(try kinds(bare.merging(["ruff.toml": "line-length = 100\n"]) { $1 }).contains(.format))
        #expect(
            try kinds(
                bare.merging([".pre-commit-config.yaml": "- repo: https://github.com/astral-sh/ruff-pre-commit\n"]) {
                    $1
                }
            ).contains(.lint))
        #expect(
            try kinds(["lib/pyproject.toml": "[project]\nname = \"lib\"\n[dependency-groups]\ndev = [\"ruff>=0.8\"]\n"])
                .contains(.lint))
        // A package whose name starts with ruff is not ruff.
        #expect(try kinds(bare.merging(["lib/requirements-dev.txt": "ruffus\nruff-lsp\n"]) { $1 }) == [.tests])
    }

    @Test func ruffAppliesItsExcludesFromTheComponentFolder() throws {
        let all = try checks(
            ["lib/pyproject.toml": "[project]\nname = \"lib\"\n\n[tool.ruff]\nexclude = [\"generated\"]\n"],
            component: "lib")
        for check in all where check.kind == .lint || check.kind == .format {
            #expect(check.command.arguments.contains("--force-exclude"))
            #expect(check.command.workingDirectory?.hasSuffix("/lib") == true)
        }
    }

    @Test func theEnvironmentInsideTheComponentIsExcludedBesideTheProjectsExcludes() throws {
        let folder = try TempDir.project([
            ".git/": "", "lib/pyproject.toml": "[project]\nname = \"lib\"\n\n[tool.ruff]\nexclude = [\"gen\"]\n",
        ])
        let project = try Project.load(from: folder.path)
        let component = try #require(project.component(named: "lib"))
        let lint = try #require(
            TestCheckPlanner(project: project, options: TestOptions(), scratch: folder.path)
                .checks(for: component, binDirectory: folder.path("lib/.venv/bin"), runner: RecordingProcessRunner())
                .first { $0.kind == .lint })
        #expect(lint.command.arguments == ["check", "--force-exclude", "--extend-exclude", ".venv", "."])
    }

    @Test func aMissingPytestCovIsANoteWithTheInstallCommand() throws {
        let tests = try #require(
            try checks(["lib/pyproject.toml": "[project]\nname = \"lib\"\n"], component: "lib").first {
                $0.kind == .tests
            })
        #expect(
            tests.note == "no coverage: pytest-cov is not installed (help install pytest-cov --dev --component lib)")
    }

    @Test func aTestScriptChainingAMissingLinterRunsTheUnitScript() throws {
        let runner = RecordingProcessRunner()
        runner.makeMissing("eslint")
        let package = """
            {"name": "widget", "scripts": {"test": "eslint . && node --test", "test:unit": "node --test test/"}}
            """
        let check = try #require(
            try checks(["widget/package.json": package], component: "widget", runner: runner).first)
        #expect(check.command.executable == "node")
        #expect(check.command.arguments.suffix(2) == ["--test", "test/"])
        #expect(check.note == "test chains eslint, which is not installed: ran test:unit")
    }

    @Test func withoutAUnitScriptTheNodeTestPartOfTheChainRuns() {
        let choice = NodeTestScript.choose(test: "xo && node --test src/", unit: nil, installed: { _ in false })
        #expect(choice.command == "node --test src/")
        #expect(choice.note == "test chains xo, which is not installed: ran node --test src/")
        let installed = NodeTestScript.choose(test: "xo && node --test src/", unit: nil, installed: { _ in true })
        #expect(installed == NodeTestScript.Choice(script: "test", command: "xo && node --test src/"))
    }
}
