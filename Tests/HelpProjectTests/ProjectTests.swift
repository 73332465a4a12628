import HelpSystem
import Testing

@testable import HelpProject

/// The whole picture: detection merged with help.json, inferred and declared dependencies, lookups.
@Suite struct ProjectTests {
    @Test func loadingFromASubfolderFindsTheWholeProject() throws {
        let fixture = Fixture.authService()
        let project = try fixture.project(from: "server/app")
        #expect(project.root == ProjectRoot(path: fixture.path, discovery: .git))
        #expect(project.components.map(\.name) == ["js-client", "python-client", "server"])
        #expect(project.config.components.isEmpty)
    }

    @Test func clientsDependOnTheOnlyServerWhenTheirFilesShowIt() throws {
        let project = try Fixture.authService()
            .write("python-client/tests/test_client.py", "from app.main import app\n")
            .write("js-client/test/api.test.js", "spawn('uvicorn', ['app.main:app'])\n")
            .project()
        #expect(project.component(named: "js-client")?.dependsOn == ["server"])
        #expect(project.component(named: "python-client")?.dependsOn == ["server"])
        #expect(project.component(named: "server")?.dependsOn == [])
        #expect(project.componentsDependingOn("server").map(\.name) == ["js-client", "python-client"])
        #expect(project.dependencies(of: "js-client").map(\.name) == ["server"])
        let python = try #require(project.component(named: "python-client"))
        #expect(python.evidence.last == "needs server: imports the server's package app (tests/test_client.py)")
        let js = try #require(project.component(named: "js-client"))
        #expect(js.evidence.last == "needs server: its tests start the server (uvicorn in test/api.test.js)")
    }

    @Test func aClientByNameAloneDependsOnNothing() throws {
        // Its tests use their own fake server: nothing in its files mentions ours.
        let project = try Fixture.authService()
            .write("python-client/tests/test_client.py", "from fake_server import FakeServer\nimport auth_client\n")
            .project()
        #expect(project.component(named: "python-client")?.role == .client)
        #expect(project.component(named: "python-client")?.dependsOn == [])
        #expect(project.component(named: "js-client")?.dependsOn == [])
        #expect(project.componentsDependingOn("server").isEmpty)
    }

    @Test func aClientDeclaringTheServerDistributionDependsOnIt() throws {
        let project = try Fixture.authService()
            .write("server/pyproject.toml", "[project]\nname = \"auth-server\"\n")
            .write(
                "python-client/pyproject.toml",
                "[project]\nname = \"auth-client\"\n\n[dependency-groups]\ndev = [\"Auth_Server\"]\n"
            )
            .project()
        #expect(project.component(named: "python-client")?.dependsOn == ["server"])
        #expect(project.component(named: "js-client")?.dependsOn == [])
    }

    @Test func noInferenceWithTwoServers() throws {
        let fixture = Fixture.authService().write("admin/alembic.ini", "").write("admin/requirements.txt", "")
        let project = try fixture.project()
        #expect(project.components(withRole: .server).count == 2)
        #expect(project.component(named: "js-client")?.dependsOn == [])
    }

    @Test func componentsAreFoundByNameOrFlag() throws {
        let project = try Fixture.authService().project()
        #expect(project.component(named: "--python-client")?.name == "python-client")
        #expect(project.component(named: "Python_Client")?.name == "python-client")
        #expect(project.component(named: "nothing") == nil)
    }

    @Test func helpJSONOverridesDetectedComponents() throws {
        let fixture = Fixture.authService().write(
            "help.json",
            """
            {"components": {
              "server": {"role": "app", "commands": {"test": ["pytest", "-x"]}, "env": {"A": "1"}},
              "python-client": {"depends_on": []},
              "js": {"path": "js-client", "inputs": ["src/**"]}
            }}
            """)
        let project = try fixture.project()
        #expect(project.root.discovery == .helpJSON)
        #expect(project.components.map(\.name) == ["js", "python-client", "server"])
        let server = try #require(project.component(named: "server"))
        #expect(server.role == .app && server.declared)
        #expect(server.evidence.last == "role app declared in help.json")
        #expect(server.commands.test == ["pytest", "-x"])
        #expect(server.commands.run == ["uvicorn", "app.main:app", "--reload"])
        #expect(server.environment == ["A": "1"])
        let js = try #require(project.component(named: "js"))
        #expect(js.kind == .node && js.inputs == ["src/**"])
        // With the server declared an app there is no server to infer, and depends_on [] wins.
        #expect(project.component(named: "python-client")?.dependsOn == [])
    }

    @Test func helpJSONReachesDeeperFoldersAndDeclaresComponentsDetectionMisses() throws {
        let fixture = Fixture().folder(".git")
            .write("services/api/pyproject.toml", "[project]\nname = \"api\"\ndependencies = [\"uvicorn\"]\n")
            .write("tools/gen/README", "")
            .write(
                "help.json",
                """
                {"components": {
                  "api": {"path": "services/api"},
                  "gen": {"path": "tools/gen", "kind": "node", "commands": {"run": ["node", "gen.js"]}},
                  "web-client": {"path": "tools/gen", "kind": "node", "depends_on": ["api"]}
                }}
                """)
        let project = try fixture.project()
        #expect(project.components.map(\.name) == ["api", "gen", "web-client"])
        #expect(project.component(named: "web-client")?.role == .client)
        #expect(project.component(named: "web-client")?.dependsOn == ["api"])
        #expect(project.component(named: "api")?.role == .server)
        #expect(project.component(named: "gen")?.commands.run == ["node", "gen.js"])
        #expect(project.component(named: "gen")?.evidence.last == "declared in help.json")
    }

    @Test func declaredProblemsNameTheirPlaceInHelpJSON() throws {
        let fixture = Fixture.authService()
        func message(_ json: String) -> String? {
            fixture.write("help.json", json)
            do {
                _ = try fixture.project()
                return nil
            } catch let error as HelpError {
                return error.code == .dataError ? error.message : "wrong code \(error.code)"
            } catch {
                return "\(error)"
            }
        }
        #expect(
            message(#"{"components": {"api": {"path": "nowhere"}}}"#)
                == "help.json:1:33: components.api.path: no folder \"nowhere\" in the project")
        #expect(
            message(#"{"components": {"docs": {}}}"#)
                == "help.json:1:25: components.docs: no Python, Node or Swift project file in \"docs\"")
        #expect(
            message(#"{"components": {"server": {"depends_on": ["db"]}}}"#)
                == "help.json:1:43: components.server.depends_on[0]: no component named \"db\"")
        #expect(
            message(
                #"{"components": {"server": {"depends_on": ["js-client"]}, "js-client": {"depends_on": ["server"]}}}"#)
                == "help.json:1:86: components.js-client.depends_on: dependency cycle: js-client -> server -> js-client"
        )
    }

    @Test func jsonShapeListsComponentsWithoutEnvironmentValues() throws {
        let fixture = Fixture.authService().write(
            "help.json", #"{"components": {"server": {"env": {"DB_URL": "postgres://u:pw@h/db"}}}}"#)
        let json = try fixture.project().json
        #expect(json["found_by"] == "help.json")
        #expect(json["components"]?[2]?["name"] == "server")
        #expect(json["components"]?[2]?["env"] == ["DB_URL"])
        #expect(!json.encoded().contains("pw@h"))
    }
}
