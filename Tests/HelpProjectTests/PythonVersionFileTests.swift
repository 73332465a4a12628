import Testing

@testable import HelpProject

/// `.python-version`: the interpreter a project asks for.
@Suite struct PythonVersionFileTests {
    @Test func readsTheFirstRequestIgnoringCommentsAndBlanks() throws {
        let file = PythonVersionFile(text: "# pinned\n\n3.12  # main\n3.11.7\n")
        #expect(file.versions == ["3.12", "3.11.7"])
        #expect(file.primary == "3.12")
        #expect(file.version == PythonVersion("3.12"))
        #expect(file.accepts(try #require(PythonVersion("3.12.4"))))
        #expect(!file.accepts(try #require(PythonVersion("3.13.0"))))
        #expect(!file.accepts(try #require(PythonVersion("3.1"))))
    }

    @Test func namesThatAreNoVersionsHaveNone() {
        #expect(PythonVersionFile(text: "system\n").version == nil)
        #expect(PythonVersionFile(text: "pypy3.10\n").primary == "pypy3.10")
        #expect(!PythonVersionFile(text: "pypy3.10\n").accepts(PythonVersion(release: [3, 10])))
        #expect(PythonVersionFile(text: "").primary == nil)
        #expect(PythonVersionFile(text: "3.11.7").accepts(PythonVersion(release: [3, 11, 7])))
        #expect(!PythonVersionFile(text: "3.13.0rc1").accepts(PythonVersion(release: [3, 13, 0])))
    }
}
