/// How python-dotenv reads and how we write `.env` values: escapes inside quotes, comments after
/// unquoted values, and the quoting a new value needs to read back unchanged.
enum DotEnvEscapes {
    // MARK: - Reading

    /// Inside single quotes only `\\` and `\'` are escapes.
    static func decodeSingle(_ raw: String) -> String {
        decode(raw) { c in c == "\\" || c == "'" ? c : nil }
    }

    /// Inside double quotes: `\\ \' \" \a \b \f \n \r \t \v`; any other backslash stays.
    static func decodeDouble(_ raw: String) -> String {
        decode(raw) { c in
            switch c {
            case "\\", "'", "\"": return c
            case "a": return "\u{07}"
            case "b": return "\u{08}"
            case "f": return "\u{0C}"
            case "n": return "\n"
            case "r": return "\r"
            case "t": return "\t"
            case "v": return "\u{0B}"
            default: return nil
            }
        }
    }

    /// An unquoted value ends at whitespace followed by `#`; trailing whitespace is dropped.
    static func unquoted(_ raw: String) -> String {
        let scalars = Array(raw.unicodeScalars)
        var end = scalars.count
        for index in scalars.indices where scalars[index] == "#" && index > 0 && isWhitespace(scalars[index - 1]) {
            end = index
            while end > 0 && isWhitespace(scalars[end - 1]) { end -= 1 }
            break
        }
        while end > 0 && isWhitespace(scalars[end - 1]) { end -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[0..<end])
        return String(out)
    }

    private static func decode(_ raw: String, _ escape: (Unicode.Scalar) -> Unicode.Scalar?) -> String {
        var out = String.UnicodeScalarView()
        var iterator = raw.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if scalar == "\\", let next = pending, let decoded = escape(next) {
                out.append(decoded)
                pending = iterator.next()
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{0B}" || s == "\u{0C}" }

    // MARK: - Writing

    /// The value as it must appear after `KEY=` to read back unchanged: bare when it is plain, else
    /// double-quoted with escapes. A value holding `${` is single-quoted when it can be, but
    /// python-dotenv (1.2) expands `${NAME}` whatever the quotes, so such a value is read back
    /// expanded; that suits template defaults that refer to other variables.
    static func quote(_ value: String) -> String {
        let special: Set<Unicode.Scalar> = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "#", "'", "\"", "\u{07}", "\u{08}"]
        let expands = value.contains("${")
        guard expands || value.unicodeScalars.contains(where: special.contains) else { return value }
        if expands && !value.contains("'") && !value.contains("\\") && !value.contains("\n") && !value.contains("\r") {
            return "'" + value + "'"
        }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
