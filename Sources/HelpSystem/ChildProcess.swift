#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child started by `PosixProcessRunner`. One pump thread per child drains its pipes, feeds
/// its stdin, notices its exit, enforces its timeout and stop requests, and finally reaps it;
/// every other thread only posts requests and waits for the result.
final class ChildProcess: RunningProcess, @unchecked Sendable {
    let pid: Int32
    let command: Command
    let ownGroup: Bool
    let started: MonotonicTime

    /// A stop asked for from another thread: which signal, whether the child already got it (from
    /// the terminal, being in our group), and when to give up and SIGKILL.
    struct StopRequest {
        var signal: Int32
        var alreadyDelivered: Bool
        var killAt: MonotonicTime
    }

    private let lock = Mutex()
    private var pendingStop: StopRequest?
    private let completion = Completion<ProcessResult>()
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Called once with the result, on the pump thread, before waiters wake (log, signal registry).
    private let onFinish: (ChildProcess, ProcessResult) -> Void

    init(
        spawned: SpawnedChild, command: Command, started: MonotonicTime, grace: Double,
        console: Console, log: CommandLog?, logEntry: Int?, onFinish: @escaping (ChildProcess, ProcessResult) -> Void
    ) throws {
        self.pid = spawned.pid
        self.command = command
        self.ownGroup = spawned.ownGroup
        self.started = started
        self.onFinish = onFinish
        let wake = try LinuxCalls.makePipe()
        LinuxCalls.setNonBlocking(wake.read)
        LinuxCalls.setNonBlocking(wake.write)
        self.wakeRead = wake.read
        self.wakeWrite = wake.write
        let pump = ChildPump(
            child: self, spawned: spawned, grace: grace, console: console, log: log, logEntry: logEntry)
        NativeThread.detach(name: "help-child-\(spawned.pid)") { pump.run() }
    }

    deinit {
        closeDescriptor(wakeRead)
        closeDescriptor(wakeWrite)
    }

    // MARK: - RunningProcess

    /// Blocks until the pump has reaped the child.
    func wait() -> ProcessResult { completion.wait() }

    /// The result once the child is reaped, without blocking.
    func poll() -> ProcessResult? { completion.value }

    /// SIGINT to the child (its group if it has one), SIGKILL after `grace` seconds.
    @discardableResult
    func stop(grace: Double) -> ProcessResult {
        request(
            StopRequest(signal: SIGINT, alreadyDelivered: false, killAt: MonotonicTime.now().adding(seconds: grace)))
        return wait()
    }

    /// Passes on a signal we received (Ctrl-C, SIGTERM). A child in our own group already got a
    /// terminal-generated one from the kernel, and a second Ctrl-C means "force quit" to many
    /// tools, so it is not sent twice; the grace period applies either way.
    func forward(signal: Int32, fromTerminal: Bool, grace: Double) {
        let delivered = fromTerminal && !ownGroup
        request(
            StopRequest(signal: signal, alreadyDelivered: delivered, killAt: MonotonicTime.now().adding(seconds: grace))
        )
    }

    /// Escalates straight to SIGKILL (a second Ctrl-C).
    func kill() {
        request(StopRequest(signal: SIGKILL, alreadyDelivered: false, killAt: MonotonicTime.now()))
    }

    // MARK: - Pump side

    private func request(_ stop: StopRequest) {
        guard completion.value == nil else { return }
        lock.withLock {
            if let current = pendingStop, current.killAt < stop.killAt, current.signal == stop.signal { return }
            pendingStop = stop
        }
        wake()
    }

    /// Interrupts the pump's poll so it looks at requests and flags again.
    func wake() {
        var byte: UInt8 = 1
        _ = Glibc.write(wakeWrite, &byte, 1)
    }

    /// The pump takes the latest request, if any.
    func takeStopRequest() -> StopRequest? {
        lock.withLock {
            defer { pendingStop = nil }
            return pendingStop
        }
    }

    /// The descriptor the pump polls to learn of new requests.
    var wakeDescriptor: Int32 { wakeRead }

    /// Empties the wake pipe after a wake-up.
    func drainWake() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &bytes, bytes.count) > 0 {}
    }

    /// Sends `signal` to the child's group when it has one, else to the child alone. Safe against
    /// pid reuse: the child is reaped only after the pump's last signal.
    func send(_ signal: Int32) {
        _ = Glibc.kill(ownGroup ? -pid : pid, signal)
    }

    /// Publishes the result: callbacks first, then waiters.
    func finish(_ result: ProcessResult) {
        onFinish(self, result)
        completion.complete(result)
    }
}
