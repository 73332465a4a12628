import HelpSystem
import Testing

@testable import HelpProject

/// Detection of components, their kinds, roles, evidence and commands from the files alone.
@Suite struct ComponentDetectorTests {
    private func detect(_ fixture: Fixture) -> [Component] {
        ComponentDetector.detect(root: ProjectRoot(path: fixture.path, discovery: .git))
    }

    @Test func authServiceShapeYieldsServerAndTwoClients() throws {
        let components = detect(Fixture.authService())
        #expect(components.map(\.name) == ["js-client", "python-client", "server"])
        #expect(components.map(\.kind) == [.node, .python, .python])
        #expect(components.map(\.role) == [.client, .client, .server])
        #expect(components.map(\.flag) == ["--js-client", "--python-client", "--server"])
    }

    @Test func serverEvidenceNamesAlembicTheAppAndUvicorn() throws {
        let server = try #require(detect(Fixture.authService()).first { $0.name == "server" })
        #expect(server.evidence.contains("alembic.ini present"))
        #expect(server.evidence.contains("FastAPI( in app/main.py"))
        #expect(server.evidence.contains("uvicorn in requirements.txt"))
        #expect(server.asgiApp == "app.main:app")
        #expect(server.commands.run == ["uvicorn", "app.main:app", "--reload"])
        #expect(server.commands.test == ["pytest"])
        #expect(server.commands.lint == ["ruff", "check", "."])
        let python = try #require(server.python)
        #expect(python.hasAlembic && python.migrationsFolder == "migrations")
        #expect(python.requirementFiles == ["requirements-dev.txt", "requirements.txt"])
        #expect(python.dependencies == ["fastapi", "uvicorn", "alembic"])
        #expect(python.dependencyGroups["file:requirements-dev.txt"] == ["pytest", "ruff"])
    }

    @Test func clientsAreNamedByTheirFolderAndKeepTheirMarkers() throws {
        let components = detect(Fixture.authService())
        let pythonClient = try #require(components.first { $0.name == "python-client" })
        #expect(pythonClient.evidence.contains("folder name ends in -client"))
        // fastapi only in a development group does not make a server.
        #expect(pythonClient.python?.requiresPython == ">=3.9")
        #expect(pythonClient.python?.dependencies == ["httpx"])
        #expect(pythonClient.python?.dependencyGroups["dev"] == ["pytest", "fastapi"])
        #expect(pythonClient.commands.test == ["pytest"])
        #expect(pythonClient.commands.run == nil)
        let jsClient = try #require(components.first { $0.name == "js-client" })
        #expect(jsClient.node?.scripts.map(\.name) == ["test", "build"])
        #expect(jsClient.commands.test == ["npm", "test"])
        #expect(jsClient.commands.build == ["npm", "run", "build"])
        #expect(jsClient.commands.run == nil)
    }

    @Test func poetryProjectReadsDependenciesAndPythonConstraint() throws {
        let fixture = Fixture().write(
            "api/pyproject.toml",
            """
            [tool.poetry]
            name = "api"  # the service

            [tool.poetry.dependencies]
            python = "^3.11"
            fastapi = {version = "^0.110", extras = ["all"]}
            "uvicorn" = "^0.29"

            [tool.poetry.group.dev.dependencies]
            pytest = "^8"
            """
        )
        .write("api/api/main.py", "import fastapi\n\napplication: fastapi.FastAPI = fastapi.FastAPI()\n")
        let api = try #require(detect(fixture).first)
        #expect(api.kind == .python && api.role == .server)
        #expect(api.python?.usesPoetry == true)
        #expect(api.python?.requiresPython == "^3.11")
        #expect(api.python?.dependencies == ["fastapi", "uvicorn"])
        #expect(api.python?.dependencyGroups["dev"] == ["pytest"])
        #expect(api.asgiApp == "api.main:application")
        #expect(api.evidence.contains("uvicorn in pyproject.toml"))
        #expect(api.commands.test == ["pytest"])
    }

    @Test func swiftPackageAtTheRootIsTheRootComponent() throws {
        let fixture = Fixture().folder(".git")
            .write(
                "Package.swift",
                """
                // swift-tools-version:6.0
                import PackageDescription
                let package = Package(
                    name: "help",
                    targets: [.executableTarget(name: "help"), .testTarget(name: "HelpTests")]
                )
                """
            )
            .write("Sources/help/main.swift", "print(1)\n").folder("Tests/HelpTests").folder(".build/debug")
            .write("Templates/help.schema.json", "{}")
        let components = detect(fixture)
        #expect(components.count == 1)
        let root = try #require(components.first)
        #expect(root.path == "." && root.name == FileProbe.baseName(fixture.path))
        #expect(root.kind == .swift && root.role == .app)
        #expect(root.swift?.packageName == "help")
        #expect(root.commands.test == ["swift", "test"])
        #expect(root.commands.run == ["swift", "run"])
    }

    @Test func ignoredAndHiddenFoldersAreNeverComponents() {
        let fixture = Fixture()
            .write("venv/pyvenv.cfg", "").write("venv/requirements.txt", "x\n")
            .write("node_modules/a/package.json", "{}").write(".hidden/package.json", "{}")
            .write("dist/setup.py", "").write("lib/setup.py", "")
        #expect(detect(fixture).map(\.name) == ["lib"])
    }

    @Test func pythonVersionFileAloneIsNotAProject() {
        let fixture = Fixture().write(".python-version", "3.11\n").write("tool/.python-version", "3.12.1\n")
        #expect(detect(fixture).isEmpty)
    }

    @Test func srcLayoutAppNeedsTheAppDirectory() throws {
        let fixture = Fixture().write("svc/pyproject.toml", "[project]\nname = \"svc\"\n")
            .write("svc/src/svc/__init__.py", "from fastapi import FastAPI\napp = FastAPI()\n")
            .write("svc/tests/conftest.py", "app = FastAPI()\n")
        let svc = try #require(detect(fixture).first)
        #expect(svc.asgiApp == "svc:app")
        #expect(svc.commands.run == ["uvicorn", "svc:app", "--reload", "--app-dir", "src"])
    }

    @Test func rootComponentDoesNotClaimTheAppOfAComponentBelowIt() throws {
        let fixture = Fixture.authService().write("requirements.txt", "pre-commit\n").write(
            "conftest.py", "app = FastAPI()\n")
        let components = detect(fixture)
        let root = try #require(components.first)
        #expect(root.path == "." && root.kind == .python)
        #expect(root.role == .library && root.asgiApp == nil)
        #expect(components.first { $0.name == "server" }?.asgiApp == "app.main:app")
    }

    @Test func nodeServerAndNpmPlaceholderTest() throws {
        let fixture = Fixture().write(
            "web/package.json",
            """
            {"scripts": {"test": "echo \\"Error: no test specified\\" && exit 1", "dev": "node --watch index.js"},
             "dependencies": {"express": "^4"}}
            """)
        let web = try #require(detect(fixture).first)
        #expect(web.role == .server)
        #expect(web.commands.test == ["node", "--test"])
        #expect(web.commands.run == ["npm", "run", "dev"])
    }

    @Test(arguments: [
        ("", "web/package.json is empty"),
        ("{\"name\": ,}", "web/package.json:1:10:"),
        ("[1]", "web/package.json: expected an object, found an array"),
        ("{\"scripts\": \"npm test\"}", "web/package.json: \"scripts\" must be an object of strings, found a string"),
        ("{\"scripts\": {\"test\": 1}}", "web/package.json: \"scripts.test\" must be a string, found an integer"),
        ("{\"dependencies\": [\"express\"]}", "web/package.json: \"dependencies\" must be an object of versions"),
    ])
    func unreadablePackageJSONIsAProblemNamingTheFile(text: String, problem: String) throws {
        let fixture = Fixture().write("web/package.json", text)
        let web = try #require(detect(fixture).first)
        #expect(web.node?.problem?.hasPrefix(problem) == true, "\(web.node?.problem ?? "no problem")")
    }

    @Test func wellFormedPackageJSONHasNoProblem() throws {
        let fixture = Fixture().write(
            "web/package.json", #"{"name": "web", "scripts": {"dev": "vite"}, "dependencies": {}}"#)
        #expect(try #require(detect(fixture).first).node?.problem == nil)
    }

    @Test func flagNamesAreLowercaseWordsJoinedByDashes() {
        #expect(Component.flagName(for: "server") == "server")
        #expect(Component.flagName(for: "Python_Client") == "python-client")
        #expect(Component.flagName(for: "my  app..v2") == "my-app-v2")
        #expect(Component.flagName(for: "-x-") == "x")
    }
}
