import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

@Suite struct ComponentsCommandTests {
    /// A FastAPI server with Alembic and a Node client, in a fresh folder that looks like a clone.
    private func project() throws -> TempDir {
        try TempDir.project([
            ".git/": "",
            "server/requirements.txt": "fastapi\nuvicorn\n",
            "server/alembic.ini": "[alembic]\n",
            "server/app/__init__.py": "",
            "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            "web-client/package.json": #"{"name": "web", "scripts": {"test": "node --test"}}"#,
        ])
    }

    @Test func jsonListsEveryComponentWithTheStableFields() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path, "components", "--json"]) == 0)
        let document = try JSONValue.parse(cli.stdout)
        #expect(document["root"]?.string == folder.path)
        let components = try #require(document["components"]?.array)
        #expect(components.compactMap { $0["name"]?.string }.sorted() == ["server", "web-client"])
        let server = try #require(components.first { $0["name"]?.string == "server" })
        #expect(server["kind"]?.string == "python")
        #expect(server["role"]?.string == "server")
        #expect(server["flag"]?.string == "--server")
        #expect(server["app"]?.string == "app.main:app")
        #expect(server["run"]?.array?.isEmpty == false)
        #expect(server["evidence"]?.array?.isEmpty == false)
        for key in ["name", "path", "kind", "role", "flag", "test", "run", "app", "evidence"] {
            #expect(server[key] != nil, "missing \(key)")
        }
    }

    @Test func humanOutputShowsEachComponentWithItsCommandsAndEvidence() throws {
        let folder = try project()
        let cli = CLIHarness()
        #expect(cli.run(["-C", folder.path + "/server", "components"]) == 0)
        #expect(cli.stdout.contains("server  python server  server  --server\n"))
        #expect(cli.stdout.contains("  app    app.main:app\n"))
        #expect(cli.stdout.contains("  why    "))
        #expect(cli.stdout.contains("web-client  node client"))
    }
}
