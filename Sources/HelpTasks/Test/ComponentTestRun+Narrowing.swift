import HelpCache
import HelpProject
import HelpSystem

/// Which tests of a component `--changed` runs, and what a partial run leaves out.
extension ComponentTestRun {
    /// Runs only the tests the change reaches: by the coverage record of the last full passing run
    /// when it can vouch for the change, else the test files reaching the changed modules by static
    /// imports, else the whole suite, saying which. The chosen tests join the cache key's command,
    /// so a partial pass never stands for a full one.
    func narrow(_ check: inout TestCheck, folder: String, impact: TestImpact) {
        let prefix = component.path == "." ? "" : component.path + "/"
        let changed = changedFiles.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        guard !changed.isEmpty, let inputs = scans[component.name] else { return }
        switch impact.choose() {
        case .chosen(let record, let tests, let files):
            let when = "coverage record from \(record.recorded)"
            if tests.isEmpty && files.isEmpty {
                check.nothingToRun = "\(when): no recorded test executes the changed code"
                check.add(note: check.nothingToRun ?? "")
                return
            }
            withoutCoverage(&check, folder: folder)
            check.command.arguments += files + tests
            check.identity += files + tests
            check.add(
                note: "\(when): \(tests.count) test\(tests.count == 1 ? "" : "s")"
                    + (files.isEmpty ? "" : " and \(files.count) changed test file\(files.count == 1 ? "" : "s")")
                    + " reached by the change")
            return
        case .fallBack(let reason):
            check.add(note: reason)
        }
        var sources: [String: String] = [:]
        let fs = FileSystem()
        for file in inputs.files where file.relativePath.hasSuffix(".py") {
            sources[file.relativePath] = try? fs.readText(folder + "/" + file.relativePath)
        }
        switch PythonTestImpact.decide(changed: changed, sources: sources) {
        case .wholeSuite(let reason):
            check.add(note: "whole suite: \(reason)")
        case .files(let files) where files.isEmpty:
            check.add(note: "whole suite: no test file imports the changed modules")
        case .files(let files):
            withoutCoverage(&check, folder: folder)
            check.command.arguments += files
            check.identity += files
            check.add(
                note: "static imports: \(files.count) test file\(files.count == 1 ? "" : "s") reached by the change")
        }
    }

    /// A partial run's coverage says nothing about the suite, and would trip a configured
    /// `fail_under`; its tracing is pure cost.
    func withoutCoverage(_ check: inout TestCheck, folder: String) {
        let ours: Set<String> = ["--cov", "--cov-report=term", TestCheckPlanner.coverageContexts]
        let hadCoverage = check.command.arguments.contains("--cov")
        check.command.arguments.removeAll { ours.contains($0) }
        check.identity.removeAll { ours.contains($0) }
        let fs = FileSystem()
        let configured = ["pyproject.toml", "setup.cfg", "pytest.ini", "tox.ini"].contains {
            ((try? fs.readText(folder + "/" + $0)) ?? "").contains("--cov")
        }
        // `--no-cov` exists only where pytest-cov is installed: where we added `--cov`, or where
        // the project's own options need it.
        if hadCoverage || configured {
            check.command.arguments.append("--no-cov")
            check.identity.append("--no-cov")
            check.add(note: "no coverage for a partial run")
        }
    }
}
