import HelpSystem
import Testing

@testable import HelpProject

/// PEP 440 specifiers and sets: the PEP's examples for each operator, pre-release inclusion,
/// local versions, and conflicts between two sets.
@Suite struct PEP440SpecifierTests {
    private func v(_ text: String) -> PythonVersion { PythonVersion(text)! }
    private func set(_ text: String) -> SpecifierSet { try! SpecifierSet(text) }
    private func matches(_ spec: String, _ version: String) -> Bool {
        set(spec).contains(v(version), prereleases: true)
    }

    @Test(arguments: [
        ("~=2.2", ">=2.2,==2.*"), ("~=1.4.5", ">=1.4.5,==1.4.*"), ("~=2.2.post3", ">=2.2.post3,==2.*"),
        ("~=1.4.5a4", ">=1.4.5a4,==1.4.*"), ("~=2.2.0", ">=2.2.0,==2.2.*"), ("~=1.4.5.0", ">=1.4.5.0,==1.4.5.*"),
    ])
    func compatibleReleaseEqualsThePEPsExpansion(compatible: String, expansion: String) {
        let probes = [
            "1.4.4", "1.4.5a4", "1.4.5", "1.4.5.0", "1.4.5.1", "1.4.6", "1.5", "2.1", "2.2", "2.2.post2", "2.2.post3",
            "2.2.1", "2.3", "2.9.9", "3.0", "3.0.dev0", "2!2.2",
        ]
        for probe in probes {
            #expect(
                matches(compatible, probe) == matches(expansion, probe), "\(compatible) vs \(expansion) on \(probe)")
        }
        #expect(matches("~=2.2", "2.9") && !matches("~=2.2", "3.0"))
    }

    @Test func prefixMatchingFollowsThePEPsExamples() {
        #expect(!matches("==1.1", "1.1.post1"))
        #expect(matches("==1.1.post1", "1.1.post1"))
        #expect(matches("==1.1.*", "1.1.post1"))
        #expect(!matches("==1.1", "1.1a1"))
        #expect(matches("==1.1a1", "1.1a1"))
        #expect(matches("==1.1.*", "1.1a1"))
        #expect(matches("!=1.1", "1.1.post1"))
        #expect(!matches("!=1.1.post1", "1.1.post1"))
        #expect(!matches("!=1.1.*", "1.1.post1"))
        #expect(matches("==1.1", "1.1.0"))
        #expect(matches("==1.*", "1"))
        #expect(!matches("==1.1.*", "1.10"))
        #expect(!matches("==1.*", "1!1.0"))
    }

    @Test func exclusiveComparisonsKeepOutTheNamedVersionsOwnPreAndPostReleases() {
        #expect(matches(">1.7", "1.7.1"))
        #expect(!matches(">1.7", "1.7.0.post1"))
        #expect(!matches(">1.7", "1.7+local"))
        #expect(matches(">1.7.post2", "1.7.0.post3"))
        #expect(!matches(">1.7.post2", "1.7.0"))
        #expect(matches(">1.0a1", "1.0.post1"))
        #expect(!matches(">1.0a1", "1.0a1.post1"))
        #expect(matches(">1.0a1", "1.0a2+local"))
        #expect(matches("<1.0.post1", "1.0a1"))
        #expect(!matches("<1.0.post1", "1.0.post1.dev0"))
        #expect(!matches("<3.1", "3.1.dev0"))
        #expect(matches("<3.1", "3.0.dev0"))
        #expect(matches("<3.1rc1", "3.1a1"))
        #expect(matches("<=1.0", "1.0+local"))
        #expect(matches(">=1.0", "1.0+local"))
    }

    @Test func equalityIgnoresLocalLabelsUnlessTheSpecifierHasOne() {
        #expect(matches("==1.0", "1.0+ubuntu.1"))
        #expect(matches("==1.0+ubuntu.1", "1.0+ubuntu.1"))
        #expect(!matches("==1.0+ubuntu.1", "1.0+ubuntu.2"))
        #expect(!matches("==1.0+ubuntu.1", "1.0"))
        #expect(!matches("!=1.0", "1.0+anything"))
    }

    @Test func arbitraryEqualityComparesTheTextCaseInsensitively() {
        #expect(matches("===1.0", "1.0"))
        #expect(!matches("===1.0", "1.0.0"))
        #expect(set("===FooBar").specifiers.first?.version == nil)
    }

    @Test func preReleasesAreInOnlyWhenNamedAskedForOrTheOnlyMatch() {
        let atLeastOne = set(">=1.0")
        #expect(atLeastOne.filter([v("2.0a1"), v("1.0")]) == [v("1.0")])
        #expect(atLeastOne.filter([v("2.0a1"), v("0.9")]) == [v("2.0a1")])
        #expect(atLeastOne.filter([v("2.0a1"), v("1.0")], prereleases: true) == [v("2.0a1"), v("1.0")])
        #expect(set(">=1.0a1").filter([v("2.0b1"), v("1.0")]) == [v("2.0b1"), v("1.0")])
        #expect(set("!=1.0a1").filter([v("2.0b1"), v("1.0")]) == [v("1.0")])
        #expect(try! SpecifierSet(">=1.0", prereleases: false).filter([v("2.0a1")]).isEmpty)
        #expect(atLeastOne.contains(v("2.0a1")))
        #expect(!atLeastOne.contains(v("2.0a1"), prereleases: false))
        #expect(!set(">=1.0a1").contains(v("2.0b1"), prereleases: false))
        #expect(set("").contains(v("1.0.dev1")))
        #expect(!VersionSpecifier(">=1.0")!.contains(v("2.0a1"), prereleases: false))
    }

    @Test func describesSetsInCanonicalSortedForm() {
        #expect(set(" >= 1.4 , <2.0 ,!=1.5.*").description == "!=1.5.*,<2.0,>=1.4")
        #expect(set("==v1.0-ALPHA").description == "==1.0a0")
        #expect(set("").description == "")
    }

    @Test(arguments: [
        "~=1", ">=1.*", "<1.0+local", "==1.0a1.*", "=>1.0", "1.0", ">=1.0,", "~=1.0.*", ">= 1.0 2", "==1.0+",
    ])
    func rejectsMalformedClauses(text: String) {
        #expect(throws: HelpError.self) { try SpecifierSet(text) }
    }

    @Test(arguments: [
        (">=2", "<1.5"), ("==1.*", ">=2"), ("!=1.5", "==1.5"), ("<2", ">=2.0.0"), ("==1.0+abc", "!=1.0+abc"),
        (">=1.0,<1.1", "!=1.0.*"), (">=2.0a1", "<2.0"), ("~=1.4", ">=2"), ("===foo", ">=1"), ("<=1.0", ">1.0"),
        ("==1.4.*", "~=1.5"), ("==2!1.0", "<1!5"),
    ])
    func detectsConflicts(a: String, b: String) {
        #expect(set(a).conflicts(with: set(b)))
        #expect(set(b).conflicts(with: set(a)))
    }

    @Test(arguments: [
        ("~=1.4", "==1.4.2"), ("==1.*", "!=1.0"), ("~=1.4", "<1.4.2"), (">1.0", "<1.0.1"), ("==2.0a1", ">=2.0a1"),
        ("", ">=3"), ("===1.0", "==1.0"), ("===foo", "===FOO"), (">=1.0,!=1.1.*,!=1.2", "<1.3"), (">1.7", "<=1.7.1"),
        ("==1.0", "!=1.0+abc"), (">=2", "<2.0.1"),
    ])
    func findsSetsThatCanBothBeMet(a: String, b: String) {
        #expect(set(a).intersects(set(b)))
        #expect(set(b).intersects(set(a)))
    }

    @Test func canLeavePreReleasesOutOfTheConflictCheck() {
        #expect(set(">1.0.post1").intersects(set("<1.0.post2"), prereleases: true) == false)
        #expect(set(">=2.0.dev0").intersects(set("<2.0.0"), prereleases: true) == false)
        #expect(set(">=1.0b1").intersects(set("<=1.0b2"), prereleases: true))
        #expect(!set(">=1.0b1").intersects(set("<=1.0b2"), prereleases: false))
    }
}
