/// The set of release versions a PEP 440 specifier allows, as one interval, for telling whether
/// two specifiers for the same package can both be met (`httpx==0.25` against `httpx>=0.27`).
/// Versions compare by their release numbers; pre-, post- and local parts are ignored, which only
/// makes the check more forgiving, never stricter.
public struct VersionRange: Sendable, Equatable {
    /// A bound and whether it is included.
    public struct Bound: Sendable, Equatable {
        public var release: [Int]
        public var inclusive: Bool
    }

    public var lower: Bound?
    public var upper: Bound?
    /// Versions excluded by `!=`.
    public var excluded: [[Int]] = []

    /// Every version.
    public static let any = VersionRange(lower: nil, upper: nil)

    /// The operators PEP 440 defines, longest first so `===` is not read as `==`.
    static let operators = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"]

    /// Splits `>=1,<2` into normalized clauses; nil when a clause is malformed.
    public static func clauses(_ specifier: String) -> [String]? {
        var out: [String] = []
        for raw in specifier.split(separator: ",", omittingEmptySubsequences: false) {
            let clause = raw.filter { !$0.isWhitespace }
            guard let op = operators.first(where: { clause.hasPrefix($0) }) else { return nil }
            let version = clause.dropFirst(op.count)
            guard let first = version.first, first.isNumber || first == "v",
                  version.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+!*-".contains($0)) }) else { return nil }
            if version.contains("*") && !(op == "==" || op == "!=") { return nil }
            if op == "~=" && release(String(version)).count < 2 { return nil }
            out.append(op + version)
        }
        return out
    }

    /// The interval a specifier allows; nil when it cannot be read.
    public init?(specifier: String) {
        self.init(lower: nil, upper: nil)
        guard !specifier.isEmpty else { return }
        guard let clauses = VersionRange.clauses(specifier) else { return nil }
        for clause in clauses {
            let op = VersionRange.operators.first(where: { clause.hasPrefix($0) })!
            let text = String(clause.dropFirst(op.count))
            let numbers = VersionRange.release(text)
            switch op {
            case ">=": raiseLower(Bound(release: numbers, inclusive: true))
            case ">": raiseLower(Bound(release: numbers, inclusive: false))
            case "<=": dropUpper(Bound(release: numbers, inclusive: true))
            case "<": dropUpper(Bound(release: numbers, inclusive: false))
            case "~=":
                raiseLower(Bound(release: numbers, inclusive: true))
                var next = Array(numbers.dropLast())
                next[next.count - 1] += 1
                dropUpper(Bound(release: next, inclusive: false))
            case "!=":
                if !text.contains("*") { excluded.append(numbers) }
            default:  // == and ===
                if text.hasSuffix("*") {
                    raiseLower(Bound(release: numbers, inclusive: true))
                    var next = numbers
                    next[next.count - 1] += 1
                    dropUpper(Bound(release: next, inclusive: false))
                } else {
                    raiseLower(Bound(release: numbers, inclusive: true))
                    dropUpper(Bound(release: numbers, inclusive: true))
                }
            }
        }
    }

    init(lower: Bound?, upper: Bound?) {
        self.lower = lower
        self.upper = upper
    }

    /// True when some version satisfies both ranges.
    public func overlaps(_ other: VersionRange) -> Bool {
        var both = self
        if let lower = other.lower { both.raiseLower(lower) }
        if let upper = other.upper { both.dropUpper(upper) }
        both.excluded += other.excluded
        guard let lower = both.lower, let upper = both.upper else { return true }
        let order = VersionRange.compare(lower.release, upper.release)
        if order > 0 { return false }
        if order == 0 {
            return lower.inclusive && upper.inclusive && !both.excluded.contains { VersionRange.compare($0, lower.release) == 0 }
        }
        return true
    }

    /// True when `version` (release numbers) lies in the range.
    public func contains(_ version: String) -> Bool {
        let numbers = VersionRange.release(version)
        if let lower {
            let order = VersionRange.compare(numbers, lower.release)
            if order < 0 || (order == 0 && !lower.inclusive) { return false }
        }
        if let upper {
            let order = VersionRange.compare(numbers, upper.release)
            if order > 0 || (order == 0 && !upper.inclusive) { return false }
        }
        return !excluded.contains { VersionRange.compare($0, numbers) == 0 }
    }

    // MARK: - Helpers

    private mutating func raiseLower(_ bound: Bound) {
        guard let lower else { self.lower = bound; return }
        let order = VersionRange.compare(bound.release, lower.release)
        if order > 0 || (order == 0 && !bound.inclusive) { self.lower = bound }
    }

    private mutating func dropUpper(_ bound: Bound) {
        guard let upper else { self.upper = bound; return }
        let order = VersionRange.compare(bound.release, upper.release)
        if order < 0 || (order == 0 && !bound.inclusive) { self.upper = bound }
    }

    /// Release numbers of a version text (`1!2.3rc1` -> [2, 3]); missing numbers count as 0.
    static func release(_ text: String) -> [Int] {
        var body = Substring(text.lowercased())
        if body.hasPrefix("v") { body = body.dropFirst() }
        if let bang = body.firstIndex(of: "!") { body = body[body.index(after: bang)...] }
        var numbers: [Int] = []
        for part in body.split(separator: ".") {
            let digits = part.prefix(while: \.isNumber)
            guard !digits.isEmpty else { break }
            numbers.append(Int(digits) ?? 0)
            if digits.count != part.count { break }
        }
        return numbers.isEmpty ? [0] : numbers
    }

    static func compare(_ a: [Int], _ b: [Int]) -> Int {
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }
}
