/// A `.env` file in the format python-dotenv reads (`KEY=value`, `export KEY=value`, quoted and
/// multi-line values, comments), kept entry by entry with the original text so that rendering an
/// unchanged file gives back the same bytes.
public struct DotEnvFile: Sendable, Equatable {
    /// How a value was quoted.
    public enum Quote: Sendable, Equatable {
        /// `'…'`: only `\\` and `\'` are escapes.
        case single
        /// `"…"`: `\n`, `\t`, `\"`, `\\` and friends are escapes.
        case double
    }

    /// One binding, comment or blank stretch, with the whitespace before it.
    public struct Entry: Sendable, Equatable {
        /// The original text, line ends included.
        public var text: String
        /// The line of the key (of the entry's start for comments and errors), from 1.
        public var line: Int
        /// The key; nil for comments, blank lines and lines that do not parse.
        public var key: String?
        /// The decoded value; nil for a key without `=` (declared, not set).
        public var value: String?
        public var quote: Quote?
        public var isExported: Bool
        /// True for a line python-dotenv skips with a warning.
        public var isError: Bool

        /// `${NAME}` and `${NAME:-default}` references in the value, which python-dotenv expands when
        /// loading; the value itself is kept as written.
        public var references: [String] {
            guard let value else { return [] }
            var names: [String] = []
            var rest = value[...]
            while let open = rest.firstRange(of: "${") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: "}") else { break }
                let name = after[..<close].prefix { $0 != ":" }
                if !name.isEmpty { names.append(String(name)) }
                rest = after[after.index(after: close)...]
            }
            return names
        }
    }

    public var entries: [Entry]

    /// Parses `.env` text; never fails, lines python-dotenv would skip are entries with `isError`.
    public init(text: String) {
        var parser = DotEnvParser(text)
        entries = parser.parse()
    }

    /// The file's text: the original bytes for every entry.
    public var text: String { entries.map(\.text).joined() }

    // MARK: - Lookups

    /// The keys in file order, each once.
    public var keys: [String] {
        var seen: Set<String> = []
        return entries.compactMap(\.key).filter { seen.insert($0).inserted }
    }

    /// True when the file mentions `key`, with or without a value.
    public func contains(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The value of `key` as python-dotenv would load it before interpolation (the last binding
    /// wins); nil when absent or declared without `=`.
    public func value(for key: String) -> String? {
        entries.last { $0.key == key }?.value
    }

    /// `line N: …` for each line python-dotenv would skip.
    public var problems: [String] {
        entries.filter(\.isError).map { "line \($0.line): cannot parse '\($0.text.trimmingPythonSpace())'" }
    }
}
