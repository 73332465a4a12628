#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The full record of the children one `help` invocation ran: each command line (as it could be
/// retyped, secrets as `***`), its folder, the variables it added, how it ended, how long it took
/// and what it printed. One file per invocation under `<root>/.helpcache/logs/`, created on first
/// use; every line passes through `Secret.redact` with every secret any command carried.
public final class CommandLog: @unchecked Sendable {
    public let path: String
    private let clock: Clock
    private let lock = Mutex()
    private var fd: Int32 = -1
    private var secrets: [Secret] = []
    private var nextEntry = 1
    /// Why the log could not be written, if it could not (the run goes on regardless).
    public private(set) var failure: String?

    public init(path: String, clock: Clock = .system) {
        self.path = path
        self.clock = clock
    }

    deinit { closeDescriptor(fd) }

    /// `<root>/.helpcache/logs/<timestamp>-<command>.log` for the invocation of `command` now.
    public static func path(root: String, command: String, at time: WallTime) -> String {
        let safe = command.map { ($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) ? $0 : "-" }
        let name = safe.isEmpty ? "help" : String(safe)
        return HelpCacheFolder(projectRoot: root).logs + "/" + time.fileStamp + "-" + name + ".log"
    }

    // MARK: - Entries

    /// Free text, such as the `help` command line that started it all.
    public func note(_ text: String) {
        write(stamp() + " " + text + "\n")
    }

    /// Records a child that has just started and returns the entry number for its later lines.
    func started(_ command: Command, program: String, pid: Int32) -> Int {
        lock.withLock {
            for secret in command.secrets.values where !secrets.contains(secret) { secrets.append(secret) }
        }
        let entry = lock.withLock { () -> Int in
            defer { nextEntry += 1 }
            return nextEntry
        }
        write("\(stamp()) #\(entry) $ \(Self.describe(command))\n\(stamp()) #\(entry) pid \(pid): \(program)\n")
        return entry
    }

    /// A line a streamed child printed, as it arrives.
    func line(_ entry: Int, _ kind: OutputChannel.Kind, _ text: String) {
        write("#\(entry) \(kind == .stdout ? "out" : "err")| \(text)\n")
    }

    /// How the child ended, with its captured output (nil when it was streamed or inherited).
    /// `keepStdout` false records only the size of the captured stdout (see `Command.logsStdout`).
    func finished(
        _ entry: Int, _ result: ProcessResult, captured: (stdout: String, stderr: String)?, keepStdout: Bool = true
    ) {
        var text = "\(stamp()) #\(entry) \(Self.describe(result))\n"
        if let captured {
            if !keepStdout && !captured.stdout.isEmpty {
                text += "--- #\(entry) stdout: \(captured.stdout.utf8.count) bytes, not logged\n"
            }
            for (name, body) in [("stdout", keepStdout ? captured.stdout : ""), ("stderr", captured.stderr)]
            where !body.isEmpty {
                text += "--- #\(entry) \(name)\n" + body + (body.hasSuffix("\n") ? "" : "\n")
            }
        }
        write(text)
    }

    // MARK: - Rendering

    /// `cd DIR && env -i -u X A=1 TOKEN=*** tool args`: what was run, retypeable except secrets.
    static func describe(_ command: Command) -> String {
        var words: [String] = []
        if !command.inheritEnvironment { words.append("-i") }
        words += command.unsetEnvironment.sorted().flatMap { ["-u", Command.shellQuote($0)] }
        words += command.environment.sorted { $0.key < $1.key }.map { Command.shellQuote("\($0.key)=\($0.value)") }
        words += command.secrets.keys.sorted().map { "\($0)=***" }
        var line =
            words.isEmpty ? command.displayLine : "env " + words.joined(separator: " ") + " " + command.displayLine
        if let folder = command.workingDirectory { line = "cd \(Command.shellQuote(folder)) && " + line }
        return line
    }

    /// `exit 3 after 1.25s`, `timed out, killed by signal 9 after 30.0s`.
    static func describe(_ result: ProcessResult) -> String {
        let ending: String
        switch result.termination {
        case .exited(let code): ending = "exit \(code)"
        case .signaled(let signal): ending = "killed by signal \(signal)"
        }
        let seconds = Double(Int(result.duration * 1000)) / 1000
        return (result.timedOut ? "timed out, " : "") + ending + " after \(seconds)s"
    }

    private func stamp() -> String {
        let iso = clock.wall().iso8601
        return "[" + String(iso.dropFirst(11).dropLast()) + "]"
    }

    // MARK: - File

    private func write(_ text: String) {
        lock.withLock {
            if fd < 0 && failure == nil { openFile() }
            guard fd >= 0 else { return }
            FileDescriptorWriter.write(fd, Secret.redact(text, secrets))
        }
    }

    private func openFile() {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        do {
            if !folder.isEmpty { try FileSystem().createDirectories(folder) }
        } catch {
            failure = "\(error)"
            return
        }
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        if fd < 0 { failure = "cannot open \(path): \(errnoMessage())" }
    }
}
