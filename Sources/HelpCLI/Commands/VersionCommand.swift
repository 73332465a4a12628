import HelpProject
import HelpSystem
import HelpTasks

/// `help version`: each component's version and every place it is written; bump or set them all at once.
public enum VersionCommand {
    public static let spec = CommandSpec(
        name: "version",
        summary: "Show each component's version and where it is written; bump or set it everywhere at once",
        discussion: """
            Places: pyproject.toml [project] or [tool.poetry] version, __version__ in the package's \
            __init__.py, package.json version, a VERSION file. Places that disagree are flagged (exit 65 \
            with --check). --bump or --set rewrites every place of the chosen components in one \
            transaction: every file parsed and edited first, backed up under .helpcache/backups/, written \
            atomically with its formatting kept. PEP 440 for Python, semver for Node and Swift; a new \
            version that is invalid or lower than the current one is refused (exit 65).
            """,
        options: [
            .flag("check", help: "Exit 65 when the places of a component disagree"),
            .value(
                "bump", valueName: "PART", help: "Raise the version",
                allowedValues: ReleaseVersion.Part.allCases.map(\.rawValue)),
            .value("set", valueName: "VERSION", help: "Set this version"),
        ] + ComponentSelection.options,
        examples: [
            .init("help version --check", "List versions; fail when a component's places disagree"),
            .init("help version --python-client --bump minor", "0.1.0 → 0.2.0 in pyproject.toml and __version__"),
            .init("help version --set 1.0.0rc1 --python-client", "A pre-release"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        var options = VersionOptions()
        options.components = try ComponentSelection(invocation).names
        options.check = invocation.flag("check")
        options.bump = invocation.value("bump").flatMap(ReleaseVersion.Part.init(rawValue:))
        options.set = invocation.value("set")
        if options.bump != nil && options.set != nil {
            throw HelpError.usage("--bump and --set both choose the new version", hint: "Give one of them.")
        }
        let found = try VersionWorkflow.run(options, context: context)
        var lines: [String] = []
        for entry in found {
            let change = entry.newVersion.map { " → \($0)" } ?? ""
            lines.append("\(entry.component)  \(entry.version ?? "no version")\(change)")
            for place in entry.places {
                let flag = entry.disagreeing.contains(place) ? "  (disagrees)" : ""
                lines.append("  \(place.display)  \(place.kind.rawValue)  \(place.value)\(flag)")
            }
        }
        let json: JSONValue = [
            "components": .array(
                found.map { entry in
                    [
                        "component": .string(entry.component), "version": .optional(entry.version),
                        "new_version": .optional(entry.newVersion), "agree": .bool(entry.disagreeing.isEmpty),
                        "places": .array(
                            entry.places.map {
                                [
                                    "file": .string($0.display), "kind": .string($0.kind.rawValue),
                                    "value": .string($0.value),
                                ]
                            }),
                    ]
                })
        ]
        let disagreeing = found.filter { !$0.disagreeing.isEmpty && $0.newVersion == nil }.map(\.component)
        let failure =
            options.check && !disagreeing.isEmpty
            ? HelpError.badData(
                "versions disagree in \(disagreeing.joined(separator: ", "))",
                hint: "Run 'help version --set X' with the right one to write it everywhere.")
            : nil
        return Report(lines: lines, json: json, failure: failure)
    }
}
