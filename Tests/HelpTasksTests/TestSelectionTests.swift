import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

@Suite struct TestSelectionTests {
    func project() throws -> Project {
        try Project(
            root: ProjectRoot(path: "/repo"),
            detected: [
                Component(name: "server", path: "server", kind: .python, role: .server),
                Component(
                    name: "python-client", path: "python-client", kind: .python, role: .client, dependsOn: ["server"]),
                Component(name: "js-client", path: "js-client", kind: .node, role: .client, dependsOn: ["server"]),
            ],
            config: ProjectConfig())
    }

    @Test func aServerChangeSelectsItsDependents() throws {
        let selection = TestSelection.select(changed: ["server/app/main.py"], base: "main", project: try project())
        #expect(Set(selection.components.map(\.name)) == ["server", "python-client", "js-client"])
        #expect(selection.reasons["server"] == "server/app/main.py changed since main")
        #expect(selection.reasons["js-client"] == "depends on server")
    }

    @Test func aClientChangeSelectsOnlyThatClient() throws {
        let selection = TestSelection.select(changed: ["js-client/src/index.js"], base: "main", project: try project())
        #expect(selection.components.map(\.name) == ["js-client"])
    }

    @Test func filesOutsideComponentsSelectNothing() throws {
        let selection = TestSelection.select(changed: ["README.md"], base: "main", project: try project())
        #expect(selection.components.isEmpty)
    }
}

/// What a test run leaves in the work tree is no change, even where the project does not ignore it.
@Suite struct ChangedFilesTests {
    let folder = TempDir(prefix: "help-changed-files")

    @Test func runLeftoversAreNoChangeButAnEditIs() throws {
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        try folder.write(["repo/server/app.py": "x = 1\n", "repo/server/.coveragerc": "[run]\n"])
        let repo = folder.path("repo")
        for arguments in [
            ["init", "-q"], ["add", "-A"],
            ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "base"],
        ] {
            try #require(try runner.run(Command("git", ["-C", repo] + arguments)).succeeded)
        }
        try folder.write([
            "repo/server/.coverage": "data", "repo/server/.coverage.box.12.345": "data",
            "repo/server/.venv/bin/python": "", "repo/server/app/__pycache__/app.cpython-311.pyc": "",
        ])
        #expect(try ChangedFiles.list(root: repo, since: "HEAD", runner: runner).paths == [])
        try folder.write(["repo/server/.coveragerc": "[run]\nbranch = true\n", "repo/server/new_test.py": ""])
        #expect(
            try ChangedFiles.list(root: repo, since: "HEAD", runner: runner).paths.sorted() == [
                "server/.coveragerc", "server/new_test.py",
            ])
    }
}
