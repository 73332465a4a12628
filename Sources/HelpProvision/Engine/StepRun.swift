import HelpSystem

/// What a step may touch while the engine runs it: the context (runner, console, files), the
/// facts earlier steps learned (the Tailscale IP, the conda prefix), kept in the state file so a
/// resumed run still has them, and the secrets of this run, never persisted.
public final class StepRun: @unchecked Sendable {
    public let context: Context
    public let secrets: [String: Secret]
    private let lock = Mutex()
    private var storedFacts: [String: String]

    public init(context: Context, facts: [String: String] = [:], secrets: [String: Secret] = [:]) {
        self.context = context
        self.storedFacts = facts
        self.secrets = secrets
    }

    /// Everything learned so far.
    public var facts: [String: String] { lock.withLock { storedFacts } }

    public subscript(fact name: String) -> String? {
        get { lock.withLock { storedFacts[name] } }
        set { lock.withLock { storedFacts[name] = newValue } }
    }

    public var fileSystem: FileSystem { context.fileSystem }
    public var console: Console { context.console }

    /// Runs `command`; a failure throws a `StepFailure` naming the command, its last lines and
    /// `fix`. `transient` marks failures worth retrying (network, a service still starting).
    @discardableResult
    public func run(_ command: Command, fix: String, transient: Bool = false) throws -> ProcessResult {
        let result: ProcessResult
        do {
            result = try context.runner.run(command)
        } catch let error as HelpError {
            throw StepFailure(
                message: error.message, command: command.displayLine, output: [], fix: error.hint ?? fix,
                transient: false, code: error.code)
        }
        guard result.succeeded else {
            let text = result.stderr.isEmpty ? result.stdout : result.stderr
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
            let why = result.timedOut ? "timed out" : "exit \(result.exitCode)"
            throw StepFailure(
                message: "\(command.executable) failed (\(why))", command: command.displayLine,
                output: lines.suffix(8).map {
                    Secret.redact($0, Array(secrets.values) + Array(command.secrets.values))
                },
                fix: fix, transient: transient || result.timedOut)
        }
        return result
    }

    /// True when `command` succeeds; for checks that only ask.
    public func succeeds(_ command: Command) -> Bool {
        (try? context.runner.run(command))?.succeeded ?? false
    }
}

/// Why a step failed: the command, its last output lines and what to do.
public struct StepFailure: Error, Sendable {
    public var message: String
    public var command: String?
    public var output: [String]
    public var fix: String
    /// Worth another attempt with backoff.
    public var transient: Bool
    public var code: ExitCode

    public init(
        message: String, command: String? = nil, output: [String] = [], fix: String, transient: Bool = false,
        code: ExitCode = .failure
    ) {
        self.message = message
        self.command = command
        self.output = output
        self.fix = fix
        self.transient = transient
        self.code = code
    }
}
