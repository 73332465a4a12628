import HelpProject
import HelpSystem

/// After `help install PKG` records a requirement in a project with a lock file: the lock's own
/// tool refreshes it when on PATH (`uv lock`, `poetry lock --no-update`); otherwise the report
/// says plainly that the lock no longer matches the manifest.
struct LockRefresh {
    var target: DependencyTarget
    var context: Context
    var fileSystem = FileSystem()

    /// Refreshes the lock, or returns the note that it is stale; nil without a lock file. A failed
    /// refresh is a note too: the package is installed and recorded either way.
    func run() throws -> String? {
        let sources = try PythonDependencySources(
            directory: target.directory, root: target.root, fileSystem: fileSystem)
        guard
            let tool = sources.uvLockPath != nil
                ? PythonLockFile.Tool.uv : sources.poetryLockPath != nil ? .poetry : nil
        else { return nil }
        let file = target.label == "." ? tool.fileName : target.label + "/" + tool.fileName
        guard let path = context.runner.locate(tool.rawValue) else {
            return "\(file) is now stale: \(tool.rawValue) is not installed; run `\(tool.rawValue) lock` to refresh it"
        }
        let runner = StepRunner(context: context)
        var result = try runner.run(command(path, tool, legacyFlag: true))
        // Poetry 2 locks without updating by default and no longer knows --no-update.
        if tool == .poetry, !result.succeeded, (result.stdout + result.stderr).contains("no-update") {
            result = try runner.run(command(path, tool, legacyFlag: false))
        }
        if result.succeeded { return "refreshed \(file) with \(tool.rawValue) lock" }
        return
            "\(file) is now stale: \(tool.rawValue) lock failed (exit \(result.exitCode))\(StepRunner.tail(result, lines: 2))"
    }

    private func command(_ path: String, _ tool: PythonLockFile.Tool, legacyFlag: Bool) -> Command {
        let arguments = tool == .uv ? ["lock"] : ["lock", "--no-interaction"] + (legacyFlag ? ["--no-update"] : [])
        return Command(path, arguments, workingDirectory: target.directory, output: .stream(prefix: tool.rawValue))
    }
}
