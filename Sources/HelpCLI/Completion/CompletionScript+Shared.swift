import HelpSystem

/// The part of the bash and zsh scripts both shells run alike: POSIX shell functions generated
/// from the tables that find the command among the words typed so far and print the candidates
/// for the word being completed, one per line, or `:dirs` / `:files` to let the shell complete
/// paths. Component flags come from `help completion --component-flags` in the project at hand
/// (the `-C DIR` typed, else the current folder).
extension CompletionTables {
    var sharedFunctions: String {
        var text = ""
        text += function("__help_commands", body: ["printf '%s\\n' " + words(commands.map(\.name))])
        text += function("__help_takes_value", body: takesValueBody)
        text += function("__help_values", body: valuesBody)
        text += function("__help_options", body: optionsBody)
        text += function("__help_selects_components", body: selectsComponentsBody)
        text += function("__help_arguments", body: argumentsBody)
        text += Self.candidatesFunction
        return text
    }

    // MARK: - Generated from the tables

    private var takesValueBody: [String] {
        var lines = ["case $2 in"]
        let global = globals.filter(\.takesValue).flatMap(Self.spellings)
        if !global.isEmpty { lines.append("    " + global.joined(separator: " | ") + ") return 0 ;;") }
        lines.append("esac")
        lines.append("case $1 in")
        for command in commands {
            let spellings = command.options.filter(\.takesValue).flatMap(Self.spellings)
            guard !spellings.isEmpty else { continue }
            lines.append(
                "    \(command.name)) case $2 in " + spellings.joined(separator: " | ") + ") return 0 ;; esac ;;")
        }
        lines += ["esac", "return 1"]
        return lines
    }

    private var valuesBody: [String] {
        var lines = ["case $1:$2 in"]
        for command in commands {
            for option in command.options where option.takesValue && Self.valueKind(option) != .none {
                let patterns = Self.spellings(option).map { "\(command.name):\($0)" }.joined(separator: " | ")
                lines.append("    \(patterns)) " + Self.valueAction(Self.valueKind(option)) + " ;;")
            }
        }
        for option in globals where option.takesValue {
            let patterns = Self.spellings(option).map { "*:\($0)" }.joined(separator: " | ")
            lines.append("    \(patterns)) " + Self.valueAction(Self.valueKind(option)) + " ;;")
        }
        lines.append("esac")
        return lines
    }

    private var optionsBody: [String] {
        var lines = ["printf '%s\\n' " + words(globals.flatMap(Self.spellings)), "case $1 in"]
        for command in commands where !command.options.isEmpty {
            lines.append(
                "    \(command.name)) printf '%s\\n' " + words(command.options.flatMap(Self.spellings)) + " ;;")
        }
        lines.append("esac")
        return lines
    }

    private var selectsComponentsBody: [String] {
        let names = commands.filter(Self.selectsComponents).map(\.name)
        guard !names.isEmpty else { return ["return 1"] }
        return ["case $1 in " + names.joined(separator: " | ") + ") return 0 ;; esac", "return 1"]
    }

    private var argumentsBody: [String] {
        var lines = ["case $1 in"]
        for command in commands {
            let kind = Self.argumentKind(command)
            if kind != .none { lines.append("    \(command.name)) " + Self.valueAction(kind) + " ;;") }
        }
        lines.append("esac")
        return lines
    }

    static func valueAction(_ kind: ValueKind) -> String {
        switch kind {
        case .choices(let values): return "printf '%s\\n' " + values.map(Command.shellQuote).joined(separator: " ")
        case .directories: return "echo :dirs"
        case .files: return "echo :files"
        case .componentNames: return "__help_components | sed 's/^--//'"
        case .none: return ":"
        }
    }

    private func words(_ list: [String]) -> String {
        list.map(Command.shellQuote).joined(separator: " ")
    }

    private func function(_ name: String, body: [String]) -> String {
        "\(name)() {\n" + body.map { "    " + $0 + "\n" }.joined() + "}\n"
    }

    // MARK: - The same for every table

    /// `__help_candidates BIN CURRENT WORD...`: the words are those after `help` and before the
    /// one being completed. Values of options are skipped when looking for the command.
    static let candidatesFunction = #"""
        __help_components() {
            if [ -n "$__help_dir" ]; then
                "$__help_bin" -C "$__help_dir" completion --component-flags 2>/dev/null
            else
                "$__help_bin" completion --component-flags 2>/dev/null
            fi
        }
        __help_candidates() {
            __help_bin=$1 __help_cur=$2 __help_cmd= __help_dir= __help_pending=
            shift 2
            for __help_word in "$@"; do
                if [ -n "$__help_pending" ]; then
                    case $__help_pending in -C | --project) __help_dir=$__help_word ;; esac
                    __help_pending=
                    continue
                fi
                case $__help_word in
                    --*=*) ;;
                    -*) if __help_takes_value "$__help_cmd" "$__help_word"; then __help_pending=$__help_word; fi ;;
                    *) if [ -z "$__help_cmd" ]; then __help_cmd=$__help_word; fi ;;
                esac
            done
            if [ -n "$__help_pending" ]; then
                __help_values "$__help_cmd" "$__help_pending"
                return 0
            fi
            case $__help_cur in
                -*)
                    __help_options "$__help_cmd"
                    if __help_selects_components "$__help_cmd"; then __help_components; fi
                    ;;
                *)
                    if [ -z "$__help_cmd" ]; then __help_commands; else __help_arguments "$__help_cmd"; fi
                    ;;
            esac
        }

        """#
}
