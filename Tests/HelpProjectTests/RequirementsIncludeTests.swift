import HelpSystem
import Testing

@testable import HelpProject

/// Following `-r` and `-c` includes relative to the including file, once each.
@Suite struct RequirementsIncludeTests {
    private let files = [
        "app/requirements.txt":
            "-r common/base.txt\n-c ../constraints.txt\n--index-url https://x/simple\nfastapi\n-e .\n",
        "app/common/base.txt": "# base\nhttpx==0.27 --hash=sha256:abc\n-r ./more.txt\n",
        "app/common/more.txt": "rich\n./wheel-1.0-py3-none-any.whl\n",
        "constraints.txt": "urllib3<3\n-r nested-constraints.txt\n",
        "nested-constraints.txt": "idna<4\n",
    ]

    private func read(_ path: String) throws -> String {
        guard let text = files[path] else { throw HelpError.io("cannot read \(path): No such file or directory") }
        return text
    }

    @Test func followsIncludesRelativeToTheIncludingFile() throws {
        let resolved = try RequirementsFile.resolve(path: "./app/requirements.txt", read: read)
        #expect(
            resolved.files == [
                "app/requirements.txt", "app/common/base.txt", "app/common/more.txt",
                "constraints.txt", "nested-constraints.txt",
            ])
        #expect(resolved.requirements.map(\.requirement.name) == ["httpx", "rich", "fastapi"])
        #expect(
            resolved.requirements.map(\.file) == ["app/common/base.txt", "app/common/more.txt", "app/requirements.txt"])
        #expect(resolved.requirements.map(\.line) == [2, 1, 4])
        #expect(resolved.requirements[0].hashes == ["sha256:abc"])
        #expect(resolved.constraints.map(\.requirement.name) == ["urllib3", "idna"])
        #expect(resolved.editables == [.init(target: ".", file: "app/requirements.txt")])
        #expect(resolved.directReferences.map(\.target) == ["./wheel-1.0-py3-none-any.whl"])
        #expect(resolved.options == [.init(name: "--index-url", value: "https://x/simple")])
    }

    @Test func aMissingIncludeNamesTheIncludingLine() {
        do {
            _ = try RequirementsFile.resolve(path: "top.txt") { path in
                if path == "top.txt" { return "a\n-r missing.txt\n" }
                throw HelpError.io("cannot read \(path): No such file or directory")
            }
            Issue.record("expected an error")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.hasPrefix("top.txt:2: cannot read included file missing.txt"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func remoteIncludesAreListedNotFetched() throws {
        let resolved = try RequirementsFile.resolve(path: "/srv/r.txt") { _ in "-r https://e.org/r.txt\nx\n" }
        #expect(resolved.remoteIncludes == ["https://e.org/r.txt"])
        #expect(resolved.files == ["/srv/r.txt"])
    }

    @Test func pathsAreJoinedAndNormalizedLexically() {
        #expect(RequirementsPaths.normalize("a/./b/../c.txt") == "a/c.txt")
        #expect(RequirementsPaths.normalize("../x/../y.txt") == "../y.txt")
        #expect(RequirementsPaths.normalize("/a/../../b") == "/b")
        #expect(RequirementsPaths.join("/srv/app", "/etc/r.txt") == "/etc/r.txt")
        #expect(RequirementsPaths.folder(of: "r.txt") == ".")
        #expect(RequirementsPaths.folder(of: "/r.txt") == "/")
    }
}
