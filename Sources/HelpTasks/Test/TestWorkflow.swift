import HelpCache
import HelpProject
import HelpSystem

/// `help test`: selects components, syncs their dependencies, runs each check (or answers it from
/// the result cache), and returns one report. Components run in parallel (`-j`); a component's
/// lines are printed together when it finishes, so output never interleaves line by line.
public enum TestWorkflow {
    public static func run(_ options: TestOptions, context: Context) throws -> TestReport {
        let started = MonotonicTime.now()
        let project = try Project.load(from: context.workingDirectory)
        let selection = try TestSelection.choose(
            project: project, options: options, runner: context.runner, workingDirectory: context.workingDirectory)
        let store = try CacheStore(projectRoot: project.root.path, warn: { context.console.warn($0) })
        let cache = TestResultCache(store: store, project: project)
        let scans = try scanInputs(project: project, store: store, runner: context.runner)
        let lastFailures = cache.lastFailures()
        if options.rerunFailed && lastFailures.isEmpty {
            context.console.info("no failures recorded from the last run: running the selection")
        }

        let results = ResultSlots<ComponentResult>(count: selection.components.count)
        let durations = ResultSlots<(String, Double)>(count: selection.components.count)
        let schedule = TestSchedule(store: store)
        let order = schedule.order(
            selection.components.map(\.name), sizes: selection.components.map { scans[$0.name]?.files.count ?? 0 })
        // Plain joinable threads: Dispatch's pool must not be parked in the blocking waits of children.
        WorkerThreads.forEachChunk(order.count, chunk: 1, threads: max(1, options.jobs)) { chunk in
            guard let position = chunk.first else { return }
            let index = order[position]
            let component = selection.components[index]
            let componentStarted = MonotonicTime.now()
            let runner = ComponentTestRun(
                component: component, project: project, options: options, context: context, cache: cache,
                scans: scans, changedFiles: selection.changedFiles,
                rerunOnly: options.rerunFailed && !lastFailures.isEmpty ? lastFailures : nil)
            let result = runner.run(reason: selection.reasons[component.name] ?? "")
            results.set(index, result)
            if !result.checks.isEmpty, !result.checks.contains(where: \.outcome.cached) {
                durations.set(index, (component.name, MonotonicTime.now().seconds(since: componentStarted)))
            }
            result.printLines(
                on: context.console, replay: options.replay || context.console.style.verbosity == .verbose)
        }
        let finished = results.all
        schedule.record(Dictionary(durations.all) { _, last in last })
        var failed = Set<String>()
        var ran = Set<String>()
        for result in finished {
            // A cached pass clears a recorded failure too: the check passes with these inputs.
            for check in result.checks where !check.outcome.cached || check.outcome.status == .passed {
                ran.insert(result.component + "/" + check.kind.rawValue)
                if check.outcome.status == .failed { failed.insert(result.component + "/" + check.kind.rawValue) }
            }
        }
        cache.recordFailures(failed, ran: ran)
        var report = TestReport(components: finished, duration: MonotonicTime.now().seconds(since: started))
        if options.changed, selection.components.isEmpty {
            let base = selection.changedBase ?? "the base revision"
            report.note =
                selection.changedFiles.isEmpty
                ? "nothing changed since \(base)"
                : "nothing to test: no component's files changed since \(base)"
        }
        if let path = options.junitPath {
            let target = path.hasPrefix("/") ? path : context.workingDirectory + "/" + path
            try FileSystem().writeAtomically(target, Array(report.junitXML().utf8))
        }
        return report
    }

    /// Every component's inputs, scanned once: a check's key needs its own component's files and a
    /// digest of each dependency's.
    static func scanInputs(project: Project, store: CacheStore, runner: any ProcessRunner) throws -> [String: InputSet]
    {
        var scans: [String: InputSet] = [:]
        let scanner = store.inputScanner(runner: runner)
        for component in project.components {
            scans[component.name] = try scanner.scan(
                folder: project.folder(of: component), rules: ComponentCacheKey.rules(of: component))
        }
        return scans
    }

    /// One digest standing for a whole input listing (paths and contents).
    static func digest(of inputs: InputSet) -> Digest {
        var hasher = SHA256()
        for file in inputs.files {
            hasher.update(file.relativePath)
            hasher.update([0])
            hasher.update(file.digest.hex)
            hasher.update([10])
        }
        return hasher.finalize()
    }
}

/// Results written by worker threads, one slot each.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = Mutex()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    var all: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
