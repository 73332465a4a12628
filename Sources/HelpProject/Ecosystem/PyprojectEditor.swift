/// Records a requirement in a string array of a pyproject.toml (`[project] dependencies`,
/// `[dependency-groups] dev`, `[project.optional-dependencies] dev`), changing only the bytes it
/// must: an entry for the same package is replaced in place (same quotes), a new one follows the
/// array's own layout (one per line with the same indentation, or inline), a missing array or
/// table is added.
public enum PyprojectEditor {
    /// The text with `requirement` recorded at `table`/`key`.
    public static func record(_ requirement: RequirementLine, table: String, key: String, in text: String) -> String {
        let scanner = PyprojectScanner(text)
        let entry = requirement.description
        if let array = scanner.array(table, key) {
            if let existing = array.elements.first(where: { sameName($0.value, requirement) }) {
                let quote = text[existing.span.lowerBound]
                return text.replacingCharacters(in: existing.span, with: quoted(entry, quote))
            }
            return append(entry, to: array, in: text)
        }
        let arrayText = "\(key) = [\n    \(quoted(entry, "\""))," + "\n]\n"
        guard let end = scanner.tableEnds[table] else {
            let separator = text.isEmpty || text.hasSuffix("\n\n") ? "" : (text.hasSuffix("\n") ? "\n" : "\n\n")
            return text + separator + "[\(table)]\n" + arrayText
        }
        // After the table's last non-blank line.
        var insertAt = end
        while insertAt > text.startIndex {
            let previous = text.index(before: insertAt)
            guard text[previous].isNewline else { break }
            let beforeNewline = text[..<previous]
            if beforeNewline.last?.isNewline == true { insertAt = previous } else { break }
        }
        if insertAt == text.endIndex && !text.hasSuffix("\n") {
            return text + "\n" + arrayText
        }
        var result = text
        result.insert(contentsOf: arrayText, at: insertAt)
        return result
    }

    /// The text with the entry for `normalizedName` removed from `table`/`key`, or nil when absent.
    public static func remove(normalizedName: String, table: String, key: String, in text: String) -> String? {
        let scanner = PyprojectScanner(text)
        guard let array = scanner.array(table, key),
              let element = array.elements.first(where: { (try? RequirementLine.parse($0.value))?.normalizedName == normalizedName }) else { return nil }
        var end = element.span.upperBound
        var probe = end
        while probe < text.endIndex, text[probe] == " " { probe = text.index(after: probe) }
        if probe < text.endIndex, text[probe] == "," { end = text.index(after: probe) }
        var start = element.span.lowerBound
        let lineStart = text[..<start].lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
        let rest = text[end...].prefix(while: { !$0.isNewline })
        if text[lineStart..<start].allSatisfy({ $0 == " " || $0 == "\t" }) && rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
            // The entry had its own line: drop the whole line.
            start = lineStart
            end = rest.endIndex < text.endIndex ? text.index(after: rest.endIndex) : rest.endIndex
        } else {
            while end < text.endIndex, text[end] == " " { end = text.index(after: end) }
        }
        return text.replacingCharacters(in: start..<end, with: "")
    }

    // MARK: - Helpers

    static func sameName(_ value: String, _ requirement: RequirementLine) -> Bool {
        (try? RequirementLine.parse(value))?.normalizedName == requirement.normalizedName
    }

    static func quoted(_ entry: String, _ quote: Character) -> String {
        if quote == "'" && !entry.contains("'") { return "'" + entry + "'" }
        var escaped = ""
        for character in entry {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + "\""
    }

    private static func append(_ entry: String, to array: PyprojectScanner.ArrayValue, in text: String) -> String {
        let quote = array.elements.last.map { text[$0.span.lowerBound] } ?? "\""
        let literal = quoted(entry, quote)
        let inside = text[array.open..<array.close]
        guard inside.contains(where: \.isNewline) else {
            // Inline array: `["a", "b"]` -> `["a", "b", "new"]`.
            guard let last = array.elements.last else {
                return text.replacingCharacters(in: text.index(after: array.open)..<array.close, with: literal)
            }
            var result = text
            result.insert(contentsOf: ", " + literal, at: last.span.upperBound)
            return result
        }
        let closeLineStart = text[..<array.close].lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? array.close
        let indent: String
        if let last = array.elements.last {
            let lineStart = text[..<last.span.lowerBound].lastIndex(where: \.isNewline).map { text.index(after: $0) } ?? text.startIndex
            indent = String(text[lineStart..<last.span.lowerBound].prefix(while: { $0 == " " || $0 == "\t" }))
        } else {
            indent = "    "
        }
        let closeOnOwnLine = text[closeLineStart..<array.close].allSatisfy { $0 == " " || $0 == "\t" }
        guard closeOnOwnLine else {
            var result = text
            result.insert(contentsOf: ",\n" + indent + literal, at: array.elements.last?.span.upperBound ?? array.close)
            return result
        }
        // The previous last element needs a comma now that something follows it.
        var before = String(text[..<closeLineStart])
        if let last = array.elements.last {
            let after = text[last.span.upperBound...].drop(while: { $0 == " " || $0 == "\t" })
            if after.first != "," {
                before = String(text[..<last.span.upperBound]) + "," + String(text[last.span.upperBound..<closeLineStart])
            }
        }
        return before + indent + literal + ",\n" + String(text[closeLineStart...])
    }
}

extension String {
    fileprivate func replacingCharacters(in range: Range<String.Index>, with replacement: String) -> String {
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
