import HelpCache
import HelpProject
import HelpSystem

/// Which components a `help test` run covers, and why each one: named on the command line, all of
/// them, or (with `--changed`) those whose files changed against a git revision plus everything
/// that depends on them.
public struct TestSelection: Sendable {
    public var components: [Component]
    /// Component name → why it was selected.
    public var reasons: [String: String]
    /// With `--changed`: the changed files, relative to the project root.
    public var changedFiles: [String] = []
    /// With `--changed`: the revision compared with, as the report names it.
    public var changedBase: String?

    /// Chooses from `project` per `options`; `git` answers the changed-file questions. With no
    /// component named, no `--all` and no `--changed`, a `workingDirectory` inside a component's
    /// folder chooses that component (as git works from a subfolder).
    public static func choose(
        project: Project, options: TestOptions, runner: any ProcessRunner, workingDirectory: String? = nil
    ) throws -> TestSelection {
        if !options.components.isEmpty {
            var chosen: [Component] = []
            for name in options.components {
                guard let component = project.component(named: name) else {
                    let names = project.components.map(\.name).joined(separator: ", ")
                    throw HelpError.usage("no component named '\(name)'", hint: "Components here: \(names).")
                }
                if !chosen.contains(where: { $0.name == component.name }) { chosen.append(component) }
            }
            return TestSelection(
                components: chosen, reasons: Dictionary(uniqueKeysWithValues: chosen.map { ($0.name, "named") }))
        }
        if !options.all, !options.changed, let workingDirectory,
            let here = project.component(containing: workingDirectory)
        {
            return TestSelection(
                components: [here], reasons: [here.name: "current folder (--all for every component)"])
        }
        guard options.changed else {
            return TestSelection(
                components: project.components,
                reasons: Dictionary(uniqueKeysWithValues: project.components.map { ($0.name, "all components") }))
        }
        let files = try ChangedFiles.list(root: project.root.path, since: options.since, runner: runner)
        var selection = select(changed: files.paths, base: files.base, project: project)
        selection.changedFiles = files.paths
        selection.changedBase = files.base
        return selection
    }

    /// The components owning any of `paths` (relative to the root), then their dependents.
    public static func select(changed paths: [String], base: String, project: Project) -> TestSelection {
        var reasons: [String: String] = [:]
        var order: [String] = []
        // The deepest component folder containing the file owns it (the root component owns the rest).
        let byDepth = project.components.sorted { $0.path.count > $1.path.count }
        for path in paths {
            guard let owner = byDepth.first(where: { $0.path == "." || path.hasPrefix($0.path + "/") }) else {
                continue
            }
            if reasons[owner.name] == nil {
                reasons[owner.name] = "\(path) changed since \(base)"
                order.append(owner.name)
            }
        }
        var index = 0
        while index < order.count {
            for dependent in project.componentsDependingOn(order[index]) where reasons[dependent.name] == nil {
                reasons[dependent.name] = "depends on \(order[index])"
                order.append(dependent.name)
            }
            index += 1
        }
        let components = project.components.filter { reasons[$0.name] != nil }
        return TestSelection(components: components, reasons: reasons)
    }
}

/// The files changed in a git work tree against a base revision, uncommitted and untracked ones included.
public enum ChangedFiles {
    /// `since` nil: the merge base with the default branch (origin/HEAD, main, master), else HEAD.
    public static func list(root: String, since: String?, runner: any ProcessRunner) throws -> (
        paths: [String], base: String
    ) {
        func git(_ arguments: [String]) throws -> ProcessResult {
            try runner.run(Command("git", ["-C", root] + arguments, timeout: 60))
        }
        guard (try? git(["rev-parse", "--is-inside-work-tree"]))?.succeeded == true else {
            throw HelpError.usage(
                "--changed needs a git repository, and \(root) is not inside one",
                hint: "Run 'help test' without --changed, or inside a git checkout.")
        }
        var base = since ?? "HEAD"
        if since == nil {
            for candidate in ["origin/HEAD", "main", "master"] {
                let found = try git(["merge-base", "HEAD", candidate])
                if found.succeeded, let commit = found.stdout.split(separator: "\n").first {
                    base = String(commit)
                    break
                }
            }
        }
        let diff = try git(["diff", "--relative", "--name-only", "-z", base, "--"])
        guard diff.succeeded else {
            throw HelpError.usage(
                "git cannot compare with '\(base)': \(diff.stderr.split(separator: "\n").first ?? "")",
                hint: "Use --since REF with a commit, branch or tag of this repository.")
        }
        // What a run leaves behind (virtualenvs, caches, coverage data) is no change, ignored or not.
        let untracked = try git(
            ["ls-files", "-z", "--others", "--exclude-standard"]
                + DefaultIgnores.gitExcludePatterns.flatMap { ["-x", $0] })
        var paths = diff.stdout.split(separator: "\0").map(String.init)
        paths += untracked.stdout.split(separator: "\0").map(String.init)
        return (paths, since ?? String(base.prefix(12)))
    }
}
