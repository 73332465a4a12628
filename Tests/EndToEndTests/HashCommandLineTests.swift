import HelpSystem
import HelpTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `help hash` through the built binary on inputs that never end: a signal stops it.
@Suite struct HashCommandLineTests {
    @Test(arguments: [(SIGTERM, "/dev/zero"), (SIGINT, "/dev/zero"), (SIGTERM, "fifo"), (SIGINT, "fifo")])
    func signalStopsHashingAnEndlessInput(signal: Int32, input: String) throws {
        let folder = TempDir(prefix: "help-hash")
        let path = input == "fifo" ? folder.path("pipe") : input
        if input == "fifo" { #expect(mkfifo(path, 0o600) == 0) }
        let help = try #require(BuiltHelp.path)
        let runner = PosixProcessRunner(
            environment: Environment.current().values,
            console: Console(style: Console.Style(), stdout: { _ in }, stderr: { _ in }))
        let process = try runner.start(
            Command(
                help, ["hash", path],
                environment: ["HOME": folder.path, "TMPDIR": folder.path, "XDG_CACHE_HOME": folder.path],
                workingDirectory: folder.path, output: .capture, newProcessGroup: true))
        usleep(500_000)
        #expect(kill(process.pid, signal) == 0)
        var result: ProcessResult?
        for _ in 0..<100 where result == nil {
            result = process.poll()
            if result == nil { usleep(100_000) }
        }
        if result == nil { process.stop(grace: 0) }
        let ended = try #require(result, "help hash \(path) ignored signal \(signal)")
        #expect(ended.termination == .signaled(signal) || ended.termination == .exited(128 + signal))
        #expect(ended.stderr.hasPrefix("error: interrupted"), "\(ended.stderr)")
    }
}
