/// The text of `help --help` and `help COMMAND --help`, built from the command and option tables
/// so it can never drift from what the parser accepts.
public enum UsageText {
    /// The overview: what `help` is, the commands with their summaries, the global options.
    public static func overview(commands: [CommandSpec]) -> [String] {
        var lines = [
            "help: develop, test, build and ship this monorepo",
            "",
            "Usage: help [OPTIONS] COMMAND [ARGS...]",
            "",
            "Commands:",
        ]
        let width = commands.map(\.name.count).max() ?? 0
        for command in commands {
            lines.append("  " + pad(command.name, width) + "  " + command.summary)
        }
        lines += ["", "Options:"] + optionLines(GlobalOptions.table)
        lines += ["", "Run 'help COMMAND --help' for a command's options and examples."]
        return lines
    }

    /// One command's page: usage lines, what it does, its options, the global options, examples.
    public static func command(_ command: CommandSpec) -> [String] {
        var lines = ["help \(command.name): \(command.summary)", ""]
        let forms = command.usageLines
        lines.append("Usage: " + forms[0])
        lines += forms.dropFirst().map { "       " + $0 }
        if !command.discussion.isEmpty {
            lines += [""] + wrap(command.discussion, width: 78)
        }
        if !command.positionals.isEmpty {
            lines += ["", "Arguments:"]
            let width = command.positionals.map(\.synopsis.count).max() ?? 0
            lines += command.positionals.map { "  " + pad($0.synopsis, width) + "  " + $0.help }
        }
        if !command.options.isEmpty {
            lines += ["", "Options:"] + optionLines(command.options)
        }
        lines += ["", "Global options:"] + optionLines(GlobalOptions.table)
        if !command.examples.isEmpty {
            lines += ["", "Examples:"]
            for example in command.examples {
                lines += ["  " + example.line, "      " + example.explanation]
            }
        }
        return lines
    }

    // MARK: - Pieces

    /// Aligned option lines: `  -C, --project DIR  Work on ... (one of: a, b)`.
    static func optionLines(_ options: [OptionSpec]) -> [String] {
        let width = options.map(\.synopsis.count).max() ?? 0
        return options.map { option in
            var text = option.help
            if !option.allowedValues.isEmpty {
                text += " (one of: " + option.allowedValues.joined(separator: ", ") + ")"
            }
            if option.kind == .repeatable { text += " (repeatable)" }
            if option.isRequired { text += " (required)" }
            return "  " + pad(option.synopsis, width) + "  " + text
        }
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Greedy word wrap, for the discussion paragraph. Runs of spaces inside a line are kept
    /// (`<sha256>  <name>` shows sha256sum's two spaces) by gluing the extra spaces to the word
    /// after them.
    static func wrap(_ text: String, width: Int) -> [String] {
        var words: [String] = []
        var pending = ""
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty {
                pending += " "
                continue
            }
            words.append(pending + piece)
            pending = ""
        }
        var lines: [String] = []
        var current = ""
        for word in words {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += current.isEmpty ? String(word.drop(while: { $0 == " " })) : " " + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
