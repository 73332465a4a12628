/// Reads `.env` text exactly as python-dotenv does: one binding after another, each owning the
/// whitespace before it, `export` prefixes, quoted or unquoted keys, single- or double-quoted values
/// (which may span lines) with their escapes, unquoted values cut at ` #`, and a line that does not
/// parse skipped to its end as an error.
struct DotEnvParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every binding, in order; their texts put together are the input.
    mutating func parse() -> [DotEnvFile.Entry] {
        var entries: [DotEnvFile.Entry] = []
        var line = 1
        while index < scalars.count {
            let start = index
            let entry = parseBinding()
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            let leading = scalars[start..<index].prefix(while: DotEnvParser.isSpace)
            let keyLine = line + DotEnvParser.lineBreaks(in: leading)
            entries.append(DotEnvFile.Entry(text: text, line: entry.key == nil ? line : keyLine, key: entry.key,
                                            value: entry.value, quote: entry.quote, isExported: entry.exported,
                                            isError: entry.error))
            line += DotEnvParser.lineBreaks(in: scalars[start..<index])
        }
        return entries
    }

    /// What one binding read: key, value and how it was written.
    private struct Binding {
        var key: String?
        var value: String?
        var quote: DotEnvFile.Quote?
        var exported = false
        var error = false
    }

    /// A binding that does not parse; the rest of its line is skipped.
    private struct Failure: Error {}

    private mutating func parseBinding() -> Binding {
        do {
            while index < scalars.count, DotEnvParser.isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else { return Binding() }
            var binding = Binding()
            binding.exported = consumeExport()
            binding.key = try parseKey()
            skipInlineSpace()
            if peek() == "=" {
                index += 1
                skipInlineSpace()
                (binding.value, binding.quote) = try parseValue()
            }
            let beforeComment = index
            skipInlineSpace()
            if peek() == "#" {
                while let scalar = peek(), scalar != "\n", scalar != "\r" { index += 1 }
            } else {
                index = beforeComment
            }
            skipInlineSpace()
            guard consumeLineEnd() else { throw Failure() }
            return binding
        } catch {
            while let scalar = peek(), scalar != "\n", scalar != "\r" { index += 1 }
            _ = consumeLineEnd()
            return Binding(error: true)
        }
    }

    // MARK: - Parts

    /// `export` followed by blanks (not a line end).
    private mutating func consumeExport() -> Bool {
        let word: [Unicode.Scalar] = ["e", "x", "p", "o", "r", "t"]
        guard index + 6 < scalars.count, Array(scalars[index..<index + 6]) == word,
              DotEnvParser.isInlineSpace(scalars[index + 6]) else { return false }
        index += 6
        skipInlineSpace()
        return true
    }

    private mutating func parseKey() throws -> String? {
        guard let first = peek() else { throw Failure() }
        if first == "#" { return nil }
        let start = index
        if first == "'" {
            index += 1
            while let scalar = peek(), scalar != "'" { index += 1 }
            guard peek() == "'", index > start + 1 else { throw Failure() }
            index += 1
            return String(String.UnicodeScalarView(scalars[start + 1..<index - 1]))
        }
        while let scalar = peek(), scalar != "=", scalar != "#", !DotEnvParser.isSpace(scalar) { index += 1 }
        guard index > start else { throw Failure() }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func parseValue() throws -> (String, DotEnvFile.Quote?) {
        guard let first = peek(), first != "\n", first != "\r" else { return ("", nil) }
        if first == "'" || first == "\"" {
            let body = try quotedBody(first)
            let escapes: Set<Unicode.Scalar> = first == "'" ? ["\\", "'"] : ["\\", "'", "\"", "a", "b", "f", "n", "r", "t", "v"]
            return (DotEnvParser.decode(body, escapes: escapes), first == "'" ? .single : .double)
        }
        let start = index
        while let scalar = peek(), scalar != "\n", scalar != "\r" { index += 1 }
        return (DotEnvParser.unquoted(scalars[start..<index]), nil)
    }

    /// The text between quotes, where a backslash-quote does not close; when the text ends first,
    /// the last backslash-quote closes after all (as the regular expression backtracks).
    private mutating func quotedBody(_ quote: Unicode.Scalar) throws -> ArraySlice<Unicode.Scalar> {
        let open = index
        var position = index + 1
        var lastEscapedQuote: Int?
        while position < scalars.count {
            if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == quote {
                lastEscapedQuote = position + 1
                position += 2
            } else if scalars[position] == quote {
                index = position + 1
                return scalars[open + 1..<position]
            } else {
                position += 1
            }
        }
        guard let close = lastEscapedQuote else { throw Failure() }
        index = close + 1
        return scalars[open + 1..<close]
    }

    // MARK: - Text rules

    /// Escapes python-dotenv decodes: `\x` for the listed letters, anything else kept as written.
    private static func decode(_ body: ArraySlice<Unicode.Scalar>, escapes: Set<Unicode.Scalar>) -> String {
        var result = String.UnicodeScalarView()
        var position = body.startIndex
        while position < body.endIndex {
            let scalar = body[position]
            if scalar == "\\", position + 1 < body.endIndex, escapes.contains(body[position + 1]) {
                let letter = body[position + 1]
                let decoded: [Unicode.Scalar: Unicode.Scalar] = ["a": "\u{07}", "b": "\u{08}", "f": "\u{0C}",
                                                                 "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}"]
                result.append(decoded[letter] ?? letter)
                position += 2
            } else {
                result.append(scalar)
                position += 1
            }
        }
        return String(result)
    }

    /// An unquoted value: cut at the first run of whitespace followed by `#`, trailing space dropped.
    private static func unquoted(_ part: ArraySlice<Unicode.Scalar>) -> String {
        var end = part.endIndex
        var position = part.startIndex
        while position < part.endIndex {
            if isSpace(part[position]) {
                var after = position
                while after < part.endIndex, isSpace(part[after]) { after += 1 }
                if after < part.endIndex, part[after] == "#" {
                    end = position
                    break
                }
                position = after
            } else {
                position += 1
            }
        }
        var trimmed = part[part.startIndex..<end]
        while let last = trimmed.last, isSpace(last) { trimmed = trimmed.dropLast() }
        return String(String.UnicodeScalarView(trimmed))
    }

    private mutating func skipInlineSpace() {
        while let scalar = peek(), DotEnvParser.isInlineSpace(scalar) { index += 1 }
    }

    private mutating func consumeLineEnd() -> Bool {
        guard let scalar = peek() else { return true }
        if scalar == "\r" {
            index += peek(1) == "\n" ? 2 : 1
            return true
        }
        if scalar == "\n" {
            index += 1
            return true
        }
        return false
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }
    static func isInlineSpace(_ scalar: Unicode.Scalar) -> Bool { isSpace(scalar) && scalar != "\n" && scalar != "\r" }

    static func lineBreaks<C: Collection>(in scalars: C) -> Int where C.Element == Unicode.Scalar {
        var count = 0
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if scalar == "\n", previous != "\r" { count += 1 }
            if scalar == "\r" { count += 1 }
            previous = scalar
        }
        return count
    }
}
