import HelpProject
import HelpSystem

/// `help completion bash|zsh|fish`: prints a completion script generated from the command and
/// option tables the parser reads, so it lists exactly the commands and options `help` accepts;
/// component flags (`--server`) are asked of `help completion --component-flags` in the project
/// being typed about, at completion time.
public enum CompletionCommand {
    public static let shells = ["bash", "zsh", "fish"]

    public static let spec = CommandSpec(
        name: "completion",
        summary: "Print a shell completion script (bash, zsh or fish)",
        discussion: """
            The script completes commands, options, their values and the component flags of the \
            project at hand. bash: add 'source <(help completion bash)' to ~/.bashrc (after 'enable -n \
            help', since bash's builtin help hides the binary). zsh: 'source <(help completion zsh)' in \
            ~/.zshrc after compinit. fish: 'help completion fish | source' in ~/.config/fish/config.fish \
            (after 'functions --erase help'). --component-flags prints the flags of the project's \
            components, one per line; the scripts call it.
            """,
        options: [
            .flag("component-flags", help: "Print the component flags of the project here, one per line")
        ],
        positionals: [PositionalSpec("SHELL", arity: .optional, help: "bash, zsh or fish")],
        examples: [
            .init("source <(help completion bash)", "Completion in the current bash"),
            .init("help completion fish > ~/.config/fish/completions/help.fish", "Installed for fish"),
            .init("help -C Examples/auth-service completion --component-flags", "--server, --python-client, …"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        if invocation.flag("component-flags") {
            // Completion must never print an error into the shell: no project is no flags.
            let project = try? Project.load(from: context.workingDirectory)
            let flags = project?.components.map(\.flag) ?? []
            return Report(lines: flags, json: ["flags": .strings(flags)])
        }
        guard let shell = invocation.positionals.first else {
            throw HelpError.usage("which shell?", hint: "Run 'help completion bash', 'zsh' or 'fish'.")
        }
        let tables = CompletionTables(commands: CommandRegistry.all)
        let script: String
        switch shell {
        case "bash": script = tables.bash
        case "zsh": script = tables.zsh
        case "fish": script = tables.fish
        default:
            let guess = Suggestion.closest(to: shell, in: shells).map { "did you mean '\($0)'? " } ?? ""
            throw HelpError.usage(
                "no completion for '\(shell)'", hint: guess + "Use one of: " + shells.joined(separator: ", ") + ".")
        }
        return Report(lines: [String(script.dropLast())], json: ["shell": .string(shell), "script": .string(script)])
    }
}
