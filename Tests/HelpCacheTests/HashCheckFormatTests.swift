import HelpCache
import Testing

/// Writing and reading sha256sum lines, including the escaped-name form.
@Suite struct HashCheckFormatTests {
    static let digest = SHA256.hash("abc")
    static let hex = digest.hex

    // MARK: - Writing

    @Test("plain names print as '<hex>  <name>', binary ones with '*'")
    func plainLines() {
        #expect(HashCheckFormat.line(digest: Self.digest, name: "dir/file.txt") == "\(Self.hex)  dir/file.txt")
        #expect(HashCheckFormat.line(digest: Self.digest, name: "f", binary: true) == "\(Self.hex) *f")
    }

    @Test("names with backslash, newline or CR are escaped behind a leading backslash")
    func escapedLines() {
        #expect(HashCheckFormat.line(digest: Self.digest, name: "a\\b") == "\\\(Self.hex)  a\\\\b")
        #expect(HashCheckFormat.line(digest: Self.digest, name: "n\nl") == "\\\(Self.hex)  n\\nl")
        #expect(HashCheckFormat.line(digest: Self.digest, name: "c\rr") == "\\\(Self.hex)  c\\rr")
        #expect(HashCheckFormat.displayName("n\nl") == "\\n\\nl")
        #expect(HashCheckFormat.displayName("plain") == "plain")
    }

    @Test(
        "every written line parses back to the same entry",
        arguments: ["plain", "a\\b", "n\nl", "c\rr", " lead", "*star", "tail\\"])
    func roundTrip(name: String) throws {
        for binary in [false, true] {
            let line = HashCheckFormat.line(digest: Self.digest, name: name, binary: binary)
            let entry = try #require(HashCheckFormat.parseLine(Substring(line)))
            #expect(entry == HashCheckFormat.Entry(digest: Self.digest, name: name, binary: binary))
        }
    }

    // MARK: - Reading

    @Test("text, binary, single-space, tab and tagged forms are all accepted")
    func acceptedForms() throws {
        let forms: [(String, String, Bool)] = [
            ("\(Self.hex)  file", "file", false),
            ("\(Self.hex) *file", "file", true),
            ("\(Self.hex) file", "file", false),
            ("\(Self.hex)\tfile", "file", false),
            ("  \(Self.hex)  file", "file", false),
            ("\(Self.hex.uppercased())  file", "file", false),
            ("SHA256 (my file) = \(Self.hex)", "my file", false),
            ("\(Self.hex)  two  spaces ", "two  spaces ", false),
        ]
        for (line, name, binary) in forms {
            let entry = try #require(HashCheckFormat.parseLine(Substring(line)), "\(line)")
            #expect(entry.digest == Self.digest)
            #expect(entry.name == name, "\(line)")
            #expect(entry.binary == binary, "\(line)")
        }
    }

    @Test(
        "malformed lines are rejected",
        arguments: [
            "bogus line", "   ", "\(String(repeating: "a", count: 63))  file",
            "\(String(repeating: "g", count: 64))  file",
            "\(String(repeating: "a", count: 64))", "\(String(repeating: "a", count: 64))x file",
            "\\\(String(repeating: "a", count: 64))  bad\\escape", "SHA256 (file) \(String(repeating: "a", count: 64))",
        ])
    func malformed(line: String) {
        #expect(HashCheckFormat.parseLine(Substring(line)) == nil)
    }

    @Test("a SUMS text skips blank lines and comments, strips CR and numbers malformed lines")
    func wholeFile() {
        let text = "\(Self.hex)  one\r\n\n# comment\nbogus\n   \n\(Self.hex) *two\n"
        let parsed = HashCheckFormat.parse(text)
        #expect(parsed.entries.map(\.name) == ["one", "two"])
        #expect(parsed.entries.map(\.line) == [1, 6])
        #expect(parsed.malformedLines == [4, 5])
    }

    @Test("an empty SUMS text has neither entries nor malformed lines")
    func emptyText() {
        #expect(HashCheckFormat.parse("") == HashCheckFormat.Parsed())
    }
}
