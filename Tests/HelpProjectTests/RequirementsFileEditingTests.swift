import HelpSystem
import Testing

@testable import HelpProject

/// Edits of requirements files that leave every other byte alone.
@Suite struct RequirementsFileEditingTests {
    private func req(_ text: String) throws -> PythonRequirement { try PythonRequirement.parse(text) }

    @Test func upsertReplacesInPlaceKeepingIndentOptionsAndComment() throws {
        var file = RequirementsFile(text: "# deps\n  Django>=4.2  # LTS\nrequests\n")
        let change = file.upsert(try req("django>=5.0"))
        #expect(change == .replaced(previous: try req("Django>=4.2"), droppedHashes: false))
        #expect(file.text == "# deps\n  django>=5.0  # LTS\nrequests\n")
    }

    @Test func upsertOfAHashedContinuationDropsTheHashesAndSaysSo() throws {
        var file = RequirementsFile(text: "httpx==0.27.0 \\\n    --hash=sha256:aaaa\n    # via app\nrich==13.0\n")
        let change = file.upsert(try req("httpx==0.28.1"))
        #expect(change == .replaced(previous: try req("httpx==0.27.0"), droppedHashes: true))
        #expect(file.text == "httpx==0.28.1\n    # via app\nrich==13.0\n")
    }

    @Test func upsertKeepsOtherPerRequirementOptions() throws {
        var file = RequirementsFile(text: "pkg==1 --config-settings=x=y --hash=sha256:a\n")
        file.upsert(try req("pkg==2"))
        #expect(file.text == "pkg==2 --config-settings=x=y\n")
    }

    @Test func upsertOfTheSameRequirementChangesNothing() throws {
        let text = "httpx>=0.27  # keep\n"
        var file = RequirementsFile(text: text)
        #expect(file.upsert(try req("httpx>=0.27")) == .unchanged)
        #expect(file.text == text)
    }

    @Test func appendKeepsTheFilesEndingStyle() throws {
        var withNewline = RequirementsFile(text: "a\nb\n")
        #expect(withNewline.upsert(try req("c>=1")) == .added)
        #expect(withNewline.text == "a\nb\nc>=1\n")
        var without = RequirementsFile(text: "a\nb")
        without.upsert(try req("c"))
        #expect(without.text == "a\nb\nc")
        var crlf = RequirementsFile(text: "a\r\n")
        crlf.upsert(try req("c"))
        #expect(crlf.text == "a\r\nc\r\n")
        var empty = RequirementsFile(text: "")
        empty.upsert(try req("c ; python_version < '3.12'"))
        #expect(empty.text == "c; python_version < \"3.12\"\n")
        #expect(empty.requirements.first?.line == 1)
        #expect(withNewline.requirements.last?.line == 3)
    }

    @Test func appendAfterACommentOnlyLastLine() throws {
        var file = RequirementsFile(text: "a\n# trailing note")
        file.upsert(try req("b"))
        #expect(file.text == "a\n# trailing note\nb")
    }

    @Test func removeDeletesEveryLineOfThatNameOnly() throws {
        var file = RequirementsFile(text: "# c\nFoo==1 # x\nbar\nfoo ; os_name == 'nt'\n")
        #expect(file.remove("FOO") == 2)
        #expect(file.text == "# c\nbar\n")
        #expect(file.remove("absent") == 0)
    }

    @Test func removingTheLastLineKeepsNoFinalNewline() {
        var file = RequirementsFile(text: "a\nb")
        file.remove("b")
        #expect(file.text == "a")
        var other = RequirementsFile(text: "a\nb\n")
        other.remove("b")
        #expect(other.text == "a\n")
    }

    @Test func editsOfARealisticFileTouchOnlyTheirLines() throws {
        var file = RequirementsFile(text: RequirementsFileTests.realistic)
        file.upsert(try req("fastapi>=0.115"))
        let expected = RequirementsFileTests.realistic.replacingFirst(
            "fastapi>=0.110,<1  # web framework",
            with: "fastapi>=0.115  # web framework")
        #expect(file.text == expected)
        #expect(RequirementsFile(text: file.text).requirement(named: "fastapi")?.specifier.description == ">=0.115")
    }
}

extension String {
    /// This text with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
