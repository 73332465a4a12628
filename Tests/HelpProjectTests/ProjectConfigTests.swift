import HelpSystem
import Testing

@testable import HelpProject

/// help.json: what it accepts, and errors that name the path and line:column.
@Suite struct ProjectConfigTests {
    private func expectError(_ text: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try ProjectConfig.parse(text)
            Issue.record("accepted: \(text)", sourceLocation: sourceLocation)
        } catch let error as HelpError {
            #expect(error.message == message, sourceLocation: sourceLocation)
            #expect(error.code == .dataError, sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func readsEveryDeclaredField() throws {
        let config = try ProjectConfig.parse(
            """
            {
              "$schema": "./Templates/help.schema.json",
              "components": {
                "server": {
                  "path": "./services/server/", "kind": "python", "role": "server", "app": "app.main:app",
                  "commands": {"test": ["pytest", "-x"], "run": ["uvicorn", "app.main:app"], "lint": ["ruff", "check"]},
                  "env": {"LOG_LEVEL": "debug"}, "inputs": ["alembic/**"], "exclude": ["*.log"],
                  "depends_on": []
                },
                "python-client": {"depends_on": ["server"]}
              },
              "cache": {"max_size": "2G"}
            }
            """)
        #expect(config.components.map(\.name) == ["server", "python-client"])
        let server = try #require(config.component(named: "server"))
        #expect(server.path == "services/server")
        #expect(server.kind == .python && server.role == .server && server.app == "app.main:app")
        #expect(server.commands["test"] == ["pytest", "-x"])
        #expect(server.environment == ["LOG_LEVEL": "debug"])
        #expect(server.inputs == ["alembic/**"] && server.exclude == ["*.log"] && server.dependsOn == [])
        #expect(config.component(named: "python-client")?.dependsOn == ["server"])
        #expect(config.cache.maxSize == 2 << 30)
    }

    @Test func sizesTakeBinaryUnits() throws {
        #expect(ConfigRules.byteSize("500M") == 500 << 20)
        #expect(ConfigRules.byteSize("1.5GiB") == 3 << 29)
        #expect(ConfigRules.byteSize("64kb") == 64 << 10)
        #expect(ConfigRules.byteSize("1024") == 1024)
        #expect(ConfigRules.byteSize("12 X") == nil)
        #expect(ConfigRules.byteSize("ib") == nil)
        #expect(try ProjectConfig.parse(#"{"cache": {"max_size": 4096}}"#).cache.maxSize == 4096)
    }

    @Test func malformedJSONNamesLineAndColumn() {
        expectError(
            "{\n  \"components\": {\n    \"server\": {\"role\": \"server\" \"kind\": \"python\"}\n  }\n}",
            "help.json:3:33: expected ',' or '}'")
    }

    @Test func unknownKeysNameTheirPathAndSuggestASpelling() throws {
        expectError(
            "{\"components\": {\"server\": {\n  \"rol\": \"server\"}}}",
            "help.json:2:3: components.server.rol: unknown key")
        do {
            _ = try ProjectConfig.parse(#"{"components": {"server": {"rol": "server"}}}"#)
        } catch let error as HelpError {
            #expect(error.hint?.hasPrefix("did you mean \"role\"?") == true)
        }
        expectError(#"{"cahce": {}}"#, "help.json:1:2: cahce: unknown key")
        expectError(
            #"{"components": {"a": {"commands": {"tset": ["x"]}}}}"#,
            "help.json:1:36: components.a.commands.tset: unknown key")
    }

    @Test func wrongTypesNameTheirPath() {
        expectError(
            #"{"components": {"a": {"role": 3}}}"#,
            "help.json:1:31: components.a.role: expected a string, found an integer")
        expectError(
            #"{"components": {"a": {"kind": "rust"}}}"#,
            #"help.json:1:31: components.a.kind: expected one of "python", "node", "swift", found "rust""#)
        expectError(
            #"{"components": {"a": {"inputs": ["x", 1]}}}"#,
            "help.json:1:39: components.a.inputs[1]: expected a string, found an integer")
        expectError(
            #"{"components": {"a": {"env": {"A": true}}}}"#,
            "help.json:1:36: components.a.env.A: expected a string, found a boolean")
        expectError(#"{"components": []}"#, "help.json:1:16: components: expected an object, found an array")
        expectError("[]", "help.json:1:1: expected an object, found an array")
    }

    @Test func valuesOutsideTheRulesAreRefused() {
        expectError(
            #"{"components": {"a": {"path": "../x"}}}"#,
            "help.json:1:31: components.a.path: expected a relative path inside the project (no leading '/', no '..')")
        expectError(
            #"{"components": {"a": {"app": "main"}}}"#,
            "help.json:1:30: components.a.app: expected module:attribute, such as \"app.main:app\"")
        expectError(
            #"{"components": {"a": {"commands": {"run": []}}}}"#,
            "help.json:1:43: components.a.commands.run: expected an argv array whose first element names the program")
        expectError(
            #"{"components": {"a": {"depends_on": ["a"]}}}"#,
            "help.json:1:38: components.a.depends_on[0]: a component cannot depend on itself")
        expectError(
            #"{"components": {"-a": {}}}"#,
            "help.json:1:17: components.-a: component names are letters, digits, '.', '_' and '-', starting with a letter or digit"
        )
        expectError(
            #"{"cache": {"max_size": "lots"}}"#,
            #"help.json:1:24: cache.max_size: expected a size such as "2G", "500M" or a number of bytes, found "lots""#)
    }
}
