import HelpSystem

/// Marker evaluation as PEP 508 defines it: PEP 440 comparison when both sides are versions,
/// Python's string operators otherwise, extra names compared normalized.
extension Marker {
    /// True when the marker holds in `environment`. Throws `HelpError.badData` for comparisons PEP 508
    /// leaves undefined (`~=` between strings that are no versions).
    public func evaluate(in environment: MarkerEnvironment) throws -> Bool {
        switch self {
        case let .and(lhs, rhs):
            return try lhs.evaluate(in: environment) && rhs.evaluate(in: environment)
        case let .or(lhs, rhs):
            return try lhs.evaluate(in: environment) || rhs.evaluate(in: environment)
        case let .comparison(lhs, op, rhs):
            return try Marker.compare(lhs, op, rhs, in: environment)
        }
    }

    private static func compare(_ lhs: MarkerValue, _ op: MarkerOperator, _ rhs: MarkerValue,
                                in environment: MarkerEnvironment) throws -> Bool {
        if case .variable(let name) = rhs, name == "extras" || name == "dependency_groups", op == .in || op == .notIn {
            let set = name == "extras" ? environment.extras : environment.dependencyGroups
            let member = set.contains(normalizeName(try resolve(lhs, environment)))
            return op == .in ? member : !member
        }
        var left = try resolve(lhs, environment)
        var right = try resolve(rhs, environment)
        if lhs == .variable("extra") || rhs == .variable("extra") {
            left = normalizeName(left)
            right = normalizeName(right)
        }
        if op.isVersionComparison, let version = PythonVersion.parse(left),
           let specifier = try? VersionSpecifier(op.rawValue + right) {
            return specifier.contains(version, prereleases: true)
        }
        let l = Array(left.unicodeScalars), r = Array(right.unicodeScalars)
        switch op {
        case .equal: return l == r
        case .notEqual: return l != r
        case .less: return l.lexicographicallyPrecedes(r)
        case .lessOrEqual: return !r.lexicographicallyPrecedes(l)
        case .greater: return r.lexicographicallyPrecedes(l)
        case .greaterOrEqual: return !l.lexicographicallyPrecedes(r)
        case .in: return right.contains(left) || left.isEmpty
        case .notIn: return !(right.contains(left) || left.isEmpty)
        case .compatible, .arbitrary:
            throw HelpError.badData("marker comparison '\(left)' \(op.rawValue) '\(right)' is undefined: both sides must be versions")
        }
    }

    private static func resolve(_ value: MarkerValue, _ environment: MarkerEnvironment) throws -> String {
        switch value {
        case .literal(let text):
            return text
        case .variable(let name):
            guard let value = environment.values[name] else {
                throw HelpError.badData("marker variable '\(name)' has no value in this environment")
            }
            return value
        }
    }
}
