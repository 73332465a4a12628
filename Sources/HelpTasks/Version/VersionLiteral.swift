/// Finding a version literal in source text without rewriting anything around it: the top-level
/// `"version"` string of a package.json, and `__version__ = "…"` in a Python module.
enum VersionLiteral {
    /// The value and the range of its characters (inside the quotes).
    typealias Found = (value: String, range: Range<String.Index>)

    /// The top-level `"version": "…"` of a JSON object: strings and nesting are tracked so a
    /// `version` key of a nested object is not taken.
    static func jsonVersion(in text: String) -> Found? {
        var depth = 0
        var index = text.startIndex
        var lastKey: String?
        var expectingValue = false
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                let start = text.index(after: index)
                var end = start
                while end < text.endIndex && text[end] != "\"" {
                    // A backslash escapes the next character, which may be a quote.
                    let step = text[end] == "\\" ? 2 : 1
                    end = text.index(end, offsetBy: step, limitedBy: text.endIndex) ?? text.endIndex
                }
                guard end < text.endIndex else { return nil }
                let value = String(text[start..<end])
                if depth == 1 && expectingValue && lastKey == "version" { return (value, start..<end) }
                if depth == 1 && !expectingValue { lastKey = value }
                expectingValue = false
                index = text.index(after: end)
                continue
            }
            switch character {
            case "{", "[":
                depth += 1
                expectingValue = false
            case "}", "]": depth -= 1
            case ":": expectingValue = true
            case ",":
                expectingValue = false
                lastKey = nil
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `__version__ = "1.0"` (or single quotes, optional `: str`) at the start of a line.
    static func dunderVersion(in text: String) -> Found? {
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if line.hasPrefix("__version__"), let equals = line.firstIndex(of: "=") {
                let afterEquals = line[line.index(after: equals)...]
                if let open = afterEquals.firstIndex(where: { $0 == "\"" || $0 == "'" }),
                    afterEquals[..<open].allSatisfy({ $0 == " " })
                {
                    let start = line.index(after: open)
                    if let close = line[start...].firstIndex(of: line[open]) {
                        return (String(line[start..<close]), start..<close)
                    }
                }
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        return nil
    }

    static func replacing(_ range: Range<String.Index>, in text: String, with value: String) -> String {
        var copy = text
        copy.replaceSubrange(range, with: value)
        return copy
    }
}
