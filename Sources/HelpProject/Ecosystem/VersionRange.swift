/// The versions a PEP 440 specifier allows, for telling whether two specifiers for the same
/// package can both be met (`httpx==0.25` against `httpx>=0.27`) and whether a version fits.
/// Matching and overlap follow PEP 440 exactly through `SpecifierSet`; `lower`, `upper` and
/// `excluded` summarise the clauses by release numbers for display.
public struct VersionRange: Sendable, Equatable {
    /// A bound and whether it is included.
    public struct Bound: Sendable, Equatable {
        public var release: [Int]
        public var inclusive: Bool
    }

    /// The clauses, with PEP 440 semantics.
    public let specifiers: SpecifierSet
    public private(set) var lower: Bound?
    public private(set) var upper: Bound?
    /// Versions excluded by `!=`.
    public private(set) var excluded: [[Int]] = []

    /// Every version.
    public static let any = VersionRange(specifiers: .any)

    /// Splits `>=1,<2` into clauses without spaces, as written; nil when a clause is malformed.
    public static func clauses(_ specifier: String) -> [String]? {
        var out: [String] = []
        for raw in specifier.split(separator: ",", omittingEmptySubsequences: false) {
            guard VersionSpecifier(String(raw)) != nil else { return nil }
            out.append(raw.filter { !$0.isWhitespace })
        }
        return out
    }

    /// The range a specifier allows; nil when it cannot be read.
    public init?(specifier: String) {
        guard let set = try? SpecifierSet(specifier) else { return nil }
        self.init(specifiers: set)
    }

    /// The range of an already parsed set.
    public init(specifiers: SpecifierSet) {
        self.specifiers = specifiers
        for clause in specifiers.specifiers {
            guard let version = clause.version else { continue }
            let numbers = version.release
            switch clause.op {
            case .greaterOrEqual: raiseLower(Bound(release: numbers, inclusive: true))
            case .greater: raiseLower(Bound(release: numbers, inclusive: false))
            case .lessOrEqual: dropUpper(Bound(release: numbers, inclusive: true))
            case .less: dropUpper(Bound(release: numbers, inclusive: false))
            case .notEqual: if !clause.isPrefix { excluded.append(numbers) }
            case .compatible, .equal, .arbitrary:
                let prefix = clause.op == .compatible ? Array(numbers.dropLast()) : numbers
                raiseLower(Bound(release: numbers, inclusive: true))
                if clause.op == .compatible || clause.isPrefix {
                    var next = prefix
                    next[next.count - 1] += 1
                    dropUpper(Bound(release: next, inclusive: false))
                } else {
                    dropUpper(Bound(release: numbers, inclusive: true))
                }
            }
        }
    }

    /// True when some version satisfies both ranges.
    public func overlaps(_ other: VersionRange) -> Bool { specifiers.intersects(other.specifiers) }

    /// True when `version` lies in the range. Text that is no PEP 440 version is judged by its
    /// leading release numbers (`3.13.0t` as `3.13.0`).
    public func contains(_ version: String) -> Bool {
        let parsed = PythonVersion(version) ?? PythonVersion(release: VersionRange.release(version))
        return specifiers.contains(parsed)
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
