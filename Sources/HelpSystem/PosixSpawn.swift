#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parent's side of a freshly spawned child: its pid and our ends of its pipes.
struct SpawnedChild {
    var pid: pid_t
    /// Write end of the child's stdin when we feed it bytes.
    var stdinWrite: Int32?
    var stdoutRead: Int32?
    var stderrRead: Int32?
    /// True when the child leads a process group of its own (background children).
    var ownGroup: Bool
}

/// One `posix_spawn` call with everything a child needs set up in the child itself: no signal
/// blocked, every signal at its default action, its own process group if asked, its folder,
/// stdin from /dev/null, a pipe or our terminal, and no descriptor of ours beyond 0-2.
enum PosixSpawn {
    /// Spawns `path` with `arguments`; throws `.unavailable` when it cannot be executed.
    static func spawn(
        path: String, arguments: [String], environment: [String: String], workingDirectory: String?,
        input: Command.Input, output: Command.Output, newProcessGroup: Bool
    ) throws -> SpawnedChild {
        var opened: [Int32] = []
        var childSide: [Int32] = []
        defer { childSide.forEach(closeDescriptor) }
        do {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            var child = SpawnedChild(pid: 0, ownGroup: newProcessGroup)

            switch input {
            case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            case .inherit: break
            case .bytes:
                let pipe = try LinuxCalls.makePipe()
                opened.append(pipe.write)
                childSide.append(pipe.read)
                posix_spawn_file_actions_adddup2(&actions, pipe.read, 0)
                LinuxCalls.setNonBlocking(pipe.write)
                child.stdinWrite = pipe.write
            }
            if output != .inherit {
                let out = try LinuxCalls.makePipe()
                opened.append(out.read)
                childSide.append(out.write)
                let err = try LinuxCalls.makePipe()
                opened.append(err.read)
                childSide.append(err.write)
                posix_spawn_file_actions_adddup2(&actions, out.write, 1)
                posix_spawn_file_actions_adddup2(&actions, err.write, 2)
                LinuxCalls.setNonBlocking(out.read)
                LinuxCalls.setNonBlocking(err.read)
                child.stdoutRead = out.read
                child.stderrRead = err.read
            }
            // Descriptors opened elsewhere without O_CLOEXEC must not leak into the child.
            LinuxCalls.addCloseFrom(&actions, 3)

            var argv = [path] + arguments
            var program = path
            if let folder = workingDirectory, !LinuxCalls.addChdir(&actions, folder) {
                // glibc before 2.29 has no chdir action: a fixed script changes folder and execs the
                // real argv; nothing from the command is ever part of the script text.
                program = "/bin/sh"
                argv = ["/bin/sh", "-c", "cd -- \"$1\" || exit 127; shift; exec \"$@\"", "sh", folder] + argv
            }

            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var noSignals = sigset_t()
            sigemptyset(&noSignals)
            posix_spawnattr_setsigmask(&attributes, &noSignals)
            var allSignals = sigset_t()
            sigfillset(&allSignals)
            sigdelset(&allSignals, SIGKILL)
            sigdelset(&allSignals, SIGSTOP)
            posix_spawnattr_setsigdefault(&attributes, &allSignals)
            var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
            if newProcessGroup {
                flags |= Int32(POSIX_SPAWN_SETPGROUP)
                posix_spawnattr_setpgroup(&attributes, 0)
            }
            posix_spawnattr_setflags(&attributes, Int16(flags))

            let cArguments = argv.map { strdup($0) } + [nil]
            let cEnvironment = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                for pointer in cArguments { free(pointer) }
                for pointer in cEnvironment { free(pointer) }
            }
            var pid = pid_t()
            let status = cArguments.withUnsafeBufferPointer { argvBuffer in
                cEnvironment.withUnsafeBufferPointer { envBuffer in
                    posix_spawn(&pid, program, &actions, &attributes, argvBuffer.baseAddress!, envBuffer.baseAddress!)
                }
            }
            guard status == 0 else { throw spawnError(status, path: path, folder: workingDirectory) }
            child.pid = pid
            return child
        } catch {
            opened.forEach(closeDescriptor)
            throw error
        }
    }

    private static func spawnError(_ code: Int32, path: String, folder: String?) -> HelpError {
        switch code {
        case ENOENT where folder != nil:
            return .unavailable(
                "cannot start \(path): \(errnoMessage(code))",
                hint: "check that \(path) and the folder \(folder ?? "") exist")
        case ENOENT, EACCES, ENOEXEC, ENOTDIR:
            return .unavailable(
                "cannot start \(path): \(errnoMessage(code))", hint: "check that \(path) is an executable program")
        case EAGAIN, ENOMEM:
            return HelpError(
                "cannot start \(path): \(errnoMessage(code))", hint: "the system is out of processes or memory",
                code: .tempFailure)
        default:
            return .io("cannot start \(path): \(errnoMessage(code))")
        }
    }
}
