import HelpProject
import HelpSystem

/// `help components`: what `help` sees in the project: each component's folder, kind, role, the
/// flag that selects it, its test and run commands, and the evidence it was classified by.
public enum ComponentsCommand {
    public static let spec = CommandSpec(
        name: "components",
        summary: "List the project's components, how each is tested and run, and why",
        discussion: "Components are found from their project files (pyproject.toml, requirements.txt, "
            + "package.json, Package.swift) and from help.json, which can add, rename or override them. "
            + "The evidence lines say which files decided each kind and role.",
        examples: [
            .init("help components", "List the components of the project around the current folder"),
            .init("help -C Examples/auth-service components", "The same for another project"),
            .init("help components --json", "A JSON document: root and components with their commands"),
        ],
        run: { try run($0, $1) })

    static func run(_ invocation: Invocation, _ context: Context) throws -> Report {
        let project = try Project.load(from: context.workingDirectory)
        let listing = lines(project, console: context.console)
        return Report(lines: listing, json: json(project), failure: problem(in: project))
    }

    /// A package.json that cannot be read: listed, and the command then fails on it (exit 65),
    /// since install, run and test would otherwise go on without its scripts and dependencies.
    static func problem(in project: Project) -> HelpError? {
        let problems = project.components.compactMap { $0.node?.problem }
        guard let first = problems.first else { return nil }
        let others = problems.count > 1 ? " (and \(problems.count - 1) more package.json with problems)" : ""
        return .badData(first, hint: "fix the file; help reads its name, scripts and dependencies" + others)
    }

    // MARK: - Rendering

    static func lines(_ project: Project, console: Console) -> [String] {
        var lines = ["Project \(project.root.path) (found by \(project.root.discovery.rawValue))"]
        guard !project.components.isEmpty else {
            lines.append("No components: no pyproject.toml, requirements.txt, package.json or Package.swift found.")
            return lines
        }
        for component in project.components {
            lines.append("")
            let title = [
                component.name, component.kind.rawValue + " " + component.role.rawValue, component.path, component.flag,
            ]
            lines.append(console.paint(title[0], .bold) + "  " + title.dropFirst().joined(separator: "  "))
            var details: [(String, String)] = []
            details.append(("test", component.commands.test.map(display) ?? "-"))
            details.append(("run", component.commands.run.map(display) ?? "-"))
            if let app = component.asgiApp { details.append(("app", app)) }
            if !component.dependsOn.isEmpty { details.append(("needs", component.dependsOn.joined(separator: ", "))) }
            if !component.evidence.isEmpty { details.append(("why", component.evidence.joined(separator: "; "))) }
            lines += details.map { "  " + $0.0.padding(to: 5) + "  " + $0.1 }
        }
        return lines
    }

    /// The stable `--json` schema of this command.
    static func json(_ project: Project) -> JSONValue {
        let components: [JSONValue] = project.components.map { component in
            [
                "name": .string(component.name), "path": .string(component.path),
                "kind": .string(component.kind.rawValue),
                "role": .string(component.role.rawValue), "flag": .string(component.flag),
                "test": component.commands.test.map(JSONValue.strings) ?? .null,
                "run": component.commands.run.map(JSONValue.strings) ?? .null,
                "app": .optional(component.asgiApp), "depends_on": .strings(component.dependsOn),
                "evidence": .strings(component.evidence),
            ]
        }
        return ["root": .string(project.root.path), "components": .array(components)]
    }

    /// An argv as a person would type it.
    static func display(_ argv: [String]) -> String {
        argv.map(Command.shellQuote).joined(separator: " ")
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never cut).
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
