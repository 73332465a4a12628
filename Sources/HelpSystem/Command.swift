/// A child process to run: argv only (never a shell string), with its environment, folder,
/// output handling and limits. Built by workflows as plain data so plans can be printed and tested.
public struct Command: Sendable, Equatable {
    /// How the child's stdout/stderr are handled.
    public enum Output: Sendable, Equatable {
        /// Collect both streams into the result.
        case capture
        /// Send each complete line to the console, prefixed (e.g. `server |`), and keep the tail.
        case stream(prefix: String)
        /// Let the child write straight to our terminal (interactive tools).
        case inherit
    }

    /// What the child reads.
    public enum Input: Sendable, Equatable {
        case null
        case inherit
        case bytes([UInt8])
    }

    /// A tool name looked up via `HELP_<TOOL>` then PATH, or an absolute/relative path.
    public var executable: String
    public var arguments: [String]
    /// Variables set on top of the inherited environment (or instead of it, see `inheritEnvironment`).
    public var environment: [String: String]
    public var inheritEnvironment: Bool
    /// Variables removed from the inherited environment.
    public var unsetEnvironment: [String]
    /// Values passed only through the environment; redacted from logs and output.
    public var secrets: [String: Secret]
    public var workingDirectory: String?
    public var output: Output
    public var input: Input
    /// Seconds before the child (and its group) is stopped: SIGINT, grace, then SIGKILL.
    public var timeout: Double?
    /// Background children get their own process group so they can be stopped as a whole.
    public var newProcessGroup: Bool
    /// Whether the command log keeps the captured stdout. Off for plumbing whose stdout is data
    /// rather than a diagnostic (a `git ls-files` listing of 100k paths is megabytes per run); the
    /// log then records its size, and stderr is kept either way.
    public var logsStdout: Bool = true
    /// A cleanup step (undo an install, drop a test database): it still starts after Ctrl-C, when
    /// the runner refuses every other new child. Give it a timeout.
    public var runsAfterInterrupt: Bool = false

    public init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
        inheritEnvironment: Bool = true, unsetEnvironment: [String] = [], secrets: [String: Secret] = [:],
        workingDirectory: String? = nil, output: Output = .capture, input: Input = .null,
        timeout: Double? = nil, newProcessGroup: Bool = false
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.inheritEnvironment = inheritEnvironment
        self.unsetEnvironment = unsetEnvironment
        self.secrets = secrets
        self.workingDirectory = workingDirectory
        self.output = output
        self.input = input
        self.timeout = timeout
        self.newProcessGroup = newProcessGroup
    }

    /// The command line as a person would type it, quoted where needed; secrets never appear here.
    public var displayLine: String {
        ([executable] + arguments).map(Command.shellQuote).joined(separator: " ")
    }

    /// `word` as a POSIX shell would need it typed: bare when safe, else in single quotes.
    public static func shellQuote(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@%+".contains($0) }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingAll("'", with: "'\\''") + "'"
    }
}

/// How a child ended: an exit status is a value, not an exception.
public struct ProcessResult: Sendable, Equatable {
    /// An exit status, or the signal that killed the child.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    public var termination: Termination
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
    public var duration: Double

    public init(
        termination: Termination, stdout: String = "", stderr: String = "", timedOut: Bool = false, duration: Double = 0
    ) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
        self.duration = duration
    }

    public var succeeded: Bool { termination == .exited(0) && !timedOut }

    public var exitCode: Int32 {
        switch termination {
        case .exited(let code): return code
        case .signaled(let signal): return 128 + signal
        }
    }
}
