import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// `help version` on a small project: every place listed, disagreements flagged, bumps written
/// everywhere with formatting kept and backups made, invalid or lower versions refused.
@Suite struct VersionCommandTests {
    static let pyproject = """
        [build-system]
        requires = ["hatchling"]

        [project]
        name = "Lib.Client"   # the distribution name
        version = "1.2.0"
        """
    let fs = FileSystem()

    func project(dunder: String = "1.2.0") throws -> TempDir {
        try TempDir.project([
            "help.json": "{}\n",
            "lib/pyproject.toml": Self.pyproject + "\n",
            "lib/src/lib_client/__init__.py": "\"\"\"Client.\"\"\"\n\n__version__ = \"\(dunder)\"\n",
            "web/package.json":
                "{\n  \"name\": \"web\",\n  \"dependencies\": {\"version\": \"1.0.0\"},\n  \"version\": \"2.0.0\"\n}\n",
        ])
    }

    @Test func listsEveryPlaceAndChecksTheyAgree() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["version", "--check"], currentDirectory: folder.path) == 0)
        #expect(cli.stdout.contains("lib/pyproject.toml  pyproject  1.2.0"))
        #expect(cli.stdout.contains("lib/src/lib_client/__init__.py  __version__  1.2.0"))
        #expect(cli.stdout.contains("web/package.json  package.json  2.0.0"))
    }

    @Test func disagreeingPlacesFailTheCheck() throws {
        let folder = try project(dunder: "1.1.0")
        let cli = CLIHarness()
        #expect(cli.run(["version", "--check"], currentDirectory: folder.path) == 65)
        #expect(cli.stdout.contains("__version__  1.1.0  (disagrees)"))
        #expect(cli.stderr.contains("error: versions disagree in lib"))
    }

    @Test func bumpRewritesEveryPlaceKeepingTheRestAndBacksUp() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["version", "--lib", "--bump", "minor"], currentDirectory: folder.path) == 0, "\(cli.stderr)")
        #expect(try fs.readText(folder.path("lib/pyproject.toml")) == Self.pyproject.replacingVersion("1.3.0") + "\n")
        #expect(try fs.readText(folder.path("lib/src/lib_client/__init__.py")).hasSuffix("__version__ = \"1.3.0\"\n"))
        #expect(try fs.readText(folder.path("web/package.json")).contains("\"version\": \"2.0.0\""))
        #expect(try fs.listDirectory(folder.path(".helpcache/backups")).count == 2)

        #expect(cli.run(["version", "--web", "--bump", "pre"], currentDirectory: folder.path) == 0)
        let json = try fs.readText(folder.path("web/package.json"))
        #expect(
            json
                == "{\n  \"name\": \"web\",\n  \"dependencies\": {\"version\": \"1.0.0\"},\n  \"version\": \"2.0.1-rc.1\"\n}\n"
        )
    }

    @Test func invalidOrLowerVersionsAreRefusedAndNothingChanges() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["version", "--lib", "--set", "1.1.0"], currentDirectory: folder.path) == 65)
        #expect(cli.stderr.contains("error: lib: 1.1.0 is lower than the current 1.2.0"))
        #expect(cli.run(["version", "--web", "--set", "2.1"], currentDirectory: folder.path) == 65)
        #expect(cli.stderr.contains("'2.1' is not a valid semver version for web"))
        #expect(try fs.readText(folder.path("lib/pyproject.toml")) == Self.pyproject + "\n")
        #expect(!fs.exists(folder.path(".helpcache/backups")))
    }
}

extension String {
    /// The pyproject fixture with another version.
    fileprivate func replacingVersion(_ version: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("version = ") ? "version = \"\(version)\"" : String($0) }.joined(separator: "\n")
    }
}
