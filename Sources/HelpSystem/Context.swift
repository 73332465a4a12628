/// Everything a workflow may touch in the world, handed down explicitly: no globals, no singletons.
/// The CLI builds the real one; tests build one with fakes (a FakeTool PATH, a temp folder, a
/// buffer console).
public struct Context: Sendable {
    public var runner: any ProcessRunner
    public var environment: [String: String]
    public var console: Console
    /// The folder the user ran `help` in (or `-C DIR`), absolute.
    public var workingDirectory: String
    /// The signal that interrupted this run (Ctrl-C, SIGTERM), once one has: long-running
    /// workflows (`help run`) tell a stop they were asked for from a child that failed.
    public var interruption: @Sendable () -> Int32?
    /// The files of the world; workflows read and write through it rather than making their own.
    public var fileSystem: FileSystem
    /// Wall and monotonic time (backup names, log stamps, durations).
    public var clock: Clock

    /// A context; the file system and the clock default to the real ones.
    public init(
        runner: any ProcessRunner, environment: [String: String], console: Console, workingDirectory: String,
        interruption: @escaping @Sendable () -> Int32? = { nil }, fileSystem: FileSystem? = nil,
        clock: Clock = .system
    ) {
        self.runner = runner
        self.environment = environment
        self.console = console
        self.workingDirectory = workingDirectory
        self.interruption = interruption
        self.fileSystem = fileSystem ?? FileSystem(clock: clock)
        self.clock = clock
    }
}
