/// A requirements file (`requirements.txt`) read for what `help install` needs: its requirements
/// with the lines they sit on, and its `-r`/`-c` includes; and edited line by line, so comments,
/// blank lines, order and line endings stay as they were.
public struct RequirementsText: Sendable, Equatable {
    /// A requirement and the physical lines (`\` continuations) it occupies.
    public struct Entry: Sendable, Equatable {
        public var requirement: RequirementLine
        public var lines: Range<Int>
    }

    /// A `-r` (requirements) or `-c` (constraints) include, with the path as written.
    public struct Include: Sendable, Equatable {
        public var path: String
        public var isConstraint: Bool
    }

    public private(set) var lines: [String]
    public let lineEnding: String
    public let endsWithNewline: Bool
    public private(set) var entries: [Entry] = []
    public private(set) var includes: [Include] = []

    public init(_ text: String) {
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        endsWithNewline = text.isEmpty || text.hasSuffix("\n")
        var split = text.components(separatedBy: lineEnding)
        if split.last == "" { split.removeLast() }
        lines = split
        scan()
    }

    /// The file's text.
    public var text: String {
        guard !lines.isEmpty else { return "" }
        return lines.joined(separator: lineEnding) + (endsWithNewline ? lineEnding : "")
    }

    /// The entry for a PEP 503 normalized name.
    public func entry(named normalizedName: String) -> Entry? {
        entries.first { $0.requirement.normalizedName == normalizedName }
    }

    // MARK: - Editing

    /// Replaces the entry for the same package (keeping a trailing comment) or appends `line`.
    public mutating func record(_ requirement: RequirementLine) {
        let line = requirement.description
        if let existing = entry(named: requirement.normalizedName) {
            let comment = RequirementsText.trailingComment(lines[existing.lines.upperBound - 1])
            lines.replaceSubrange(existing.lines, with: [line + (comment.map { "  " + $0 } ?? "")])
        } else {
            lines.append(line)
        }
        scan()
    }

    /// Removes the entry for `normalizedName`; false when there was none.
    @discardableResult
    public mutating func remove(named normalizedName: String) -> Bool {
        guard let existing = entry(named: normalizedName) else { return false }
        lines.removeSubrange(existing.lines)
        scan()
        return true
    }

    // MARK: - Reading

    private mutating func scan() {
        entries = []
        includes = []
        var index = 0
        while index < lines.count {
            let start = index
            var logical = lines[index]
            while logical.hasSuffix("\\") && index + 1 < lines.count {
                logical = String(logical.dropLast()) + lines[index + 1]
                index += 1
            }
            index += 1
            let content = RequirementsText.stripComment(logical).trimmingSpaces()
            if content.isEmpty { continue }
            if content.hasPrefix("-") {
                if let include = RequirementsText.include(content) { includes.append(include) }
                continue
            }
            // pip options after a requirement (`--hash=…`) are not part of it.
            let requirementText = content.components(separatedBy: " --").first ?? content
            if let requirement = try? RequirementLine.parse(requirementText) {
                entries.append(Entry(requirement: requirement, lines: start..<index))
            }
        }
    }

    static func include(_ option: String) -> Include? {
        for (flag, constraint) in [("--requirement", false), ("--constraint", true), ("-r", false), ("-c", true)] where option.hasPrefix(flag) {
            var rest = Substring(option.dropFirst(flag.count))
            if rest.first == "=" { rest = rest.dropFirst() }
            let path = rest.trimmingSpaces()
            return path.isEmpty ? nil : Include(path: path, isConstraint: constraint)
        }
        return nil
    }

    /// Text before ` #` (pip's comment rule: `#` at the start or after whitespace).
    static func stripComment(_ line: String) -> String {
        if line.hasPrefix("#") { return "" }
        if let range = line.firstRange(of: " #") ?? line.firstRange(of: "\t#") { return String(line[..<range.lowerBound]) }
        return line
    }

    static func trailingComment(_ line: String) -> String? {
        guard !line.hasPrefix("#"), let range = line.firstRange(of: " #") ?? line.firstRange(of: "\t#") else { return nil }
        return String(line[line.index(after: range.lowerBound)...])
    }
}

extension String {
    /// Splits on a literal separator without Foundation.
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = self[...]
        while let range = rest.firstRange(of: separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}
