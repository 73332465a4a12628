import HelpSystem

/// The pieces of the outside world the CLI front needs: where output goes, whether a descriptor
/// is a terminal, how to build the process runner, the current folder, the registered commands.
/// `main` uses the real ones; tests hand in buffers and fakes and call `HelpCLI.run` directly.
public struct Host: Sendable {
    public var stdout: Console.Sink
    public var stderr: Console.Sink
    /// Whether a file descriptor (1 or 2) is an interactive terminal.
    public var isTerminal: @Sendable (Int32) -> Bool
    /// Builds the process runner once the console exists (the runner streams child output to it)
    /// and the command log is known (nil when nothing is recorded).
    public var makeRunner: @Sendable (Console, CommandLog?) -> any ProcessRunner
    /// Whether children are recorded under the project's `.helpcache/logs/` (off in unit tests).
    public var keepsLogs: Bool
    public var currentDirectory: String
    public var commands: [CommandSpec]
    /// The version `--version` reports.
    public var version: @Sendable () -> HelpVersion
    /// The signal that interrupted this run (Ctrl-C), once one has.
    public var interruption: @Sendable () -> Int32?

    public init(
        stdout: @escaping Console.Sink, stderr: @escaping Console.Sink,
        isTerminal: @escaping @Sendable (Int32) -> Bool,
        makeRunner: @escaping @Sendable (Console, CommandLog?) -> any ProcessRunner, keepsLogs: Bool = false,
        currentDirectory: String, commands: [CommandSpec] = CommandRegistry.all,
        version: @escaping @Sendable () -> HelpVersion = { HelpVersion.current() },
        interruption: @escaping @Sendable () -> Int32? = { nil }
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.isTerminal = isTerminal
        self.makeRunner = makeRunner
        self.keepsLogs = keepsLogs
        self.currentDirectory = currentDirectory
        self.commands = commands
        self.version = version
        self.interruption = interruption
    }

    /// The current folder of this process; `/` if it was removed under us.
    public static func workingDirectory() -> String {
        FileSystem().currentDirectory()
    }

    /// The folder `-C path` names, absolute with symlinks resolved. A folder that is missing, not
    /// a folder, or cannot be listed is an I/O error naming it (74), never an empty project.
    public static func projectFolder(_ path: String, from base: String) throws -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        let hint = "-C takes the folder of the project to work on."
        let fileSystem = FileSystem()
        guard fileSystem.exists(joined) else { throw HelpError.io("no such folder \(joined)", hint: hint) }
        guard fileSystem.isDirectory(joined) else { throw HelpError.io("\(joined) is not a folder", hint: hint) }
        do {
            _ = try fileSystem.listDirectory(joined)
        } catch let error as HelpError {
            throw HelpError.io("cannot read \(joined): \(error.message)", hint: hint)
        }
        return resolveDirectory(joined, from: base) ?? joined
    }

    /// `path` made absolute against `base`, with symlinks resolved; nil when it is not a folder.
    public static func resolveDirectory(_ path: String, from base: String) -> String? {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        let fileSystem = FileSystem()
        guard let real = fileSystem.realPath(joined), fileSystem.isDirectory(real) else { return nil }
        return real
    }
}
