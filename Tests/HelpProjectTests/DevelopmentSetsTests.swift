import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// Which extras and groups `help install` treats as development tools: the ones named for tests,
/// linting and typing as well as `dev`, never documentation.
@Suite struct DevelopmentSetsTests {
    func sources(_ pyproject: String, files: [String: String] = [:]) throws -> PythonDependencySources {
        let folder = TempDir()
        let fs = FileSystem()
        try fs.writeAtomically(folder.path + "/pyproject.toml", Array(pyproject.utf8))
        for (name, text) in files {
            try fs.createDirectories(folder.path + "/" + (name.split(separator: "/").dropLast().joined(separator: "/")))
            try fs.writeAtomically(folder.path + "/" + name, Array(text.utf8))
        }
        return try PythonDependencySources(directory: folder.path, root: folder.path, fileSystem: fs)
    }

    @Test func testAndTypingExtrasAreDevelopmentDocsAreNot() throws {
        let found = try sources(
            """
            [project]
            name = "textkit"
            version = "1"
            [project.optional-dependencies]
            docs = ["sphinx"]
            tests = ["pytest>=7"]
            typing = ["mypy"]
            cli = ["click"]
            """)
        #expect(found.developmentStyle == .extra)
        #expect(found.developmentExtras == ["tests", "typing"])
        #expect(try found.devExtraDependencies().map(\.name) == ["pytest", "mypy"])
        #expect(try found.declaredRequirements(dev: true).map(\.name) == ["pytest", "mypy"])
        #expect(try found.declaredRequirements(dev: false).isEmpty)
    }

    @Test func dependencyGroupsPutDevFirstAndResolveEachGroup() throws {
        let found = try sources(
            """
            [project]
            name = "flaskish"
            version = "1"
            dependencies = ["blinker"]
            [dependency-groups]
            docs = ["sphinx"]
            tests = ["pytest"]
            dev = ["ruff", {include-group = "tests"}]
            Type-Check = ["mypy"]
            """)
        #expect(found.developmentStyle == .dependencyGroup)
        #expect(found.developmentGroups == ["dev", "tests", "Type-Check"])
        #expect(try found.developmentGroupRequirements().map(\.name) == ["ruff", "pytest", "pytest", "mypy"])
    }

    @Test func poetryTestGroupsCount() throws {
        let found = try sources(
            """
            [tool.poetry]
            name = "rich-ish"
            version = "1"
            [tool.poetry.dependencies]
            python = "^3.9"
            [tool.poetry.group.test.dependencies]
            pytest = "^8"
            [tool.poetry.group.docs.dependencies]
            sphinx = "*"
            """)
        #expect(found.developmentStyle == .poetryGroup)
        #expect(try found.poetryDevRequirements().map(\.name) == ["pytest"])
    }

    @Test func aTestsRequirementsFileIsTheDevelopmentFile() throws {
        let found = try sources(
            "[tool.ruff]\nline-length = 100\n",
            files: ["requirements.txt": "fastapi\n", "requirements-tests.txt": "-r requirements.txt\npytest\n"])
        #expect(found.developmentStyle == .requirementsFile)
        #expect(found.devRequirementsFile?.hasSuffix("/requirements-tests.txt") == true)
    }

    @Test func namesAreComparedNormalized() {
        for name in ["dev", "Tests", "type_check", "LINT", "test"] {
            #expect(PythonDependencySources.isDevelopmentSet(name), "\(name)")
        }
        for name in ["docs", "cli", "server", "all"] {
            #expect(!PythonDependencySources.isDevelopmentSet(name), "\(name)")
        }
    }
}
