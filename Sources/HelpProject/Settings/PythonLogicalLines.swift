/// Python source cut into logical lines, as the tokenizer joins them: brackets left open and a
/// trailing backslash continue a line; comments are dropped; string literals (triple-quoted ones
/// included) are kept whole, so a bracket or `#` inside one changes nothing. Enough for reading
/// declarations, not a parser.
struct PythonLogicalLines {
    /// One logical line: its indentation (of its first physical line) and its text, the pieces
    /// of continued lines joined with a space.
    struct Line: Equatable {
        var indent: Int
        var text: String
    }

    /// The logical lines of `source` that hold code.
    static func lines(_ source: String) -> [Line] {
        var result: [Line] = []
        var current = ""
        var indent = 0
        var depth = 0
        var quote: [Character]? = nil
        var atLineStart = true
        var column = 0
        var characters = Array(source)
        characters.append("\n")
        var index = 0
        func finish() {
            let text = PEPText.trim(current)
            if !text.isEmpty { result.append(Line(indent: indent, text: text)) }
            current = ""
            atLineStart = true
            column = 0
        }
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                current.append(character)
                if character == "\\", index + 1 < characters.count {
                    current.append(characters[index + 1])
                    index += 2
                    continue
                }
                if character == open[0], index + open.count <= characters.count,
                    Array(characters[index..<(index + open.count)]) == open
                {
                    current += String(open.dropFirst())
                    index += open.count
                    quote = nil
                    continue
                }
                index += 1
                continue
            }
            if atLineStart {
                if character == " " || character == "\t" {
                    column += character == "\t" ? 8 - column % 8 : 1
                    index += 1
                    continue
                }
                if depth == 0 && current.isEmpty { indent = column }
                atLineStart = false
            }
            switch character {
            case "#":
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            case "\"", "'":
                let triple =
                    index + 2 < characters.count && characters[index + 1] == character
                    && characters[index + 2] == character
                quote = triple ? [character, character, character] : [character]
                current += String(quote!)
                index += quote!.count
                continue
            case "(", "[", "{":
                depth += 1
            case ")", "]", "}":
                depth = max(0, depth - 1)
            case "\\" where index + 1 < characters.count && characters[index + 1] == "\n":
                current.append(" ")
                index += 2
                atLineStart = true
                column = 0
                continue
            case "\n", "\r":
                if depth == 0 {
                    finish()
                } else {
                    current.append(" ")
                    atLineStart = true
                }
                index += 1
                continue
            default:
                break
            }
            current.append(character)
            index += 1
        }
        return result
    }
}
