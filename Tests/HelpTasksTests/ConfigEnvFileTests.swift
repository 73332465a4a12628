import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

#if canImport(Glibc)
    import Glibc
#endif

/// Writing a component's `.env` from its template: new files, existing files that only gain keys,
/// generated secrets, mode 0600, backups, and empty required keys.
@Suite("Config .env generation")
struct ConfigEnvFileTests {
    let folder = TempDir(prefix: "help-env")
    let fs = FileSystem()
    var envPath: String { folder.path("server/.env") }
    var backups: String { folder.path(".helpcache/backups") }

    static let templateText = """
        # Header.

        # Where the data lives.
        DATABASE_URL=sqlite:///./dev.db

        # Signs tokens.
        # help: secret
        SECRET_KEY=

        # help: required
        API_TOKEN=

        LOG_LEVEL=info
        """

    func template(_ text: String = templateText) throws -> EnvTemplate {
        try EnvTemplate.parse(text, source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
    }

    /// A generator whose secrets are predictable: every byte is `seed`, then `seed + 1`...
    func generator(seed: UInt8 = 1) -> SecretGenerator {
        let counter = Mutex()
        nonisolated(unsafe) var next = seed
        return SecretGenerator(randomBytes: { count in
            counter.withLock {
                defer { next &+= 1 }
                return [UInt8](repeating: next, count: count)
            }
        })
    }

    func plan(_ template: EnvTemplate) throws -> EnvFilePlan {
        let text = fs.exists(envPath) ? try fs.readText(envPath) : nil
        let mode = fs.exists(envPath) ? try fs.stat(envPath).permissions : nil
        return try EnvFilePlan(component: "server", path: envPath, template: template, existingText: text, mode: mode)
    }

    @discardableResult
    func apply(_ template: EnvTemplate, seed: UInt8 = 1) throws -> EnvFileWriter.Outcome {
        try EnvFileWriter(fileSystem: fs, generator: generator(seed: seed), backupsDirectory: backups).apply(
            try plan(template))
    }

    @Test("a new .env gets every key, comments included, a generated secret, and mode 0600")
    func newFile() throws {
        try folder.write(["server/": ""])
        let outcome = try apply(try template())
        #expect(outcome.created && outcome.addedKeys == ["DATABASE_URL", "SECRET_KEY", "API_TOKEN", "LOG_LEVEL"])
        #expect(outcome.generatedKeys == ["SECRET_KEY"] && outcome.backup == nil)
        #expect(try fs.stat(envPath).permissions == 0o600)
        let file = DotEnvFile(text: try fs.readText(envPath))
        #expect(file.value(for: "SECRET_KEY") == SecretGenerator.base64URL([UInt8](repeating: 1, count: 32)))
        #expect(file.value(for: "DATABASE_URL") == "sqlite:///./dev.db" && file.value(for: "API_TOKEN") == "")
        #expect(try fs.readText(envPath).contains("# Signs tokens.\n# help: secret\nSECRET_KEY="))
        #expect(!(try fs.readText(envPath)).contains("# Header."))
    }

    @Test("an existing .env keeps every value, gains only the missing keys, and is backed up first")
    func existingFile() throws {
        let original =
            "# mine\nDATABASE_URL=postgresql://me@localhost/app  # my database\nSECRET_KEY=keep-this-secret-value\n"
        try folder.write(["server/.env": original])
        let outcome = try apply(try template())
        #expect(!outcome.created && outcome.addedKeys == ["API_TOKEN", "LOG_LEVEL"] && outcome.generatedKeys.isEmpty)
        let text = try fs.readText(envPath)
        #expect(text.hasPrefix(original), "the old text stays byte for byte")
        let file = DotEnvFile(text: text)
        #expect(file.value(for: "SECRET_KEY") == "keep-this-secret-value")
        #expect(file.value(for: "DATABASE_URL") == "postgresql://me@localhost/app")
        #expect(file.value(for: "LOG_LEVEL") == "info")
        let backup = try #require(outcome.backup)
        #expect(try fs.readText(backup) == original)
        #expect(try fs.stat(envPath).permissions == 0o600)
    }

    @Test("a second pass changes nothing: same keys, same secret, no backup")
    func idempotent() throws {
        try folder.write(["server/": ""])
        try apply(try template(), seed: 1)
        let first = try fs.readText(envPath)
        let again = try apply(try template(), seed: 9)
        #expect(again.addedKeys.isEmpty && again.generatedKeys.isEmpty && again.backup == nil)
        #expect(try fs.readText(envPath) == first)
    }

    @Test("an empty secret on a plain KEY= line is filled in place; other lines stay")
    func fillsEmptySecret() throws {
        try folder.write([
            "server/.env": "DATABASE_URL=sqlite:///./x.db\nexport SECRET_KEY=''\nAPI_TOKEN=t\nLOG_LEVEL=debug\n"
        ])
        let outcome = try apply(try template(), seed: 3)
        #expect(outcome.addedKeys.isEmpty && outcome.generatedKeys == ["SECRET_KEY"])
        let lines = try fs.readText(envPath).split(separator: "\n").map(String.init)
        #expect(lines[0] == "DATABASE_URL=sqlite:///./x.db" && lines[2] == "API_TOKEN=t")
        #expect(lines[1] == "export SECRET_KEY=" + SecretGenerator.base64URL([UInt8](repeating: 3, count: 32)))
    }

    @Test("a readable-by-others .env with nothing missing is only narrowed to 0600")
    func narrowsMode() throws {
        try folder.write(["server/.env": "DATABASE_URL=a\nSECRET_KEY=b\nAPI_TOKEN=c\nLOG_LEVEL=d\n"])
        chmodFile(envPath, 0o644)
        let planned = try plan(try template())
        #expect(planned.narrowsMode && !planned.writes)
        let outcome = try apply(try template())
        #expect(outcome.narrowedMode && outcome.backup == nil)
        #expect(try fs.stat(envPath).permissions == 0o600)
    }

    @Test("required keys left empty stop the run with exit 65 naming them, and no value")
    func requiredEmpty() throws {
        try folder.write(["server/.env": "SECRET_KEY=hush-hush-value\n"])
        try apply(try template())
        let configuration = EffectiveConfiguration(
            template: try template(), envFile: DotEnvFile(text: try fs.readText(envPath)), environment: [:])
        #expect(configuration.missingRequired == ["API_TOKEN"])
        do {
            try ComponentConfiguration.requireComplete(configuration, file: "server/.env")
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(
                error.code == .dataError && error.message.contains("API_TOKEN")
                    && error.hint?.contains("server/.env") == true)
            #expect(!error.message.contains("hush-hush-value"))
        }
        let fromEnvironment = EffectiveConfiguration(
            template: try template(), envFile: DotEnvFile(text: try fs.readText(envPath)),
            environment: ["API_TOKEN": "set-in-shell"])
        #expect(fromEnvironment.missingRequired.isEmpty)
    }

    @Test("a .env python-dotenv cannot read is a data error with its line")
    func unreadableEnv() throws {
        try folder.write(["server/.env": "A=1\nB='open\n"])
        #expect(throws: HelpError.self) { try plan(try template()) }
    }

    @Test("secrets are 32 random bytes as 43 URL-safe base64 characters, different each time")
    func secrets() throws {
        #expect(SecretGenerator.base64URL(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(SecretGenerator.base64URL(Array("fooba".utf8)) == "Zm9vYmE")
        #expect(SecretGenerator.base64URL([0xFB, 0xFF]) == "-_8")
        let first = try SecretGenerator().make().reveal()
        let second = try SecretGenerator().make().reveal()
        #expect(first.count == 43 && second.count == 43 && first != second)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect("\(try SecretGenerator().make())" == "***")
    }
}

/// Sets a file's permission bits.
func chmodFile(_ path: String, _ mode: UInt32) {
    _ = chmod(path, mode_t(mode))
}
