import HelpSystem

/// `help docs`: writes the Markdown reference pages of every command (`docs/commands/` by
/// default) from the command tables, or with `--check` says which pages differ from them.
public enum DocsCommand {
    public static let spec = CommandSpec(
        name: "docs",
        summary: "Write the Markdown reference page of every command, generated from its tables",
        discussion: """
            One page per command (usage, arguments, options, examples, exit codes) and an index, from \
            the same tables as --help and the parser. Pages that are current are not rewritten; pages \
            of commands that no longer exist are removed. --check writes nothing and exits 1 naming \
            the pages that differ.
            """,
        options: [
            .value("output", short: "o", valueName: "DIR", help: "The folder for the pages (default: docs/commands)"),
            .flag("check", help: "Change nothing; exit 1 when a page is missing, stale or left over"),
        ],
        examples: [
            .init("help docs", "Write docs/commands/*.md in the current folder"),
            .init("help docs --check", "Fail when the checked-in pages are stale (for CI)"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let given = invocation.value("output") ?? "docs/commands"
        let folder = given.hasPrefix("/") ? given : context.workingDirectory + "/" + given
        let pages = CommandPages.pages(for: CommandRegistry.all)
        let differing = try stale(pages, in: folder)
        let json: JSONValue = ["folder": .string(folder), "stale": .strings(differing), "pages": .int(pages.count)]
        if invocation.flag("check") {
            let failure =
                differing.isEmpty
                ? nil
                : HelpError(
                    "\(differing.count) page(s) in \(given) differ from the command tables: "
                        + differing.joined(separator: ", "), hint: "Run 'help docs' to regenerate them.")
            return Report(
                lines: differing.isEmpty ? ["\(pages.count) pages current in \(given)"] : [], json: json,
                failure: failure)
        }
        let fs = FileSystem()
        try fs.createDirectories(folder)
        for name in differing {
            if let text = pages[name] {
                try fs.writeAtomically(folder + "/" + name, Array(text.utf8))
            } else {
                try fs.remove(folder + "/" + name)
            }
        }
        let lines =
            differing.isEmpty ? ["\(pages.count) pages current in \(given)"] : differing.map { "wrote \(given)/\($0)" }
        return Report(lines: lines, json: json)
    }

    /// Pages missing or different in `folder`, and Markdown files there no command makes, sorted.
    static func stale(_ pages: [String: String], in folder: String) throws -> [String] {
        let fs = FileSystem()
        let present =
            fs.isDirectory(folder) ? try fs.listDirectory(folder).map(\.name).filter { $0.hasSuffix(".md") } : []
        var names: [String] = present.filter { pages[$0] == nil }
        for (name, text) in pages where (try? fs.readText(folder + "/" + name)) != text { names.append(name) }
        return names.sorted()
    }
}
