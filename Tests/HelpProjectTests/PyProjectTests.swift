import HelpSystem
import Testing

@testable import HelpProject

/// The pyproject.toml model: PEP 621, PEP 735 groups, Poetry tables, build system, tools.
@Suite struct PyProjectTests {
    @Test func roundTripsBothFixturesByteForByte() throws {
        for text in [PyProjectFixtures.poetry, PyProjectFixtures.pep621] {
            #expect(try PyProject(text: text).text == text)
        }
    }

    @Test func readsThePEP621Project() throws {
        let project = try PyProject(text: PyProjectFixtures.pep621)
        #expect(project.name == "auth-server")
        #expect(project.version == "1.4.0")
        #expect(project.requiresPython == ">=3.11")
        #expect(!project.usesPoetry)
        let dependencies = try project.dependencies()
        #expect(dependencies.map(\.normalizedName) == ["fastapi", "uvicorn", "sqlalchemy", "alembic", "psycopg"])
        #expect(dependencies[4].marker?.description == "sys_platform != \"win32\"")
        #expect(try project.optionalDependencies()["otel"]?.map(\.name) == ["opentelemetry-sdk"])
        #expect(project.buildSystem == PyProject.BuildSystem(requires: ["hatchling"], backend: "hatchling.build"))
        #expect(project.configures("pytest") && project.configures("coverage"))
        #expect(!project.configures("ruff") && !project.configures("mypy"))
        #expect(project.tools == ["pytest", "coverage"])
        #expect(project.scripts == ["auth-server"])
    }

    @Test func expandsDependencyGroupIncludes() throws {
        let project = try PyProject(text: PyProjectFixtures.pep621)
        let groups = try project.dependencyGroups()
        #expect(groups["dev"]?.first == .include("test"))
        #expect(try project.resolvedGroup("DEV").map(\.name) == ["pytest", "httpx", "ruff", "mypy", "ipython"])
        #expect(throws: HelpError.self) { try project.resolvedGroup("docs") }
        let cyclic = try PyProject(
            text: "[dependency-groups]\na = [{include-group = \"b\"}]\nb = [{include-group = \"A\"}]\n")
        #expect(throws: HelpError.self) { try cyclic.resolvedGroup("a") }
    }

    @Test func readsThePoetryProject() throws {
        let project = try PyProject(text: PyProjectFixtures.poetry)
        #expect(project.usesPoetry)
        #expect(project.name == "auth-client")
        #expect(project.version == "0.3.1")
        #expect(project.requiresPython == "^3.10")
        let dependencies = project.poetryDependencies
        #expect(dependencies.map(\.name) == ["httpx", "pydantic", "keyring", "shared"])
        #expect(dependencies[0].constraint == "^0.27")
        #expect(dependencies[1].extras == ["email"])
        #expect(dependencies[2].isOptional)
        #expect(dependencies[3].source == "../shared")
        #expect(project.poetryGroups["dev"]?.map(\.name) == ["pytest", "pytest-asyncio"])
        #expect(project.poetryGroups["docs"]?.map(\.constraint) == ["^1.5"])
        #expect(project.configures("ruff") && project.configures("mypy"))
        #expect(project.buildSystem?.backend == "poetry.core.masonry.api")
    }

    @Test func reportsMalformedDependencyStringsWithTheirPath() throws {
        let project = try PyProject(text: "[project]\ndependencies = [\"ok\", \"not ok!\"]\n")
        do {
            _ = try project.dependencies()
            Issue.record("expected an error")
        } catch let error as HelpError {
            #expect(error.message.hasPrefix("pyproject.toml: project.dependencies: "))
        }
        #expect(throws: HelpError.self) { try PyProject(text: "[project\n") }
    }
}
