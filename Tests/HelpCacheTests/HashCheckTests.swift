import HelpCache
import HelpSystem
import HelpTestSupport
import Testing

/// `help hash` and `help hash --check`: reports, exit decisions and compatibility with sha256sum.
@Suite struct HashCheckTests {
    /// A folder with a few files and their correct digests.
    static func fixture() -> (TempDir, [String: Digest]) {
        let dir = TempDir()
        var digests: [String: Digest] = [:]
        for (index, name) in ["a.txt", "b.bin", "odd\\name", "new\nline"].enumerated() {
            let bytes = HashFixtures.randomBytes(100 * index + 5, seed: 50 + UInt64(index))
            HashFixtures.write(bytes, to: "\(dir.path)/\(name)")
            digests[name] = SHA256.hash(bytes)
        }
        return (dir, digests)
    }

    @Test("a SUMS list of intact files passes with one OK line each")
    func allOK() {
        let (dir, digests) = Self.fixture()
        let text = digests.keys.sorted().map { HashCheckFormat.line(digest: digests[$0]!, name: $0) }.joined(
            separator: "\n")
        let report = HashCheck.verify(HashCheckFormat.parse(text), in: dir.path)
        #expect(report.succeeded)
        #expect(report.okCount == 4)
        #expect(report.lines.contains("a.txt: OK"))
        #expect(report.lines.contains("\\new\\nline: OK"))
        #expect(report.warnings.isEmpty)
    }

    @Test("a changed file is FAILED and fails the check")
    func mismatch() {
        let (dir, digests) = Self.fixture()
        let text =
            HashCheckFormat.line(digest: digests["a.txt"]!, name: "b.bin") + "\n"
            + HashCheckFormat.line(digest: digests["a.txt"]!, name: "a.txt")
        let report = HashCheck.verify(HashCheckFormat.parse(text), in: dir.path)
        #expect(!report.succeeded)
        #expect(report.lines == ["b.bin: FAILED", "a.txt: OK"])
        #expect(report.warnings == ["WARNING: 1 computed checksum did NOT match"])
    }

    @Test("a missing file is 'FAILED open or read' and fails unless ignoreMissing")
    func missing() {
        let (dir, digests) = Self.fixture()
        let text = "\(digests["a.txt"]!.hex)  gone\n\(digests["a.txt"]!.hex)  a.txt\n"
        let report = HashCheck.verify(HashCheckFormat.parse(text), in: dir.path)
        #expect(!report.succeeded)
        #expect(report.lines == ["gone: FAILED open or read", "a.txt: OK"])
        #expect(report.warnings.last == "WARNING: 1 listed file could not be read")
        #expect(report.warnings.first?.contains("gone") == true)

        let lenient = HashCheck.verify(HashCheckFormat.parse(text), in: dir.path, options: .init(ignoreMissing: true))
        #expect(lenient.succeeded)
        #expect(lenient.lines == ["a.txt: OK"])
    }

    @Test("malformed lines warn, and fail only with strict or when nothing else is usable")
    func malformedLines() throws {
        let (dir, digests) = Self.fixture()
        let text = "garbage\n\(digests["a.txt"]!.hex)  a.txt\n"
        let report = HashCheck.verify(HashCheckFormat.parse(text), in: dir.path, sumsName: "SUMS")
        #expect(report.succeeded)
        #expect(report.warnings == ["WARNING: 1 line is improperly formatted"])
        #expect(!HashCheck.verify(HashCheckFormat.parse(text), in: dir.path, options: .init(strict: true)).succeeded)

        let nothing = HashCheck.verify(HashCheckFormat.parse("garbage\n"), in: dir.path, sumsName: "SUMS")
        #expect(!nothing.succeeded)
        #expect(nothing.warnings == ["SUMS: no properly formatted checksum lines found"])
    }

    @Test("check reads the SUMS file relative to the directory, and a missing one throws")
    func checkFile() throws {
        let (dir, digests) = Self.fixture()
        HashFixtures.write(
            Array((HashCheckFormat.line(digest: digests["b.bin"]!, name: "b.bin") + "\n").utf8), to: "\(dir.path)/SUMS")
        let report = try HashCheck.check(sumsFile: "SUMS", in: dir.path)
        #expect(report.succeeded && report.lines == ["b.bin: OK"])
        #expect(throws: HelpError.self) { try HashCheck.check(sumsFile: "NOPE", in: dir.path) }
    }

    @Test("hashFiles gives a line per readable file and an error per unreadable one")
    func hashFiles() {
        let (dir, digests) = Self.fixture()
        let results = HashCheck.hashFiles(["a.txt", "missing", "odd\\name"], in: dir.path)
        #expect(results[0].line == "\(digests["a.txt"]!.hex)  a.txt")
        #expect(results[1].line == nil)
        if case .failure(let error) = results[1].result {
            #expect(error.code == .ioError)
        } else {
            Issue.record("expected a failure")
        }
        #expect(results[2].line == "\\\(digests["odd\\name"]!.hex)  odd\\\\name")
    }

    // MARK: - Compatibility with the real tool

    @Test("our lines are byte-identical to sha256sum's, escapes included", .enabled(if: HashFixtures.hasSha256sum))
    func sameLinesAsTool() throws {
        let (dir, _) = Self.fixture()
        let names = ["a.txt", "b.bin", "odd\\name", "new\nline"]
        let result = try HashFixtures.runner.run(Command("sha256sum", names, workingDirectory: dir.path))
        let ours = HashCheck.hashFiles(names, in: dir.path).compactMap(\.line).joined(separator: "\n") + "\n"
        #expect(result.stdout == ours)
    }

    @Test("sha256sum -c accepts our SUMS and we accept its output", .enabled(if: HashFixtures.hasSha256sum))
    func toolAcceptsOurs() throws {
        let (dir, _) = Self.fixture()
        let names = ["a.txt", "b.bin", "odd\\name", "new\nline"]
        let sums = HashCheck.hashFiles(names, in: dir.path).compactMap(\.line).joined(separator: "\n") + "\n"
        HashFixtures.write(Array(sums.utf8), to: "\(dir.path)/OURS")
        let toolCheck = try HashFixtures.runner.run(
            Command("sha256sum", ["--strict", "-c", "OURS"], workingDirectory: dir.path))
        #expect(toolCheck.succeeded, "\(toolCheck.stdout)\(toolCheck.stderr)")

        let toolSums = try HashFixtures.runner.run(Command("sha256sum", ["-b"] + names, workingDirectory: dir.path))
        let report = HashCheck.verify(HashCheckFormat.parse(toolSums.stdout), in: dir.path)
        #expect(report.succeeded && report.okCount == 4)
        #expect(report.results.allSatisfy { $0.entry.binary })
    }
}
