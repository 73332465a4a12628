import HelpSystem
import HelpTestSupport
import Testing

@testable import HelpCLI

/// The completion scripts come from the command tables: every registered command and option is
/// in them, a command added to the table appears without touching the generator, and the
/// component flags come from the project at completion time.
@Suite struct CompletionScriptTests {
    let tables = CompletionTables(commands: CommandRegistry.all)

    @Test func everyRegisteredCommandAndOptionIsInEveryScript() {
        let names = CommandRegistry.all.map(\.name)
        let shared = "    printf '%s\\n' " + names.joined(separator: " ") + "\n"
        #expect(tables.bash.contains(shared))
        #expect(tables.zsh.contains(shared))
        for command in CommandRegistry.all {
            #expect(tables.fish.contains("-n __help_needs_command -a \(command.name) "), "\(command.name)")
            for option in command.options {
                #expect(tables.bash.contains("--" + option.long), "\(command.name) --\(option.long)")
                #expect(tables.fish.contains("'__help_command_is \(command.name)' -l \(option.long)"))
            }
        }
    }

    @Test func aCommandAddedToTheTableIsCompletedWithItsOptionsAndValues() {
        let extra = CommandSpec(
            name: "frobnicate", summary: "Frobnicate things",
            options: [.value("level", valueName: "LEVEL", help: "How much", allowedValues: ["low", "high"])],
            examples: [], run: { _, _ in Report(lines: [], json: nil) })
        let grown = CompletionTables(commands: CommandRegistry.all + [extra])
        #expect(grown.bash.contains(" completion frobnicate\n"))
        #expect(grown.bash.contains("    frobnicate:--level) printf '%s\\n' low high ;;"))
        #expect(grown.fish.contains("complete -c help -n '__help_command_is frobnicate' -l level -x -a 'low high'"))
    }

    @Test func componentFlagsAreThoseOfTheProjectAtHand() throws {
        let project = try TempDir.project([
            "server/requirements.txt": "fastapi\n", "web/package.json": #"{"name": "web"}"#,
        ])
        let cli = CLIHarness()
        #expect(cli.run(["-C", project.path, "completion", "--component-flags"]) == 0)
        #expect(cli.stdout == "--server\n--web\n")
        let outside = CLIHarness()
        #expect(outside.run(["completion", "--component-flags"], currentDirectory: TempDir().path) == 0)
        #expect(outside.stdout == "" && outside.stderr == "")
    }

    @Test func anUnknownShellIsAUsageErrorWithASuggestion() {
        let cli = CLIHarness()
        #expect(cli.run(["completion", "bsh"]) == 64)
        #expect(
            cli.stderr == "error: no completion for 'bsh'\nhint: did you mean 'bash'? Use one of: bash, zsh, fish.\n")
    }
}
