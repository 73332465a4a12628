import HelpSystem

/// Runs the commands of a plan: shows each with `-v`, captures installer chatter unless verbose,
/// and turns an interrupted child into `ExitCode.interrupted` so callers can roll back.
struct StepRunner {
    var context: Context

    /// Runs `command`; the result is returned whether it succeeded or not. An interrupted child
    /// (Ctrl-C reached it too) throws `HelpError` with code `.interrupted`.
    func run(_ command: Command) throws -> ProcessResult {
        var command = command
        if case .stream = command.output, context.console.style.verbosity < .verbose {
            command.output = .capture
        }
        context.console.detail("$ " + command.displayLine)
        let result = try context.runner.run(command)
        if result.termination == .signaled(2) || (result.termination == .exited(130) && !result.timedOut) {
            throw HelpError("interrupted while running \(command.executable)", code: .interrupted)
        }
        return result
    }

    /// Runs `command` and throws a failure naming `what` with the tail of its output when it fails.
    @discardableResult
    func require(_ command: Command, _ what: String, hint: String? = nil) throws -> ProcessResult {
        let result = try run(command)
        guard result.succeeded else {
            throw HelpError("\(what) failed (exit \(result.exitCode))\(Self.tail(result))", hint: hint, code: .failure)
        }
        return result
    }

    /// The last meaningful lines of a failed child's output, indented, for the error message.
    static func tail(_ result: ProcessResult, lines count: Int = 6) -> String {
        let text = result.stderr.isEmpty ? result.stdout : result.stderr
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: " ").isEmpty
        }
        guard !lines.isEmpty else { return "" }
        return ":\n    " + lines.suffix(count).joined(separator: "\n    ")
    }
}
