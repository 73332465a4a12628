import HelpCache
import HelpProject
import HelpSystem

/// Decides which checks a component gets and the exact commands, from its kind, its environment
/// and its configuration. No side effects beyond looking at files, so plans are testable.
public struct TestCheckPlanner: Sendable {
    public var project: Project
    public var options: TestOptions
    /// Where a check may write machine-readable results (a per-run temp folder).
    public var scratch: String

    public init(project: Project, options: TestOptions, scratch: String) {
        self.project = project
        self.options = options
        self.scratch = scratch
    }

    /// The checks for `component`, whose Python environment (if any) has its tools in `binDirectory`.
    public func checks(for component: Component, binDirectory: String?, runner: any ProcessRunner) -> [TestCheck] {
        let folder = project.folder(of: component)
        var checks: [TestCheck] = []
        switch component.kind {
        case .python:
            checks = pythonChecks(component, folder: folder, bin: binDirectory)
        case .node:
            checks = [nodeTests(component, folder: folder, runner: runner)]
        case .swift:
            checks = [
                TestCheck(
                    component: component.name, kind: .tests,
                    command: Command("swift", ["test"], workingDirectory: folder), identity: ["swift", "test"],
                    missingHint: runner.locate("swift") == nil ? "install the Swift toolchain (swift.org/install)" : nil
                )
            ]
        }
        return checks.filter(wanted)
    }

    func wanted(_ check: TestCheck) -> Bool {
        if let only = options.only, check.kind.group != only { return false }
        if options.noLint && check.kind != .tests { return false }
        return true
    }

    // MARK: - Python

    func pythonChecks(_ component: Component, folder: String, bin: String?) -> [TestCheck] {
        let fs = FileSystem()
        func tool(_ name: String) -> String? {
            guard let bin, fs.exists(bin + "/" + name) else { return nil }
            return bin + "/" + name
        }
        let python = bin.map { $0 + "/python" } ?? "python3"
        let hint = { (package: String) in "help install \(package) --dev --component \(component.name)" }
        var checks: [TestCheck] = []

        if let declared = component.commands.test, !declared.isEmpty, declared != ["pytest"] {
            checks.append(
                TestCheck(
                    component: component.name, kind: .tests,
                    command: Command(declared[0], Array(declared.dropFirst()), workingDirectory: folder),
                    identity: declared))
        } else {
            var arguments = ["-m", "pytest", "-q", "-rfE"]
            let config = pyprojectText(folder)
            if tool("coverage") != nil || hasPytestCov(bin) {
                // Per-test contexts let a passing full run record which files each test executed.
                if hasPytestCov(bin) && !config.contains("--cov") {
                    arguments += ["--cov", "--cov-report=term", Self.coverageContexts]
                }
            }
            let coverageNote =
                hasPytestCov(bin) || config.contains("--cov")
                ? nil : "no coverage: pytest-cov is not installed (\(hint("pytest-cov")))"
            if options.rerunFailed { arguments.append("--lf") }
            // pytest's cache (the failed tests `--lf` reruns) lives in the project's cache, not in
            // the component's files; its path stays out of the identity so keys do not name the checkout.
            let identity = ["pytest"] + arguments.dropFirst(2)
            let cacheFolder = Self.pytestCacheFolder(projectRoot: project.root.path, component: component.name)
            arguments += ["-o", "cache_dir=" + cacheFolder]
            var tests = TestCheck(
                component: component.name, kind: .tests,
                command: Command(python, arguments, workingDirectory: folder), identity: identity,
                missingHint: tool("pytest") == nil ? hint("pytest") : nil)
            tests.note = coverageNote
            checks.append(tests)
        }
        let ruff = tool("ruff")
        guard ruff != nil || usesRuff(folder) else {
            return appendingMypy(checks, component, folder: folder, tool: tool)
        }
        // Run in the component's folder so its own ruff configuration applies, with its excludes
        // honoured even for the path given.
        // A project's own `exclude` replaces ruff's defaults, `.venv` among them: the environment help
        // made inside the component is added to the excludes, never replacing the project's.
        var excludes = ["--force-exclude"]
        if let bin, bin.hasPrefix(folder + "/") {
            excludes += ["--extend-exclude", String(bin.dropFirst(folder.count + 1).dropLast(4))]
        }
        let format = ["format", "--check"] + excludes + ["."]
        checks.append(
            TestCheck(
                component: component.name, kind: .lint,
                command: Command(ruff ?? "ruff", ["check"] + excludes + ["."], workingDirectory: folder),
                identity: ["ruff", "check"] + excludes + ["."], missingHint: ruff == nil ? hint("ruff") : nil))
        checks.append(
            TestCheck(
                component: component.name, kind: .format,
                command: Command(ruff ?? "ruff", format, workingDirectory: folder),
                identity: ["ruff"] + format, missingHint: ruff == nil ? hint("ruff") : nil))
        return appendingMypy(checks, component, folder: folder, tool: tool)
    }

    /// `checks` with mypy after them when the project configures it.
    func appendingMypy(
        _ checks: [TestCheck], _ component: Component, folder: String, tool: (String) -> String?
    ) -> [TestCheck] {
        guard usesMypy(folder) else { return checks }
        let mypy = tool("mypy")
        let targets = MypyTargets.arguments(folder: folder, pyproject: pyprojectText(folder))
        var types = TestCheck(
            component: component.name, kind: .types,
            command: Command(mypy ?? "mypy", targets, workingDirectory: folder),
            identity: ["mypy"] + targets,
            missingHint: mypy == nil ? "help install mypy --dev --component \(component.name)" : nil)
        types.note = targets.isEmpty ? "targets from the project's mypy configuration" : nil
        return checks + [types]
    }

    /// ruff lints and checks formatting when the project uses it: its configuration (`[tool.ruff]`,
    /// ruff.toml or .ruff.toml in the component or at the root), ruff among the component's
    /// requirements, or a pre-commit hook. A project linted with other tools is not failed by
    /// ruff's defaults.
    func usesRuff(_ folder: String) -> Bool {
        let fs = FileSystem()
        let root = project.root.path
        for base in [folder, root] {
            if fs.exists(base + "/ruff.toml") || fs.exists(base + "/.ruff.toml") { return true }
            if ((try? fs.readText(base + "/pyproject.toml")) ?? "").contains("[tool.ruff") { return true }
        }
        if ((try? fs.readText(root + "/.pre-commit-config.yaml")) ?? "").contains("ruff") { return true }
        let sources = try? PythonDependencySources(directory: folder, root: root, fileSystem: fs)
        if (try? sources?.declaredRequirements(dev: true))??.contains(where: { $0.normalizedName == "ruff" }) == true {
            return true
        }
        let files = (try? sources?.requirementFiles(fileSystem: fs)) ?? []
        return files.contains { file in
            ((try? fs.readText(file)) ?? "").split(whereSeparator: \.isNewline).contains { line in
                (try? PythonRequirement.parse(String(line)))?.normalizedName == "ruff"
            }
        }
    }

    /// pytest-cov's option that names each test's coverage context after its node id.
    public static let coverageContexts = "--cov-context=test"

    /// `.helpcache/pytest/<component>`: pytest's cache folder for one component.
    public static func pytestCacheFolder(projectRoot: String, component: String) -> String {
        HelpCacheFolder(projectRoot: projectRoot).path + "/pytest/"
            + component.split(separator: "/").joined(separator: "_")
    }

    func pyprojectText(_ folder: String) -> String {
        (try? FileSystem().readText(folder + "/pyproject.toml")) ?? ""
    }

    /// mypy runs when the project configures it (`[tool.mypy]`, mypy.ini, setup.cfg `[mypy]`).
    func usesMypy(_ folder: String) -> Bool {
        let fs = FileSystem()
        if pyprojectText(folder).contains("[tool.mypy") || fs.exists(folder + "/mypy.ini")
            || fs.exists(folder + "/.mypy.ini")
        {
            return true
        }
        return ((try? fs.readText(folder + "/setup.cfg")) ?? "").contains("[mypy")
    }

    /// pytest-cov installed in the environment (its plugin module sits in site-packages).
    func hasPytestCov(_ bin: String?) -> Bool {
        guard let bin else { return false }
        return VirtualEnvironment(root: String(bin.dropLast(4))).installs(
            module: "pytest_cov", fileSystem: FileSystem())
            == true
    }

    // MARK: - Node

    func nodeTests(_ component: Component, folder: String, runner: any ProcessRunner) -> TestCheck {
        let test = component.node?.script("test")
        let choice = NodeTestScript.choose(
            test: test, unit: component.node?.script("test:unit"),
            installed: { name in
                FileSystem().exists(folder + "/node_modules/.bin/" + name) || runner.locate(name) != nil
            })
        let words = choice.command?.split(separator: " ").map(String.init) ?? ["node", "--test"]
        var check: TestCheck
        // `node --test …` runs directly so coverage can be added; any other script goes through npm.
        if words.first == "node", words.contains("--test") {
            var arguments = Array(words.dropFirst())
            arguments.insert("--experimental-test-coverage", at: 0)
            arguments.insert(contentsOf: ["--test-reporter=tap"], at: 0)
            check = TestCheck(
                component: component.name, kind: .tests,
                command: Command("node", arguments, workingDirectory: folder), identity: ["node"] + arguments,
                missingHint: runner.locate("node") == nil ? "install Node.js (apt install nodejs)" : nil)
        } else {
            let npmArguments = choice.script == "test" ? ["test"] : ["run", choice.script]
            check = TestCheck(
                component: component.name, kind: .tests,
                command: Command("npm", npmArguments, workingDirectory: folder), identity: ["npm"] + npmArguments,
                missingHint: runner.locate("npm") == nil ? "install npm (apt install npm)" : nil)
        }
        check.note = choice.note
        return check
    }
}
