import HelpSystem

/// A configuration template: a dotenv file whose keys may carry markers on the comment line right
/// above them. `help run` writes a component's `.env` from it.
///
///     # Signs the session tokens.
///     # help: secret
///     SECRET_KEY=
///
/// Markers (one `# help:` line directly above the key, words separated by commas):
/// - `secret`: an empty value is generated (32 random bytes, URL-safe base64), and the value is
///   masked wherever configuration is shown;
/// - `required`: the run stops (exit 65) while the value is empty.
public struct EnvTemplate: Sendable, Equatable {
    /// One key of the template.
    public struct Entry: Sendable, Equatable {
        public var key: String
        /// The default value written into a new `.env` (empty for most secrets).
        public var value: String
        public var isSecret: Bool
        public var isRequired: Bool
        /// The comment lines directly above the key, markers included, as written.
        public var comments: [String]
        /// The line the key is on in the template, for messages.
        public var line: Int

        /// An entry as a template declares it.
        public init(
            key: String, value: String, isSecret: Bool = false, isRequired: Bool = false, comments: [String] = [],
            line: Int = 0
        ) {
            self.key = key
            self.value = value
            self.isSecret = isSecret
            self.isRequired = isRequired
            self.comments = comments
            self.line = line
        }
    }

    /// Keys in file order; a key given twice keeps its last definition, in the first place.
    public var entries: [Entry]
    /// Where the template was read from.
    public var source: EnvTemplateSource

    /// A template made of these entries.
    public init(entries: [Entry], source: EnvTemplateSource) {
        self.entries = entries
        self.source = source
    }

    /// The entry for `key`.
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    // MARK: - Parsing

    /// Reads a template: keys and values as python-dotenv reads them, markers from the comment
    /// line directly above each key (`DotEnvTemplate`), and the whole comment block above each key
    /// to copy along into `.env`. An unknown marker word, or a line python-dotenv cannot read, is
    /// a data error naming the file and line.
    public static func parse(_ text: String, source: EnvTemplateSource) throws -> EnvTemplate {
        let template = DotEnvTemplate(text: text)
        if let problem = template.problems.first {
            throw HelpError.badData(
                "\(source.label): \(problem)", hint: "markers are written `# help: secret, required`")
        }
        if let unreadable = template.file.unreadableLines.first {
            throw HelpError.badData(
                "\(source.label):\(unreadable.lowerBound): python-dotenv cannot read this line",
                hint: "close its quotes, or quote a value that holds spaces or #")
        }
        let lines = Self.lines(text)
        var entries: [Entry] = []
        for binding in template.file.entries {
            var comments: [String] = []
            var index = binding.lines.lowerBound - 2
            while index >= 0, index < lines.count, lines[index].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#")
            {
                comments.insert(lines[index], at: 0)
                index -= 1
            }
            do {
                _ = try line(key: binding.key, value: binding.value ?? "")
            } catch let error as HelpError {
                throw HelpError.badData(
                    "\(source.label):\(binding.lines.lowerBound): " + error.message, hint: error.hint)
            }
            let markers = template.markers(for: binding.key)
            let entry = Entry(
                key: binding.key, value: binding.value ?? "", isSecret: markers.contains(.secret),
                isRequired: markers.contains(.required), comments: comments, line: binding.lines.lowerBound)
            if let existing = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[existing] = entry
            } else {
                entries.append(entry)
            }
        }
        return EnvTemplate(entries: entries, source: source)
    }

    /// The text's lines numbered as the dotenv parser numbers them: a line ends at `\n`, `\r\n` or a
    /// lone `\r`. Bytes, not Characters: "\r\n" is one Character and would not split on "\n".
    static func lines(_ text: String) -> [String] {
        var lines: [String] = []
        var start = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard byte == 10 || byte == 13 else { continue }
            lines.append(String(decoding: bytes[start..<index - 1], as: UTF8.self))
            if byte == 13, index < bytes.count, bytes[index] == 10 { index += 1 }
            start = index
        }
        lines.append(String(decoding: bytes[start...], as: UTF8.self))
        return lines
    }

    /// `KEY=value` as a `.env` line, the value quoted so python-dotenv reads it back unchanged and
    /// a shell sourcing the file expands nothing; a data error for a value no quoting keeps so.
    public static func line(key: String, value: String) throws -> String {
        guard let quoted = DotEnvEscapes.quote(value) else {
            throw HelpError.badData(
                "the value of \(key) cannot be written to .env so that shells run nothing from it",
                hint: "a value may hold $ or a backquote, or quotes and backslashes, but not both")
        }
        return key + "=" + quoted
    }
}

/// Where a template came from, said in the output ("which was used").
public struct EnvTemplateSource: Sendable, Equatable {
    /// Whose template it is.
    public enum Origin: String, Sendable, Equatable {
        /// The component's own `Templates/env/` or `config/` folder.
        case component
        /// The project root's `Templates/env/` or `config/` folder.
        case project
        /// The `Templates/env/` shipped with `help` (checkout or installation).
        case tool
        /// The copy compiled into the binary.
        case builtIn = "built-in"
    }

    /// The environment name: `development`, `test`, `production`...
    public var name: String
    public var origin: Origin
    /// The file, absolute; nil for the built-in copy.
    public var path: String?

    /// A source of the template `name`.
    public init(name: String, origin: Origin, path: String?) {
        self.name = name
        self.origin = origin
        self.path = path
    }

    /// A short name for messages: the file's path, or `built-in development template`.
    public var label: String { path ?? "built-in \(name) template" }

    /// The path relative to `root` when inside it, for reports.
    public func label(relativeTo root: String) -> String {
        guard let path else { return label }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}
