import HelpProject
import HelpSystem

/// The one entry point for "make this component's dependencies current", called by
/// `help install` and first thing by `help run` and `help test`. When nothing changed since the
/// last sync it answers from the stamp without starting any process.
public enum DependencySync {
    /// Syncs one component and returns what happened and, for Python, the environment to use
    /// (`outcome.pythonPath`, `outcome.binDirectory`). Throws `HelpError`: `.failure` when the
    /// install failed, `.unavailable` when no fitting interpreter or tool exists, `.interrupted`.
    public static func sync(_ target: DependencyTarget, context: Context, options: SyncOptions = SyncOptions()) throws
        -> SyncOutcome
    {
        switch target.ecosystem {
        case .python: return try PythonSync(target: target, context: context, options: options).run()
        case .node: return try NodeSync(target: target, context: context, options: options).run()
        }
    }
}

extension DependencySync {
    /// The same for a component of `project`; Swift components (and others without installable
    /// dependencies) answer `.nothingToDo` at once.
    public static func sync(
        component: Component, project: Project, context: Context, options: SyncOptions = SyncOptions()
    ) throws -> SyncOutcome {
        guard let target = DependencyTarget(component: component, project: project) else {
            return SyncOutcome(
                component: component.name, status: .nothingToDo,
                environmentReason: "\(component.kind.rawValue) components have no dependencies to install")
        }
        return try sync(target, context: context, options: options)
    }
}

extension DependencyTarget {
    /// The target for a project component; nil for ecosystems without dependency installs (Swift).
    public init?(component: Component, project: Project) {
        let ecosystem: Ecosystem
        switch component.kind {
        case .python: ecosystem = .python
        case .node: ecosystem = .node
        case .swift: return nil
        }
        self.init(
            name: component.name, directory: project.folder(of: component), root: project.root.path,
            ecosystem: ecosystem)
    }
}
