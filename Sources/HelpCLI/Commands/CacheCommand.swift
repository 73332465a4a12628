import HelpCache
import HelpProject
import HelpSystem
import HelpTasks

/// `help cache stats|clean|prune|explain|key`: look into and tidy the project's `.helpcache`. One
/// command whose first word picks a subcommand from `subcommands`, a table saying which options
/// and arguments each takes; the rest is checked against it before anything runs.
public enum CacheCommand {
    /// One subcommand: its usage form, the options and how many words it takes, and its work.
    struct Subcommand: Sendable {
        var name: String
        var usage: String
        /// Long names of the `cache` options it accepts.
        var options: Set<String>
        /// The name of its argument (`COMPONENT`, `PATH`), nil when it takes none.
        var argument: String?
        var run: @Sendable (Invocation, String?, Context) throws -> Report
    }

    static let subcommands: [Subcommand] = [
        Subcommand(name: "stats", usage: "stats", options: [], argument: nil) { invocation, _, context in
            try CacheCommand.stats(invocation, context)
        },
        Subcommand(name: "clean", usage: "clean [--kind KIND]", options: ["kind"], argument: nil) {
            invocation, _, context in
            try CacheCommand.clean(invocation, context)
        },
        Subcommand(
            name: "prune", usage: "prune [--max-size SIZE] [--max-age AGE] [--dry-run]",
            options: ["max-size", "max-age", "dry-run"], argument: nil
        ) { invocation, _, context in
            try CacheCommand.prune(invocation, context)
        },
        Subcommand(
            name: "explain", usage: "explain COMPONENT [--action ACTION]", options: ["action", "component"],
            argument: "COMPONENT"
        ) { invocation, component, context in
            try CacheCommand.explain(invocation, component: component ?? "", context)
        },
        Subcommand(name: "key", usage: "key PATH [--rehash]", options: ["rehash"], argument: "PATH") {
            invocation, path, context in
            try CacheCommand.key(invocation, path: path ?? "", context)
        },
    ]

    public static let spec = CommandSpec(
        name: "cache",
        summary: "Show, explain, clean or prune the project's result cache (.helpcache)",
        discussion: """
            stats: entries and bytes per kind (tests, builds, deps, downloads), hits, misses, the \
            time hits saved, and the store's size against its cap (help.json cache.max_size, else \
            2 GiB). clean: removes every entry, or those of one --kind; logs and backups stay. \
            prune: removes entries unused for --max-age, then the least recently used until the \
            store fits --max-size (default: the cap); --dry-run lists them without removing. \
            explain: computes a component's key for --action (test by default) from its files, \
            help.json env names, tool versions and command, and says what changed since the last \
            stored result, or that it would be a hit. Variable values are never shown. key: a \
            diagnostic printing the key of any folder, how many files were read, and the time \
            taken (what Benchmarks/cache.sh measures); --rehash forgets the stat cache first.
            """,
        options: [
            .value("kind", valueName: "KIND", help: "clean: only this kind (tests, builds, deps or downloads)"),
            .value("max-size", valueName: "SIZE", help: "prune: size to fit in, such as 500M or 2G"),
            .value("max-age", valueName: "AGE", help: "prune: remove entries unused for this long, such as 12h or 7d"),
            .flag("dry-run", help: "prune: list what would be removed; remove nothing"),
            .value(
                "action", valueName: "ACTION", help: "explain: the cached action",
                allowedValues: ComponentCacheKey.Action.allCases.map(\.rawValue)),
            .flag("rehash", help: "key: forget the stat cache and read every file"),
        ] + ComponentSelection.options,
        positionals: [
            PositionalSpec("SUBCOMMAND", help: "stats, clean, prune, explain or key"),
            PositionalSpec("ARG", arity: .optional, help: "explain: the component; key: the folder"),
        ],
        examples: [
            .init("help cache stats", "Entries and size per kind, hits, misses and time saved"),
            .init("help cache stats --json", "The same as a JSON document"),
            .init("help cache explain --server", "Why the next 'help test --server' would hit or miss"),
            .init("help cache explain web --action build", "The same for web's build"),
            .init("help cache prune --max-size 500M --dry-run", "List the entries pruning to 500 MiB would remove"),
            .init("help cache prune --max-age 14d", "Remove entries unused for two weeks"),
            .init("help cache clean --kind tests", "Forget every stored test result"),
            .init("help cache key . --rehash", "Key the current folder, reading every file (diagnostic)"),
        ],
        usageForms: subcommands.map(\.usage),
        run: { try run($0, $1) })

    // MARK: - Dispatch

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let word = invocation.positionals[0]
        guard let subcommand = subcommands.first(where: { $0.name == word }) else {
            let names = subcommands.map(\.name)
            let guess = Suggestion.closest(to: word, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw HelpError.usage(
                "unknown cache subcommand '\(word)'", hint: guess + "Use one of: " + names.joined(separator: ", ") + "."
            )
        }
        var argument = invocation.positionals.count > 1 ? invocation.positionals[1] : nil
        if subcommand.options.contains("component") {
            // The component may also come from the shared selection (`--server`, `--component NAME`).
            let names = try ComponentSelection(invocation).names
            if names.count > 1 || (argument != nil && !names.isEmpty) {
                throw HelpError.usage(
                    "'help cache \(word)' takes one component", hint: "Usage: help cache \(subcommand.usage)")
            }
            argument = argument ?? names.first
        }
        switch (subcommand.argument, argument) {
        case (nil, let extra?):
            throw HelpError.usage(
                "'help cache \(word)' takes no argument (got '\(extra)')", hint: "Usage: help cache \(subcommand.usage)"
            )
        case (let name?, nil):
            throw HelpError.usage("missing argument \(name)", hint: "Usage: help cache \(subcommand.usage)")
        default: break
        }
        let ownOptions = Set(spec.options.map(\.long))
        for option in ownOptions.subtracting(subcommand.options).sorted() where invocation.arguments.contains(option) {
            throw HelpError.usage(
                "--\(option) does not apply to 'help cache \(word)'", hint: "Usage: help cache \(subcommand.usage)")
        }
        return try subcommand.run(invocation, argument, context)
    }
}
