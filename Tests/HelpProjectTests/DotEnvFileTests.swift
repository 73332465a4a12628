import HelpSystem
import Testing
@testable import HelpProject

/// `.env` files as python-dotenv reads them, byte-identical round trips, and appending only what is
/// missing.
@Suite struct DotEnvFileTests {
    static let realistic = """
        # Database
        DATABASE_URL=postgresql://app:app@127.0.0.1:5432/app  # local only
        export SECRET_KEY='s3cr3t#not-a-comment'
        GREETING="Hello\\n\\"World\\""
        EMPTY=
        DECLARED
        PATH_WITH_VAR=${HOME}/bin:${EXTRA:-/opt}
          INDENTED = spaced value   
        MULTILINE="first line
        second line"
        'QUOTED_KEY'=1
        broken="unterminated
        AFTER_BROKEN=yes

        """

    @Test func roundTripsByteForByte() {
        for text in [DotEnvFileTests.realistic, "", "\n\n", "A=1", "A=1\r\nB=2\r\n", "  \n# c\n", "A=\"x\ny\" # c"] {
            #expect(DotEnvFile(text: text).text == text)
        }
    }

    @Test func readsValuesAsPythonDotenvDoes() {
        let file = DotEnvFile(text: DotEnvFileTests.realistic)
        #expect(file.value(for: "DATABASE_URL") == "postgresql://app:app@127.0.0.1:5432/app")
        #expect(file.value(for: "SECRET_KEY") == "s3cr3t#not-a-comment")
        #expect(file.value(for: "GREETING") == "Hello\n\"World\"")
        #expect(file.value(for: "EMPTY") == "")
        #expect(file.contains("DECLARED") && file.value(for: "DECLARED") == nil)
        #expect(file.value(for: "PATH_WITH_VAR") == "${HOME}/bin:${EXTRA:-/opt}")
        #expect(file.value(for: "INDENTED") == "spaced value")
        #expect(file.value(for: "MULTILINE") == "first line\nsecond line")
        #expect(file.value(for: "QUOTED_KEY") == "1")
        #expect(file.value(for: "AFTER_BROKEN") == "yes")
        #expect(file.keys == ["DATABASE_URL", "SECRET_KEY", "GREETING", "EMPTY", "DECLARED", "PATH_WITH_VAR",
                              "INDENTED", "MULTILINE", "QUOTED_KEY", "AFTER_BROKEN"])
    }

    @Test func describesEntries() throws {
        let file = DotEnvFile(text: DotEnvFileTests.realistic)
        let secret = try #require(file.entries.first { $0.key == "SECRET_KEY" })
        #expect(secret.isExported && secret.quote == .single && secret.line == 3)
        let path = try #require(file.entries.first { $0.key == "PATH_WITH_VAR" })
        #expect(path.references == ["HOME", "EXTRA"])
        #expect(file.entries.first { $0.key == "AFTER_BROKEN" }?.line == 13)
        #expect(file.problems == ["line 12: cannot parse 'broken=\"unterminated'"])
    }

    @Test func laterBindingsWinAndQuirksMatch() {
        let file = DotEnvFile(text: "A=1\nA=2\nB= # not a comment\nC=x #y\nD='a\\'b'\nE=\"tab\\tq\\x\"\nF='it\\'\n")
        #expect(file.value(for: "A") == "2")
        #expect(file.value(for: "B") == "# not a comment")
        #expect(file.value(for: "C") == "x")
        #expect(file.value(for: "D") == "a'b")
        #expect(file.value(for: "E") == "tab\tq\\x")
        #expect(file.value(for: "F") == "it\\")
    }

    @Test func addsOnlyMissingKeysWithoutTouchingTheRest() throws {
        let original = "# keep\nSECRET_KEY=old\nDECLARED\n"
        let file = try DotEnvFile(text: original).adding(missing: [
            ("SECRET_KEY", "new"), ("DECLARED", "x"), ("API_TOKEN", "abc123"), ("API_TOKEN", "second"), ("MESSAGE", "hello world"),
        ])
        #expect(file.text == original + "API_TOKEN=abc123\nMESSAGE='hello world'\n")
        #expect(file.value(for: "SECRET_KEY") == "old")
    }

    @Test func keepsTheFilesLineEndings() throws {
        #expect(try DotEnvFile(text: "A=1").adding(missing: [("B", "2")]).text == "A=1\nB=2\n")
        #expect(try DotEnvFile(text: "A=1\r\n").adding(missing: [("B", "2")]).text == "A=1\r\nB=2\r\n")
        #expect(try DotEnvFile(text: "").adding(missing: [("B", "")]).text == "B=\n")
        let unchanged = DotEnvFile(text: "A=1")
        #expect(try unchanged.adding(missing: [("A", "2")]) == unchanged)
    }

    @Test(arguments: ["plain", "with space", "has#hash", " lead", "it's", "back\\slash", "new\nline", "q\"uote",
                      "tab\there", "$HOME", "émoji ✓", "a  #b", "'single'", "\"double\"", "x=y", ""])
    func quotedValuesReadBackExactly(value: String) throws {
        let file = try DotEnvFile(text: "").adding(missing: [("KEY", value)])
        #expect(file.value(for: "KEY") == value, "\(file.text)")
    }

    @Test func refusesBadKeysAndValuesItCannotWrite() {
        #expect(throws: HelpError.self) { try DotEnvFile(text: "").adding(missing: [("1ABC", "x")]) }
        #expect(throws: HelpError.self) { try DotEnvFile(text: "").adding(missing: [("A-B", "x")]) }
        do {
            _ = try DotEnvFile(text: "").adding(missingSecrets: [("TOKEN", Secret("abc${x}def"))])
            Issue.record("expected an error")
        } catch let error as HelpError {
            #expect(!error.message.contains("abc"))
            #expect(error.message.contains("TOKEN"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func secretsAreWrittenWhole() throws {
        let file = try DotEnvFile(text: "").adding(missingSecrets: [("TOKEN", Secret("Zk3-9_q"))])
        #expect(file.value(for: "TOKEN") == "Zk3-9_q")
    }
}

/// `.python-version`: the interpreter a project asks for.
@Suite struct PythonVersionFileTests {
    @Test func readsTheFirstRequestIgnoringCommentsAndBlanks() throws {
        let file = PythonVersionFile(text: "# pinned\n\n3.12  # main\n3.11.7\n")
        #expect(file.versions == ["3.12", "3.11.7"])
        #expect(file.primary == "3.12")
        #expect(file.version == (try PythonVersion("3.12")))
        #expect(file.accepts(try PythonVersion("3.12.4")))
        #expect(!file.accepts(try PythonVersion("3.13.0")))
        #expect(!file.accepts(try PythonVersion("3.1")))
    }

    @Test func namesThatAreNoVersionsHaveNone() {
        #expect(PythonVersionFile(text: "system\n").version == nil)
        #expect(PythonVersionFile(text: "pypy3.10\n").primary == "pypy3.10")
        #expect(PythonVersionFile(text: "").primary == nil)
        #expect(PythonVersionFile(text: "3.11.7").accepts(PythonVersion(release: [3, 11, 7])))
    }
}
