import HelpSystem

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hashes files from disk with large sequential reads into one buffer per file.
public enum FileHasher {
    /// The largest read: big enough that syscalls cost nothing next to hashing, small enough to
    /// stay in the L2 cache while it is hashed.
    public static let chunkSize = 1 << 20

    // MARK: - Hashing

    /// The SHA-256 of the file's contents. Throws `HelpError` (`.ioError`) naming the path.
    public static func hash(path: String, implementation: SHA256.Implementation = .preferred) throws -> Digest {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { close(fd) }
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : nil
        return try hash(fileDescriptor: fd, size: size, path: path, implementation: implementation)
    }

    /// The SHA-256 of a file named on the command line, which may be stdin (`-`), a pipe or a device
    /// that never ends (`/dev/zero`): `stop` is asked before every read, and every 0.2 s while a
    /// pipe is silent, so Ctrl-C or SIGTERM ends the hashing with an interrupted error. A pipe is
    /// opened without waiting for its writer, then waited for with `poll`.
    public static func hash(commandLinePath path: String, stop: () -> Bool) throws -> Digest {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(path, errno) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        return try hash(
            fileDescriptor: fd, size: regular ? Int(info.st_size) : nil, path: path, stop: stop, waits: !regular)
    }

    /// The SHA-256 of everything left to read from `fd`, for callers that opened and `fstat`ed the
    /// file themselves. `size` only sizes the buffer (the file is read to its end whatever it says);
    /// `path` names the file in errors. The descriptor stays open.
    public static func hash(
        fileDescriptor fd: Int32, size: Int?, path: String, implementation: SHA256.Implementation = .preferred
    ) throws -> Digest {
        try hash(
            fileDescriptor: fd, size: size, path: path, implementation: implementation, stop: { false }, waits: false)
    }

    /// The read loop: `stop` is asked before each read; with `waits`, reads only once `poll`
    /// says there is something to read (a pipe), so a silent writer cannot block a stop.
    private static func hash(
        fileDescriptor fd: Int32, size: Int?, path: String, implementation: SHA256.Implementation = .preferred,
        stop: () -> Bool, waits: Bool
    ) throws -> Digest {
        let capacity = bufferSize(for: size)
        // Read-ahead only pays off past one buffer; a small file is a single read, and skipping
        // the call saves a syscall per file when a cache hashes thousands of them.
        if (size ?? Int.max) >= capacity {
            _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        }
        return try withUnsafeTemporaryAllocation(byteCount: capacity, alignment: 64) { buffer in
            var hasher = SHA256(implementation: implementation)
            let base = buffer.baseAddress!
            while true {
                if stop() { throw HelpError("interrupted while reading \(path)", code: .interrupted) }
                var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if waits && poll(&waiting, 1, 200) <= 0 { continue }
                let count = read(fd, base, capacity)
                if count > 0 {
                    hasher.update(UnsafeRawBufferPointer(start: base, count: count))
                } else if count == 0 {
                    return hasher.finalize()
                } else if errno != EINTR && errno != EAGAIN {
                    throw failure(path, errno)
                }
            }
        }
    }

    // MARK: - Helpers

    /// One read for a small file (plus the read that sees the end), `chunkSize` reads for a big one,
    /// whole pages either way.
    static func bufferSize(for size: Int?) -> Int {
        guard let size, size >= 0 else { return chunkSize }
        let pages = (size + 1 + 4095) / 4096 * 4096
        return min(chunkSize, max(4096, pages))
    }

    private static func failure(_ path: String, _ code: Int32) -> HelpError {
        .io(
            "cannot read \(path): \(String(cString: strerror(code)))",
            hint: "check that the file exists and is readable")
    }
}
