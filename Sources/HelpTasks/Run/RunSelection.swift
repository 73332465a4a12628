import HelpProject
import HelpSystem

/// Which components `help run` starts: servers with an ASGI app, Node components with a `dev`
/// script, and any component whose help.json declares `commands.run`. `--only` narrows that list;
/// naming a component that cannot run is a usage error saying why.
public enum RunSelection {
    /// The runnable components in project order, servers first so their URLs are known before
    /// the others start.
    public static func runnable(in project: Project) -> [Component] {
        let found = project.components.filter { reason(project, $0) != nil }
        return found.filter { $0.role == .server } + found.filter { $0.role != .server }
    }

    /// What makes `component` runnable, in words; nil when nothing does.
    public static func reason(_ project: Project, _ component: Component) -> String? {
        if project.config.component(named: component.name)?.commands["run"] != nil {
            return "commands.run in help.json"
        }
        if let app = component.asgiApp, component.kind == .python { return "ASGI app \(app)" }
        if component.kind == .node, component.node?.script("dev") != nil { return "dev script in package.json" }
        return nil
    }

    /// The components to start for `only` (all runnable ones when empty).
    public static func select(_ project: Project, only: [String]) throws -> [Component] {
        let runnable = runnable(in: project)
        guard !only.isEmpty else {
            guard !runnable.isEmpty else {
                throw HelpError.badData(
                    "nothing to run in \(project.root.path): no component has an ASGI app, a dev script or commands.run",
                    hint: "declare one in help.json, e.g. {\"components\": {\"server\": {\"app\": \"app.main:app\"}}}")
            }
            return runnable
        }
        var chosen: [Component] = []
        for name in only {
            guard let component = project.component(named: name) else {
                let known = project.components.map(\.name).joined(separator: ", ")
                throw HelpError.usage(
                    "no component named \(JSONValue.quoted(name))", hint: known.isEmpty ? nil : "components: " + known)
            }
            guard reason(project, component) != nil else {
                throw HelpError.usage(
                    "\(component.name) has nothing to run",
                    hint: "runnable: " + (runnable.isEmpty ? "none" : runnable.map(\.name).joined(separator: ", ")))
            }
            if !chosen.contains(where: { $0.name == component.name }) { chosen.append(component) }
        }
        return runnable.filter { candidate in chosen.contains { $0.name == candidate.name } }
    }
}
