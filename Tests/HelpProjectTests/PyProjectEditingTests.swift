import HelpSystem
import Testing

@testable import HelpProject

/// Adding and replacing requirements in pyproject.toml: each edit changes only its own bytes.
@Suite struct PyProjectEditingTests {
    private func edit(_ text: String, _ requirement: String, _ list: PyProject.DependencyList) throws -> (
        String, PyProject.Change
    ) {
        let (project, change) = try PyProject(text: text).upserting(PythonRequirement.parse(requirement), in: list)
        return (project.text, change)
    }

    private let pep621 = PyProjectFixtures.pep621
    private let poetry = PyProjectFixtures.poetry

    @Test func appendsToProjectDependenciesInTheirStyle() throws {
        let (text, change) = try edit(pep621, "httpx>=0.27", .project)
        #expect(change == .added)
        #expect(
            text
                == pep621.replacingFirst(
                    "    'psycopg[binary]>=3.1; sys_platform != \"win32\"',\n",
                    with: "    'psycopg[binary]>=3.1; sys_platform != \"win32\"',\n    \"httpx>=0.27\",\n"))
        #expect(try PyProject(text: text).dependencies().last?.name == "httpx")
    }

    @Test func replacesInPlaceKeepingCommentsAndQuotes() throws {
        let (text, change) = try edit(pep621, "Uvicorn[standard]>=0.30", .project)
        #expect(change == .replaced(previous: "uvicorn[standard]>=0.29"))
        #expect(
            text
                == pep621.replacingFirst(
                    "\"uvicorn[standard]>=0.29\",  # ASGI server",
                    with: "\"Uvicorn[standard]>=0.30\",  # ASGI server"))
        let (quoted, _) = try edit(pep621, "psycopg[binary]>=3.2", .project)
        #expect(quoted.contains("    'psycopg[binary]>=3.2',\n"))
        #expect(try edit(pep621, "fastapi>=0.110", .project).1 == .unchanged)
    }

    @Test func writesToOptionalDependenciesAndGroups() throws {
        let (otel, _) = try edit(pep621, "opentelemetry-api", .optional("otel"))
        #expect(otel.contains("otel = [\"opentelemetry-sdk>=1.24\", \"opentelemetry-api\"]\n"))
        let (newExtra, _) = try edit(pep621, "pytest", .optional("dev"))
        #expect(
            newExtra.contains("otel = [\"opentelemetry-sdk>=1.24\"]\ndev = [\n    \"pytest\",\n]\n\n[project.scripts]"))
        let (group, change) = try edit(pep621, "httpx>=0.28", .group("Test"))
        #expect(change == .replaced(previous: "httpx>=0.27"))
        #expect(group == pep621.replacingFirst("\"httpx>=0.27\"", with: "\"httpx>=0.28\""))
        let (newGroup, _) = try edit(pep621, "mkdocs", .group("docs"))
        #expect(newGroup.contains("    \"ipython\",\n]\ndocs = [\n    \"mkdocs\",\n]\n\n[tool.pytest.ini_options]"))
        let (dev, _) = try edit(pep621, "ipdb", .group("dev"))
        #expect(dev.contains("    { include-group = \"lint\" },\n    \"ipython\",\n    \"ipdb\",\n]"))
    }

    @Test func createsDependencyGroupsWhenMissing() throws {
        let text = "[project]\nname = \"x\"\n\n[build-system]\nrequires = [\"hatchling\"]\n"
        let (result, _) = try edit(text, "pytest>=8", .group("test"))
        #expect(result == text + "\n[dependency-groups]\ntest = [\n    \"pytest>=8\",\n]\n")
    }

    @Test func removesFromLists() throws {
        let (project, count) = try PyProject(text: pep621).removing("ALEMBIC", from: .project)
        #expect(count == 1)
        #expect(project.text == pep621.replacingFirst("    \"alembic>=1.13\",\n", with: ""))
        let (poetryProject, removed) = try PyProject(text: poetry).removing("keyring", from: .poetry(group: nil))
        #expect(removed == 1)
        #expect(
            poetryProject.text == poetry.replacingFirst("keyring = { version = \">=24\", optional = true }\n", with: "")
        )
    }

    // MARK: - Poetry

    @Test func poetryReplacesAVersionStringKeepingItsComment() throws {
        let (text, change) = try edit(poetry, "HTTPX>=0.28", .poetry(group: nil))
        #expect(change == .replaced(previous: "httpx = \"^0.27\""))
        #expect(
            text
                == poetry.replacingFirst(
                    "httpx = \"^0.27\"        # HTTP client", with: "httpx = \">=0.28\"        # HTTP client"))
    }

    @Test func poetryReplacesOnlyTheVersionInsideATable() throws {
        let (text, _) = try edit(poetry, "pydantic>=2.7", .poetry(group: nil))
        #expect(
            text
                == poetry.replacingFirst(
                    "pydantic = { version = \"^2.6\", extras = [\"email\"] }",
                    with: "pydantic = { version = \">=2.7\", extras = [\"email\"] }"))
    }

    @Test func poetryAddsToGroupsAndCreatesNewOnes() throws {
        let (dev, _) = try edit(poetry, "rich", .poetry(group: "dev"))
        #expect(
            dev == poetry.replacingFirst("pytest-asyncio = \"*\"\n", with: "pytest-asyncio = \"*\"\nrich = \"*\"\n"))
        let (lint, _) = try edit(poetry, "black>=24", .poetry(group: "lint"))
        // After the other groups: the sections sharing the longest prefix with the new one.
        #expect(
            lint
                == poetry.replacingFirst(
                    "mkdocs = \"^1.5\"\n",
                    with: "mkdocs = \"^1.5\"\n\n[tool.poetry.group.lint.dependencies]\nblack = \">=24\"\n"))
    }

    @Test func poetryWritesExtrasAndMarkersAsATable() throws {
        let (text, change) = try edit(poetry, "uvicorn[standard]>=0.29; python_version >= '3.11'", .poetry(group: nil))
        #expect(change == .added)
        #expect(
            text.contains(
                "shared = { path = \"../shared\", develop = true }\n"
                    + "uvicorn = { version = \">=0.29\", extras = [\"standard\"], markers = \"python_version >= \\\"3.11\\\"\" }\n"
            ))
        #expect(try PyProject(text: text).poetryDependencies.last?.markers == "python_version >= \"3.11\"")
    }

    @Test func poetryUsesTheLegacyDevTableWhenThatIsWhatExists() throws {
        let text = "[tool.poetry.dependencies]\npython = \"^3.9\"\n\n[tool.poetry.dev-dependencies]\npytest = \"^7\"\n"
        let (result, _) = try edit(text, "ruff", .poetry(group: "dev"))
        #expect(result == text + "ruff = \"*\"\n")
    }
}
