import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Building a case's project, and running `help` in it (interrupted at a step when the case says so).
extension BadInputCatalogueTests {
    // MARK: - Setup

    func build(_ entry: BadInputCase, in project: TempDir, fill: (String) -> String) throws {
        let fs = FileSystem()
        for (path, text) in entry.files {
            if path.hasPrefix("{outside}") {
                let target = fill(path)
                try fs.createDirectories(String(target[..<target.lastIndex(of: "/")!]))
                try fs.writeAtomically(target, Array(fill(text).utf8))
            } else {
                try project.write([path: fill(text)])
            }
        }
        for (path, text, times, prefix) in entry.repeats {
            try project.write([path: ""])
            try fs.writeAtomically(project.path(path), Array((prefix + String(repeating: text, count: times)).utf8))
        }
        for (path, bytes) in entry.bytes {
            try project.write([path: ""])
            try fs.writeAtomically(project.path(path), bytes)
        }
        for (path, target) in entry.symlinks {
            try parentFolder(project.path(path))
            #expect(symlink(fill(target), project.path(path)) == 0, "cannot link \(path)")
        }
        for path in entry.fifos {
            try parentFolder(project.path(path))
            #expect(mkfifo(project.path(path), 0o644) == 0, "cannot make the pipe \(path)")
        }
        for (path, mode) in entry.modes {
            #expect(chmod(project.path(path), mode_t(mode)) == 0, "cannot chmod \(path)")
        }
    }

    private func parentFolder(_ path: String) throws {
        try FileSystem().createDirectories(String(path[..<path.lastIndex(of: "/")!]))
    }

    /// Opens the modes back up so the folder can be removed.
    func restoreModes(_ entry: BadInputCase, in project: TempDir) {
        for (path, _) in entry.modes { _ = chmod(project.path(path), 0o755) }
    }

    // MARK: - Running

    /// `help` with the case's arguments; with `interrupt_when` (or `interrupt_after`), started in the
    /// background and sent SIGINT once its output holds that text (or after that many seconds, 60 at most).
    func run(_ entry: BadInputCase, in folder: String, environment: [String: String], fill: (String) -> String)
        throws -> ProcessResult
    {
        let arguments = entry.arguments.map(fill)
        guard entry.interruptWhen != nil || entry.interruptAfter != nil else {
            return try BuiltHelp.run(
                arguments, in: folder, environment: environment,
                input: entry.stdin.map { .bytes(Array(fill($0).utf8)) } ?? .null)
        }
        let output = BufferConsole()
        let runner = PosixProcessRunner(
            environment: Environment.current().values.merging(environment.merging(["NO_COLOR": "1"]) { $1 }) { $1 },
            console: output.console)
        var command = Command(try #require(BuiltHelp.path), arguments, workingDirectory: folder, timeout: 120)
        command.output = .stream(prefix: "")
        let process = try runner.start(command)
        let limit = MonotonicTime.now().adding(seconds: entry.interruptAfter ?? 60)
        // Streamed lines of both outputs reach the console; the result keeps each output's tail.
        while process.poll() == nil, MonotonicTime.now() < limit,
            !(entry.interruptWhen.map { (output.stdout + output.stderr).contains(fill($0)) } ?? false)
        {
            usleep(10_000)
        }
        kill(process.pid, SIGINT)
        return process.wait()
    }
}

/// A 1 MiB tmpfs mounted over a case's project folder, filled up once the project is written.
struct BadInputDisk {
    let path: String

    /// Whether this process may mount (root, and not refused by a container).
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = TempDir(prefix: "help-tmpfs-probe")
        guard mount("tmpfs", probe.path, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(probe.path)
        return true
    }()

    init(mountedOn path: String) throws {
        guard mount("tmpfs", path, "tmpfs", 0, "size=1m") == 0 else {
            throw HelpError.io("cannot mount a tmpfs on \(path): errno \(errno)")
        }
        self.path = path
    }

    /// Writes one file until the disk says it is full.
    func fill() throws {
        let fd = open(path + "/.filler", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw HelpError.io("cannot create the filler on \(path)") }
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        while write(fd, block, block.count) > 0 {}
        _ = write(fd, block, 1)
    }

    func unmount() {
        umount2(path, Int32(MNT_DETACH))
    }
}
