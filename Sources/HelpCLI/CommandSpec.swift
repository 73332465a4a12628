import HelpSystem

/// A command declared as data: its name, what it is for, its option table, real examples, and the
/// function that does the work. Usage text, parsing and dispatch are all derived from this value;
/// registering a command means adding its spec to `CommandRegistry.all`.
public struct CommandSpec: Sendable {
    /// A command line people can copy, and what it does.
    public struct Example: Sendable, Equatable {
        public var line: String
        public var explanation: String

        /// An example command line and what it does.
        public init(_ line: String, _ explanation: String) {
            self.line = line
            self.explanation = explanation
        }
    }

    /// The work: reads the parsed invocation, touches the world only through `Context`, and
    /// returns a report (or throws a `HelpError`).
    public typealias Run = @Sendable (Invocation, Context) throws -> Report

    public var name: String
    /// One line for the command list in `help --help`.
    public var summary: String
    /// A short paragraph for `help COMMAND --help`; empty when the summary says it all.
    public var discussion: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    public var examples: [Example]
    /// Usage lines when the command has several forms (`help hash --check SUMS`); derived from the
    /// option table when empty.
    public var usageForms: [String]
    public var run: Run

    /// A command; `usageForms` may stay empty to derive the usage line from the tables.
    public init(
        name: String, summary: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], examples: [Example], usageForms: [String] = [],
        run: @escaping Run
    ) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.examples = examples
        self.usageForms = usageForms
        self.run = run
    }

    /// The usage lines shown in `help COMMAND --help`.
    public var usageLines: [String] {
        if !usageForms.isEmpty { return usageForms.map { "help \(name) \($0)" } }
        var words = ["help", name]
        if !options.isEmpty { words.append("[OPTIONS]") }
        words += positionals.map(\.synopsis)
        return [words.joined(separator: " ")]
    }

    /// The parser for this command's words: its own options plus the global ones, which may also
    /// be written after the command name.
    public var parser: ArgumentParser {
        ArgumentParser(options: options + GlobalOptions.table, positionals: positionals)
    }
}

/// One run of a command: its parsed words and the global options in effect.
public struct Invocation: Sendable {
    /// The command's own options and positional words (globals given after the name included).
    public var arguments: ParsedArguments
    public var globals: GlobalOptions

    /// An invocation with these parsed words and global options.
    public init(arguments: ParsedArguments, globals: GlobalOptions) {
        self.arguments = arguments
        self.globals = globals
    }

    /// The positional words given to the command.
    public var positionals: [String] { arguments.positionals }
    /// True when the flag `--long` was given.
    public func flag(_ long: String) -> Bool { arguments.flag(long) }
    /// The value of `--long` (the last one when repeated).
    public func value(_ long: String) -> String? { arguments.value(long) }
    /// Every value of a repeatable `--long`, in order.
    public func values(_ long: String) -> [String] { arguments.values(long) }
}
