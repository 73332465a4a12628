import Testing

@testable import HelpProject

/// What detection takes from pyproject.toml, requirements files and `.python-version` into a Python
/// component's markers, and how it copes with files it cannot read.
@Suite struct PythonMarkersReadingTests {
    /// The component detected in `svc`, holding `files` (relative to `svc`).
    private func component(_ files: [String: String]) throws -> Component {
        let fixture = Fixture()
        for (name, text) in files { fixture.write("svc/" + name, text) }
        return try #require(ComponentDetector.detect(root: ProjectRoot(path: fixture.path, discovery: .git)).first)
    }

    private func markers(pyproject: String) throws -> PythonMarkers {
        try #require(try component(["pyproject.toml": pyproject]).python)
    }

    @Test func readsPEP621DependenciesExtrasAndScripts() throws {
        let markers = try markers(
            pyproject: """
                [project]
                name = "svc"
                requires-python = ">=3.10"
                dependencies = [
                    "FastAPI[all] >= 0.100",  # web
                    'Uvicorn.Standard',
                    "pydantic>=2; python_version >= '3.10'",
                ]

                [project.optional-dependencies]
                docs = ["mkdocs"]

                [project.scripts]
                svc = "svc.cli:main"

                [tool.pytest.ini_options]
                addopts = "-q"
                """)
        #expect(markers.requiresPython == ">=3.10")
        #expect(markers.dependencies == ["fastapi", "uvicorn-standard", "pydantic"])
        #expect(markers.dependencyGroups == ["extra:docs": ["mkdocs"]])
        #expect(markers.scripts == ["svc"])
        #expect(markers.configuresPytest)
        #expect(!markers.usesPoetry)
    }

    @Test func readsDependencyGroupsAndSkipsIncludes() throws {
        let markers = try markers(
            pyproject: """
                [dependency-groups]
                test = ["pytest>=8", "coverage"]
                dev = [{include-group = "test"}, "ruff"]
                """)
        #expect(markers.dependencyGroups == ["test": ["pytest", "coverage"], "dev": ["ruff"]])
        #expect(markers.mentions("pytest") && !markers.dependsOn("pytest"))
    }

    @Test func bracketsAndKeysInsideStringsAndCommentsAreNotStructure() throws {
        let markers = try markers(
            pyproject: """
                [tool.other]
                text = \"\"\"
                [project]
                dependencies = ["uvicorn"]
                \"\"\"
                # [project]
                # dependencies = ["fastapi"]
                [project]
                description = "a [weird] = 'value'"
                dependencies = ["httpx"] # ["uvicorn"]
                """)
        #expect(markers.dependencies == ["httpx"])
    }

    @Test func dottedKeysAndInlineTablesReachTheSamePlaces() throws {
        let markers = try markers(
            pyproject: """
                project.name = "dotted"
                project.dependencies = ["a"]
                [tool]
                poetry = {dependencies = {python = ">=3.9", b = "*"}, scripts = {run-b = "b:main"}}
                """)
        #expect(markers.dependencies == ["a", "b"])
        #expect(markers.requiresPython == ">=3.9")
        #expect(markers.usesPoetry)
        #expect(markers.scripts == ["run-b"])
    }

    @Test func poetryDevDependenciesAndGroupsMergeIntoOneDevGroup() throws {
        let markers = try markers(
            pyproject: """
                [tool.poetry.dev-dependencies]
                Black = "*"
                [tool.poetry.group.dev.dependencies]
                pytest = "^8"
                [dependency-groups]
                dev = ["ruff"]
                """)
        #expect(Set(markers.dependencyGroups["dev"] ?? []) == ["black", "pytest", "ruff"])
    }

    @Test func requirementsLinesYieldNamesOnly() throws {
        let python = try #require(
            try component([
                "requirements.txt": """
                # pinned
                -r base.txt
                --index-url https://example.invalid/simple
                Django_REST.framework==3.15  # api
                requests[socks] ; python_version > "3.8"
                mylib @ https://example.invalid/mylib.whl
                https://example.invalid/other.whl
                -e ./local
                requests>=2

                """
            ]).python)
        #expect(python.dependencies == ["django-rest-framework", "requests", "mylib"])
    }

    @Test func pythonVersionIsTheFirstEntryOfTheFile() throws {
        let python = try #require(
            try component(["setup.py": "", ".python-version": "# pinned\n  3.12 \n3.11\n"]).python)
        #expect(python.pythonVersion == "3.12")
    }

    @Test func malformedPyprojectStillYieldsAComponentAndSaysWhy() throws {
        let svc = try component(["pyproject.toml": "[project\nname = \"svc\"\n", "requirements.txt": "uvicorn\n"])
        #expect(svc.kind == .python && svc.role == .server)
        #expect(svc.python?.dependencies == ["uvicorn"])
        #expect(svc.evidence.contains { $0.hasPrefix("left out: pyproject.toml:1:") })
    }

    @Test func aBadRequirementLeavesOutOnlyItsOwnSection() throws {
        let svc = try component([
            "pyproject.toml": """
            [project]
            dependencies = ["fastapi", "not ok!"]
            [project.scripts]
            svc = "svc:main"
            [dependency-groups]
            dev = ["pytest"]
            """
        ])
        #expect(svc.python?.dependencies == [])
        #expect(svc.python?.dependencyGroups["dev"] == ["pytest"])
        #expect(svc.role == .app && svc.commands.run == ["svc"])
        #expect(svc.evidence.contains { $0.hasPrefix("left out: pyproject.toml: project.dependencies:") })
    }
}
