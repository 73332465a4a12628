/// The option syntax of requirements files: words split like a shell would (quotes group, nothing
/// is expanded), short and long spellings, values attached (`-rfile`, `--index-url=URL`) or apart.
enum OptionTokens {
    /// Options that take a value; the others are flags.
    private static let withValue: Set<String> = [
        "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url",
        "-f", "--find-links", "--trusted-host", "--only-binary", "--no-binary", "--use-feature", "--hash",
        "--config-settings", "-C", "--global-option",
    ]
    private static let longNames = [
        "-i": "--index-url", "-f": "--find-links", "-r": "--requirement",
        "-c": "--constraint", "-e": "--editable", "-C": "--config-settings",
    ]

    /// Words separated by blanks; single or double quotes keep blanks inside a word.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// Where the first blank-separated word starting with `-` begins, if any.
    static func firstOptionWord(in text: String) -> String.Index? {
        var previous: Character = " "
        for index in text.indices {
            if text[index] == "-", previous == " " || previous == "\t" { return index }
            previous = text[index]
        }
        return nil
    }

    /// The first option and its value, from `--name=value`, `--name value`, `-xvalue` or `-x value`.
    static func first(_ tokens: [String]) -> (name: String, value: String?)? {
        guard let head = tokens.first else { return nil }
        if head.hasPrefix("--"), let equals = head.firstIndex(of: "=") {
            return (String(head[..<equals]), String(head[head.index(after: equals)...]))
        }
        if !head.hasPrefix("--"), head.count > 2 {
            let name = String(head.prefix(2))
            if withValue.contains(name) { return (name, PEPText.trim(head.dropFirst(2))) }
        }
        if withValue.contains(head) { return (head, tokens.count > 1 ? tokens[1] : nil) }
        return (head, nil)
    }

    /// Per-requirement options with their values attached: `--hash sha256:x` -> `--hash=sha256:x`.
    static func joinValues(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if withValue.contains(token), index + 1 < tokens.count, !token.contains("=") {
                result.append("\(longNames[token] ?? token)=\(tokens[index + 1])")
                index += 2
            } else {
                result.append(token)
                index += 1
            }
        }
        return result
    }

    /// The long spelling of a short option (`-i` -> `--index-url`).
    static func longName(_ name: String) -> String { longNames[name] ?? name }
}
