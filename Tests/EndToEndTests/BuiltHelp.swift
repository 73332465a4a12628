import HelpSystem
import HelpTestSupport

/// The `help` executable SwiftPM built next to the test bundle, run as a real child process
/// (posix_spawn through `PosixProcessRunner`), the way people run it.
enum BuiltHelp {
    /// The binary: beside the test runner first (`.build/<triple>/debug/`), else the checkout's
    /// `.build/debug/help`.
    static var path: String? {
        var candidates: [String] = []
        let runner = CommandLine.arguments[0]
        if let slash = runner.lastIndex(of: "/") {
            var folder = String(runner[..<slash])
            // An .xctest bundle may be a folder holding the runner binary.
            while folder.hasSuffix(".xctest") || folder.hasSuffix("/Contents/MacOS"),
                let up = folder.lastIndex(of: "/")
            {
                folder = String(folder[..<up])
            }
            candidates.append(folder + "/help")
        }
        candidates.append(checkoutRoot + "/.build/debug/help")
        return candidates.first { ToolLookup.isExecutableFile($0) }
    }

    /// The repository root, from this file's place in `Tests/EndToEndTests/`.
    static var checkoutRoot: String {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }

    /// A copy of `Examples/<name>` in a fresh temporary folder outside any repository, so the copy
    /// is its own project root and the checkout stays untouched.
    static func copyOfExample(_ name: String) throws -> TempDir {
        let copy = TempDir(prefix: "help-e2e")
        let result = try runner().run(Command("cp", ["-R", checkoutRoot + "/Examples/" + name + "/.", copy.path]))
        guard result.succeeded else { throw HelpError.io("cannot copy Examples/\(name): \(result.stderr)") }
        return copy
    }

    /// Copies `Tests/Fixtures/<name>` to `destination` (a new folder), optionally made a git
    /// repository without commits (`--changed` and component discovery read git).
    static func copyFixture(_ name: String, to destination: String, gitInit: Bool = false) throws {
        let result = try runner().run(Command("cp", ["-R", checkoutRoot + "/Tests/Fixtures/" + name, destination]))
        guard result.succeeded else { throw HelpError.io("cannot copy the fixture \(name): \(result.stderr)") }
        if gitInit { _ = try runner().run(Command("git", ["init", "-q", destination])) }
    }

    private static func runner() -> PosixProcessRunner {
        let quiet = Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in })
        return PosixProcessRunner(environment: Environment.current().values, console: quiet)
    }

    /// Runs `help` with `arguments` in `folder`, colors off, output captured, with a HOME,
    /// XDG_CACHE_HOME and TMPDIR of its own (removed afterwards); `environment` adds to (or
    /// overrides) those and the inherited variables, and `input` is its stdin.
    static func run(
        _ arguments: [String], in folder: String? = nil, environment: [String: String] = [:],
        input: Command.Input = .null
    ) throws -> ProcessResult {
        guard let path else {
            throw HelpError("the help binary was not built", hint: "run 'swift build' before the end-to-end tests")
        }
        let own = TempDir(prefix: "help-e2e-env")
        let isolated = ["NO_COLOR": "1", "HOME": own.path, "XDG_CACHE_HOME": own.path, "TMPDIR": own.path]
        return try runner().run(
            Command(
                path, arguments, environment: isolated.merging(environment) { _, given in given },
                workingDirectory: folder, output: .capture, input: input, timeout: 120))
    }
}
