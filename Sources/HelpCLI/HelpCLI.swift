import HelpProject
import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command-line front: parses the global options, picks the command, builds the context,
/// runs it, renders its report, and turns every outcome into an exit code. All errors end up in
/// one place (`fail`), printed as `error:`/`hint:` on stderr, or as a JSON document under `--json`.
public enum HelpCLI {
    /// The entry point for the real process: real descriptors, runner and folder. Ctrl-C is
    /// passed to the children, the command unwinds, the error is printed, and then `help` dies of
    /// the signal itself so the shell sees the interrupt (status 130).
    public static func main(_ arguments: [String], environment: [String: String]) -> Int32 {
        let signals = Signals(policy: .report)
        let installed = (try? signals.install()) != nil
        let host = Host(
            stdout: { FileDescriptorWriter.write(1, $0) },
            stderr: { FileDescriptorWriter.write(2, $0) },
            isTerminal: { isatty($0) == 1 },
            makeRunner: {
                PosixProcessRunner(environment: environment, console: $0, log: $1, signals: installed ? signals : nil)
            },
            keepsLogs: true,
            currentDirectory: Host.workingDirectory(),
            interruption: { signals.interruption })
        let code = run(arguments, environment: environment, host: host)
        signals.reraiseIfInterrupted()
        return code
    }

    /// The whole CLI against a given host; `arguments[0]` is the program name.
    public static func run(_ arguments: [String], environment: [String: String], host: Host) -> Int32 {
        let words = Array(arguments.dropFirst())
        var commandName: String?
        var style = OutputStyle.decide(
            globals: GlobalOptions(json: GlobalOptions.mentionsJSON(words)),
            environment: environment, isTerminal: host.isTerminal)
        do {
            let globalParser = ArgumentParser(options: GlobalOptions.table)
            let front = try globalParser.parse(words, mode: .untilFirstPositional)
            try globalParser.validate(front)
            var globals = try GlobalOptions(front)
            style = OutputStyle.decide(globals: globals, environment: environment, isTerminal: host.isTerminal)
            let console = Console(style: style, stdout: host.stdout, stderr: host.stderr)

            guard let name = front.remainder.first else {
                if globals.version { return printVersion(host.version(), on: console) }
                for line in UsageText.overview(commands: host.commands) { console.result(line) }
                return ExitCode.ok.rawValue
            }
            guard let command = host.commands.first(where: { $0.name == name }) else {
                throw ArgumentError.unknownCommand(
                    name, suggestion: Suggestion.closest(to: name, in: host.commands.map(\.name)))
            }
            commandName = name

            var commandWords = Array(front.remainder.dropFirst())
            if command.options.contains(where: { $0.long == "component" }) {
                let folder =
                    globals.project.flatMap { Host.resolveDirectory($0, from: host.currentDirectory) }
                    ?? host.currentDirectory
                commandWords = ComponentFlags.rewrite(commandWords, known: command.parser.options, folder: folder)
            }
            var arguments = try command.parser.parse(commandWords)
            arguments.merge(front)
            if arguments.flag("help") {
                for line in UsageText.command(command) { console.result(line) }
                return ExitCode.ok.rawValue
            }
            try command.parser.validate(arguments)
            globals = try GlobalOptions(arguments)
            style = OutputStyle.decide(globals: globals, environment: environment, isTerminal: host.isTerminal)
            return try execute(command, arguments, globals, style: style, environment: environment, host: host)
        } catch {
            return fail(error, command: commandName, style: style, host: host)
        }
    }

    // MARK: - Running a command

    private static func execute(
        _ command: CommandSpec, _ arguments: ParsedArguments, _ globals: GlobalOptions,
        style: Console.Style, environment: [String: String], host: Host
    ) throws -> Int32 {
        let console = Console(style: style, stdout: host.stdout, stderr: host.stderr)
        if globals.version { return printVersion(host.version(), on: console) }
        var folder = host.currentDirectory
        if let project = globals.project { folder = try Host.projectFolder(project, from: host.currentDirectory) }
        if let root = try? ProjectLocator.locate(from: folder) { try HelpCacheFolder.verify(root: root.path) }
        let log = host.keepsLogs ? commandLog(command.name, folder: folder) : nil
        var runner = host.makeRunner(console, log)
        if style.verbosity == .verbose { runner = EchoingRunner(base: runner, console: console, folder: folder) }
        let context = Context(
            runner: runner, environment: environment, console: console, workingDirectory: folder,
            interruption: host.interruption)
        let report = try command.run(Invocation(arguments: arguments, globals: globals), context)
        // An interrupted command's partial report is not the answer; the interrupt is.
        if let signal = host.interruption() { throw interrupted(by: signal) }
        report.render(on: console)
        return report.exitCode.rawValue
    }

    /// The log for this run in the project's `.helpcache/logs/`; none outside a project (a folder
    /// with help.json or .git), so running `help` in any folder never litters it. The file only
    /// appears once a child runs.
    private static func commandLog(_ name: String, folder: String) -> CommandLog? {
        guard let root = try? ProjectLocator.locate(from: folder), root.discovery != .startFolder else { return nil }
        return CommandLog(path: CommandLog.path(root: root.path, command: name, at: Clock.system.wall()))
    }

    private static func printVersion(_ version: HelpVersion, on console: Console) -> Int32 {
        if console.style.json { console.json(version.json.encoded(.pretty)) } else { console.result(version.line) }
        return ExitCode.ok.rawValue
    }

    // MARK: - Errors, in one place

    /// Prints any error the way the output style asks for and returns its exit code.
    static func fail(_ error: Error, command: String?, style: Console.Style, host: Host) -> Int32 {
        // Whatever a command threw while being interrupted, the interrupt is the reason.
        let helpError = host.interruption().map(interrupted(by:)) ?? userError(error, command: command)
        let console = Console(style: style, stdout: host.stdout, stderr: host.stderr)
        if style.json {
            let document: JSONValue = [
                "error": [
                    "message": .string(helpError.message),
                    "hint": .optional(helpError.hint),
                    "code": .int(Int(helpError.code.rawValue)),
                ]
            ]
            console.json(document.encoded(.pretty))
        } else {
            console.error(helpError)
        }
        return helpError.code.rawValue
    }

    /// Every error as a `HelpError`: parse errors become usage errors with a hint; anything
    /// unexpected keeps its description and exit code 1.
    static func userError(_ error: Error, command: String?) -> HelpError {
        switch error {
        case let error as HelpError: return error
        case let error as ArgumentError: return error.helpError(command: command)
        default: return HelpError("\(error)", code: .failure)
        }
    }

    static func interrupted(by signal: Int32) -> HelpError {
        HelpError("interrupted (\(Signals.name(of: signal)))", code: .interrupted)
    }

    /// The process environment as a dictionary, read once at start.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                result[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
            }
            pointer += 1
        }
        return result
    }
}
