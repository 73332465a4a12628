import Testing

@testable import HelpProject

/// PEP 440 versions: every spelling the PEP accepts, its normal form, and its ordering.
@Suite struct PEP440VersionTests {
    private func v(_ text: String) -> PythonVersion { PythonVersion(text)! }

    @Test func ordersThePEPsOwnExampleList() {
        let ordered = [
            "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7",
            "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1",
        ].map(v)
        for (a, b) in zip(ordered, ordered.dropFirst()) {
            #expect(a < b, "\(a) should sort before \(b)")
        }
        #expect(ordered.shuffled().sorted() == ordered)
    }

    @Test(arguments: [
        ("1.0-ALPHA.2", "1.0a2"), ("1.0alpha", "1.0a0"), ("1.0-beta_3", "1.0b3"), ("1.0c1", "1.0rc1"),
        ("1.0preview2", "1.0rc2"), ("1.0.pre", "1.0rc0"), ("1.0-1", "1.0.post1"), ("1.0-r4", "1.0.post4"),
        ("1.0rev", "1.0.post0"), ("1.0.post", "1.0.post0"), ("1.0_post_2", "1.0.post2"), ("1.0.dev", "1.0.dev0"),
        ("1.0-DEV-7", "1.0.dev7"), ("v1.0", "1.0"), ("  V2.1\n", "2.1"), ("1!1.0", "1!1.0"), ("0!1.0", "1.0"),
        ("1.0+Ubuntu-1", "1.0+ubuntu.1"), ("1.0+abc_007", "1.0+abc.7"), ("01.002.0", "1.2.0"),
        ("1.0a.post1", "1.0a0.post1"), ("1.0rc1.post2.dev3+local.9", "1.0rc1.post2.dev3+local.9"),
    ])
    func normalizesEverySpelling(input: String, expected: String) {
        #expect(PythonVersion(input)?.normalized == expected)
    }

    @Test(arguments: [
        "", "abc", "1.0.", "1..0", "1.0+", "1.0+a..b", "1.0-", "1.0 a1", "1.0alpha1beta", "!1.0", "1.0+ab$",
        "1.0.post1.post2",
    ])
    func rejectsWhatThePEPDoesNotAllow(text: String) {
        #expect(PythonVersion(text) == nil)
    }

    @Test func comparesReleasesIgnoringTrailingZeros() {
        #expect(v("1.0") == v("1.0.0"))
        #expect(v("1") == v("1.0.0.0"))
        #expect(Set([v("1.0"), v("1"), v("1.0.0")]).count == 1)
        #expect(v("1.0.1") > v("1.0"))
        #expect(v("1!0.1") > v("99.0"))
        #expect(v("1.0a1") != v("1.0b1"))
    }

    @Test func ordersLocalLabelsNumbersAboveWordsAndLongerAboveShorter() {
        #expect(v("1.0") < v("1.0+abc"))
        #expect(v("1.0+abc") < v("1.0+abd"))
        #expect(v("1.0+abc") < v("1.0+1"))
        #expect(v("1.0+2") < v("1.0+10"))
        #expect(v("1.0+1") < v("1.0+1.0"))
        #expect(v("1.0+1.abc") < v("1.0+1.0"))
        #expect(v("1.0+zzz") < v("1.0.post0"))
    }

    @Test func placesDevReleasesOfPostReleasesBetweenTheirNeighbours() {
        #expect(v("1.0.post1") < v("1.0.post2.dev0"))
        #expect(v("1.0.post2.dev0") < v("1.0.post2"))
        #expect(v("1.0.dev5") < v("1.0a0"))
        #expect(v("1.0a1.dev1") < v("1.0a1"))
        #expect(v("1.0a1.post1") < v("1.0a2.dev0"))
    }

    @Test func reportsItsKindAndDerivedForms() {
        let version = v("1!2.3rc1.post4.dev5+ubuntu.1")
        #expect(version.isPrerelease && version.isDevrelease && version.isPostrelease)
        #expect(version.release == [2, 3])
        #expect(version.epoch == 1)
        #expect(version.public.normalized == "1!2.3rc1.post4.dev5")
        #expect(version.baseVersion.normalized == "1!2.3")
        #expect(v("1.0.post1").isPrerelease == false)
        #expect(v("1.0.dev1").isPrerelease)
        #expect(v("2.0b1").pre?.phase == .beta)
        #expect(v("1.0+local").local == [.word("local")])
    }
}
