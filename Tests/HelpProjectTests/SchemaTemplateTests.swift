import HelpSystem
import Testing

@testable import HelpProject

/// Templates/help.schema.json and the help.json reader must accept the same keys and values.
@Suite struct SchemaTemplateTests {
    /// The repository root, from this file's place in Tests/HelpProjectTests.
    static let repositoryRoot = FileProbe.parent(of: FileProbe.parent(of: FileProbe.parent(of: #filePath)!)!)!

    private func schema() throws -> JSONValue {
        let bytes = try #require(FileProbe.read(Self.repositoryRoot + "/Templates/help.schema.json"))
        return try JSONValue.parse(bytes, source: "help.schema.json")
    }

    @Test func schemaListsExactlyTheKeysTheReaderAccepts() throws {
        let schema = try schema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["properties"]?.object?.keys == ProjectConfigReader.topKeys)
        #expect(schema["properties"]?["cache"]?["properties"]?.object?.keys == ProjectConfigReader.cacheKeys)
        let component = try #require(schema["$defs"]?["component"])
        #expect(component["additionalProperties"] == false)
        #expect(component["properties"]?.object?.keys == ProjectConfigReader.componentKeys)
        #expect(component["properties"]?["commands"]?["properties"]?.object?.keys == ComponentCommands.names)
        #expect(component["properties"]?["kind"]?["enum"] == .strings(ComponentKind.allCases.map(\.rawValue)))
        #expect(component["properties"]?["role"]?["enum"] == .strings(ComponentRole.allCases.map(\.rawValue)))
    }

    @Test func thisRepositoryIsASwiftAppAtItsRoot() throws {
        let project = try Project.load(from: Self.repositoryRoot + "/Sources")
        #expect(project.root.path == Self.repositoryRoot)
        let root = try #require(project.components.first)
        #expect(root.path == "." && root.kind == .swift && root.role == .app)
        #expect(root.commands.test == ["swift", "test"])
    }
}
