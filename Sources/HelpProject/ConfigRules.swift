/// The value rules of help.json, shared by the reader and mirrored by the patterns in
/// Templates/help.schema.json.
enum ConfigRules {
    // MARK: - Names

    /// `^[A-Za-z0-9][A-Za-z0-9._-]*$`
    static func isComponentName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return name.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// `^[A-Za-z_][A-Za-z0-9_]*$`
    static func isEnvironmentName(_ name: String) -> Bool {
        isIdentifier(Substring(name))
    }

    /// `module.path:attribute[.attribute]`, such as `app.main:app`.
    static func isAppReference(_ text: String) -> Bool {
        let halves = text.split(separator: ":", omittingEmptySubsequences: false)
        guard halves.count == 2 else { return false }
        return [halves[0], halves[1]].allSatisfy { half in
            half.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(isIdentifier)
        }
    }

    /// A path inside the project, normalized (`./server/` -> `server`, `.` for the root); nil for an
    /// empty, absolute or escaping (`..`) path.
    static func relativePath(_ text: String) -> String? {
        guard !text.isEmpty, !text.hasPrefix("/") else { return nil }
        let parts = text.split(separator: "/").filter { $0 != "." }
        guard !parts.contains("..") else { return nil }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "_" }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || (scalar >= "0" && scalar <= "9")
    }

    // MARK: - Sizes

    /// `2G`, `500M`, `1.5GiB`, `64k`, `1024`: binary multiples (K = 1024); nil when not a size.
    /// Pattern: `^[0-9]+(\.[0-9]+)?\s*([KkMmGgTt](i?[Bb])?|[Bb])?$`
    static func byteSize(_ text: String) -> Int64? {
        let number = text.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        var unit = text.dropFirst(number.count).drop { $0.isWhitespace }.lowercased()
        guard let value = Double(number), !number.hasPrefix("."), !number.hasSuffix(".") else { return nil }
        if unit.count == 3 && unit.hasSuffix("ib") {
            unit.removeLast(2)
        } else if unit.hasSuffix("b") {
            unit.removeLast()
        }
        let multiplier: Double
        switch unit {
        case "": multiplier = 1
        case "k": multiplier = Double(1 << 10)
        case "m": multiplier = Double(1 << 20)
        case "g": multiplier = Double(1 << 30)
        case "t": multiplier = Double(1 << 40)
        default: return nil
        }
        let bytes = (value * multiplier).rounded(.down)
        guard bytes < 9.2e18 else { return nil }
        return Int64(bytes)
    }

    // MARK: - Suggestions

    /// The allowed word nearest to `word` within two edits, for "did you mean" hints.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
