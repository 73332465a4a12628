import HelpSystem

/// A pip requirements file kept line by line with each line's original text, so that reading and
/// writing it back gives the same bytes and edits touch only the lines they change.
public struct RequirementsFile: Sendable, Equatable {
    /// One logical line: a physical line, or several joined by trailing backslashes.
    public struct Line: Sendable, Equatable {
        /// The original text, line terminators and continuation backslashes included.
        public var text: String
        /// The 1-based number of its first physical line.
        public var number: Int
        public var kind: Kind

        /// A line with its original text, number and meaning.
        public init(text: String, number: Int, kind: Kind) {
            self.text = text
            self.number = number
            self.kind = kind
        }
    }

    /// What a logical line means to pip.
    public enum Kind: Sendable, Equatable {
        case blank
        case comment
        /// A PEP 508 requirement with its per-requirement options (`--hash=sha256:…`, …).
        case requirement(PythonRequirement, options: [String])
        /// `-r file` / `--requirement file`.
        case include(String)
        /// `-c file` / `--constraint file`.
        case constraint(String)
        /// `-e target` / `--editable target`.
        case editable(String)
        /// A URL or path installed directly (`./pkg`, `https://…/x.whl`), with its `#egg=` name if any.
        case direct(String, name: String?)
        /// A global option: `--index-url`, `--extra-index-url`, `--find-links`, `--no-index`, `--pre`, …
        case option(name: String, value: String?)
        /// A line pip would refuse, with the reason.
        case invalid(String)
    }

    /// Where the file lives, for messages and for resolving `-r` includes.
    public var path: String?
    public var lines: [Line]

    /// Parses `text`; never fails, lines pip would refuse become `.invalid` (see `problems`).
    public init(text: String, path: String? = nil) {
        self.path = path
        self.lines = RequirementsLineParser.parse(text)
    }

    /// The file's text: the original bytes for every line not edited.
    public var text: String { lines.map(\.text).joined() }

    // MARK: - Reading

    /// The requirements of this file alone (no includes), with their line numbers.
    public var requirements: [(requirement: PythonRequirement, line: Int)] {
        lines.compactMap { line in
            if case .requirement(let requirement, _) = line.kind { return (requirement, line.number) }
            return nil
        }
    }

    /// The first requirement for `name` (any spelling).
    public func requirement(named name: String) -> PythonRequirement? {
        let normalized = PythonRequirement.normalize(name)
        return requirements.first { $0.requirement.normalizedName == normalized }?.requirement
    }

    /// `file:line: reason` for every line pip would refuse.
    public var problems: [String] {
        lines.compactMap { line in
            if case .invalid(let reason) = line.kind { return "\(path ?? "requirements"):\(line.number): \(reason)" }
            return nil
        }
    }

    /// True when some requirement carries `--hash`, which makes pip require hashes for all of them.
    public var usesHashes: Bool {
        lines.contains { line in
            if case .requirement(_, let options) = line.kind { return options.contains { $0.hasPrefix("--hash") } }
            if case .option(let name, _) = line.kind { return name == "--require-hashes" }
            return false
        }
    }
}
