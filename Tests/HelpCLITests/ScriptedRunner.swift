import HelpSystem

/// A process runner that answers from a script instead of starting processes: each known tool
/// lives at `/fake/bin/NAME`, and a command line maps to a canned result. Records what was asked.
final class ScriptedRunner: ProcessRunner, @unchecked Sendable {
    private let lock = Mutex()
    private let tools: Set<String>
    private let answers: [String: ProcessResult]
    private var asked: [String] = []

    /// `tools` are the names found on the fake PATH; `answers` maps `name arg…` to a result
    /// (anything unlisted exits 0 with `name 1.0.0` on stdout).
    init(tools: Set<String>, answers: [String: ProcessResult] = [:]) {
        self.tools = tools
        self.answers = answers
    }

    /// Every command line started, as `name arg…`.
    var commandLines: [String] { lock.withLock { asked } }

    func locate(_ tool: String) -> String? { tools.contains(tool) ? "/fake/bin/" + tool : nil }

    func run(_ command: Command) throws -> ProcessResult { try start(command).wait() }

    func start(_ command: Command) throws -> any RunningProcess {
        let name = command.executable.split(separator: "/").last.map(String.init) ?? command.executable
        guard tools.contains(name) else { throw HelpError.unavailable("\(name) not found") }
        let line = ([name] + command.arguments).joined(separator: " ")
        lock.withLock { asked.append(line) }
        return Finished(result: answers[line] ?? ProcessResult(termination: .exited(0), stdout: "\(name) 1.0.0\n"))
    }

    /// A child that has already ended.
    final class Finished: RunningProcess, @unchecked Sendable {
        let result: ProcessResult
        init(result: ProcessResult) { self.result = result }
        var pid: Int32 { 0 }
        func wait() -> ProcessResult { result }
        func poll() -> ProcessResult? { result }
        func stop(grace: Double) -> ProcessResult { result }
    }
}
