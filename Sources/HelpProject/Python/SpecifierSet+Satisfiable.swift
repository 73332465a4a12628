/// Whether specifier sets can hold at once. Each clause becomes a few intervals of the version line
/// (with boundaries such as "after every 1.0+local" where the PEP needs them); the sets can be
/// satisfied when the intersection of all intervals is not empty and, unless pre-releases are let
/// in, one of the remaining intervals holds a final release.
extension SpecifierSet {
    /// True when some version satisfies both sets (`>=2` and `<1.5` cannot; `~=1.4` and `==1.4.2`
    /// can). `prereleases` nil lets pre-releases count only when a clause of either set names one.
    public func isCompatible(with other: SpecifierSet, prereleases: Bool? = nil) -> Bool {
        intersection(other).isSatisfiable(prereleases: prereleases)
    }

    /// True when at least one version satisfies every clause.
    public func isSatisfiable(prereleases: Bool? = nil) -> Bool {
        if specifiers.isEmpty { return true }
        var intervals = [VersionInterval.everything]
        for specifier in specifiers {
            intervals = VersionInterval.intersect(intervals, specifier.intervals)
            if intervals.isEmpty { return false }
        }
        let allowPrereleases = prereleases ?? impliesPrereleases
        if !arbitraryClausesAgree(allowPrereleases: allowPrereleases) { return false }
        return allowPrereleases || intervals.contains { $0.holdsFinalRelease }
    }

    /// `===` admits one spelling only, so every `===` must name the same one and every other clause
    /// must admit it.
    private func arbitraryClausesAgree(allowPrereleases: Bool) -> Bool {
        let arbitrary = specifiers.filter { $0.op == .arbitrary }
        guard let first = arbitrary.first else { return true }
        guard arbitrary.allSatisfy({ $0.versionText.lowercased() == first.versionText.lowercased() }) else {
            return false
        }
        let others = specifiers.filter { $0.op != .arbitrary }
        guard let candidate = first.version else { return others.isEmpty }
        if candidate.isPrerelease, !allowPrereleases { return false }
        return others.allSatisfy { $0.matches(candidate) }
    }
}

// MARK: - Intervals

extension VersionSpecifier {
    /// The stretches of the version line this clause admits, pre-releases included, sorted.
    var intervals: [VersionInterval] {
        guard op != .arbitrary, let spec = version else { return [.everything] }
        if isWildcard {
            let inside = VersionInterval(lower: .at(spec.baseDev0), lowerInclusive: true,
                                         upper: .at(spec.nextPrefixDev0), upperInclusive: false)
            return op == .equal ? [inside] : inside.complement
        }
        switch op {
        case .greaterOrEqual:
            return [VersionInterval(lower: .at(spec), lowerInclusive: true, upper: nil, upperInclusive: false)]
        case .lessOrEqual:
            return [VersionInterval(lower: nil, lowerInclusive: false, upper: .afterLocals(spec), upperInclusive: true)]
        case .greater:
            let start = spec.firstAbove
            return [VersionInterval(lower: start, lowerInclusive: start.isVersion, upper: nil, upperInclusive: false)]
        case .less:
            let bound = spec.isPrerelease ? spec : spec.earliestPrerelease
            return [VersionInterval(lower: nil, lowerInclusive: false, upper: .at(bound), upperInclusive: false)]
        case .compatible:
            return [VersionInterval(lower: .at(spec), lowerInclusive: true,
                                    upper: .at(spec.compatiblePrefix.nextPrefixDev0), upperInclusive: false)]
        case .equal, .notEqual:
            let top: VersionPoint = spec.local.isEmpty ? .afterLocals(spec) : .at(spec)
            let inside = VersionInterval(lower: .at(spec), lowerInclusive: true, upper: top, upperInclusive: true)
            return op == .equal ? [inside] : inside.complement
        case .arbitrary:
            return [.everything]
        }
    }
}

extension PythonVersion {
    /// `1.2.3a1` -> `1.2.3.dev0`: the first version of a wildcard prefix.
    fileprivate var baseDev0: PythonVersion { PythonVersion(epoch: epoch, release: release, dev: 0) }

    /// Where `>V` starts: past V's later dev releases, past V's post-releases otherwise.
    fileprivate var firstAbove: VersionPoint {
        var next = self
        next.local = []
        if let dev {
            next.dev = dev + 1
            return .at(next)
        }
        if let post {
            next.post = post + 1
            next.dev = 0
            return .at(next)
        }
        return .afterPosts(self)
    }
}
