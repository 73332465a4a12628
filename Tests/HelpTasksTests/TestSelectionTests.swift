import HelpProject
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
