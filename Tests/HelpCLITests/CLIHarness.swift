import HelpCLI
import HelpSystem

/// Runs `HelpCLI.run` in-process against buffers, so tests see exactly what would reach stdout
/// and stderr and which exit code the process would return.
final class CLIHarness: @unchecked Sendable {
    private let lock = Mutex()
    private var out = ""
    private var err = ""

    var stdout: String { lock.withLock { out } }
    var stderr: String { lock.withLock { err } }

    /// Runs `help` with `words`; `commands` replaces the registry, `terminal` pretends fd 1 and 2
    /// are terminals, `signal` pretends Ctrl-C (or another signal) arrived during the run.
    func run(
        _ words: [String], commands: [CommandSpec] = CommandRegistry.all, environment: [String: String] = [:],
        terminal: Bool = false, currentDirectory: String = "/tmp", runner: any ProcessRunner = RefusingRunner(),
        interruptedBy signal: Int32? = nil
    ) -> Int32 {
        let host = Host(
            stdout: { [self] text in lock.withLock { out += text } },
            stderr: { [self] text in lock.withLock { err += text } },
            isTerminal: { _ in terminal }, makeRunner: { _, _ in runner }, currentDirectory: currentDirectory,
            commands: commands, version: { HelpVersion(number: "9.9.9", commit: "abc1234") },
            interruption: { signal })
        return HelpCLI.run(["help"] + words, environment: environment, host: host)
    }
}

/// A runner for tests whose commands must not start processes: any attempt is an error.
struct RefusingRunner: ProcessRunner {
    func run(_ command: Command) throws -> ProcessResult {
        throw HelpError.unavailable("no processes in this test: \(command.displayLine)")
    }
    func start(_ command: Command) throws -> any RunningProcess {
        throw HelpError.unavailable("no processes in this test")
    }
    func locate(_ tool: String) -> String? { nil }
}

/// A small command used to exercise dispatch, usage text and rendering.
enum GreetCommand {
    static let spec = CommandSpec(
        name: "greet", summary: "Say hello to someone",
        options: [
            .value("greeting", short: "g", valueName: "WORD", help: "The word to use", allowedValues: ["hello", "hi"]),
            .flag("fail", help: "Report a failure after greeting"),
        ],
        positionals: [PositionalSpec("NAME", help: "Who to greet")],
        examples: [
            .init("help greet world", "Prints 'hello world'"),
            .init("help greet -g hi you --json", "Prints a JSON greeting"),
        ],
        run: { invocation, context in
            let text = (invocation.value("greeting") ?? "hello") + " " + invocation.positionals[0]
            let failure =
                invocation.flag("fail") ? HelpError("greeting failed", hint: "Try again.", code: .unavailable) : nil
            return Report(
                lines: [text], json: ["greeting": .string(text), "folder": .string(context.workingDirectory)],
                failure: failure)
        })
}
