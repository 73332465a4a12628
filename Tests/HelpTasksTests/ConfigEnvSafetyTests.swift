import HelpProject
import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpTasks

#if canImport(Glibc)
    import Glibc
#endif

/// What `help run` must never do to a `.env`: write or chmod through a symlink that leads out of
/// the project, or write a value a shell sourcing the file would run.
@Suite("Config .env safety")
struct ConfigEnvSafetyTests {
    let outside = TempDir(prefix: "help-env-outside")
    let fs = FileSystem()

    static let template = "DATABASE_URL=sqlite:///./dev.db\n# help: secret\nSECRET_KEY=\nLOG_LEVEL=info\n"

    func project(template: String = Self.template) throws -> TempDir {
        try configuredServer(template: template)
    }

    func configuration(_ folder: TempDir) throws -> ComponentConfiguration {
        let project = try Project.load(from: folder.path)
        return try ComponentConfiguration.load(
            try #require(project.component(named: "server")), project: project, environmentName: "development",
            locator: TemplateLocator(executablePath: nil))
    }

    @discardableResult
    func apply(_ folder: TempDir) throws -> EnvFileWriter.Outcome {
        try EnvFileWriter(backupsDirectory: folder.path(".helpcache/backups")).apply(try configuration(folder).plan)
    }

    // MARK: - Symlinks

    /// Makes the server's `.env` a symlink to a file outside the project holding `text` (mode
    /// 0644) and returns that file.
    func linkOutside(_ folder: TempDir, _ text: String) throws -> String {
        let target = outside.path("shared.env")
        try fs.writeAtomically(target, Array(text.utf8), mode: 0o644)
        #expect(symlink(target, folder.path("server/.env")) == 0)
        return target
    }

    @Test("a .env that is a symlink out of the project is refused (exit 65); the file outside is untouched")
    func symlinkOutside() throws {
        let folder = try project()
        let target = try linkOutside(folder, "LOG_LEVEL=debug\n")
        do {
            try apply(folder)
            Issue.record("the write went through the symlink")
        } catch let error as HelpError {
            #expect(error.code == .dataError)
            #expect(error.message.contains("outside the project") && error.message.contains(target))
        }
        #expect(try fs.readText(target) == "LOG_LEVEL=debug\n")
        #expect(try fs.stat(target).permissions == 0o644, "not chmodded either")
        let report = try configCheck(in: folder)
        #expect(report.failure?.code == .dataError)
        #expect(report.components.first?.problems.contains { $0.contains("outside the project") } == true)
    }

    @Test("a .env symlink out of the project that needs only chmod is refused too")
    func symlinkOutsideChmodOnly() throws {
        let folder = try project()
        let target = try linkOutside(folder, "DATABASE_URL=a\nSECRET_KEY=b\nLOG_LEVEL=c\n")
        #expect(throws: HelpError.self) { try apply(folder) }
        #expect(try fs.stat(target).permissions == 0o644)
    }

    @Test("a .env symlink to a file inside the project is written through, the link kept")
    func symlinkInside() throws {
        let folder = try project()
        try fs.writeAtomically(folder.path("shared.env"), Array("LOG_LEVEL=debug\n".utf8))
        #expect(symlink("../shared.env", folder.path("server/.env")) == 0)
        let outcome = try apply(folder)
        #expect(outcome.addedKeys == ["DATABASE_URL", "SECRET_KEY"])
        #expect(try fs.stat(folder.path("server/.env"), followLinks: false).kind == .symlink)
        #expect(DotEnvFile(text: try fs.readText(folder.path("shared.env"))).value(for: "SECRET_KEY")?.count == 43)
        #expect(try configCheck(in: folder).failure == nil)
    }

    // MARK: - Quoting

    static let dangerous = [
        ("SUBSHELL", "$(touch MARKER)"), ("BACKQUOTES", "`touch MARKER`"), ("SPACES", "two words; touch MARKER"),
        ("VARIABLE", "$HOME"), ("TILDE", "~/x"), ("QUOTES", #"it's "quoted" \ here"#), ("HASH", "a #b"),
    ]

    func dangerousProject() throws -> TempDir {
        try project(
            template: """
                SUBSHELL='$(touch MARKER)'
                BACKQUOTES='`touch MARKER`'
                SPACES='two words; touch MARKER'
                VARIABLE='$HOME'
                TILDE='~/x'
                QUOTES="it's \\"quoted\\" \\\\ here"
                HASH='a #b'

                """)
    }

    @Test("template values a shell would expand are quoted so sourcing .env runs nothing and reads back the same")
    func quotingIsInert() throws {
        let folder = try dangerousProject()
        let template = try configuration(folder).template
        for (key, value) in Self.dangerous { #expect(template.entry(key)?.value == value, "\(key)") }
        try apply(folder)
        let text = try fs.readText(folder.path("server/.env"))
        #expect(text.contains("SUBSHELL='$(touch MARKER)'") && text.contains("BACKQUOTES='`touch MARKER`'"))
        let file = DotEnvFile(text: text)
        for (key, value) in Self.dangerous { #expect(file.value(for: key) == value, "\(key)") }
        let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console)
        let sourced = try runner.run(
            Command(
                "/bin/sh", ["-c", "set -a; . ./.env; printf '%s' \"$SUBSHELL|$BACKQUOTES|$VARIABLE|$TILDE|$QUOTES\""],
                workingDirectory: folder.path("server")))
        #expect(sourced.succeeded, "\(sourced.stderr)")
        #expect(!fs.exists(folder.path("server/MARKER")), "sourcing .env ran a command")
        #expect(sourced.stdout == #"$(touch MARKER)|`touch MARKER`|$HOME|~/x|it's "quoted" \ here"#)
    }

    @Test("python-dotenv reads the quoted values back unchanged", .enabled(if: Self.hasPythonDotenv))
    func pythonDotenvReadsBack() throws {
        let folder = try dangerousProject()
        try apply(folder)
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        let result = try runner.run(
            Command(
                "python3",
                [
                    "-c", "import json, sys, dotenv; print(json.dumps(dotenv.dotenv_values(sys.argv[1])))",
                    folder.path("server/.env"),
                ]))
        #expect(result.succeeded, "\(result.stderr)")
        let values = try JSONValue.parse(result.stdout)
        for (key, value) in Self.dangerous { #expect(values[key]?.string == value, "\(key)") }
    }

    @Test("a template value no quoting keeps inert is a data error naming its line")
    func unquotable() throws {
        #expect(throws: HelpError.self) { try EnvTemplate.line(key: "A", value: #"it's $(x)"#) }
        do {
            _ = try EnvTemplate.parse(
                "A=1\nB=\"it's $(x)\"\n", source: EnvTemplateSource(name: "development", origin: .builtIn, path: nil))
            Issue.record("accepted")
        } catch let error as HelpError {
            #expect(error.code == .dataError && error.message.contains(":2:") && error.message.contains("B"))
        }
    }

    static let hasPythonDotenv: Bool = {
        let runner = PosixProcessRunner(environment: Environment.current().values, console: BufferConsole().console)
        return (try? runner.run(Command("python3", ["-c", "import dotenv"])))?.succeeded ?? false
    }()
}
