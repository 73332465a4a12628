import HelpSystem
import Testing

@testable import HelpProject

/// Inputs the fuzz targets (Tests/Fuzz/Targets) found trapping a parser; each must now be read or
/// refused like any other text. The same inputs are seeds in Tests/Fuzz/corpus.
@Suite struct ParserFuzzFindingsTests {
    /// Invalid UTF-8 (read as U+FFFD) between lone carriage returns.
    static let carriageReturns = String(
        decoding: [
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0d, 0xff, 0x0d, 0x0d, 0xff, 0xff, 0x0d, 0x0a, 0x0d, 0x0d,
        ],
        as: UTF8.self)

    /// A template saved with Windows line endings: the comment lines above each key were looked
    /// up in a split on "\n" alone, which "\r\n" (one Character) never matched.
    @Test func templateWithWindowsLineEndingsKeepsItsComments() throws {
        let text = "# Signs sessions.\r\n# help: secret\r\nSECRET_KEY=\r\n\r\n# Verbosity.\r\nLOG_LEVEL=info\r\n"
        let template = try EnvTemplate.parse(
            text, source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
        #expect(template.entries.map(\.key) == ["SECRET_KEY", "LOG_LEVEL"])
        #expect(template.entries.first?.isSecret == true)
        #expect(template.entries.first?.comments == ["# Signs sessions.", "# help: secret"])
        #expect(template.entries.last?.comments == ["# Verbosity."])
    }

    /// `a = [[[[…` 100 000 deep ran the recursive TOML parser out of stack (a crash, signal 11).
    @Test func deeplyNestedTOMLIsRefusedWithAPosition() {
        let arrays = "a = " + String(repeating: "[", count: 100_000)
        #expect(throws: HelpError.self) { try TOMLDocument(arrays) }
        let tables = "a = " + String(repeating: "{b = ", count: 100_000)
        #expect(throws: HelpError.self) { try TOMLDocument(tables) }
        #expect(
            (try? TOMLDocument("a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100))) != nil
        )
    }

    @Test func dotEnvWithLoneCarriageReturns() throws {
        let file = DotEnvFile(text: Self.carriageReturns)
        #expect(file.text == Self.carriageReturns)
        _ = DotEnvTemplate(text: Self.carriageReturns)
        _ = try? EnvTemplate.parse(
            Self.carriageReturns, source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
    }
}
