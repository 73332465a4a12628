import HelpSystem

/// A `.env` template whose comments mark keys: `# help: secret` (generate a random value, never
/// print it) and `# help: required` (the user must fill it in), alone or as `secret, required`,
/// on the line directly above the key.
public struct DotEnvTemplate: Sendable, Equatable {
    /// What a template comment can say about the key below it.
    public enum Marker: String, Sendable, Hashable, CaseIterable {
        case secret
        case required
    }

    public let file: DotEnvFile
    private let markersByKey: [String: Set<Marker>]
    /// Marker words that are not known (`# help: secert` on line 3), so a typo does not go unseen.
    public let problems: [String]

    /// Reads a template's text and its markers.
    public init(text: String) {
        self.init(file: DotEnvFile(text: text))
    }

    /// Reads the markers of an already parsed file.
    public init(file: DotEnvFile) {
        self.file = file
        var byLine: [Int: String] = [:]
        for chunk in file.chunks {
            if case .comment(let comment) = chunk.kind { byLine[chunk.lines.lowerBound] = comment }
        }
        var markers: [String: Set<Marker>] = [:]
        var problems: [String] = []
        for entry in file.entries {
            let line = entry.lines.lowerBound - 1
            guard let comment = byLine[line], let words = DotEnvTemplate.markerWords(comment) else { continue }
            for word in words {
                if let marker = Marker(rawValue: word) {
                    markers[entry.key, default: []].insert(marker)
                } else {
                    problems.append("line \(line): unknown marker \(JSONValue.quoted(word)) (known: secret, required)")
                }
            }
        }
        self.markersByKey = markers
        self.problems = problems
    }

    /// The markers on `key`; empty when it has none.
    public func markers(for key: String) -> Set<Marker> { markersByKey[key] ?? [] }

    /// Keys marked secret, in file order.
    public var secretKeys: [String] { file.keys.filter { markers(for: $0).contains(.secret) } }

    /// Keys marked required, in file order.
    public var requiredKeys: [String] { file.keys.filter { markers(for: $0).contains(.required) } }

    /// The words of a `# help: a, b` comment, lower-cased; nil for any other comment.
    static func markerWords(_ comment: String) -> [String]? {
        var body = Substring(comment)
        guard body.first == "#" else { return nil }
        body = body.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard body.lowercased().hasPrefix("help:") else { return nil }
        return body.dropFirst(5).split(separator: ",").map { PEPText.trim($0).lowercased() }.filter { !$0.isEmpty }
    }
}
