#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process-wide part of `Signals`: the installed `sigaction` handlers, the self-pipe they write
/// to, and the watcher thread that reads it. The handler does nothing but `write(2)` two bytes
/// (the signal and whether the terminal sent it), which is async-signal-safe.
final class SignalInstallation: @unchecked Sendable {
    /// The self-pipe's write end, read by the C handler; -1 when nothing is installed. A handler
    /// cannot capture context, so this one descriptor has to live in a global.
    nonisolated(unsafe) static var pipeWrite: Int32 = -1

    private let signals: [Int32]
    private var previous: [Int32: sigaction] = [:]
    private let readEnd: Int32
    private let writeEnd: Int32
    private let lock = Mutex()
    private var restored = false

    init(signals: [Int32], onSignal: @escaping @Sendable (Int32, Bool) -> Void) throws {
        let pipe = try LinuxCalls.makePipe()
        self.readEnd = pipe.read
        self.writeEnd = pipe.write
        self.signals = signals
        LinuxCalls.setNonBlocking(pipe.write)  // a flood of signals must never block the handler
        SignalInstallation.pipeWrite = pipe.write

        let readEnd = pipe.read
        NativeThread.detach(name: "help-signals") {
            var message: (UInt8, UInt8) = (0, 0)
            while true {
                let count = withUnsafeMutableBytes(of: &message) { read(readEnd, $0.baseAddress, 2) }
                if count < 0 && errno == EINTR { continue }
                guard count == 2 else { break }  // the write end was closed: uninstalled
                if message.0 == 0 { break }
                onSignal(Int32(message.0), message.1 == 1)
            }
            closeDescriptor(readEnd)
        }

        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = signalHandler
            action.sa_flags = SA_SIGINFO | SA_RESTART
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
    }

    /// Puts the old actions back and stops the watcher.
    func restore() {
        let first = lock.withLock { () -> Bool in
            defer { restored = true }
            return !restored
        }
        guard first else { return }
        for signal in signals {
            if var old = previous[signal] { sigaction(signal, &old, nil) }
        }
        if SignalInstallation.pipeWrite == writeEnd { SignalInstallation.pipeWrite = -1 }
        var stop: (UInt8, UInt8) = (0, 0)
        _ = withUnsafeBytes(of: &stop) { write(writeEnd, $0.baseAddress, 2) }
        closeDescriptor(writeEnd)
    }
}

/// The C-level handler: records the signal in the self-pipe and nothing else.
private func signalHandler(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    let savedErrno = errno
    let code = info?.pointee.si_code ?? 0
    let fromTerminal: UInt8 = code == Int32(SI_KERNEL) ? 1 : 0
    var message: (UInt8, UInt8) = (UInt8(truncatingIfNeeded: signal), fromTerminal)
    _ = withUnsafeBytes(of: &message) { write(SignalInstallation.pipeWrite, $0.baseAddress, 2) }
    errno = savedErrno
}
