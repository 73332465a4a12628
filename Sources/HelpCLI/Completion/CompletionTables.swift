/// What shell completion needs to know, read from the same `CommandSpec` and `OptionSpec` tables
/// the parser uses, so a command or option exists in the completions exactly when the parser
/// accepts it. Component flags depend on the project and are asked of `help` at completion time.
struct CompletionTables: Sendable {
    /// What completes the word after an option that takes a value.
    enum ValueKind: Equatable, Sendable {
        case choices([String])
        case directories
        case files
        case componentNames
        /// A free value (a version, a size): nothing to offer.
        case none
    }

    var commands: [CommandSpec]
    var globals: [OptionSpec]

    init(commands: [CommandSpec], globals: [OptionSpec] = GlobalOptions.table) {
        self.commands = commands
        self.globals = globals
    }

    /// The spellings of an option, long first: `--project`, `-C`.
    static func spellings(_ option: OptionSpec) -> [String] {
        ["--" + option.long] + (option.short.map { ["-\($0)"] } ?? [])
    }

    /// Whether the command takes component flags (`--server`): those with `--component NAME`,
    /// the rule the parser applies before rewriting them.
    static func selectsComponents(_ command: CommandSpec) -> Bool {
        command.options.contains { $0.long == "component" }
    }

    /// How the value of `option` is completed: its allowed values, else guessed from its
    /// placeholder (`DIR`, `FILE`).
    static func valueKind(_ option: OptionSpec) -> ValueKind {
        if !option.allowedValues.isEmpty { return .choices(option.allowedValues) }
        if option.long == "component" { return .componentNames }
        switch option.valueName {
        case "DIR": return .directories
        case "FILE", "SUMS", "PATH": return .files
        default: return .none
        }
    }

    /// How a command's positional words are completed: files for `FILE`/`PATH`, folders for `DIR`.
    static func argumentKind(_ command: CommandSpec) -> ValueKind {
        for positional in command.positionals {
            switch positional.name {
            case "FILE", "PATH", "SUMS": return .files
            case "DIR": return .directories
            default: continue
            }
        }
        return .none
    }
}
