#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C and SIGTERM for the CLI.
public final class Signals: @unchecked Sendable {
    private let lock = Mutex()
    private var children: [ObjectIdentifier: ChildProcess] = [:]
    private var received: Int32?

    public init() {}

    /// The signal that interrupted this run, if one did.
    public var interruption: Int32? { lock.withLock { received } }

    func track(_ child: ChildProcess) {
        lock.withLock { children[ObjectIdentifier(child)] = child }
    }

    func untrack(_ child: ChildProcess) {
        _ = lock.withLock { children.removeValue(forKey: ObjectIdentifier(child)) }
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
