/// Finds the components of a project by looking at its root and the root's immediate subfolders
/// (the root itself counts when it holds a project file). Deeper folders are reached only when
/// help.json declares them.
public enum ComponentDetector {
    /// Folders that are never components and never scanned: tool state, environments, outputs.
    public static let ignoredFolders: Set<String> = [
        ".git", ".venv", "venv", "node_modules", ".build", ".helpcache", "dist", "build", "__pycache__",
    ]

    /// Every component found under `root`: the root component first (if any), then subfolders by name.
    public static func detect(root: ProjectRoot) -> [Component] {
        var components: [Component] = []
        if let rootComponent = detect(folder: ".", in: root, name: root.name) {
            components.append(rootComponent)
        }
        for entry in FileProbe.entries(in: root.path) where entry.isDirectory {
            guard !entry.name.hasPrefix("."), !ignoredFolders.contains(entry.name) else { continue }
            if let component = detect(folder: entry.name, in: root, name: entry.name) {
                components.append(component)
            }
        }
        return components
    }

    /// The component in `path` (relative to the root; `.` for the root), named `name`, or nil when
    /// the folder holds no Python, Node or Swift project file. When a folder holds several, Python
    /// wins over Node and Node over Swift, and the evidence names the others. `kind` forces one
    /// reading (help.json's `kind`), even when that kind's project file is missing.
    public static func detect(
        folder path: String, in root: ProjectRoot, name: String, kind forced: ComponentKind? = nil
    ) -> Component? {
        let folder = root.resolve(path)
        let entries = FileProbe.entries(in: folder)
        let names = Set(entries.filter { !$0.isDirectory }.map(\.name))
        var kinds: [ComponentKind] = []
        if PythonInspector.isProject(names) { kinds.append(.python) }
        if names.contains("package.json") { kinds.append(.node) }
        if names.contains("Package.swift") { kinds.append(.swift) }
        if let forced { kinds = [forced] + kinds.filter { $0 != forced } }
        guard let kind = kinds.first else { return nil }

        var component = Component(name: name, path: path, kind: kind)
        switch kind {
        case .python: PythonInspector.inspect(&component, folder: folder, entries: entries)
        case .node: NodeInspector.inspect(&component, folder: folder, entries: entries)
        case .swift: SwiftInspector.inspect(&component, folder: folder, entries: entries)
        }
        for other in kinds.dropFirst() {
            component.evidence.append("also a \(other.rawValue) project; treated as \(kind.rawValue)")
        }
        return component
    }

    /// Sets the role of `component` from what its inspector found, strongest first: a server, a
    /// client by its folder name, an app with an entry point, else a library. Adds the evidence
    /// behind the role and returns it.
    @discardableResult
    static func assignRole(_ component: inout Component, serverEvidence: [String], appEvidence: String?)
        -> ComponentRole
    {
        if !serverEvidence.isEmpty {
            component.role = .server
            component.evidence += serverEvidence
        } else if let clientEvidence = clientEvidence(component.name) {
            component.role = .client
            component.evidence.append(clientEvidence)
        } else if let appEvidence {
            component.role = .app
            component.evidence.append(appEvidence)
        } else {
            component.role = .library
        }
        return component.role
    }

    /// "folder name ends in -client" for a client by name (`js-client`, `client`), else nil.
    private static func clientEvidence(_ name: String) -> String? {
        let flagName = Component.flagName(for: name)
        if flagName == "client" { return "folder named client" }
        return flagName.hasSuffix("-client") ? "folder name ends in -client" : nil
    }
}
