#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The loop that serves one child until it is gone: a single `poll(2)` over its output pipes,
/// its stdin, an exit notification and a wake pipe, with the nearest deadline (timeout, grace,
/// linger) as the poll timeout, so nothing sleeps or spins.
final class ChildPump {
    /// After the child exits, how long its pipes may stay silent before we stop reading. A
    /// daemonized grandchild (`pg_ctl start`) can hold them open forever; everything the child
    /// itself wrote is already in the pipe when its exit is reported.
    static let linger = 0.1

    private let child: ChildProcess
    private let spawned: SpawnedChild
    private let grace: Double
    private let log: CommandLog?
    private let logEntry: Int?
    private var channels: [OutputChannel] = []
    private var input: (fd: Int32, bytes: [UInt8], offset: Int)?
    private let exitWatch: ExitWatch

    init(child: ChildProcess, spawned: SpawnedChild, grace: Double, console: Console, log: CommandLog?, logEntry: Int?)
    {
        self.child = child
        self.spawned = spawned
        self.grace = grace
        self.log = log
        self.logEntry = logEntry
        self.exitWatch = ExitWatch(pid: spawned.pid, wake: { [child] in child.wake() })
        let command = child.command
        var prefix: String?
        if case .stream(let name) = command.output { prefix = name }
        let secrets = Array(command.secrets.values)
        // A background service may print for hours; a foreground step that floods is cut short.
        let budget = ConsoleBudget(maxLines: command.newProcessGroup ? nil : ConsoleBudget.foregroundLines)
        for (kind, fd) in [(OutputChannel.Kind.stdout, spawned.stdoutRead), (.stderr, spawned.stderrRead)] {
            guard let fd else { continue }
            channels.append(
                OutputChannel(kind: kind, fd: fd, streaming: prefix != nil, tailLines: 200) { line in
                    guard let prefix else { return }
                    let shown = secrets.isEmpty ? line : Secret.redact(line, secrets)
                    if let text = budget.admit(shown, logged: log != nil) { console.prefixed(prefix, text) }
                    if let log, let logEntry { log.line(logEntry, kind, line) }
                })
        }
        if let fd = spawned.stdinWrite, case .bytes(let bytes) = command.input { input = (fd, bytes, 0) }
    }

    // MARK: - Loop

    /// Serves the child until it has exited and its output is drained, then reaps it.
    func run() {
        var timeoutAt = child.command.timeout.map { child.started.adding(seconds: $0) }
        var killAt: MonotonicTime?
        var lingerUntil: MonotonicTime?
        var exitedAt: MonotonicTime?
        var timedOut = false
        var stopping = false

        while true {
            if let stop = child.takeStopRequest() {
                if stop.signal == SIGKILL || !stop.alreadyDelivered { child.send(stop.signal) }
                if stop.signal != SIGKILL { killAt = min(killAt ?? stop.killAt, stop.killAt) }
                stopping = true
            }
            let now = MonotonicTime.now()
            if exitedAt == nil && exitWatch.descriptor < 0 && exitWatch.exitReported { exitedAt = now }
            if let deadline = timeoutAt, now >= deadline, exitedAt == nil {
                timeoutAt = nil
                timedOut = true
                stopping = true
                child.send(SIGINT)
                killAt = min(killAt ?? now.adding(seconds: grace), now.adding(seconds: grace))
            }
            if let deadline = killAt, now >= deadline {
                // After the leader is gone this still reaches grandchildren left in its group.
                child.send(SIGKILL)
                killAt = nil
                if exitedAt != nil { lingerUntil = now.adding(seconds: Self.linger) }
            }
            if exitedAt != nil {
                if !channels.contains(where: \.isOpen) { break }
                // While stopping a group, open pipes mean members are still shutting down: wait
                // for them until the grace period ends, then SIGKILL the group.
                let waitingForGroup = stopping && spawned.ownGroup && killAt != nil
                if !waitingForGroup {
                    if lingerUntil == nil { lingerUntil = now.adding(seconds: Self.linger) }
                    if let until = lingerUntil, now >= until { break }
                }
            }

            var fds: [pollfd] = [pollfd(fd: child.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
            if exitedAt == nil && exitWatch.descriptor >= 0 {
                fds.append(pollfd(fd: exitWatch.descriptor, events: Int16(POLLIN), revents: 0))
            }
            for channel in channels where channel.isOpen {
                fds.append(pollfd(fd: channel.fd, events: Int16(POLLIN), revents: 0))
            }
            if let input { fds.append(pollfd(fd: input.fd, events: Int16(POLLOUT), revents: 0)) }
            let deadlines = [timeoutAt, killAt, exitedAt == nil ? nil : lingerUntil].compactMap { $0 }
            let wait = deadlines.min().map { $0.millisecondsFromNow() } ?? -1
            let ready = fds.withUnsafeMutableBufferPointer { Glibc.poll($0.baseAddress, nfds_t($0.count), wait) }
            if ready < 0 {
                // EINTR: recompute deadlines and poll again. Anything else (ENOMEM) is transient;
                // a short pause keeps it from turning into a busy loop.
                if errno != EINTR { usleep(10_000) }
                continue
            }
            if ready == 0 { continue }

            for entry in fds where entry.revents != 0 {
                if entry.fd == child.wakeDescriptor {
                    child.drainWake()
                } else if exitedAt == nil && exitWatch.descriptor >= 0 && entry.fd == exitWatch.descriptor {
                    exitedAt = MonotonicTime.now()
                } else if let input, entry.fd == input.fd {
                    feedInput()
                } else if let channel = channels.first(where: { $0.fd == entry.fd }) {
                    // New output after the exit restarts the linger: a grandchild is still talking.
                    if channel.drain() > 0 && exitedAt != nil && lingerUntil != nil {
                        lingerUntil = MonotonicTime.now().adding(seconds: Self.linger)
                    }
                }
            }
        }
        finish(exitedAt: exitedAt ?? MonotonicTime.now(), timedOut: timedOut)
    }

    // MARK: - Stdin

    private func feedInput() {
        guard var pending = input else { return }
        while pending.offset < pending.bytes.count {
            let written = pending.bytes.withUnsafeBytes {
                Glibc.write(pending.fd, $0.baseAddress! + pending.offset, $0.count - pending.offset)
            }
            if written > 0 {
                pending.offset += written
                continue
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                input = pending
                return
            }
            break  // EPIPE: the child closed its stdin or exited; the rest is not wanted
        }
        closeDescriptor(pending.fd)
        input = nil
    }

    // MARK: - End

    private func finish(exitedAt: MonotonicTime, timedOut: Bool) {
        for channel in channels {
            channel.drain()
            channel.close()
        }
        if let input { closeDescriptor(input.fd) }
        input = nil
        let termination = exitWatch.reap()
        let captured = child.command.output == .capture
        let result = ProcessResult(
            termination: termination,
            stdout: channels.first { $0.kind == .stdout }?.text ?? "",
            stderr: channels.first { $0.kind == .stderr }?.text ?? "",
            timedOut: timedOut,
            duration: exitedAt.seconds(since: child.started)
        )
        if let log, let logEntry {
            log.finished(
                logEntry, result, captured: captured ? (result.stdout, result.stderr) : nil,
                keepStdout: child.command.logsStdout)
        }
        child.finish(result)
    }
}
