#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// glibc functions that the Swift `Glibc` module does not import (they sit behind `_GNU_SOURCE` or
/// in newer headers), resolved once by name so no C shim target is needed. Each is optional: the
/// callers fall back to the portable route when the running glibc or kernel lacks it.
enum LinuxCalls {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias PidfdOpen = @convention(c) (pid_t, UInt32) -> Int32
    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32

    private struct Table: @unchecked Sendable {
        var pipe2: Pipe2?
        var pidfdOpen: PidfdOpen?
        var addChdir: AddChdir?
        var addCloseFrom: AddCloseFrom?
        var setName: SetName?
    }

    private static let table: Table = {
        let handle = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let pointer = dlsym(handle, name) else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        return Table(
            pipe2: symbol("pipe2", as: Pipe2.self),
            pidfdOpen: symbol("pidfd_open", as: PidfdOpen.self),
            addChdir: symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self),
            addCloseFrom: symbol("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self),
            setName: symbol("pthread_setname_np", as: SetName.self)
        )
    }()

    // MARK: - Pipes

    /// A pipe whose both ends are close-on-exec from birth, so a child spawned concurrently on
    /// another thread never inherits them (which would hold the pipe open and delay EOF).
    static func makePipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        let result: Int32
        if let pipe2 = table.pipe2 {
            result = fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) }
        } else {
            result = fds.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
            if result == 0 {
                _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
                _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            }
        }
        guard result == 0 else { throw HelpError.io("cannot create a pipe: \(errnoMessage())") }
        return (fds[0], fds[1])
    }

    /// Sets O_NONBLOCK on a descriptor we poll.
    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }

    // MARK: - Processes

    /// A descriptor that becomes readable when `pid` exits (Linux 5.3+), or nil when unsupported.
    static func pidfd(_ pid: pid_t) -> Int32? {
        guard let open = table.pidfdOpen else { return nil }
        let fd = open(pid, 0)
        if fd < 0 { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }

    /// Adds a `chdir` to the spawn actions (glibc 2.29+); false when the running glibc lacks it.
    static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Bool {
        guard let add = table.addChdir else { return false }
        return path.withCString { add(actions, $0) } == 0
    }

    /// Closes every descriptor from `lowest` up in the child (glibc 2.34+), whatever its flags.
    @discardableResult
    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Bool {
        guard let add = table.addCloseFrom else { return false }
        return add(actions, lowest) == 0
    }
}

extension LinuxCalls {
    /// Names a thread (at most 15 bytes are kept by the kernel), for `ps -L` and debuggers.
    static func setThreadName(_ thread: pthread_t, _ name: String) {
        guard let setName = table.setName else { return }
        _ = String(decoding: name.utf8.prefix(15), as: UTF8.self).withCString { setName(thread, $0) }
    }
}

/// The text of the current `errno` (or of `code`), for error messages.
public func errnoMessage(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}

/// Closes a descriptor, ignoring EINTR (on Linux the descriptor is released either way).
func closeDescriptor(_ fd: Int32) {
    if fd >= 0 { _ = close(fd) }
}

/// `stat(2)`, callable from types that have a `stat` member of their own.
func statPath(_ path: String, _ info: inout stat, followLinks: Bool = true) -> Int32 {
    followLinks ? stat(path, &info) : lstat(path, &info)
}
