import HelpSystem

/// A service that has been started, and its process (the leader of its own process group).
public final class RunningService: Sendable {
    public let launch: ServiceLaunch
    public let process: any RunningProcess
    /// Values to hide if its output is repeated in an error.
    let secrets: [Secret]

    init(launch: ServiceLaunch, process: any RunningProcess, secrets: [Secret]) {
        self.launch = launch
        self.process = process
        self.secrets = secrets
    }
}

/// Starts the services of a run, waits until each answers, then waits for the first one to end
/// and stops the rest. One waiter thread per service reports its end, so nothing polls while the
/// servers simply run.
final class ServiceSupervisor: @unchecked Sendable {
    private let context: Context
    private(set) var services: [RunningService] = []
    /// The index of the first service that ended (or whose app stopped serving).
    private let firstExit = Completion<Int>()
    /// Indexes of reloading services whose worker ended with none in its place.
    private let lostWorkers = Mutex()
    private var lostWorkerIndexes: Set<Int> = []
    /// Seconds of starting after which a note says the service is still not answering.
    static let slowStartNote = 30.0
    /// Seconds a stopped service gets before SIGKILL.
    static let grace = 5.0
    /// Seconds a reloader may go without a worker before its app counts as stopped: a reload
    /// replaces the worker at once, a crashed worker is not replaced until a file changes.
    static let workerGap = 2.0

    init(context: Context) {
        self.context = context
    }

    // MARK: - Starting

    /// Starts `launch` with `configuration`'s values in its environment.
    func start(_ launch: ServiceLaunch, configuration: EffectiveConfiguration?) throws -> RunningService {
        let command = launch.command(configuration: configuration)
        let process = try context.runner.start(command)
        let service = RunningService(launch: launch, process: process, secrets: configuration?.secretValues ?? [])
        services.append(service)
        let index = services.count - 1
        let firstExit = self.firstExit
        NativeThread.detach(name: "help-run-\(process.pid)") {
            _ = process.wait()
            firstExit.complete(index)
        }
        return service
    }

    /// What the readiness wait found.
    enum Readiness: Equatable {
        /// The service answered the probe with this HTTP status.
        case answered(status: Int)
        /// There is nothing to wait for.
        case started
        /// A stop was asked for while waiting.
        case interrupted
    }

    /// Waits until `service` answers its readiness probe. A service that ends first, or whose
    /// reloader loses its worker before answering (the app failed to load), is stopped and
    /// reported with its last lines (exit 1).
    func waitUntilReady(_ service: RunningService) throws -> Readiness {
        guard case .http(let path) = service.launch.readiness, let host = service.launch.connectHost,
            let port = service.launch.port
        else {
            return .started
        }
        let started = MonotonicTime.now()
        var sawWorker = false
        var noted = false
        while true {
            if context.interruption() != nil { return .interrupted }
            if let index = firstExit.value {
                let ended = services[index]
                throw crash(ended, ended.process.wait(), before: true)
            }
            if let status = NetworkProbe.httpStatus(host: host, port: port, path: path, timeout: 1) {
                return .answered(status: status)
            }
            if service.launch.reloads {
                if Self.hasWorker(group: service.process.pid) {
                    sawWorker = true
                } else if sawWorker && service.process.poll() == nil {
                    let result = service.process.stop(grace: Self.grace)
                    throw HelpError(
                        "\(service.launch.component): the app failed to start (the reloader's worker exited)"
                            + tail(service, result),
                        hint: "fix the error above and run help run again")
                }
            }
            if !noted && MonotonicTime.now().seconds(since: started) > Self.slowStartNote {
                context.console.warn(
                    "\(service.launch.component) has not answered GET \(path) on \(host):\(port) after \(Int(Self.slowStartNote)) s; still waiting"
                )
                noted = true
            }
            _ = firstExit.wait(timeout: 0.1)
        }
    }

    /// True while uvicorn's reloader has a live worker.
    static func hasWorker(group: Int32) -> Bool { worker(group: group) != nil }

    /// The live worker of uvicorn's reloader: a process of its group started by multiprocessing's
    /// spawn (the reloader's other helper, the resource tracker, does not count).
    static func worker(group: Int32) -> Int32? {
        ProcessGroupMembers.pids(inGroup: group, includingZombies: false).first { pid in
            pid != group && ProcessGroupMembers.commandLine(of: pid).contains("spawn_main")
        }
    }

    /// Watches the worker of a reloading service that is up. uvicorn's reloader outlives a worker
    /// that crashes and only starts another when a file changes, so `help run` would wait on a
    /// server that serves nothing: a worker gone with none in its place after `workerGap` seconds
    /// ends the run like a crashed server. Blocks on the worker's pidfd, never on a busy loop.
    func watchWorker(_ service: RunningService) {
        guard service.launch.reloads, let index = services.firstIndex(where: { $0 === service }) else { return }
        let group = service.process.pid
        NativeThread.detach(name: "help-worker-\(group)") { [self] in
            var missingSince: MonotonicTime?
            while firstExit.value == nil, context.interruption() == nil, service.process.poll() == nil {
                if let worker = Self.worker(group: group) {
                    missingSince = nil
                    ProcessExitWait.wait(for: worker, timeout: 1)
                    continue
                }
                let since = missingSince ?? MonotonicTime.now()
                missingSince = since
                if MonotonicTime.now().seconds(since: since) >= Self.workerGap {
                    if context.interruption() == nil, service.process.poll() == nil {
                        lostWorkers.withLock { _ = lostWorkerIndexes.insert(index) }
                        firstExit.complete(index)
                    }
                    return
                }
                MonotonicTime.sleep(seconds: 0.1)
            }
        }
    }

    // MARK: - Running and stopping

    /// Blocks until a service ends (or its app stops serving: `lostWorker`, then its reloader is
    /// stopped here) or a stop is asked for; returns the service and how it ended.
    func waitForFirstExit() -> (service: RunningService, result: ProcessResult, lostWorker: Bool) {
        let index = firstExit.wait()
        let service = services[index]
        if lostWorkers.withLock({ lostWorkerIndexes.contains(index) }) {
            return (service, service.process.stop(grace: Self.grace), true)
        }
        return (service, service.process.wait(), false)
    }

    /// Stops every service still running (SIGINT to its group, SIGKILL after the grace period),
    /// all at once, and waits for them.
    func stopAll() {
        let done = services.map { service -> Completion<Void> in
            let finished = Completion<Void>()
            if service.process.poll() != nil {
                finished.complete(())
            } else {
                NativeThread.detach(name: "help-stop-\(service.process.pid)") {
                    service.process.stop(grace: Self.grace)
                    finished.complete(())
                }
            }
            return finished
        }
        for signal in done { signal.wait() }
    }

    /// Waits for every service to end by itself (after an interrupt reached their groups).
    func waitForAll() {
        for service in services { _ = service.process.wait() }
    }

    /// Ends what is left in the services' process groups once their leaders are gone (a worker
    /// whose reloader was killed, a grandchild that ignored SIGINT): SIGTERM, the grace period,
    /// then SIGKILL. A group id cannot be handed to a new process while members remain, so the
    /// signal reaches only what the service left behind.
    func sweep() {
        services.map(\.process).sweepGroups(grace: Self.grace)
    }

    // MARK: - Errors

    /// The error for a service that ended on its own, or whose reloader lost its worker.
    func crash(_ service: RunningService, _ result: ProcessResult, before ready: Bool, lostWorker: Bool = false)
        -> HelpError
    {
        let how: String
        switch result.termination {
        case _ where lostWorker: how = "stopped serving: the reloader's worker exited and none took its place"
        case .exited(let code): how = "exited with code \(code)"
        case .signaled(let signal): how = "was killed by \(Signals.name(of: signal))"
        }
        return HelpError(
            "\(service.launch.component) \(how)\(ready ? " before answering" : "")" + tail(service, result),
            hint: "the lines above show why; the full output is in .helpcache/logs/")
    }

    private func tail(_ service: RunningService, _ result: ProcessResult) -> String {
        let text = result.stderr.isEmpty ? result.stdout : result.stderr
        let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter {
            !$0.trimmingCharacters(in: " \t").isEmpty
        }
        guard !lines.isEmpty else { return "" }
        return Secret.redact(":\n    " + lines.suffix(10).joined(separator: "\n    "), service.secrets)
    }
}
