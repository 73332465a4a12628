import HelpCache
import HelpProject
import HelpSystem

/// The cache key of one component for one action (`test`, `build`, `deps`), built in one place so
/// the workflows that store results and `help cache explain` that compares with them always agree.
///
/// A key covers: the component's input files (git listing, else the walker, narrowed by help.json
/// `inputs`/`exclude`), the command the action runs, the variables declared in help.json `env`
/// (by name, with the value the command will see fingerprinted under the project salt), the tool
/// versions the component is built with, and the `inputs`/`exclude` rules themselves.
public struct ComponentCacheKey: Sendable {
    /// What is cached for a component, and in which kind of the store.
    public enum Action: String, Sendable, CaseIterable {
        case test, build, deps

        /// The store kind holding this action's results.
        public var kind: CacheKind {
            switch self {
            case .test: return .tests
            case .build: return .builds
            case .deps: return .deps
            }
        }
    }

    public var action: Action
    public var key: Digest
    public var manifest: InputManifest
    /// The scan behind the key: folder, listing source and what it cost.
    public var inputs: InputSet

    /// The store kind this key is looked up in.
    public var kind: CacheKind { action.kind }

    // MARK: - Computing

    /// Scans `component` and builds its key for `action`. `environment` is the process environment
    /// the action would inherit; `runner` lists files with git and asks node or swift for their
    /// version (nil: walk, and leave those versions out).
    public static func compute(
        component: Component, project: Project, action: Action, store: CacheStore,
        runner: (any ProcessRunner)?, environment: [String: String]
    ) throws -> ComponentCacheKey {
        // A test result is stored per check by `help test`: its suite's key is that run's own.
        if action == .test {
            return try TestSuiteKey.compute(
                component: component, project: project, store: store, runner: runner,
                environment: environment)
        }
        let folder = project.folder(of: component)
        let inputs = try store.inputScanner(runner: runner).scan(folder: folder, rules: rules(of: component))
        var builder = CacheKeyBuilder(
            action: action.rawValue, component: component.name, command: command(of: component, for: action),
            tools: tools(of: component, folder: folder, rootFolder: project.root.path, runner: runner),
            config: config(of: component))
        builder.declare(declaredNames(of: component), from: commandEnvironment(of: component, inheriting: environment))
        let (key, manifest) = builder.build(files: inputs.files, salt: try store.salt())
        return ComponentCacheKey(action: action, key: key, manifest: manifest, inputs: inputs)
    }

    // MARK: - The parts of a key

    /// The help.json `inputs` and `exclude` globs, relative to the component folder.
    public static func rules(of component: Component) -> InputRules {
        InputRules(inputs: component.inputs, exclude: component.exclude)
    }

    /// The argv the action runs (for `build`, what `help build` runs for the kind); empty for
    /// `deps`, whose inputs are the files alone.
    public static func command(of component: Component, for action: Action) -> [String] {
        switch action {
        case .test: return component.commands.test ?? []
        case .build: return BuildPlanner.identity(of: component)
        case .deps: return []
        }
    }

    /// The variable names help.json declares for the component (`env` keys), sorted.
    public static func declaredNames(of component: Component) -> [String] {
        component.environment.keys.sorted()
    }

    /// The environment the component's commands see: the inherited one with help.json `env` on
    /// top (a child's `Command.environment` overrides what it inherits).
    public static func commandEnvironment(of component: Component, inheriting environment: [String: String])
        -> [String: String]
    {
        environment.merging(component.environment) { _, declared in declared }
    }

    /// The rules as config entries, so a changed glob is named by an explanation rather than only
    /// showing up as files added or removed.
    public static func config(of component: Component) -> [String: String] {
        var config: [String: String] = [:]
        if !component.inputs.isEmpty { config["inputs"] = component.inputs.joined(separator: " ") }
        if !component.exclude.isEmpty { config["exclude"] = component.exclude.joined(separator: " ") }
        return config
    }

    /// Versions of the tools the component is built with: Python from its environment's
    /// pyvenv.cfg (no child process), node and swift from `--version` through `runner`. A tool
    /// that cannot be asked is left out rather than guessed.
    public static func tools(of component: Component, folder: String, rootFolder: String, runner: (any ProcessRunner)?)
        -> [String: String]
    {
        var tools: [String: String] = [:]
        switch component.kind {
        case .python:
            let environments = EnvironmentChooser.candidates(componentDirectory: folder, rootDirectory: rootFolder)
            for env in environments {
                guard let text = try? FileSystem().readText(env.configFile) else { continue }
                if let version = VirtualEnvironmentConfig(text: text).version { tools["python"] = version.description }
                break
            }
        case .node:
            tools["node"] = runner.flatMap { version(of: "node", runner: $0, folder: folder) }
        case .swift:
            tools["swift"] = runner.flatMap { version(of: "swift", runner: $0, folder: folder) }
        }
        return tools
    }

    /// The first line `tool --version` prints; nil when it is missing or fails.
    static func version(of tool: String, runner: any ProcessRunner, folder: String) -> String? {
        guard runner.locate(tool) != nil,
            let result = try? runner.run(Command(tool, ["--version"], workingDirectory: folder, timeout: 30)),
            result.succeeded
        else { return nil }
        let line = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? nil : line
    }
}
