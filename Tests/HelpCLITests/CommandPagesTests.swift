import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// `docs/commands/` is generated from the command tables: the checked-in pages must be what the
/// tables give today, and `help docs` rewrites exactly the pages that differ.
@Suite struct CommandPagesTests {
    /// The repository root, from this file's place in `Tests/HelpCLITests/`.
    static var checkoutRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    @Test func checkedInPagesAreCurrentWithTheCommandTables() throws {
        let pages = CommandPages.pages(for: CommandRegistry.all)
        let stale = try DocsCommand.stale(pages, in: Self.checkoutRoot + "/docs/commands")
        #expect(stale.isEmpty, "docs/commands is stale (\(stale.joined(separator: ", "))): run './help docs'")
    }

    @Test func everyOptionAndExampleOfACommandIsOnItsPage() {
        for command in CommandRegistry.all {
            let page = CommandPages.page(command)
            for option in command.options { #expect(page.contains("`--\(option.long)"), "\(command.name)") }
            for example in command.examples { #expect(page.contains(example.line), "\(command.name)") }
            #expect(page.contains("| 64 | the command line is wrong"))
        }
    }

    @Test func docsRewritesStalePagesAndCheckFailsUntilThen() throws {
        let folder = TempDir()
        let fs = FileSystem()
        try fs.createDirectories(folder.path("docs/commands"))
        try fs.writeAtomically(folder.path("docs/commands/hash.md"), Array("old\n".utf8))
        try fs.writeAtomically(folder.path("docs/commands/gone.md"), Array("a removed command\n".utf8))

        let check = CLIHarness()
        #expect(check.run(["docs", "--check"], currentDirectory: folder.path) == 1)
        #expect(check.stderr.contains("gone.md"))
        #expect(check.stderr.contains("hash.md"))
        #expect(check.stderr.contains("hint: Run 'help docs' to regenerate them."))
        #expect(try fs.readText(folder.path("docs/commands/hash.md")) == "old\n")

        #expect(CLIHarness().run(["docs"], currentDirectory: folder.path) == 0)
        #expect(!fs.exists(folder.path("docs/commands/gone.md")))
        #expect(try fs.readText(folder.path("docs/commands/hash.md")) == CommandPages.page(HashCommand.spec))
        let again = CLIHarness()
        #expect(again.run(["docs", "--check"], currentDirectory: folder.path) == 0)
        #expect(again.stdout == "\(CommandRegistry.all.count + 1) pages current in docs/commands\n")
    }
}
