/// A place on the PEP 440 version line: a version, or a boundary just past a family of versions
/// that no real version occupies (needed because `<=1.0` admits `1.0+local` and `>1.0` skips
/// `1.0.post1`).
enum VersionPoint: Hashable {
    case at(PythonVersion)
    /// After V and every V+local, before V.post0.
    case afterLocals(PythonVersion)
    /// After V and every V.postN, before the next release.
    case afterPosts(PythonVersion)

    var isVersion: Bool {
        if case .at = self { return true }
        return false
    }

    var key: VersionKey {
        switch self {
        case .at(let version):
            return version.key
        case .afterLocals(let version):
            var key = version.key
            key.local = .highest
            return key
        case .afterPosts(let version):
            var key = version.key
            key.post = .highest
            key.dev = .lowest
            key.local = .lowest
            return key
        }
    }

    /// The smallest final (non-pre) release at or past this point when one is easy to name; nil
    /// when every non-empty stretch starting here holds a final release anyway.
    func nearestFinal(inclusive: Bool) -> PythonVersion? {
        switch self {
        case .at(let version):
            if version.isPrerelease { return version.stripped(keepPost: version.post) }
            if inclusive { return version }
            var next = version
            next.local.append(.number("0"))  // only `!=V+local` leaves an open version bound
            return next
        case .afterLocals(let version):
            if version.isPrerelease { return version.stripped(keepPost: version.post) }
            var next = version.publicVersion
            next.post = (version.post ?? -1) + 1
            return next
        case .afterPosts(let version):
            // Past all of a final V's post-releases, V.0.0…1 style releases come before any bound.
            return version.isPrerelease ? version.stripped(keepPost: nil) : nil
        }
    }
}

extension PythonVersion {
    /// Without pre, dev and local parts; `keepPost` sets the post number.
    fileprivate func stripped(keepPost: Int?) -> PythonVersion {
        PythonVersion(epoch: epoch, release: release, post: keepPost)
    }
}

/// A stretch of the version line between two points (nil for no bound on that side).
struct VersionInterval {
    var lower: VersionPoint?
    var lowerInclusive: Bool
    var upper: VersionPoint?
    var upperInclusive: Bool

    static let everything = VersionInterval(lower: nil, lowerInclusive: false, upper: nil, upperInclusive: false)

    /// The smallest version there is, `0.dev0`: nothing lies below it.
    private static let floor = PythonVersion(release: [0], dev: 0).key

    var isEmpty: Bool {
        guard let upper else { return false }
        let upperKey = upper.key
        guard let lower else { return !upperInclusive ? upperKey <= VersionInterval.floor : upperKey < VersionInterval.floor }
        let lowerKey = lower.key
        if lowerKey == upperKey { return !(lowerInclusive && upperInclusive) }
        return upperKey < lowerKey
    }

    /// Everything outside this stretch, as up to two stretches.
    var complement: [VersionInterval] {
        var parts: [VersionInterval] = []
        if let lower {
            parts.append(VersionInterval(lower: nil, lowerInclusive: false, upper: lower, upperInclusive: !lowerInclusive))
        }
        if let upper {
            parts.append(VersionInterval(lower: upper, lowerInclusive: !upperInclusive, upper: nil, upperInclusive: false))
        }
        return parts.filter { !$0.isEmpty }
    }

    /// True when a final release lies inside.
    var holdsFinalRelease: Bool {
        guard let lower else {
            let zero = PythonVersion(release: [0])
            return upper.map { zero.key < $0.key || (zero.key == $0.key && upperInclusive) } ?? true
        }
        guard let candidate = lower.nearestFinal(inclusive: lowerInclusive) else { return true }
        guard let upper else { return true }
        return candidate.key < upper.key || (candidate.key == upper.key && upperInclusive)
    }

    // MARK: - Intersection

    /// The common part of two sorted lists of disjoint stretches, by walking both at once.
    static func intersect(_ left: [VersionInterval], _ right: [VersionInterval]) -> [VersionInterval] {
        var result: [VersionInterval] = []
        var i = 0, j = 0
        while i < left.count, j < right.count {
            let a = left[i], b = right[j]
            let lowerFromA = lowerPrecedes(b, a)
            let upperFromA = upperPrecedes(a, b)
            let piece = VersionInterval(lower: lowerFromA ? a.lower : b.lower,
                                        lowerInclusive: lowerFromA ? a.lowerInclusive : b.lowerInclusive,
                                        upper: upperFromA ? a.upper : b.upper,
                                        upperInclusive: upperFromA ? a.upperInclusive : b.upperInclusive)
            if !piece.isEmpty { result.append(piece) }
            if upperFromA { i += 1 } else { j += 1 }
        }
        return result
    }

    /// True when `a` starts before `b` (no bound first; an inclusive bound before an open one).
    private static func lowerPrecedes(_ a: VersionInterval, _ b: VersionInterval) -> Bool {
        guard let aLower = a.lower else { return b.lower != nil }
        guard let bLower = b.lower else { return false }
        let (x, y) = (aLower.key, bLower.key)
        return x != y ? x < y : (a.lowerInclusive && !b.lowerInclusive)
    }

    /// True when `a` ends before `b` (an open bound before an inclusive one; no bound last).
    private static func upperPrecedes(_ a: VersionInterval, _ b: VersionInterval) -> Bool {
        guard let aUpper = a.upper else { return false }
        guard let bUpper = b.upper else { return true }
        let (x, y) = (aUpper.key, bUpper.key)
        return x != y ? x < y : (!a.upperInclusive && b.upperInclusive)
    }
}
