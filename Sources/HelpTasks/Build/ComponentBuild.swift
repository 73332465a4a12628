import HelpCache
import HelpProject
import HelpSystem

/// One component in a `help build` run: its key, then its artifacts restored from the cache or
/// built for real into a staging folder, validated, and only then moved to `dist/<component>/`.
struct ComponentBuild {
    let component: Component
    let project: Project
    let options: BuildOptions
    let context: Context
    let cache: BuildCache
    let planner: BuildPlanner
    /// `<root>/dist`.
    let dist: String

    func run() -> BuildResult {
        let started = MonotonicTime.now()
        var result = BuildResult(component: component.name)
        do {
            try build(into: &result)
        } catch let error as HelpError {
            result.status = .failed
            result.notes.append(error.message)
        } catch {
            result.status = .failed
            result.notes.append("\(error)")
        }
        result.duration = MonotonicTime.now().seconds(since: started)
        return result
    }

    private func build(into result: inout BuildResult) throws {
        let folder = project.folder(of: component)
        if let reason = try nothingToBuild(folder: folder) {
            result.notes.append(reason)
            return
        }
        let version = try ComponentVersion.read(component: component, folder: folder)?.version
        result.version = version
        if component.kind == .swift, version == nil {
            throw HelpError.badData(
                "\(component.name) has no VERSION file",
                hint: "Write the version (e.g. 0.1.0) to \(folder)/VERSION.")
        }
        var cacheKey = try cache.key(component: component, environment: context.environment, runner: context.runner)
        result.cacheKey = cacheKey.key.hex
        let fs = FileSystem()
        let staging = dist + "/.staging-" + component.name
        try fs.remove(staging)
        try fs.createDirectories(staging)
        defer { try? fs.remove(staging) }

        if !options.noCache, let restored = cache.restore(key: cacheKey.key, into: staging) {
            try publish(staging)
            result.status = .restored
            result.version = version ?? restored.version
            result.artifacts = restored.artifacts
            if options.explain { result.notes.append("hit: inputs, env, tools and command unchanged") }
            return
        }
        if options.explain {
            let why = cache.store.explain(kind: .builds, key: cacheKey.key, manifest: cacheKey.manifest).lines(limit: 8)
            result.notes += options.noCache ? ["--no-cache"] : why
        }
        let step = context.console.beginStep("\(component.name): build")
        let started = MonotonicTime.now()
        let python = try runSteps(folder: folder, staging: staging, version: version)
        if component.kind == .swift {
            let tarball = planner.releaseTarball(for: component, folder: folder, staging: staging, version: version)
            result.notes += [planner.staticSDK.map { "linked with \($0)" } ?? "--static-swift-stdlib (no static SDK)"]
            result.notes += tarball.notes(runner: context.runner)
            // The stripped copy is packed now; left in staging it would be published beside the tarball.
            try fs.remove(tarball.strippedBinary)
        }
        let files = try fs.listDirectory(staging).map(\.name).filter { !$0.hasPrefix(".") }.sorted()
        let validator = ArtifactValidator(
            runner: context.runner, python: python ?? "python3",
            scratch: staging + "/.check")
        let problems = try validator.problems(
            component: component, folder: folder, files: files, directory: staging,
            version: version)
        try fs.remove(staging + "/.check")
        guard problems.isEmpty else {
            step.finish(.failed)
            result.notes += problems
            let checks = problems.count == 1 ? "check" : "checks"
            throw HelpError("\(component.name): \(problems.count) artifact \(checks) failed")
        }
        var artifacts: [BuildArtifact] = []
        for file in files {
            let path = staging + "/" + file
            artifacts.append(
                BuildArtifact(
                    name: file, sha256: try FileHasher.hash(path: path).hex,
                    size: Int(try fs.stat(path).size)))
        }
        let builtVersion = version ?? Self.versionFromFiles(files, name: component.name)
        // A first build creates the environment whose interpreter version is part of the key:
        // store under the key the next run will compute.
        cacheKey = try cache.key(component: component, environment: context.environment, runner: context.runner)
        result.cacheKey = cacheKey.key.hex
        try? cache.save(
            key: cacheKey.key, manifest: cacheKey.manifest, version: builtVersion, artifacts: artifacts,
            directory: staging,
            duration: MonotonicTime.now().seconds(since: started))
        try publish(staging)
        step.finish(.ok)
        result.status = .built
        result.version = builtVersion
        result.artifacts = artifacts
    }

    /// Why the component has nothing to release (nil when it has): a Python folder without a
    /// `[project]` (or Poetry) name, a Node package without a name, a Swift package without an executable.
    func nothingToBuild(folder: String) throws -> String? {
        let fs = FileSystem()
        switch component.kind {
        case .python:
            let path = folder + "/pyproject.toml"
            guard fs.exists(path), try ComponentVersion.pyproject(at: path).name != nil else {
                return "nothing to build: pyproject.toml declares no [project] name"
            }
        case .node:
            let path = folder + "/package.json"
            let manifest: JSONValue? = fs.exists(path) ? try JSONValue.parse(try fs.readText(path), source: path) : nil
            let name = manifest?["name"]?.string
            guard name != nil else {
                return "nothing to build: package.json has no name"
            }
        case .swift:
            guard component.swift?.hasExecutable ?? false else { return "nothing to build: no executable product" }
        }
        return nil
    }

    /// Runs the plan (syncing a Python component's environment and installing `build` there first
    /// when missing); returns the interpreter used.
    private func runSteps(folder: String, staging: String, version: String?) throws -> String? {
        var python: String?
        if component.kind == .python {
            let sync = try DependencySync.sync(
                component: component, project: project, context: context,
                options: SyncOptions(offline: options.offline))
            python = sync.pythonPath
            if let interpreter = python {
                let probe = Command(interpreter, ["-c", "import build"], workingDirectory: folder, timeout: 60)
                let hasBuild = try context.runner.run(probe).succeeded
                if options.offline {
                    try prepareOffline(python: interpreter, folder: folder, needsBuild: !hasBuild)
                } else if !hasBuild {
                    try require(planner.installBuild(python: interpreter, folder: folder), "installing build")
                }
            }
        }
        let steps = planner.steps(
            for: component, folder: folder, staging: staging, python: python, version: version,
            isolated: !options.offline)
        for step in steps {
            guard let command = step.command else { continue }
            try require(command, step.reason)
        }
        return python
    }

    /// Offline, `build` cannot fetch the backend into an isolated environment, so `build` and the
    /// `[build-system] requires` must be in the component's environment: installed from the
    /// wheelhouse (where `help install` keeps them) when missing, else the build stops saying so.
    private func prepareOffline(python: String, folder: String, needsBuild: Bool) throws {
        guard let wheelhouse = Wheelhouse.location(environment: context.environment) else {
            throw HelpError("\(component.name): --offline needs HOME or XDG_CACHE_HOME to find the wheelhouse")
        }
        let pyproject = folder + "/pyproject.toml"
        let fs = FileSystem()
        // PEP 517's default for a project that names no backend.
        var requires = ["setuptools>=40.8.0"]
        if fs.exists(pyproject),
            let system = try PyProject(text: fs.readText(pyproject), fileName: pyproject).buildSystem
        {
            requires = system.requires
        }
        let packages = (needsBuild ? ["build"] : []) + requires
        guard !packages.isEmpty else { return }
        let install = planner.installOffline(packages, python: python, folder: folder, wheelhouse: wheelhouse.path)
        let result = try context.runner.run(install)
        guard result.succeeded else {
            throw HelpError(
                "\(component.name): offline, the build needs \(packages.joined(separator: ", ")) in its environment "
                    + "and the wheelhouse at \(wheelhouse.path) does not hold them\(StepRunner.tail(result)) "
                    + "(hint: run `help build` once with network access, or \(wheelhouse.offlineHint))")
        }
    }

    private func require(_ command: Command, _ what: String) throws {
        let result = try context.runner.run(command)
        guard result.succeeded else {
            throw HelpError("\(component.name): \(what) failed (exit \(result.exitCode))\(StepRunner.tail(result))")
        }
    }

    /// Replaces `dist/<component>/` with the staging folder's files in one rename.
    private func publish(_ staging: String) throws {
        let fs = FileSystem()
        let target = dist + "/" + component.name
        try fs.remove(staging + "/.check")
        try fs.remove(target)
        try fs.rename(staging, to: target)
        try fs.createDirectories(staging)
    }

    /// A version read from artifact names (`name-1.2.0-py3-none-any.whl`), for dynamic versions.
    static func versionFromFiles(_ files: [String], name: String) -> String? {
        guard let wheel = files.first(where: { $0.hasSuffix(".whl") }) else { return nil }
        let parts = wheel.split(separator: "-")
        return parts.count > 2 ? String(parts[1]) : nil
    }
}
