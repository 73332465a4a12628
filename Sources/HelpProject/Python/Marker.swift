import HelpSystem

/// A PEP 508 environment marker (`python_version < "3.11" and sys_platform == "linux"`) as an
/// expression tree, evaluated against a `MarkerEnvironment`.
public indirect enum Marker: Sendable, Hashable, CustomStringConvertible {
    case comparison(MarkerValue, MarkerOperator, MarkerValue)
    case and(Marker, Marker)
    case or(Marker, Marker)

    /// Parses a marker expression; throws `HelpError.badData` saying where it goes wrong.
    public init(_ text: String) throws {
        var parser = MarkerParser(text)
        self = try parser.parseWhole()
    }

    /// The marker in canonical form: canonical variable names, double-quoted strings, and
    /// parentheses only where `or` sits inside `and`.
    public var description: String {
        switch self {
        case let .comparison(lhs, op, rhs):
            return "\(lhs) \(op.rawValue) \(rhs)"
        case let .and(lhs, rhs):
            return "\(lhs.grouped) and \(rhs.grouped)"
        case let .or(lhs, rhs):
            return "\(lhs) or \(rhs)"
        }
    }

    /// Parenthesized when it is an `or`, for use inside an `and`.
    private var grouped: String {
        if case .or = self { return "(\(description))" }
        return description
    }

    /// Every variable the marker reads (canonical names), for cache keys and diagnostics.
    public var variables: Set<String> {
        switch self {
        case let .comparison(lhs, _, rhs):
            return Set([lhs, rhs].compactMap { if case .variable(let name) = $0 { return name } else { return nil } })
        case let .and(lhs, rhs), let .or(lhs, rhs):
            return lhs.variables.union(rhs.variables)
        }
    }
}

/// One side of a marker comparison: an environment variable or a quoted string.
public enum MarkerValue: Sendable, Hashable, CustomStringConvertible {
    /// A variable under its canonical name (`os.name` is stored as `os_name`).
    case variable(String)
    case literal(String)

    /// The variable name, or the string quoted the way PEP 508 writes it.
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

    /// True for the operators PEP 440 defines on versions.
    var isVersionComparison: Bool { self != .in && self != .notIn }
}

/// The marker variables of PEP 508, their legacy dotted spellings, and the set-valued names of
/// later specifications, mapped to canonical names.
enum MarkerVariables {
    static let canonical: [String: String] = {
        var names: [String: String] = [:]
        for name in ["python_version", "python_full_version", "os_name", "sys_platform", "platform_release",
                     "platform_system", "platform_version", "platform_machine", "platform_python_implementation",
                     "implementation_name", "implementation_version", "extra", "extras", "dependency_groups"] {
            names[name] = name
        }
        for legacy in ["os.name", "sys.platform", "platform.version", "platform.machine",
                       "platform.python_implementation"] {
            names[legacy] = legacy.replacingDots()
        }
        names["python_implementation"] = "platform_python_implementation"
        return names
    }()
}

extension String {
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "_" : $0 }) }
}
