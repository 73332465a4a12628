#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `ProcessRunner`: posix_spawn with argv arrays, tools found through `ToolLookup`,
/// both output pipes drained concurrently by one poll thread per child, timeouts that stop the
/// child (its whole group when it has one) with SIGINT, a grace period, then SIGKILL. A non-zero
/// exit is returned as a value; only a child that cannot start throws.
public struct PosixProcessRunner: ProcessRunner {
    /// The environment children inherit and tools are looked up in (overrides, PATH).
    public var environment: [String: String]
    /// Where `.stream` output is shown.
    public var console: Console
    /// Where every child's command line, status and output are recorded, if anywhere.
    public var log: CommandLog?
    /// Ctrl-C handling: children are registered so an interrupt reaches them, and no new child
    /// starts once an interrupt has arrived, except cleanup commands (`runsAfterInterrupt`).
    public var signals: Signals?
    /// Seconds between SIGINT and SIGKILL when a timeout stops a child.
    public var grace: Double

    public init(
        environment: [String: String], console: Console, log: CommandLog? = nil,
        signals: Signals? = nil, grace: Double = 5
    ) {
        self.environment = environment
        self.console = console
        self.log = log
        self.signals = signals
        self.grace = grace
    }

    // MARK: - ProcessRunner

    /// Starts `command` and waits for it to end.
    public func run(_ command: Command) throws -> ProcessResult {
        try start(command).wait()
    }

    /// Starts `command` and returns at once with a handle.
    public func start(_ command: Command) throws -> any RunningProcess {
        try startChild(command)
    }

    /// The program `tool` would run, nil when missing.
    public func locate(_ tool: String) -> String? {
        ToolLookup(environment: environment).locate(tool)
    }

    // MARK: - Starting

    /// Spawns the child, registers it for signals and hands it to its pump.
    func startChild(_ command: Command) throws -> ChildProcess {
        if let signal = signals?.interruption, !command.runsAfterInterrupt {
            throw HelpError(
                "interrupted (\(Signals.name(of: signal))), not starting \(command.executable)", code: .interrupted)
        }
        let program = try ToolLookup(environment: environment).resolve(command)
        if let folder = command.workingDirectory, !FileSystem().isDirectory(folder) {
            throw HelpError.io("cannot run \(command.executable) in \(folder): no such folder")
        }
        let started = MonotonicTime.now()
        let spawned = try PosixSpawn.spawn(
            path: program, arguments: command.arguments,
            environment: command.effectiveEnvironment(inheriting: environment),
            workingDirectory: command.workingDirectory, input: command.input, output: command.output,
            newProcessGroup: command.newProcessGroup)
        let entry = log?.started(command, program: program, pid: spawned.pid)
        let signals = self.signals
        let child: ChildProcess
        do {
            child = try ChildProcess(
                spawned: spawned, command: command, started: started, grace: grace, console: console,
                log: log, logEntry: entry, onFinish: { child, _ in signals?.untrack(child) })
        } catch {
            // No pump could be set up (out of descriptors): do not leave the child running.
            _ = kill(spawned.ownGroup ? -spawned.pid : spawned.pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(spawned.pid, &status, 0) < 0 && errno == EINTR {}
            [spawned.stdinWrite, spawned.stdoutRead, spawned.stderrRead].compactMap { $0 }.forEach(closeDescriptor)
            throw error
        }
        signals?.track(child)
        return child
    }
}
