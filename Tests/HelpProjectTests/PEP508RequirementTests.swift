import HelpSystem
import Testing

@testable import HelpProject

/// PEP 508 requirements: parsing every form, and refusing command-line input that is not one.
@Suite struct PEP508RequirementTests {
    @Test func parsesNameExtrasSpecifierAndMarker() throws {
        let requirement = try PythonRequirement.parse(
            "Uvicorn[standard, Dev_Tools] >= 0.30, <1 ; python_version >= '3.9'")
        #expect(requirement.name == "Uvicorn")
        #expect(requirement.normalizedName == "uvicorn")
        #expect(requirement.extras == ["standard", "Dev_Tools"])
        #expect(requirement.specifier.description == "<1,>=0.30")
        #expect(requirement.marker == .compare(.variable("python_version"), .greaterOrEqual, .literal("3.9")))
        #expect(requirement.description == "Uvicorn[standard,Dev_Tools]<1,>=0.30; python_version >= \"3.9\"")
    }

    @Test func parsesURLRequirementsAndParenthesisedSpecifiers() throws {
        let url = try PythonRequirement.parse(
            "pkg @ https://example.org/pkg-1.0.whl#sha256=abc ; sys_platform == 'linux'")
        #expect(url.url == "https://example.org/pkg-1.0.whl#sha256=abc")
        #expect(url.marker != nil)
        #expect(url.description == "pkg @ https://example.org/pkg-1.0.whl#sha256=abc ; sys_platform == \"linux\"")
        #expect(try PythonRequirement.parse("name (>=1.0, !=1.5)").specifier.description == "!=1.5,>=1.0")
        #expect(try PythonRequirement.parse("name[]").extras.isEmpty)
        #expect(try PythonRequirement.parse("A").specifier == .any)
    }

    @Test func normalizesNamesAsPEP503Says() {
        #expect(PythonRequirement.normalize("Foo.Bar__baz") == "foo-bar-baz")
        #expect(PythonRequirement.normalize("zope.interface") == "zope-interface")
        #expect(PythonRequirement.normalize("A-_-B") == "a-b")
    }

    @Test func appliesOnlyWhereItsMarkerHolds() throws {
        let windowsOnly = try PythonRequirement.parse("pywin32; sys_platform == 'win32'")
        #expect(!windowsOnly.applies(in: .linuxCPython(fullVersion: "3.12.1")))
        #expect(try PythonRequirement.parse("httpx").applies(in: .linuxCPython(fullVersion: "3.12.1")))
    }

    @Test(arguments: [
        "", "-pkg", "pkg-", "pkg[bad extra]", "pkg[x", "pkg >= 1.*", "pkg 1.0", "pkg @ notaurl", "pkg ; ",
        "pkg; os_name == ",
        "pkg (>=1",
    ])
    func rejectsMalformedRequirements(text: String) {
        #expect(throws: HelpError.self) { try PythonRequirement.parse(text) }
    }

    @Test(arguments: [
        "httpx", "httpx>=0.27", "fastapi[all]~=0.115", "requests ; python_version < '3.13'",
        "pkg @ https://example.org/p.whl",
    ])
    func acceptsPlainRequirementsFromTheCommandLine(text: String) throws {
        #expect(try PythonRequirement.parseUserInput(text).name.isEmpty == false)
    }

    @Test(arguments: [
        ("--index-url=https://evil.example/simple", "option"), ("-e", "option"), ("-r requirements.txt", "option"),
        ("./mypkg", "path"), ("/abs/pkg", "path"), ("~/pkg", "path"), ("sub/dir", "path"),
        ("pkg-1.0-py3-none-any.whl", "file name"),
        ("pkg; rm -rf /", "environment marker"), ("pkg | sh", "'|'"), ("pkg && ls", "'&'"), ("pkg$(id)", "'$'"),
        ("pkg`id`", "'`'"),
        ("pkg; os_name == 'nt'; echo", "only one ';'"), ("https://example.org/p.whl", "package name"),
        ("pkg\nother", "control"),
        ("", "empty"), ("pkg >= one", "not a valid requirement"),
    ])
    func refusesCommandLineInputThatIsNotARequirement(text: String, reason: String) {
        do {
            _ = try PythonRequirement.parseUserInput(text)
            Issue.record("accepted \(text)")
        } catch let error as HelpError {
            #expect(error.code == .usage)
            #expect(error.message.contains(reason), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
