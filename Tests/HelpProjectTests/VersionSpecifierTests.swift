import HelpSystem
import Testing
@testable import HelpProject

/// PEP 440 version specifiers: the forms each operator accepts and what each clause matches,
/// with the PEP's own examples.
@Suite struct VersionSpecifierTests {
    private func spec(_ text: String) throws -> VersionSpecifier { try VersionSpecifier(text) }
    private func set(_ text: String) throws -> SpecifierSet { try SpecifierSet(text) }
    private func v(_ text: String) throws -> PythonVersion { try PythonVersion(text) }

    @Test func parsesOperatorAndVersionWithSpaces() throws {
        let clause = try spec("  >= 1.0 ")
        #expect(clause.op == .greaterOrEqual)
        #expect(clause.versionText == "1.0")
        #expect(clause.description == ">=1.0")
        #expect(try spec("===foo-bar").op == .arbitrary)
        #expect(try spec("==1.2.*").isWildcard)
    }

    @Test(arguments: ["1.0", "=1.0", ">=", "~=1", "~=1.0.*", ">=1.0.*", "<1.0+local", "~=1.0+local",
                      "==1.0a1.*", "==1.0.post1.*", "==1.*.*", ">=1.0 2", "== one", "===a b", "===a;b", "!=1.0.dev1.*"])
    func rejectsFormsTheOperatorDoesNotAccept(input: String) {
        #expect(throws: HelpError.self) { try VersionSpecifier(input) }
    }

    /// PEP 440 "Compatible release": each `~=` equals the pair of clauses beside it.
    @Test(arguments: [("~=2.2", ">=2.2,==2.*"), ("~=1.4.5", ">=1.4.5,==1.4.*"), ("~=2.2.post3", ">=2.2.post3,==2.*"),
                      ("~=1.4.5a4", ">=1.4.5a4,==1.4.*"), ("~=2.2.0", ">=2.2.0,==2.2.*"), ("~=1.4.5.0", ">=1.4.5.0,==1.4.5.*")])
    func compatibleReleaseMatchesItsExpansion(compatible: String, expansion: String) throws {
        let candidates = ["1.4", "1.4.4", "1.4.5", "1.4.5a4", "1.4.5a5", "1.4.5.0", "1.4.5.1", "1.4.6", "1.5", "2.1",
                          "2.2", "2.2.post2", "2.2.post3", "2.2.post4", "2.2.0.1", "2.3", "2.9", "3.0", "3.0a1"]
        for candidate in try candidates.map(v) {
            #expect(try set(compatible).contains(candidate, prereleases: true)
                    == set(expansion).contains(candidate, prereleases: true), "\(compatible) vs \(candidate)")
        }
        #expect(try set("~=2.2").contains(v("2.9")))
        #expect(try !set("~=2.2").contains(v("3.0")))
    }

    /// PEP 440 "Version matching" examples for 1.1.post1 and 1.1a1.
    @Test func versionMatchingExamples() throws {
        let post = try v("1.1.post1")
        #expect(try !spec("==1.1").contains(post))
        #expect(try spec("==1.1.post1").contains(post))
        #expect(try spec("==1.1.*").contains(post))
        #expect(try spec("!=1.1").contains(post))
        #expect(try !spec("!=1.1.post1").contains(post))
        #expect(try !spec("!=1.1.*").contains(post))
        let alpha = try v("1.1a1")
        #expect(try !spec("==1.1").contains(alpha, prereleases: true))
        #expect(try spec("==1.1a1").contains(alpha))
        #expect(try !spec("==1.1.*").contains(alpha))
        #expect(try spec("==1.1.*").contains(alpha, prereleases: true))
    }

    @Test func prefixMatchingPadsWithZerosAndKeepsEpochs() throws {
        #expect(try spec("==1.0.0.*").contains(v("1")))
        #expect(try spec("==1.*").contains(v("1.9.9")))
        #expect(try !spec("==1.*").contains(v("10.0")))
        #expect(try spec("==3.10.*").contains(v("3.10.4+local")))
        #expect(try !spec("==3.1.*").contains(v("3.10")))
        #expect(try !spec("==1.*").contains(v("1!1.0")))
        #expect(try spec("==1!1.*").contains(v("1!1.5")))
    }

    @Test func zeroPaddingAndLocalVersions() throws {
        #expect(try spec("==1.0").contains(v("1.0.0")))
        #expect(try spec("==1.0").contains(v("1.0+local")))
        #expect(try !spec("==1.0+other").contains(v("1.0+local")))
        #expect(try spec("==1.0+local").contains(v("1.0+LOCAL")))
        #expect(try !spec("!=1.0").contains(v("1.0+local")))
        #expect(try spec("<=1.0").contains(v("1.0+local")))
        #expect(try spec(">=1.0").contains(v("1.0+local")))
    }

    @Test func exclusiveComparisonsSkipTheBoundsOwnPreAndPostReleases() throws {
        #expect(try spec(">1.7").contains(v("1.7.1")))
        #expect(try !spec(">1.7").contains(v("1.7.0.post1")))
        #expect(try !spec(">1.7").contains(v("1.7+local")))
        #expect(try spec(">1.7.post2").contains(v("1.7.post3")))
        #expect(try spec(">1.7a1").contains(v("1.7a2+local")))
        #expect(try !spec("<3.1").contains(v("3.1a1"), prereleases: true))
        #expect(try spec("<3.1").contains(v("3.0")))
        #expect(try spec("<3.1").contains(v("3.0rc1"), prereleases: true))
        #expect(try spec("<3.1rc1").contains(v("3.1b1")))
        #expect(try !spec("<3.1").contains(v("3.1")))
    }

    @Test func arbitraryEqualityComparesText() throws {
        #expect(try spec("===1.0").contains(v("1.0")))
        #expect(try !spec("===1.0").contains(v("1.0.0")))
        #expect(try set("===foobar").contains("FooBar"))
        #expect(try !set("===foobar,>=1").contains("foobar"))
    }

    @Test func preReleasesAreLeftOutUnlessAskedOrNamed() throws {
        #expect(try !spec(">=1.0").contains(v("1.1a1")))
        #expect(try spec(">=1.0").contains(v("1.1a1"), prereleases: true))
        #expect(try spec(">=1.1a1").contains(v("1.1a2")))
        #expect(try !spec("!=1.1a1").contains(v("1.1a2")))
        #expect(try !set(">=1.0,<2").contains(v("1.5rc1")))
        #expect(try set(">=1.0,<2,!=1.5rc1,>=1.1b1").contains(v("1.5rc2")))
        #expect(try !set("").contains(v("1.0a1")))
        #expect(try set("").contains(v("1.0")))
        #expect(try !set(">=1.0").contains(v("2.0b1"), prereleases: false))
    }

    @Test func filterFallsBackToPreReleasesWhenNoFinalMatches() throws {
        let versions = try ["1.0", "1.5a1", "2.0b1"].map(v)
        #expect(try set(">=1.0").filter(versions) == [v("1.0")])
        #expect(try set(">=1.1").filter(versions) == [v("1.5a1"), v("2.0b1")])
        #expect(try set(">=1.1").filter(versions, prereleases: false).isEmpty)
        #expect(try set(">=1.0").best(of: versions, prereleases: true) == v("2.0b1"))
    }

    @Test func setsParseCommaListsAndRender() throws {
        let parsed = try set(" >=1.4 , <2 ,, !=1.5.1")
        #expect(parsed.specifiers.count == 3)
        #expect(parsed.description == ">=1.4,<2,!=1.5.1")
        #expect(try set("").isEmpty)
        #expect(throws: HelpError.self) { try SpecifierSet(">=1.0, >=") }
    }
}
