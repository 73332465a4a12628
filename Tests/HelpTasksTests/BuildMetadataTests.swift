import HelpCache
import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// Comparing built Python metadata with pyproject.toml, reading wheel RECORD lines, and the
/// dist/SHA256SUMS and manifest.json `help build` writes.
@Suite struct BuildMetadataTests {
    let pyproject = try! PyProject(
        text: """
            [project]
            name = "Auth.Client"
            version = "1.0.0rc1"
            requires-python = ">=3.9"
            dependencies = ["httpx>=0.27,<1", "attrs"]
            """)

    @Test func metadataAgreeingUpToSpellingHasNoMismatch() {
        let metadata = PackageMetadata(
            text: """
                Metadata-Version: 2.4
                Name: auth-client
                Version: 1.0.0-RC1
                Requires-Python: >= 3.9
                Requires-Dist: attrs
                Requires-Dist: httpx<1,>=0.27
                Requires-Dist: pytest; extra == "test"

                Long description: Name: other
                """)
        #expect(metadata.mismatches(with: pyproject, file: "w.whl") == [])
    }

    @Test func everyDisagreementIsNamed() {
        let metadata = PackageMetadata(
            text: """
                Name: auth-server
                Version: 1.0.0
                Requires-Python: >=3.8
                Requires-Dist: httpx>=0.27
                Requires-Dist: rich
                """)
        #expect(
            metadata.mismatches(with: pyproject, file: "w.whl") == [
                "w.whl: Name is 'auth-server', pyproject.toml says 'Auth.Client'",
                "w.whl: Version is '1.0.0', pyproject.toml says '1.0.0rc1'",
                "w.whl: Requires-Python is '>=3.8', pyproject.toml says '>=3.9'",
                "w.whl: Requires-Dist lacks 'attrs' from pyproject.toml",
                "w.whl: Requires-Dist lacks 'httpx<1,>=0.27' from pyproject.toml",
                "w.whl: Requires-Dist has 'httpx>=0.27', which pyproject.toml does not declare",
                "w.whl: Requires-Dist has 'rich', which pyproject.toml does not declare",
            ])
    }

    @Test func recordLinesAreReadAsCSV() {
        #expect(WheelRecord.fields("a/b.py,sha256=xyz,12") == ["a/b.py", "sha256=xyz", "12"])
        #expect(WheelRecord.fields("\"a,\"\"b\"\".py\",sha256=x,1\r") == ["a,\"b\".py", "sha256=x", "1"])
        #expect(WheelRecord.fields("x.dist-info/RECORD,,") == ["x.dist-info/RECORD", "", ""])
    }

    @Test func sumsListEveryArtifactAndKeepOtherComponentsStillOnDisk() throws {
        let dist = TempDir()
        let fs = FileSystem()
        try fs.createDirectories(dist.path("old"))
        try fs.writeAtomically(dist.path("old/old-1.tgz"), [1])
        var old = BuildResult(component: "old")
        old.status = .built
        old.artifacts = [BuildArtifact(name: "old-1.tgz", sha256: SHA256.hash([1]).hex, size: 1)]
        var gone = BuildResult(component: "gone")
        gone.status = .built
        gone.artifacts = [BuildArtifact(name: "gone-1.tgz", sha256: SHA256.hash([2]).hex, size: 1)]
        try DistIndex.write([old, gone], dist: dist.path)

        var fresh = BuildResult(component: "lib")
        fresh.status = .restored
        fresh.version = "2.0.0"
        fresh.artifacts = [BuildArtifact(name: "lib 2.tgz", sha256: SHA256.hash([3]).hex, size: 1)]
        try DistIndex.write([fresh], dist: dist.path)

        let parsed = HashCheckFormat.parse(try fs.readText(dist.path("SHA256SUMS")))
        #expect(parsed.malformedLines.isEmpty)
        #expect(parsed.entries.map(\.name) == ["lib/lib 2.tgz", "old/old-1.tgz"])
        let manifest = try JSONValue.parse(try fs.readText(dist.path("manifest.json")))
        let lib = manifest["artifacts"]?[0]
        #expect(lib?["status"]?.string == "restored")
        #expect(lib?["version"]?.string == "2.0.0")
        #expect(lib?["sha256"]?.string == SHA256.hash([3]).hex)
    }
}
