import HelpSystem
import Testing
@testable import HelpProject

/// PEP 503 names and PEP 508 requirements: parsing every part, canonical text, errors.
@Suite struct RequirementTests {
    @Test(arguments: [("Django", "django"), ("Flask_SQLAlchemy", "flask-sqlalchemy"), ("zope.interface", "zope-interface"),
                      ("a-_.b", "a-b"), ("PyYAML", "pyyaml"), ("ruamel.yaml.clib", "ruamel-yaml-clib")])
    func normalizesNamesByPEP503(name: String, expected: String) {
        #expect(normalizeName(name) == expected)
    }

    @Test func validatesNames() {
        #expect(isValidPackageName("a"))
        #expect(isValidPackageName("zope.interface"))
        #expect(!isValidPackageName("-a"))
        #expect(!isValidPackageName("a_"))
        #expect(!isValidPackageName(""))
        #expect(!isValidPackageName("ü"))
    }

    @Test func parsesNameExtrasSpecifierAndMarker() throws {
        let requirement = try Requirement("uvicorn[standard, Dev] >= 0.30 , <1 ; python_version >= '3.9'")
        #expect(requirement.name == "uvicorn")
        #expect(requirement.extras == ["standard", "Dev"])
        #expect(requirement.specifier.description == ">=0.30,<1")
        #expect(requirement.marker == .comparison(.variable("python_version"), .greaterOrEqual, .literal("3.9")))
        #expect(requirement.url == nil)
        #expect(requirement.description == "uvicorn[standard,Dev]>=0.30,<1; python_version >= \"3.9\"")
    }

    @Test func parsesDirectReferencesAndTheirMarkers() throws {
        let plain = try Requirement("pkg @ https://example.org/pkg-1.0-py3-none-any.whl")
        #expect(plain.url == "https://example.org/pkg-1.0-py3-none-any.whl")
        #expect(plain.specifier.isEmpty)
        let marked = try Requirement("pkg[x]@git+https://example.org/pkg.git@v1 ; sys_platform == 'linux'")
        #expect(marked.url == "git+https://example.org/pkg.git@v1")
        #expect(marked.description == "pkg[x] @ git+https://example.org/pkg.git@v1 ; sys_platform == \"linux\"")
        #expect(throws: HelpError.self) { try Requirement("pkg @ https://x/y.whl; python_version < '3'") }
    }

    @Test func acceptsParenthesizedClausesAndBareNames() throws {
        #expect(try Requirement("name (>=1.0, <2)").specifier.description == ">=1.0,<2")
        #expect(try Requirement("  requests  ").description == "requests")
        #expect(try Requirement("name[]").extras.isEmpty)
        #expect(try Requirement("name;os_name=='posix'").marker != nil)
    }

    @Test(arguments: ["", ">=1.0", "name>=", "name[", "name[a b]", "name[a,]", "name extra", "name>=1.0,,<2",
                      "name==1.0 2", "name (>=1.0", "name; ", "name; python_version", "name; foo == '1'",
                      "name; python_version < '3", "-e pkg", "name-", "name>=1.0;;python_version<'3'"])
    func rejectsMalformedRequirements(text: String) {
        #expect(throws: HelpError.self) { try Requirement(text) }
    }

    @Test func errorsSayWhatIsWrong() {
        do {
            _ = try Requirement("name extra")
            Issue.record("expected an error")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("'name extra'"))
            #expect(error.message.contains("version clause"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func namesCompareNormalized() throws {
        #expect(try Requirement("Flask_SQLAlchemy>=3").sameName(as: Requirement("flask-sqlalchemy")))
        #expect(try Requirement("Flask_SQLAlchemy").normalizedName == "flask-sqlalchemy")
    }

    @Test func checksVersionsAgainstTheSpecifier() throws {
        let requirement = try Requirement("httpx>=0.27,<1")
        #expect(requirement.isSatisfied(by: try PythonVersion("0.28.1")))
        #expect(!requirement.isSatisfied(by: try PythonVersion("1.0")))
        #expect(try Requirement("x @ https://e.org/x.whl").isSatisfied(by: PythonVersion("9")))
    }
}
