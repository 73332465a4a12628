/// What `help hash --check` found: one outcome per listed file plus the malformed lines, with the
/// lines and warnings sha256sum would print and whether the check passed.
public struct HashCheckReport: Sendable {
    /// The verdict for one listed file.
    public enum Outcome: Equatable, Sendable {
        case ok
        /// The contents do not match the listed digest.
        case failed
        /// The file could not be opened or read; the reason is the error message.
        case unreadable(String)
    }

    /// One listed file and its verdict.
    public struct Result: Equatable, Sendable {
        /// The SUMS line.
        public var entry: HashCheckFormat.Entry
        /// What the file on disk turned out to be.
        public var outcome: Outcome
    }

    /// The SUMS file as named by the user, for messages.
    public var sumsName: String
    /// One verdict per usable line, in file order.
    public var results: [Result] = []
    /// 1-based numbers of the malformed lines.
    public var malformedLines: [Int]
    /// Whether malformed lines fail the check.
    public var strict: Bool
    /// Listed files skipped because they do not exist (`ignoreMissing`).
    public var ignoredCount = 0

    /// A report; `HashCheck.verify` fills in the results.
    public init(sumsName: String, results: [Result] = [], malformedLines: [Int] = [], strict: Bool = false) {
        self.sumsName = sumsName
        self.results = results
        self.malformedLines = malformedLines
        self.strict = strict
    }

    // MARK: - Counts

    /// Files that matched.
    public var okCount: Int { results.filter { $0.outcome == .ok }.count }
    /// Files whose contents differ from the listed digest.
    public var failedCount: Int { results.filter { $0.outcome == .failed }.count }
    /// Files that could not be opened or read.
    public var unreadableCount: Int { results.count - okCount - failedCount }

    /// True when every listed file matched and the list had at least one usable line (and, with
    /// `strict`, no malformed ones). The CLI exits 0 exactly when this holds, 1 otherwise.
    public var succeeded: Bool {
        !results.isEmpty && okCount == results.count && !(strict && !malformedLines.isEmpty)
    }

    // MARK: - Output

    /// The per-file lines for stdout: `name: OK`, `name: FAILED`, `name: FAILED open or read`.
    public var lines: [String] {
        results.map { result in
            let name = HashCheckFormat.displayName(result.entry.name)
            switch result.outcome {
            case .ok: return "\(name): OK"
            case .failed: return "\(name): FAILED"
            case .unreadable: return "\(name): FAILED open or read"
            }
        }
    }

    /// The summary warnings for stderr, in sha256sum's wording.
    public var warnings: [String] {
        var out: [String] = []
        for result in results {
            if case .unreadable(let reason) = result.outcome { out.append(reason) }
        }
        if results.isEmpty {
            let why = ignoredCount > 0 ? "no file was verified" : "no properly formatted checksum lines found"
            out.append("\(sumsName): \(why)")
            return out
        }
        if !malformedLines.isEmpty {
            out.append("WARNING: \(Self.count(malformedLines.count, "line is", "lines are")) improperly formatted")
        }
        if unreadableCount > 0 {
            out.append("WARNING: \(Self.count(unreadableCount, "listed file", "listed files")) could not be read")
        }
        if failedCount > 0 {
            out.append("WARNING: \(Self.count(failedCount, "computed checksum", "computed checksums")) did NOT match")
        }
        return out
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
