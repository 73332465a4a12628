import HelpSystem
import Testing

@testable import HelpProject

/// The edits `help install PKG` makes to requirements files and pyproject.toml, on the parsed
/// documents: only the entry's own bytes change, and every pyproject edit re-parses with Python's
/// own `tomllib` to the table expected.
@Suite struct RequirementsRecordingTests {
    let original =
        "# runtime\nfastapi>=0.110  # web\nHTTPX==0.25.0\n\n-r base.txt\n-c constraints.txt\nuvicorn[standard] \\\n    >=0.29\n"

    @Test func entriesAndIncludesAreFoundWithContinuationLines() {
        let file = RequirementsFile(text: original)
        #expect(file.requirements.map(\.requirement.normalizedName) == ["fastapi", "httpx", "uvicorn"])
        #expect(file.requirements.map(\.line) == [2, 3, 7])
        #expect(
            file.lines.compactMap { if case .include(let path) = $0.kind { return path } else { return nil } } == [
                "base.txt"
            ])
        #expect(
            file.lines.compactMap { if case .constraint(let path) = $0.kind { return path } else { return nil } } == [
                "constraints.txt"
            ])
        #expect(file.text == original)
    }

    @Test func anExistingEntryIsReplacedInPlaceKeepingItsComment() throws {
        var file = RequirementsFile(text: original)
        file.upsert(try PythonRequirement.parse("fastapi~=0.115"))
        file.upsert(try PythonRequirement.parse("httpx~=0.27"))
        #expect(
            file.text
                == "# runtime\nfastapi~=0.115  # web\nhttpx~=0.27\n\n-r base.txt\n-c constraints.txt\nuvicorn[standard] \\\n    >=0.29\n"
        )
    }

    @Test func aNewEntryKeepsCRLFAndAMissingFinalNewline() throws {
        var file = RequirementsFile(text: "fastapi\r\nalembic")
        file.upsert(try PythonRequirement.parse("httpx~=0.27"))
        #expect(file.text == "fastapi\r\nalembic\r\nhttpx~=0.27")
        var crlf = RequirementsFile(text: "fastapi\r\nalembic\r\n")
        crlf.upsert(try PythonRequirement.parse("httpx~=0.27"))
        #expect(crlf.text == "fastapi\r\nalembic\r\nhttpx~=0.27\r\n")
        var empty = RequirementsFile(text: "")
        empty.upsert(try PythonRequirement.parse("httpx"))
        #expect(empty.text == "httpx\n")
    }

    @Test(
        "malformed requirements are refused",
        arguments: ["-e .", "httpx>>1", "httpx; rm -rf /", "./local/path", "pkg[", "httpx ~= 1"])
    func refuses(text: String) {
        #expect(throws: HelpError.self) { try PythonRequirement.parseUserInput(text) }
    }

    @Test func includeCyclesAndMissingIncludesAreErrorsNamingTheLine() throws {
        let files = ["/p/requirements.txt": "fastapi\n-r dev.txt\n", "/p/dev.txt": "pytest\n-r requirements.txt\n"]
        let read: (String) throws -> String = { path in
            guard let text = files[path] else { throw HelpError.io("no such file \(path)") }
            return text
        }
        do {
            _ = try RequirementsFile.resolve(path: "/p/requirements.txt", read: read)
            Issue.record("a cycle was accepted")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.hasPrefix("/p/dev.txt:2:"))
            #expect(error.message.contains("/p/requirements.txt -> /p/dev.txt -> /p/requirements.txt"))
        }
        let missing = ["/p/requirements.txt": "-r nowhere.txt\n"]
        #expect(throws: HelpError.self) {
            try RequirementsFile.resolve(
                path: "/p/requirements.txt",
                read: { path in
                    guard let text = missing[path] else { throw HelpError.io("no such file") }
                    return text
                })
        }
        // Two files including the same third one is no cycle.
        let diamond = [
            "/p/a.txt": "-r b.txt\n-r c.txt\n", "/p/b.txt": "-r d.txt\n", "/p/c.txt": "-r d.txt\n", "/p/d.txt": "x\n",
        ]
        let resolved = try RequirementsFile.resolve(path: "/p/a.txt", read: { diamond[$0] ?? "" })
        #expect(resolved.files == ["/p/a.txt", "/p/b.txt", "/p/d.txt", "/p/c.txt"])
    }
}

@Suite struct PyProjectRecordingTests {
    let pyproject = """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "client"  # the name
        requires-python = ">=3.10"
        dependencies = [
            "pydantic>=2",  # models
            "anyio"
        ]

        [dependency-groups]
        dev = ["pytest>=8", {include-group = "lint"}]
        lint = ['ruff']

        """

    private func edit(_ text: String, _ requirement: String, _ list: PyProject.DependencyList) throws -> String {
        try PyProject(text: text).upserting(PythonRequirement.parse(requirement), in: list).0.text
    }

    @Test func dependencyListsRequiresPythonAndGroupIncludesAreRead() throws {
        let project = try PyProject(text: pyproject)
        #expect(project.requiresPython == ">=3.10")
        #expect(try project.dependencies().map(\.description) == ["pydantic>=2", "anyio"])
        #expect(
            try project.dependencyGroups()["dev"] == [
                .requirement(try PythonRequirement.parse("pytest>=8")), .include("lint"),
            ])
        #expect(try project.resolvedGroup("dev").map(\.name) == ["pytest", "ruff"])
        #expect(project.buildSystem?.requires == ["hatchling"])
    }

    @Test func aNewDependencyFollowsTheArraysLayoutAndAddsTheMissingComma() throws {
        let edited = try edit(pyproject, "httpx~=0.27", .project)
        #expect(
            edited.contains(
                "dependencies = [\n    \"pydantic>=2\",  # models\n    \"anyio\",\n    \"httpx~=0.27\"\n]\n"))
    }

    @Test func inlineArraysStayInlineQuotesAreKeptAndEntriesAreReplacedNotDuplicated() throws {
        var edited = try edit(pyproject, "pytest-mock~=3.14", .group("dev"))
        #expect(
            edited.contains("dev = [\"pytest>=8\", {include-group = \"lint\"}, \"pytest-mock~=3.14\"]")
                || edited.contains("dev = [\"pytest>=8\", \"pytest-mock~=3.14\", {include-group = \"lint\"}]"))
        edited = try edit(edited, "Ruff==0.6.0", .group("lint"))
        #expect(edited.contains("lint = ['Ruff==0.6.0']"))
        edited = try edit(edited, "pydantic~=2.9", .project)
        #expect(edited.contains("    \"pydantic~=2.9\",  # models\n"))
        #expect(!edited.contains("pydantic>=2\""))
    }

    @Test func aMissingListIsCreatedInItsTableOrAtTheEnd() throws {
        let minimal = "[project]\nname = \"x\"\n\n[tool.ruff]\nline-length = 100\n"
        let withDeps = try edit(minimal, "httpx", .project)
        #expect(try PyProject(text: withDeps).dependencies().map(\.name) == ["httpx"])
        #expect(withDeps.hasSuffix("[tool.ruff]\nline-length = 100\n"))
        let withGroup = try edit(minimal, "pytest", .group("dev"))
        #expect(withGroup.hasPrefix(minimal))
        #expect(try PyProject(text: withGroup).resolvedGroup("dev").map(\.name) == ["pytest"])
    }

    @Test func multiLineStringsHoldingTableHeadersAndKeysAreNotMistakenForThem() throws {
        let tricky = #"""
            [project]
            name = "tricky"
            description = """
            [project]
            dependencies = ["not-a-dependency"]
            """
            readme = '''
            [dependency-groups]
            dev = ["nor-this"]
            '''
            dependencies = ["anyio"]

            [tool.other]
            text = "dependencies = [\"x\"]"
            """#
        let edited = try edit(tricky, "httpx~=0.27", .project)
        let project = try PyProject(text: edited)
        #expect(try project.dependencies().map(\.name) == ["anyio", "httpx"])
        #expect(edited.contains("[project]\ndependencies = [\"not-a-dependency\"]\n\"\"\""))
        let grouped = try edit(tricky, "pytest", .group("dev"))
        #expect(try PyProject(text: grouped).resolvedGroup("dev").map(\.name) == ["pytest"])
        #expect(grouped.contains("dev = [\"nor-this\"]\n'''"))
    }

    @Test func aFileThatDoesNotParseIsRefusedWithItsLine() {
        let broken = "[project]\nname = \"x\"\ndependencies = [\"anyio\"\n\n[project]\n"
        do {
            _ = try edit(broken, "idna", .project)
            Issue.record("a broken pyproject was edited")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.hasPrefix("pyproject.toml:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
