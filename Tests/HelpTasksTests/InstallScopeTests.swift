import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

/// Which components `help install` syncs: where the user stands decides, as for `help test`.
@Suite struct InstallScopeTests {
    func project() throws -> (TempDir, Project) {
        let folder = try TempDir.project([
            ".git/": "", "api/pyproject.toml": "[project]\nname = \"api\"\nversion = \"1\"\n",
            "api/src/api/__init__.py": "", "web/package.json": #"{"name": "web", "version": "1.0.0"}"#,
        ])
        return (folder, try Project.load(from: folder.path))
    }

    @Test func insideAComponentsFolderOnlyThatOneIsSyncedAndSaidSo() throws {
        let (folder, project) = try project()
        let chosen = try InstallWorkflow.syncTargets(
            InstallOptions(), project: project, workingDirectory: folder.path + "/api/src/api")
        #expect(chosen.targets.map(\.name) == ["api"])
        #expect(chosen.scope == "api only: the current folder (--all for every component)")
    }

    @Test func atTheRootOrWithAllEveryComponentIsSynced() throws {
        let (folder, project) = try project()
        let atRoot = try InstallWorkflow.syncTargets(InstallOptions(), project: project, workingDirectory: folder.path)
        #expect(Set(atRoot.targets.map(\.name)) == ["api", "web"])
        #expect(atRoot.scope == nil)
        var options = InstallOptions()
        options.all = true
        let all = try InstallWorkflow.syncTargets(options, project: project, workingDirectory: folder.path + "/web")
        #expect(Set(all.targets.map(\.name)) == ["api", "web"])
    }

    @Test func aNamedComponentWinsOverTheFolder() throws {
        let (folder, project) = try project()
        let chosen = try InstallWorkflow.syncTargets(
            InstallOptions(components: ["web"]), project: project, workingDirectory: folder.path + "/api")
        #expect(chosen.targets.map(\.name) == ["web"])
        #expect(chosen.scope == nil)
    }
}
