import HelpSystem
import Testing

@testable import HelpProject

/// Root discovery: help.json first, then the repository root, then the start folder.
@Suite struct ProjectLocatorTests {
    @Test func helpJSONFolderWinsOverTheGitRoot() throws {
        let fixture = Fixture().folder(".git").write("apps/help.json", "{}").folder("apps/server/app")
        let root = try fixture.locate(from: "apps/server/app")
        #expect(root == ProjectRoot(path: fixture.path + "/apps", discovery: .helpJSON))
    }

    @Test func helpJSONAndGitInOneFolderCountAsHelpJSON() throws {
        let fixture = Fixture().folder(".git").write("help.json", "{}").folder("server")
        let root = try fixture.locate(from: "server")
        #expect(root == ProjectRoot(path: fixture.path, discovery: .helpJSON))
    }

    @Test func gitRootIsUsedWithoutHelpJSON() throws {
        let fixture = Fixture().folder(".git").folder("server/app")
        let root = try fixture.locate(from: "server/app")
        #expect(root == ProjectRoot(path: fixture.path, discovery: .git))
    }

    @Test func aGitFileMarksAWorktreeRoot() throws {
        let fixture = Fixture().write("wt/.git", "gitdir: /elsewhere/.git/worktrees/wt\n").folder("wt/src")
        let root = try fixture.locate(from: "wt/src")
        #expect(root == ProjectRoot(path: fixture.path + "/wt", discovery: .git))
    }

    @Test func helpJSONAboveTheRepositoryIsIgnored() throws {
        let fixture = Fixture().write("help.json", "{}").folder("repo/.git").folder("repo/lib")
        let root = try fixture.locate(from: "repo/lib")
        #expect(root == ProjectRoot(path: fixture.path + "/repo", discovery: .git))
    }

    @Test func startFolderWhenNothingAboveMarksARoot() throws {
        // A .git below the start folder does not count; only the folders upwards do. (Assumes no
        // help.json or .git in /tmp or /, which holds on a normal machine.)
        let fixture = Fixture().folder("a/b/.git")
        let root = try fixture.locate(from: "a")
        #expect(root == ProjectRoot(path: fixture.path + "/a", discovery: .startFolder))
    }

    @Test func startPathIsNormalized() throws {
        let fixture = Fixture().folder(".git").folder("x/y")
        let root = try fixture.locate(from: "x/../x/./y/")
        #expect(root.path == fixture.path)
        #expect(root.name == FileProbe.baseName(fixture.path))
    }

    @Test func missingStartFolderIsAUsageError() {
        let fixture = Fixture()
        do {
            _ = try fixture.locate(from: "nope")
            Issue.record("a missing folder was accepted")
        } catch let error as HelpError {
            #expect(error.code == .usage)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
