import HelpSystem

/// One PEP 440 version clause such as `>=1.4`, `~=2.2.post3`, `==1.*`, `!=1.5+local` or `===foo`,
/// checked on parsing with the PEP's rules for which forms each operator accepts.
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
    }

    public let op: Operator
    /// The version text as written after the operator (spaces trimmed), `.*` included.
    public let versionText: String
    /// The parsed version (for `==1.2.*` the prefix `1.2`); nil for `===` with a non-PEP 440 text.
    public let version: PythonVersion?
    /// True for prefix matching: `==1.2.*` and `!=1.2.*`.
    public let isWildcard: Bool

    /// Parses one clause; throws `HelpError.badData` saying what is wrong with it.
    public init(_ text: String) throws {
        let trimmed = text.trimmingPythonSpace()
        guard let op = Operator.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
            .first(where: { trimmed.hasPrefix($0.rawValue) })
        else {
            throw VersionSpecifier.invalid(text, "it does not start with ~=, ==, !=, <=, >=, <, > or ===")
        }
        let rest = String(trimmed.dropFirst(op.rawValue.count)).trimmingPythonSpace()
        guard !rest.isEmpty else { throw VersionSpecifier.invalid(text, "a version must follow \(op.rawValue)") }
        self.op = op
        self.versionText = rest
        if op == .arbitrary {
            guard !rest.contains(where: { $0 == ";" || $0 == ")" || $0.isWhitespace }) else {
                throw VersionSpecifier.invalid(text, "=== takes one word without spaces, ';' or ')'")
            }
            version = PythonVersion.parse(rest)
            isWildcard = false
            return
        }
        isWildcard = rest.hasSuffix(".*")
        let versionPart = isWildcard ? String(rest.dropLast(2)) : rest
        guard let parsed = PythonVersion.parse(versionPart), !versionPart.contains(where: \.isWhitespace) else {
            throw VersionSpecifier.invalid(text, "'\(versionPart)' is not a PEP 440 version")
        }
        version = parsed
        try VersionSpecifier.check(op: op, version: parsed, wildcard: isWildcard, text: text)
    }

    /// The PEP's per-operator limits on the forms a version may take.
    private static func check(op: Operator, version: PythonVersion, wildcard: Bool, text: String) throws {
        if wildcard {
            guard op == .equal || op == .notEqual else {
                throw invalid(text, "only == and != accept a .* prefix")
            }
            guard !version.isPrerelease, version.post == nil, version.local.isEmpty else {
                throw invalid(text, "a .* prefix may only follow release numbers")
            }
        }
        if !version.local.isEmpty, op != .equal, op != .notEqual {
            throw invalid(text, "only == and != accept a local version label")
        }
        if op == .compatible, version.release.count < 2 {
            throw invalid(text, "~= needs at least two release numbers (~=1.4, not ~=1)")
        }
    }

    private static func invalid(_ text: String, _ reason: String) -> HelpError {
        HelpError.badData("'\(text)' is not a valid version specifier: \(reason)",
                          hint: "specifiers look like >=1.4, ~=2.2, ==1.*, !=1.5 or <2")
    }

    /// Operator and version as written, without spaces (`>= 1.0` -> `>=1.0`).
    public var description: String { op.rawValue + versionText }

    /// Whether the clause itself asks for pre-releases: every operator but `!=` does when its
    /// version is one (`>=1.0b1`); a `.*` prefix never is.
    public var impliesPrereleases: Bool {
        guard op != .notEqual, !isWildcard, let version else { return false }
        return version.isPrerelease
    }
}

// MARK: - Python whitespace

extension StringProtocol {
    /// The text without the leading and trailing whitespace Python's `str.strip()` removes.
    func trimmingPythonSpace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
