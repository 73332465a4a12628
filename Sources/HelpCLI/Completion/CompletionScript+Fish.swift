import HelpSystem

/// The fish script: one `complete` line per command and option, conditioned on the command found
/// among the words typed (values of options skipped), and component flags asked of `help` in
/// the project at hand.
extension CompletionTables {
    /// For `~/.config/fish/config.fish`: `help completion fish | source`.
    var fish: String {
        var lines = [
            Self.header("fish", load: "help completion fish | source"),
            Self.fishFunctions(valueOptions: valueSpellings),
            "complete -c help -f",
        ]
        for command in commands {
            lines.append(
                "complete -c help -n __help_needs_command -a \(command.name) -d \(Command.shellQuote(command.summary))")
        }
        lines += globals.map { fishOption($0, condition: nil) }
        for command in commands {
            lines += command.options.map { fishOption($0, condition: command.name) }
            switch Self.argumentKind(command) {
            case .files: lines.append("complete -c help -n '__help_command_is \(command.name)' -F")
            case .directories:
                lines.append(
                    "complete -c help -n '__help_command_is \(command.name)' -a '(__fish_complete_directories)'")
            default: break
            }
        }
        let selecting = commands.filter(Self.selectsComponents).map(\.name)
        if !selecting.isEmpty {
            lines.append(
                "complete -c help -n '__help_command_is \(selecting.joined(separator: " "))' -a '(__help_components)'"
                    + " -d 'component'")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every spelling of an option that takes a value, global or a command's.
    private var valueSpellings: [String] {
        var seen = Set<String>()
        return (globals + commands.flatMap(\.options)).filter(\.takesValue).flatMap(Self.spellings).filter {
            seen.insert($0).inserted
        }
    }

    private func fishOption(_ option: OptionSpec, condition command: String?) -> String {
        var words = ["complete", "-c", "help"]
        if let command { words += ["-n", Command.shellQuote("__help_command_is \(command)")] }
        words += ["-l", option.long]
        if let short = option.short { words += ["-s", String(short)] }
        if option.takesValue {
            switch Self.valueKind(option) {
            case .choices(let values): words += ["-x", "-a", Command.shellQuote(values.joined(separator: " "))]
            case .directories: words += ["-x", "-a", "'(__fish_complete_directories)'"]
            case .files: words += ["-r", "-F"]
            case .componentNames: words += ["-x", "-a", "'(__help_components | string replace -r \"^--\" \"\")'"]
            case .none: words += ["-x"]
            }
        }
        words += ["-d", Command.shellQuote(option.help)]
        return words.joined(separator: " ")
    }

    /// `__help_command` prints the command typed so far; the component query runs the binary
    /// (fish's own `help` function would answer otherwise) in the `-C` folder when one is typed.
    static func fishFunctions(valueOptions: [String]) -> String {
        let options = valueOptions.map(Command.shellQuote).joined(separator: " ")
        return """
            function __help_command
                set -l tokens (commandline -opc)
                set -e tokens[1]
                set -l skip 0
                for token in $tokens
                    if test $skip = 1
                        set skip 0
                    else if contains -- $token \(options)
                        set skip 1
                    else if not string match -q -- '-*' $token
                        echo $token
                        return 0
                    end
                end
                return 1
            end
            function __help_needs_command
                not __help_command >/dev/null
            end
            function __help_command_is
                contains -- (__help_command) $argv
            end
            function __help_components
                set -l bin (command -s help); or return
                set -l tokens (commandline -opc)
                set -l dir
                for i in (seq (count $tokens))
                    if contains -- $tokens[$i] -C --project; and test $i -lt (count $tokens)
                        set dir $tokens[(math $i + 1)]
                    end
                end
                if test -n "$dir"
                    $bin -C $dir completion --component-flags 2>/dev/null
                else
                    $bin completion --component-flags 2>/dev/null
                end
            end
            """
    }
}
