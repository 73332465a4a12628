/// Whether two specifier sets for the same package can both be met (`>=2` against `<1.5`), so that
/// `help install` can refuse a requirement that contradicts one already recorded.
///
/// Method: every clause splits the ordered line of versions at the versions it names (plus, for
/// `==X.*` and `~=X.Y`, the end of the prefix range `X+1` / `X.(Y+1)`). Between and at those
/// edges, each clause's answer can only change at a neighbour of an edge, so it is enough to try
/// a finite set of candidates per edge: the edge itself, a final release just below it (last
/// non-zero number lowered, followed by numbers larger than any named), a release just above all
/// its post releases (zeros then a 1 past the longest named release), and on each of those the
/// edge's own pre-, post- and dev-parts with their next values and local label. Any version that
/// meets every clause of both sets shares all clause answers with one of these candidates.
extension SpecifierSet {
    /// True when some version meets both sets. Pre-releases count by default because installers
    /// fall back to them when no final release matches; pass `prereleases: false` to ignore them.
    public func intersects(_ other: SpecifierSet, prereleases: Bool = true) -> Bool {
        let clauses = specifiers + other.specifiers
        if clauses.isEmpty { return true }
        // `===` meets one spelling only, so that spelling is the only candidate; trying the usual
        // candidates instead would miss it, since `2` and `2.0` are one version but two spellings.
        let arbitrary = clauses.filter { $0.op == .arbitrary }
        if let first = arbitrary.first {
            guard arbitrary.allSatisfy({ $0.text.lowercased() == first.text.lowercased() }) else { return false }
            let others = clauses.filter { $0.op != .arbitrary }
            guard let candidate = first.version else { return others.isEmpty }
            return (prereleases || !candidate.isPrerelease) && others.allSatisfy { $0.matches(candidate) }
        }
        return SpecifierSet.candidates(for: clauses).contains { candidate in
            (prereleases || !candidate.isPrerelease) && clauses.allSatisfy { $0.matches(candidate) }
        }
    }

    /// True when no version can meet both sets.
    public func conflicts(with other: SpecifierSet) -> Bool { !intersects(other) }

    // MARK: - Candidates

    /// The versions worth trying for a list of clauses (see the type's comment).
    static func candidates(for clauses: [VersionSpecifier]) -> [PythonVersion] {
        var edges: [PythonVersion] = []
        for clause in clauses {
            guard let version = clause.version else { continue }
            edges.append(version)
            if clause.isPrefix {
                edges.append(bumped(version.release, epoch: version.epoch))
            } else if clause.op == .compatible {
                edges.append(bumped(Array(version.release.dropLast()), epoch: version.epoch))
            }
        }
        let longest = (edges.map(\.release.count).max() ?? 1) + 1
        let largest = (edges.flatMap(\.release).max() ?? 0) + 1
        var seen = Set<PythonVersion>()
        var out: [PythonVersion] = []
        for edge in edges {
            var releases = [
                edge.release, edge.release + Array(repeating: 0, count: max(0, longest - edge.release.count)) + [1],
            ]
            if let lower = below(edge.release, length: longest, filler: largest) { releases.append(lower) }
            for release in releases {
                for variant in variants(of: edge, release: release) where seen.insert(variant).inserted {
                    out.append(variant)
                }
            }
        }
        return out
    }

    /// The edge's pre-, post-, dev- and local parts, their next values, and none, on `release`.
    private static func variants(of edge: PythonVersion, release: [Int]) -> [PythonVersion] {
        var pres: [(phase: PythonVersion.Phase, number: Int)?] = [nil, (.alpha, 0)]
        if let pre = edge.pre { pres += [pre, (pre.phase, pre.number + 1)] }
        let posts: [Int?] = [nil, edge.post, (edge.post ?? -1) + 1]
        let devs: [Int?] = [nil, edge.dev, (edge.dev ?? -1) + 1]
        let locals = edge.local.isEmpty ? [[]] : [[], edge.local]
        var out: [PythonVersion] = []
        for pre in pres {
            for post in posts {
                for dev in devs {
                    for local in locals {
                        out.append(
                            PythonVersion(
                                epoch: edge.epoch, release: release, pre: pre, post: post, dev: dev, local: local))
                    }
                }
            }
        }
        return out
    }

    /// `1.4` -> `1.5`: the first release past every `1.4.*` version.
    private static func bumped(_ release: [Int], epoch: Int) -> PythonVersion {
        var next = release.isEmpty ? [0] : release
        next[next.count - 1] += 1
        return PythonVersion(epoch: epoch, release: next)
    }

    /// A release just below every version of `release`'s family: `2.0` -> `1.N.N…` with N larger
    /// than any named number; nil for `0`, which has nothing below it in its epoch.
    private static func below(_ release: [Int], length: Int, filler: Int) -> [Int]? {
        guard let last = release.lastIndex(where: { $0 != 0 }) else { return nil }
        var out = Array(release[...last])
        out[last] -= 1
        return out + Array(repeating: filler, count: max(1, length - out.count + 1))
    }
}
