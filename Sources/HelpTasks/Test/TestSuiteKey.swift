import HelpCache
import HelpProject
import HelpSystem

/// The key of a component's test suite as a plain `help test` would store it, computed without
/// running anything (no dependency sync): the same planner, environment and `TestResultCache.key`
/// as the run, so `help cache explain` answers "hit" right after a cached pass.
enum TestSuiteKey {
    static func compute(
        component: Component, project: Project, store: CacheStore, runner: (any ProcessRunner)?,
        environment: [String: String]
    ) throws -> ComponentCacheKey {
        let folder = project.folder(of: component)
        let scanner = store.inputScanner(runner: runner)
        let inputs = try scanner.scan(folder: folder, rules: ComponentCacheKey.rules(of: component))
        var dependencyDigests: [String: Digest] = [:]
        for dependency in project.dependencies(of: component.name) {
            let scan = try scanner.scan(
                folder: project.folder(of: dependency),
                rules: ComponentCacheKey.rules(of: dependency))
            dependencyDigests[dependency.name] = TestWorkflow.digest(of: scan)
        }
        let (runEnvironment, binDirectory) = Self.environment(of: component, project: project, inheriting: environment)
        let quiet = Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in })
        let locator = runner ?? PosixProcessRunner(environment: environment, console: quiet)
        let planner = TestCheckPlanner(project: project, options: TestOptions(), scratch: "/tmp")
        let tools = ComponentCacheKey.tools(
            of: component, folder: folder, rootFolder: project.root.path,
            runner: runner)
        let cache = TestResultCache(store: store, project: project)
        guard
            let check = planner.checks(for: component, binDirectory: binDirectory, runner: locator)
                .first(where: { $0.kind == .tests })
        else {
            throw HelpError.usage(
                "\(component.name) has no test suite",
                hint: "Run 'help test --component \(component.name) --explain' to see its checks.")
        }
        let (key, manifest) = try cache.key(
            for: check, component: component, inputs: inputs, dependencyDigests: dependencyDigests, tools: tools,
            environment: runEnvironment)
        return ComponentCacheKey(action: .test, key: key, manifest: manifest, inputs: inputs)
    }

    /// The environment a check runs in: help.json `env` over the inherited one, then the
    /// component's Python environment activated (the one whose pyvenv.cfg exists, as the tool
    /// versions are read). Also its bin folder, where the planner looks for tools.
    static func environment(of component: Component, project: Project, inheriting inherited: [String: String])
        -> (environment: [String: String], binDirectory: String?)
    {
        var environment = ComponentCacheKey.commandEnvironment(of: component, inheriting: inherited)
        guard component.kind == .python else { return (environment, nil) }
        let candidates = EnvironmentChooser.candidates(
            componentDirectory: project.folder(of: component),
            rootDirectory: project.root.path)
        guard let venv = candidates.first(where: { FileSystem().exists($0.configFile) }) else {
            return (environment, nil)
        }
        environment.merge(venv.activationEnvironment) { _, new in new }
        environment["PATH"] = venv.path(prepending: environment["PATH"])
        return (environment, venv.binDirectory)
    }
}
