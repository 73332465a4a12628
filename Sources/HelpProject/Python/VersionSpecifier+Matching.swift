/// Which versions one clause admits, following PEP 440's operator definitions: public-version
/// comparison, prefix matching with zero padding, `<V` skipping V's pre-releases, `>V` skipping
/// V's post-releases and local versions, and pre-releases left out unless asked for.
extension VersionSpecifier {
    /// True when `version` satisfies the clause. `prereleases` nil means "only when the clause
    /// itself names a pre-release"; true or false decides for it.
    public func contains(_ version: PythonVersion, prereleases: Bool? = nil) -> Bool {
        if version.isPrerelease, !(prereleases ?? impliesPrereleases) { return false }
        return matches(version)
    }

    /// The operator's comparison alone, with no pre-release policy.
    func matches(_ candidate: PythonVersion) -> Bool {
        guard let spec = version else {
            return candidate.description.lowercased() == versionText.lowercased()
        }
        switch op {
        case .arbitrary:
            return candidate.description.lowercased() == versionText.lowercased()
        case .equal:
            return isWildcard ? candidate.hasPrefix(spec) : equals(candidate, spec)
        case .notEqual:
            return isWildcard ? !candidate.hasPrefix(spec) : !equals(candidate, spec)
        case .lessOrEqual:
            return candidate.publicVersion <= spec
        case .greaterOrEqual:
            return candidate.publicVersion >= spec
        case .compatible:
            return candidate.publicVersion >= spec && candidate.hasPrefix(spec.compatiblePrefix)
        case .less:
            guard candidate < spec else { return false }
            // `<2.0` must not admit 2.0rc1: a pre-release of the bound itself.
            return spec.isPrerelease || !candidate.isPrerelease || candidate < spec.earliestPrerelease
        case .greater:
            guard candidate > spec else { return false }
            // `>2.0` must not admit 2.0.post1 nor 2.0+local.
            if !spec.isPostRelease, candidate.isPostRelease, candidate.postBase == spec { return false }
            return candidate.local.isEmpty || candidate.publicVersion != spec
        }
    }

    /// `==` ignores the candidate's local label unless the clause has one.
    private func equals(_ candidate: PythonVersion, _ spec: PythonVersion) -> Bool {
        spec.local.isEmpty ? candidate.publicVersion == spec : candidate == spec
    }
}

// MARK: - Derived versions

extension PythonVersion {
    /// Prefix matching for `==P.*`: same epoch, and the release padded with zeros to P's length
    /// starts with P's release numbers.
    func hasPrefix(_ prefix: PythonVersion) -> Bool {
        guard epoch == prefix.epoch else { return false }
        let padded = release + Array(repeating: 0, count: max(0, prefix.release.count - release.count))
        return padded.prefix(prefix.release.count).elementsEqual(prefix.release)
    }

    /// The prefix `~=` keeps: the release without its last number (`~=2.2.post3` -> `2.*`).
    var compatiblePrefix: PythonVersion {
        PythonVersion(epoch: epoch, release: Array(release.dropLast()))
    }

    /// The first pre-release leading up to this version (`1.2` -> `1.2.dev0`,
    /// `1.2.post1` -> `1.2.post1.dev0`).
    var earliestPrerelease: PythonVersion {
        var copy = self
        copy.dev = 0
        copy.local = []
        return copy
    }

    /// The version a post-release follows (`1.0.post1` -> `1.0`, `1.0a1.post0` -> `1.0a1`).
    var postBase: PythonVersion {
        var copy = self
        copy.post = nil
        copy.dev = nil
        copy.local = []
        return copy
    }

    /// The smallest version of the next prefix (`1.2` -> `1.3.dev0`).
    var nextPrefixDev0: PythonVersion {
        var numbers = release
        numbers[numbers.count - 1] += 1
        return PythonVersion(epoch: epoch, release: numbers, dev: 0)
    }
}
