import HelpSystem
import Testing

@testable import HelpProject

/// Format-preserving TOML edits: only the bytes concerned change.
@Suite struct TOMLEditingTests {
    private func upsert(
        _ text: String, _ value: String, at path: [String],
        matching: @escaping (String) -> Bool = { _ in false }
    ) throws -> (String, TOMLDocument.ArrayChange) {
        let (document, change) = try TOMLDocument(text).upsertingString(value, inArrayAt: path, matching: matching)
        return (document.text, change)
    }

    private func startsWith(_ prefix: String) -> (String) -> Bool { { $0.hasPrefix(prefix) } }

    @Test func appendsToAOnePerLineArrayWithTrailingCommaKeepingComments() throws {
        let text = "deps = [\n  \"a\",  # first\n  # about b\n  \"b\",  # second\n]\nnext = 1\n"
        let (result, change) = try upsert(text, "c>=1", at: ["deps"])
        #expect(change == .added)
        #expect(result == "deps = [\n  \"a\",  # first\n  # about b\n  \"b\",  # second\n  \"c>=1\",\n]\nnext = 1\n")
    }

    @Test func appendsWithoutTrailingCommaWhenTheArrayHasNone() throws {
        let text = "deps = [\n    \"a\",\n    \"b\"  # last\n]\n"
        let (result, _) = try upsert(text, "c", at: ["deps"])
        #expect(result == "deps = [\n    \"a\",\n    \"b\",  # last\n    \"c\"\n]\n")
    }

    @Test func appendsToInlineArrays() throws {
        #expect(try upsert("deps = [\"a\", \"b\"]\n", "c", at: ["deps"]).0 == "deps = [\"a\", \"b\", \"c\"]\n")
        #expect(try upsert("deps = [\"a\",]\n", "c", at: ["deps"]).0 == "deps = [\"a\", \"c\",]\n")
        #expect(try upsert("deps = []\n", "c", at: ["deps"]).0 == "deps = [\"c\"]\n")
        #expect(try upsert("deps = [  ] # none\n", "c", at: ["deps"]).0 == "deps = [\"c\"] # none\n")
    }

    @Test func appendsToEmptyMultiLineArrays() throws {
        #expect(try upsert("  deps = [\n  ]\n", "c", at: ["deps"]).0 == "  deps = [\n      \"c\",\n  ]\n")
    }

    @Test func replacesTheMatchingElementKeepingItsQuotes() throws {
        let text = "deps = [\n  'httpx>=0.20',  # http\n  \"rich\",\n]\n"
        let (result, change) = try upsert(text, "httpx>=0.27", at: ["deps"], matching: startsWith("httpx"))
        #expect(change == .replaced(previous: "httpx>=0.20"))
        #expect(result == "deps = [\n  'httpx>=0.27',  # http\n  \"rich\",\n]\n")
        let (same, unchanged) = try upsert(result, "httpx>=0.27", at: ["deps"], matching: startsWith("httpx"))
        #expect(unchanged == .unchanged)
        #expect(same == result)
        let (quoted, _) = try upsert(text, "httpx; os_name == 'nt'", at: ["deps"], matching: startsWith("httpx"))
        #expect(quoted.contains("  \"httpx; os_name == 'nt'\",  # http\n"))
    }

    @Test func addsAMissingKeyAtTheEndOfItsSection() throws {
        let text = "[project]\nname = \"x\"\n\n[build-system]\nrequires = []\n"
        let (result, _) = try upsert(text, "httpx", at: ["project", "dependencies"])
        #expect(
            result == "[project]\nname = \"x\"\ndependencies = [\n    \"httpx\",\n]\n\n[build-system]\nrequires = []\n")
    }

    @Test func createsAMissingTableAfterItsParentsSections() throws {
        let text = "[project]\nname = \"x\"\n\n[project.urls]\nhome = \"h\"\n\n[tool.ruff]\nline-length = 100\n"
        let (result, _) = try upsert(text, "pytest", at: ["project", "optional-dependencies", "dev"])
        #expect(
            result == "[project]\nname = \"x\"\n\n[project.urls]\nhome = \"h\"\n\n[project.optional-dependencies]\n"
                + "dev = [\n    \"pytest\",\n]\n\n[tool.ruff]\nline-length = 100\n")
    }

    @Test func createsATopLevelTableAtTheEndUsingTheDocumentsIndentAndLineEnding() throws {
        let text = "[project]\r\ndependencies = [\r\n  \"a\",\r\n]"
        let (result, _) = try upsert(text, "ruff", at: ["dependency-groups", "lint"])
        #expect(result == text + "\r\n\r\n[dependency-groups]\r\nlint = [\r\n  \"ruff\",\r\n]\r\n")
    }

    @Test func addsBesideDottedKeysAndIntoInlineTables() throws {
        let dotted = "[project]\noptional-dependencies.dev = [\"pytest\"]\nname = \"x\"\n"
        #expect(
            try upsert(dotted, "mkdocs", at: ["project", "optional-dependencies", "docs"]).0
                == "[project]\noptional-dependencies.dev = [\"pytest\"]\noptional-dependencies.docs = [\n    \"mkdocs\",\n]\nname = \"x\"\n"
        )
        let inline = "[project]\noptional-dependencies = { dev = [\"pytest\"] }\n"
        #expect(
            try upsert(inline, "mkdocs", at: ["project", "optional-dependencies", "dev"]).0
                == "[project]\noptional-dependencies = { dev = [\"pytest\", \"mkdocs\"] }\n")
        let (added, _) = try TOMLDocument("t = {}\n").settingValue("1", forKey: "k", inTable: ["t"]) { $0 == "k" }
        #expect(added.text == "t = { k = 1 }\n")
    }

    @Test func refusesToTreatOtherValuesAsArrays() {
        #expect(throws: HelpError.self) {
            try upsert("[project]\ndependencies = \"httpx\"\n", "a", at: ["project", "dependencies"])
        }
        #expect(throws: HelpError.self) { try upsert("project = 1\n", "a", at: ["project", "dependencies"]) }
    }

    @Test func removesElementsWithTheirCommasOrLines() throws {
        let multi = try TOMLDocument("deps = [\n  \"a\",  # gone\n  \"b\",\n]\n")
        let (removed, count) = try multi.removingStrings(inArrayAt: ["deps"], matching: { $0 == "a" })
        #expect(count == 1)
        #expect(removed.text == "deps = [\n  \"b\",\n]\n")
        let inline = try TOMLDocument("deps = [\"a\", \"b\", \"c\"]\n")
        #expect(
            try inline.removingStrings(inArrayAt: ["deps"], matching: { $0 == "c" }).0.text == "deps = [\"a\", \"b\"]\n"
        )
        #expect(try inline.removingStrings(inArrayAt: ["deps"], matching: { $0 != "b" }).0.text == "deps = [\"b\"]\n")
        #expect(try inline.removingStrings(inArrayAt: ["missing"], matching: { _ in true }).1 == 0)
    }

    @Test func setsAndRemovesTableValues() throws {
        let doc = try TOMLDocument("[deps]\nhttpx = \"^0.20\"  # pinned\nRich = { version = \"^13\" }\n")
        let (set, previous) = try doc.settingValue("\"^0.27\"", forKey: "httpx", inTable: ["deps"]) { $0 == "httpx" }
        #expect(previous == .string("^0.20"))
        #expect(set.text == "[deps]\nhttpx = \"^0.27\"  # pinned\nRich = { version = \"^13\" }\n")
        #expect(
            try doc.replacingValue(at: ["deps", "Rich", "version"], with: "\"^14\"").text.hasSuffix(
                "Rich = { version = \"^14\" }\n"))
        #expect(try doc.removingEntry(at: ["deps", "httpx"]).text == "[deps]\nRich = { version = \"^13\" }\n")
        #expect(try TOMLDocument("t = { a = 1, b = 2 }\n").removingEntry(at: ["t", "a"]).text == "t = { b = 2 }\n")
        #expect(try TOMLDocument("t = { a = 1, b = 2 }\n").removingEntry(at: ["t", "b"]).text == "t = { a = 1 }\n")
        #expect(doc.sourceText(at: ["deps", "Rich"]) == "{ version = \"^13\" }")
    }
}
