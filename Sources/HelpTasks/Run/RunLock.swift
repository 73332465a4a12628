import HelpSystem

/// Keeps a second `help run` in the same project from fighting the first over ports, `.env` and
/// the database: an exclusive lock on `.helpcache/state/run.lock`, which holds the owner's pid.
/// The kernel drops the lock when its owner dies, so a crashed run never blocks the next one.
/// While the run lasts, `run.json` beside it says which services run where, for other tools.
public final class RunLock: @unchecked Sendable {
    public let root: String
    private let lock: FileLock
    private let fileSystem = FileSystem()

    private init(root: String, lock: FileLock) {
        self.root = root
        self.lock = lock
    }

    deinit { release() }

    /// `<root>/.helpcache/state`.
    public static func stateDirectory(root: String) -> String { HelpCacheFolder(projectRoot: root).state }
    /// The lock file.
    public static func lockPath(root: String) -> String { stateDirectory(root: root) + "/run.lock" }
    /// The services of the running `help run`, as JSON.
    public static func statePath(root: String) -> String { stateDirectory(root: root) + "/run.json" }

    /// Takes the project's run lock, or fails with exit 75 naming the live owner.
    public static func acquire(root: String) throws -> RunLock {
        let path = lockPath(root: root)
        if let lock = try FileLock.tryAcquire(path) { return RunLock(root: root, lock: lock) }
        let owner = (try? FileSystem().readText(path)).flatMap { Int32($0.split(separator: "\n").first ?? "") }
        let alive = owner.map { ProcessIdentity.isAlive($0) } ?? false
        let who = owner.map { alive ? " (pid \($0))" : "" } ?? ""
        throw HelpError(
            "help run is already running in this project\(who)",
            hint: owner.map {
                alive
                    ? "stop it with Ctrl-C in its terminal (or kill \($0)), or use its servers"
                    : "try again in a moment"
            } ?? "try again in a moment",
            code: .tempFailure)
    }

    /// Records the running services in `run.json` (atomically; a failure only costs the record),
    /// with each one's start time and command line, so that a later run can tell them from a
    /// process that reused the pid.
    public func record(_ services: [RunningService]) {
        let entries: [JSONValue] = services.map { service in
            let pid = service.process.pid
            var object: JSONObject = [
                "component": .string(service.launch.component), "pid": .int(Int(pid)),
                "command": .string(ProcessGroupMembers.commandLine(of: pid)),
            ]
            if let started = ProcessGroupMembers.startTime(of: pid) { object["start_time"] = .int(Int(started)) }
            if let url = service.launch.baseURL { object["url"] = .string(url) }
            return .object(object)
        }
        let document: JSONValue = ["pid": .int(Int(ProcessIdentity.current)), "services": .array(entries)]
        try? fileSystem.writeAtomically(Self.statePath(root: root), Array((document.encoded(.pretty) + "\n").utf8))
    }

    /// Removes `run.json` and lets go of the lock (idempotent).
    public func release() {
        try? fileSystem.remove(Self.statePath(root: root))
        lock.release()
    }
}
