import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// Arguments and file contents that hold terminal escape bytes are shown escaped, never sent to
/// the terminal as they are (an escape sequence could clear the screen or retitle the window).
@Suite("Terminal escapes in run and config")
struct TerminalEscapeTests {
    static let escape = "\u{1B}"

    /// Runs `words` and expects a usage error that shows `shown` and no raw escape byte.
    func expectEscapedUsageError(_ words: [String], command: CommandSpec, shown: String, in folder: String = "/tmp") {
        let cli = CLIHarness()
        #expect(cli.run(words, commands: [command], currentDirectory: folder) == 64)
        #expect(!cli.stderr.contains(Self.escape), "raw escape in: \(cli.stderr.debugDescription)")
        #expect(cli.stderr.contains(shown))
    }

    @Test("help run --host and --port with escape bytes: a usage error that shows them escaped")
    func runArguments() {
        expectEscapedUsageError(["run", "--host", "\u{1B}[2Jbad host"], command: RunCommand.spec, shown: "\\u001b[2J")
        expectEscapedUsageError(["run", "--port", "\u{1B}]0;title\u{07}"], command: RunCommand.spec, shown: "\\u0007")
    }

    @Test("help config with an escape in the action or a component name shows it escaped")
    func configArguments() throws {
        let folder = try TempDir.project([
            ".git/": "", "server/requirements.txt": "fastapi\n",
            "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
        ])
        for words in [["config", "\u{1B}[31mshow"], ["config", "show", "--component", "\u{1B}[31mnope"]] {
            expectEscapedUsageError(words, command: ConfigCommand.spec, shown: "\\u001b[31m", in: folder.path)
        }
    }

    @Test("help config show prints a .env value or key holding escape bytes escaped")
    func configValues() throws {
        let folder = try TempDir.project([
            ".git/": "", "server/requirements.txt": "fastapi\n",
            "server/app/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
            "server/Templates/env/development.env": "LOG_LEVEL=info\n",
            "server/.env": "LOG_LEVEL=\u{1B}[2J\u{1B}]0;pwned\u{07}\nODD\u{1B}[1mKEY=x\n",
        ])
        let cli = CLIHarness()
        _ = cli.run(["config", "show"], commands: [ConfigCommand.spec], currentDirectory: folder.path)
        #expect(!cli.stdout.contains(Self.escape), "raw escape in: \(cli.stdout.debugDescription)")
        #expect(cli.stdout.contains("\"\\u001b[2J\\u001b]0;pwned\\u0007\""))
        #expect(cli.stdout.contains("\"ODD\\u001b[1mKEY\""))
    }
}
