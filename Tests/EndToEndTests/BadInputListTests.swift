import HelpSystem
import Testing

/// `docs/bad-inputs.md`, which the README's exit-code table links to, is generated from
/// `Catalogue/bad-inputs.json`: this test fails while it is stale, and rewrites it when run with
/// `HELP_UPDATE_DOCS=1` (`HELP_UPDATE_DOCS=1 swift test --skip-build --filter BadInputListTests`).
@Suite struct BadInputListTests {
    static let path = BuiltHelp.checkoutRoot + "/docs/bad-inputs.md"

    @Test func theGeneratedListMatchesTheCatalogue() throws {
        let expected = try Self.render(BadInputCase.all())
        if Environment.current().values["HELP_UPDATE_DOCS"] == "1" {
            try FileSystem().createDirectories(BuiltHelp.checkoutRoot + "/docs")
            try FileSystem().writeAtomically(Self.path, Array(expected.utf8))
        }
        let current = (try? FileSystem().readText(Self.path)) ?? ""
        #expect(
            current == expected,
            "docs/bad-inputs.md is stale: HELP_UPDATE_DOCS=1 swift test --skip-build --filter BadInputListTests")
    }

    /// One table row per case: what it feeds `help`, the command, the exit code and the error.
    static func render(_ cases: [BadInputCase]) throws -> String {
        var lines = [
            "# Bad inputs and what `help` answers",
            "",
            "Generated from `Tests/EndToEndTests/Catalogue/bad-inputs.json` (\(cases.count) cases), which",
            "`BadInputCatalogueTests` runs against the built binary. Every case also checks that the files it",
            "names stay byte-identical and that nothing outside the project changes.",
            "",
            "| case | command | exit | first error line (part) |",
            "| --- | --- | --- | --- |",
        ]
        for entry in cases {
            if let loadError = entry.loadError { throw HelpError.badData(loadError) }
            let command = "help " + entry.arguments.joined(separator: " ")
            var name = entry.name
            if entry.needsNonRoot { name += " (not as root)" }
            if entry.fullDisk { name += " (full disk)" }
            lines.append(
                "| \(cell(name)) | `\(cell(command))` | \(entry.exitCode) | \(cell(entry.error ?? entry.stdout ?? "")) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\n", with: " ").replacing("`", with: "'")
    }
}
