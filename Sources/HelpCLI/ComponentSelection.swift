import HelpSystem

/// The one component-selection option group of the per-component commands (install, run, test,
/// config, cache explain): `--component NAME` (repeatable), a flag per component (`--server`,
/// rewritten to `--component NAME` by `ComponentFlags` before parsing), and `--all`. Declared once
/// so every command spells, documents and validates the choice the same way.
struct ComponentSelection: Sendable, Equatable {
    /// The components named, in the order given, without repeats; empty when none was named.
    var names: [String]
    /// `--all`: every component the command applies to, whatever folder `help` runs in.
    var all: Bool

    /// The options of the group, for a command's option table.
    static let options: [OptionSpec] = [
        .repeatable(
            "component", valueName: "NAME", help: "Work on this component (also --NAME, e.g. --server); repeatable"),
        .flag("all", help: "Work on every component, whatever the current folder"),
    ]

    /// The choice read from a parsed command line; `aliases` are older spellings of
    /// `--component` a command still accepts (`help run --only NAME`).
    init(_ invocation: Invocation, aliases: [String] = []) throws {
        var names: [String] = []
        for name in invocation.values("component") + aliases.flatMap(invocation.values) where !names.contains(name) {
            names.append(name)
        }
        self.names = names
        all = invocation.flag("all")
        if all && !names.isEmpty {
            throw HelpError.usage(
                "--all and --component (or a component flag) exclude each other",
                hint: "Name components, or use --all for every one.")
        }
    }

    /// A selection given directly (tests, commands that add their own default).
    init(names: [String] = [], all: Bool = false) {
        self.names = names
        self.all = all
    }

    /// True when the command line narrowed nothing: no name and no `--all`.
    var isDefault: Bool { names.isEmpty && !all }
}
