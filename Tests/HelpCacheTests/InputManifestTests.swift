import HelpCache
import Testing

@Suite struct InputManifestTests {
    private let files = InputFiles([
        InputFile(relativePath: "b.py", digest: SHA256.hash("b")),
        InputFile(relativePath: "a.py", digest: SHA256.hash("a")),
    ])
    private let salt = ProjectSalt(bytes: Array(repeating: 7, count: 32))

    @Test("the binary encoding round-trips every field")
    func roundTrip() throws {
        let manifest = InputManifest(
            action: "test", component: "server", command: ["pytest", "-x"],
            environment: ["A": SHA256.hash("v"), "B": nil], tools: ["python": "3.11"],
            config: ["timeout": "30"], files: files)
        let decoded = try InputManifest.decode(manifest.encoded())
        #expect(decoded == manifest)
        #expect(decoded.environment["B"] == .some(nil))
        #expect(decoded.files.relativePaths == ["a.py", "b.py"])
    }

    @Test("the key does not depend on the order inputs were given in")
    func orderIndependent() {
        let a = CacheKeyBuilder(
            action: "build", component: "c", tools: ["node": "20", "npm": "10"], config: ["x": "1", "y": "2"])
        var b = CacheKeyBuilder(action: "build", component: "c")
        b.config = ["y": "2", "x": "1"]
        b.tools = ["npm": "10", "node": "20"]
        let reversed = InputFiles(files.reversed())
        #expect(a.build(files: files, salt: salt).key == b.build(files: reversed, salt: salt).key)
    }

    @Test("every ingredient changes the key")
    func everyIngredientCounts() {
        let base = CacheKeyBuilder(
            action: "test", component: "c", command: ["pytest"], environment: ["E": "1"],
            tools: ["python": "3.11"], config: ["k": "v"])
        let key = base.build(files: files, salt: salt).key
        var variants: [CacheKeyBuilder] = []
        var v = base
        v.action = "build"
        variants.append(v)
        v = base
        v.component = "d"
        variants.append(v)
        v = base
        v.command = ["pytest", "-x"]
        variants.append(v)
        v = base
        v.environment = ["E": "2"]
        variants.append(v)
        v = base
        v.environment = ["E": ""]
        variants.append(v)
        v = base
        v.environment = ["E": nil]
        variants.append(v)
        v = base
        v.tools = ["python": "3.12"]
        variants.append(v)
        v = base
        v.config = ["k": "w"]
        variants.append(v)
        let keys = variants.map { $0.build(files: files, salt: salt).key }
        #expect(Set(keys + [key]).count == variants.count + 1)
        let moved = InputFiles([InputFile(relativePath: "c.py", digest: SHA256.hash("b")), files[0]])
        #expect(base.build(files: moved, salt: salt).key != key)
    }

    @Test("environment values appear only as salted fingerprints")
    func valuesAreNotStored() {
        let builder = CacheKeyBuilder(action: "test", component: "c", environment: ["TOKEN": "hunter2-secret"])
        let (key, manifest) = builder.build(files: files, salt: salt)
        let text = String(decoding: manifest.encoded(), as: UTF8.self)
        #expect(!text.contains("hunter2-secret"))
        let otherSalt = ProjectSalt(bytes: Array(repeating: 8, count: 32))
        #expect(builder.build(files: files, salt: otherSalt).key != key)
    }

    @Test("garbage and truncated encodings are rejected, not misread")
    func corruptEncodings() {
        let bytes = InputManifest(action: "t", component: "c", files: files).encoded()
        #expect(throws: CorruptData.self) { try InputManifest.decode(Array(bytes.dropLast(5))) }
        #expect(throws: CorruptData.self) { try InputManifest.decode(bytes + [1]) }
        #expect(throws: CorruptData.self) { try InputManifest.decode([255, 255, 255, 255, 9, 9]) }
    }
}
