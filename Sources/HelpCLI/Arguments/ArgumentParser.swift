/// Reads a command line against a table of `OptionSpec`s in one loop, then validates it. Accepts
/// `--name value`, `--name=value`, `-n value`, `-nvalue`, bundled flags (`-qv`), repeated options
/// and `--` to end options. Knows nothing about commands: the CLI runs it once for the global
/// options (stopping at the command name) and once for the command's words.
public struct ArgumentParser: Sendable {
    /// Where parsing stops.
    public enum Mode: Sendable {
        /// Read every word.
        case all
        /// Stop at the first positional word and keep it and the rest unread in `remainder`.
        case untilFirstPositional
    }

    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]

    /// A parser for this option table and these positional arguments.
    public init(options: [OptionSpec], positionals: [PositionalSpec] = []) {
        self.options = options
        self.positionals = positionals
    }

    // MARK: - Parsing

    /// Reads `words` (without the program name). Throws `ArgumentError` for unknown options, a
    /// missing value or a value given to a flag; choices and counts are checked by `validate`.
    public func parse(_ words: [String], mode: Mode = .all) throws -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                let rest = Array(words[index...])
                if mode == .untilFirstPositional, let first = rest.first {
                    // The command name comes first; `--` stays in front of its words so they
                    // remain positional when the command's own table reads them.
                    result.remainder = [first, "--"] + rest.dropFirst()
                } else {
                    result.positionals += rest
                }
                return result
            }
            if word.hasPrefix("--") {
                try readLong(word, words, &index, into: &result)
            } else if word.hasPrefix("-") && word.count > 1 {
                try readShortBundle(word, words, &index, into: &result)
            } else if mode == .untilFirstPositional {
                result.remainder = Array(words[(index - 1)...])
                return result
            } else {
                result.positionals.append(word)
            }
        }
        return result
    }

    /// `--name`, `--name value` or `--name=value`.
    private func readLong(_ word: String, _ words: [String], _ index: inout Int, into result: inout ParsedArguments)
        throws
    {
        let body = word.dropFirst(2)
        let name: String
        var inline: String?
        if let eq = body.firstIndex(of: "=") {
            name = String(body[..<eq])
            inline = String(body[body.index(after: eq)...])
        } else {
            name = String(body)
        }
        guard let option = options.first(where: { $0.long == name }) else {
            let spellings = options.map { "--" + $0.long }
            throw ArgumentError.unknownOption(
                "--" + name, suggestion: Suggestion.nearest(to: "--" + name, in: spellings))
        }
        if !option.takesValue {
            if let inline { throw ArgumentError.unexpectedValue(option: "--" + name, value: inline) }
            result.flags[option.long, default: 0] += 1
            return
        }
        if let inline {
            result.values[option.long, default: []].append(inline)
            return
        }
        guard index < words.count, !looksLikeOption(words[index]) else {
            throw ArgumentError.missingValue(option: "--" + name)
        }
        result.values[option.long, default: []].append(words[index])
        index += 1
    }

    /// `-v`, `-qv`, `-C DIR`, `-CDIR`, `-qC DIR`: flags until the first letter that takes a value,
    /// which takes the rest of the word or, when nothing is left, the next word.
    private func readShortBundle(
        _ word: String, _ words: [String], _ index: inout Int, into result: inout ParsedArguments
    ) throws {
        let letters = Array(word.dropFirst())
        var position = 0
        while position < letters.count {
            let letter = letters[position]
            position += 1
            guard let option = options.first(where: { $0.short == letter }) else {
                throw unknownShort(letter, in: word)
            }
            if !option.takesValue {
                result.flags[option.long, default: 0] += 1
                continue
            }
            if position < letters.count {
                var rest = String(letters[position...])
                if rest.hasPrefix("=") { rest.removeFirst() }
                result.values[option.long, default: []].append(rest)
                return
            }
            guard index < words.count, !looksLikeOption(words[index]) else {
                throw ArgumentError.missingValue(option: "-\(letter)")
            }
            result.values[option.long, default: []].append(words[index])
            index += 1
            return
        }
    }

    /// An unknown letter; for `-verbose` (one dash too few) the whole word is reported and the
    /// long option it resembles is suggested.
    private func unknownShort(_ letter: Character, in word: String) -> ArgumentError {
        if word.count > 2 {
            let guess = Suggestion.nearest(to: "-" + word, in: options.map { "--" + $0.long })
            return .unknownOption(word, suggestion: guess)
        }
        return .unknownOption("-\(letter)", suggestion: nil)
    }

    /// A following word that is itself an option is not taken as a value (`-C --json` is a
    /// missing value, not a folder named `--json`); a lone `-` is a value (stdin by convention).
    private func looksLikeOption(_ word: String) -> Bool {
        word.hasPrefix("-") && word.count > 1
    }

    // MARK: - Validation

    /// Checks allowed values, required options and how many positional words were given.
    public func validate(_ parsed: ParsedArguments) throws {
        for option in options {
            for value in parsed.values(option.long) where !option.allowedValues.isEmpty {
                if !option.allowedValues.contains(value) {
                    throw ArgumentError.invalidChoice(
                        option: "--" + option.long, value: value, allowed: option.allowedValues)
                }
            }
            if option.isRequired && !parsed.contains(option.long) {
                throw ArgumentError.missingOption(option: "--" + option.long)
            }
        }
        try validateArity(parsed.positionals)
    }

    private func validateArity(_ words: [String]) throws {
        var remaining = words.count
        for spec in positionals {
            switch spec.arity {
            case .one, .oneOrMore:
                if remaining == 0 { throw ArgumentError.missingArgument(name: spec.name) }
                remaining = spec.arity == .one ? remaining - 1 : 0
            case .optional:
                remaining = max(0, remaining - 1)
            case .zeroOrMore:
                remaining = 0
            }
        }
        if remaining > 0 { throw ArgumentError.unexpectedArgument(words[words.count - remaining]) }
    }
}
