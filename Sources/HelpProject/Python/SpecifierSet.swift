import HelpSystem

/// A comma-separated list of PEP 440 clauses (`>=1.4,!=1.5.*,<2`), all of which a version must meet.
public struct SpecifierSet: Sendable, Hashable, CustomStringConvertible {
    public var specifiers: [VersionSpecifier]
    /// Forces pre-releases in or out; nil follows the PEP's default (see `filter`).
    public var prereleases: Bool?

    /// Every version (no clauses).
    public static let any = SpecifierSet(specifiers: [])

    /// A set from parsed clauses.
    public init(specifiers: [VersionSpecifier], prereleases: Bool? = nil) {
        self.specifiers = specifiers
        self.prereleases = prereleases
    }

    /// Parses `>=1.4, <2`; an empty text is the set of every version. Throws a data error that
    /// names the clause it could not read.
    public init(_ text: String, prereleases: Bool? = nil) throws {
        var clauses: [VersionSpecifier] = []
        if !PEPText.trim(text).isEmpty {
            for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let clause = VersionSpecifier(String(raw)) else {
                    throw HelpError.badData(
                        "'\(PEPText.trim(raw))' is not a PEP 440 version specifier",
                        hint: "use clauses like >=1.4, ==1.*, ~=2.2, !=1.5 separated by commas")
                }
                clauses.append(clause)
            }
        }
        self.init(specifiers: clauses, prereleases: prereleases)
    }

    /// The clauses in canonical form, sorted, joined by commas (`<2,>=1.4`), as pip prints them.
    public var description: String { specifiers.map(\.description).sorted().joined(separator: ",") }

    /// Both sets' clauses together: the versions both allow.
    public func union(clausesOf other: SpecifierSet) -> SpecifierSet {
        SpecifierSet(specifiers: specifiers + other.specifiers, prereleases: prereleases ?? other.prereleases)
    }

    // MARK: - Matching

    /// True when `version` meets every clause: `filter` applied to that one version, so a matching
    /// pre-release is in unless `prereleases` (or the set's own setting) is false.
    public func contains(_ version: PythonVersion, prereleases: Bool? = nil) -> Bool {
        !filter([version], prereleases: prereleases).isEmpty
    }

    /// The versions an installer may pick from `versions`. Pre-releases are in when `prereleases`
    /// (or else the set's setting) is true or a clause names one, out when it is false; otherwise
    /// the final releases that match, or the matching pre-releases when no final release does.
    public func filter(_ versions: [PythonVersion], prereleases: Bool? = nil) -> [PythonVersion] {
        let matching = versions.filter { version in specifiers.allSatisfy { $0.matches(version) } }
        switch prereleases ?? self.prereleases ?? (specifiers.contains(where: \.mentionsPrerelease) ? true : nil) {
        case true?: return matching
        case false?: return matching.filter { !$0.isPrerelease }
        case nil:
            let finals = matching.filter { !$0.isPrerelease }
            return finals.isEmpty ? matching : finals
        }
    }
}
