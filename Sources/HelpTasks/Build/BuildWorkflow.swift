import HelpCache
import HelpProject
import HelpSystem

/// `help build`: selects components, builds each one (or restores it from the build cache) in
/// parallel up to `-j`, then writes `dist/SHA256SUMS` and `dist/manifest.json`.
public enum BuildWorkflow {
    public static func run(_ options: BuildOptions, context: Context) throws -> BuildReport {
        let started = MonotonicTime.now()
        let project = try Project.load(from: context.workingDirectory)
        var selectionOptions = TestOptions()
        selectionOptions.components = options.components
        let selection = try TestSelection.choose(project: project, options: selectionOptions, runner: context.runner)
        let store = try CacheStore(projectRoot: project.root.path, warn: { context.console.warn($0) })
        let platform = Platform.detect(environment: context.environment)
        let dist = project.root.path + "/dist"
        try FileSystem().createDirectories(dist)
        let cache = BuildCache(store: store, project: project)
        let components = selection.components
        let linksSwift = components.contains { $0.kind == .swift }
        let planner = BuildPlanner(
            architecture: platform.architecture,
            staticSDK: linksSwift ? ReleaseTarball.installedStaticSDK(runner: context.runner) : nil)

        let imaged = options.docker ? Set(DockerImage.components(components, project: project).map(\.name)) : []
        if !imaged.isEmpty { try DockerImage.requireEngine(runner: context.runner) }
        let slots = ResultSlots<BuildResult>(count: components.count)
        // Plain joinable threads: Dispatch's pool must not be parked in the blocking waits of children.
        WorkerThreads.forEachChunk(components.count, chunk: 1, threads: max(1, options.jobs)) { chunk in
            guard let index = chunk.first else { return }
            let build = ComponentBuild(
                component: components[index], project: project, options: options,
                context: context, cache: cache, planner: planner, dist: dist)
            var result = build.run()
            if imaged.contains(components[index].name) {
                DockerImage.build(
                    components[index], folder: project.folder(of: components[index]), result: &result,
                    runner: context.runner)
            }
            slots.set(index, result)
            for line in result.lines { context.console.info(line) }
        }
        let results = slots.all
        try DistIndex.write(results, dist: dist)
        return BuildReport(results: results, duration: MonotonicTime.now().seconds(since: started))
    }
}
