import HelpCache
import HelpSystem
import HelpTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A hasher that records which files it was asked to read, so tests can prove the stat cache
/// spared them.
final class CountingHasher: ContentHasher, @unchecked Sendable {
    private let lock = Mutex()
    private var seen: [String] = []

    func digest(ofFileAt path: String, isSymlink: Bool) throws -> Digest {
        lock.withLock { seen.append(path) }
        return try FileContentHasher().digest(ofFileAt: path, isSymlink: isSymlink)
    }

    /// Relative names of the files read since the last call, sorted; clears the record.
    func takeReads(under folder: String) -> [String] {
        lock.withLock {
            defer { seen.removeAll() }
            return seen.map { $0.hasPrefix(folder + "/") ? String($0.dropFirst(folder.count + 1)) : $0 }.sorted()
        }
    }
}

/// Warnings collected from the cache, thread-safe.
final class WarningLog: @unchecked Sendable {
    private let lock = Mutex()
    private var lines: [String] = []

    var sink: @Sendable (String) -> Void { { [self] line in lock.withLock { lines.append(line) } } }
    var all: [String] { lock.withLock { lines } }
}

/// Test-side file operations.
enum Files {
    /// Sets a file's modification time `seconds` into the past, so the stat cache's racy rule
    /// (recent files are re-hashed) does not apply to it.
    static func age(_ path: String, seconds: Int = 3600) {
        var times = [
            timespec(tv_sec: time(nil) - seconds, tv_nsec: 0), timespec(tv_sec: time(nil) - seconds, tv_nsec: 0),
        ]
        precondition(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0, "utimensat \(path)")
    }

    /// Ages every file and folder under `folder` (outside `.git` and `.helpcache`) and the
    /// folder itself; folders last, since writing inside them moves their times.
    static func ageAll(_ folder: String, seconds: Int = 3600) {
        for item in CacheFiles.list(folder) where item.name != ".git" && item.name != ".helpcache" {
            let path = folder + "/" + item.name
            if item.isDirectory { ageAll(path, seconds: seconds) } else { age(path, seconds: seconds) }
        }
        age(folder, seconds: seconds)
    }

    /// Sets a file's modification time to now without changing its bytes (`touch`).
    static func touch(_ path: String) {
        precondition(utimensat(AT_FDCWD, path, nil, 0) == 0, "touch \(path)")
    }

    static func remove(_ path: String) {
        precondition(unlink(path) == 0, "unlink \(path)")
    }

    /// Overwrites a file in place (not by rename), keeping its inode.
    static func overwrite(_ path: String, _ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_TRUNC)
        precondition(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// The real runner, counting the git commands it runs.
final class CountingRunner: ProcessRunner, @unchecked Sendable {
    private let inner = quietRunner()
    private let lock = Mutex()
    private var commands: [[String]] = []

    func run(_ command: Command) throws -> ProcessResult {
        lock.withLock { commands.append([command.executable] + command.arguments) }
        return try inner.run(command)
    }

    func start(_ command: Command) throws -> any RunningProcess { try inner.start(command) }
    func locate(_ tool: String) -> String? { inner.locate(tool) }

    /// The number of git commands run since the last call; resets.
    func takeGitCount() -> Int {
        lock.withLock {
            defer { commands.removeAll() }
            return commands.filter { $0.first == "git" }.count
        }
    }
}

/// A real process runner for git-based tests, quiet.
func quietRunner() -> PosixProcessRunner {
    let environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "GIT_CONFIG_NOSYSTEM": "1"]
    return PosixProcessRunner(environment: environment, console: BufferConsole().console)
}

/// Runs git in `folder`, failing the test setup if git fails.
func git(_ folder: String, _ arguments: [String]) throws {
    let result = try quietRunner().run(
        Command(
            "git", ["-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments,
            workingDirectory: folder))
    guard result.succeeded else { throw HelpError("git \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
}
