import HelpSystem

/// Poetry's constraint syntax (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `*`) read as PEP 440, so Poetry
/// dependencies can be installed by pip or uv and compared with other requirement sources.
extension PyProject {
    /// The PEP 440 set for a Poetry constraint; `*` is every version. Throws `badData` for text
    /// that is not a constraint.
    public static func poetrySpecifier(_ constraint: String) throws -> SpecifierSet {
        var clauses: [String] = []
        for part in constraint.split(separator: ",").map({ PEPText.trim(String($0)) }) where !part.isEmpty {
            guard let converted = poetryClause(part) else {
                throw HelpError.badData(
                    "'\(constraint)' is not a Poetry version constraint",
                    hint: "use ^1.2, ~1.2, 1.2.*, >=1,<2 or *")
            }
            clauses += converted
        }
        return try SpecifierSet(clauses.joined(separator: ","))
    }

    /// The PEP 508 requirement of a Poetry dependency; nil for one from git, a path or a URL,
    /// which only Poetry itself can install.
    public static func requirement(of dependency: PoetryDependency) throws -> PythonRequirement? {
        guard dependency.source == nil else { return nil }
        let specifier = try dependency.constraint.map(poetrySpecifier) ?? .any
        return PythonRequirement(name: dependency.name, extras: dependency.extras, specifier: specifier)
    }

    private static func poetryClause(_ part: String) -> [String]? {
        if part == "*" { return [] }
        if part.hasPrefix("^") { return caret(PEPText.trim(String(part.dropFirst()))) }
        if part.hasPrefix("~"), !part.hasPrefix("~=") { return tilde(PEPText.trim(String(part.dropFirst()))) }
        for op in ["===", "==", "!=", "~=", ">=", "<=", ">", "<"] where part.hasPrefix(op) {
            let rest = PEPText.trim(String(part.dropFirst(op.count)))
            return rest.isEmpty ? nil : [op + rest]
        }
        if part.hasPrefix("=") { return ["==" + PEPText.trim(String(part.dropFirst()))] }
        guard part.first?.isNumber == true else { return nil }
        return ["==" + part]
    }

    /// `^1.2.3` allows changes that keep the left-most non-zero number.
    private static func caret(_ version: String) -> [String]? {
        guard var upper = PythonVersion(version)?.release, !version.contains("*") else { return nil }
        if let index = upper.firstIndex(where: { $0 != 0 }) {
            upper = Array(upper[...index])
            upper[index] += 1
        } else {
            upper[upper.count - 1] += 1
        }
        return [">=" + version, "<" + upper.map(String.init).joined(separator: ".")]
    }

    /// `~1.2.3` allows patch changes; `~1` allows minor ones.
    private static func tilde(_ version: String) -> [String]? {
        guard let numbers = PythonVersion(version)?.release, !version.contains("*") else { return nil }
        let upper = numbers.count == 1 ? [numbers[0] + 1] : [numbers[0], numbers[1] + 1]
        return [">=" + version, "<" + upper.map(String.init).joined(separator: ".")]
    }
}
