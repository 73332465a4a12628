import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// pyproject.toml files shaped like real projects (hatchling, Poetry, setuptools, uv, PEP 735
/// groups), each edited the way `help install PKG` edits it. Python's own `tomllib` reads the
/// result: it must equal the original document with only the edited list changed, as expected.
@Suite(.enabled(if: TOMLLib.available, "needs python3 >= 3.11 (tomllib)"))
struct PyProjectCorpusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var requirement: String
        var list: PyProject.DependencyList
        /// The path of the edited list in the document and its expected strings afterwards.
        var path: [String]
        var expected: JSONValue
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "hatchling with PEP 735 groups", text: PyProjectCorpus.hatchling, requirement: "httpx~=0.28",
            list: .project,
            path: ["project", "dependencies"],
            expected: ["pydantic>=2.7", "typing-extensions>=4.10; python_version < \"3.12\"", "httpx~=0.28"]),
        Case(
            name: "hatchling dev group with an include", text: PyProjectCorpus.hatchling,
            requirement: "pytest-mock~=3.14", list: .group("dev"),
            path: ["dependency-groups", "dev"], expected: [["include-group": "test"], "pytest-mock~=3.14"]),
        Case(
            name: "setuptools extra replaced in place", text: PyProjectCorpus.setuptools, requirement: "pytest>=8.3",
            list: .optional("dev"),
            path: ["project", "optional-dependencies", "dev"], expected: ["pytest>=8.3", "coverage[toml]>=7"]),
        Case(
            name: "setuptools new extra", text: PyProjectCorpus.setuptools, requirement: "sphinx",
            list: .optional("docs"),
            path: ["project", "optional-dependencies", "docs"], expected: ["sphinx"]),
        Case(
            name: "uv project with a lock and a multi-line description", text: PyProjectCorpus.uv,
            requirement: "rich>=13", list: .project,
            path: ["project", "dependencies"], expected: ["click>=8.1", "rich>=13"]),
        Case(
            name: "uv dev group created", text: PyProjectCorpus.uv, requirement: "mypy==1.11.2", list: .group("dev"),
            path: ["dependency-groups", "dev"], expected: ["ruff>=0.6", "mypy==1.11.2"]),
        Case(
            name: "Poetry main dependencies", text: PyProjectCorpus.poetry, requirement: "httpx>=0.27,<0.29",
            list: .poetry(group: nil),
            path: ["tool", "poetry", "dependencies", "httpx"], expected: ["<0.29,>=0.27"]),
    ]

    @Test(arguments: cases)
    func editReparsesWithTOMLLibToTheExpectedTable(_ example: Case) throws {
        let before = try PyProject(text: example.text)
        let (after, _) = try before.upserting(PythonRequirement.parse(example.requirement), in: example.list)
        let verdict = try TOMLLib.compare(
            original: example.text, edited: after.text, path: example.path, expected: example.expected)
        #expect(verdict == "same apart from the edited list", "\(example.name): \(verdict)\n\(after.text)")
    }
}

/// Python's `tomllib`, run as a child, as the reference reader of TOML.
enum TOMLLib {
    static let available: Bool = {
        let result = try? runner().run(Command("python3", ["-c", "import tomllib"], output: .capture, timeout: 30))
        return result?.succeeded == true
    }()

    /// Loads both texts with tomllib; the edited one must equal the original with `path` set to
    /// `expected` (a string value at `path` is compared as a one-element list).
    static func compare(original: String, edited: String, path: [String], expected: JSONValue) throws -> String {
        let script = """
            import json, sys, tomllib
            data = json.load(sys.stdin)
            try:
                before = tomllib.loads(data["original"])
                after = tomllib.loads(data["edited"])
            except tomllib.TOMLDecodeError as error:
                print("does not parse: %s" % error); sys.exit(0)
            node = after
            for key in data["path"][:-1]:
                node = node[key]
            got = node.get(data["path"][-1])
            got = [got] if isinstance(got, str) else got
            if got != data["expected"]:
                print("edited list is %r" % (got,)); sys.exit(0)
            edited_value = node[data["path"][-1]]
            node = before
            for key in data["path"][:-1]:
                node = node.setdefault(key, {})
            node[data["path"][-1]] = edited_value
            print("same apart from the edited list" if before == after else "other values changed")
            """
        let input: JSONValue = [
            "original": .string(original), "edited": .string(edited), "path": .strings(path), "expected": expected,
        ]
        let result = try runner().run(
            Command(
                "python3", ["-c", script], output: .capture, input: .bytes(Array(input.encoded(.compact).utf8)),
                timeout: 60))
        guard result.succeeded else { return "python3 failed: \(result.stderr)" }
        return result.stdout.trimmingCharacters(in: "\n")
    }

    private static func runner() -> PosixProcessRunner {
        PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
