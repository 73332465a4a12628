import HelpProject
import HelpSystem

/// A version in its ecosystem's grammar — PEP 440 for Python, semver for Node and Swift — with
/// the bumps `help version` offers and an order, so a new version lower than the old is refused.
public enum ReleaseVersion {
    /// The parts `--bump` moves.
    public enum Part: String, Sendable, CaseIterable { case major, minor, patch, pre }

    /// Whether `text` is valid for `kind`.
    public static func isValid(_ text: String, kind: ComponentKind) -> Bool {
        kind == .python ? PythonVersion(text) != nil : SemanticVersion(text) != nil
    }

    /// `new` is lower than `old` (false when either does not parse).
    public static func isLower(_ new: String, than old: String, kind: ComponentKind) -> Bool {
        if kind == .python, let a = PythonVersion(new), let b = PythonVersion(old) { return a < b }
        if kind != .python, let a = SemanticVersion(new), let b = SemanticVersion(old) { return a < b }
        return false
    }

    /// `current` moved by `part`: major/minor/patch raise that number and zero the ones after it
    /// (a pre-release of the same numbers becomes the release: 1.1.0rc1 → patch → 1.1.0); `pre`
    /// raises the pre-release number, or starts `rc1` (`-rc.1`) on the next patch.
    public static func bumped(_ current: String, part: Part, kind: ComponentKind) throws -> String {
        guard var release = releaseNumbers(current, kind: kind) else {
            throw HelpError.badData(
                "'\(current)' is not a valid \(kind == .python ? "PEP 440" : "semver") version",
                hint: "Fix it by hand or give the new one with --set.")
        }
        let pre = preRelease(current, kind: kind)
        // A PEP 440 epoch orders before everything else: dropping it would move the version down.
        let epoch = kind == .python ? (PythonVersion(current)?.epoch ?? 0) : 0
        let prefix = epoch == 0 ? "" : "\(epoch)!"
        // Every release number as written (PEP 440 allows more than three): 1.1.1.1rc1 is past 1.1.1.
        let written = kind == .python ? (PythonVersion(current)?.release ?? release) : release
        func raised(_ number: Int) throws -> Int {
            guard number < Int.max else {
                throw HelpError.badData("'\(current)' cannot be bumped: \(number) is the largest number there is")
            }
            return number + 1
        }
        switch part {
        case .major, .minor, .patch:
            let index = part == .major ? 0 : (part == .minor ? 1 : 2)
            let zeroAfter = written.dropFirst(index + 1).allSatisfy { $0 == 0 }
            if pre == nil || !zeroAfter { release[index] = try raised(release[index]) }
            for later in (index + 1)..<3 { release[later] = 0 }
            return prefix + release.map(String.init).joined(separator: ".")
        case .pre:
            // semver orders pre-releases identifier by identifier: raise the last one when it is a
            // number, else add `.1`, keeping the others (1.0.0-beta → 1.0.0-beta.1).
            if kind != .python, var identifiers = SemanticVersion(current)?.pre, !identifiers.isEmpty {
                if let number = Int(identifiers[identifiers.count - 1]) {
                    identifiers[identifiers.count - 1] = String(try raised(number))
                } else {
                    identifiers.append("1")
                }
                return release.map(String.init).joined(separator: ".") + "-" + identifiers.joined(separator: ".")
            }
            if let pre {
                let base = prefix + written.map(String.init).joined(separator: ".")
                let next = try raised(pre.number)
                return kind == .python ? "\(base)\(pre.label)\(next)" : "\(base)-\(pre.label).\(next)"
            }
            release[2] = try raised(release[2])
            let base = prefix + release.map(String.init).joined(separator: ".")
            return kind == .python ? base + "rc1" : base + "-rc.1"
        }
    }

    /// Major, minor and patch (missing ones as 0).
    static func releaseNumbers(_ text: String, kind: ComponentKind) -> [Int]? {
        if kind == .python {
            guard let version = PythonVersion(text) else { return nil }
            return (version.release + [0, 0, 0]).prefix(3).map { $0 }
        }
        guard let version = SemanticVersion(text) else { return nil }
        return [version.major, version.minor, version.patch]
    }

    /// The pre-release label and number (`rc`, 1), when there is one.
    static func preRelease(_ text: String, kind: ComponentKind) -> (label: String, number: Int)? {
        if kind == .python {
            guard let pre = PythonVersion(text)?.pre else { return nil }
            return (pre.phase.description, pre.number)
        }
        guard let identifiers = SemanticVersion(text)?.pre, !identifiers.isEmpty else { return nil }
        let number = identifiers.count > 1 ? Int(identifiers[identifiers.count - 1]) ?? 0 : 0
        return (identifiers[0], number)
    }
}

/// A semver 2.0 version: `MAJOR.MINOR.PATCH[-pre][+build]`, ordered by the spec (build ignored).
public struct SemanticVersion: Comparable, Sendable {
    public var major: Int, minor: Int, patch: Int
    public var pre: [String]

    public init?(_ text: String) {
        let withoutBuild = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutBuild.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        // Numbers without leading zeros (semver 2.0 item 2).
        let isNumber: (Substring) -> Bool = {
            !$0.isEmpty && $0.allSatisfy(\.isNumber) && ($0 == "0" || $0.first != "0")
        }
        guard numbers.count == 3, numbers.allSatisfy(isNumber),
            let major = Int(numbers[0]), let minor = Int(numbers[1]), let patch = Int(numbers[2])
        else { return nil }
        let pre =
            parts.count > 1
            ? parts[1].split(separator: ".", omittingEmptySubsequences: false).map(String.init) : []
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard parts.count == 1 || pre.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }) else { return nil }
        (self.major, self.minor, self.patch, self.pre) = (major, minor, patch, pre)
    }

    public static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        if (a.major, a.minor, a.patch) != (b.major, b.minor, b.patch) {
            return (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
        }
        if a.pre.isEmpty || b.pre.isEmpty { return !a.pre.isEmpty && b.pre.isEmpty }
        for (x, y) in zip(a.pre, b.pre) where x != y {
            switch (Int(x), Int(y)) {
            case (let i?, let j?): return i < j
            case (.some, nil): return true
            case (nil, .some): return false
            default: return x < y
            }
        }
        return a.pre.count < b.pre.count
    }

    public static func == (a: SemanticVersion, b: SemanticVersion) -> Bool { !(a < b) && !(b < a) }
}
