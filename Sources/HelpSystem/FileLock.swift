#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory `flock(2)` lock on a file, so concurrent `help` processes (two terminals, an
/// editor hook) take turns on a cache or a virtualenv. Held until `release()` or deinit; the
/// kernel drops it if the process dies. An exclusive holder writes its pid into the file so a
/// waiter can say who it is waiting for.
public final class FileLock: @unchecked Sendable {
    /// Many readers, or one writer.
    public enum Mode: Sendable {
        case shared, exclusive

        var operation: Int32 { self == .shared ? LOCK_SH : LOCK_EX }
    }

    public let path: String
    public let mode: Mode
    private let lock = Mutex()
    private var fd: Int32

    private init(path: String, mode: Mode, fd: Int32) {
        self.path = path
        self.mode = mode
        self.fd = fd
    }

    deinit { release() }

    // MARK: - Taking

    /// Takes the lock, waiting for it: forever when `timeout` is nil, else up to `timeout` seconds,
    /// then a `.tempFailure` error naming the holder.
    public static func acquire(_ path: String, mode: Mode = .exclusive, timeout: Double? = nil) throws -> FileLock {
        let fd = try openLockFile(path)
        guard let timeout else {
            while flock(fd, mode.operation) != 0 {
                if errno == EINTR { continue }
                let message = errnoMessage()
                closeDescriptor(fd)
                throw HelpError.io("cannot lock \(path): \(message)")
            }
            return FileLock(path: path, mode: mode, fd: fd).stamped()
        }
        // flock has no timed form; a blocked waiter retries with a growing pause (5 ms to 100 ms).
        // Waiting for another `help` is rare and human-scale, so this costs nothing measurable.
        let deadline = MonotonicTime.now().adding(seconds: timeout)
        var pause: UInt32 = 5_000
        while true {
            if flock(fd, mode.operation | LOCK_NB) == 0 { return FileLock(path: path, mode: mode, fd: fd).stamped() }
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let message = errnoMessage()
                closeDescriptor(fd)
                throw HelpError.io("cannot lock \(path): \(message)")
            }
            if MonotonicTime.now() >= deadline { break }
            usleep(min(pause, UInt32(max(1, deadline.millisecondsFromNow())) * 1000))
            pause = min(pause * 2, 100_000)
        }
        closeDescriptor(fd)
        let holder = holderDescription(path)
        throw HelpError(
            "\(path) is locked by another help process\(holder)",
            hint: "wait for it to finish, or stop it and try again", code: .tempFailure)
    }

    /// Takes the lock only if nobody holds a conflicting one; nil otherwise.
    public static func tryAcquire(_ path: String, mode: Mode = .exclusive) throws -> FileLock? {
        let fd = try openLockFile(path)
        while flock(fd, mode.operation | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let failed = errno != EWOULDBLOCK
            let message = errnoMessage()
            closeDescriptor(fd)
            if failed { throw HelpError.io("cannot lock \(path): \(message)") }
            return nil
        }
        return FileLock(path: path, mode: mode, fd: fd).stamped()
    }

    /// Lets go of the lock (idempotent).
    public func release() {
        lock.withLock {
            guard fd >= 0 else { return }
            _ = flock(fd, LOCK_UN)
            closeDescriptor(fd)
            fd = -1
        }
    }

    // MARK: - Helpers

    private static func openLockFile(_ path: String) throws -> Int32 {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try FileSystem().createDirectories(String(path[..<slash]))
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw HelpError.io("cannot open lock file \(path): \(errnoMessage())") }
        return fd
    }

    private func stamped() -> FileLock {
        guard mode == .exclusive else { return self }
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return self
    }

    private static func holderDescription(_ path: String) -> String {
        guard let text = try? FileSystem().readText(path),
            let pid = Int32(text.split(separator: "\n").first ?? "")
        else { return "" }
        return " (pid \(pid))"
    }
}
