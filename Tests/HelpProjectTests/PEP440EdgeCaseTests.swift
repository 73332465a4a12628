import Testing

@testable import HelpProject

/// Corners of PEP 440 where a hand-written reader can drift from the PEP's regular expression and
/// from pip: separators after a label without a number, and `===` inside the conflict check.
@Suite struct PEP440EdgeCaseTests {
    @Test(arguments: [
        ("1.0.post.", "1.0.post0"), ("1.0a-", "1.0a0"), ("1.0a--1", "1.0a0.post1"), ("1.0a.-1", "1.0a0.post1"),
        ("1b1.POST.", "1b1.post0"), ("2.0.POST..dev", "2.0.post0.dev0"), ("1.0rc1post.", "1.0rc1.post0"),
        ("1.0a.post1", "1.0a0.post1"), ("01.1.10.r.+abc", "1.1.10.post0+abc"),
    ])
    func aSeparatorAfterALabelWithoutANumberBelongsToTheLabel(input: String, expected: String) {
        #expect(PythonVersion(input)?.description == expected)
    }

    @Test(arguments: ["1.0-", "1.0a1-", "1.0.dev1."])
    func aSeparatorWithNoLabelBeforeItIsStillAnError(input: String) {
        #expect(PythonVersion(input) == nil)
    }

    @Test func arbitraryEqualityMeetsOnlyItsOwnSpelling() throws {
        // `2` and `2.0` are one version, but `===2` accepts only the spelling `2`.
        #expect(try SpecifierSet(">=1").intersects(SpecifierSet(">=2.0,===2")))
        #expect(try SpecifierSet("==0").intersects(SpecifierSet("===0.0.0")))
        #expect(try SpecifierSet("<=10.1.1.0b1,>=2.0,<2.1").intersects(SpecifierSet("===2")))
        #expect(try !SpecifierSet("===2").intersects(SpecifierSet("===2.0")))
        #expect(try !SpecifierSet("===foo").intersects(SpecifierSet(">=1")))
        #expect(try SpecifierSet("===foo").intersects(SpecifierSet("===FOO")))
        #expect(try !SpecifierSet("===2.0b1").intersects(SpecifierSet(">=1"), prereleases: false))
        #expect(try !SpecifierSet("===1.5").intersects(SpecifierSet(">=2")))
    }
}
