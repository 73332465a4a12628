import HelpSystem

/// Checks on a requirement typed on the command line (`help install 'httpx>=0.27'`): only a plain
/// PEP 508 requirement passes; options, paths and shell syntax are refused with a message naming
/// what was given, before anything reaches an installer.
extension Requirement {
    /// Characters refused anywhere, quoted or not: shell syntax that never belongs in a requirement.
    private static let forbidden: Set<Character> = ["|", "&", "$", "`", "\\", "{", "}"]

    /// The requirement in `input`, or `HelpError.usage` saying what is wrong with it.
    public static func parseUserInput(_ input: String) throws -> Requirement {
        let text = input.trimmingPythonSpace()
        guard !text.isEmpty else { throw refusal(input, "it is empty") }
        if text.contains(where: { $0.isNewline }) { throw refusal(input, "it contains a line break") }
        if text.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" || $0.value == 127 }) {
            throw refusal(input, "it contains a control character")
        }
        if let bad = text.first(where: { forbidden.contains($0) }) {
            throw refusal(input, "'\(bad)' is shell syntax, not part of a requirement")
        }
        if let option = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first(where: { $0.hasPrefix("-") }) {
            throw refusal(input, "'\(option)' is an option; only package requirements are accepted")
        }
        if looksLikePath(text) {
            throw refusal(input, "it looks like a file path; only package names from an index or 'name @ https://…' are accepted")
        }
        if text.filter({ $0 == ";" }).count > 1 {
            throw refusal(input, "';' may appear once, before an environment marker")
        }
        let requirement: Requirement
        do {
            requirement = try Requirement(text)
        } catch let error as HelpError {
            throw HelpError.usage(error.message, hint: hint)
        }
        try requirement.checkDirectReference(input)
        try requirement.checkMarkerStrings(input)
        return requirement
    }

    // MARK: - Checks

    private static func looksLikePath(_ text: String) -> Bool {
        if text.contains("@") { return false }  // `name @ url` is judged after parsing
        let lowered = text.lowercased()
        return text.hasPrefix(".") || text.hasPrefix("/") || text.hasPrefix("~") || text.contains("/")
            || [".whl", ".tar.gz", ".zip", ".tgz", ".tar.bz2"].contains { lowered.hasSuffix($0) }
    }

    private func checkDirectReference(_ input: String) throws {
        guard let url else { return }
        let lowered = url.lowercased()
        if lowered.hasPrefix("file:") {
            throw Requirement.refusal(input, "'\(url)' is a local file; only package names from an index or remote URLs are accepted")
        }
        guard let schemeEnd = lowered.firstRange(of: "://"),
              lowered[..<schemeEnd.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" }),
              !lowered[..<schemeEnd.lowerBound].isEmpty else {
            throw Requirement.refusal(input, "'\(url)' after '@' is not a URL like https://…")
        }
        if let bad = url.first(where: { "<>;'\"".contains($0) }) {
            throw Requirement.refusal(input, "'\(bad)' does not belong in the URL '\(url)'")
        }
    }

    private func checkMarkerStrings(_ input: String) throws {
        guard let marker else { return }
        for literal in marker.literals {
            if let bad = literal.first(where: { "<>;".contains($0) }) {
                throw Requirement.refusal(input, "'\(bad)' inside the marker string \"\(literal)\" is not accepted")
            }
        }
    }

    private static let hint = "give package requirements such as httpx, 'httpx>=0.27' or 'uvicorn[standard]~=0.30'"

    private static func refusal(_ input: String, _ reason: String) -> HelpError {
        HelpError.usage("'\(input)' is not a package requirement: \(reason)", hint: hint)
    }
}

extension Marker {
    /// The quoted strings of the marker.
    var literals: [String] {
        switch self {
        case let .comparison(lhs, _, rhs):
            return [lhs, rhs].compactMap { if case .literal(let text) = $0 { return text } else { return nil } }
        case let .and(lhs, rhs), let .or(lhs, rhs):
            return lhs.literals + rhs.literals
        }
    }
}
