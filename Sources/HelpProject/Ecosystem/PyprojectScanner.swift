/// Reads the parts of a pyproject.toml that decide dependencies (`[project] dependencies`,
/// `requires-python`, optional-dependencies, `[dependency-groups]`, `[build-system] requires`,
/// Poetry's dependency tables) and remembers where each array and string sits in the text, so
/// `PyprojectEditor` can change one entry and leave every other byte alone.
public struct PyprojectScanner: Sendable {
    /// A string inside an array, with its span in the text (quotes included).
    public struct Element: Sendable, Equatable {
        public var value: String
        public var span: Range<String.Index>
    }

    /// An array value: its elements and where `[` and `]` are.
    public struct ArrayValue: Sendable, Equatable {
        public var elements: [Element]
        /// `{include-group = "name"}` entries of a dependency group.
        public var includedGroups: [String]
        public var open: String.Index
        public var close: String.Index
    }

    /// A `key = value` line of a table.
    public enum Value: Sendable, Equatable {
        case array(ArrayValue)
        case string(String)
        /// An inline table or another scalar, as written.
        case raw(String)
    }

    public let text: String
    /// `table -> key -> value`; tables are named by their header (`project.optional-dependencies`).
    public private(set) var tables: [String: [String: Value]] = [:]
    /// Table names in the order they appear, and where each table's content ends.
    public private(set) var tableEnds: [String: String.Index] = [:]

    public init(_ text: String) {
        self.text = text
        scan()
    }

    public func value(_ table: String, _ key: String) -> Value? { tables[table]?[key] }

    public func array(_ table: String, _ key: String) -> ArrayValue? {
        if case .array(let array) = value(table, key) { return array }
        return nil
    }

    public func string(_ table: String, _ key: String) -> String? {
        if case .string(let text) = value(table, key) { return text }
        return nil
    }

    // MARK: - Scanning

    private mutating func scan() {
        var table = ""
        var index = text.startIndex
        tables[""] = [:]
        while index < text.endIndex {
            skip(&index, while: { $0 == " " || $0 == "\t" || $0.isNewline })
            guard index < text.endIndex else { break }
            let c = text[index]
            if c == "#" {
                skipLine(&index)
            } else if c == "[" {
                tableEnds[table] = lineStart(index)
                let isArrayTable = text[index...].hasPrefix("[[")
                let close = text[index...].firstIndex(of: "]") ?? text.endIndex
                let name = String(text[text.index(after: index)..<close]).filter { $0 != "[" && $0 != " " && $0 != "\"" }
                table = isArrayTable ? "[[" + name + "]]" : name
                if tables[table] == nil { tables[table] = [:] }
                index = close
                skipLine(&index)
            } else {
                let keyEnd = text[index...].firstIndex(of: "=") ?? text.endIndex
                let key = String(text[index..<keyEnd]).filter { $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" }
                guard keyEnd < text.endIndex else { break }
                index = text.index(after: keyEnd)
                skip(&index, while: { $0 == " " || $0 == "\t" })
                let value = readValue(&index)
                tables[table, default: [:]][key] = value
                skipLine(&index)
            }
        }
        tableEnds[table] = text.endIndex
    }

    private func readValue(_ index: inout String.Index) -> Value {
        guard index < text.endIndex else { return .raw("") }
        let start = index
        switch text[index] {
        case "[":
            var elements: [Element] = []
            var groups: [String] = []
            index = text.index(after: index)
            while index < text.endIndex, text[index] != "]" {
                let c = text[index]
                if c == "\"" || c == "'" {
                    let begin = index
                    let value = readString(&index)
                    elements.append(Element(value: value, span: begin..<index))
                } else if c == "#" {
                    skipToLineEnd(&index)
                } else if c == "{" {
                    let close = text[index...].firstIndex(of: "}") ?? text.endIndex
                    let inline = PyprojectScanner(String(text[text.index(after: index)..<close]).replacingCommas())
                    if let group = inline.string("", "include-group") { groups.append(group) }
                    index = close < text.endIndex ? text.index(after: close) : close
                } else {
                    index = text.index(after: index)
                }
            }
            let close = index
            if index < text.endIndex { index = text.index(after: index) }
            return .array(ArrayValue(elements: elements, includedGroups: groups, open: start, close: close))
        case "\"", "'":
            return .string(readString(&index))
        default:
            skipToLineEnd(&index)
            return .raw(String(text[start..<index]).trimmingSpaces())
        }
    }

    /// Reads a basic ("…", with escapes) or literal ('…') string and moves past it.
    private func readString(_ index: inout String.Index) -> String {
        let quote = text[index]
        index = text.index(after: index)
        var value = ""
        while index < text.endIndex, text[index] != quote {
            if quote == "\"" && text[index] == "\\" {
                index = text.index(after: index)
                guard index < text.endIndex else { break }
            }
            value.append(text[index])
            index = text.index(after: index)
        }
        if index < text.endIndex { index = text.index(after: index) }
        return value
    }

    private func skip(_ index: inout String.Index, while accept: (Character) -> Bool) {
        while index < text.endIndex, accept(text[index]) { index = text.index(after: index) }
    }

    private func skipToLineEnd(_ index: inout String.Index) {
        while index < text.endIndex, !text[index].isNewline { index = text.index(after: index) }
    }

    private func skipLine(_ index: inout String.Index) {
        skipToLineEnd(&index)
        if index < text.endIndex { index = text.index(after: index) }
    }

    private func lineStart(_ index: String.Index) -> String.Index {
        guard let newline = text[..<index].lastIndex(where: \.isNewline) else { return text.startIndex }
        return text.index(after: newline)
    }
}

extension String {
    /// Inline tables separate keys with commas; the scanner reads one key per line.
    fileprivate func replacingCommas() -> String { String(map { $0 == "," ? "\n" : $0 }) }
}
