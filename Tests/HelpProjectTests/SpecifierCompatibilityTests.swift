import Testing
@testable import HelpProject

/// Whether two specifier sets can be satisfied by one version, used to report conflicts.
@Suite struct SpecifierCompatibilityTests {
    private func compatible(_ a: String, _ b: String, prereleases: Bool? = nil) throws -> Bool {
        try SpecifierSet(a).isCompatible(with: SpecifierSet(b), prereleases: prereleases)
    }

    @Test(arguments: [
        (">=2", "<1.5"), ("==1.0", "!=1.0"), ("~=1.4", ">=2"), ("==1.*", "==2.*"), (">1.0", "<=1.0"),
        ("<2.0", ">=2.0.dev0"), (">1.7", "==1.7.post1"), ("==1.0", "==1.0.1"), ("~=1.4.2", "<1.4.2"),
        ("===1.0", "===1.0.0"), ("===foobar", ">=1"), (">=1.0,<1.1", "!=1.0.*"), ("<0", ">=0"),
    ])
    func conflictingPairs(a: String, b: String) throws {
        #expect(try !compatible(a, b))
        #expect(try !compatible(b, a))
    }

    @Test(arguments: [
        ("~=1.4", "==1.4.2"), (">=1.0", "<2"), ("==1.*", "!=1.5"), (">1.7", "<1.8"), ("", ">=3"),
        ("<=1.0", "==1.0+local"), ("==1.0+local", "==1.0"), (">=2.0", "<2.0.1"), ("!=1.5.*", "~=1.4"),
        (">1.0", "<1.0.0.1"), ("===1.0", ">=1"), ("===foobar", "===FooBar"), ("==2!1.0", ">=1!5"),
    ])
    func compatiblePairs(a: String, b: String) throws {
        #expect(try compatible(a, b))
        #expect(try compatible(b, a))
    }

    @Test func stretchesHoldingOnlyPreReleasesNeedPreReleasesAllowed() throws {
        // Inside 2.0.* but below 2.0.post0 and not 2.0 itself lie only pre-releases of 2.0.
        #expect(try !compatible("==2.0.*,!=2.0", "<2.0.post0"))
        #expect(try compatible("==2.0.*,!=2.0", "<2.0.post0", prereleases: true))
        // A clause naming a pre-release lets them in.
        #expect(try compatible(">=2.0b1", "<=2.0b3"))
        #expect(try !compatible(">=2.0b1", "<=2.0b3", prereleases: false))
        // `<2.0` leaves out 2.0's own pre-releases.
        #expect(try !compatible(">=2.0b1", "<2.0"))
        #expect(try compatible(">=2.0", "<2.0.post1"))
    }

    @Test func aSetAloneReportsWhetherItCanHold() throws {
        #expect(try SpecifierSet(">=1,<2").isSatisfiable())
        #expect(try !SpecifierSet(">=2,<1").isSatisfiable())
        #expect(try !SpecifierSet("==1.0,!=1.0").isSatisfiable())
        #expect(try SpecifierSet("").isSatisfiable())
        #expect(try !SpecifierSet("<=0.0,!=0").isSatisfiable())
    }
}
