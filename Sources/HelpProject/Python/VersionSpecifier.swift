/// One PEP 440 version clause (`>=1.4`, `==1.*`, `~=2.2.post3`, `===foobar`) and the versions it
/// lets through, with the PEP's rules for prefixes, local labels and pre/post releases.
public struct VersionSpecifier: Sendable, Hashable, CustomStringConvertible {
    /// The comparison operators of PEP 440.
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case compatible = "~="
        case equal = "=="
        case notEqual = "!="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case less = "<"
        case greater = ">"
        case arbitrary = "==="

        /// Longest spelling first, so `===` is not read as `==` and `<=` not as `<`.
        static let bySpelling: [Operator] = [
            .arbitrary, .compatible, .equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater,
        ]
    }

    public let op: Operator
    /// The version after the operator; for `===` the parsed text when it is a valid version.
    public let version: PythonVersion?
    /// True for `==1.*` and `!=1.*`.
    public let isPrefix: Bool
    /// The text after the operator as written (trimmed); what `===` compares against.
    public let text: String

    /// Parses one clause; nil when it breaks the PEP's grammar (`~=1`, `>=1.*`, `<1.0+local`).
    public init?(_ clause: String) {
        let trimmed = PEPText.trim(clause)
        guard let op = Operator.bySpelling.first(where: { trimmed.hasPrefix($0.rawValue) }) else { return nil }
        let rest = PEPText.trim(trimmed.dropFirst(op.rawValue.count))
        guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "\t" || $0 == "," || $0 == ";" || $0 == ")" })
        else { return nil }
        self.op = op
        self.text = rest
        if op == .arbitrary {
            version = PythonVersion(rest)
            isPrefix = false
            return
        }
        isPrefix = rest.hasSuffix(".*")
        guard let parsed = PythonVersion(isPrefix ? String(rest.dropLast(2)) : rest) else { return nil }
        version = parsed
        let plain = parsed.pre == nil && parsed.post == nil && parsed.dev == nil && parsed.local.isEmpty
        switch op {
        case .equal, .notEqual:
            if isPrefix && !plain { return nil }
        case .compatible:
            if isPrefix || !parsed.local.isEmpty || parsed.release.count < 2 { return nil }
        default:
            if isPrefix || !parsed.local.isEmpty { return nil }
        }
    }

    /// `>=1.4` with the version in canonical form; `===` keeps the text as written.
    public var description: String {
        guard op != .arbitrary, let version else { return op.rawValue + text }
        return op.rawValue + version.normalized + (isPrefix ? ".*" : "")
    }

    /// True when the clause names a pre-release, which lets pre-releases through by default.
    public var mentionsPrerelease: Bool {
        guard op != .notEqual, let version else { return false }
        return version.isPrerelease
    }

    // MARK: - Matching

    /// True when `candidate` meets the clause. `prereleases: false` keeps pre-releases out; nil
    /// lets a matching pre-release in, because with a single version there is no final release
    /// to prefer (the PEP's fallback rule, as pip applies it).
    public func contains(_ candidate: PythonVersion, prereleases: Bool? = nil) -> Bool {
        if candidate.isPrerelease && prereleases == false { return false }
        return matches(candidate)
    }

    /// The operator's rule alone, without the default pre-release filter.
    func matches(_ candidate: PythonVersion) -> Bool {
        guard let spec = version else { return false }
        switch op {
        case .arbitrary:
            return candidate.normalized.lowercased() == text.lowercased()
        case .equal:
            return isPrefix ? prefixMatches(candidate, spec) : equalMatches(candidate, spec)
        case .notEqual:
            return !(isPrefix ? prefixMatches(candidate, spec) : equalMatches(candidate, spec))
        case .lessOrEqual:
            return candidate.public <= spec
        case .greaterOrEqual:
            return candidate.public >= spec
        case .compatible:
            let prefix = PythonVersion(epoch: spec.epoch, release: Array(spec.release.dropLast()))
            return candidate.public >= spec && prefixMatches(candidate, prefix)
        case .less:
            guard candidate < spec else { return false }
            // `<3.1` must not let 3.1's own pre-releases (3.1.dev0 and up) in unless it names one itself.
            var earliest = spec
            earliest.dev = 0
            if !spec.isPrerelease && candidate.isPrerelease && candidate >= earliest { return false }
            return true
        case .greater:
            guard candidate > spec else { return false }
            // `>3.1` must not let 3.1's post releases or local builds in.
            var postBase = candidate.public
            postBase.post = nil
            postBase.dev = nil
            if !spec.isPostrelease && candidate.isPostrelease && postBase == spec { return false }
            if !candidate.local.isEmpty && candidate.public == spec { return false }
            return true
        }
    }

    /// `==1.0` matches `1.0+anything`; `==1.0+abc` needs that exact label.
    private func equalMatches(_ candidate: PythonVersion, _ spec: PythonVersion) -> Bool {
        spec.local.isEmpty ? candidate.public == spec : candidate == spec
    }

    /// `==1.0.*`: same epoch, and the candidate's release (padded with zeros) starts with 1.0.
    private func prefixMatches(_ candidate: PythonVersion, _ prefix: PythonVersion) -> Bool {
        guard candidate.epoch == prefix.epoch else { return false }
        for (index, number) in prefix.release.enumerated() {
            let own = index < candidate.release.count ? candidate.release[index] : 0
            if own != number { return false }
        }
        return true
    }
}

/// Small text helpers shared by the PEP 440 and PEP 508 readers.
enum PEPText {
    /// The text without leading and trailing spaces, tabs and line breaks.
    static func trim<S: StringProtocol>(_ text: S) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
