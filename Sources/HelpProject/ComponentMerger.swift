import HelpSystem

/// Lays help.json's declarations over the detected components, infers client -> server
/// dependencies, and checks the result (unique names and flags, known dependencies, no cycles).
struct ComponentMerger {
    let root: ProjectRoot
    let config: ProjectConfig
    var components: [Component]

    // MARK: - Declarations

    /// A declared component replaces the detected one with the same name, or else the detected one
    /// in the same folder; a folder nobody detected is inspected now (help.json may point deeper
    /// than the first level). Two declared components may share a folder (a Python and a Node half).
    mutating func applyDeclarations() throws {
        for declared in config.components {
            let at = JSONPath.member("components", declared.name)
            let byName = components.firstIndex { $0.name == declared.name }
            let path = declared.path ?? byName.map { components[$0].path } ?? declared.name
            let replaced = components.indices.filter {
                components[$0].name == declared.name || (components[$0].path == path && !components[$0].declared)
            }
            var base: Component
            if let index = replaced.first(where: { components[$0].path == path }),
                declared.kind == nil || declared.kind == components[index].kind
            {
                base = components[index]
            } else {
                guard FileProbe.isDirectory(root.resolve(path)) else {
                    let place = declared.path == nil ? at : JSONPath.member(at, "path")
                    throw error(
                        at: place, "no folder \"\(path)\" in the project",
                        hint: "set \"path\" to the component's folder")
                }
                if let detected = ComponentDetector.detect(
                    folder: path, in: root, name: declared.name, kind: declared.kind)
                {
                    base = detected
                } else {
                    throw error(
                        at: at, "no Python, Node or Swift project file in \"\(path)\"",
                        hint: "declare \"kind\" (python, node or swift)")
                }
            }
            base.name = declared.name
            base.path = path
            apply(declared, to: &base)
            // Take the place of what it replaces, so detection order stays; new ones go last.
            if let first = replaced.first {
                components[first] = base
                for index in replaced.dropFirst().reversed() { components.remove(at: index) }
            } else {
                base.evidence.append("declared in help.json")
                components.append(base)
            }
        }
    }

    private func apply(_ declared: ProjectConfig.DeclaredComponent, to component: inout Component) {
        component.declared = true
        if let role = declared.role, role != component.role {
            component.role = role
            component.evidence.append("role \(role.rawValue) declared in help.json")
        }
        if let app = declared.app {
            component.asgiApp = app
            component.commands.run = ["uvicorn", app, "--reload"]
        }
        for (name, argv) in declared.commands { component.commands[name] = argv }
        for (key, value) in declared.environment { component.environment[key] = value }
        if let inputs = declared.inputs { component.inputs = inputs }
        if let exclude = declared.exclude { component.exclude = exclude }
        if let dependsOn = declared.dependsOn { component.dependsOn = dependsOn }
    }

    // MARK: - Inference

    /// A client depends on the project's server when there is exactly one and the client's files
    /// show it (`ClientEvidence`), which is added to its evidence; `depends_on` in help.json always
    /// wins, even when empty.
    mutating func inferDependencies() {
        let servers = components.filter { $0.role == .server }
        guard servers.count == 1, let server = servers.first else { return }
        for index in components.indices where components[index].role == .client && components[index].name != server.name
        {
            guard config.component(named: components[index].name)?.dependsOn == nil else { continue }
            guard
                let reason = ClientEvidence.reason(
                    client: components[index], clientFolder: root.resolve(components[index].path), server: server,
                    serverFolder: root.resolve(server.path))
            else { continue }
            components[index].dependsOn = [server.name]
            components[index].evidence.append("needs \(server.name): \(reason)")
        }
    }

    // MARK: - Checks

    func check() throws {
        var flags: [String: String] = [:]
        for component in components {
            let flag = Component.flagName(for: component.name)
            if let other = flags[flag] {
                throw HelpError.badData(
                    "components \"\(other)\" and \"\(component.name)\" both answer to --\(flag)",
                    hint: "rename one of them in help.json")
            }
            flags[flag] = component.name
        }
        let names = Set(components.map(\.name))
        for component in components {
            for (index, dependency) in component.dependsOn.enumerated() where !names.contains(dependency) {
                let at = JSONPath.element(
                    JSONPath.member(JSONPath.member("components", component.name), "depends_on"), index)
                throw error(
                    at: at, "no component named \"\(dependency)\"",
                    hint: "known components: " + components.map(\.name).joined(separator: ", "))
            }
        }
        try checkCycles()
    }

    /// Depth-first search; a back edge is a cycle, reported along its path.
    private func checkCycles() throws {
        var state: [String: Bool] = [:]  // false: on the current path, true: done
        var path: [String] = []
        func visit(_ name: String) throws {
            if state[name] == true { return }
            if state[name] == false {
                let cycle = path.drop { $0 != name } + [name]
                throw error(
                    at: JSONPath.member(JSONPath.member("components", name), "depends_on"),
                    "dependency cycle: " + cycle.joined(separator: " -> "))
            }
            state[name] = false
            path.append(name)
            for next in components.first(where: { $0.name == name })?.dependsOn ?? [] { try visit(next) }
            path.removeLast()
            state[name] = true
        }
        for component in components { try visit(component.name) }
    }

    private func error(at path: String, _ message: String, hint: String? = nil) -> HelpError {
        config.document?.error(at: path, message, hint: hint) ?? HelpError.badData("\(path): \(message)", hint: hint)
    }
}
