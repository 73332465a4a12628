import HelpSystem

/// Why a command line could not be read. Typed so tests can assert on the exact mistake; turned
/// into a `HelpError` with exit code 64 and a hint only at the edge, where the command is known.
public enum ArgumentError: Error, Equatable, Sendable {
    /// An option nobody declared, as typed, with the nearest known spelling when one is close.
    case unknownOption(String, suggestion: String?)
    /// A value option at the end of the line, or followed by nothing usable.
    case missingValue(option: String)
    /// `--flag=value` for an option that takes no value.
    case unexpectedValue(option: String, value: String)
    /// A value outside the option's allowed list.
    case invalidChoice(option: String, value: String, allowed: [String])
    /// A required option that was not given.
    case missingOption(option: String)
    /// A required positional argument that was not given.
    case missingArgument(name: String)
    /// More positional words than the command takes.
    case unexpectedArgument(String)
    /// A command name nobody registered, with the nearest registered name.
    case unknownCommand(String, suggestion: String?)

    // MARK: - For people

    /// The user-facing error; `command` names where to look for the right spelling.
    public func helpError(command: String?) -> HelpError {
        let helpLine =
            command.map { "Run 'help \($0) --help' for its options." } ?? "Run 'help --help' for the options."
        switch self {
        case .unknownOption(let word, let suggestion):
            let guess = suggestion.map { "did you mean '\($0)'? " } ?? ""
            return .usage("unknown option '\(word)'", hint: guess + helpLine)
        case .missingValue(let option):
            return .usage("option '\(option)' needs a value", hint: helpLine)
        case .unexpectedValue(let option, let value):
            return .usage("option '\(option)' takes no value (got '\(value)')", hint: "Write '\(option)' alone.")
        case .invalidChoice(let option, let value, let allowed):
            let guess = Suggestion.nearest(to: value, in: allowed).map { "did you mean '\($0)'? " } ?? ""
            return .usage(
                "'\(value)' is not a valid value for '\(option)'",
                hint: guess + "Use one of: " + allowed.joined(separator: ", ") + ".")
        case .missingOption(let option):
            return .usage("option '\(option)' is required", hint: helpLine)
        case .missingArgument(let name):
            return .usage("missing argument \(name)", hint: helpLine)
        case .unexpectedArgument(let word):
            return .usage("unexpected argument '\(word)'", hint: helpLine)
        case .unknownCommand(let word, let suggestion):
            let guess = suggestion.map { "did you mean '\($0)'? " } ?? ""
            return .usage("unknown command '\(word)'", hint: guess + "Run 'help --help' for the list.")
        }
    }
}
