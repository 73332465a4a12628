import HelpSystem

/// The one entry point for "make this component's dependencies current", called by
/// `help install` and first thing by `help run` and `help test`. When nothing changed since the
/// last sync it answers from the stamp without starting any process.
public enum DependencySync {
    /// Syncs one component and returns what happened and, for Python, the environment to use
    /// (`outcome.pythonPath`, `outcome.binDirectory`). Throws `HelpError`: `.failure` when the
    /// install failed, `.unavailable` when no fitting interpreter or tool exists, `.interrupted`.
    public static func sync(_ target: DependencyTarget, context: Context, options: SyncOptions = SyncOptions()) throws -> SyncOutcome {
        switch target.ecosystem {
        case .python: return try PythonSync(target: target, context: context, options: options).run()
        case .node: return try NodeSync(target: target, context: context, options: options).run()
        }
    }
}
