import HelpSystem

/// A `.env` file as python-dotenv reads it, kept byte for byte so that adding keys leaves every
/// existing line, comment and quote exactly as the user wrote it.
public struct DotEnvFile: Sendable, Equatable {
    /// One `KEY=value` binding.
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// The value after unquoting and unescaping; nil for a bare `KEY` without `=`.
        public var value: String?
        /// The 1-based lines the binding spans (more than one for a multi-line quoted value).
        public var lines: ClosedRange<Int>
    }

    /// The text exactly as read.
    public let text: String
    let chunks: [DotEnvParser.Chunk]

    /// Reads `.env` text; lines python-dotenv cannot read are kept as they are and skipped.
    public init(text: String) {
        self.text = text
        self.chunks = DotEnvParser.parse(text)
    }

    // MARK: - Reading

    /// Every binding, in file order (a key may appear more than once; the last one wins).
    public var entries: [Entry] {
        chunks.compactMap { chunk in
            guard case .binding(let key, let value) = chunk.kind else { return nil }
            return Entry(key: key, value: value, lines: chunk.lines)
        }
    }

    /// The distinct keys, in the order they first appear.
    public var keys: [String] {
        var seen = Set<String>()
        return entries.map(\.key).filter { seen.insert($0).inserted }
    }

    /// The value python-dotenv would load for `key`: the last binding's, `""` for a bare `KEY`,
    /// nil when the key is absent.
    public func value(for key: String) -> String? {
        guard let entry = entries.last(where: { $0.key == key }) else { return nil }
        return entry.value ?? ""
    }

    /// Keys whose unquoted value starts with `#`: `KEY= # note` looks like an empty key with a
    /// comment, but python-dotenv (1.2) loads `# note` as the value, and so does this reader.
    public var commentLikeValues: [String] {
        let bytes = Array(text.utf8)
        return chunks.compactMap { chunk in
            guard case .binding(let key, let value?) = chunk.kind, value.hasPrefix("#"),
                let equals = bytes[chunk.bytes].firstIndex(of: UInt8(ascii: "="))
            else { return nil }
            let first = bytes[(equals + 1)..<chunk.bytes.upperBound].first { !DotEnvParser.isInlineSpace($0) }
            return first == UInt8(ascii: "#") ? key : nil
        }
    }

    /// Lines python-dotenv cannot read (an unclosed quote, text after a closing quote).
    public var unreadableLines: [ClosedRange<Int>] {
        chunks.filter { $0.kind == .invalid }.map(\.lines)
    }

    /// The text to write back; identical to what was read when nothing was added.
    public func render() -> String { text }

    // MARK: - Editing

    /// The file with a `KEY=value` line appended for each key it does not have yet (existing
    /// values are never touched), and the keys that were added. Values are quoted when needed so
    /// they read back unchanged. Throws a data error for a key that is not an environment name.
    public func adding(missing pairs: [(key: String, value: String)]) throws -> (file: DotEnvFile, added: [String]) {
        var present = Set(keys)
        var added: [String] = []
        var appended = ""
        let newline = text.utf8.contains(13) ? "\r\n" : "\n"
        for (key, value) in pairs where !present.contains(key) {
            guard DotEnvFile.isEnvironmentName(key) else {
                throw HelpError.badData(
                    "\(JSONValue.quoted(key)) cannot be written to a .env file",
                    hint: "use letters, digits and underscores, not starting with a digit")
            }
            present.insert(key)
            added.append(key)
            appended += try EnvTemplate.line(key: key, value: value) + newline
        }
        guard !added.isEmpty else { return (self, []) }
        // Bytes, not Characters: "\r\n" is one Character, so hasSuffix("\n") would miss it.
        let separator = text.utf8.last.map { $0 == 10 || $0 == 13 } ?? true ? "" : newline
        return (DotEnvFile(text: text + separator + appended), added)
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`: what every shell and python-dotenv agree is a variable name.
    static func isEnvironmentName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }

    public static func == (a: DotEnvFile, b: DotEnvFile) -> Bool { a.text == b.text }
}
