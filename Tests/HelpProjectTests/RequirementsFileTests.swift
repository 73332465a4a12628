import HelpSystem
import Testing

@testable import HelpProject

/// requirements.txt files: every line kind pip knows, byte-identical round trips, in-place edits.
@Suite struct RequirementsFileTests {
    static let realistic = """
        # Runtime dependencies of the server
        --index-url https://pypi.org/simple
        --extra-index-url=https://mirror.example.org/simple
        -f ./wheels
        -c constraints.txt

        -r base.txt
        fastapi>=0.110,<1  # web framework
        uvicorn[standard]~=0.30 ; python_version >= "3.9"
        Flask_SQLAlchemy==3.1.1
        httpx==0.27.0 \\
            --hash=sha256:aaaa \\
            --hash=sha256:bbbb
            # via -r requirements.in
        pywin32>=306; sys_platform == "win32"
        -e ./libs/shared
        git+https://example.org/tool.git#egg=tool
        ./vendor/local-1.0-py3-none-any.whl
        https://example.org/pkg.whl#sha256=abc

        """

    @Test func roundTripsByteForByte() {
        for text in [
            RequirementsFileTests.realistic, "", "\n", "a\nb", "a\r\nb\r\n", "x \\\n", "x\\", "  # only\n\n\n",
        ] {
            #expect(RequirementsFile(text: text).text == text)
        }
    }

    @Test func classifiesEveryLineKind() throws {
        let file = RequirementsFile(text: RequirementsFileTests.realistic, path: "requirements.txt")
        let kinds = file.lines.map(\.kind)
        #expect(kinds[0] == .comment)
        #expect(kinds[1] == .option(name: "--index-url", value: "https://pypi.org/simple"))
        #expect(kinds[2] == .option(name: "--extra-index-url", value: "https://mirror.example.org/simple"))
        #expect(kinds[3] == .option(name: "--find-links", value: "./wheels"))
        #expect(kinds[4] == .constraint("constraints.txt"))
        #expect(kinds[5] == .blank)
        #expect(kinds[6] == .include("base.txt"))
        #expect(kinds[11] == .comment)
        #expect(kinds[13] == .editable("./libs/shared"))
        #expect(kinds[14] == .direct("git+https://example.org/tool.git#egg=tool", name: "tool"))
        #expect(kinds[15] == .direct("./vendor/local-1.0-py3-none-any.whl", name: nil))
        #expect(kinds[16] == .direct("https://example.org/pkg.whl#sha256=abc", name: nil))
        #expect(kinds.count == 17)
        #expect(file.problems.isEmpty)
        #expect(file.usesHashes)
    }

    @Test func readsRequirementsWithMarkersHashesAndLineNumbers() throws {
        let file = RequirementsFile(text: RequirementsFileTests.realistic)
        #expect(
            file.requirements.map(\.requirement.normalizedName)
                == ["fastapi", "uvicorn", "flask-sqlalchemy", "httpx", "pywin32"])
        #expect(file.requirements.map(\.line) == [8, 9, 10, 11, 15])
        #expect(file.requirement(named: "UVICORN")?.marker?.description == "python_version >= \"3.9\"")
        guard case .requirement(_, let options) = file.lines[10].kind else {
            Issue.record("expected the httpx requirement")
            return
        }
        #expect(options == ["--hash=sha256:aaaa", "--hash=sha256:bbbb"])
    }

    @Test func commentsNeedABlankBeforeTheHash() {
        let file = RequirementsFile(text: "pkg==1.0#not-a-comment\nother  # comment\n")
        #expect(file.problems.count == 1)
        #expect(file.requirement(named: "other") != nil)
    }

    @Test func reportsLinesPipWouldRefuse() {
        let file = RequirementsFile(text: "ok\nnot a requirement\n-r\n", path: "req.txt")
        #expect(file.problems.count == 2)
        #expect(file.problems[0].hasPrefix("req.txt:2: "))
        #expect(file.problems[1] == "req.txt:3: -r needs a file name")
    }

    @Test func optionSpellings() {
        let file = RequirementsFile(
            text:
                "-rbase.txt\n--requirement=dev.txt\n-i https://x\n--no-index\n--pre\n-e\tgit+https://e.org/x.git#egg=x\n"
        )
        #expect(
            file.lines.map(\.kind) == [
                .include("base.txt"), .include("dev.txt"), .option(name: "--index-url", value: "https://x"),
                .option(name: "--no-index", value: nil), .option(name: "--pre", value: nil),
                .editable("git+https://e.org/x.git#egg=x"),
            ])
    }
}
