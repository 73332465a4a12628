import HelpSystem

/// Splits a requirements file into logical lines the way pip reads it: backslash continuations
/// joined (a comment line ends them), comments from `#` at a line start or after whitespace, then
/// options, or a requirement followed by its own options.
enum RequirementsLineParser {
    static func parse(_ text: String) -> [RequirementsFile.Line] {
        var lines: [RequirementsFile.Line] = []
        var raw = ""
        var content = ""
        var first = 0
        var number = 0
        for physical in physicalLines(text) {
            number += 1
            if raw.isEmpty { first = number }
            // "\r\n" is one Character, so dropping the last one removes either terminator.
            let body = physical.last?.isNewline == true ? physical.dropLast() : physical[...]
            raw += physical
            if body.hasSuffix("\\"), !isCommentLine(body) {
                content += body.dropLast()
                continue
            }
            if isCommentLine(body), !content.isEmpty { content += " " }
            content += body
            lines.append(
                RequirementsFile.Line(text: raw, number: first, kind: classify(content, hadComment: raw.contains("#"))))
            raw = ""
            content = ""
        }
        if !raw.isEmpty {
            lines.append(
                RequirementsFile.Line(text: raw, number: first, kind: classify(content, hadComment: raw.contains("#"))))
        }
        return lines
    }

    /// The lines of `text`, each with its terminator (the last may have none).
    static func physicalLines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" || text[index] == "\r\n" {
            let end = text.index(after: index)
            result.append(text[start..<end])
            start = end
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// pip's comment rule: `#` at the start (after optional whitespace).
    private static func isCommentLine(_ body: Substring) -> Bool {
        body.drop { $0 == " " || $0 == "\t" }.first == "#"
    }

    /// The text before a comment: `#` at the start or preceded by whitespace starts one.
    static func stripComment(_ content: String) -> String {
        var previous: Character = " "
        for index in content.indices {
            if content[index] == "#", previous == " " || previous == "\t" {
                return String(content[..<index])
            }
            previous = content[index]
        }
        return content
    }

    // MARK: - Meaning

    private static func classify(_ content: String, hadComment: Bool) -> RequirementsFile.Kind {
        let stripped = PEPText.trim(stripComment(content))
        if stripped.isEmpty { return hadComment ? .comment : .blank }
        if stripped.hasPrefix("-") { return option(OptionTokens.split(stripped)) }
        // As pip does: the requirement runs up to the first word starting with `-`, taken verbatim
        // (markers keep their quotes); the options after it are split like shell words.
        let optionStart = OptionTokens.firstOptionWord(in: stripped) ?? stripped.endIndex
        let requirementText = PEPText.trim(stripped[..<optionStart])
        let options = OptionTokens.split(String(stripped[optionStart...]))
        do {
            return .requirement(try PythonRequirement.parse(requirementText), options: OptionTokens.joinValues(options))
        } catch {
            if looksDirect(requirementText) { return .direct(requirementText, name: eggName(requirementText)) }
            return .invalid((error as? HelpError)?.message ?? "'\(requirementText)' is not a requirement")
        }
    }

    private static func option(_ tokens: [String]) -> RequirementsFile.Kind {
        guard let (name, value) = OptionTokens.first(tokens) else { return .invalid("empty option") }
        switch name {
        case "-r", "--requirement":
            return value.map { .include($0) } ?? .invalid("\(name) needs a file name")
        case "-c", "--constraint":
            return value.map { .constraint($0) } ?? .invalid("\(name) needs a file name")
        case "-e", "--editable":
            return value.map { .editable($0) } ?? .invalid("\(name) needs a path or URL")
        default:
            return .option(name: OptionTokens.longName(name), value: value)
        }
    }

    private static func looksDirect(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("://") || lowered.hasPrefix(".") || lowered.hasPrefix("/") || lowered.hasPrefix("~")
            || lowered.contains("/")
            || [".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2"].contains { lowered.hasSuffix($0) }
    }

    /// The `#egg=name` of a URL, normalized.
    static func eggName(_ text: String) -> String? {
        guard let range = text.firstRange(of: "#egg=") else { return nil }
        let name = text[range.upperBound...].prefix { $0 != "&" && $0 != " " && $0 != ";" }
        return name.isEmpty ? nil : PythonRequirement.normalize(String(name))
    }
}
