/// Turns a Poetry version constraint (`^1.2`, `~1.2.3`, `1.2.*`, `>=1,<2`, `*`) into a PEP 440
/// specifier, so Poetry dependencies can be installed by pip or uv and compared with other
/// requirement sources.
public enum PoetryConstraint {
    /// The PEP 440 specifier (empty for "any version"); nil when the text is not a constraint.
    public static func specifier(_ constraint: String) -> String? {
        let parts = constraint.split(separator: ",").map { $0.trimmingSpaces() }
        var out: [String] = []
        for part in parts where !part.isEmpty {
            guard let converted = convert(part) else { return nil }
            if !converted.isEmpty { out.append(converted) }
        }
        return out.joined(separator: ",")
    }

    /// A PEP 508 requirement line for dependency `name` with `constraint` and `extras`.
    public static func requirement(name: String, constraint: String, extras: [String] = []) -> String? {
        guard let spec = specifier(constraint) else { return nil }
        let head = extras.isEmpty ? name : name + "[" + extras.joined(separator: ",") + "]"
        return head + spec
    }

    private static func convert(_ part: String) -> String? {
        if part == "*" { return "" }
        if part.hasPrefix("^") { return caret(String(part.dropFirst()).trimmingSpaces()) }
        if part.hasPrefix("~") && !part.hasPrefix("~=") { return tilde(String(part.dropFirst()).trimmingSpaces()) }
        for op in ["===", "==", "!=", "~=", ">=", "<=", ">", "<"] where part.hasPrefix(op) {
            let rest = String(part.dropFirst(op.count)).trimmingSpaces()
            return rest.isEmpty ? nil : op + rest
        }
        if part.hasPrefix("=") { return "==" + String(part.dropFirst()).trimmingSpaces() }
        guard part.first?.isNumber == true else { return nil }
        return "==" + part
    }

    /// `^1.2.3` allows changes that keep the left-most non-zero number.
    private static func caret(_ version: String) -> String? {
        guard let numbers = release(version) else { return nil }
        var upper: [Int]
        if let index = numbers.firstIndex(where: { $0 != 0 }) {
            upper = Array(numbers[...index])
            upper[index] += 1
        } else {
            upper = numbers
            upper[upper.count - 1] += 1
        }
        return ">=\(version),<" + upper.map(String.init).joined(separator: ".")
    }

    /// `~1.2.3` allows patch changes; `~1` allows minor ones.
    private static func tilde(_ version: String) -> String? {
        guard let numbers = release(version) else { return nil }
        let upper = numbers.count == 1 ? [numbers[0] + 1] : [numbers[0], numbers[1] + 1]
        return ">=\(version),<" + upper.map(String.init).joined(separator: ".")
    }

    private static func release(_ version: String) -> [Int]? {
        let numbers = version.split(separator: ".").map { Int($0) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
        return numbers.map { $0! }
    }
}

extension String {
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}
