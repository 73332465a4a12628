/// Small readings of Python expression text for `SettingsSourceParser`: splitting at a separator
/// outside brackets and strings, call arguments, keyword arguments, string literals.
enum PythonExpression {
    /// `text` cut at each `separator` that is outside brackets and string literals, pieces
    /// trimmed, at most `limit` pieces. For `=`, the comparisons `==`, `<=`, `>=`, `!=` and `:=`
    /// are not separators.
    static func split(_ text: String, on separator: Character, limit: Int = .max) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            defer { index += 1 }
            if let open = quote {
                current.append(character)
                if character == "\\", index + 1 < characters.count {
                    current.append(characters[index + 1])
                    index += 1
                } else if character == open {
                    quote = nil
                }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
            if character == separator, depth == 0, pieces.count + 1 < limit, !isComparison(characters, at: index) {
                pieces.append(PEPText.trim(current))
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(PEPText.trim(current))
        return pieces
    }

    private static func isComparison(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "=" else { return false }
        if index + 1 < characters.count, characters[index + 1] == "=" { return true }
        if index > 0, "=<>!:".contains(characters[index - 1]) { return true }
        return false
    }

    /// The arguments of a call (`f(a, b=1)`) or the items of a dict display (`{"a": 1}`).
    static func callArguments(_ text: String) -> [String] {
        guard let open = text.firstIndex(where: { $0 == "(" || $0 == "{" }),
            let close = text.lastIndex(where: { $0 == ")" || $0 == "}" }), open < close
        else { return [] }
        return split(String(text[text.index(after: open)..<close]), on: ",").filter { !$0.isEmpty }
    }

    /// `name=value` or `"name": value` -> (name, value); nil for a positional argument.
    static func keyword(_ argument: String) -> (String, String)? {
        let byEquals = split(argument, on: "=", limit: 2)
        if byEquals.count == 2, byEquals[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            return (byEquals[0], byEquals[1])
        }
        let byColon = split(argument, on: ":", limit: 2)
        if byColon.count == 2, let name = stringLiterals(byColon[0]).first { return (name, byColon[1]) }
        return nil
    }

    /// The contents of the plain string literals in `text`, in order (`".env", "../.env"`).
    static func stringLiterals(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        var quote: Character = "\""
        var escaped = false
        for character in text {
            if var literal = current {
                if escaped {
                    literal.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == quote {
                    result.append(literal)
                    current = nil
                    continue
                } else {
                    literal.append(character)
                }
                current = literal
            } else if character == "\"" || character == "'" {
                quote = character
                current = ""
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// `Optional[X]`, `X | None`, `None | X`, `Union[X, None]`: pydantic settings treat such a
    /// field as one that may be left unset.
    static func isOptional(_ annotation: String) -> Bool {
        let compact = annotation.filter { $0 != " " }
        return compact.hasPrefix("Optional[") || compact.hasPrefix("typing.Optional[") || compact.contains("|None")
            || compact.contains("None|") || (compact.hasPrefix("Union[") && compact.contains(",None"))
    }
}
