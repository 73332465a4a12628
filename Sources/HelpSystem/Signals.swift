#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C, SIGTERM and SIGHUP for the CLI. While children run, the signal is passed on to them
/// (background groups always; foreground children only when the terminal did not already send it
/// to them), they get a grace period, then SIGKILL. Afterwards either the signal is re-raised with
/// its default action so the shell sees `help` die of it (`.reraise`), or the run is marked
/// interrupted for the top level to finish and exit 130 (`.report`). A second signal kills the
/// children at once and re-raises in both modes. The handler itself only writes two bytes to a
/// pipe; a watcher thread does the rest.
public final class Signals: @unchecked Sendable {
    /// What happens once the children are gone after the first signal.
    public enum Policy: Sendable {
        /// Die of the same signal, the way the shell expects from a well-behaved tool.
        case reraise
        /// Keep running: the top level sees `interruption` and exits with `exitStatus`.
        case report
    }

    public let policy: Policy
    /// Seconds children get between the forwarded signal and SIGKILL.
    public let grace: Double
    private let lock = Mutex()
    private var children: [ObjectIdentifier: ChildProcess] = [:]
    private var received: Int32?
    private var cleanups: [@Sendable () -> Void] = []
    private var installation: SignalInstallation?

    public init(policy: Policy = .report, grace: Double = 5) {
        self.policy = policy
        self.grace = grace
    }

    // MARK: - State for the top level

    /// The signal that interrupted this run, if one did.
    public var interruption: Int32? { lock.withLock { received } }

    /// 128 + the signal (130 for Ctrl-C) once interrupted, else nil.
    public var exitStatus: Int32? { interruption.map { 128 + $0 } }

    /// Runs `body` before the process dies of a re-raised signal (erase a progress line, remove a
    /// temporary file). Called on the watcher thread, so it must not wait for the main thread.
    public func atInterrupt(_ body: @escaping @Sendable () -> Void) {
        lock.withLock { cleanups.append(body) }
    }

    /// When interrupted: runs the cleanups, restores the default action and dies of the signal.
    /// Returns normally when no signal arrived.
    public func reraiseIfInterrupted() {
        guard let signal = interruption else { return }
        Signals.die(of: signal, after: lock.withLock { cleanups })
    }

    // MARK: - Handlers

    /// Installs the handlers for SIGINT, SIGTERM and SIGHUP and starts the watcher. Only one
    /// `Signals` can be installed at a time; installing another replaces it.
    public func install() throws {
        guard lock.withLock({ self.installation == nil }) else { return }
        let installation = try SignalInstallation(signals: [SIGINT, SIGTERM, SIGHUP]) {
            [weak self] signal, fromTerminal in
            self?.handle(signal: signal, fromTerminal: fromTerminal)
        }
        lock.withLock { self.installation = installation }
    }

    /// Restores the actions that were in place before `install` (tests, embedding).
    public func uninstall() {
        let installation = lock.withLock { () -> SignalInstallation? in
            defer { self.installation = nil }
            return self.installation
        }
        installation?.restore()
    }

    // MARK: - Children

    /// Registers a running child to receive forwarded signals.
    func track(_ child: ChildProcess) {
        lock.withLock { children[ObjectIdentifier(child)] = child }
    }

    /// Forgets a child that has been reaped.
    func untrack(_ child: ChildProcess) {
        _ = lock.withLock { children.removeValue(forKey: ObjectIdentifier(child)) }
    }

    /// What the watcher does with a signal; `fromTerminal` is true when the kernel sent it to the
    /// whole foreground group (Ctrl-C typed), so our foreground children already have it.
    func handle(signal: Int32, fromTerminal: Bool) {
        let (first, running, cleanups) = lock.withLock { () -> (Bool, [ChildProcess], [@Sendable () -> Void]) in
            (received == nil, Array(children.values), self.cleanups)
        }
        // An interactive child (a REPL on our terminal) owns Ctrl-C: it is input for it, not a
        // request to stop `help`.
        if fromTerminal && signal == SIGINT && !running.isEmpty
            && running.allSatisfy({ !$0.ownGroup && $0.command.input == .inherit })
        {
            return
        }
        guard first else {
            for child in running { child.kill() }
            for child in running { _ = child.wait() }
            Signals.die(of: signal, after: cleanups)
        }
        lock.withLock { received = signal }
        for child in running { child.forward(signal: signal, fromTerminal: fromTerminal, grace: grace) }
        guard policy == .reraise else { return }
        // Waiting happens off the watcher so a second signal can still escalate.
        NativeThread.detach(name: "help-interrupt") {
            for child in running { _ = child.wait() }
            Signals.die(of: signal, after: cleanups)
        }
    }

    // MARK: - Helpers

    /// Runs the cleanups, then dies of `signal` with its default action (exit 128+signal if even
    /// that fails, e.g. the signal is ignored by inheritance).
    static func die(of signal: Int32, after cleanups: [@Sendable () -> Void]) -> Never {
        for cleanup in cleanups { cleanup() }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        _exit(128 + signal)
    }

    /// `SIGINT` for 2: for messages.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        case SIGKILL: return "SIGKILL"
        default: return "signal \(signal)"
        }
    }
}
