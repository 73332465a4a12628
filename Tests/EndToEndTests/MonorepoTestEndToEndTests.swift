import HelpSystem
import HelpTestSupport
import Testing

/// `help install` and `help test` on the client of a copy of Tests/Fixtures/monorepo, as a new user
/// would: no help.json, run from inside the client's folder. The checks follow the client's own
/// configuration (mypy's `packages`, ruff's `exclude`), coverage is a note when pytest-cov is not
/// installed, and the client does not drag in the API it has no dependency on.
@Suite("help test on the fixture monorepo's client", .serialized)
struct MonorepoTestEndToEndTests {
    let home: IsolatedHelp
    let copy = TempDir(prefix: "help-monorepo-test")

    init() throws {
        home = try IsolatedHelp()
        try BuiltHelp.copyFixture("monorepo", to: copy.path("repo"), gitInit: true)
    }

    var client: String { copy.path("repo/client") }

    @Test("install then test inside client/: a full report following the client's own configuration")
    func clientFullReport() throws {
        let install = try home.run(["install", "--component", "client"], in: client)
        try #require(install.succeeded, "\(install.stderr.suffix(3000))")

        let test = try home.run(["test", "--json"], in: client)
        #expect(test.succeeded, "\(test.stdout.suffix(3000))\n\(test.stderr.suffix(3000))")
        let document = try JSONValue.parse(test.stdout, source: "help test --json")
        let components = try #require(document["components"]?.array)
        #expect(components.count == 1, "only the component whose folder help runs in")
        let component = try #require(components.first)
        #expect(component["name"] == .string("client"))
        let checks = try #require(component["checks"]?.array)
        func check(_ kind: String) -> JSONValue? { checks.first { $0["check"] == .string(kind) } }

        let tests = try #require(check("tests"))
        #expect(tests["result"] == .string("passed"))
        #expect(tests["passed"] == .int(2))
        #expect(
            tests["note"]
                == .string(
                    "no coverage: pytest-cov is not installed (help install pytest-cov --dev --component client)"))
        // generated/ breaks every rule, and the project's ruff configuration excludes it.
        #expect(check("lint")?["result"] == .string("passed"), "\(test.stderr.suffix(2000))")
        #expect(check("format")?["result"] == .string("passed"))
        let types = try #require(check("types"))
        #expect(types["result"] == .string("passed"), "\(test.stderr.suffix(2000))")
        #expect(types["command"]?.string?.hasSuffix("mypy") == true, "no targets: the configuration's packages")
        #expect(types["note"] == .string("targets from the project's mypy configuration"))
    }
}
