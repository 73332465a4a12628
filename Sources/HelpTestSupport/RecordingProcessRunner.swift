import HelpSystem

/// A `ProcessRunner` that runs nothing: it records every `Command` and answers from handlers
/// registered per program (`pip`, `/usr/bin/git`...), else with a default result. For workflow
/// tests that check what would be run without spawning anything.
public final class RecordingProcessRunner: ProcessRunner, @unchecked Sendable {
    /// Computes the reply to a command (or throws, as a missing tool would).
    public typealias Handler = @Sendable (Command) throws -> ProcessResult

    private let lock = Mutex()
    private var recorded: [Command] = []
    private var handlers: [String: Handler] = [:]
    private var missing: Set<String> = []
    /// The reply when no handler matches.
    public var defaultResult: ProcessResult

    public init(defaultResult: ProcessResult = ProcessResult(termination: .exited(0))) {
        self.defaultResult = defaultResult
    }

    // MARK: - Scripting

    /// Answers commands whose program is `executable`: the same string, else the same last path
    /// part (a handler for `/usr/bin/npm` answers `npm` and the other way round).
    public func on(_ executable: String, reply: @escaping Handler) {
        lock.withLock { handlers[executable] = reply }
    }

    /// Answers `executable` with fixed output and exit code.
    public func on(_ executable: String, stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        let result = ProcessResult(termination: .exited(exitCode), stdout: stdout, stderr: stderr)
        on(executable) { _ in result }
    }

    /// Makes `tool` behave as not installed: `locate` gives nil and running it throws `.unavailable`.
    public func makeMissing(_ tool: String) {
        lock.withLock { _ = missing.insert(tool) }
    }

    /// Every command run or started so far, in order.
    public var commands: [Command] { lock.withLock { recorded } }

    // MARK: - ProcessRunner

    /// Records `command` and answers from the matching handler (or the default result).
    public func run(_ command: Command) throws -> ProcessResult {
        let (handler, isMissing) = lock.withLock { () -> (Handler?, Bool) in
            recorded.append(command)
            let name = Self.baseName(command.executable)
            let handler = handlers[command.executable] ?? handlers.first { Self.baseName($0.key) == name }?.value
            return (handler, missing.contains(command.executable) || missing.contains(name))
        }
        if isMissing {
            throw HelpError.unavailable(
                "\(command.executable) was not found on PATH",
                hint: "install \(command.executable), or set \(ToolLookup.overrideVariable(for: command.executable))")
        }
        return try handler?(command) ?? defaultResult
    }

    private static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Like `run`, returning an already finished handle.
    public func start(_ command: Command) throws -> any RunningProcess {
        FinishedProcess(result: try run(command))
    }

    /// `/usr/bin/<tool>` unless the tool was made missing.
    public func locate(_ tool: String) -> String? {
        let isMissing = lock.withLock { missing.contains(tool) }
        return isMissing ? nil : (tool.hasPrefix("/") ? tool : "/usr/bin/" + tool)
    }
}

/// The handle `RecordingProcessRunner.start` returns: already finished with its scripted result.
public final class FinishedProcess: RunningProcess, @unchecked Sendable {
    public let pid: Int32 = 0
    private let result: ProcessResult

    public init(result: ProcessResult) { self.result = result }

    /// The scripted result.
    public func wait() -> ProcessResult { result }
    /// The scripted result (the process is already over).
    public func poll() -> ProcessResult? { result }
    /// The scripted result; there is nothing to stop.
    @discardableResult public func stop(grace: Double) -> ProcessResult { result }
}
