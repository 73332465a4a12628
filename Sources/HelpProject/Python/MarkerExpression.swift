/// A parsed PEP 508 environment marker (`python_version >= "3.9" and sys_platform != "win32"`),
/// evaluated against a `MarkerEnvironment` to tell whether a requirement applies.
public indirect enum MarkerExpression: Sendable, Hashable, CustomStringConvertible {
    case and(MarkerExpression, MarkerExpression)
    case or(MarkerExpression, MarkerExpression)
    case compare(MarkerValue, MarkerOperator, MarkerValue)

    /// Parses marker text; throws a data error that says where it went wrong.
    public static func parse(_ text: String) throws -> MarkerExpression {
        try MarkerParser.parse(text)
    }

    /// The canonical text: double-quoted strings, single spaces, parentheses only where needed.
    public var description: String { text(inside: nil) }

    private func text(inside parent: String?) -> String {
        switch self {
        case .compare(let lhs, let op, let rhs):
            return "\(lhs) \(op.rawValue) \(rhs)"
        case .and(let a, let b):
            return "\(a.text(inside: "and")) and \(b.text(inside: "and"))"
        case .or(let a, let b):
            let joined = "\(a.text(inside: "or")) or \(b.text(inside: "or"))"
            return parent == "and" ? "(\(joined))" : joined
        }
    }

    // MARK: - Evaluation

    /// True when the marker holds in `environment`. Both sides are compared as PEP 440 versions
    /// when the right side makes a valid specifier and the left side a valid version, otherwise
    /// as strings; a comparison that means nothing for strings (`~=` on `"linux"`) is false.
    public func evaluate(in environment: MarkerEnvironment) -> Bool {
        switch self {
        case .and(let a, let b): return a.evaluate(in: environment) && b.evaluate(in: environment)
        case .or(let a, let b): return a.evaluate(in: environment) || b.evaluate(in: environment)
        case .compare(let lhs, let op, let rhs):
            // `extra` holds a set: the comparison holds when it holds for one of the extras asked
            // for (`!=` and `not in`: for none of them).
            if lhs == .variable("extra") || rhs == .variable("extra") {
                let other = lhs == .variable("extra") ? rhs : lhs
                let wanted = PythonRequirement.normalize(resolve(other, environment))
                let extras = environment.extras.map(PythonRequirement.normalize)
                let hit: (String) -> Bool = { extra in
                    lhs == .variable("extra")
                        ? MarkerExpression.holds(extra, op, wanted) : MarkerExpression.holds(wanted, op, extra)
                }
                if op == .notEqual || op == .notIn { return extras.allSatisfy(hit) }
                return extras.contains(where: hit)
            }
            return MarkerExpression.holds(resolve(lhs, environment), op, resolve(rhs, environment))
        }
    }

    private func resolve(_ value: MarkerValue, _ environment: MarkerEnvironment) -> String {
        switch value {
        case .literal(let text): return text
        case .variable(let name): return environment.values[name] ?? ""
        }
    }

    /// One comparison: PEP 440 when both sides allow it, else plain strings.
    static func holds(_ lhs: String, _ op: MarkerOperator, _ rhs: String) -> Bool {
        if op != .in && op != .notIn, let spec = VersionSpecifier(op.rawValue + rhs), let version = PythonVersion(lhs) {
            return spec.contains(version, prereleases: true)
        }
        switch op {
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        case .arbitrary: return lhs.lowercased() == rhs.lowercased()
        case .in: return rhs.contains(lhs)
        case .notIn: return !rhs.contains(lhs)
        case .compatible: return false
        }
    }
}

/// One side of a marker comparison: an environment variable or a quoted string.
public enum MarkerValue: Sendable, Hashable, CustomStringConvertible {
    case variable(String)
    case literal(String)

    public var description: String {
        switch self {
        case .variable(let name): return name
        case .literal(let text): return text.contains("\"") ? "'\(text)'" : "\"\(text)\""
        }
    }
}

/// The comparison operators a marker may use.
public enum MarkerOperator: String, Sendable, Hashable, CaseIterable {
    case compatible = "~="
    case arbitrary = "==="
    case equal = "=="
    case notEqual = "!="
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case less = "<"
    case greater = ">"
    case `in` = "in"
    case notIn = "not in"
}
