import HelpSystem
import Testing
@testable import HelpProject

/// PEP 440 versions: every accepted spelling, normalization and the PEP's ordering.
@Suite struct PythonVersionTests {
    private func v(_ text: String) throws -> PythonVersion { try PythonVersion(text) }

    @Test func parsesAllPartsOfAFullVersion() throws {
        let version = try v("2!1.2.3rc4.post5.dev6+ubuntu.7")
        #expect(version.epoch == 2)
        #expect(version.release == [1, 2, 3])
        #expect(version.pre == PythonVersion.PreRelease(.candidate, 4))
        #expect(version.post == 5)
        #expect(version.dev == 6)
        #expect(version.local == [.word("ubuntu"), .number("7")])
        #expect(version.description == "2!1.2.3rc4.post5.dev6+ubuntu.7")
    }

    @Test(arguments: [
        ("1.1RC1", "1.1rc1"), ("00", "0"), ("09000", "9000"), ("1.0+foo0100", "1.0+foo0100"),
        ("1.1.a1", "1.1a1"), ("1.1-a1", "1.1a1"), ("1.1_a1", "1.1a1"), ("1.0a.1", "1.0a1"),
        ("1.1alpha1", "1.1a1"), ("1.1beta2", "1.1b2"), ("1.1c3", "1.1rc3"), ("1.1pre3", "1.1rc3"),
        ("1.1preview3", "1.1rc3"), ("1.2a", "1.2a0"), ("1.2-post2", "1.2.post2"), ("1.2post2", "1.2.post2"),
        ("1.2.post-2", "1.2.post2"), ("1.0-r4", "1.0.post4"), ("1.0rev4", "1.0.post4"), ("1.2.post", "1.2.post0"),
        ("1.0-1", "1.0.post1"), ("1.2-dev2", "1.2.dev2"), ("1.2dev2", "1.2.dev2"), ("1.2.dev", "1.2.dev0"),
        ("1.0+ubuntu-1", "1.0+ubuntu.1"), ("1.0+UBUNTU_01", "1.0+ubuntu.1"), ("v1.0", "1.0"), ("V1.0", "1.0"),
        ("  1.0\n", "1.0"), ("1.0-alpha1", "1.0a1"), ("1.0.post", "1.0.post0"), ("0!1.0", "1.0"),
        ("1.0a-", "1.0a0"), ("1.0a.-1", "1.0a0.post1"), ("1.0.DEV", "1.0.dev0"),
    ])
    func normalizesAlternativeSpellings(input: String, expected: String) throws {
        #expect(try v(input).description == expected)
    }

    @Test(arguments: ["", " ", "1.", ".1", "1..0", "1.0-", "a1", "1.0+", "1.0+a..b", "1.0++1", "1.0.post.post",
                      "1!", "!1", "1.0a1a1", "1.0 a1", "1.0.*", "1.0foo", "vv1", "1.0+a b", "1.0re", "١.٢"])
    func rejectsWhatIsNotAVersion(input: String) {
        #expect(PythonVersion.parse(input) == nil)
        #expect(throws: HelpError.self) { try PythonVersion(input) }
    }

    @Test func errorIsBadDataAndNamesTheText() {
        do {
            _ = try PythonVersion("latest")
            Issue.record("expected an error")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("'latest'"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func releaseNumbersThatOverflowAreRejected() {
        #expect(PythonVersion.parse("99999999999999999999999") == nil)
        #expect(PythonVersion.parse("1.0+99999999999999999999999")?.local == [.number("99999999999999999999999")])
    }

    /// The ordering example of PEP 440 ("Summary of permitted suffixes and relative ordering").
    @Test func followsThePEPOrderingExample() throws {
        let ordered = ["1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456",
                       "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                       "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15",
                       "1.1.dev1"]
        let versions = try ordered.map(v)
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower < higher, "\(lower) < \(higher)")
        }
        #expect(versions.shuffled().sorted() == versions)
    }

    @Test func epochsOutrankReleases() throws {
        #expect(try v("1!0.1") > v("2024.1"))
        #expect(try v("2013.10") < v("1!1.0"))
    }

    @Test func trailingZerosAndLocalSpellingsCompareEqual() throws {
        #expect(try v("1.0") == v("1.0.0.0"))
        #expect(try v("1.0").hashValue == v("1.0.0").hashValue)
        #expect(try v("1.0+abc.1") == v("1.0+ABC-01"))
        #expect(Set(try ["1", "1.0", "1.0.0"].map(v)).count == 1)
        #expect(try v("1.0.1") > v("1.0"))
    }

    @Test func localLabelsCompareNumbersAboveWordsAndByLength() throws {
        #expect(try v("1.0+abc") < v("1.0+1"))
        #expect(try v("1.0+2") < v("1.0+10"))
        #expect(try v("1.0+abc") < v("1.0+abc.0"))
        #expect(try v("1.0+abc") < v("1.0+abd"))
        #expect(try v("1.0+9") < v("1.0+99999999999999999999999"))
    }

    @Test func classifiesPreAndPostReleases() throws {
        #expect(try v("1.0a1").isPrerelease)
        #expect(try v("1.0.dev1").isPrerelease)
        #expect(try v("1.0.post1.dev0").isPrerelease)
        #expect(try !v("1.0.post1").isPrerelease)
        #expect(try v("1.0.post1").isPostRelease)
        #expect(try v("2!1.2rc1.post3+x").baseVersion.description == "2!1.2")
        #expect(try v("1.2+x").publicVersion.description == "1.2")
        #expect(try v("3").majorMinor == "3.0")
        #expect(try v("3.11.4").majorMinor == "3.11")
    }
}
