import HelpProject
import HelpSystem
import Testing

@testable import HelpTasks

@Suite("Development-tool heuristic")
struct InstallDevToolHeuristicTests {
    @Test(
        "test runners, linters, type checkers and their plugins are development tools",
        arguments: [
            "pytest", "pytest-mock", "pytest-asyncio", "ruff", "mypy", "black", "types-requests", "django-stubs",
            "sphinx", "sphinx-rtd-theme", "pre-commit", "factory-boy", "freezegun", "respx", "hypothesis", "coverage",
        ])
    func developmentTools(name: String) {
        #expect(DevToolHeuristic.isDevelopmentTool(name))
    }

    @Test(
        "runtime libraries are not",
        arguments: ["httpx", "fastapi", "sqlalchemy", "pydantic", "uvicorn", "requests", "alembic", "typer"])
    func runtimeLibraries(name: String) {
        #expect(!DevToolHeuristic.isDevelopmentTool(name))
    }

    @Test("the explanation names the file and the override")
    func explanationMentionsOverride() {
        let text = DevToolHeuristic.explanation(for: "pytest-mock", developmentTool: true, file: "requirements-dev.txt")
        #expect(
            text
                == "pytest-mock looks like a development tool: recorded in requirements-dev.txt (use --prod to override)"
        )
    }
}

@Suite("Pin styles")
struct InstallPinStyleTests {
    @Test("compatible keeps major and minor of the installed version")
    func compatible() {
        #expect(PinStyle.compatible.requirement(name: "httpx", installedVersion: "0.27.2") == "httpx~=0.27")
        #expect(PinStyle.compatible.requirement(name: "Django", installedVersion: "5") == "Django~=5.0")
        #expect(PinStyle.compatible.requirement(name: "pkg", installedVersion: "1!2.3.4rc1") == "pkg~=2.3")
    }

    @Test("exact writes the installed version verbatim, none writes the bare name")
    func exactAndNone() {
        #expect(PinStyle.exact.requirement(name: "httpx", installedVersion: "0.27.2") == "httpx==0.27.2")
        #expect(PinStyle.none.requirement(name: "httpx", installedVersion: "0.27.2") == "httpx")
    }

    @Test("extras are kept, and an unreadable version falls back to the bare name")
    func extrasAndUnknownVersion() {
        #expect(
            PinStyle.compatible.requirement(name: "uvicorn", extras: ["standard"], installedVersion: "0.30.1")
                == "uvicorn[standard]~=0.30")
        #expect(PinStyle.compatible.requirement(name: "httpx", installedVersion: nil) == "httpx")
        #expect(PinStyle.compatible.requirement(name: "httpx", installedVersion: "dev") == "httpx")
    }
}

@Suite("Package arguments")
struct InstallPackageArgumentTests {
    @Test(
        "pip options are refused as usage errors", arguments: ["--index-url=http://x", "-e", "--extra-index-url", "-r"])
    func optionsRefused(argument: String) {
        #expect(throws: HelpError.self) { try PythonRequirement.parseUserInput(argument) }
        #expect(throws: HelpError.self) { try NodePackageSpec.parseUserInput(argument) }
    }

    @Test(
        "shell metacharacters are refused",
        arguments: ["httpx; rm -rf /tmp/x && echo", "httpx|cat", "$(id)", "`id`", "a\nb"])
    func metacharactersRefused(argument: String) {
        for parse in [{ _ = try PythonRequirement.parseUserInput($0) }, { _ = try NodePackageSpec.parseUserInput($0) }]
            as [(String) throws -> Void]
        {
            do {
                try parse(argument)
                Issue.record("accepted \(argument)")
            } catch let error as HelpError {
                #expect(error.code == .usage)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test(
        "ordinary requirements pass",
        arguments: [
            "httpx", "httpx>=0.27,<1", "uvicorn[standard]", "pywin32; sys_platform == 'win32'",
            "pkg @ https://example.org/pkg.whl",
        ])
    func requirementsPass(argument: String) throws {
        _ = try PythonRequirement.parseUserInput(argument)
    }

    @Test(
        "npm names, scopes, ranges and tags pass",
        arguments: [
            ("@types/node", "@types/node", nil), ("react@18", "react", "18"), ("lodash@^4.17.21", "lodash", "^4.17.21"),
            ("typescript@next", "typescript", "next"), ("@scope/pkg@>=1.2 <2", "@scope/pkg", ">=1.2 <2"),
            ("left-pad", "left-pad", nil),
        ] as [(String, String, String?)])
    func npmPackagesPass(argument: String, name: String, version: String?) throws {
        let spec = try NodePackageSpec.parseUserInput(argument)
        #expect(spec.name == name)
        #expect(spec.version == version)
        #expect(spec.description == argument)
    }

    @Test(
        "npm names that break npm's rules are refused",
        arguments: [
            "React", "@types", "@/node", ".hidden", "_private", "pkg@", "github:user/repo", "./local",
            "https://x.org/p.tgz", "pkg@1;2",
        ])
    func npmPackagesRefused(argument: String) {
        #expect(throws: HelpError.self) { try NodePackageSpec.parseUserInput(argument) }
    }
}
