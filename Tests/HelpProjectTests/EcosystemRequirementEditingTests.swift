import HelpSystem
import Testing
@testable import HelpProject

@Suite("Requirement lines and version ranges")
struct EcosystemRequirementLineTests {
    @Test("names, extras, specifiers, URLs and markers are read")
    func parses() throws {
        let r = try RequirementLine.parse("Uvicorn[standard] >= 0.30, <1 ; python_version >= '3.9'")
        #expect(r.name == "Uvicorn")
        #expect(r.normalizedName == "uvicorn")
        #expect(r.extras == ["standard"])
        #expect(r.specifier == ">=0.30,<1")
        #expect(r.marker == "python_version >= '3.9'")
        #expect(r.description == "Uvicorn[standard]>=0.30,<1; python_version >= '3.9'")
        #expect(try RequirementLine.parse("pkg @ https://example.org/pkg-1.0.whl").url == "https://example.org/pkg-1.0.whl")
        #expect(RequirementLine.normalize("Foo.Bar__baz") == "foo-bar-baz")
    }

    @Test("malformed requirements are usage errors", arguments: ["-e .", "httpx>>1", "httpx; rm -rf /", "./local/path", "pkg[", "httpx ~= 1"])
    func refuses(text: String) {
        #expect(throws: HelpError.self) { try RequirementLine.parse(text) }
    }

    @Test("overlapping and disjoint specifiers are told apart")
    func overlaps() {
        func range(_ s: String) -> VersionRange { VersionRange(specifier: s)! }
        #expect(!range("==0.25.0").overlaps(range(">=0.27")))
        #expect(range("~=0.27").overlaps(range(">=0.27.2,<1")))
        #expect(!range("~=1.4").overlaps(range(">=2")))
        #expect(range("==1.*").overlaps(range("<1.5")))
        #expect(!range("!=1.0").overlaps(range("==1.0")))
        #expect(range("").overlaps(range("==3")))
        #expect(range("~=0.27").contains("0.28.1"))
        #expect(!range("~=0.27").contains("1.0"))
    }
}

@Suite("Requirements file editing")
struct EcosystemRequirementsTextTests {
    let original = "# runtime\nfastapi>=0.110  # web\nHTTPX==0.25.0\n\n-r base.txt\n-c constraints.txt\nuvicorn[standard] \\\n    >=0.29\n"

    @Test("entries and includes are found, continuation lines included")
    func reads() {
        let file = RequirementsText(original)
        #expect(file.entries.map(\.requirement.normalizedName) == ["fastapi", "httpx", "uvicorn"])
        #expect(file.entry(named: "uvicorn")?.lines == 6..<8)
        #expect(file.includes == [.init(path: "base.txt", isConstraint: false), .init(path: "constraints.txt", isConstraint: true)])
        #expect(file.text == original)
    }

    @Test("an existing entry is replaced in place, keeping its comment; others are untouched")
    func replaces() throws {
        var file = RequirementsText(original)
        file.record(try RequirementLine.parse("fastapi~=0.115"))
        file.record(try RequirementLine.parse("httpx~=0.27"))
        #expect(file.text == "# runtime\nfastapi~=0.115  # web\nhttpx~=0.27\n\n-r base.txt\n-c constraints.txt\nuvicorn[standard] \\\n    >=0.29\n")
    }

    @Test("a new entry is appended, and a file without a final newline gets one between")
    func appends() throws {
        var file = RequirementsText("fastapi\r\nalembic")
        file.record(try RequirementLine.parse("httpx~=0.27"))
        #expect(file.text == "fastapi\r\nalembic\r\nhttpx~=0.27")
        var empty = RequirementsText("")
        empty.record(try RequirementLine.parse("httpx"))
        #expect(empty.text == "httpx\n")
    }
}

@Suite("pyproject editing")
struct EcosystemPyprojectEditorTests {
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

    @Test("dependency sections, requires-python and group includes are read")
    func reads() {
        let scanner = PyprojectScanner(pyproject)
        #expect(scanner.string("project", "requires-python") == ">=3.10")
        #expect(scanner.array("project", "dependencies")?.elements.map(\.value) == ["pydantic>=2", "anyio"])
        #expect(scanner.array("dependency-groups", "dev")?.includedGroups == ["lint"])
        #expect(scanner.array("dependency-groups", "lint")?.elements.map(\.value) == ["ruff"])
        #expect(scanner.array("build-system", "requires")?.elements.map(\.value) == ["hatchling"])
    }

    @Test("a new dependency follows the array's layout and adds the missing comma")
    func appendsMultiline() throws {
        let edited = PyprojectEditor.record(try RequirementLine.parse("httpx~=0.27"), table: "project", key: "dependencies", in: pyproject)
        #expect(edited.contains("dependencies = [\n    \"pydantic>=2\",  # models\n    \"anyio\",\n    \"httpx~=0.27\",\n]\n"))
        #expect(edited.replacingAll("    \"httpx~=0.27\",\n", with: "").replacingAll("\"anyio\",", with: "\"anyio\"") == pyproject)
    }

    @Test("inline arrays stay inline, quotes are kept, an existing entry is replaced not duplicated")
    func inlineAndReplace() throws {
        var edited = PyprojectEditor.record(try RequirementLine.parse("pytest-mock~=3.14"), table: "dependency-groups", key: "dev", in: pyproject)
        #expect(edited.contains("dev = [\"pytest>=8\", \"pytest-mock~=3.14\", {include-group = \"lint\"}]"))
        edited = PyprojectEditor.record(try RequirementLine.parse("Ruff==0.6.0"), table: "dependency-groups", key: "lint", in: edited)
        #expect(edited.contains("lint = ['Ruff==0.6.0']"))
        edited = PyprojectEditor.record(try RequirementLine.parse("pydantic~=2.9"), table: "project", key: "dependencies", in: edited)
        #expect(edited.contains("    \"pydantic~=2.9\",  # models\n"))
        #expect(!edited.contains("pydantic>=2"))
    }

    @Test("a missing table is added at the end, a missing key inside its table")
    func addsMissing() throws {
        let minimal = "[project]\nname = \"x\"\n\n[tool.ruff]\nline-length = 100\n"
        let withDeps = PyprojectEditor.record(try RequirementLine.parse("httpx"), table: "project", key: "dependencies", in: minimal)
        #expect(withDeps == "[project]\nname = \"x\"\ndependencies = [\n    \"httpx\",\n]\n\n[tool.ruff]\nline-length = 100\n")
        let withGroup = PyprojectEditor.record(try RequirementLine.parse("pytest"), table: "dependency-groups", key: "dev", in: minimal)
        #expect(withGroup.hasSuffix("line-length = 100\n\n[dependency-groups]\ndev = [\n    \"pytest\",\n]\n"))
        #expect(PyprojectScanner(withGroup).array("dependency-groups", "dev")?.elements.map(\.value) == ["pytest"])
    }

    @Test("removing an entry on its own line removes the line")
    func removes() {
        let edited = PyprojectEditor.remove(normalizedName: "anyio", table: "project", key: "dependencies", in: pyproject)
        #expect(edited?.contains("\"pydantic>=2\",  # models\n]") == true)
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
