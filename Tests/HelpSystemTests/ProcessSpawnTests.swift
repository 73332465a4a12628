import HelpTestSupport
import Testing

@testable import HelpSystem

#if canImport(Glibc)
    import Glibc
#endif

/// The state a child starts in: signal mask, process group, descriptors, locks it can see.
@Suite struct ProcessSpawnTests {
    let runner = PosixProcessRunner(environment: ["PATH": "/usr/bin:/bin"], console: BufferConsole().console)

    /// The pid and process group in a /proc/<pid>/stat line (fields 1 and 5, around the name).
    private func pidAndGroup(_ text: String) -> (pid: Int32, group: Int32)? {
        guard let close = text.lastIndex(of: ")"), let pid = Int32(text.prefix { $0 != " " }) else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let group = Int32(fields[2]) else { return nil }
        return (pid, group)
    }

    @Test func childStartsWithNoBlockedSignalsWhateverOurThreadBlocks() throws {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR1)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        let result = try runner.run(Command("grep", ["SigBlk", "/proc/self/status"]))
        #expect(result.stdout == "SigBlk:\t0000000000000000\n")
    }

    @Test func foregroundChildSharesOurGroupAndBackgroundChildLeadsItsOwn() throws {
        let foreground = try #require(pidAndGroup(try runner.run(Command("cat", ["/proc/self/stat"])).stdout))
        #expect(foreground.group == getpgrp())
        let background = try #require(
            pidAndGroup(try runner.run(Command("cat", ["/proc/self/stat"], newProcessGroup: true)).stdout))
        #expect(background.group == background.pid)
        #expect(background.group != getpgrp())
    }

    @Test func childSeesOnlyStandardDescriptors() throws {
        // A descriptor of ours without close-on-exec must not leak into the child.
        let leaky = open("/dev/null", O_RDONLY)
        defer { close(leaky) }
        #expect(leaky > 3)
        let result = try runner.run(Command("ls", ["/proc/self/fd"]))
        // 0-2, plus the one ls opens to read the folder.
        let descriptors = result.stdout.split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.sorted() == [0, 1, 2, 3])
    }

    @Test func lockHeldHereExcludesAnotherProcess() throws {
        let folder = TempDir()
        let path = folder.path(".lock")
        let held = try FileLock.acquire(path)
        #expect(try runner.run(Command("flock", ["-n", path, "true"])).termination == .exited(1))
        held.release()
        #expect(try runner.run(Command("flock", ["-n", path, "true"])).succeeded)
    }

    @Test func inheritedOutputIsNotCaptured() throws {
        let result = try runner.run(Command("true", output: .inherit))
        #expect(result.succeeded)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func durationCoversTheChildsLife() throws {
        let result = try runner.run(Command("sleep", ["0.2"]))
        #expect(result.duration >= 0.2)
    }
}
