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

    private static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{0B}" || s == "\u{0C}"
    }

    // MARK: - Writing

    /// The value as it must appear after `KEY=` so that python-dotenv reads it back unchanged and a
    /// shell that sources the file (`set -a; . ./.env`) runs nothing from it: bare when every
    /// character is inert to both, else single-quoted (nothing expands inside), else double-quoted
    /// with escapes when it holds no `$` or backquote. Nil for a value that holds a quote or a
    /// backslash as well as `$` or a backquote: no quoting keeps it both intact and inert.
    /// python-dotenv (1.2) expands `${NAME}` whatever the quotes, so such a value is read back
    /// expanded; that suits template defaults that refer to other variables.
    static func quote(_ value: String) -> String? {
        if value.unicodeScalars.allSatisfy(isInert) { return value }
        let breaksSingle: Set<Unicode.Scalar> = ["'", "\\", "\n", "\r"]
        if !value.unicodeScalars.contains(where: breaksSingle.contains) { return "'" + value + "'" }
        if value.unicodeScalars.contains(where: { $0 == "$" || $0 == "`" }) { return nil }
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

    /// Characters no shell and no dotenv reader treats specially in an unquoted value (not `~`:
    /// a shell expands it after `=` or `:` in an assignment).
    private static func isInert(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "_@%+:,./-".unicodeScalars.contains(s))
    }
}
