import HelpSystem
import HelpTestSupport
import Testing

/// `help cache` through the built binary: the stats document, and a key in a git repository that
/// leaves the file listing out of the command log.
@Suite struct CacheCommandLineTests {
    @Test func statsAsJSONDescribesEveryKindOfAnEmptyStore() throws {
        let project = try TempDir.project(["help.json": "{}", "server/requirements.txt": "fastapi\n"])
        let result = try BuiltHelp.run(["-C", project.path, "cache", "stats", "--json"], in: "/")
        #expect(result.exitCode == 0)
        let document = try JSONValue.parse(result.stdout)
        #expect(document["folder"]?.string == project.path + "/.helpcache")
        #expect(
            document["kinds"]?.array?.compactMap { $0["kind"]?.string } == ["tests", "builds", "deps", "downloads"])
        #expect(document["entries"] == 0)
        #expect(document["max_size"] == 2_147_483_648)
    }

    @Test func keyInsideGitLogsTheListingCommandButNotTheListing() throws {
        let project = try TempDir.project(["src/unusual-name-1.py": "a = 1\n", "src/unusual-name-2.py": "b = 2\n"])
        let git = PosixProcessRunner(
            environment: Environment.current().values,
            console: Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in }))
        #expect(try git.run(Command("git", ["init", "-q"], workingDirectory: project.path)).succeeded)

        let result = try BuiltHelp.run(["cache", "key", "src"], in: project.path)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains(" files=2 hashed=2 source=git "))
        let logs = try FileSystem().listDirectory(project.path(".helpcache/logs")).map(\.name)
        #expect(logs.count == 1)
        let log = try project.read(".helpcache/logs/" + (logs.first ?? ""))
        #expect(log.contains("git ls-files -z --cached"))
        #expect(log.contains("bytes, not logged"))
        #expect(!log.contains("unusual-name"))
    }
}
