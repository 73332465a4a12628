import HelpProject
import HelpSystem
import Testing

@testable import HelpTasks

/// Bumps and order of PEP 440 and semver versions for `help version`.
@Suite struct ReleaseVersionTests {
    @Test func bumpsFollowEachGrammar() throws {
        #expect(try ReleaseVersion.bumped("1.2.3", part: .major, kind: .python) == "2.0.0")
        #expect(try ReleaseVersion.bumped("1.2", part: .patch, kind: .python) == "1.2.1")
        #expect(try ReleaseVersion.bumped("1.2.3", part: .pre, kind: .python) == "1.2.4rc1")
        #expect(try ReleaseVersion.bumped("1.2.4rc1", part: .pre, kind: .python) == "1.2.4rc2")
        #expect(try ReleaseVersion.bumped("1.3.0rc2", part: .minor, kind: .python) == "1.3.0")
        #expect(try ReleaseVersion.bumped("1.2.3", part: .minor, kind: .node) == "1.3.0")
        #expect(try ReleaseVersion.bumped("1.2.3", part: .pre, kind: .node) == "1.2.4-rc.1")
        #expect(try ReleaseVersion.bumped("2.0.0-rc.1", part: .major, kind: .swift) == "2.0.0")
        #expect(throws: (any Error).self) { try ReleaseVersion.bumped("one", part: .patch, kind: .node) }
    }

    /// Found by fuzzing (Tests/Fuzz/Targets/FuzzVersionPlaces.swift): `1!1` bumped to `2.0.0`,
    /// which PEP 440 orders below it; a semver pre-release of several identifiers lost all but the
    /// first and moved down; so did a PEP 440 version of more than three numbers; a number at Int.max trapped on the bump.
    @Test func bumpsKeepTheEpochAndRefuseNumbersThatCannotGrow() throws {
        #expect(try ReleaseVersion.bumped("1!1", part: .major, kind: .python) == "1!2.0.0")
        #expect(try ReleaseVersion.bumped("2!1.0.0rc1", part: .pre, kind: .python) == "2!1.0.0rc2")
        #expect(try ReleaseVersion.bumped("1!1.0", part: .pre, kind: .python) == "1!1.0.1rc1")
        #expect(
            !ReleaseVersion.isLower(
                try ReleaseVersion.bumped("1!1", part: .patch, kind: .python), than: "1!1", kind: .python))
        #expect(try ReleaseVersion.bumped("1.2.3-1rc.1.0.0r1c1", part: .pre, kind: .node) == "1.2.3-1rc.1.0.0r1c1.1")
        #expect(try ReleaseVersion.bumped("1.2.3-beta", part: .pre, kind: .node) == "1.2.3-beta.1")
        #expect(try ReleaseVersion.bumped("1.1.1.1.0rc1", part: .patch, kind: .python) == "1.1.2")
        #expect(try ReleaseVersion.bumped("1.1.1.1.0rc1", part: .pre, kind: .python) == "1.1.1.1.0rc2")
        #expect(try ReleaseVersion.bumped("1.2.3-alpha.7.x.9", part: .pre, kind: .swift) == "1.2.3-alpha.7.x.10")
        #expect(throws: HelpError.self) {
            try ReleaseVersion.bumped("1.0.9223372036854775807", part: .patch, kind: .node)
        }
    }

    @Test func semverOrderAndValidity() {
        #expect(SemanticVersion("1.0.0-alpha")! < SemanticVersion("1.0.0-alpha.1")!)
        #expect(SemanticVersion("1.0.0-alpha.1")! < SemanticVersion("1.0.0-beta")!)
        #expect(SemanticVersion("1.0.0-rc.2")! < SemanticVersion("1.0.0-rc.10")!)
        #expect(SemanticVersion("1.0.0-rc.1")! < SemanticVersion("1.0.0")!)
        #expect(SemanticVersion("1.0.0+build.5")! == SemanticVersion("1.0.0")!)
        #expect(SemanticVersion("1.0") == nil)
        #expect(SemanticVersion("01.0.0") == nil)
        #expect(ReleaseVersion.isLower("1.0.0rc1", than: "1.0.0", kind: .python))
        #expect(!ReleaseVersion.isLower("1.0.1", than: "1.0.0", kind: .node))
    }
}
