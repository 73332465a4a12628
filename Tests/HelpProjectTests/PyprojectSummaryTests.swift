import Testing
@testable import HelpProject

/// The pyproject.toml summary: the keys detection needs, not fooled by comments or strings.
@Suite struct PyprojectSummaryTests {
    @Test func readsPEP621DependenciesExtrasAndScripts() {
        let summary = PyprojectSummary(text: """
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
        #expect(summary.name == "svc")
        #expect(summary.requiresPython == ">=3.10")
        #expect(summary.dependencies == ["fastapi", "uvicorn-standard", "pydantic"])
        #expect(summary.optionalDependencies == ["docs": ["mkdocs"]])
        #expect(summary.scripts == ["svc"])
        #expect(summary.configuresPytest)
        #expect(!summary.usesPoetry)
    }

    @Test func readsDependencyGroupsAndSkipsIncludes() {
        let summary = PyprojectSummary(text: """
            [dependency-groups]
            test = ["pytest>=8", "coverage"]
            dev = [{include-group = "test"}, "ruff"]
            """)
        #expect(summary.dependencyGroups == ["test": ["pytest", "coverage"], "dev": ["ruff"]])
    }

    @Test func bracketsAndKeysInsideStringsAndCommentsAreNotStructure() {
        let summary = PyprojectSummary(text: """
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
        #expect(summary.dependencies == ["httpx"])
    }

    @Test func dottedKeysAndInlineTablesReachTheSamePlaces() {
        let summary = PyprojectSummary(text: """
            project.name = "dotted"
            project.dependencies = ["a"]
            [tool]
            poetry = {dependencies = {python = ">=3.9", b = "*"}}
            """)
        #expect(summary.name == "dotted")
        #expect(summary.dependencies == ["a", "b"])
        #expect(summary.requiresPython == ">=3.9")
        #expect(summary.usesPoetry)
    }

    @Test func requirementsLinesYieldNamesOnly() {
        let names = PythonNames.requirementNames(inRequirementsText: """
            # pinned
            -r base.txt
            --index-url https://example.invalid/simple
            Django_REST.framework==3.15  # api
            requests[socks] ; python_version > "3.8"
            mylib @ https://example.invalid/mylib.whl
            https://example.invalid/other.whl
            -e ./local

            """)
        #expect(names == ["django-rest-framework", "requests", "mylib"])
    }
}
