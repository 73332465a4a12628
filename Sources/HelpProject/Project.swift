import HelpSystem

/// What a repository is to `help`: its root, its components (detected, then overridden or added by
/// help.json) and its configuration. Built once per command and handed to the workflows.
public struct Project: Sendable {
    public let root: ProjectRoot
    /// Detected components first (root component, then folders by name), then the ones only
    /// help.json declares, in file order.
    public let components: [Component]
    public let config: ProjectConfig

    /// Finds the root from `start` (`-C DIR`; the current directory when nil), reads help.json and
    /// detects the components.
    public static func load(from start: String? = nil) throws -> Project {
        let root = try ProjectLocator.locate(from: start)
        let config = try ProjectConfig.load(root: root)
        return try Project(root: root, detected: ComponentDetector.detect(root: root), config: config)
    }

    /// Merges `config` over `detected`, infers dependencies and checks that names and dependencies
    /// hold together. Errors about help.json name its line and column.
    public init(root: ProjectRoot, detected: [Component], config: ProjectConfig) throws {
        self.root = root
        self.config = config
        var merger = ComponentMerger(root: root, config: config, components: detected)
        try merger.applyDeclarations()
        merger.inferDependencies()
        try merger.check()
        self.components = merger.components
        try checkInside()
    }

    /// Refuses a component whose folder, symlinks resolved, lies outside the project: help creates
    /// environments and edits files in it, and must never write outside the project.
    private func checkInside() throws {
        let fs = FileSystem()
        guard let rootPath = fs.realPath(root.path) else { return }
        for component in components {
            guard let real = fs.realPath(folder(of: component)) else { continue }
            if real == rootPath || real.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") { continue }
            throw HelpError.badData(
                "component '\(component.name)' (\(component.path)) leads outside the project, to \(real)",
                hint: "help writes environments and files in a component's folder; move the folder into the project "
                    + "or declare another path in help.json")
        }
    }

    // MARK: - Questions

    /// The component called `name`, also found by its flag spelling (`python-client`, `--python-client`).
    public func component(named name: String) -> Component? {
        if let exact = components.first(where: { $0.name == name }) { return exact }
        let wanted = Component.flagName(for: name.hasPrefix("--") ? String(name.dropFirst(2)) : name)
        return components.first { Component.flagName(for: $0.name) == wanted }
    }

    /// The components that list `name` among their direct dependencies.
    public func componentsDependingOn(_ name: String) -> [Component] {
        components.filter { $0.dependsOn.contains(name) }
    }

    /// The components `name` needs, directly and through them, dependencies before dependents.
    public func dependencies(of name: String) -> [Component] {
        var ordered: [Component] = []
        var seen: Set<String> = [name]
        func visit(_ current: String) {
            for next in component(named: current)?.dependsOn ?? [] where !seen.contains(next) {
                seen.insert(next)
                visit(next)
                if let found = component(named: next) { ordered.append(found) }
            }
        }
        visit(name)
        return ordered
    }

    /// The components whose role is `role`.
    public func components(withRole role: ComponentRole) -> [Component] {
        components.filter { $0.role == role }
    }

    /// The absolute folder of `component`.
    public func folder(of component: Component) -> String {
        root.resolve(component.path)
    }
}
