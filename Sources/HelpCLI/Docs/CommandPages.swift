import HelpSystem

/// The Markdown reference pages of `docs/commands/`, one per command plus an index, rendered from
/// the same `CommandSpec` tables as `--help`, the parser and the completion scripts, so a page
/// cannot describe an option the parser does not take. `help docs` writes them; a test fails
/// when the checked-in pages differ from what the tables give.
public enum CommandPages {
    /// File name to contents, for every page.
    public static func pages(for commands: [CommandSpec]) -> [String: String] {
        var pages = ["README.md": index(commands)]
        for command in commands { pages[command.name + ".md"] = page(command) }
        return pages
    }

    /// The index: every command with its summary, and the global options.
    static func index(_ commands: [CommandSpec]) -> String {
        var lines = [
            "# Command reference", "",
            generatedNote, "",
            "| command | what it does |", "| --- | --- |",
        ]
        lines += commands.map { "| [`\($0.name)`](\($0.name).md) | \(cell($0.summary)) |" }
        lines += ["", "## Global options", "", "Every command takes these, before or after its name.", ""]
        lines += optionTable(GlobalOptions.table)
        lines += ["", "## Exit codes", ""] + exitCodeTable
        return lines.joined(separator: "\n") + "\n"
    }

    /// One command's page: usage, what it does, arguments, options, examples, exit codes.
    static func page(_ command: CommandSpec) -> String {
        var lines = ["# help \(command.name)", "", generatedNote, "", command.summary + ".", "", "## Usage", "", "```"]
        lines += command.usageLines
        lines += ["```"]
        if !command.discussion.isEmpty { lines += ["", command.discussion] }
        if !command.positionals.isEmpty {
            lines += ["", "## Arguments", "", "| argument | meaning |", "| --- | --- |"]
            lines += command.positionals.map { "| `\($0.synopsis)` | \(cell($0.help)) |" }
        }
        if !command.options.isEmpty { lines += ["", "## Options", ""] + optionTable(command.options) }
        if CompletionTables.selectsComponents(command) {
            lines += [
                "",
                "Each component can also be named by its own flag: `server` → `--server`, "
                    + "`python-client` → `--python-client` (`help components` lists them).",
            ]
        }
        lines += ["", "Global options: see the [command reference](README.md#global-options)."]
        if !command.examples.isEmpty {
            lines += ["", "## Examples", "", "```sh"]
            let width = command.examples.map(\.line.count).max() ?? 0
            lines += command.examples.map { UsageText.pad($0.line, width) + "  # " + $0.explanation }
            lines += ["```"]
        }
        lines += ["", "## Exit codes", ""] + exitCodeTable
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Pieces

    static let generatedNote =
        "<!-- Generated from the command tables by `help docs`; edit the tables, not this page. -->"

    static func optionTable(_ options: [OptionSpec]) -> [String] {
        var lines = ["| option | meaning |", "| --- | --- |"]
        for option in options {
            var spelling = option.short.map { "`-\($0)`, " } ?? ""
            spelling += "`--\(option.long)" + (option.takesValue ? " \(option.valueName)`" : "`")
            var text = option.help
            if !option.allowedValues.isEmpty {
                text += " (one of: " + option.allowedValues.map { "`\($0)`" }.joined(separator: ", ") + ")"
            }
            if option.kind == .repeatable { text += " (repeatable)" }
            if option.isRequired { text += " (required)" }
            lines.append("| \(spelling) | \(cell(text)) |")
        }
        return lines
    }

    /// The codes every command may end with (sysexits), from `ExitCode`.
    static var exitCodeTable: [String] {
        let meanings: [ExitCode: String] = [
            .ok: "success",
            .failure: "the work failed (a test, a build, an install, a checksum)",
            .usage: "the command line is wrong (unknown command or option, bad value)",
            .dataError: "bad input data (a malformed file or value, a refused edit)",
            .unavailable: "a needed tool or service is unavailable",
            .ioError: "a file or folder could not be read or written",
            .tempFailure: "a temporary failure (network, a lock held); retrying may work",
            .interrupted: "interrupted (Ctrl-C)",
        ]
        return ["| code | meaning |", "| --- | --- |"]
            + ExitCode.allCases.map { "| \($0.rawValue) | \(meanings[$0] ?? "") |" }
    }

    /// Text for a table cell: pipes escaped, on one line.
    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
