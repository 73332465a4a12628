import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

@Suite struct HashCommandTests {
    static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    private func folder() throws -> TempDir {
        try TempDir.project(["abc.txt": "abc", "empty.txt": ""])
    }

    @Test func hashPrintsSha256sumLines() throws {
        let files = try folder()
        let cli = CLIHarness()
        #expect(cli.run(["-C", files.path, "hash", "abc.txt", "empty.txt"]) == 0)
        #expect(cli.stdout == "\(Self.abc)  abc.txt\n\(Self.empty)  empty.txt\n")
    }

    @Test func unreadableFileExits1AfterHashingTheOthers() throws {
        let files = try folder()
        let cli = CLIHarness()
        #expect(cli.run(["-C", files.path, "hash", "missing.txt", "abc.txt"]) == 1)
        #expect(cli.stdout == "\(Self.abc)  abc.txt\n")
        #expect(cli.stderr.contains("missing.txt"))
    }

    @Test func checkPassesWhenEverySumMatches() throws {
        let files = try folder()
        try files.write(["SUMS": "\(Self.abc)  abc.txt\n\(Self.empty) *empty.txt\n"])
        let cli = CLIHarness()
        #expect(cli.run(["-C", files.path, "hash", "--check", "SUMS"]) == 0)
        #expect(cli.stdout == "abc.txt: OK\nempty.txt: OK\n")
    }

    @Test func checkMismatchExits1AndQuietShowsOnlyFailures() throws {
        let files = try folder()
        try files.write(["SUMS": "\(Self.empty)  abc.txt\n\(Self.empty)  empty.txt\n"])
        let cli = CLIHarness()
        #expect(cli.run(["-C", files.path, "-q", "hash", "-c", "SUMS"]) == 1)
        #expect(cli.stdout == "abc.txt: FAILED\n")
        #expect(cli.stderr == "error: 1 computed checksum did NOT match\n")
    }

    @Test func checkAsJSONListsEveryFileWithItsStatus() throws {
        let files = try folder()
        try files.write(["SUMS": "\(Self.abc)  abc.txt\nnot a sum line\n\(Self.abc)  gone.txt\n"])
        let cli = CLIHarness()
        #expect(cli.run(["-C", files.path, "hash", "--check=SUMS", "--json"]) == 1)
        let document = try JSONValue.parse(cli.stdout)
        #expect(document["ok"] == false)
        #expect(document["malformed_lines"] == [2])
        #expect(document["files"]?[0]?["status"]?.string == "ok")
        #expect(document["files"]?[1]?["status"]?.string == "unreadable")
    }

    @Test func filesWithCheckOrNothingAtAllAreUsageErrors() throws {
        let files = try folder()
        #expect(CLIHarness().run(["-C", files.path, "hash", "--check", "SUMS", "abc.txt"]) == 64)
        #expect(CLIHarness().run(["-C", files.path, "hash"]) == 64)
        #expect(CLIHarness().run(["-C", files.path, "hash", "--strict", "abc.txt"]) == 64)
    }
}
