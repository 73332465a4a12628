/// PEP 440 ordering. Every version and every boundary between versions that specifiers need
/// (`after every 1.0+local`, `after every 1.0.postN`) maps to a `VersionKey`; keys compare field
/// by field, with infinities standing for absent parts as the PEP orders them.
extension PythonVersion {
    /// Compares by the PEP's rules (trailing release zeros ignored, dev before pre before final
    /// before post, local labels after the public version).
    public static func < (lhs: PythonVersion, rhs: PythonVersion) -> Bool { lhs.key < rhs.key }

    /// Equal when the PEP orders them equal (`1.0 == 1.0.0`).
    public static func == (lhs: PythonVersion, rhs: PythonVersion) -> Bool { lhs.key == rhs.key }

    /// Hashes what equality looks at, so `1.0` and `1.0.0` land in the same bucket.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// The sort key of this version.
    var key: VersionKey {
        var trimmed = release
        while trimmed.count > 1, trimmed.last == 0 { trimmed.removeLast() }
        let preKey: Ranked<PreRelease>
        if let pre {
            preKey = .value(pre)
        } else if post == nil, dev != nil {
            preKey = .lowest  // 1.0.dev0 sorts before 1.0a0
        } else {
            preKey = .highest
        }
        return VersionKey(epoch: epoch, release: trimmed, pre: preKey,
                          post: post.map(Ranked.value) ?? .lowest,
                          dev: dev.map(Ranked.value) ?? .highest,
                          local: local.isEmpty ? .lowest : .value(LocalLabel(parts: local)))
    }
}

// MARK: - Sort keys

/// A value with a bottom and a top added, for parts whose absence sorts first or last.
enum Ranked<Value: Comparable & Hashable>: Comparable, Hashable {
    case lowest
    case value(Value)
    case highest

    static func < (lhs: Ranked, rhs: Ranked) -> Bool {
        switch (lhs, rhs) {
        case (.lowest, .lowest), (.highest, _), (_, .lowest): return false
        case (.lowest, _), (_, .highest): return true
        case let (.value(left), .value(right)): return left < right
        }
    }
}

extension PythonVersion.PreRelease: Comparable {
    /// Orders by kind, then number.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.kind, lhs.number) < (rhs.kind, rhs.number)
    }
}

/// A local label ordered by the PEP: part by part, numbers above words, a shorter label first
/// when it is a prefix of the longer one.
struct LocalLabel: Comparable, Hashable {
    var parts: [PythonVersion.LocalPart]

    static func < (lhs: LocalLabel, rhs: LocalLabel) -> Bool {
        for (left, right) in zip(lhs.parts, rhs.parts) where left != right {
            switch (left, right) {
            case (.word, .number): return true
            case (.number, .word): return false
            case let (.number(a), .number(b)): return (a.count, a) < (b.count, b)
            case let (.word(a), .word(b)): return a < b
            }
        }
        return lhs.parts.count < rhs.parts.count
    }
}

/// Where a version or a boundary between versions sits in the PEP 440 order.
struct VersionKey: Comparable, Hashable {
    var epoch: Int
    var release: [Int]
    var pre: Ranked<PythonVersion.PreRelease>
    var post: Ranked<Int>
    var dev: Ranked<Int>
    var local: Ranked<LocalLabel>

    static func < (lhs: VersionKey, rhs: VersionKey) -> Bool {
        if lhs.epoch != rhs.epoch { return lhs.epoch < rhs.epoch }
        if lhs.release != rhs.release { return lhs.release.lexicographicallyPrecedes(rhs.release) }
        if lhs.pre != rhs.pre { return lhs.pre < rhs.pre }
        if lhs.post != rhs.post { return lhs.post < rhs.post }
        if lhs.dev != rhs.dev { return lhs.dev < rhs.dev }
        return lhs.local < rhs.local
    }
}
