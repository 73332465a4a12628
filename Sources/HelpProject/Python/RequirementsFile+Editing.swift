/// Edits of a requirements file that change only the line concerned: a requirement replaced in
/// place (indentation, other options and inline comment kept), appended with the file's own line
/// ending, or removed.
extension RequirementsFile {
    /// What an `upsert` did.
    public enum Change: Sendable, Equatable {
        /// Appended as a new last line.
        case added
        /// Replaced the line that held `previous` (its text without comment).
        case replaced(previous: PythonRequirement, droppedHashes: Bool)
        /// The same requirement was already there.
        case unchanged
    }

    /// Puts `requirement` in the file: replaces the first line for the same (normalized) name in
    /// place, or appends it. Hashes of a replaced line are dropped, as they pin the old files.
    @discardableResult
    public mutating func upsert(_ requirement: PythonRequirement) -> Change {
        guard let index = indexOfRequirement(named: requirement.normalizedName),
            case .requirement(let previous, let options) = lines[index].kind
        else {
            append(requirement)
            return .added
        }
        if previous == requirement, previous.description == requirement.description { return .unchanged }
        let kept = options.filter { !$0.hasPrefix("--hash") }
        let old = lines[index].text
        let indent = String(old.prefix { $0 == " " || $0 == "\t" })
        var text = indent + requirement.description
        if !kept.isEmpty { text += " " + kept.joined(separator: " ") }
        text += RequirementsFile.inlineComment(of: old) + RequirementsFile.terminator(of: old)
        lines[index] = Line(text: text, number: lines[index].number, kind: .requirement(requirement, options: kept))
        return .replaced(previous: previous, droppedHashes: kept.count != options.count)
    }

    /// Removes every line for `name` (any spelling); returns how many went.
    @discardableResult
    public mutating func remove(_ name: String) -> Int {
        let normalized = PythonRequirement.normalize(name)
        let lastHadTerminator = lines.last.map { !RequirementsFile.terminator(of: $0.text).isEmpty } ?? true
        let before = lines.count
        lines.removeAll { line in
            if case .requirement(let requirement, _) = line.kind { return requirement.normalizedName == normalized }
            return false
        }
        // Keep "no newline at end of file" when the old last line was the one removed.
        if !lastHadTerminator, var last = lines.last, !RequirementsFile.terminator(of: last.text).isEmpty {
            last.text = String(last.text.dropLast())
            lines[lines.count - 1] = last
        }
        return before - lines.count
    }

    // MARK: - Helpers

    private func indexOfRequirement(named normalized: String) -> Int? {
        lines.firstIndex { line in
            if case .requirement(let requirement, _) = line.kind { return requirement.normalizedName == normalized }
            return false
        }
    }

    private mutating func append(_ requirement: PythonRequirement) {
        let newline = lines.first.map { $0.text.contains("\r\n") } == true ? "\r\n" : "\n"
        let number =
            lines.last.map { last in
                let breaks = last.text.filter(\.isNewline).count
                return last.number + breaks + (last.text.last?.isNewline == true ? 0 : 1)
            } ?? 1
        var text = requirement.description
        if var last = lines.last, RequirementsFile.terminator(of: last.text).isEmpty {
            last.text += newline  // the file ended without a newline, and still will
            lines[lines.count - 1] = last
        } else {
            text += newline
        }
        lines.append(Line(text: text, number: number, kind: .requirement(requirement, options: [])))
    }

    /// The line ending of a line's text (`\n`, `\r\n` or none).
    static func terminator(of text: String) -> String {
        text.last.map { $0.isNewline ? String($0) : "" } ?? ""
    }

    /// The inline comment of the last physical line, with the blanks before it (`  # pinned`).
    static func inlineComment(of text: String) -> String {
        let body = text.last?.isNewline == true ? String(text.dropLast()) : text
        let lastLine = body.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? body
        let code = RequirementsLineParser.stripComment(lastLine)
        guard code.count < lastLine.count else { return "" }
        let blanks = code.reversed().prefix { $0 == " " || $0 == "\t" }
        return String(blanks) + lastLine.dropFirst(code.count)
    }
}
