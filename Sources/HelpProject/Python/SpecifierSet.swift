import HelpSystem

/// A comma-separated list of version clauses that must all hold (`>=1.4,<2,!=1.5.1`); the empty
/// set admits every final release.
public struct SpecifierSet: Sendable, Hashable, CustomStringConvertible {
    public var specifiers: [VersionSpecifier]

    /// A set of the given clauses.
    public init(_ specifiers: [VersionSpecifier] = []) {
        self.specifiers = specifiers
    }

    /// Parses `>=1.4, <2`; empty parts between commas are skipped as PEP 440 tools do. Throws
    /// `HelpError.badData` naming the clause that is wrong.
    public init(_ text: String) throws {
        specifiers = try text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingPythonSpace() }
            .filter { !$0.isEmpty }
            .map(VersionSpecifier.init)
    }

    public var isEmpty: Bool { specifiers.isEmpty }

    /// The clauses joined by commas, as written (`>=1.4,<2`).
    public var description: String { specifiers.map(\.description).joined(separator: ",") }

    /// True when some clause names a pre-release, which lets pre-releases in.
    public var impliesPrereleases: Bool { specifiers.contains { $0.impliesPrereleases } }

    /// Both sets at once: a version must satisfy every clause of each.
    public func intersection(_ other: SpecifierSet) -> SpecifierSet {
        SpecifierSet(specifiers + other.specifiers)
    }

    // MARK: - Matching

    /// True when `version` satisfies every clause. `prereleases` nil lets pre-releases in only when
    /// a clause names one; true or false decides for the whole set.
    public func contains(_ version: PythonVersion, prereleases: Bool? = nil) -> Bool {
        if version.isPrerelease, !(prereleases ?? impliesPrereleases) { return false }
        return specifiers.allSatisfy { $0.matches(version) }
    }

    /// Parses `text` and checks it; a text that is no version satisfies only `===` with that text.
    public func contains(_ text: String, prereleases: Bool? = nil) -> Bool {
        if let version = PythonVersion.parse(text) { return contains(version, prereleases: prereleases) }
        return !specifiers.isEmpty && specifiers.allSatisfy {
            $0.op == .arbitrary && $0.versionText.lowercased() == text.trimmingPythonSpace().lowercased()
        }
    }

    /// The versions an installer may pick, in the given order. With `prereleases` nil, PEP 440's
    /// fallback applies: pre-releases are taken only when no final release matches.
    public func filter(_ versions: [PythonVersion], prereleases: Bool? = nil) -> [PythonVersion] {
        let matching = versions.filter { contains($0, prereleases: true) }
        if let prereleases { return prereleases ? matching : matching.filter { !$0.isPrerelease } }
        if impliesPrereleases { return matching }
        let finals = matching.filter { !$0.isPrerelease }
        return finals.isEmpty ? matching : finals
    }

    /// The highest version `filter` keeps, or nil.
    public func best(of versions: [PythonVersion], prereleases: Bool? = nil) -> PythonVersion? {
        filter(versions, prereleases: prereleases).max()
    }
}
