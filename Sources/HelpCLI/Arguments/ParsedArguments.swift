/// What the parser read from a command line, keyed by each option's long name. Plain data, so
/// tests compare it directly and commands read it through small typed accessors.
public struct ParsedArguments: Sendable, Equatable {
    /// How many times each flag was given (`-vv` counts 2).
    public var flags: [String: Int]
    /// Every value of each value option, in the order given.
    public var values: [String: [String]]
    /// Words that are not options, in order (after `--`, everything is one).
    public var positionals: [String]
    /// Words left unread when parsing stopped at the first positional (the command and its words).
    public var remainder: [String]

    /// Parsed words; empty by default, filled by `ArgumentParser.parse`.
    public init(
        flags: [String: Int] = [:], values: [String: [String]] = [:], positionals: [String] = [],
        remainder: [String] = []
    ) {
        self.flags = flags
        self.values = values
        self.positionals = positionals
        self.remainder = remainder
    }

    // MARK: - Reading

    /// True when the flag was given at least once.
    public func flag(_ long: String) -> Bool { (flags[long] ?? 0) > 0 }

    /// How many times the flag was given.
    public func count(_ long: String) -> Int { flags[long] ?? 0 }

    /// The value of a single-value option; the last one wins when it was given more than once.
    public func value(_ long: String) -> String? { values[long]?.last }

    /// Every value of a repeatable option.
    public func values(_ long: String) -> [String] { values[long] ?? [] }

    /// True when the option was given in any form.
    public func contains(_ long: String) -> Bool { flag(long) || values[long] != nil }

    // MARK: - Combining

    /// Adds what `other` read on top of this (globals given before and after the command name).
    public mutating func merge(_ other: ParsedArguments) {
        for (name, count) in other.flags { flags[name, default: 0] += count }
        for (name, list) in other.values { values[name, default: []] += list }
        positionals += other.positionals
    }
}
