import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpProject

/// Configuration templates: markers and comments, the built-in copies, and which file wins.
@Suite("Configuration templates")
struct TemplateTests {
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    let builtIn = EnvTemplateSource(name: "development", origin: .builtIn, path: nil)

    // MARK: - Parsing

    @Test("markers on the line above a key make it secret, required or both; comments travel with it")
    func markers() throws {
        let template = try EnvTemplate.parse(
            """
            # Header, separated by a blank line.

            # Where the data lives.
            DATABASE_URL=sqlite:///./dev.db
            # Signs tokens.
            # help: secret
            SECRET_KEY=
            # help: required
            API_TOKEN=
            # help: secret, required
            export SIGNING_KEY=''
            """, source: builtIn)
        #expect(template.entries.map(\.key) == ["DATABASE_URL", "SECRET_KEY", "API_TOKEN", "SIGNING_KEY"])
        let database = try #require(template.entry("DATABASE_URL"))
        #expect(database.value == "sqlite:///./dev.db" && !database.isSecret && !database.isRequired)
        #expect(database.comments == ["# Where the data lives."])
        let secret = try #require(template.entry("SECRET_KEY"))
        #expect(secret.isSecret && !secret.isRequired)
        #expect(secret.comments == ["# Signs tokens.", "# help: secret"])
        #expect(template.entry("API_TOKEN")?.isRequired == true && template.entry("API_TOKEN")?.isSecret == false)
        #expect(template.entry("SIGNING_KEY")?.isSecret == true && template.entry("SIGNING_KEY")?.isRequired == true)
    }

    @Test("an unknown marker word is a data error naming the template")
    func unknownMarker() {
        #expect(throws: HelpError.self) { try EnvTemplate.parse("# help: secert\nKEY=\n", source: builtIn) }
        do {
            _ = try EnvTemplate.parse("# help: secert\nKEY=\n", source: builtIn)
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("built-in development template") && error.message.contains("secert"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("a template line python-dotenv cannot read stops with its line number")
    func unreadableLine() {
        do {
            _ = try EnvTemplate.parse("A=1\nB=\"never closed\n", source: builtIn)
            Issue.record("no error")
        } catch let error as HelpError {
            #expect(error.code == .dataError && error.message.contains(":2:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("values are quoted so python-dotenv reads them back unchanged")
    func lineQuoting() throws {
        #expect(try EnvTemplate.line(key: "A", value: "plain-value_1") == "A=plain-value_1")
        #expect(try EnvTemplate.line(key: "B", value: "two words") == "B='two words'")
        let reread = DotEnvFile(text: try EnvTemplate.line(key: "C", value: "a \"quoted\" # value") + "\n")
        #expect(reread.value(for: "C") == "a \"quoted\" # value")
    }

    // MARK: - Built-in copies

    @Test("the built-in templates are exactly the files in Templates/env")
    func embeddedCopiesMatchFiles() throws {
        for name in EmbeddedEnvTemplates.names {
            let file = try FileSystem().readText(Self.packageRoot + "/Templates/env/\(name).env")
            #expect(
                EmbeddedEnvTemplates.text(named: name) == file, "Templates/env/\(name).env and its built-in copy differ"
            )
        }
    }

    @Test("every shipped template parses and marks SECRET_KEY secret")
    func shippedTemplatesParse() throws {
        for name in EmbeddedEnvTemplates.names {
            let text = try #require(EmbeddedEnvTemplates.text(named: name))
            let template = try EnvTemplate.parse(
                text, source: EnvTemplateSource(name: name, origin: .builtIn, path: nil))
            #expect(template.entry("SECRET_KEY")?.isSecret == true)
            #expect(template.entry("DATABASE_URL") != nil)
        }
        let production = try EnvTemplate.parse(
            try #require(EmbeddedEnvTemplates.text(named: "production")),
            source: EnvTemplateSource(name: "production", origin: .builtIn, path: nil))
        #expect(production.entry("DATABASE_URL")?.isRequired == true)
    }
}
