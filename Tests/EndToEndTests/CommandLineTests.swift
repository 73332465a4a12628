import HelpSystem
import HelpTestSupport
import Testing

/// The built binary, end to end: help text, version, usage errors, components, doctor.
@Suite struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let result = try BuiltHelp.run(["--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Usage: help [OPTIONS] COMMAND"))
        #expect(result.stdout.contains("  components  "))
        #expect(result.stdout.contains("  doctor  "))
        #expect(result.stdout.contains("  hash  "))
    }

    @Test func commandHelpShowsExamples() throws {
        let result = try BuiltHelp.run(["doctor", "--help"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Examples:\n  help doctor\n"))
    }

    @Test func versionPrintsNumberAndCommit() throws {
        let result = try BuiltHelp.run(["--version"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("help "))
        #expect(result.stdout.contains("(commit "))
    }

    @Test func unknownCommandExits64WithASuggestion() throws {
        let result = try BuiltHelp.run(["nosuch"])
        #expect(result.exitCode == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: unknown command 'nosuch'\nhint: did you mean '"))
        #expect(result.stderr.contains("Run 'help --help' for the list."))
    }

    @Test func usageErrorUnderJSONIsADocumentOnStdout() throws {
        let result = try BuiltHelp.run(["--json", "doctor", "--verbos"])
        #expect(result.exitCode == 64)
        let error = try JSONValue.parse(result.stdout)["error"]
        #expect(error?["code"] == 64)
        #expect(error?["hint"]?.string?.hasPrefix("did you mean '--verbose'?") == true)
    }

    @Test func componentsOfTheThreeComponentExampleAsJSON() throws {
        let project = try BuiltHelp.copyOfExample("auth-service")
        let result = try BuiltHelp.run(["-C", project.path, "components", "--json"], in: "/")
        #expect(result.exitCode == 0)
        let document = try JSONValue.parse(result.stdout)
        #expect(document["root"]?.string == project.path)
        let components = try #require(document["components"]?.array)
        let byName = Dictionary(uniqueKeysWithValues: components.compactMap { c in c["name"]?.string.map { ($0, c) } })
        #expect(byName.keys.sorted() == ["js-client", "python-client", "server"])
        #expect(byName["server"]?["role"]?.string == "server")
        #expect(byName["server"]?["app"]?.string == "app.main:app")
        #expect(byName["js-client"]?["kind"]?.string == "node")
        #expect(byName["python-client"]?["flag"]?.string == "--python-client")
    }

    @Test("help run takes the component flags of the other per-component commands (--server, --all)")
    func runTakesComponentFlags() throws {
        let project = try BuiltHelp.copyOfExample("auth-service")
        let home = TempDir(prefix: "help-e2e-home")
        let isolated = ["HOME": home.path, "TMPDIR": home.path, "XDG_CACHE_HOME": home.path + "/cache"]
        func services(_ words: [String]) throws -> [String]? {
            let result = try BuiltHelp.run(
                ["-C", project.path, "run", "--dry-run", "--json"] + words, in: "/",
                environment: isolated)
            #expect(result.exitCode == 0, "\(words): \(result.stderr)")
            let services = try JSONValue.parse(result.stdout)["plan"]?["services"]?.array
            return services?.compactMap { $0["component"]?.string }
        }
        #expect(try services(["--server"]) == ["server"])
        #expect(try services(["--only", "server"]) == ["server"])
        #expect(try services(["--all"]) == services([]))
        let both = try BuiltHelp.run(
            ["-C", project.path, "run", "--dry-run", "--all", "--server"], in: "/",
            environment: isolated)
        #expect(both.exitCode == 64)
        #expect(both.stderr.hasPrefix("error: --all and --component"))
    }

    @Test func doctorJSONParsesAndListsTheTools() throws {
        let folder = TempDir(prefix: "help-e2e")
        let result = try BuiltHelp.run(["doctor", "--json"], in: folder.path)
        #expect(result.exitCode == 0 || result.exitCode == 69)
        let document = try JSONValue.parse(result.stdout)
        let names = document["tools"]?.array?.compactMap { $0["name"]?.string } ?? []
        #expect(names.contains("python3") && names.contains("git"))
        #expect(document["ok"]?.bool == (result.exitCode == 0))
    }
}
