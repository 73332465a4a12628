/// One command-line option declared as data: its spellings, whether it takes a value, and the
/// text `--help` shows for it. The parser, the validator and the usage renderer all read this.
public struct OptionSpec: Sendable, Equatable {
    /// What an option does with the words after it.
    public enum Kind: Sendable, Equatable {
        /// A switch: present or not (`--json`, `-v`).
        case flag
        /// Takes one value; given twice, the last one wins (`--color never`).
        case value
        /// Takes one value and may be given many times; every value is kept (`--only a --only b`).
        case repeatable
    }

    /// The long spelling without dashes (`verbose` for `--verbose`); also the key in parse results.
    public var long: String
    public var short: Character?
    public var kind: Kind
    /// The placeholder shown in usage text (`DIR` in `-C DIR`).
    public var valueName: String
    public var help: String
    /// When not empty, the only values accepted (checked by validation, listed in usage text).
    public var allowedValues: [String]
    public var isRequired: Bool

    /// An option; the `flag`, `value` and `repeatable` shortcuts cover the usual shapes.
    public init(
        _ long: String, short: Character? = nil, kind: Kind = .flag, valueName: String = "VALUE",
        help: String, allowedValues: [String] = [], isRequired: Bool = false
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.valueName = valueName
        self.help = help
        self.allowedValues = allowedValues
        self.isRequired = isRequired
    }

    // MARK: - Shortcuts for the common shapes

    /// A switch.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long, short: short, kind: .flag, help: help)
    }

    /// An option taking one value.
    public static func value(
        _ long: String, short: Character? = nil, valueName: String, help: String,
        allowedValues: [String] = [], isRequired: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .value, valueName: valueName, help: help,
            allowedValues: allowedValues, isRequired: isRequired)
    }

    /// An option that may be repeated, collecting all its values.
    public static func repeatable(_ long: String, short: Character? = nil, valueName: String, help: String)
        -> OptionSpec
    {
        OptionSpec(long, short: short, kind: .repeatable, valueName: valueName, help: help)
    }

    // MARK: - Presentation

    public var takesValue: Bool { kind != .flag }

    /// How the option is written in usage text: `-C, --project DIR`.
    public var synopsis: String {
        var text = short.map { "-\($0), " } ?? "    "
        text += "--" + long
        if takesValue { text += " " + valueName }
        return text
    }
}

/// A positional argument declared as data: its name in usage text and how many words it takes.
public struct PositionalSpec: Sendable, Equatable {
    /// How many words a positional argument consumes.
    public enum Arity: Sendable, Equatable {
        case one
        case optional
        case zeroOrMore
        case oneOrMore
    }

    public var name: String
    public var arity: Arity
    public var help: String

    /// A positional argument called `name` in usage text.
    public init(_ name: String, arity: Arity = .one, help: String) {
        self.name = name
        self.arity = arity
        self.help = help
    }

    /// How the argument is written in a usage line: `FILE`, `[FILE]`, `[FILE...]`, `FILE...`.
    public var synopsis: String {
        switch arity {
        case .one: return name
        case .optional: return "[\(name)]"
        case .zeroOrMore: return "[\(name)...]"
        case .oneOrMore: return "\(name)..."
        }
    }
}
