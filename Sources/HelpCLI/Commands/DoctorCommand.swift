import HelpProject
import HelpSystem
import HelpTasks

/// `help doctor`: which tools this project needs, which are here (with version and path), and how
/// to install the missing ones on this system. Exit 69 when a required tool is missing or broken.
public enum DoctorCommand {
    public static let spec = CommandSpec(
        name: "doctor",
        summary: "Check that the tools this project needs are installed and working",
        discussion: "Runs each tool's --version (all at once, with a short timeout) and the extra checks "
            + "some need, such as python3 -m ensurepip for virtualenvs. Node and Swift are required only "
            + "when the project has a component of that kind. Missing tools come with the install command "
            + "for this system's package manager.",
        examples: [
            .init("help doctor", "Show found and missing tools with versions and install hints"),
            .init("help -C server doctor", "Check what the project around ./server needs"),
            .init("help doctor --json", "The same as a JSON document, for scripts and CI"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let found = DoctorWorkflow.run(context: context)
        return Report(
            lines: lines(
                found.statuses, root: found.root, kinds: found.kinds, platform: found.platform, console: context.console
            ),
            json: json(found.statuses, root: found.root, kinds: found.kinds, platform: found.platform),
            failure: found.failure)
    }

    // MARK: - Rendering

    static func lines(
        _ statuses: [ToolStatus], root: String?, kinds: Set<ComponentKind>?, platform: Platform, console: Console
    ) -> [String] {
        var lines = ["System  " + systemLine(platform)]
        if let root {
            let kindList = ComponentKind.allCases.filter { kinds?.contains($0) ?? false }.map(\.rawValue)
            lines.append(
                "Project " + root + (kindList.isEmpty ? "" : " (" + kindList.joined(separator: ", ") + " components)"))
        }
        lines.append("")
        let table = TextTable(
            header: ["TOOL", "NEED", "STATUS", "VERSION", "PATH"],
            rows: statuses.map {
                [$0.name, $0.required ? "required" : "optional", $0.state.rawValue, $0.version ?? "-", $0.path ?? "-"]
            })
        lines += table.lines { row, column, text in
            if row < 0 { return console.paint(text, .bold) }
            guard column == 2 else { return text }
            let status = statuses[row]
            switch status.state {
            case .ok: return console.paint(text, .green)
            case .missing, .broken: return console.paint(text, status.required ? .red : .yellow)
            }
        }
        let attention = statuses.filter { $0.state != .ok }.sorted { $0.required && !$1.required }
        if !attention.isEmpty { lines.append("") }
        for status in attention {
            let need = status.required ? "required" : "optional"
            lines.append("\(status.name) (\(need), \(status.purpose)): \(status.state.rawValue)")
            lines += status.problems.map { "  " + $0 }
            if let hint = status.hint { lines.append("  fix: " + hint) }
        }
        return lines
    }

    /// `Debian GNU/Linux 12 (bookworm), x86_64, apt`.
    static func systemLine(_ platform: Platform) -> String {
        [
            platform.prettyName ?? platform.kernel, platform.architecture,
            platform.packageManager?.rawValue ?? "no package manager",
        ]
        .joined(separator: ", ")
    }

    static func json(_ statuses: [ToolStatus], root: String?, kinds: Set<ComponentKind>?, platform: Platform)
        -> JSONValue
    {
        let tools: [JSONValue] = statuses.map { status in
            [
                "name": .string(status.name), "required": .bool(status.required),
                "state": .string(status.state.rawValue),
                "version": .optional(status.version), "path": .optional(status.path),
                "purpose": .string(status.purpose),
                "problems": .strings(status.problems), "hint": .optional(status.hint),
            ]
        }
        let kindList = ComponentKind.allCases.filter { kinds?.contains($0) ?? false }.map(\.rawValue)
        return [
            "root": .optional(root),
            "kinds": .strings(kindList),
            "system": [
                "os": .optional(platform.distribution), "version": .optional(platform.version),
                "name": .optional(platform.prettyName), "architecture": .string(platform.architecture),
                "package_manager": .optional(platform.packageManager?.rawValue), "root": .bool(platform.isRoot),
            ],
            "ok": .bool(!statuses.contains { $0.required && $0.state != .ok }),
            "tools": .array(tools),
        ]
    }
}
