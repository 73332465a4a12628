import HelpSystem

/// The options every command accepts, before or after its name: where the project is, output
/// shape, chattiness and color. Declared once as a table; read into typed fields here.
public struct GlobalOptions: Sendable, Equatable {
    /// `-C DIR`: the folder to work in instead of the current one (not yet resolved).
    public var project: String?
    public var json: Bool
    public var verbosity: Console.Verbosity
    public var color: ColorChoice
    public var help: Bool
    public var version: Bool

    /// Global options with the defaults of a plain `help COMMAND`.
    public init(
        project: String? = nil, json: Bool = false, verbosity: Console.Verbosity = .normal,
        color: ColorChoice = .auto, help: Bool = false, version: Bool = false
    ) {
        self.project = project
        self.json = json
        self.verbosity = verbosity
        self.color = color
        self.help = help
        self.version = version
    }

    // MARK: - Table

    /// The global option table, in the order `help --help` lists it.
    public static let table: [OptionSpec] = [
        .value(
            "project", short: "C", valueName: "DIR", help: "Work on the project in DIR instead of the current folder"),
        .flag("json", help: "Print one JSON document on stdout instead of text"),
        .flag("verbose", short: "v", help: "Show each child command and more detail on stderr"),
        .flag("quiet", short: "q", help: "Show only results and errors"),
        .value("color", valueName: "WHEN", help: "Color output", allowedValues: ColorChoice.allCases.map(\.rawValue)),
        .flag("help", short: "h", help: "Show help for help, or for a command"),
        .flag("version", help: "Print the version and the commit it was built from"),
    ]

    // MARK: - Reading

    /// Reads the global options out of parsed words (choices already validated).
    public init(_ parsed: ParsedArguments) throws {
        if parsed.flag("verbose") && parsed.flag("quiet") {
            throw HelpError.usage("'--verbose' and '--quiet' cannot be used together", hint: "Keep one of them.")
        }
        self.init(
            project: parsed.value("project"),
            json: parsed.flag("json"),
            verbosity: parsed.flag("verbose") ? .verbose : parsed.flag("quiet") ? .quiet : .normal,
            color: parsed.value("color").flatMap(ColorChoice.init(rawValue:)) ?? .auto,
            help: parsed.flag("help"),
            version: parsed.flag("version"))
    }

    /// A quick look for `--json` before parsing, so even a command line that cannot be parsed
    /// gets its error in the shape the caller asked for.
    public static func mentionsJSON(_ words: [String]) -> Bool {
        words.prefix(while: { $0 != "--" }).contains("--json")
    }
}
