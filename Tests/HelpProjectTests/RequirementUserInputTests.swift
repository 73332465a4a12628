import HelpSystem
import Testing
@testable import HelpProject

/// What `help install` accepts from the command line: plain PEP 508 requirements only.
@Suite struct RequirementUserInputTests {
    private func refusal(_ input: String) -> HelpError? {
        do {
            _ = try Requirement.parseUserInput(input)
            return nil
        } catch let error as HelpError {
            return error
        } catch {
            return nil
        }
    }

    @Test(arguments: ["httpx", "httpx>=0.27", " uvicorn[standard]~=0.30 ", "django<5; python_version < '3.10'",
                      "pkg @ https://example.org/pkg-1.0.tar.gz", "pkg @ git+https://example.org/pkg.git@v1.2",
                      "requests (>=2,<3)", "numpy==1.26.*", "torch!=2.1.0,>=2"])
    func acceptsPlainRequirements(input: String) throws {
        #expect(refusal(input) == nil)
        #expect(try Requirement.parseUserInput(input) == Requirement(input.trimmingPythonSpace()))
    }

    @Test(arguments: [
        ("", "empty"), ("   ", "empty"), ("--index-url=https://x", "'--index-url=https://x' is an option"),
        ("-e .", "'-e' is an option"), ("httpx --pre", "'--pre' is an option"), ("./local/pkg", "file path"),
        ("/abs/pkg", "file path"), ("dist/pkg-1.0-py3-none-any.whl", "file path"), ("pkg.tar.gz", "file path"),
        ("httpx | sh", "'|' is shell syntax"), ("httpx && rm", "'&' is shell syntax"), ("httpx$(id)", "'$' is shell syntax"),
        ("httpx`id`", "'`' is shell syntax"), ("httpx\nrequests", "line break"), ("a\\b", "'\\' is shell syntax"),
        ("httpx; python_version < '3'; os_name == 'nt'", "';' may appear once"),
        ("pkg @ file:///tmp/pkg.whl", "local file"), ("pkg @ example.org/x", "not a URL"),
        ("httpx; os_name == '<nt>'", "inside the marker string"), ("httpx>=", "not a valid requirement"),
        ("httpx>1 < 2", "not a valid requirement"), ("pkg @ https://e.org/x.whl?a=1;b", "';'"),
    ])
    func refusesWithAMessageNamingTheProblem(input: String, expected: String) throws {
        let error = try #require(refusal(input))
        #expect(error.code == .usage)
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.hint != nil)
    }
}
