import HelpSystem

/// A `KEY=value` assignment of a dotenv text and the line it starts on: everything templates and
/// configuration need from a dotenv file. `read` is the one place that turns dotenv text into
/// assignments, so the syntax it accepts is decided in a single spot.
public struct EnvAssignment: Sendable, Equatable {
    public var key: String
    public var value: String
    /// 1-based line of the key.
    public var line: Int

    /// An assignment of `value` to `key` on `line`.
    public init(key: String, value: String, line: Int) {
        self.key = key
        self.value = value
        self.line = line
    }

    /// The assignments of `text` in file order (a repeated key appears each time; the last wins
    /// for readers, as in python-dotenv). Accepted: blank lines, `#` comments, an optional `export `,
    /// unquoted values (a ` #` starts a comment, surrounding blanks are dropped), single-quoted
    /// values taken literally, double-quoted values with backslash escapes; quoted values may span
    /// lines. A line without `=` names a key with an empty value. An unterminated quote is a data
    /// error naming `source` and the line.
    public static func read(_ text: String, source: String) throws -> [EnvAssignment] {
        let characters = Array(text.unicodeScalars)
        var result: [EnvAssignment] = []
        var index = 0
        var line = 1
        func skip(_ set: Set<Unicode.Scalar>) {
            while index < characters.count, set.contains(characters[index]) { index += 1 }
        }
        func skipToNextLine() {
            while index < characters.count, characters[index] != "\n" { index += 1 }
            if index < characters.count { index += 1 }
            line += 1
        }
        while index < characters.count {
            skip([" ", "\t", "\r"])
            guard index < characters.count else { break }
            if characters[index] == "\n" || characters[index] == "#" {
                skipToNextLine()
                continue
            }
            let keyLine = line
            var keyStart = index
            if characters[index...].starts(with: "export ".unicodeScalars), characters[(index + 7)...].contains("=") {
                index += 7
                skip([" ", "\t"])
                keyStart = index
            }
            while index < characters.count, !["=", "\n"].contains(characters[index]) { index += 1 }
            let key = Self.text(characters[keyStart..<index]).trimmingBlanks()
            guard index < characters.count, characters[index] == "=" else {
                if !key.isEmpty { result.append(EnvAssignment(key: key, value: "", line: keyLine)) }
                skipToNextLine()
                continue
            }
            index += 1
            skip([" ", "\t"])
            let value: String
            if index < characters.count, characters[index] == "'" || characters[index] == "\"" {
                value = try quoted(characters, &index, &line, source: source, startLine: keyLine)
            } else {
                var end = index
                while end < characters.count, characters[end] != "\n" {
                    if characters[end] == "#", end > index, characters[end - 1] == " " || characters[end - 1] == "\t" { break }
                    end += 1
                }
                value = Self.text(characters[index..<end]).trimmingBlanks()
                index = end
            }
            result.append(EnvAssignment(key: key, value: value, line: keyLine))
            skipToNextLine()
        }
        return result
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// The value of a quoted field starting at `index` (on the quote); leaves `index` after the
    /// closing quote.
    private static func quoted(_ characters: [Unicode.Scalar], _ index: inout Int, _ line: inout Int, source: String, startLine: Int) throws -> String {
        let quote = characters[index]
        index += 1
        var value = String.UnicodeScalarView()
        while index < characters.count {
            let character = characters[index]
            if character == quote {
                index += 1
                return String(value)
            }
            if character == "\n" { line += 1 }
            if character == "\\", quote == "\"", index + 1 < characters.count {
                let next = characters[index + 1]
                switch next {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\\", "\"", "'": value.append(next)
                default: value.append(contentsOf: ["\\", next])
                }
                index += 2
                continue
            }
            value.append(character)
            index += 1
        }
        throw HelpError.badData("\(source):\(startLine): the value's \(quote) quote is never closed",
                                hint: "close the quote, or remove it for a value without spaces or #")
    }
}
