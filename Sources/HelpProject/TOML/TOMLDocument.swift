import HelpSystem

/// A parsed TOML 1.0 document: its values, and the byte positions of its headers and key/value
/// pairs so that `TOMLDocument+Editing` can change one value while keeping every other byte.
public struct TOMLDocument: Sendable {
    /// The document text, exactly as given.
    public let text: String
    public let root: TOMLTable
    /// The name used in error messages (`pyproject.toml`).
    public let fileName: String
    let entries: [TOMLEntrySpan]
    let headers: [TOMLHeaderSpan]

    /// Parses `text`; throws `HelpError.badData` with `file:line:column: reason`.
    public init(_ text: String, fileName: String = "document.toml") throws {
        var parser = TOMLParser(text, fileName: fileName)
        self.root = try parser.parse()
        self.text = text
        self.fileName = fileName
        self.entries = parser.entries
        self.headers = parser.headers
    }

    /// The value at a key path (`document["project", "name"]`).
    public subscript(path: String...) -> TOMLValue? { value(at: path) }

    /// The value at a key path, nil when any step is missing.
    public func value(at path: [String]) -> TOMLValue? {
        guard let first = path.first, let top = root[first] else { return nil }
        return top.value(at: Array(path.dropFirst()))
    }

    /// The span of the pair at `path` (not inside arrays of tables).
    func entry(at path: [String]) -> TOMLEntrySpan? {
        entries.first { $0.path == path }
    }
}
