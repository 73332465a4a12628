import HelpProject
import HelpSystem

/// `help install`: with no package, syncs the selected components (all by default); with
/// packages, installs and records them in one component. Picks the component, validates every
/// package by that component's rules before anything runs, and returns a report for people and
/// for `--json`.
public enum InstallWorkflow {
    /// Runs the workflow for the project around `context.workingDirectory`.
    public static func run(_ options: InstallOptions, context: Context) throws -> InstallReport {
        let project = try Project.load(from: context.workingDirectory)
        var report = InstallReport(dryRun: options.dryRun, packagesRequested: !options.packages.isEmpty)
        if options.packages.isEmpty {
            let sync = SyncOptions(
                development: options.includesDevelopment, force: options.force, dryRun: options.dryRun,
                offline: options.offline)
            // One component's failure does not stop the others: each is reported, the run fails.
            let chosen = try syncTargets(options, project: project, workingDirectory: context.workingDirectory)
            report.scope = chosen.scope
            for target in chosen.targets {
                do {
                    report.outcomes.append(try DependencySync.sync(target, context: context, options: sync))
                } catch let error as HelpError where error.code != .interrupted {
                    report.failedComponents.append(.init(component: target.name, error: error))
                }
            }
            report.failure = InstallReport.ComponentFailure.combined(report.failedComponents)
            return report
        }
        // Packages are checked by the rules of the component they go into (PEP 508 for Python,
        // npm's for Node) before anything runs: nothing starts for a bad one.
        let target = try packageTarget(options, project: project, workingDirectory: context.workingDirectory)
        switch target.ecosystem {
        case .node:
            let packages = try options.packages.map(NodePackageSpec.parseUserInput)
            report.node = try NodePackageInstall(target: target, context: context, options: options).run(packages)
        case .python:
            let requirements = try options.packages.map(PythonRequirement.parseUserInput)
            do {
                report.packages = try PackageInstall(target: target, context: context, options: options).run(
                    requirements)
            } catch let failure as InstallFailure {
                report.packages = failure.result
                report.failure = failure.error
            }
        }
        return report
    }

    // MARK: - Choosing components

    /// The components to sync: those named; else, run inside a component's folder, that one (as
    /// `help test` does, and git from a subfolder), said in `scope`; else every Python and Node
    /// component.
    static func syncTargets(_ options: InstallOptions, project: Project, workingDirectory: String) throws
        -> (targets: [DependencyTarget], scope: String?)
    {
        if !options.components.isEmpty {
            return (try options.components.map { try named($0, project: project) }, nil)
        }
        if !options.all, let here = project.component(containing: workingDirectory),
            let target = DependencyTarget(component: here, project: project)
        {
            return ([target], "\(here.name) only: the current folder (--all for every component)")
        }
        return (project.components.compactMap { DependencyTarget(component: $0, project: project) }, nil)
    }

    /// The one component packages go into: the one named; else the one whose folder holds the
    /// current folder; else the only Python component; else a usage error listing the choices.
    static func packageTarget(_ options: InstallOptions, project: Project, workingDirectory: String) throws
        -> DependencyTarget
    {
        if options.components.count > 1 {
            throw HelpError.usage(
                "packages go into one component at a time; \(options.components.joined(separator: ", ")) were named")
        }
        if let name = options.components.first { return try named(name, project: project) }
        let targets = project.components.compactMap { DependencyTarget(component: $0, project: project) }
        let containing = targets.filter {
            $0.directory != $0.root
                && (workingDirectory == $0.directory || workingDirectory.hasPrefix($0.directory + "/"))
        }
        if let deepest = containing.max(by: { $0.directory.count < $1.directory.count }) { return deepest }
        let python = targets.filter { $0.ecosystem == .python }
        if python.count == 1 { return python[0] }
        let choices = project.components.filter { $0.kind != .swift }.map(\.flag)
        throw HelpError.usage(
            choices.isEmpty
                ? "this project has no Python or Node component to install into"
                : "which component should the package go into?",
            hint: choices.isEmpty ? nil : "add one of: " + choices.joined(separator: ", ") + " (or --component NAME)")
    }

    private static func named(_ name: String, project: Project) throws -> DependencyTarget {
        guard let component = project.component(named: name) else {
            let choices = project.components.map(\.flag).joined(separator: ", ")
            throw HelpError.usage(
                "no component named '\(name)'", hint: choices.isEmpty ? nil : "components: " + choices)
        }
        guard let target = DependencyTarget(component: component, project: project) else {
            throw HelpError.usage(
                "\(component.name) is a \(component.kind.rawValue) component; help install handles Python and Node")
        }
        return target
    }
}
